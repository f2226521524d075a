"""Merge the same story arriving more than once (several outlets, or the same file twice).

Each body becomes a set of character 5-grams; MinHash signatures with locality-sensitive hashing
(datasketch's MinHashLSH for similar sets, MinHashLSHEnsemble for a set contained in another)
find the candidate pairs without comparing every article with every other, and each candidate
pair is then confirmed on the exact sets: the same story when they share at least half
of all their 5-grams (Jaccard), or when the shorter text lies almost wholly inside the longer one
(a wire story and the paper's fuller version). A group keeps its fullest text, every source and
every outlet, so the briefing can say 据北京日报、科技日报报道.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, replace

from ..model import Article
from ..text.normalize import compact

SHINGLE = 5
NUM_PERM = 128
CANDIDATE = 0.3  # LSH threshold: looser than the confirmation, so no true pair is missed
SAME_STORY = 0.5  # Jaccard of the 5-gram sets
CONTAINED = 0.8  # share of the shorter text's 5-grams found in the longer one
MIN_CONTAINED = 40  # 5-grams: a shorter text must say this much before containment counts
NEAR_COPY = 0.9  # Jaccard: a copy this close adds nothing to the index
EXACT_UP_TO = 60  # articles: up to here every pair is compared exactly, past it LSH finds candidates


@dataclass(frozen=True)
class DedupResult:
    articles: list[Article]  # unique, in first-seen order
    merged: dict[str, str]  # duplicate article id -> id of the article it was merged into


def dedup(articles: list[Article]) -> DedupResult:
    shingles = [_shingles(a) for a in articles]
    groups = _group(shingles)
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


def same_story(a: frozenset[str], b: frozenset[str]) -> bool:
    if not a or not b:
        return False
    shared = len(a & b)
    if shared / len(a | b) >= SAME_STORY:
        return True
    shorter = min(len(a), len(b))
    return shorter >= MIN_CONTAINED and shared / shorter >= CONTAINED


def _group(shingles: list[frozenset[str]]) -> _UnionFind:
    """Join the same stories. Pass one, MinHash LSH: similar sets, in reading order; a near copy
    of a story already indexed is not indexed again (its neighbours are its twin's), so a day with
    the same wire story forty times stays fast. Pass two, LSH Ensemble over the fullest text of each
    group: a short text inside a long one, which has a low Jaccard and escapes pass one."""
    groups = _UnionFind(len(shingles))
    present = [index for index, grams in enumerate(shingles) if grams]
    if len(present) < 2:
        return groups
    if len(present) <= EXACT_UP_TO:
        # a usual day: comparing every pair exactly is quicker than loading numpy and scipy
        for position, index in enumerate(present):
            for other in present[position + 1:]:
                if groups.find(index) != groups.find(other) and same_story(shingles[index], shingles[other]):
                    groups.join(index, other)
        return groups
    from datasketch import MinHash, MinHashLSH, MinHashLSHEnsemble  # numpy, scipy: only when needed

    signatures = {}
    for index in present:
        signature = MinHash(num_perm=NUM_PERM, seed=1, hashfunc=_hash32)
        signature.update_batch([gram.encode("utf-8") for gram in shingles[index]])
        signatures[index] = signature

    similar = MinHashLSH(threshold=CANDIDATE, num_perm=NUM_PERM)
    for index in present:
        near_copy = False
        for other in sorted(similar.query(signatures[index])):
            jaccard = _jaccard(shingles[index], shingles[other])
            near_copy = near_copy or jaccard >= NEAR_COPY
            if groups.find(index) != groups.find(other) and same_story(shingles[index], shingles[other]):
                groups.join(index, other)
        if not near_copy:
            similar.insert(index, signatures[index])

    fullest: dict[int, int] = {}  # group -> its member with the most text
    for index in present:
        root = groups.find(index)
        if root not in fullest or len(shingles[index]) > len(shingles[fullest[root]]):
            fullest[root] = index
    leaders = sorted(fullest.values())
    if len(leaders) < 2:
        return groups
    containing = MinHashLSHEnsemble(threshold=CONTAINED, num_perm=NUM_PERM, num_part=8)
    containing.index([(index, signatures[index], len(shingles[index])) for index in leaders])
    for index in leaders:
        if len(shingles[index]) < MIN_CONTAINED:
            continue
        for other in sorted(containing.query(signatures[index], len(shingles[index]))):
            if groups.find(index) != groups.find(other) and same_story(shingles[index], shingles[other]):
                groups.join(index, other)
    return groups


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _hash32(data: bytes) -> int:
    """MinHash's base hash: CRC-32 is stable across runs and several times faster than SHA-1."""
    return zlib.crc32(data)


def _shingles(article: Article) -> frozenset[str]:
    text = compact(article.body)
    if len(text) < SHINGLE:
        return frozenset([text]) if text else frozenset()
    return frozenset(text[k:k + SHINGLE] for k in range(len(text) - SHINGLE + 1))


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
