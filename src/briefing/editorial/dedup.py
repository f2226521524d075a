"""Merge the same story arriving more than once (several outlets, or the same file twice).

Two texts tell the same story when they share at least half of all their character 5-grams
(Jaccard), or when the shorter lies almost wholly inside the longer (a wire story and the
paper's fuller version). A group keeps its fullest text, every source and every outlet, so the
briefing can say 据北京日报、科技日报报道.

A usual day (up to EXACT_UP_TO articles) compares every pair. A large intake must not: each
text's 5-grams are hashed to 64-bit numbers with NumPy, and a sample of them — those whose hash
falls in one eighth of the range, plus the eight smallest, so short texts have some too — goes
into an inverted index. Texts that share enough sampled 5-grams are candidates, and each
candidate pair is confirmed exactly on the whole hashed sets, by the same rule. A near copy of
a text already indexed is not indexed again, so forty copies of one wire story keep the lists
short; a sampled 5-gram found in very many texts (boilerplate) is passed over. The work grows
with the total length of the texts, not with the number of pairs.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache

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


def same_story(a, b) -> bool:
    """a, b: the 5-gram sets of two texts (Python sets, or sorted unique NumPy arrays)."""
    if not len(a) or not len(b):
        return False
    shared = _shared(a, b)
    if shared / (len(a) + len(b) - shared) >= SAME_STORY:
        return True
    shorter = min(len(a), len(b))
    return shorter >= MIN_CONTAINED and shared / shorter >= CONTAINED


def _shared(a, b) -> int:
    if isinstance(a, (set, frozenset)):
        return len(a & b)
    import numpy

    return len(numpy.intersect1d(a, b, assume_unique=True))


def _jaccard(a, b) -> float:
    shared = _shared(a, b) if len(a) and len(b) else 0
    return shared / (len(a) + len(b) - shared) if shared else 0.0


def _group(articles: list[Article]) -> _UnionFind:
    groups = _UnionFind(len(articles))
    texts = [_SPACE.sub("", a.body) for a in articles]  # the bodies are normalized already (text/clean)
    if sum(1 for text in texts if text) < 2:
        return groups
    if len(articles) <= EXACT_UP_TO:
        # a usual day: comparing every pair exactly is quicker than loading NumPy
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
    index: dict[int, list[int]] = {}
    for position, own in enumerate(grams):
        if not len(own):
            continue
        shared: Counter[int] = Counter()
        for gram in samples[position]:
            holders = index.get(gram)
            if holders and len(holders) <= COMMON:
                shared.update(holders)
        near_copy = False
        for other, count in sorted(shared.items()):
            if count < CANDIDATE_SHARE * min(len(samples[position]), len(samples[other])):
                continue
            near_copy = near_copy or _jaccard(own, grams[other]) >= NEAR_COPY
            if groups.find(position) != groups.find(other) and same_story(own, grams[other]):
                groups.join(position, other)
        if not near_copy:
            for gram in samples[position]:
                index.setdefault(gram, []).append(position)


def _hashed_shingles(text: str):
    """The text's 5-grams as a sorted array of distinct 64-bit hashes (a text shorter than five
    characters is one gram, as in the exact comparison)."""
    import numpy

    multipliers, mix = _hash_constants()
    codes = numpy.frombuffer(text.encode("utf-32-le"), dtype=numpy.uint32).astype(numpy.uint64)
    if 0 < len(codes) < SHINGLE:
        codes = numpy.concatenate([codes, numpy.zeros(SHINGLE - len(codes), numpy.uint64)])
    count = max(len(codes) - SHINGLE + 1, 0)
    hashes = numpy.zeros(count, dtype=numpy.uint64)
    with numpy.errstate(over="ignore"):  # arithmetic modulo 2**64 is the point
        for offset, multiplier in enumerate(multipliers):
            hashes = (hashes ^ (codes[offset:offset + count] * multiplier)) * mix
            hashes ^= hashes >> numpy.uint64(29)
    return numpy.unique(hashes)


def _sample(grams) -> list[int]:
    """The 5-grams of a text that go into the index: one in 2**SAMPLE_BITS by hash, and the
    smallest few (the array is sorted), so that two similar texts share some of theirs."""
    import numpy

    chosen = grams[(grams >> numpy.uint64(64 - SAMPLE_BITS)) == 0]
    return sorted(set(chosen.tolist()) | set(grams[:ALWAYS_SAMPLED].tolist()))


@lru_cache(maxsize=1)
def _hash_constants():
    import numpy

    # fixed odd 64-bit constants (from splitmix64 and wyhash): every run hashes the same way
    multipliers = [numpy.uint64(c) for c in (0x9E3779B97F4A7C15, 0xBF58476D1CE4E5B9, 0x94D049BB133111EB,
                                              0xD6E8FEB86659FD93, 0xA0761D6478BD642F)]
    return multipliers, numpy.uint64(0xE7037ED1A0B428DB)


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
