"""The learned part of the classifier: a linear model over jieba words and character pairs,
trained on the tune split of the labelled corpus by tools/train_sections.py and shipped as
sections_model.json.gz (a few hundred kB). Scoring is plain Python: no scikit-learn, SciPy or
NumPy at run time.

Features of an article: its words (jieba, as lexicon.words splits them) and its Chinese
character pairs, from the headline (counted HEADLINE_REPEAT times) and the first BODY_CHARS
characters of the body; each feature's count times its inverse document frequency, scaled to
unit length. The model gives a logit per class: the six sections and `off_topic`.
"""

from __future__ import annotations

import base64
import gzip
import json
import math
import re
import struct
from array import array
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..model import Article
from .lexicon import words

MODEL = Path(__file__).with_name("sections_model.json.gz")
OFF_TOPIC = "off_topic"
HEADLINE_REPEAT = 3
BODY_CHARS = 3000  # the start of a story says what it is about; the rest costs time
PAIR_PREFIX = "#"  # character pairs are kept apart from two-character words
_HAN_RUN = re.compile("[\u4e00-\u9fff]{2,}")
_WORD = re.compile("[\u4e00-\u9fffA-Za-z]")


@dataclass(frozen=True)
class Model:
    classes: tuple[str, ...]
    bias: tuple[float, ...]
    index: dict[str, int]  # feature -> its row in `rows`
    rows: array  # per feature: idf, then a weight per class, row after row
    lexicon_weight: float  # how much one point of the lexicon's BM25 score adds to a section's logit
    off_topic_lexicon_weight: float  # the same for the sports / entertainment / property / weather lexicon
    off_topic_bias: float  # moves the line between "a section" and "off-topic"
    trained_on: str = ""
    seen: dict = field(default_factory=dict, compare=False, repr=False)  # known feature -> its row, once looked up

    def row(self, feature: str) -> tuple[float, array] | None:
        """The feature's idf and weights, or None for a feature the model does not know."""
        known = self.seen.get(feature)
        if known is None:
            at = self.index.get(feature)
            if at is None:
                return None
            width = len(self.classes) + 1
            start = at * width
            # the same words come back in every article; at most one entry per known feature
            known = self.seen[feature] = (self.rows[start], self.rows[start + 1:start + width])
        return known


def headline_of(article: Article) -> str:
    return " ".join(t for t in (article.kicker, article.title, article.subtitle) if t)


def features(headline: str, body: str, extra_terms: Iterable[str] = ()) -> Counter:
    """Feature counts of a text: words and character pairs, the headline counted more."""
    body = body[:BODY_CHARS]
    return features_of_words(headline, words(headline, extra_terms), body, words(body, extra_terms))


def features_of_words(headline: str, headline_words: list[str], body: str, body_words: list[str]) -> Counter:
    """The same, from words already split (the classifier splits a text once for both of its parts)."""
    counts: Counter = Counter()
    for text, found_words, repeat in ((headline, headline_words, HEADLINE_REPEAT), (body, body_words, 1)):
        if not text:
            continue
        found = [w for w in found_words if _WORD.search(w)]
        found += [PAIR_PREFIX + run[i:i + 2] for run in _HAN_RUN.findall(text) for i in range(len(run) - 1)]
        for _ in range(repeat):
            counts.update(found)
    return counts


def logits(model: Model, counts: Counter) -> tuple[list[float], dict[str, float]]:
    """The model's logit per class, and each known feature's scaled value (for explaining)."""
    seen, row = model.seen, model.row  # a known feature's row is a dict look-up once seen: no call per feature
    weights, known = [], {}
    for feature, count in counts.items():
        found = seen.get(feature) or row(feature)
        if found is not None:
            known[feature] = count * found[0]
            weights.append(found[1])
    norm = math.sqrt(sum(v * v for v in known.values())) or 1.0
    values = {f: v / norm for f, v in known.items()}
    scores = list(model.bias)
    if values:
        # one weighted row per feature, summed column by column (zip and sum run in C)
        weighted = [[v * w for w in ws] for v, ws in zip(values.values(), weights)]
        scores = [b + s for b, s in zip(model.bias, map(sum, zip(*weighted)))]
    return scores, values


def contributions(model: Model, values: dict[str, float], winner: str, against: str) -> list[tuple[str, float]]:
    """What made `winner` beat `against`: each feature's share of the difference, largest first."""
    i, j = model.classes.index(winner), model.classes.index(against)
    seen, row = model.seen, model.row
    parts = []
    for feature, value in values.items():
        weights = (seen.get(feature) or row(feature))[1]
        part = value * (weights[i] - weights[j])
        if part > 0:
            parts.append((feature, part))
    return sorted(parts, key=lambda p: (-p[1], p[0]))


@lru_cache(maxsize=4)
def load_model(path: Path = MODEL) -> Model:
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        data = json.load(handle)
    packed = base64.b64decode(data["rows"])
    rows = array("f", struct.unpack(f"<{len(packed) // 2}e", packed))
    return Model(
        classes=tuple(data["classes"]),
        bias=tuple(data["bias"]),
        index=dict(zip(data["features"], range(len(data["features"])))),
        rows=rows,
        lexicon_weight=data["lexicon_weight"],
        off_topic_lexicon_weight=data["off_topic_lexicon_weight"],
        off_topic_bias=data["off_topic_bias"],
        trained_on=data.get("trained_on", ""),
    )


def save_model(classes: tuple[str, ...], bias: tuple[float, ...], weights: dict[str, tuple[float, tuple[float, ...]]],
               lexicon_weight: float, off_topic_lexicon_weight: float, off_topic_bias: float, trained_on: str,
               path: Path = MODEL) -> None:
    """Written by tools/train_sections.py: the feature names in JSON, their idf and weights as one
    block of little-endian half floats (three significant digits are plenty for a weight; it
    loads in milliseconds, where a JSON number per weight took a tenth of a second)."""
    names = sorted(weights)
    values = [x for name in names for x in (weights[name][0], *weights[name][1])]
    data = {
        "classes": list(classes),
        "bias": [round(b, 4) for b in bias],
        "lexicon_weight": round(lexicon_weight, 4),
        "off_topic_lexicon_weight": round(off_topic_lexicon_weight, 4),
        "off_topic_bias": round(off_topic_bias, 4),
        "trained_on": trained_on,
        "features": names,
        "rows": base64.b64encode(struct.pack(f"<{len(values)}e", *values)).decode("ascii"),
    }
    with gzip.GzipFile(path, "wb", mtime=0) as raw:  # mtime 0: the same model gives the same bytes
        raw.write(json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
