"""Train the chooser of written headlines on the TUNE split and write
src/briefing/editorial/titles_model.json.

    pip install -e ".[train]"                     # scikit-learn, for this script only
    python tools/train_titles.py [--corpus FILE ...] [--half tune-a|tune-b] [--out FILE]

A page without a headline gets one written from its lead (editorial/titles.py): one of the
clauses of its first sentences, chosen by a linear score over what each clause is like (how much
of the story it names, where it stands, how it opens and ends, its length: TITLE_FEATURES). The
weights are learned here from every tune page, those with a headline of their own included: for
each page, the clause closest to the labelled headline (character ROUGE-L F1) should outrank every
clause clearly further from it (a pairwise logistic regression, no intercept).

It prints how the weights learned on one half of the tune split (benchmarks/corpus.py, a second
hash of the URL) choose on the other half's pages without a headline, both ways, beside the best
any choice could do; then fits on the whole tune split (or on --half only). Never reads a test page.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import numpy as np  # noqa: E402
from sklearn.linear_model import LogisticRegression  # noqa: E402

from bench_editorial import FITTING, rouge_l  # noqa: E402
from corpus import load_pages, main_article, simplified  # noqa: E402

from briefing.config import EditorialSettings  # noqa: E402
from briefing.editorial.titles import TITLE_FEATURES, TITLE_MODEL, clean_title, title_units  # noqa: E402
from briefing.text.normalize import normalize_text  # noqa: E402

C = 1.0
MARGIN = 0.1  # a clause this much further from the headline than the best one should rank below it


def load_examples(files: list[Path] | None) -> list[dict]:
    cap = EditorialSettings().title_max_chars
    examples = []
    for page in load_pages(files, split="tune"):
        article = main_article(page)
        units = title_units(article, cap) if article is not None else []
        if not units:
            continue
        headline = clean_title(normalize_text(simplified(page["headline"])))
        examples.append({"half": page["half"], "written": not page["headline_in_text"],
                         "features": np.array([u.features for u in units]),
                         "f1": np.array([rouge_l(u.text, headline) for u in units])})
    return examples


def fit(examples: list[dict]) -> np.ndarray:
    differences, labels = [], []
    for e in examples:
        best = int(np.argmax(e["f1"]))
        for i, f1 in enumerate(e["f1"]):
            if e["f1"][best] - f1 > MARGIN:
                differences += [e["features"][best] - e["features"][i], e["features"][i] - e["features"][best]]
                labels += [1, 0]
    model = LogisticRegression(C=C, max_iter=10000, fit_intercept=False)
    model.fit(np.array(differences), labels)
    return model.coef_[0]


def fitting_share(weights: np.ndarray, examples: list[dict]) -> tuple[float, float, int]:
    """Of the pages without a headline: the share whose chosen clause fits (F1 >= 1/3), and the
    share where some clause does."""
    written = [e for e in examples if e["written"]]
    chosen = [e["f1"][int(np.argmax(e["features"] @ weights))] >= FITTING for e in written]
    possible = [e["f1"].max() >= FITTING for e in written]
    return sum(chosen) / len(written), sum(possible) / len(written), len(written)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, action="append", help="corpus files (default: benchmarks/corpus/pages-*.jsonl)")
    parser.add_argument("--half", choices=("tune-a", "tune-b"), help="fit on this half of the tune split only")
    parser.add_argument("--out", type=Path, default=TITLE_MODEL)
    args = parser.parse_args()
    examples = load_examples(args.corpus)
    print(f"{len(examples)} tune pages, {sum(e['written'] for e in examples)} of them without a headline")
    for train, check in (("tune-a", "tune-b"), ("tune-b", "tune-a")):
        weights = fit([e for e in examples if e["half"] == train])
        chosen, possible, count = fitting_share(weights, [e for e in examples if e["half"] == check])
        print(f"  learned on {train}, chosen on {check}: {chosen:.3f} fitting of {count} "
              f"(the best clause each time: {possible:.3f})")
    used = [e for e in examples if args.half in (None, e["half"])]
    weights = fit(used)
    data = {"trained_on": f"{len(used)} tune pages of benchmarks/corpus{' (' + args.half + ')' if args.half else ''}",
            "weights": {name: round(float(w), 4) for name, w in zip(TITLE_FEATURES, weights)}}
    args.out.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{args.out}: {len(TITLE_FEATURES)} weights")


if __name__ == "__main__":
    main()
