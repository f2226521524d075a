"""Written headlines on fresh, labelled pages that carry no headline of their own
(benchmarks/probe/written.jsonl).

Each probe page is read exactly as `briefing build` reads a pasted page saved as .txt (the
benchmark's `corpus.main_article`), given its item title with the built-in settings, and scored
as the editorial benchmark scores "fitting written headline" on its pages without a headline:
the title is fitting when its character ROUGE-L F1 with the labelled headline is at least
FITTING, it keeps within title_max_chars and it has no junk (`rouge_l`, `FITTING`, `junk_in`
imported from bench_editorial, not copied, so a title counts here as it counts there). Beside
it, the mean F1 and the looser ON_POINT reading: at least that share of the title's characters,
in order, stand in what the labeller wrote — here the headline alone, as the probe has no
reference summary.

A page was chosen because its excerpt has no headline, yet the finder may take one of its lines
for one: those pages (the item title's origin is a place on the page, not `written`) are printed
apart and counted, as a finding about the finder, and scored like the rest.

    python benchmarks/probe/check_written.py            # misses, titles found on the page, figures
    python benchmarks/probe/check_written.py --show     # every page's title, origin, F1 and label
"""

from __future__ import annotations

import argparse
import statistics
import sys
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))

from bench_editorial import FITTING, ON_POINT, _chars, junk_in, lcs, rouge_l  # noqa: E402
from check_junk import load  # noqa: E402  (this folder: the probe's one JSON Lines reader)
from corpus import main_article, simplified  # noqa: E402

from briefing.config import EditorialSettings  # noqa: E402
from briefing.editorial.titles import item_title, title_origin  # noqa: E402

WRITTEN = "written"
NOTHING_READ = "nothing read"


@dataclass(frozen=True)
class Score:
    page_id: str
    round: int
    title: str
    origin: str
    label: str
    f1: float
    fitting: bool
    on_point: bool

    @property
    def found_on_page(self) -> bool:
        return self.origin not in (WRITTEN, NOTHING_READ)


def score_page(page: dict, cap: int) -> Score:
    """The page's item title, where it came from, and how it scores against the label."""
    article = main_article(page)
    label = simplified(page["headline"])
    title = item_title(article, cap) if article is not None else ""
    origin = title_origin(article) if article is not None else NOTHING_READ
    f1 = rouge_l(title, label)
    clean = bool(title) and len(title) <= cap and not junk_in(title, page["id"])
    return Score(
        page_id=page["id"],
        round=page.get("round", 1),
        title=title,
        origin=origin,
        label=page["headline"],
        f1=f1,
        fitting=clean and f1 >= FITTING,
        on_point=clean and lcs(_chars(title), _chars(label)) >= ON_POINT * len(_chars(title)),
    )


def figures(scores: list[Score]) -> str:
    fitting = sum(s.fitting for s in scores)
    on_point = sum(s.on_point for s in scores)
    found = sum(s.found_on_page for s in scores)
    return (f"fitting {fitting / len(scores):.3f} ({fitting}/{len(scores)}), "
            f"F1 mean {statistics.mean(s.f1 for s in scores):.3f}, "
            f"on point {on_point / len(scores):.3f} ({on_point}/{len(scores)}), "
            f"title found on the page {found}")


def line(score: Score) -> str:
    mark = "ok  " if score.fitting else "MISS"
    return (f"{mark} {score.page_id}: {score.title!r} ({score.origin}, F1 {score.f1:.2f})\n"
            f"       labelled {score.label!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, default=HERE / "written.jsonl")
    parser.add_argument("--show", action="store_true", help="print every page's title, origin, F1 and label")
    args = parser.parse_args()
    cap = EditorialSettings().title_max_chars
    scores = [score_page(page, cap) for page in load(args.pages)]
    for score in scores:
        if args.show or not score.fitting:
            print(line(score))
    found = [s for s in scores if s.found_on_page]
    print(f"\ntitle found on the page instead of written: {len(found)} of {len(scores)}")
    for score in found:
        print(f"  {score.page_id}: {score.title!r} ({score.origin}, F1 {score.f1:.2f}), labelled {score.label!r}")
    print()
    for round_ in sorted({s.round for s in scores}):
        print(f"round {round_}: {figures([s for s in scores if s.round == round_])}")
    print(f"overall: {figures(scores)}")
    written = [s for s in scores if s.origin == WRITTEN]
    if written:
        print(f"  of the {len(written)} written titles: {figures(written)}")


if __name__ == "__main__":
    main()
