"""Extractive, deterministic summaries made of whole sentences in source order.

What is known to work on news, and what this does:

1. Candidate sentences: datelines, bylines, captions, credits and page furniture are never
   candidates; a reporter's framing (记者从…获悉，/ 据了解，) is cut from the front of a sentence,
   which leaves the sentence whole; a bare quotation is not a candidate.
2. Each sentence is scored by centrality (TextRank: PageRank over the cosine similarities of
   TF-IDF vectors of jieba words), a strong prior for early sentences (news puts the point
   first), likeness to the headline, and the figures it carries (amounts, counts, percentages).
3. MMR picks sentences one at a time, trading score against likeness to what is already picked,
   until the budget is met; a sentence that opens with a connective pointing back (此外、同时、
   其中 …) is picked only after the sentence it leans on.
4. The picked sentences are printed in source order. A summary never ends mid-sentence.

benchmarks/bench_editorial.py measures this against the first sentences of the article with
the same budget, a baseline that is hard to beat on news.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Article
from ..text.sentences import split_sentences
from .lexicon import words

if TYPE_CHECKING:
    from ..config import EditorialSettings

# Openings that point back at the sentence before; such a sentence cannot stand alone.
CONNECTIVES = ("此外", "同时", "其中", "对此", "另外", "与此同时", "而且", "但是", "但", "因此", "不过",
               "比如", "例如", "此前", "随后", "然而", "为此", "对于这", "这也", "这是", "这一", "这些",
               "这种", "该", "其", "此次", "它们", "他们", "她们", "他", "她", "它")
# Lead-ins that are the reporter's framing rather than the news; cut from the sentence front.
FRAMING = re.compile(
    r"^(?P<when>(?:昨天|昨日|今天|今日|日前|近日|当天|当日|\d{1,2}月\d{1,2}日)，?)?"
    r"(?:(?:据|记者|笔者|本报记者)[^，。：；]{0,30}?(?:获悉|了解到|注意到|得知|介绍|报道|消息|显示)[，：]"
    r"|据(?:悉|了解|介绍|报道|统计|不完全统计)[，：]"
    r"|(?:记者|笔者)(?:注意到|了解到|看到|发现)[，：])"
)
# Datelines and wire bylines in front of the first sentence: 新华社北京3月23日电（记者 田晓航）
DATELINE = re.compile(
    r"^(?:【[^】]{1,20}】)?[^，。：“”]{0,24}?(?:\d{1,2}月\d{1,2}日)?(?:电|讯)\s*(?:[（(][^）)]{0,30}[）)])?\s*"
)
# Sentences that are furniture, not news: captions, credits, sources, navigation, greetings.
FURNITURE = re.compile(
    r"(?:/摄|记者\s*\S{2,4}\s*摄|供图|资料图|图片来源|图为|图：|责任编辑|责编|编辑[：:]|来源[：:]|原标题"
    r"|本文来自|转载|版权|上一篇|下一篇|点击|扫码|二维码|关注微信|免责声明|下载.{0,6}APP"
    r"|大家(?:上午|下午|晚上)?好|欢迎(?:参加|出席|收看)|这是记者.{0,40}(?:了解到|获悉)的)"
)
# Page furniture that a web page glues to the front of the first sentence: breadcrumbs, dates,
# reading times, column tags, 摘要：, a photo note. Cut, as many as there are.
PAGE_PREFIX = re.compile(
    r"^(?:(?:当前位置|您的位置)[：:][^。]{0,40}?正文|(?:[^。>]{0,16}>\s*)+正文(?:申请入驻)?"
    r"|\d{4}[-年./]\d{1,2}[-月./]\d{1,2}日?\s*(?:星期.)?\s*(?:\d{1,2}:\d{2}(?::\d{2})?)?"
    r"|本篇文章\d+字，?读完约\d+分钟|(?:转自|来源)[：:]\S{2,12}?(?:网|报|社|台|客户端)"
    r"|摘要[：:]|【[^】]{1,30}】|[（(](?:相关)?资料图(?:片)?[^）)]{0,10}[）)]|[◎●■]\s*(?:本报)?记者[^“「，。]{2,24}?(?=[“「]))\s*"
)
# A wire dateline anywhere near the front: whatever came before it is page furniture.
WIRE_DATELINE = re.compile(r"(?:社|网|报|台|新闻|客户端)\s*[^，。“”]{0,10}?\d{1,2}月\d{1,2}日(?:电|讯)\s*(?:[（(][^）)]{0,30}[）)])?\s*")
QUOTED = re.compile(r"^[“「『].*[”」』]$")
FIGURE = re.compile(r"\d+(?:[.,]\d+)*\s*(?:%|‰|万|亿|个|项|家|名|人|元|美元|倍|年|颗|条|台|套|座|笔|所|种)"
                    r"|[一二三四五六七八九十百千万亿两]+(?:万|亿)")
ENDINGS = ("。", "！", "？", "”", "）", "」", "』")
MIN_SENTENCE = 12  # characters: shorter ones are slogans (大国科技，硬核登场。)
PUNCTUATION = set("，。、；：？！“”‘’（）《》〈〉【】—…·「」『』,.;:?!()[]-%/ \n\t")

# Weights of the sentence score and of MMR; set on the development set (benchmarks/devset).
CENTRALITY, LEAD, HEADLINE, FIGURES = 0.5, 0.8, 0.8, 0.15
LEAD_DECAY = 2.5  # sentences: the lead prior halves about every 1.7 sentences
MMR_LAMBDA = 0.6  # 1.0 ignores repetition, 0.0 only avoids it
TOO_LONG = 140  # characters: a sentence this long crowds out the rest of the summary
DAMPING, ITERATIONS = 0.85, 50


@dataclass(frozen=True)
class Budget:
    min_chars: int = 150
    max_chars: int = 250


@dataclass(frozen=True)
class Sentence:
    index: int  # position among the candidates, in source order
    text: str
    leans_back: bool


def summarize_articles(articles: list[Article], settings: EditorialSettings) -> dict[str, str]:
    """Summary per article id."""
    budget = Budget(settings.summary_min_chars, settings.summary_max_chars)
    return {a.id: summarize(a, budget) for a in articles}


def summarize(article: Article, budget: Budget = Budget()) -> str:
    sentences = candidates(article)
    if not sentences:
        return ""
    vectors = [_tfidf(s.text, sentences) for s in sentences]
    headline = _tfidf(" ".join(t for t in (article.kicker, article.title, article.subtitle) if t), sentences)
    centrality = _textrank(vectors)
    scores = [
        CENTRALITY * centrality[i]
        + LEAD * math.exp(-i / LEAD_DECAY)
        + HEADLINE * _cosine(vectors[i], headline)
        + FIGURES * min(len(FIGURE.findall(s.text)), 3)
        - (0.5 if len(s.text) > TOO_LONG else 0.0)
        for i, s in enumerate(sentences)
    ]
    chosen = _select(sentences, vectors, scores, budget)
    return "".join(sentences[i].text for i in sorted(chosen))


def candidates(article: Article) -> list[Sentence]:
    """The sentences a summary may use, in source order, framing cut from their front."""
    found: list[Sentence] = []
    for paragraph in article.paragraphs:
        for position, raw in enumerate(split_sentences(paragraph)):
            text = _strip_framing(raw, first=position == 0)
            if len(text) < MIN_SENTENCE or not text.endswith(ENDINGS) or FURNITURE.search(text):
                continue
            if QUOTED.match(text) or _run_of_captions(text):
                continue
            found.append(Sentence(len(found), text, _leans_back(text)))
    return found


def _strip_framing(sentence: str, first: bool) -> str:
    if first:
        previous = None
        while previous != sentence:
            previous = sentence
            sentence = PAGE_PREFIX.sub("", sentence, count=1)
        wire = WIRE_DATELINE.search(sentence[:120])
        if wire:
            sentence = sentence[wire.end():]
        elif _is_dateline(sentence):
            sentence = DATELINE.sub("", sentence, count=1)
    stripped = FRAMING.sub(lambda m: m.group("when") or "", sentence, count=1)
    return stripped if len(stripped) >= MIN_SENTENCE else sentence


def _is_dateline(sentence: str) -> bool:
    match = DATELINE.match(sentence)
    return bool(match and match.group(0).strip() and re.search(r"(?:\d{1,2}月\d{1,2}日)?(?:电|讯)", match.group(0))
                and re.search(r"(?:社|网|报|台|新闻|客户端|日)\S{0,12}(?:电|讯)", match.group(0)))


def _run_of_captions(sentence: str) -> bool:
    """Photo captions glued together: a long 'sentence' without a single comma."""
    return len(sentence) > 60 and not any(mark in sentence for mark in "，；：,")


def _leans_back(sentence: str) -> bool:
    return sentence.startswith(CONNECTIVES)


def _select(sentences: list[Sentence], vectors: list[Counter], scores: list[float], budget: Budget) -> set[int]:
    top = max(scores) or 1.0
    relevance = [s / top for s in scores]
    chosen: list[int] = []
    length = 0
    while length < budget.min_chars:
        best, best_value = None, -math.inf
        for s in sentences:
            i = s.index
            if i in chosen or length + len(s.text) > budget.max_chars:
                continue
            if s.leans_back and i - 1 not in chosen:
                continue
            redundancy = max((_cosine(vectors[i], vectors[j]) for j in chosen), default=0.0)
            value = MMR_LAMBDA * relevance[i] - (1 - MMR_LAMBDA) * redundancy
            if value > best_value:
                best, best_value = i, value
        if best is None:
            break
        chosen.append(best)
        length += len(sentences[best].text)
    if not chosen:  # every sentence is longer than the budget: the best whole one that stands alone
        standalone = [s.index for s in sentences if not s.leans_back] or [s.index for s in sentences]
        chosen.append(max(standalone, key=lambda i: (scores[i], -i)))
    return set(chosen)


def _terms(text: str) -> list[str]:
    return [w for w in words(text) if w.strip() and not set(w) <= PUNCTUATION]


def _tfidf(text: str, sentences: list[Sentence]) -> Counter:
    """TF-IDF vector of a text, with document frequencies over the article's sentences."""
    document_frequency = _document_frequency(tuple(s.text for s in sentences))
    count = len(sentences)
    counts = Counter(_terms(text))
    return Counter({w: tf * math.log(1 + count / document_frequency.get(w, 1)) for w, tf in counts.items()})


