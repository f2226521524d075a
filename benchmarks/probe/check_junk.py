"""Junk in the titles and summaries of fresh, unlabelled pages (benchmarks/probe/pages.jsonl).

Each probe page is read exactly as `briefing build` reads a pasted page saved as .txt (the
benchmark's `corpus.main_article`), given its item title and summary with the built-in settings
(as `bench_editorial.run_split` does), and both are checked against the benchmark's independent
JUNK_PATTERNS (imported, not copied, so this check is the benchmark's). Every hit is printed.

    python benchmarks/probe/check_junk.py            # hits only, and the count
    python benchmarks/probe/check_junk.py --show     # every title and summary, to read by eye

Unlike the benchmark, every page is summarized (the probe has no labels; the section it would go
to is printed beside it), so junk in a page the classifier would reject is seen too.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))

from bench_editorial import junk_in  # noqa: E402
from corpus import main_article  # noqa: E402

from briefing.config import EditorialSettings, load_config  # noqa: E402
from briefing.editorial.classify import classify_one  # noqa: E402
from briefing.editorial.summarize import Budget, summarize  # noqa: E402
from briefing.editorial.titles import item_title  # noqa: E402


def load(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, default=HERE / "pages.jsonl")
    parser.add_argument("--show", action="store_true", help="print every title and summary")
    args = parser.parse_args()
    settings = EditorialSettings()
    sections = load_config(None, cwd=HERE.parent).sections
    budget = Budget(settings.summary_min_chars, settings.summary_max_chars)
    hits, outputs, printed = [], 0, 0
    for page in load(args.pages):
        article = main_article(page)
        if article is None:
            print(f"{page['id']}: nothing read")
            continue
        title = item_title(article, settings.title_max_chars)
        summary = summarize(article, budget)
        section = classify_one(article, sections, settings.min_score, settings.min_margin).section
        printed += section is not None
        if args.show:
            print(f"\n{page['id']} [{section or 'off-topic'}] {title!r} ({article.title_from or 'written'})")
            print(f"    {summary}")
        for kind_of_output, text in (("title", title), ("summary", summary)):
            outputs += 1
            kinds = junk_in(text, page["id"])
            if kinds:
                hits.append((page["id"], kind_of_output, kinds, text, section))
    print(f"\n{len(hits)} of {outputs} outputs with junk ({printed} pages would be printed)")
    for page_id, kind_of_output, kinds, text, section in hits:
        print(f"  {page_id} {kind_of_output} {kinds} [{section or 'off-topic'}]: {text!r}")


if __name__ == "__main__":
    main()
