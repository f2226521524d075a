"""Merge the same story arriving more than once (several outlets, or the same file twice).

Two texts tell the same story when they share at least half of all their character 5-grams
(Jaccard), or when the shorter lies almost wholly inside the longer (a wire story and the
paper's fuller version). A group keeps its fullest text, every source and every outlet, so the
briefing can say 据北京日报、科技日报报道.

A usual day (up to EXACT_UP_TO articles) compares every pair. A large intake must not: each
text's 5-grams are numbered (64 bits, the same in every process: a fixed linear function of the
five code points, all of a text's computed in one multiplication of big ints, in pure Python),
and a sample of them — one in four by a hash of the number, plus the eight smallest by that
hash, so short texts have some too — goes into an inverted index. Texts that share enough
sampled 5-grams are candidates, and each candidate pair is confirmed exactly on the whole sets
of numbers, by the same rule. A near copy of a text already indexed is not indexed again, so
forty copies of one wire story keep the lists short; a sampled 5-gram found in very many texts
(boilerplate) is passed over. The work grows with the total length of the texts, not with the
number of pairs.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, replace
from itertools import chain

from ..model import Article

SHINGLE = 5
SAME_STORY = 0.5  # Jaccard of the 5-gram sets
CONTAINED = 0.8  # share of the shorter text's 5-grams found in the longer one
MIN_CONTAINED = 40  # 5-grams: a shorter text must say this much before containment counts
NEAR_COPY = 0.9  # Jaccard: a copy this close adds nothing to the index
EXACT_UP_TO = 60  # articles: up to here every pair is compared exactly, past it the index finds candidates
SAMPLE_BITS = 2  # one 5-gram in 2**2 is sampled into the index: a 40-gram text misses with odds 1e-5
ALWAYS_SAMPLED = 8  # and the smallest few of every text
CANDIDATE_SHARE = 0.3  # of the smaller sample: shared sampled 5-grams that make a pair worth confirming
COMMON = 200  # texts: a sampled 5-gram in more than this many is boilerplate, not evidence
_SPACE = re.compile(r"[\s\u3000]+")


@dataclass(frozen=True)
class DedupResult:
    articles: list[Article]  # unique, in first-seen order
    merged: dict[str, str]  # duplicate article id -> id of the article it was merged into


def dedup(articles: list[Article]) -> DedupResult:
    groups = _group(articles)
    kept: list[Article] = []
    merged: dict[str, str] = {}
    for members in groups.groups():
        stories = [articles[k] for k in members]
        fullest = max(stories, key=lambda a: len(a.body))  # first of equals: first seen wins
        sources = tuple(dict.fromkeys(s for a in stories for s in (a.sources or (a.source,))))
        outlets = tuple(dict.fromkeys(o for a in _fullest_first(stories, fullest)
                                      for o in (a.outlets or ((a.outlet,) if a.outlet else ()))))
        kept.append(replace(fullest, sources=sources, outlet=outlets[0] if outlets else None, outlets=outlets,
                            authors=tuple(dict.fromkeys(n for a in stories for n in a.authors)),
                            published=fullest.published or next((a.published for a in stories if a.published), None)))
        merged.update({a.id: fullest.id for a in stories if a.id != fullest.id})
    return DedupResult(kept, merged)


def same_story(a: frozenset, b: frozenset) -> bool:
    """a, b: the 5-gram sets of two texts."""
    return bool(a) and bool(b) and _verdict(len(a & b), len(a), len(b))[0]


def _verdict(shared: int, size: int, other_size: int) -> tuple[bool, float]:
    """Whether two texts of so many distinct 5-grams, sharing `shared`, tell the same story; and
    their Jaccard."""
    jaccard = shared / (size + other_size - shared)
    shorter = min(size, other_size)
    return jaccard >= SAME_STORY or (shorter >= MIN_CONTAINED and shared / shorter >= CONTAINED), jaccard


def _group(articles: list[Article]) -> _UnionFind:
    groups = _UnionFind(len(articles))
    texts = [_SPACE.sub("", a.body) for a in articles]  # the bodies are normalized already (text/clean)
    if sum(1 for text in texts if text) < 2:
        return groups
    if len(articles) <= EXACT_UP_TO:
        # a usual day: comparing every pair exactly is quicker than sampling and indexing
        shingles = [_shingles(text) for text in texts]
        present = [index for index, grams in enumerate(shingles) if grams]
        for position, index in enumerate(present):
            for other in present[position + 1:]:
                if groups.find(index) != groups.find(other) and same_story(shingles[index], shingles[other]):
                    groups.join(index, other)
        return groups
    _group_by_index(texts, groups)
    return groups


def _shingles(text: str) -> frozenset[str]:
    if len(text) < SHINGLE:
        return frozenset([text]) if text else frozenset()
    return frozenset(text[k:k + SHINGLE] for k in range(len(text) - SHINGLE + 1))


def _group_by_index(texts: list[str], groups: _UnionFind) -> None:
    """Candidates from an inverted index of sampled 5-grams, in reading order, each confirmed."""
    grams = [_hashed_shingles(text) for text in texts]
    samples = [_sample(own) for own in grams]
    sizes: dict[int, int] = {}  # distinct 5-grams of a text, counted when it is first compared
    index: dict[int, list[int]] = {}
    bars = [CANDIDATE_SHARE * len(sample) for sample in samples]
    for position, sample in enumerate(samples):
        if not sample:
            continue
        found = (index.get(gram) for gram in sample)
        shared = Counter(chain.from_iterable(holders for holders in found if holders and len(holders) <= COMMON))
        bar = bars[position]  # a candidate shares CANDIDATE_SHARE of either sample (so of the smaller one)
        near_copy = False
        own: frozenset[int] | None = None  # made when a candidate needs it
        for other in sorted(other for other, count in shared.items() if count >= bar or count >= bars[other]):
            if own is None:
                own = frozenset(grams[position])
                sizes[position] = len(own)
            if other not in sizes:
                sizes[other] = len(frozenset(grams[other]))
            same, jaccard = _verdict(len(own.intersection(grams[other])), sizes[position], sizes[other])
            near_copy = near_copy or jaccard >= NEAR_COPY
            if same and groups.find(position) != groups.find(other):
                groups.join(position, other)
        if not near_copy:
            for gram in sample:
                index.setdefault(gram, []).append(position)


def _hashed_shingles(text: str) -> memoryview:
    """A 64-bit number for each 5-gram of the text, in order (a text shorter than five characters
    is one gram, as in the exact comparison): the sum of its five code points times five fixed
    odd 40-bit multipliers. Two different grams rarely share a number (roughly 2**-55 for two
    random grams of Chinese characters), and it is the same in every process.

    All of them come from one multiplication of big ints: the text's code points, each in a
    64-bit lane of one int, times the five multipliers in five lanes; lane k + 4 of the product is
    the number of the gram at k (21-bit code points times 40-bit multipliers, summed five times,
    never carry into the next lane). So nothing runs per character in Python.
    """
    if len(text) < SHINGLE:
        text = text.ljust(SHINGLE, "\0") if text else ""
    codes = text.encode("utf-32-le")
    lanes = bytearray(2 * len(codes))
    for byte in range(3):  # the fourth byte of a code point (below 0x110000) is always 0
        lanes[byte::8] = codes[byte::4]
    product = int.from_bytes(lanes, "little") * _MULTIPLIERS
    return memoryview(product.to_bytes(len(lanes) + 8 * SHINGLE, "little")[8 * (SHINGLE - 1):len(lanes)]).cast("Q")


def _sample(grams: memoryview) -> frozenset[int]:
    """The 5-grams of a text that go into the index: one in 2**SAMPLE_BITS, those whose number
    modulo 2**32 is below 2**(32 - SAMPLE_BITS) (a multilinear hash of the five code points, the
    same in every process), and the smallest few by that hash, so that short texts have some too."""
    hashes = grams.obj[3::8]  # the top byte of each number modulo 2**32
    chosen = frozenset(grams[match.start()] for match in _SAMPLED.finditer(hashes))
    if len(chosen) >= ALWAYS_SAMPLED or len(chosen) == len(grams):
        return chosen  # the smallest few are below the bar already
    ranked = sorted(set(zip(hashes, grams)))
    return chosen | frozenset(gram for _, gram in ranked[:ALWAYS_SAMPLED])


# fixed odd 40-bit multipliers (SHAKE-128 of their names): every run hashes the same way
_MULTIPLIERS = sum((int.from_bytes(hashlib.shake_128(b"dedup %d" % place).digest(5), "little") | 1)
                   << (64 * (SHINGLE - 1 - place)) for place in range(SHINGLE))
_SAMPLED = re.compile(b"[\\x00-\\x%02x]" % ((256 >> SAMPLE_BITS) - 1))


def _fullest_first(stories: list[Article], fullest: Article) -> list[Article]:
    return [fullest] + [a for a in stories if a is not fullest]


class _UnionFind:
    def __init__(self, size: int) -> None:
        self._parent = list(range(size))

    def find(self, item: int) -> int:
        while self._parent[item] != item:
            self._parent[item] = self._parent[self._parent[item]]
            item = self._parent[item]
        return item

    def join(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self._parent[max(ra, rb)] = min(ra, rb)  # the first seen leads

    def groups(self) -> list[list[int]]:
        by_root: dict[int, list[int]] = {}
        for item in range(len(self._parent)):
            by_root.setdefault(self.find(item), []).append(item)
        return list(by_root.values())  # ordered by each group's first member
