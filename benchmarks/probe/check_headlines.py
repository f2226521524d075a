"""Headlines found on fresh, labelled pages no rule was written from (benchmarks/probe/headlines.jsonl).

Each probe page is read exactly as `briefing build` reads a pasted page saved as .txt (the
benchmark's `corpus.main_article`), given its item title with the built-in settings, and compared
with the labelled headline by the benchmark's own `headline_found` (imported, not copied, so a
headline counts here as it counts there). Every miss is printed, then the share found in each
collection round (`round`: each round's first look is the honest figure for the rules of its
day; later rounds' rules were written from earlier rounds' misses) and overall.

    python benchmarks/probe/check_headlines.py            # misses and the share found
    python benchmarks/probe/check_headlines.py --show     # every page's title, to read by eye
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))

from bench_editorial import headline_found  # noqa: E402
from check_junk import load  # noqa: E402  (this folder: the probe's one JSON Lines reader)
from corpus import main_article  # noqa: E402

from briefing.config import EditorialSettings  # noqa: E402
from briefing.editorial.titles import item_title  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, default=HERE / "headlines.jsonl")
    parser.add_argument("--show", action="store_true", help="print every page's title")
    args = parser.parse_args()
    cap = EditorialSettings().title_max_chars
    pages = load(args.pages)
    found: dict[int, list[bool]] = {}
    for page in pages:
        article = main_article(page)
        title = item_title(article, cap) if article is not None else ""
        hit = article is not None and headline_found(title, page, article, cap)
        found.setdefault(page.get("round", 1), []).append(hit)
        if args.show or not hit:
            origin = article.title_from if article is not None else "nothing read"
            mark = "ok  " if hit else "MISS"
            print(f"{mark} {page['id']}: {title!r} ({origin or 'written'})")
            if not hit:
                print(f"       labelled {page['headline']!r}")
    print()
    for round_, hits in sorted(found.items()):
        print(f"round {round_}: headline found {share(hits)}")
    print(f"overall: headline found {share([hit for hits in found.values() for hit in hits])}")


def share(hits: list[bool]) -> str:
    return f"{sum(hits) / len(hits):.3f} ({sum(hits)}/{len(hits)})"


if __name__ == "__main__":
    main()
