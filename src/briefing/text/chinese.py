"""Traditional -> simplified characters (OpenCC), for articles written in traditional ones.

Hong Kong and Taiwan outlets, and some overseas feeds, write traditional characters; the briefing
is in simplified. An article is converted only when it is written in traditional characters: a
simplified article that quotes one traditional name is left as it is.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from ..model import Block, Document, RawArticle
from .junk import ANNOTATED

_HANZI = re.compile("[\u3400-\u9fff\uf900-\ufaff]")
SAMPLE = 20000
TRADITIONAL_SHARE = 0.05  # simplified text changes by ~0 %, traditional text by 15–30 %
MIN_ANNOTATED, ANNOTATED_TRADITIONAL_SHARE = 3, 0.2  # of the characters a mirror annotated with pinyin


@lru_cache(maxsize=1)
def _converter():
    import opencc  # a compiled library: loaded only when a source needs it

    return opencc.OpenCC("t2s")


def to_simplified(text: str) -> str:
    return _converter().convert(text)


def is_traditional(text: str) -> bool:
    sample = text[:SAMPLE]
    hanzi = len(_HANZI.findall(sample))
    if not hanzi:
        return False
    if _annotated_traditional(sample):
        return True
    converted = to_simplified(sample)
    if len(converted) == len(sample):
        changed = sum(1 for a, b in zip(sample, converted) if a != b)
    else:  # a phrase conversion changed the length; count characters instead
        changed = len(set(sample) - set(converted))
    return changed >= 2 and changed / hanzi >= TRADITIONAL_SHARE


def _annotated_traditional(sample: str) -> bool:
    """A mirror that puts pinyin after characters (國(guó)家, 任務(wù)) writes those characters in
    traditional script even in a simplified page: they are few among the page's characters, so
    they count on their own (converting the simplified rest changes nothing)."""
    if "(" not in sample and "（" not in sample:
        return False
    annotated = "".join(ANNOTATED.findall(sample))
    if len(annotated) < MIN_ANNOTATED:
        return False
    changed = sum(1 for a, b in zip(annotated, to_simplified(annotated)) if a != b)
    return changed >= MIN_ANNOTATED and changed / len(annotated) >= ANNOTATED_TRADITIONAL_SHARE


def simplify_document(doc: Document) -> Document:
    """The document with every part written in traditional characters converted."""
    articles = tuple(simplify_article(a) for a in doc.articles)
    text = to_simplified(doc.text) if doc.text and is_traditional(doc.text) else doc.text
    return replace(doc, text=text, articles=articles)


def simplify_article(raw: RawArticle) -> RawArticle:
    whole = "\n".join([raw.title, *(b.text for b in raw.blocks)])
    if not is_traditional(whole):
        return raw

    def convert(value: str | None) -> str | None:
        return to_simplified(value) if value else value

    return replace(
        raw,
        title=to_simplified(raw.title),
        kicker=convert(raw.kicker),
        subtitle=convert(raw.subtitle),
        blocks=tuple(Block(b.kind, to_simplified(b.text)) for b in raw.blocks),
        authors=tuple(to_simplified(a) for a in raw.authors),
        outlet=convert(raw.outlet),
    )
