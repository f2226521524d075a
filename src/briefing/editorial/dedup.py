"""Merge the same story arriving more than once (several outlets, or the same file twice).

Near-duplicates are found by Jaccard similarity of character 5-gram shingles of the body; the
fullest text is kept and remembers every source it came from.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..model import Article
from ..text.normalize import compact

SHINGLE = 5
THRESHOLD = 0.6


@dataclass(frozen=True)
class DedupResult:
    articles: list[Article]  # unique, in first-seen order
    merged: dict[str, str]  # duplicate article id -> id of the article it was merged into


def dedup(articles: list[Article]) -> DedupResult:
    shingles = [_shingles(a) for a in articles]
    group_of: list[int] = list(range(len(articles)))
    for i in range(len(articles)):
        if group_of[i] != i:
            continue
        for j in range(i + 1, len(articles)):
            if group_of[j] == j and _jaccard(shingles[i], shingles[j]) >= THRESHOLD:
                group_of[j] = i
    kept: list[Article] = []
    merged: dict[str, str] = {}
    for leader in sorted(set(group_of)):
        members = [articles[k] for k, g in enumerate(group_of) if g == leader]
        fullest = max(members, key=lambda a: len(a.body))
        sources = tuple(dict.fromkeys(s for m in members for s in m.sources))
        outlet = fullest.outlet or next((m.outlet for m in members if m.outlet), None)
        kept.append(replace(fullest, sources=sources, outlet=outlet))
        merged.update({m.id: fullest.id for m in members if m.id != fullest.id})
    return DedupResult(kept, merged)


def _shingles(article: Article) -> frozenset[str]:
    text = compact(article.body)
    return frozenset(text[k:k + SHINGLE] for k in range(max(1, len(text) - SHINGLE + 1)))


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)
