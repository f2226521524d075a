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
import re
import sys
from pathlib import Path

HERE = Path(__file__).parent
sys.path.insert(0, str(HERE.parent))

from bench_editorial import JUNK_PATTERNS, junk_in  # noqa: E402
from corpus import main_article  # noqa: E402

from briefing.config import EditorialSettings, load_config  # noqa: E402
from briefing.editorial.classify import classify_one  # noqa: E402
from briefing.editorial.summarize import Budget, summarize  # noqa: E402
from briefing.editorial.titles import item_title  # noqa: E402


# 本报记者 as the subject of the story's own sentence, before what the reporter did (本报记者历时四个月走访…, probe-231;
# 本报记者从市卫健委获悉, 本报记者近日走访): the benchmark's byline pattern reads 本报记者 anywhere, but a byline names the
# reporter (本报记者 张三, （本报记者 张三 李四）), and a name is none of these words
_REPORTER_AS_SUBJECT = re.compile(
    r"本报记者(?=历时|走访|采访|近日|日前|昨天|昨日|今天|今日|获悉|了解到|调查|实地|跟随|探访|来到|看到|注意到|发现|深入"
    r"|从[^。，；]{1,20}(?:获悉|了解到|得知)|在[^。，；]{1,20}(?:看到|了解到|采访|走访|调查|发现|获悉))")


def junk_kinds(text: str, page_id: str) -> list[str]:
    """The benchmark's junk kinds in the text, but for a byline that is only the story's 本报记者 as a subject
    (every other byline form, and 本报记者 before a name, still counts)."""
    kinds = junk_in(text, page_id)
    if "byline" in kinds and not JUNK_PATTERNS["byline"].search(_REPORTER_AS_SUBJECT.sub("", text)):
        kinds.remove("byline")
    return kinds


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
            kinds = junk_kinds(text, page["id"])
            if kinds:
                hits.append((page["id"], kind_of_output, kinds, text, section))
    print(f"\n{len(hits)} of {outputs} outputs with junk ({printed} pages would be printed)")
    for page_id, kind_of_output, kinds, text, section in hits:
        print(f"  {page_id} {kind_of_output} {kinds} [{section or 'off-topic'}]: {text!r}")


if __name__ == "__main__":
    main()