_df_cache: dict[tuple[str, ...], Counter] = {}


def _document_frequency(texts: tuple[str, ...]) -> Counter:
    cached = _df_cache.get(texts)
    if cached is None:
        cached = Counter(w for t in texts for w in set(_terms(t)))
        _df_cache.clear()  # one article at a time: keep only the current one
        _df_cache[texts] = cached
    return cached


def _cosine(a: Counter, b: Counter) -> float:
    if not a or not b:
        return 0.0
    dot = sum(v * b[w] for w, v in a.items() if w in b)
    norm = math.sqrt(sum(v * v for v in a.values())) * math.sqrt(sum(v * v for v in b.values()))
    return dot / norm if norm else 0.0


def _textrank(vectors: list[Counter]) -> list[float]:
    """PageRank over the sentence-similarity graph, scaled so the most central sentence is 1."""
    n = len(vectors)
    if n == 1:
        return [1.0]
    similarity = [[_cosine(vectors[i], vectors[j]) if i != j else 0.0 for j in range(n)] for i in range(n)]
    out_weight = [sum(row) for row in similarity]
    rank = [1.0 / n] * n
    for _ in range(ITERATIONS):
        rank = [
            (1 - DAMPING) / n
            + DAMPING * sum(similarity[j][i] * rank[j] / out_weight[j] for j in range(n) if out_weight[j])
            for i in range(n)
        ]
    top = max(rank) or 1.0
    return [r / top for r in rank]


