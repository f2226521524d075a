"""Item titles: the page's headline, cleaned and kept within `title_max_chars`; or, when the page
has none, a headline written from the story's lead.

A found headline loses its column tags (`【权威发布】`), outlet names (`…_中国新闻网`), document
numbers (`【沪科合〔2022〕18号】`) and trailing punctuation. Past the cap the main title is chosen
over its kicker (the part after `：` or `｜`) or its subtitle (before `——`), then the first
clause; only then is it cut, between two words.

A written headline is the most telling clause of the lead: among the clauses of the first
sentences, the one whose words the rest of the story repeats most (the subject and what happened
to it), early clauses first; time words (近日、日前), brackets and the reporter's framing are
dropped, a short clause takes the next one with it, and the result is cut between two words,
never inside a quotation or a 《title》. It never holds anything text/junk.py calls furniture.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from typing import TYPE_CHECKING

from ..model import Article
from ..text.junk import line_kind
from .candidates import candidates
from .lexicon import words

if TYPE_CHECKING:
    from ..config import EditorialSettings

OUTLET_SUFFIX = re.compile(
    r"\s*(?:[_｜|]|\s[-—–]\s|——)\s*[^_｜|—]{1,14}(?:网|报|社|台|客户端|新闻|日报|晚报|频道|周刊|头条|号)\s*$"
)
COLUMN_PREFIX = re.compile(r"^\s*(?:【[^】]{1,12}】|\[[^\]]{1,12}\]|原创\s*|独家\s*[|｜]?|快讯\s*[|｜：:]?)\s*")
DOCUMENT_NUMBER = re.compile(r"\s*[【\[（(][^】\]）)]{0,12}〔\d{4}〕\s*\d+\s*号[】\]）)]\s*$")
TRAILING = "。，、；：！？!?,.;:… \u3000"
MIN_TITLE = 6

# Written headlines
LEAD_SENTENCES = 6  # the clauses of this many first sentences are considered
MIN_CLAUSE = 8  # characters: a shorter clause takes the next one with it
TIME_WORDS = re.compile(
    r"^(?:近日|日前|近期|目前|当前|今天|今日|昨天|昨日|前日|日内|当天|当日|今年以来|此前|本周|上周|近年来|近年|\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?"
    r"|\d{1,2}月\d{1,2}日(?:上午|下午|晚间|晚|早间|凌晨)?|(?:上午|下午|晚间))\s*[，,]?"
)
INNER_TIME = re.compile(r"(?<=[\u4e00-\u9fff])(?:日前|近日|近期|最近|今天|昨天|当天|\d{1,2}月\d{1,2}日(?:上午|下午|晚间)?)(?=[\u4e00-\u9fff])")
BRACKETS = re.compile(r"[（(][^（）()]{0,40}[）)]")
OPENERS = re.compile(r"^(?:为此|对此|此外|同时|另外|其中|据悉|据了解|据介绍|记者了解到|记者获悉|值得一提的是|值得注意的是|目前|如今|据报道)[，,]?")
PAIRS = {"“": "”", "《": "》", "「": "」", "『": "』", "（": "）", "【": "】", "‘": "’"}
STOP_WORDS = frozenset("的 了 和 与 及 在 是 将 为 对 等 也 并 已 把 被 从 向 以 于 其 该 这 那 有 中 上 下 个 年 月 日 我 你 他 她 它 们".split())


def item_titles(articles: list[Article], settings: EditorialSettings) -> dict[str, str]:
    """Item title per article id: the cleaned headline within the cap, or one written from the lead."""
    return {a.id: item_title(a, settings.title_max_chars) for a in articles}


def title_origin(article: Article) -> str:
    """Where the item title of this article comes from: the place its headline was found, or
    `written` when there was none to find."""
    return article.title_from or "page" if clean_title(article.title) else "written"


def clean_title(title: str) -> str:
    """The headline without column tags, outlet names, document numbers or trailing punctuation."""
    title = DOCUMENT_NUMBER.sub("", COLUMN_PREFIX.sub("", title))
    previous = None
    while previous != title:
        previous = title
        title = COLUMN_PREFIX.sub("", OUTLET_SUFFIX.sub("", title)).rstrip(TRAILING)
    return title.strip()


def item_title(article: Article, cap: int) -> str:
    """The cleaned headline; past the cap the main title is chosen over its kicker (the part
    before a colon or bar) and over its subtitle (after a dash), then the first clause, and only
    then is it cut, at a word boundary. Without a headline, one written from the lead."""
    title = clean_title(article.title)
    if not title:
        return written_title(article, cap)
    if len(title) <= cap:
        return title
    for part in _main_parts(title):
        if MIN_TITLE <= len(part) <= cap:
            return part
    return _cut_at_word(title, cap)


def written_title(article: Article, cap: int) -> str:
    """A headline for a page that has none: the most telling clause of its lead, within the cap."""
    sentences = [s.text for s in candidates(article, limit=40)]
    if not sentences:
        sentences = [p for p in article.paragraphs[:3]]
    salience = _salience(sentences)
    best: tuple[float, str] | None = None
    for index, sentence in enumerate(sentences[:LEAD_SENTENCES]):
        clauses = _clauses(sentence)
        for k, clause in enumerate(clauses):
            text = _tidy(clause)
            if len(text) < MIN_CLAUSE and k + 1 < len(clauses):
                text = _tidy(clause + "，" + clauses[k + 1]).replace("，", " ", 1)
            if len(text) < MIN_TITLE or line_kind(text) is not None:
                continue
            value = _clause_value(text, salience) * math.exp(-index / 2.5) * (1.0 if k == 0 else 0.85)
            if best is None or value > best[0]:
                best = (value, text)
    if best is None:
        return _cut_at_word(_tidy(article.body[:200]) or "（无标题）", cap)
    return _cut_at_word(best[1], cap) if len(best[1]) > cap else best[1]


def _salience(sentences: list[str]) -> Counter:
    """How often the story says each word: what it is about is what it repeats."""
    counts: Counter = Counter()
    for sentence in sentences:
        counts.update({w for w in words(sentence) if _content_word(w)})
    return counts


def _content_word(word: str) -> bool:
    return len(word) >= 2 and word not in STOP_WORDS and bool(re.search(r"[\u4e00-\u9fffA-Za-z]", word))


def _clause_value(clause: str, salience: Counter) -> float:
    """Repeated words per character, with a little more credit for a headline-sized clause."""
    found = [w for w in words(clause) if _content_word(w)]
    if not found:
        return 0.0
    weight = sum(math.log(1 + salience.get(w, 1)) for w in found)
    return weight / math.sqrt(max(len(clause), 12))


def _clauses(sentence: str) -> list[str]:
    """The sentence's clauses, cut at ，；： outside quotations and brackets."""
    clauses, depth, start = [], 0, 0
    for i, ch in enumerate(sentence):
        if ch in PAIRS:
            depth += 1
        elif ch in PAIRS.values():
            depth = max(0, depth - 1)
        elif ch in "，；：。！？" and depth == 0:
            clauses.append(sentence[start:i])
            start = i + 1
    clauses.append(sentence[start:])
    return [c.strip() for c in clauses if c.strip()]


def _tidy(clause: str) -> str:
    """The clause as headline words: no time words, brackets, framing or end marks."""
    text = BRACKETS.sub("", clause)
    previous = None
    while previous != text:
        previous = text
        text = OPENERS.sub("", TIME_WORDS.sub("", text.strip()))
    text = INNER_TIME.sub("", text)
    return _balanced(text.strip().rstrip(TRAILING).lstrip(TRAILING))


def _balanced(text: str) -> str:
    """Cut before a quotation or bracket that is opened and not closed."""
    stack: list[tuple[str, int]] = []
    for i, ch in enumerate(text):
        if ch in PAIRS:
            stack.append((ch, i))
        elif stack and ch == PAIRS[stack[-1][0]]:
            stack.pop()
    return text[:stack[0][1]].rstrip(TRAILING) if stack else text


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
    """The longest run of whole words within the cap, never ending inside a quotation."""
    kept = ""
    for word in words(title):
        if len(kept) + len(word) > cap:
            break
        kept += word
    return _balanced(clean_title(kept)) or title[:cap]
