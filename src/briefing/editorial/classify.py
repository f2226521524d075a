"""Sort articles into the six sections, or leave them out as off-topic: a learned linear model
(editorial/learned.py, trained on real pages) combined with each section's lexicon.

For every article the model gives a logit per class — the six sections and `off_topic`, a class
learned from real negatives (science, industry, economy, education and IT news among them) — and
the lexicon gives a BM25 score per section (editorial/lexicon.py plus the operator's
`[[sections]] keywords`; an `exclude` term rules a section out). A section's combined logit is
the model's plus `lexicon_weight` times its lexicon score, so an operator's keywords still steer
the result; the off-topic logit adds the sports / entertainment / property / weather lexicon and
the learned off-topic bias. A softmax over the seven gives probabilities.

- The article goes to the section with the highest combined logit. A story that fits two
  sections goes to the better one; the runner-up is named (and called a close second when its
  probability is within `min_margin` of the winner's), never a reason to drop the story.
- Its score is 10 × the probability that it belongs in the briefing at all (every section's
  probability together, so two sections sharing a story do not weaken it). Below `min_score`
  (default 4.0) it is off-topic: left out, listed in the manifest with its closest section.
- The deciding terms are the words (and character pairs) that moved the decision most, model
  and lexicon alike: what `briefing build --explain` prints.

Deterministic, pure Python, and bounded: only the headline and the start of the body are read.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from ..model import Article, Classification, SectionSpec
from ..parallel import map_articles
from ..text.sentences import split_sentences
from .learned import (
    BODY_CHARS,
    OFF_TOPIC,
    PAIR_PREFIX,
    Model,
    contributions,
    features_of_words,
    headline_of,
    load_model,
    logits,
)
from .lexicon import DEFAULT_SECTIONS
from .lexicon import OFF_TOPIC as OFF_TOPIC_LEXICON
from .lexicon import FAST_BATCH, cut_fast_from_now, words

if TYPE_CHECKING:
    from ..config import EditorialSettings

TITLE_WEIGHT = 3.0
K1 = 1.2  # BM25 term-frequency saturation
B = 0.5  # BM25 length normalisation; half strength, since news bodies vary less than web pages
AVERAGE_WORDS = 400  # words in a typical news body, the length BM25 does not discount
SHOWN_TERMS = 8
# the operator's keywords count at least this much per point of BM25 (the learned weight of the
# built-in lexicon may be smaller: the model has learned most of what the lexicon knows)
OPERATOR_WEIGHT = 2.0
BUILT_IN = {s["id"]: s["keywords"] for s in DEFAULT_SECTIONS}
_TERM = re.compile("[\u4e00-\u9fffA-Za-z]")


@dataclass(frozen=True)
class Score:
    """How well one article matches one query (a section or an off-topic kind)."""

    query: str
    value: float
    terms: tuple[str, ...]  # the terms that contributed, largest contribution first
    parts: tuple[float, ...] = ()  # each term's contribution, in the same order


def classify(articles: list[Article], sections: list[SectionSpec], settings: EditorialSettings
             ) -> list[Classification]:
    load_model()  # loaded once, before a large intake is split across the cores
    terms = frozenset(t for s in sections for t in s.keywords)
    if len(articles) >= FAST_BATCH:
        cut_fast_from_now(terms)
    words("", terms)
    return map_articles(partial(classify_one, sections=sections, min_score=settings.min_score,
                                min_margin=settings.min_margin), articles)


def classify_one(article: Article, sections: list[SectionSpec], min_score: float, min_margin: float = 0.1,
                 model: Model | None = None) -> Classification:
    model = model or load_model()
    extra = frozenset(t for s in sections for t in s.keywords)
    headline, body = headline_of(article), article.body[:BODY_CHARS]  # the start says what it is about
    headline_words, body_words = words(headline, extra), _body_words(body, extra)
    model_logits, values = logits(model, features_of_words(headline, headline_words, body, body_words))
    by_class = dict(zip(model.classes, model_logits))
    lexicon = _lexicon_scores(headline + "\n" + body, headline_words, body_words, sections)

    combined = {s.id: (by_class.get(s.id, 0.0) + _lexicon_logit(lexicon[s.id], s, model)
                       if lexicon[s.id].value >= 0 else -math.inf) for s in sections}
    kind = max(lexicon["off"], key=lambda score: score.value)
    off = by_class[OFF_TOPIC] + model.off_topic_lexicon_weight * kind.value + model.off_topic_bias
    probability = _softmax({**combined, OFF_TOPIC: off})
    ranked = sorted(combined, key=lambda s: -combined[s])  # ties: the earlier section (sorted is stable)
    best, second = ranked[0], (ranked[1] if len(ranked) > 1 else None)
    score = 10 * (1 - probability[OFF_TOPIC])
    possible = combined[best] > -math.inf
    on_topic = possible and score >= min_score

    if on_topic:
        terms = _deciding_terms(model, values, lexicon[best], best, OFF_TOPIC)
        reason = f"score {score:.1f} of 10 from {'、'.join(terms[:5]) or 'the model'}"
        if second is not None and combined[second] > -math.inf:
            close = probability[second] >= (1 - min_margin) * probability[best]
            reason += (f"; {'close second' if close else 'runner-up'} {second} "
                       f"({probability[second]:.0%} against {probability[best]:.0%})")
    else:
        terms = _deciding_terms(model, values, kind, OFF_TOPIC, best, kind_terms=True)
        reason = _off_topic_reason(score, min_score, best if possible else None, kind, terms)
    return Classification(
        article_id=article.id,
        section=best if on_topic else None,
        score=round(score, 2),
        best_section=best if possible else None,
        runner_up=second if second is not None and combined[second] > -math.inf else None,
        runner_up_score=round(10 * probability[second], 2) if second is not None else 0.0,
        terms=tuple(terms[:SHOWN_TERMS]),
        reason=reason,
    )


def _body_words(body: str, extra: frozenset[str]) -> list[str]:
    """The body's words, split sentence by sentence: jieba cuts at punctuation anyway, and the
    summary and the written headline then find these sentences already split."""
    return [w for paragraph in body.split("\n") for sentence in split_sentences(paragraph)
            for w in words(sentence, extra)]


def _lexicon_logit(score: Score, section: SectionSpec, model: Model) -> float:
    """What the lexicon adds to a section's logit: the built-in terms at the learned weight, the
    operator's own `[[sections]] keywords` at OPERATOR_WEIGHT, so that they always steer."""
    built_in = BUILT_IN.get(section.id, {})
    total = 0.0
    for term, part in zip(score.terms, score.parts):
        total += part * (model.lexicon_weight if built_in.get(term) == section.keywords.get(term) else OPERATOR_WEIGHT)
    return total


