"""Measure the editorial engine on real, raw pages: titles, junk, sections, summaries, speed.

Run by hand (nothing here is a test; the figures go in the README and docs/editorial.md):

    python benchmarks/bench_editorial.py                  # test split, tune split beside it
    python benchmarks/bench_editorial.py --corpus FILE    # any file of the corpus format (a held-out set)
    python benchmarks/bench_editorial.py --split tune-a --verbose   # every miss of one tune half

The corpus is benchmarks/corpus/pages-*.jsonl (format and origin: benchmarks/corpus/README.md).
Each page is read exactly as `briefing build` reads a pasted page saved as .txt (decoding,
traditional -> simplified, headline finding, cleaning), then classified, summarized and titled
with the built-in settings. The split is fixed by the URL's hash; the classifier and every rule
were tuned on the tune split only, so the test split's figures are the honest ones.

What is measured, and how:

- headline found: of the pages whose headline stands in the text, the share whose item title is
  the labelled headline as the item would print it (the same cleaning and cap applied to the
  label; the 原标题 is accepted too), compared after t2s and without spaces or punctuation.
- fitting written headline: of the pages without one, the share whose written title has no junk,
  keeps within title_max_chars, and shares at least a third of its characters, in order, with
  the labelled headline (character ROUGE-L F1 >= 1/3: the same story told in the same words).
  Beside it, a looser reading: at least 60 % of the written title's characters, in order, stand
  in what the labeller wrote about the story (its headline and reference summary).
- junk: every title and summary checked against independent patterns for each listed kind
  (below, not the cleaner's own), and against the page's id; the count of outputs with any.
- sections: accuracy over on-topic pages (the labelled best section, or the labelled second of
  a two-section page); off-topic pages rejected; two-section pages placed, never dropped.
- summaries: character ROUGE-L F1 against the reference summaries, beside a lead of the same
  length (the cleaned body's first characters, as many as the summary has); key facts kept
  (each labelled fact, t2s, found in the summary).
- speed: classify + summarize + title 500 articles (one process, after the dictionary and the
  model are loaded), and one 5 MB article written on a single line.

The old development set (benchmarks/devset) is run as a regression set.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from corpus import OFF_TOPIC, label, load_pages, main_article, simplified  # noqa: E402

from briefing.config import EditorialSettings, load_config  # noqa: E402
from briefing.editorial.classify import classify, classify_one  # noqa: E402
from briefing.editorial.learned import load_model  # noqa: E402
from briefing.editorial.summarize import Budget, summarize  # noqa: E402
from briefing.editorial.titles import clean_title, item_title, item_titles  # noqa: E402
from briefing.model import Article, Block, RawArticle  # noqa: E402
from briefing.text.clean import clean_article  # noqa: E402
from briefing.text.headlines import without_site_name  # noqa: E402
from briefing.text.normalize import normalize_text  # noqa: E402

DEVSET = Path(__file__).parent / "devset" / "articles.jsonl"
FITTING = 1 / 3
ON_POINT = 0.6

# ----------------------------------------------------------------------------- junk, independently

# Written apart from text/junk.py on purpose: a check that shares the cleaner's patterns would
# pass whatever the cleaner misses.
JUNK_PATTERNS = {
    "pinyin": re.compile(r"[\u4e00-\u9fff][（(]\s*[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*\s*[）)]"),
    # the toneless kind (截至（zhi）…全（quan）球（qiu）), twice in one output: a single lower-case
    # word in brackets may be a name's spelling, a run of them is the mirror's annotation
    "pinyin_plain": re.compile(r"(?:[\u4e00-\u9fff][（(](?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?[aeiouü][a-zü]{0,4}[）)].*?){2}"),
    # a sex-medicine word is an ad's bait next to an address, a price or a plea (老公阳痿www.…, 早泄怎么办),
    # and medicine in a drug approval (…气雾剂，适用于治疗成年男性原发性早泄)
    "spam": re.compile(r"(?:阳痿|早泄|壮阳)\S{0,10}(?:www|怎么|哪|多少钱|最好|治好)|老公阳痿|SEO|网站建设|彩金|百家乐|赌场|代开发票|无遮挡|在线观看|免费观看|国产精品|一区二区|www\.", re.I),
    "nav": re.compile(r"(?:\S{1,6}\s*[|｜]\s*){3,}"),
    "breadcrumb": re.compile(r">>|＞＞|首页\s*[>＞»]|当前位置|您的位置|[>＞»]\s*正文"),
    "furniture": re.compile(r"分享到|分享至|正在阅读|即时新闻|字号|打印本页|关闭窗口|APP下载|扫一扫|返回顶部|上一篇|下一篇|^×$|版权所有|免责声明|特别声明|发布评论|打开小程序|(?i:advertisements?\b|similar presentations)"),
    "counter": re.compile(r"(?:阅读|浏览|点击)(?:量|数|次数)\s*[：:]?\s*\d|(?:转发|回复|喜欢)\s*[：:]\s*\d"),
    # markup a pasted page still carries: tags, escaped tags, image file names
    "markup": re.compile(r"</?[A-Za-z][A-Za-z0-9]*[\s>]|\\u003c|[A-Za-z0-9_]\.(?:jpe?g|png|gif|webp)(?![A-Za-z])", re.I),
    "dateline": re.compile(r"^\s*(?:\d{4}[-年/.]\d{1,2}[-月/.]\d{1,2}日?\s*(?:\d{1,2}:\d{2})?|\d{1,2}:\d{2})\s*$|\d{4}-\d{2}-\d{2}\s+\d{2}:\d{2}"),
    "layout": re.compile(r"第\s*[A-Z]?\d{1,3}\s*版"),
    "credit": re.compile(r"视觉中国|东方IC|[（(]资料图片?[）)]|/\s*(?:图|摄)\b|/摄|供图|新华社发|记者\s*\S{2,4}\s*摄"),
    "caption": re.compile(r"^图为|[（(]图\s*\d?[）)]"),
    "byline": re.compile(r"本报记者|本报讯|[（(]记者\s*\S{2,4}[）)]|^文\s*/|通讯员\s*\S{2,4}"),
    "source_line": re.compile(r"来源\s*[：:]|稿源\s*[：:]"),
    "editor_line": re.compile(r"责任编辑|责编\s*[：:]|编辑\s*[：:]"),
    "outlet": re.compile(r"^(?:人民网|新华网|新华社|央视网|中国新闻网|中新网|光明网|澎湃新闻|\S{1,6}(?:网|频道))$"),
    # a journal mirror's (cnki, fx361) front matter glued to the lead: the issue (学报2020年2期),
    # an affiliation with its postcode (（西南政法大学，重庆401120）), the paper's headings, a
    # citation (…[J].中外健康文摘，2012,(1)), slash-joined English keywords, an author run said twice
    "journal": re.compile(r"[\u4e00-\u9fff）)]\s?(?:19|20)\d{2}年\s?\d{1,2}期(?![间货末工项])"),
    "affiliation": re.compile(r"(?:大学|学院|研究院|研究所|研究中心|医院)[^。；]{0,20}?[\u4e00-\u9fff][，,]?\s?\d{6}(?!\d{2}|[万亿元人个%.．])"),
    "front_matter": re.compile(r"基金项目\s*[：:]|作者简介|摘\s*要\s*[：:]|关键词\s*[：:]|中图分类号|文献标识码|引用本文|复制引用|Key\s?words|\[[JMD]\][.．]|^目的\s*[：:]|[A-Za-z]+(?: [A-Za-z]+)*/[A-Za-z]+(?: [A-Za-z]+)*/[A-Za-z]"),
    "name_run": re.compile(r"([\u4e00-\u9fff]{6,})\1"),
    # a pasted page's lead-in ahead of the first sentence: 发布于：…, 撰文：…, 导读…, and the
    # headline said again after 标题：/题：
    "lead_in": re.compile(r"^(?:发布于|撰文|撰稿|标题|题)\s*[：:]|^导读(?![的是])|^[【\[]?编者按"),
    # a photo credit run into the text (人民网陈博摄人民网厦门…), and a share link's text
    "photo_credit": re.compile(r"(?:网|社|报)(?:记者)?[\u4e00-\u9fff]{2,3}(?<!拍)摄(?![影像入取制氏])"),
    "link_text": re.compile(r"网页链接|新闻推荐|相关阅读|延伸阅读"),
}


def junk_in(text: str, page_id: str) -> list[str]:
    kinds = [kind for kind, pattern in JUNK_PATTERNS.items() if pattern.search(text)]
    if text.strip() in (page_id, f"{page_id}.txt"):
        kinds.append("file name")
    return kinds


# ----------------------------------------------------------------------------- measures

def key(text: str) -> str:
    """A comparison key: simplified, no spaces, no punctuation."""
    return re.sub(r"[\W_]+", "", normalize_text(simplified(text)))


def _chars(text: str) -> list[str]:
    return [c for c in normalize_text(text) if not c.isspace() and c not in "，。、；：？！“”‘’（）《》—…·「」『』【】"]


def lcs(a: list[str], b: list[str]) -> int:
    previous = [0] * (len(b) + 1)
    for x in a:
        current = [0]
        for j, y in enumerate(b):
            current.append(previous[j] + 1 if x == y else max(previous[j + 1], current[j]))
        previous = current
    return previous[-1]


def rouge_l(candidate: str, reference: str) -> float:
    c, r = _chars(candidate), _chars(reference)
    overlap = lcs(c, r)
    if not overlap:
        return 0.0
    precision, recall = overlap / len(c), overlap / len(r)
    return 2 * precision * recall / (precision + recall)


def facts_kept(summary: str, facts: list[str]) -> tuple[int, int]:
    squashed = re.sub(r"\s", "", normalize_text(summary))
    found = sum(1 for f in facts if re.sub(r"\s", "", normalize_text(simplified(f))) in squashed)
    return found, len(facts)


def same_length_lead(article: Article, length: int) -> str:
    return "".join(article.paragraphs)[:length]


def headline_found(title: str, page: dict, article: Article, cap: int) -> bool:
    accepted = set()
    for labelled in filter(None, (page["headline"], page.get("original_title"))):
        labelled = normalize_text(simplified(labelled))
        for form in (labelled, without_site_name(labelled)):  # a column kicker (党史|…) may go
            accepted |= {key(form), key(clean_title(form)), key(item_title(replace(article, title=form), cap))}
    return key(title) in accepted


# ----------------------------------------------------------------------------- one split

@dataclass
class Figures:
    pages: int = 0
    unread: list[str] = field(default_factory=list)
    found: list[bool] = field(default_factory=list)
    fitting: list[bool] = field(default_factory=list)
    written_f1: list[float] = field(default_factory=list)
    on_point: list[bool] = field(default_factory=list)
    junk: list[tuple[str, str, list[str]]] = field(default_factory=list)
    outputs: int = 0
    on_topic: int = 0
    placed_right: int = 0
    placed_best: int = 0
    off_topic: int = 0
    rejected: int = 0
    two_section: int = 0
    two_placed: int = 0
    two_runner_up: int = 0
    ours_rouge: list[float] = field(default_factory=list)
    lead_rouge: list[float] = field(default_factory=list)
    facts: list[tuple[int, int]] = field(default_factory=list)
    lead_facts: list[tuple[int, int]] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)


def run_split(pages: list[dict], sections, settings: EditorialSettings, model=None) -> Figures:
    budget = Budget(settings.summary_min_chars, settings.summary_max_chars)
    cap = settings.title_max_chars
    f = Figures(pages=len(pages))
    for page in pages:
        article = main_article(page)
        expected = label(page)
        if article is None:
            f.unread.append(page["id"])
            f.misses.append(f"{page['id']}: nothing read from the page")
            if expected == OFF_TOPIC:
                f.off_topic += 1
            else:
                f.on_topic += 1
            continue
        title = item_title(article, cap)
        result = classify_one(article, sections, settings.min_score, settings.min_margin, model)
        predicted = result.section or OFF_TOPIC
        if page["headline_in_text"]:
            ok = headline_found(title, page, article, cap)
            f.found.append(ok)
            if not ok:
                f.misses.append(f"{page['id']}: title {title!r}, headline {page['headline']!r}")
        else:
            f1 = rouge_l(title, simplified(page["headline"]))
            ok = f1 >= FITTING and len(title) <= cap and not junk_in(title, page["id"])
            f.fitting.append(ok)
            f.written_f1.append(f1)
            about = simplified(page["headline"]) + "。" + page["summary"]
            f.on_point.append(len(title) <= cap and not junk_in(title, page["id"])
                              and lcs(_chars(title), _chars(about)) >= ON_POINT * len(_chars(title)))
            if not ok:
                f.misses.append(f"{page['id']}: written {title!r} (F1 {f1:.2f}), labelled {page['headline']!r}")
        outputs = [title]
        if expected == OFF_TOPIC:
            f.off_topic += 1
            f.rejected += predicted == OFF_TOPIC
            if predicted != OFF_TOPIC:
                f.misses.append(f"{page['id']}: off-topic page placed in {predicted} ({result.reason})")
        else:
            f.on_topic += 1
            f.placed_right += predicted in page["sections"]
            f.placed_best += predicted == expected
            if predicted not in page["sections"]:
                f.misses.append(f"{page['id']}: expected {page['sections']}, got {predicted} ({result.reason})")
            if len(page["sections"]) > 1:
                f.two_section += 1
                f.two_placed += predicted in page["sections"]
                f.two_runner_up += result.runner_up in page["sections"] and result.runner_up != predicted
            summary = summarize(article, budget)
            outputs.append(summary)
            lead = same_length_lead(article, len(summary))
            f.ours_rouge.append(rouge_l(summary, page["summary"]))
            f.lead_rouge.append(rouge_l(lead, page["summary"]))
            f.facts.append(facts_kept(summary, page["facts"]))
            f.lead_facts.append(facts_kept(lead, page["facts"]))
        for text in outputs:
            f.outputs += 1
            kinds = junk_in(text, page["id"])
            if kinds:
                f.junk.append((page["id"], text, kinds))
    return f


def share(values) -> float:
    values = list(values)
    return sum(values) / len(values) if values else float("nan")


def pooled(pairs) -> float:
    pairs = list(pairs)
    found, total = sum(p[0] for p in pairs), sum(p[1] for p in pairs)
    return found / total if total else float("nan")


def mean(values) -> float:
    values = list(values)
    return statistics.fmean(values) if values else float("nan")


def report(columns: dict[str, Figures]) -> None:
    names = list(columns)
    print(f"{'':42}" + "".join(f"{n:>18}" for n in names))

    def row(label_text: str, cell) -> None:
        print(f"{label_text:42}" + "".join(f"{cell(columns[n]):>18}" for n in names))

    row("pages", lambda f: f"{f.pages}")
    row("headline found (has one)", lambda f: f"{share(f.found):.3f} ({sum(f.found)}/{len(f.found)})")
    row("fitting written headline (has none)", lambda f: f"{share(f.fitting):.3f} ({sum(f.fitting)}/{len(f.fitting)})")
    row("  written headline ROUGE-L F1, mean", lambda f: f"{mean(f.written_f1):.3f}")
    row("  written from what the story is about", lambda f: f"{share(f.on_point):.3f} ({sum(f.on_point)}/{len(f.on_point)})")
    row("outputs with junk (titles + summaries)", lambda f: f"{len(f.junk)} of {f.outputs}")
    row("section accuracy (on-topic pages)", lambda f: f"{f.placed_right / f.on_topic:.3f} ({f.placed_right}/{f.on_topic})")
    row("  best section exactly", lambda f: f"{f.placed_best / f.on_topic:.3f} ({f.placed_best}/{f.on_topic})")
    row("off-topic rejected", lambda f: f"{f.rejected / f.off_topic:.3f} ({f.rejected}/{f.off_topic})" if f.off_topic else "—")
    row("two-section stories placed", lambda f: f"{f.two_placed}/{f.two_section}")
    row("  runner-up named", lambda f: f"{f.two_runner_up}/{f.two_section}")
    row("summary ROUGE-L F1 (characters)", lambda f: f"{mean(f.ours_rouge):.3f}")
    row("  same-length lead", lambda f: f"{mean(f.lead_rouge):.3f}")
    row("  ours minus lead", lambda f: f"{mean(f.ours_rouge) - mean(f.lead_rouge):+.3f}")
    row("key facts kept", lambda f: f"{pooled(f.facts):.3f}")
    row("  same-length lead", lambda f: f"{pooled(f.lead_facts):.3f}")
    row("pages not read", lambda f: f"{len(f.unread)}")


# ----------------------------------------------------------------------------- regression and speed

def devset_entries(path: Path) -> list[dict]:
    import json

    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def devset_articles(path: Path) -> list[Article]:
    articles = []
    for e in devset_entries(path):
        blocks = tuple(Block("para", p.strip()) for p in e["text"].split("\n") if p.strip())
        articles.append(clean_article(RawArticle(e["url"], e["title"], None, None, blocks, "utf-8")))
    return articles


def devset(path: Path, sections, settings: EditorialSettings) -> None:
    entries = devset_entries(path)
    articles = devset_articles(path)
    results = classify(articles, sections, settings)
    predicted = [r.section or "off_topic" for r in results]
    expected = [e["section"] for e in entries]
    correct = sum(p == x for p, x in zip(predicted, expected))
    off = [p == "off_topic" for p, x in zip(predicted, expected) if x == "off_topic"]
    said_off = predicted.count("off_topic")
    budget = Budget(settings.summary_min_chars, settings.summary_max_chars)
    on = [(e, a) for e, a in zip(entries, articles) if e["section"] != "off_topic"]
    ours = [summarize(a, budget) for _, a in on]
    leads = [same_length_lead(a, len(s)) for s, (_, a) in zip(ours, on)]
    print(f"\ndevelopment set (regression): {len(entries)} articles from {path.name}")
    print(f"  section accuracy        {correct / len(entries):.3f} ({correct}/{len(entries)})")
    print(f"  off-topic rejected      {share(off):.3f} ({sum(off)}/{len(off)}); "
          f"precision {sum(off) / said_off if said_off else 0:.3f} ({sum(off)}/{said_off})")
    print(f"  summary ROUGE-L F1      {mean(rouge_l(s, e['summary']) for s, (e, _) in zip(ours, on)):.3f}"
          f"  (same-length lead {mean(rouge_l(s, e['summary']) for s, (e, _) in zip(leads, on)):.3f})")
    print(f"  key figures kept        {pooled(facts_kept(s, e['figures']) for s, (e, _) in zip(ours, on)):.3f}"
          f"  (same-length lead {pooled(facts_kept(s, e['figures']) for s, (e, _) in zip(leads, on)):.3f})")


def speed(articles: list[Article], sections, settings: EditorialSettings, count: int) -> None:
    from briefing.editorial.summarize import summarize_articles

    # 500 distinct texts (each story with a paragraph of another after it), so nothing is
    # measured twice on the same text
    day = []
    for i in range(count):
        story, other = articles[i % len(articles)], articles[(7 * i + 3) % len(articles)]
        extra = (Block("para", other.paragraphs[(i // len(articles)) % len(other.paragraphs)]),)
        day.append(replace(story, id=f"speed-{i}", blocks=story.blocks + extra))
    chars = sum(len(a.body) for a in day) / len(day)
    classify(day[:2], sections, settings)  # the dictionary and the model load once per process
    start = time.perf_counter()
    results = classify(day, sections, settings)
    classified = time.perf_counter() - start
    on_topic = [a for a, r in zip(day, results) if r.section]
    start = time.perf_counter()
    summarize_articles(on_topic, settings)
    item_titles(day, settings)
    summarized = time.perf_counter() - start
    print(f"\nspeed ({count} articles of {chars:.0f} characters on average, one process):")
    print(f"  classify                {classified:.2f} s")
    print(f"  summarize + titles      {summarized:.2f} s  ({len(on_topic)} summaries, {count} titles)")
    print(f"  together                {classified + summarized:.2f} s")

    sentences, size, k = [], 0, 0
    while size < 5 * 2**20:  # distinct sentences: the cleaner would drop a repeated one
        sentences.append(f"区域科技创新中心建设持续推进，第{k}批重大科技基础设施项目落地，带动投资{k % 97}亿元。")
        size += len(sentences[-1].encode("utf-8"))
        k += 1
    line = "".join(sentences)
    start = time.perf_counter()
    huge = clean_article(RawArticle("huge.txt", "", None, None, (Block("para", line),), "utf-8"))
    print(f"  one 5 MB one-line article: cleaned in {time.perf_counter() - start:.2f} s")
    start = time.perf_counter()
    classify([huge], sections, settings)
    print(f"                             classified in {time.perf_counter() - start:.2f} s")
    start = time.perf_counter()
    summary = summarize(huge, Budget(settings.summary_min_chars, settings.summary_max_chars))
    title = item_title(huge, settings.title_max_chars)
    print(f"                             summary and title in {time.perf_counter() - start:.2f} s "
          f"({len(summary)} characters; title {title!r})")


# ----------------------------------------------------------------------------- the run

SPLITS = {
    "both": ("test", "tune", "tune-a", "tune-b"),
    "test": ("test",),
    "tune": ("tune", "tune-a", "tune-b"),
    "tune-a": ("tune-a",),
    "tune-b": ("tune-b",),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, action="append",
                        help="a corpus file (repeatable); default: benchmarks/corpus/pages-*.jsonl")
    parser.add_argument("--devset", type=Path, default=DEVSET)
    parser.add_argument("--speed", type=int, default=500, help="articles in the speed run (0: none)")
    parser.add_argument("--split", choices=tuple(SPLITS), default="both",
                        help="which split of the corpus to report: test, tune, or one half of tune "
                             "(tune-a, tune-b: a second hash of the URL; develop on one, check on the other)")
    parser.add_argument("--model", type=Path, help="a section model other than the shipped one "
                        "(e.g. one trained on one tune half: tools/train_sections.py --half tune-a --out FILE)")
    parser.add_argument("--only", metavar="NAME", help="only the pages of this corpus file (e.g. pages-c.jsonl), "
                        "split as usual: a first look at pages no rule was written from")
    parser.add_argument("--verbose", action="store_true", help="list every miss (never of the test split)")
    args = parser.parse_args()
    settings = EditorialSettings()
    sections = load_config(None, cwd=Path(__file__).parent).sections
    model = load_model(args.model) if args.model else None
    pages = load_pages(args.corpus)
    if args.only:
        pages = [p for p in pages if p["file"] == args.only]
    if args.corpus:  # a held-out set: every page counts, whatever its hash says
        columns = {"held-out": run_split(pages, sections, settings, model)}
    else:
        columns = {name: run_split([p for p in pages if name in (p["split"], p["half"])], sections, settings, model)
                   for name in SPLITS[args.split]}
    print(f"corpus: {len(pages)} pages from {', '.join(sorted({p['file'] for p in pages}))}\n")
    report(columns)
    if args.verbose:
        shown = [name for name in columns if name != "test"][-1:]
        if not shown:
            print("\n(--verbose never lists the test split's misses)")
        for name in shown:
            print(f"\nmisses ({name}):")
            for miss in columns[name].misses:
                print("  " + miss)
            for page_id, text, kinds in columns[name].junk:
                print(f"  junk {kinds} in {page_id}: {text[:80]!r}")
    if args.devset and args.devset.is_file():
        devset(args.devset, sections, settings)
    if args.speed:
        articles = [a for a in (main_article(p) for p in pages if args.corpus or p["split"] == "tune") if a]
        speed(articles, sections, settings, args.speed)
        if args.devset and args.devset.is_file():  # longer, whole articles
            speed(devset_articles(args.devset), sections, settings, args.speed)


if __name__ == "__main__":
    main()
