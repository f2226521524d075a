"""Sort articles into the six sections by a weighted lexicon.

Each section's terms are matched longest-first without overlap, so 协同创新 is not counted a
second time as 协同. A hit in the headline (title, kicker, subtitle) counts TITLE_WEIGHT times;
repeated body hits grow logarithmically, so one long article cannot drown the headline.
Deterministic: the same text always lands in the same section.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from functools import lru_cache
from typing import TYPE_CHECKING

from ..model import Article, Classification, SectionSpec

if TYPE_CHECKING:
    from ..config import EditorialSettings

TITLE_WEIGHT = 3.0


def classify(articles: list[Article], sections: list[SectionSpec], settings: EditorialSettings
             ) -> list[Classification]:
    return [classify_one(a, sections, settings.min_score) for a in articles]


def classify_one(article: Article, sections: list[SectionSpec], min_score: float) -> Classification:
    headline = " ".join(t for t in (article.kicker, article.title, article.subtitle) if t)
    body = "\n".join(b.text for b in article.blocks)
    scored: list[tuple[float, str, tuple[str, ...]]] = []
    for section in sections:
        if any(term in headline or term in body for term in section.exclude):
            scored.append((0.0, section.id, ()))
            continue
        score, terms = _score(section, headline, body)
        scored.append((score, section.id, terms))
    # ties go to the earlier section in the fixed order
    ranked = sorted(scored, key=lambda s: -s[0])
    (best_score, best_id, terms), (second_score, second_id, _) = ranked[0], ranked[1]
    on_topic = best_score >= min_score
    reason = (f"score {best_score:.1f} from {', '.join(terms[:5])}" if on_topic
              else f"best score {best_score:.1f} ({best_id}) is below the threshold {min_score:g}")
    return Classification(
        article_id=article.id,
        section=best_id if on_topic else None,
        score=round(best_score, 2),
        best_section=best_id if best_score > 0 else None,
        runner_up=second_id if second_score > 0 else None,
        runner_up_score=round(second_score, 2),
        terms=terms,
        reason=reason,
    )


def _score(section: SectionSpec, headline: str, body: str) -> tuple[float, tuple[str, ...]]:
    pattern = _pattern(tuple(sorted(section.keywords, key=len, reverse=True)))
    if pattern is None:
        return 0.0, ()
    in_headline = Counter(pattern.findall(headline))
    in_body = Counter(pattern.findall(body))
    contributions: dict[str, float] = {}
    for term in set(in_headline) | set(in_body):
        weight = section.keywords[term]
        contributions[term] = weight * (TITLE_WEIGHT * in_headline[term] + math.log2(1 + in_body[term]))
    ranked_terms = tuple(t for t, _ in sorted(contributions.items(), key=lambda kv: (-kv[1], kv[0])))
    return sum(contributions.values()), ranked_terms


@lru_cache(maxsize=64)
def _pattern(terms: tuple[str, ...]) -> re.Pattern[str] | None:
    if not terms:
        return None
    return re.compile("|".join(re.escape(t) for t in terms))
