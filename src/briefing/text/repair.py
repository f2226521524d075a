"""Repair paragraphs mangled by copy-paste: broken lines joined, repeats dropped."""

from __future__ import annotations

import re

from .sentences import ends_sentence, split_sentences

MIN_REPEAT = 10  # shorter fragments repeat legitimately (同时，…)
UNPUNCTUATED = 80  # characters


TEASER_OPENING = 12  # characters a teaser shares with the story it opens


def join_broken(paragraphs: list[str]) -> list[str]:
    """Join a paragraph that stops mid-sentence with the one after it."""
    joined: list[str] = []
    for paragraph in _without_teasers(paragraphs):
        if joined and _lost_its_full_stops(joined[-1], paragraph):
            joined.append(paragraph)
        elif joined and not ends_sentence(joined[-1]) and not joined[-1].endswith("：") \
                and not (_LATIN_ONLY.match(joined[-1]) and _HAN.search(paragraph[:1])):
            joined[-1] = joined[-1] + paragraph
        elif joined and joined[-1].endswith("：") and paragraph[:1] in "“「":
            joined[-1] = joined[-1] + paragraph
        else:
            joined.append(paragraph)
    return joined


# a line of Latin words only (a site's masthead: AENA Taiwan Station, probe-199) is never the first half of a
# Chinese sentence broken across lines
_LATIN_ONLY = re.compile(r"^[A-Za-z][A-Za-z0-9 .,'&-]*$")
_HAN = re.compile(r"[\u4e00-\u9fff]")


def _without_teasers(paragraphs: list[str]) -> list[str]:
    """A teaser cut off with an ellipsis (…为守...) right above the story it opens, which begins
    the same way, goes: joined to the story it would repeat it."""
    return [p for k, p in enumerate(paragraphs)
            if not (p.rstrip().endswith(("...", "…")) and k + 1 < len(paragraphs)
                    and len(p) >= TEASER_OPENING and _key(paragraphs[k + 1]).startswith(_key(p)[:TEASER_OPENING]))]


def _lost_its_full_stops(previous: str, paragraph: str) -> bool:
    """Two long paragraphs, the first without a single full stop: a page whose full stops were
    lost, not a sentence broken across lines (those lines are short, or have stops before)."""
    return min(len(previous), len(paragraph)) >= UNPUNCTUATED and not any(m in previous for m in "。！？!?")


_SPACE = re.compile(r"[\s\u3000]+")


def _key(text: str) -> str:
    """A comparison key of text that is already normalised: without its spaces."""
    return _SPACE.sub("", text)


class RepeatFilter:
    """Remembers what an article has said, to drop what it says again.

    Catches exact repeats, a repeat that starts mid-sentence (a tail of an earlier paragraph),
    and a paragraph that repeats a few sentences before going on.
    """

    def __init__(self) -> None:
        self._text = ""
        self._sentences: set[str] = set()

    def fresh_part(self, paragraph: str) -> str | None:
        key = _key(paragraph)
        if len(key) >= MIN_REPEAT and key in self._text:
            return None
        fresh = []
        here: set[str] = set()  # a paragraph can repeat itself too (a teaser glued to the story it opens)
        for index, sentence in enumerate(split_sentences(paragraph)):
            s_key = _key(sentence)
            repeated = s_key in self._sentences or s_key in here or (index == 0 and s_key in self._text)
            here.add(s_key)
            if len(s_key) >= MIN_REPEAT and repeated:
                continue
            fresh.append(sentence)
        if not fresh:
            return None
        text = "".join(fresh)
        self._text += _key(text) + "\n"
        self._sentences.update(_key(s) for s in fresh)
        return text


def drop_repeats(paragraphs: list[str]) -> list[str]:
    """Paragraphs with what was already said earlier removed."""
    seen = RepeatFilter()
    return [text for text in map(seen.fresh_part, paragraphs) if text]
