"""Sort articles into the six sections: BM25 over jieba words, with each section's lexicon as
the query.

Every section is a weighted query (editorial/lexicon.py, extendable in briefing.toml). An
article is split into words once; a term found in the headline (title, kicker, subtitle) counts
TITLE_WEIGHT times, and BM25 saturates repeated terms and discounts long articles, so neither a
long body nor one word said twenty times can outvote the headline. The lexicon weight stands in
for BM25's IDF: a day's handful of articles is too few to estimate one, and a fixed weight keeps
an article's score independent of whatever else arrived that day. Deterministic.

An article is off-topic when it reads more like sports, entertainment, a property ad or the
weather than like any section, when its best score is below `min_score`, or when no section
clearly wins (the best leads the runner-up by less than `min_margin` of its score). The manifest
records the best section and score either way.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..model import Article, Classification, SectionSpec
from .lexicon import OFF_TOPIC, words

if TYPE_CHECKING:
    from ..config import EditorialSettings

TITLE_WEIGHT = 3.0
K1 = 1.2  # BM25 term-frequency saturation
B = 0.5  # BM25 length normalisation; half strength, since news bodies vary less than web pages
AVERAGE_WORDS = 400  # words in a typical news body, the length BM25 does not discount


@dataclass(frozen=True)
class Score:
    """How well one article matches one query (a section or an off-topic kind)."""

    query: str
    value: float
    terms: tuple[str, ...]  # the terms that contributed, largest contribution first


def classify(articles: list[Article], sections: list[SectionSpec], settings: EditorialSettings
             ) -> list[Classification]:
    return [classify_one(a, sections, settings.min_score, settings.min_margin) for a in articles]


def classify_one(article: Article, sections: list[SectionSpec], min_score: float,
                 min_margin: float = 0.1) -> Classification:
    extra = {t for s in sections for t in s.keywords}
    headline = " ".join(t for t in (article.kicker, article.title, article.subtitle) if t)
    body = "\n".join(b.text for b in article.blocks)
    title_counts = Counter(words(headline, extra))
    body_words = words(body, extra)
    body_counts, length = Counter(body_words), sum(1 for w in body_words if w.strip())

    ranked = sorted(  # ties go to the earlier section in the fixed order (sorted is stable)
        (_section_score(s, headline + "\n" + body, title_counts, body_counts, length) for s in sections),
        key=lambda score: -score.value,
    )
    best, second = ranked[0], ranked[1]
    off_topic = max((_bm25(kind, lexicon, title_counts, body_counts, length) for kind, lexicon in OFF_TOPIC.items()),
                    key=lambda score: score.value)

    reason = _off_topic_reason(best, second, off_topic, min_score, min_margin)
    if reason is None:
        reason = f"score {best.value:.1f} from {'、'.join(best.terms[:5])}; runner-up {second.query} {second.value:.1f}"
    on_topic = reason.startswith("score ")
    return Classification(
        article_id=article.id,
        section=best.query if on_topic else None,
        score=round(best.value, 2),
        best_section=best.query if best.value > 0 else None,
        runner_up=second.query if second.value > 0 else None,
        runner_up_score=round(second.value, 2),
        terms=best.terms if on_topic or best.value >= off_topic.value else off_topic.terms,
        reason=reason,
    )


def _off_topic_reason(best: Score, second: Score, off_topic: Score, min_score: float, min_margin: float
                      ) -> str | None:
    if off_topic.value > 0 and off_topic.value >= best.value:
        return (f"reads as {off_topic.query} ({'、'.join(off_topic.terms[:4])}: {off_topic.value:.1f}), "
                f"more than any section (best {best.query} {best.value:.1f})")
    if best.value < min_score:
        return f"best section {best.query} scores {best.value:.1f}, below the threshold {min_score:g}"
    if second.value > 0 and best.value - second.value < min_margin * best.value:
        return (f"no clear winner: {best.query} {best.value:.1f} against {second.query} {second.value:.1f} "
                f"(needs a lead of {min_margin:.0%})")
    return None


def _section_score(section: SectionSpec, text: str, title_counts: Counter, body_counts: Counter,
                   length: int) -> Score:
    if any(term in text for term in section.exclude):
        return Score(section.id, 0.0, ())
    return _bm25(section.id, section.keywords, title_counts, body_counts, length)


def _bm25(query: str, lexicon: dict[str, float], title_counts: Counter, body_counts: Counter,
          length: int) -> Score:
    norm = 1 - B + B * length / AVERAGE_WORDS
    contributions: dict[str, float] = {}
    for term, weight in lexicon.items():
        tf = TITLE_WEIGHT * title_counts.get(term, 0) + body_counts.get(term, 0)
        if tf:
            contributions[term] = weight * tf * (K1 + 1) / (tf + K1 * norm)
    ranked = tuple(t for t, _ in sorted(contributions.items(), key=lambda kv: (-kv[1], kv[0])))
    return Score(query, sum(contributions.values()), ranked)
