"""Extractive, deterministic summaries made of whole sentences in source order.

Sentences are scored by position (news puts the point first), by how much of the headline they
share, and by the figures they carry; sentences that lean on one before them (此外、同时 …),
direct quotes and reporters' framing are avoided. The best are taken greedily until the budget
is met, then put back in source order. A summary never ends mid-sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Article
from ..text.sentences import split_sentences

if TYPE_CHECKING:
    from ..config import EditorialSettings

CONNECTIVES = ("此外", "同时", "其中", "对此", "另外", "而且", "但是", "因此", "与此同时", "不过", "比如", "例如")
FRAMING = re.compile(r"^(?:这是)?记者(?:从|获悉|了解到|注意到|换算)|据(?:了解|悉)$|记者了解到")
FIGURE = re.compile(r"\d+(?:\.\d+)?\s*(?:%|万|亿|个|项|家|名|人|元|美元|倍|年)")
MIN_SENTENCE = 12


@dataclass(frozen=True)
class Budget:
    min_chars: int = 150
    max_chars: int = 250


def summarize_articles(articles: list[Article], settings: EditorialSettings) -> dict[str, str]:
    """Summary per article id."""
    budget = Budget(settings.summary_min_chars, settings.summary_max_chars)
    return {a.id: summarize(a, budget) for a in articles}


def item_titles(articles: list[Article], settings: EditorialSettings) -> dict[str, str]:
    """Item title per article id: the headline; past the cap, a shorter subtitle or kicker."""
    return {a.id: item_title(a, settings.title_max_chars) for a in articles}


def item_title(article: Article, cap: int) -> str:
    title = article.title
    if len(title) <= cap:
        return title
    for alternative in (article.subtitle, article.kicker):
        if alternative and len(alternative) <= cap:
            return alternative
    return title  # never cut mid-word; an editor shortens it in the draft


def summarize(article: Article, budget: Budget = Budget()) -> str:
    sentences = _candidates(article)
    if not sentences:
        return ""
    headline_grams = _bigrams(" ".join(t for t in (article.title, article.subtitle, article.kicker) if t))
    scored = sorted(
        ((_score(s, i, len(sentences), headline_grams), i) for i, s in enumerate(sentences)),
        key=lambda pair: (-pair[0], pair[1]),
    )
    chosen: set[int] = set()
    length = 0
    for _, index in scored:
        sentence = sentences[index]
        if length >= budget.min_chars:
            break
        if length + len(sentence) > budget.max_chars and chosen:
            continue
        if _leans_back(sentence) and index - 1 not in chosen:
            continue
        chosen.add(index)
        length += len(sentence)
    if not chosen:  # every sentence is longer than the budget: the shortest whole one
        chosen.add(min(range(len(sentences)), key=lambda i: len(sentences[i])))
    return "".join(sentences[i] for i in sorted(chosen))


def _candidates(article: Article) -> list[str]:
    sentences = []
    for paragraph in article.paragraphs:
        for sentence in split_sentences(paragraph):
            if len(sentence) < MIN_SENTENCE or not sentence.endswith(("。", "！", "？", "”", "）")):
                continue
            if FRAMING.search(sentence) or sentence.startswith(("“", "「")):
                continue
            sentences.append(sentence)
    return sentences


def _score(sentence: str, index: int, count: int, headline_grams: set[str]) -> float:
    position = 1.0 / (1 + index) + (0.3 if index < 3 else 0.0)
    grams = _bigrams(sentence)
    overlap = len(grams & headline_grams) / (len(headline_grams) or 1)
    figures = min(len(FIGURE.findall(sentence)), 3) * 0.12
    penalty = 0.4 if _leans_back(sentence) else 0.0
    too_long = 0.3 if len(sentence) > 160 else 0.0
    return position + 1.5 * overlap + figures - penalty - too_long


def _leans_back(sentence: str) -> bool:
    return sentence.startswith(CONNECTIVES) or sentence.startswith(("该", "这", "其", "它"))


def _bigrams(text: str) -> set[str]:
    text = re.sub(r"[\s，。、；：？！“”（）《》·—]", "", text)
    return {text[k:k + 2] for k in range(len(text) - 1)}