# ----------------------------------------------------------------------------- item titles

OUTLET_SUFFIX = re.compile(
    r"\s*(?:[_｜|]|\s[-—–]\s|——)\s*[^_｜|—]{1,14}(?:网|报|社|台|客户端|新闻|日报|晚报|频道|周刊|头条|号)\s*$"
)
COLUMN_PREFIX = re.compile(r"^\s*(?:【[^】]{1,12}】|\[[^\]]{1,12}\]|原创\s*|独家\s*[|｜]?|快讯\s*[|｜：:]?)\s*")
TRAILING = "。，、；：！？!?,.;:… \u3000"
MIN_TITLE = 6


def item_titles(articles: list[Article], settings: EditorialSettings) -> dict[str, str]:
    """Item title per article id: the cleaned headline, within the cap."""
    return {a.id: item_title(a, settings.title_max_chars) for a in articles}


def clean_title(title: str) -> str:
    """The headline without column tags, outlet names or trailing punctuation."""
    title = COLUMN_PREFIX.sub("", title)
    previous = None
    while previous != title:
        previous = title
        title = OUTLET_SUFFIX.sub("", title).rstrip(TRAILING)
    return title


def item_title(article: Article, cap: int) -> str:
    """The cleaned headline; past the cap the main title is chosen over its kicker (the part
    before a colon or bar) and over its subtitle (after a dash), then the first clause, and only
    then is it cut, at a word boundary."""
    title = clean_title(article.title)
    if len(title) <= cap:
        return title
    for part in _main_parts(title):
        if MIN_TITLE <= len(part) <= cap:
            return part
    return _cut_at_word(title, cap)


def _main_parts(title: str) -> list[str]:
    parts = []
    for mark in ("：", "｜", "|", ":"):  # kicker：main title
        if mark in title:
            parts.append(title.split(mark, 1)[1].strip())
    for mark in ("——", "—", " - "):  # main title——subtitle
        if mark in title:
            parts.append(title.split(mark, 1)[0].strip())
    for mark in ("，", " "):  # the first clause of a long one-line headline
        if mark in title:
            parts.append(title.split(mark, 1)[0].strip())
    return [clean_title(p) for p in parts]


def _cut_at_word(title: str, cap: int) -> str:
    kept = ""
    for word in words(title):
        if len(kept) + len(word) > cap:
            break
        kept += word
    return clean_title(kept) or title[:cap]