def _off_topic_reason(score: float, min_score: float, best: str | None, kind: Score, terms: list[str]) -> str:
    closest = f"closest section {best}" if best else "every section excluded by its exclude terms"
    said = f"reads as {kind.query} ({'、'.join(kind.terms[:4])})" if kind.value > 0 else \
        f"reads as off-topic ({'、'.join(terms[:4]) or 'nothing of any section'})"
    return f"{said}: score {score:.1f} of 10, below the threshold {min_score:g} ({closest})"


def _deciding_terms(model: Model, values: dict[str, float], lexicon: Score, winner: str, against: str,
                    kind_terms: bool = False) -> list[str]:
    """The words that moved the decision most, the model's and the lexicon's in one ranking;
    a character pair is shown only when no shown word holds it."""
    parts = list(contributions(model, values, winner, against))
    if kind_terms:
        parts += [(t, model.off_topic_lexicon_weight * p) for t, p in zip(lexicon.terms, lexicon.parts)]
    else:
        built_in = BUILT_IN.get(winner, {})
        parts += [(t, p * (model.lexicon_weight if t in built_in else OPERATOR_WEIGHT))
                  for t, p in zip(lexicon.terms, lexicon.parts)]
    shown: list[str] = []
    for feature, _ in sorted(parts, key=lambda p: (-p[1], p[0])):
        term = feature.removeprefix(PAIR_PREFIX)
        if len(term) < 2 or not _TERM.search(term):
            continue  # a particle or a number explains nothing to an operator
        if term not in shown and not (feature.startswith(PAIR_PREFIX) and any(term in s for s in shown)):
            shown.append(term)
        if len(shown) >= SHOWN_TERMS:
            break
    return shown


def _softmax(scores: dict[str, float]) -> dict[str, float]:
    top = max(scores.values())
    exp = {k: math.exp(v - top) if v > -math.inf else 0.0 for k, v in scores.items()}
    total = sum(exp.values())
    return {k: v / total for k, v in exp.items()}


def lexicon_scores(article: Article, sections: list[SectionSpec]) -> tuple[dict[str, Score], list[Score]]:
    """Each section's BM25 score (-1 where an exclude term rules it out) and each off-topic
    kind's, as the classifier sees them (tools/train_sections.py learns how much they weigh)."""
    extra = frozenset(t for s in sections for t in s.keywords)
    headline, body = headline_of(article), article.body[:BODY_CHARS]
    scores = _lexicon_scores(headline + "\n" + body, words(headline, extra), _body_words(body, extra), sections)
    return {s.id: scores[s.id] for s in sections}, scores["off"]


def _lexicon_scores(text: str, headline_words: list[str], body_words: list[str], sections: list[SectionSpec]) -> dict:
    title_counts = Counter(headline_words)
    body_counts, length = Counter(body_words), sum(1 for w in body_words if w.strip())
    scores: dict = {}
    for section in sections:
        if any(term in text for term in section.exclude):
            scores[section.id] = Score(section.id, -1.0, ())
        else:
            scores[section.id] = _bm25(section.id, section.keywords, title_counts, body_counts, length)
    scores["off"] = [_bm25(kind, terms, title_counts, body_counts, length) for kind, terms in OFF_TOPIC_LEXICON.items()]
    return scores


def _bm25(query: str, lexicon: dict[str, float], title_counts: Counter, body_counts: Counter,
          length: int) -> Score:
    norm = 1 - B + B * length / AVERAGE_WORDS
    contributions_: dict[str, float] = {}
    for term, weight in lexicon.items():
        tf = TITLE_WEIGHT * title_counts.get(term, 0) + body_counts.get(term, 0)
        if tf:
            contributions_[term] = weight * tf * (K1 + 1) / (tf + K1 * norm)
    ranked = sorted(contributions_.items(), key=lambda kv: (-kv[1], kv[0]))
    return Score(query, sum(contributions_.values()), tuple(t for t, _ in ranked), tuple(v for _, v in ranked))
