"""Summaries on fresh, labelled pages no rule was written from (benchmarks/probe/summaries.jsonl).

Each probe page is read exactly as `briefing build` reads a pasted page saved as .txt (the
benchmark's `corpus.main_article`), summarized with the built-in settings, and scored as the
editorial benchmark scores its summaries: character ROUGE-L F1 against the labelled reference
summary beside a lead of the same length, and the labelled key facts kept (each fact, t2s, found
in the summary; pooled over pages). `rouge_l`, `facts_kept` and `same_length_lead` are imported
from bench_editorial, not copied, so a summary counts here as it counts there. Every page counts,
whatever its URL's hash says (like `bench_editorial.py --corpus`).

    python benchmarks/probe/check_summaries.py           # pages that lose a fact, and the figures
    python benchmarks/probe/check_summaries.py --show    # every summary with its reference and facts
"""

from __future__ import annotations

import argparse
import statistics
import sys
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))

from bench_editorial import facts_kept, rouge_l, same_length_lead  # noqa: E402
from check_junk import load  # noqa: E402  (this folder: the probe's one JSON Lines reader)
from corpus import main_article  # noqa: E402

from briefing.config import EditorialSettings  # noqa: E402
from briefing.editorial.summarize import Budget, summarize  # noqa: E402


@dataclass(frozen=True)
class Score:
    page_id: str
    round: int
    summary: str
    reference: str
    f1: float
    lead_f1: float
    kept: int
    lead_kept: int
    facts: tuple[str, ...]
    missed: tuple[str, ...]


def score_page(page: dict, budget: Budget) -> Score:
    """The page's summary, and how it and a same-length lead score against the labels."""
    article = main_article(page)
    summary = summarize(article, budget) if article is not None else ""
    lead = same_length_lead(article, len(summary)) if article is not None else ""
    facts = page["facts"]
    missed = tuple(f for f in facts if not facts_kept(summary, [f])[0])
    return Score(
        page_id=page["id"],
        round=page.get("round", 1),
        summary=summary,
        reference=page["summary"],
        f1=rouge_l(summary, page["summary"]),
        lead_f1=rouge_l(lead, page["summary"]),
        kept=facts_kept(summary, facts)[0],
        lead_kept=facts_kept(lead, facts)[0],
        facts=tuple(facts),
        missed=missed,
    )


def figures(scores: list[Score]) -> str:
    ours = statistics.mean(s.f1 for s in scores)
    lead = statistics.mean(s.lead_f1 for s in scores)
    total = sum(len(s.facts) for s in scores)
    kept = sum(s.kept for s in scores)
    lead_kept = sum(s.lead_kept for s in scores)
    length = statistics.mean(len(s.summary) for s in scores)
    return (f"ROUGE-L {ours:.3f} vs lead {lead:.3f} ({ours - lead:+.3f}), "
            f"key facts {kept / total:.3f} ({kept}/{total}; lead {lead_kept / total:.3f}), "
            f"{len(scores)} pages, summaries {length:.0f} characters on average")


def line(score: Score, show: bool) -> str:
    mark = "MISS" if score.missed else "ok  "
    text = (f"{mark} {score.page_id}: F1 {score.f1:.2f} (lead {score.lead_f1:.2f}), "
            f"facts {score.kept}/{len(score.facts)}" + (f", missed {list(score.missed)}" if score.missed else ""))
    if show or score.missed:
        text += f"\n       ours      {score.summary}\n       reference {score.reference}"
    return text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, default=HERE / "summaries.jsonl")
    parser.add_argument("--show", action="store_true", help="print every summary with its reference and facts")
    args = parser.parse_args()
    settings = EditorialSettings()
    budget = Budget(settings.summary_min_chars, settings.summary_max_chars)
    scores = [score_page(page, budget) for page in load(args.pages)]
    for score in scores:
        if args.show or score.missed:
            print(line(score, args.show))
    print()
    for round_ in sorted({s.round for s in scores}):
        print(f"round {round_}: {figures([s for s in scores if s.round == round_])}")
    print(f"overall: {figures(scores)}")


if __name__ == "__main__":
    main()
