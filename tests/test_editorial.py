"""The editorial engine on real articles: sections, off-topic, summaries, titles, composing.

The articles come from the development set (benchmarks/devset/articles.jsonl, real Chinese news
with their URLs); the tests assert behaviour, never the benchmark's figures.
"""

from __future__ import annotations

import json
import re
from datetime import date

import pytest

from briefing.config import EditorialSettings, load_config
from briefing.editorial.classify import classify, classify_one
from briefing.editorial.compose import compose
from briefing.editorial.lexicon import words
from briefing.editorial.candidates import CONNECTIVES, candidates
from briefing.editorial.summarize import Budget, summarize
from briefing.editorial.titles import clean_title, item_title, title_units
from briefing.model import Block, Distribution, IssueNumber, Masthead, RawArticle, SectionSpec
from briefing.text.clean import clean_article
from briefing.text.sentences import split_sentences

from conftest import REPO

DEVSET = REPO / "benchmarks" / "devset" / "articles.jsonl"
SETTINGS = EditorialSettings()


def make_article(title: str, paragraphs: list[str], source: str = "test.txt", kicker: str | None = None):
    raw = RawArticle(source, title, kicker, None, tuple(Block("para", p) for p in paragraphs), "utf-8")
    return clean_article(raw)


@pytest.fixture(scope="module")
def devset():
    entries = [json.loads(line) for line in DEVSET.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {e["id"]: (e, make_article(e["title"], e["text"].split("\n"), e["url"])) for e in entries}


@pytest.fixture(scope="module")
def sections():
    return load_config(None, cwd=REPO).sections


# ----------------------------------------------------------------------------- sentences

def test_sentences_keep_a_quoted_passage_whole_and_split_after_it():
    text = "他说：“第一句。第二句！”随后离开。增长5.95万亿元……仍在继续，对吗？好。"
    assert split_sentences(text) == ["他说：“第一句。第二句！”", "随后离开。", "增长5.95万亿元……仍在继续，对吗？", "好。"]


def test_sentences_do_not_trust_quotes_that_never_close():
    assert split_sentences("他说：“第一句。第二句。然后走了。") == ["他说：“第一句。", "第二句。", "然后走了。"]


def test_sentences_keep_closing_brackets_and_runs_of_marks():
    assert split_sentences("真的吗？！（完）这是下一句。") == ["真的吗？！", "（完）这是下一句。"]
    assert split_sentences("（记者 张三）今天发布。") == ["（记者 张三）今天发布。"]


# ----------------------------------------------------------------------------- classification

@pytest.mark.parametrize("article_id, section", [
    ("collab-jjj-tech-contracts", "collaboration"),
    ("collab-suihong-center", "collaboration"),
    ("fac-ssrf-beamlines", "facilities"),
    ("fac-fast-acceptance", "facilities"),
    ("std-iso-exhibitions", "standards"),
    ("std-report-2023", "standards"),
    ("bio-cspc-astrazeneca", "biomedicine"),
    ("bio-lanzhou-park", "biomedicine"),
    ("tal-national-220m", "talent"),
    ("tal-fujian-gold-workers", "talent"),
    ("hea-internet-hospitals", "health"),
    ("hea-nrdl-111", "health"),
])
def test_known_articles_land_in_their_section(devset, sections, article_id, section):
    _, article = devset[article_id]
    result = classify_one(article, sections, SETTINGS.min_score, SETTINGS.min_margin)
    assert result.section == section, result.reason
    assert result.score >= SETTINGS.min_score and result.terms
    assert result.runner_up != section


@pytest.mark.parametrize("article_id, kind", [
    ("off-sports-pingpong", "sports"),
    ("off-sports-volleyball-military", "sports"),
    ("off-film-yichuhaoxi", "entertainment"),
    ("off-property-peacock", "property"),
    ("off-weather-coldwave-2025", "weather"),
])
def test_sports_entertainment_property_and_weather_are_off_topic(devset, sections, article_id, kind):
    _, article = devset[article_id]
    result = classify_one(article, sections, SETTINGS.min_score, SETTINGS.min_margin)
    assert result.section is None
    assert f"reads as {kind}" in result.reason


def test_below_the_threshold_is_off_topic_with_its_best_section_and_score(sections):
    article = make_article("市政府召开常务会议", ["会议研究了近期工作，部署了人才工作和其他事项。"])
    result = classify_one(article, sections, min_score=50)
    assert result.section is None
    assert result.best_section == "talent" and result.score > 0
    assert "below the threshold 50" in result.reason and "talent" in result.reason


def test_a_story_of_two_sections_goes_to_the_better_one_and_names_the_runner_up(sections):
    article = make_article("会议召开", ["会议讨论了国际标准。会议讨论了高技能人才。"])
    close = classify_one(article, sections, min_score=0.1, min_margin=0.5)
    assert close.section in {"standards", "talent"}, close.reason
    assert close.runner_up == ({"standards", "talent"} - {close.section}).pop()
    assert "close second" in close.reason


def test_the_headline_outweighs_the_body(sections):
    body = ["医院介绍了人才培养的做法。" * 2]
    by_title = classify_one(make_article("国际标准发布", body), sections, 1.0)
    assert by_title.section == "standards", by_title.reason


def test_configured_keywords_and_excluded_terms_change_the_section(sections):
    article = make_article("创客节开幕", ["本届创客节吸引众多创客参加，展示了创客作品。"])
    assert classify_one(article, sections, 4.0).section is None
    extended = [SectionSpec(s.id, s.title, {**s.keywords, "创客": 3.0}) if s.id == "collaboration" else s
                for s in sections]
    assert classify_one(article, extended, 4.0).section == "collaboration"
    excluded = [SectionSpec(s.id, s.title, s.keywords, ("创客节",)) if s.id == "collaboration" else s
                for s in extended]
    assert classify_one(article, excluded, 4.0).section is None


def test_classification_is_deterministic(devset, sections):
    articles = [a for _, a in devset.values()]
    assert classify(articles, sections, SETTINGS) == classify(articles, sections, SETTINGS)


# ----------------------------------------------------------------------------- summaries

def on_topic(devset):
    return [(e, a) for e, a in devset.values() if e["section"] != "off_topic"]


def summary_sentences(summary: str) -> list[str]:
    return split_sentences(summary)


def test_summaries_keep_the_budget_in_whole_sentences_in_source_order(devset):
    budget = Budget(150, 250)
    for entry, article in on_topic(devset):
        summary = summarize(article, budget)
        assert summary, entry["id"]
        assert len(summary) <= budget.max_chars, entry["id"]
        usable = [c.text for c in candidates(article, shortened=True)]
        positions = [usable.index(s) for s in summary_sentences(summary)]  # each a whole candidate sentence
        assert positions == sorted(positions), entry["id"]
        # its words stand in the article as they are, up to a closing remark it goes without
        assert all(s[:-1] in article.body or any(s[:-1] in p for p in article.paragraphs)
                   for s in summary_sentences(summary)), entry["id"]


def test_no_summary_sentence_leans_on_one_it_left_out(devset):
    for entry, article in on_topic(devset):
        usable = [c.text for c in candidates(article, shortened=True)]
        sentences = summary_sentences(summarize(article))
        for k, sentence in enumerate(sentences):
            if sentence.startswith(CONNECTIVES):
                assert k > 0 and usable.index(sentences[k - 1]) == usable.index(sentence) - 1, (entry["id"], sentence)


def test_summaries_leave_out_datelines_bylines_captions_and_page_furniture(devset):
    for entry, article in on_topic(devset):
        summary = summarize(article)
        assert not re.search(r"\d{1,2}月\d{1,2}日电|讯（|记者\s*\S{2,4}\s*/?摄|责任编辑|资料图|首页|正文|上一篇", summary), \
            (entry["id"], summary)
        assert not summary.startswith(("记者", "据了解", "据悉")), (entry["id"], summary)


def test_summaries_keep_the_figures_that_carry_the_news(devset):
    expectations = {
        "tal-national-220m": ["2.2亿人"],
        "hea-internet-hospitals": ["1100家"],
        "bio-milestones": ["1300亿美元"],
        "std-report-2023": ["44499项"],
        "fac-huairou-22": ["196.9亿元"],
    }
    for article_id, figures in expectations.items():
        summary = summarize(devset[article_id][1])
        for figure in figures:
            assert figure in summary, (article_id, summary)


def test_a_sentence_longer_than_the_budget_still_gives_a_whole_sentence():
    long_sentence = "北京市今天发布" + "，".join(["一项重要的科技政策"] * 20) + "。"
    article = make_article("北京发布科技政策", [long_sentence, "此外，还有一项。"])
    assert summarize(article, Budget(20, 40)) == long_sentence


def test_framing_is_cut_and_the_sentence_stays_whole():
    article = make_article("互联网医院超过1100家", [
        "新华社北京3月23日电（记者田晓航）记者从国家卫健委获悉：全国已建成超过1100家互联网医院。",
        "这是记者从昨日举行的发布会上了解到的。",
    ])
    assert summarize(article, Budget(10, 200)) == "全国已建成超过1100家互联网医院。"


def test_summaries_are_deterministic(devset):
    articles = [a for _, a in on_topic(devset)][:10]
    assert [summarize(a) for a in articles] == [summarize(a) for a in articles]


# ----------------------------------------------------------------------------- item titles

def test_titles_lose_outlet_names_column_tags_and_trailing_punctuation():
    assert clean_title("国家卫健委：全国已建成超过1100家互联网医院_中国新闻网") == "国家卫健委：全国已建成超过1100家互联网医院"
    assert clean_title("【权威发布】北京发布人才新政！") == "北京发布人才新政"
    assert clean_title("怀柔科学城发布 8项代表性重大成果 - 新华网") == "怀柔科学城发布 8项代表性重大成果"
    assert clean_title("“十四五”北京牵头制定国际标准超500项。") == "“十四五”北京牵头制定国际标准超500项"
    # a mirror's lost character after the outlet's bar (probe hp-211: 《湖北日報》|?加力提速…)
    assert clean_title("？加力提速建设湖北东湖科学城，中国光谷加快迈向“世界光谷”") == "加力提速建设湖北东湖科学城，中国光谷加快迈向“世界光谷”"
    assert clean_title("｜ 北京发布人才新政") == "北京发布人才新政"


def test_long_titles_choose_the_main_title_over_the_kicker_and_stay_within_the_cap():
    kicker_colon = make_article("贯彻落实中央人才工作会议精神开创新局面：全市高层次人才座谈会召开", ["正文。"])
    assert item_title(kicker_colon, 30) == "全市高层次人才座谈会召开"
    subtitle_dash = make_article("三生制药15亿美元创纪录首付款——解码中国创新药出海核心价值与未来走向", ["正文。"])
    assert item_title(subtitle_dash, 20) == "三生制药15亿美元创纪录首付款"
    one_line = make_article("中国标准化发展年度报告发布国家标准已达44499项国家标准样品共4164项", ["正文。"])
    cut = item_title(one_line, 20)
    prefixes = {"".join(words(one_line.title)[:k]) for k in range(1, 30)}
    assert len(cut) <= 20 and cut in prefixes, cut  # cut between two words, never inside one


@pytest.mark.parametrize("lead, unfit", [
    # the leads of junk-probe pages, each written a title that read wrong
    (["9月26日，记者采访获悉，经人社部、全国博士后管理委员会研究决定，批准青州华盛农业有限公司设立国家博士后科研工作站，"
      "这是青州市获批设立的第一家博士后科研工作站。国家博士后科研工作站是国家博士后事业发展的重要组成部分。"],
     "经人社部这是"),  # probe-086: a circumstance lent as the subject of 这是…
    (["成渝经济圈是西部人口最为稠密、产业最为集中、城镇密度最高的区域。成渝地区作为一个相对完整的地理区域早已存在，"
      "但作为一个经济区域却至今尚待进一步成长，成渝这一对双子星城市始终难以融合为一体。"],
     "成渝地区但"),  # probe-110: a subject lent to the clause that turns against it
    (["新华网11日，2012中国（宁夏）引进海内外高层次人才合作洽谈会在宁夏银川召开。人力资源和社会保障部副部长何宪在会上表示，"
      "近年来，中国大力推进高层次创新型人才队伍建设，取得显著成效。"],
     "新华网11日"),  # probe-008: the dateline without 电
    (["中国汽车工程学会标准制修订管理办法.docx"], ".docx"),  # probe-130: a shared file's name is the whole text
])
def test_a_written_title_lends_no_circumstance_or_turn_a_subject_and_holds_no_dateline_or_file_extension(lead, unfit):
    article = make_article("", lead)
    assert not [u.text for u in title_units(article, 30) if unfit in u.text]  # not even offered
    title = item_title(article, 30)
    assert unfit not in title and len(title) >= 10, title


def test_a_cut_title_never_ends_inside_a_name_the_dictionary_does_not_know():
    # tune b-0037's lead as a long headline: jieba splits the drug's name into single characters
    drug = make_article("公司全资子公司福元药业收到国家药监局核准签发的利多卡因丙胺卡因气雾剂药物临床试验批准通知书", ["正文。"])
    cut = item_title(drug, 30)
    assert len(cut) <= 30 and "利多卡" not in cut and cut.startswith("公司全资子公司福元药业收到国家药监局"), cut
    known = make_article("中国标准化发展年度报告发布国家标准已达44499项国家标准样品共4164项", ["正文。"])
    assert item_title(known, 30).startswith("中国标准化发展年度报告发布国家标准已达44499项")


def test_a_cut_title_ends_at_a_late_list_mark_not_inside_the_next_member():
    # the lead of probe hp-200 (香港政府新聞網), as long as a one-line headline
    lead = make_article("该局将探讨如何提升香港检测和认证行业的竞争力、透过香港认可处提供更大的支持", ["正文。"])
    assert item_title(lead, 30) == "该局将探讨如何提升香港检测和认证行业的竞争力"
    early = make_article("京津冀、长三角、粤港澳大湾区三大城市群协同创新指数持续攀升创下新高", ["正文。"])
    assert item_title(early, 20).startswith("京津冀、长三角、粤港澳")  # an early mark is no place to end


# ----------------------------------------------------------------------------- composing

def issue_from(articles, sections, settings, placeholder=False):
    classified = {c.article_id: c for c in classify(articles, sections, settings)}
    on = [a for a in articles if classified[a.id].section]
    masthead = Masthead("科技创新动态", "××办公室", date(2026, 11, 26), IssueNumber(2026, 1, 1, False))
    return compose(
        briefing="科技创新动态", edition="daily", masthead=masthead, sections=sections, articles=articles,
        classifications=classified, summaries={a.id: summarize(a) for a in on},
        titles={a.id: item_title(a, settings.title_max_chars) for a in on}, merged={}, all_articles=articles,
        distribution=Distribution(), skipped=[], settings=settings, contents=True,
    ), classified


def test_compose_keeps_the_fixed_order_the_cap_and_relevance_and_records_why(devset, sections):
    articles = [a for _, a in devset.values()]
    settings = EditorialSettings(max_items_per_section=2)
    issue, classified = issue_from(articles, sections, settings)
    order = [s.id for s in sections]
    assert [s.id for s in issue.sections] == sorted((s.id for s in issue.sections), key=order.index)
    for section in issue.sections:
        assert 1 <= len(section.items) <= 2
        scores = [i.score for i in section.items]
        assert scores == sorted(scores, reverse=True)
    records = {r.id: r for r in issue.articles}
    dropped = [r for r in records.values() if r.status == "dropped"]
    assert dropped and all("is full (2 items)" in r.reason for r in dropped)
    off = [r for r in records.values() if r.status == "off_topic"]
    assert len(off) == 11 and all(r.section is None and r.score is not None for r in off)
    assert all(r.best_section for r in off if r.score), "an off-topic article that matched a section names it"


def test_empty_sections_are_omitted_or_marked(devset, sections):
    articles = [devset["std-report-2023"][1], devset["tal-national-220m"][1]]
    omitted, _ = issue_from(articles, sections, EditorialSettings())
    assert [s.id for s in omitted.sections] == ["standards", "talent"]
    marked, _ = issue_from(articles, sections, EditorialSettings(empty_sections="placeholder"))
    assert [s.id for s in marked.sections] == [s.id for s in sections]
    assert [len(s.items) for s in marked.sections] == [0, 0, 1, 0, 1, 0]


# ----------------------------------------------------------------------------- the word list

def test_the_shipped_prefix_dictionary_is_what_jieba_builds_from_words_txt():
    """dictionary.json.gz spares every build jieba's 0.06 s of building it from words.txt; it
    must be exactly that build (rerun tools/build_wordlist.py when words.txt changes)."""
    import jieba

    from briefing.editorial import lexicon

    with lexicon.WORDS.open("rb") as handle:
        freq, total = jieba.Tokenizer.gen_pfdict(handle)
    shipped = lexicon._dictionary()
    assert shipped.freq == freq and shipped.total == total
    tags = dict(line.split(" ")[::2] for line in lexicon.WORDS.read_text(encoding="utf-8").splitlines())
    assert lexicon._tags() == tags


def test_words_never_come_from_jiebas_shared_cache_file(tmp_path, monkeypatch):
    """jieba reads its prefix dictionary back from a marshal file in the shared temporary folder
    when one is there; one planted where jieba would look changes nothing, and none is written."""
    import hashlib
    import marshal
    import tempfile

    from briefing.editorial import lexicon

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    digest = hashlib.md5(str(lexicon.WORDS.resolve()).encode("utf-8", "replace")).hexdigest()
    planted = [tmp_path / "jieba.cache", tmp_path / f"jieba.u{digest}.cache"]
    for path in planted:  # a dictionary in which the whole phrase is one word
        path.write_bytes(marshal.dumps(({"京": 1, "京津": 0, "京津冀": 0, "京津冀协": 0, "京津冀协同": 0,
                                         "京津冀协同创": 0, "京津冀协同创新": 10**9}, 10**9)))
    lexicon._tokenizer.cache_clear()
    try:
        assert lexicon._tokenizer(frozenset()).lcut("京津冀协同创新", HMM=False) != ["京津冀协同创新"]
    finally:
        lexicon._tokenizer.cache_clear()
    assert sorted(tmp_path.iterdir()) == sorted(planted)
