"""Train the section classifier on the TUNE split of the labelled corpus and write
src/briefing/editorial/sections_model.json.gz.

    pip install -e ".[train]"                     # scikit-learn, for this script only
    python tools/train_sections.py [--corpus FILE ...] [--report]

Never reads a test-split page: the split is recomputed from each page's URL (benchmarks/corpus.py).

1. Every tune page is read the way the build reads a pasted page, and turned into the run-time
   features (editorial/learned.py: words and character pairs, tf × idf, unit length).
2. A multinomial logistic regression (scikit-learn) learns the six sections and `off_topic`; a
   page labelled with two sections also teaches its second one, at a third of the weight.
3. Five-fold cross-validation on the tune split chooses the regularisation C, then how much the
   lexicon's BM25 score adds to a section (`lexicon_weight`, at least MIN_LEXICON_WEIGHT, so an
   operator's keywords always steer), the same for the off-topic lexicon, and the off-topic bias,
   on out-of-fold predictions, for the decision the classifier makes at run time (a section when
   its score, 10 × the probability of any section, reaches min_score = 4).
4. The model is refitted on the whole tune split; features with negligible weights are dropped.
"""

from __future__ import annotations

import argparse
import itertools
import math
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import numpy as np  # noqa: E402
from sklearn.feature_extraction import DictVectorizer  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402
from sklearn.model_selection import StratifiedKFold  # noqa: E402

from corpus import OFF_TOPIC, label, load_pages, main_article  # noqa: E402

from briefing.config import load_config  # noqa: E402
from briefing.editorial.classify import lexicon_scores  # noqa: E402
from briefing.editorial.learned import MODEL, features, headline_of, save_model  # noqa: E402

SECOND_WEIGHT = 1 / 3
MIN_LEXICON_WEIGHT = 0.15
MIN_WEIGHT = 0.05  # features whose largest class weight is smaller are dropped
MIN_SCORE = 4.0  # the default [editorial] min_score the decision is tuned for
C_GRID = (1.0, 3.0, 10.0, 30.0, 100.0)
LEXICON_GRID = (0.15, 0.25, 0.4, 0.6, 0.9)
OFF_LEXICON_GRID = (0.0, 0.1, 0.25, 0.5)
BIAS_GRID = tuple(x / 4 for x in range(-16, 17))


def load_examples(files: list[Path] | None):
    sections = load_config(None, cwd=ROOT).sections
    extra = frozenset(t for s in sections for t in s.keywords)
    examples = []
    for page in load_pages(files, split="tune"):
        article = main_article(page)
        if article is None:
            continue
        counts = features(headline_of(article), article.body, extra)
        lexicon, kinds = lexicon_scores(article, sections)
        off = max(kind.value for kind in kinds)
        examples.append({"page": page, "counts": counts, "label": label(page), "labels": page["sections"] or [OFF_TOPIC],
                         "lexicon": [max(0.0, lexicon[s.id].value) for s in sections], "off_lexicon": off})
    return examples, [s.id for s in sections]


