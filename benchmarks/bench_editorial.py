"""Measure the editorial engine on the labelled development set (benchmarks/devset/).

Run by hand (nothing here is a test; the figures go in docs/editorial.md):

    python benchmarks/bench_editorial.py [--devset FILE] [--verbose]

Each article goes through the real cleaner, classifier and summarizer with the built-in
settings. Prints section accuracy, off-topic precision and recall, character-level ROUGE-1/2/L
F1 of the summaries against the reference summaries (on-topic articles), the same ROUGE for a
first-sentences baseline with the same budget, the share of reference key figures that appear
in the summaries, and summaries per second.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from pathlib import Path

from briefing.config import EditorialSettings, load_config
from briefing.editorial.classify import classify
from briefing.editorial.summarize import Budget, summarize
from briefing.model import Article, Block, RawArticle
from briefing.text.clean import clean_article
from briefing.text.normalize import normalize_text
from briefing.text.sentences import split_sentences

DEVSET = Path(__file__).parent / "devset" / "articles.jsonl"
OFF_TOPIC = "off_topic"


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def to_article(entry: dict) -> Article:
    """The entry as the build would see it after reading and extracting: through the cleaner."""
    paragraphs = [p.strip() for p in entry["text"].split("\n") if p.strip()]
    raw = RawArticle(entry["url"], entry["title"], None, None, tuple(Block("para", p) for p in paragraphs), "utf-8")
    return clean_article(raw)


def lead_baseline(article: Article, budget: Budget) -> str:
    """The first sentences of the cleaned body, whole, until the budget is met."""
    chosen: list[str] = []
    length = 0
    for paragraph in article.paragraphs:
        for sentence in split_sentences(paragraph):
            if length >= budget.min_chars:
                return "".join(chosen)
            if length + len(sentence) > budget.max_chars:
                return "".join(chosen) or sentence
            chosen.append(sentence)
            length += len(sentence)
    return "".join(chosen)


# ----------------------------------------------------------------------------- ROUGE (characters)

def _chars(text: str) -> list[str]:
    return [c for c in normalize_text(text) if not c.isspace() and c not in "，。、；：？！“”‘’（）《》—…·"]


def _ngrams(chars: list[str], n: int) -> dict[tuple[str, ...], int]:
    counts: dict[tuple[str, ...], int] = {}
    for k in range(len(chars) - n + 1):
        gram = tuple(chars[k:k + n])
        counts[gram] = counts.get(gram, 0) + 1
    return counts


def _f1(overlap: int, candidate: int, reference: int) -> float:
    if not overlap or not candidate or not reference:
        return 0.0
    precision, recall = overlap / candidate, overlap / reference
    return 2 * precision * recall / (precision + recall)


def rouge_n(candidate: str, reference: str, n: int) -> float:
    c, r = _ngrams(_chars(candidate), n), _ngrams(_chars(reference), n)
    overlap = sum(min(v, r.get(g, 0)) for g, v in c.items())
    return _f1(overlap, sum(c.values()), sum(r.values()))


def rouge_l(candidate: str, reference: str) -> float:
    c, r = _chars(candidate), _chars(reference)
    previous = [0] * (len(r) + 1)
    for x in c:
        current = [0]
        for j, y in enumerate(r):
            current.append(previous[j] + 1 if x == y else max(previous[j + 1], current[j]))
        previous = current
    return _f1(previous[-1], len(c), len(r))


def rouge(candidate: str, reference: str) -> tuple[float, float, float]:
    return rouge_n(candidate, reference, 1), rouge_n(candidate, reference, 2), rouge_l(candidate, reference)


def figure_share(summary: str, figures: list[str]) -> tuple[int, int]:
    squashed = re.sub(r"\s", "", normalize_text(summary))
    found = sum(1 for f in figures if re.sub(r"\s", "", normalize_text(f)) in squashed)
    return found, len(figures)


# ----------------------------------------------------------------------------- the run

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devset", type=Path, default=DEVSET)
    parser.add_argument("--verbose", action="store_true", help="print every misclassified article and summary")
    args = parser.parse_args()
    entries = load(args.devset)
    articles = [to_article(e) for e in entries]
    settings = EditorialSettings()
    sections = load_config(None, cwd=Path(__file__).parent).sections
    budget = Budget(settings.summary_min_chars, settings.summary_max_chars)

    classify(articles[:1], sections, settings)  # load the dictionary before anything is timed
    results = classify(articles, sections, settings)
    predicted = [r.section or OFF_TOPIC for r in results]
    expected = [e["section"] for e in entries]
    correct = sum(p == x for p, x in zip(predicted, expected))
    true_off = sum(p == x == OFF_TOPIC for p, x in zip(predicted, expected))
    said_off, are_off = predicted.count(OFF_TOPIC), expected.count(OFF_TOPIC)

    on_topic = [(e, a) for e, a in zip(entries, articles) if e["section"] != OFF_TOPIC]
    start = time.perf_counter()
    ours = [summarize(a, budget) for _, a in on_topic]
    seconds = time.perf_counter() - start
    baseline = [lead_baseline(a, budget) for _, a in on_topic]
    ours_rouge = [rouge(s, e["summary"]) for s, (e, _) in zip(ours, on_topic)]
    base_rouge = [rouge(s, e["summary"]) for s, (e, _) in zip(baseline, on_topic)]
    ours_fig = [figure_share(s, e["figures"]) for s, (e, _) in zip(ours, on_topic)]
    base_fig = [figure_share(s, e["figures"]) for s, (e, _) in zip(baseline, on_topic)]

    def mean(rows, k):
        return statistics.fmean(r[k] for r in rows)

    def share(rows):
        found, total = sum(r[0] for r in rows), sum(r[1] for r in rows)
        return found / total if total else 0.0

    print(f"development set: {len(entries)} articles ({len(on_topic)} on-topic, {are_off} off-topic) from {args.devset.name}")
    print(f"section accuracy        {correct / len(entries):.1%}  ({correct}/{len(entries)})")
    print(f"off-topic precision     {true_off / said_off if said_off else 0:.1%}  ({true_off}/{said_off})")
    print(f"off-topic recall        {true_off / are_off if are_off else 0:.1%}  ({true_off}/{are_off})")
    print(f"summaries ({len(ours)}), character-level F1 against the references:")
    print(f"  {'':24}{'ROUGE-1':>9}{'ROUGE-2':>9}{'ROUGE-L':>9}{'figures':>9}{'chars':>7}")
    for name, rows, figs, texts in (("ours", ours_rouge, ours_fig, ours), ("first sentences", base_rouge, base_fig, baseline)):
        print(f"  {name:24}{mean(rows, 0):9.3f}{mean(rows, 1):9.3f}{mean(rows, 2):9.3f}{share(figs):9.1%}"
              f"{statistics.fmean(len(t) for t in texts):7.0f}")
    print(f"summaries per second    {len(ours) / seconds:.0f}  ({seconds * 1000 / len(ours):.1f} ms each)")
    if mean(ours_rouge, 2) <= mean(base_rouge, 2):
        print("WARNING: the summaries do not beat the first-sentences baseline on ROUGE-L", file=sys.stderr)

    if args.verbose:
        for e, r, p in zip(entries, results, predicted):
            if p != e["section"]:
                print(f"\nMISCLASSIFIED {e['id']}: expected {e['section']}, got {p}: {r.reason}")
        for (e, _), s, b, ro, rb in zip(on_topic, ours, baseline, ours_rouge, base_rouge):
            print(f"\n{e['id']}  ours L={ro[2]:.3f}  lead L={rb[2]:.3f}\n  ours: {s}\n  lead: {b}\n  ref:  {e['summary']}")


if __name__ == "__main__":
    main()