def design(examples, vectorizer=None, idf=None):
    """The tf × idf matrix with unit rows, as learned.logits computes it at run time."""
    counts = [e["counts"] for e in examples]
    if vectorizer is None:
        vectorizer = DictVectorizer()
        raw = vectorizer.fit_transform(counts)
        document_frequency = np.asarray((raw > 0).sum(axis=0)).ravel()
        keep = document_frequency >= 2
        vectorizer.restrict(keep)
        document_frequency = document_frequency[keep]
        idf = np.log((1 + len(counts)) / (1 + document_frequency)) + 1
    raw = vectorizer.transform(counts).astype(float)
    weighted = raw.multiply(idf).tocsr()
    norms = np.sqrt(np.asarray(weighted.multiply(weighted).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return weighted.multiply(1 / norms[:, None]).tocsr(), vectorizer, idf


def training_rows(examples, indices):
    """Indices, labels and weights: each page once for its best label, and a two-section page
    again for its second one."""
    rows, labels, weights = [], [], []
    for i in indices:
        rows.append(i)
        labels.append(examples[i]["label"])
        weights.append(1.0)
        for other in examples[i]["labels"][1:]:
            rows.append(i)
            labels.append(other)
            weights.append(SECOND_WEIGHT)
    return rows, labels, weights


def fit(X, examples, indices, c, classes):
    rows, labels, weights = training_rows(examples, indices)
    model = LogisticRegression(C=c, max_iter=5000, class_weight="balanced")
    model.fit(X[rows], labels, sample_weight=weights)
    order = [list(model.classes_).index(k) for k in classes if k in model.classes_]
    return model, order


def out_of_fold(X, examples, c, classes, folds=5):
    """Out-of-fold logits per class (in `classes` order), for every example."""
    labels = [e["label"] for e in examples]
    smallest = min(labels.count(k) for k in set(labels))
    splitter = StratifiedKFold(n_splits=max(2, min(folds, smallest)), shuffle=True, random_state=0)
    result = np.zeros((len(examples), len(classes)))
    for train, held in splitter.split(np.zeros(len(labels)), labels):
        model, _ = fit(X, examples, train, c, classes)
        logits = model.decision_function(X[held])
        for k, name in enumerate(model.classes_):
            result[held, classes.index(name)] = logits[:, k]
    return result


def decide(logits, examples, section_ids, lexicon_weight, off_lexicon_weight, bias):
    """What the run-time classifier would say for each example: a section or off_topic."""
    decided = []
    off_index = len(section_ids)
    for row, e in zip(logits, examples):
        sections = [row[k] + lexicon_weight * e["lexicon"][k] for k in range(len(section_ids))]
        off = row[off_index] + off_lexicon_weight * e["off_lexicon"] + bias
        top = max(max(sections), off)
        total = sum(math.exp(s - top) for s in sections) + math.exp(off - top)
        score = 10 * (1 - math.exp(off - top) / total)
        decided.append(section_ids[int(np.argmax(sections))] if score >= MIN_SCORE else OFF_TOPIC)
    return decided


def quality(decided, examples):
    """Mean of on-topic accuracy (a labelled section) and off-topic rejection."""
    on = [d in e["labels"] for d, e in zip(decided, examples) if e["label"] != OFF_TOPIC]
    off = [d == OFF_TOPIC for d, e in zip(decided, examples) if e["label"] == OFF_TOPIC]
    on_share = sum(on) / len(on) if on else 1.0
    off_share = sum(off) / len(off) if off else 1.0
    return (on_share + off_share) / 2, on_share, off_share


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, action="append", help="corpus files (default: benchmarks/corpus/pages-*.jsonl)")
    parser.add_argument("--out", type=Path, default=MODEL)
    args = parser.parse_args()
    examples, section_ids = load_examples(args.corpus)
    classes = [*section_ids, OFF_TOPIC]
    X, vectorizer, idf = design(examples)
    print(f"{len(examples)} tune pages, {X.shape[1]} features (in two pages or more)")

    best = None
    for c in C_GRID:
        logits = out_of_fold(X, examples, c, classes)
        for lw, olw, bias in itertools.product(LEXICON_GRID, OFF_LEXICON_GRID, BIAS_GRID):
            value, on, off = quality(decide(logits, examples, section_ids, lw, olw, bias), examples)
            # ties: the smallest bias change, then the larger lexicon weight (operators steer more)
            rank = (round(value, 4), -abs(bias), lw)
            if best is None or rank > best[0]:
                best = (rank, c, lw, olw, bias, on, off)
        print(f"  C={c:<6g} best so far: on-topic {best[5]:.3f}, off-topic {best[6]:.3f} (C={best[1]:g})")
    _, c, lw, olw, bias, on, off = best
    print(f"chosen: C={c:g}, lexicon_weight={lw}, off_topic_lexicon_weight={olw}, off_topic_bias={bias}; "
          f"cross-validated on-topic accuracy {on:.3f}, off-topic rejected {off:.3f}")

    model, order = fit(X, examples, range(len(examples)), c, classes)
    coefficients = model.coef_[order]
    intercepts = model.intercept_[order]
    names = vectorizer.get_feature_names_out()
    weights = {}
    for j, name in enumerate(names):
        column = coefficients[:, j]
        if np.abs(column).max() >= MIN_WEIGHT:
            weights[str(name)] = (float(idf[j]), tuple(float(w) for w in column))
    save_model(tuple(classes), tuple(float(b) for b in intercepts), weights, lw, olw, bias,
               f"{len(examples)} tune pages of benchmarks/corpus (C={c:g})", args.out)
    print(f"{args.out}: {len(weights)} features, {args.out.stat().st_size / 1024:.0f} kB")


if __name__ == "__main__":
    main()
