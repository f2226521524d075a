"""Every labelled and probe page read, classified, summarized and titled in altered forms, to find the input that hangs
or crashes the editorial engine: as served, on one line, without full stops, without commas, with wide spaces, said three
times. Prints any run slower than --limit seconds (with where it was when stopped) or raising, and the slowest runs.

    PYTHONPATH=src python benchmarks/bench_robust.py [--forms as-is nostop ...] [--limit 5]

The tune split and the probes only (never a test page). Found: a story of one sentence saying 上述 looped for ever in the
summary's choice (hp-527 without its full stops; tests/test_summaries_round16.py).
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from corpus import load_pages, main_article  # noqa: E402

from briefing.config import EditorialSettings, load_config  # noqa: E402
from briefing.editorial.classify import classify_one  # noqa: E402
from briefing.editorial.summarize import Budget, summarize  # noqa: E402
from briefing.editorial.titles import item_title  # noqa: E402

FORMS = {
    "as-is": lambda raw: raw,
    "one-line": lambda raw: raw.replace("\n", ""),
    "nostop": lambda raw: raw.replace("。", ""),
    "nocomma": lambda raw: raw.replace("，", "").replace(",", ""),
    "wide": lambda raw: raw.replace("，", "，　　　　 ").replace("\n", "\n 　　\t"),
    "x3": lambda raw: (raw + "\n") * 3,
}
PROBES = ("headlines", "written", "pages", "summaries")


class TooSlow(Exception):
    pass


def _stop(*_):
    raise TooSlow()


def _where(trace) -> str:
    """The engine's line a stopped run was on (not this script's alarm handler)."""
    frames = [f for f in traceback.extract_tb(trace) if Path(f.filename) != Path(__file__)]
    return f"{Path(frames[-1].filename).name}:{frames[-1].lineno} ({frames[-1].name})" if frames else "?"


def pages() -> list[dict]:
    found = [p for p in load_pages(None) if p["split"] == "tune"]
    for name in PROBES:
        path = HERE / "probe" / f"{name}.jsonl"
        if path.is_file():
            found += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--forms", nargs="+", choices=sorted(FORMS), default=list(FORMS))
    parser.add_argument("--limit", type=float, default=5.0, help="seconds a run may take before it is stopped and shown")
    args = parser.parse_args()
    settings = EditorialSettings()
    sections = load_config(None, cwd=HERE).sections
    budget = Budget(settings.summary_min_chars, settings.summary_max_chars)
    signal.signal(signal.SIGALRM, _stop)
    runs, failures, start = [], 0, time.time()
    every = pages()
    for page in every:
        for form in args.forms:
            began = time.perf_counter()
            signal.setitimer(signal.ITIMER_REAL, args.limit)
            try:
                article = main_article(dict(page, raw=FORMS[form](page["raw"])))
                if article is not None:
                    classify_one(article, sections, settings.min_score, settings.min_margin, None)
                    summarize(article, budget)
                    item_title(article, settings.title_max_chars)
            except TooSlow:
                failures += 1
                print(f"over {args.limit:g} s: {page['id']} ({form}), stopped in {_where(sys.exc_info()[2])}")
            except Exception as error:  # noqa: BLE001 - any crash is what this looks for
                failures += 1
                print(f"raised: {page['id']} ({form}): {error!r}"[:300])
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            runs.append((time.perf_counter() - began, page["id"], form))
    runs.sort(reverse=True)
    print(f"{len(runs)} runs ({len(every)} pages x {len(args.forms)} forms) in {time.time() - start:.0f} s; "
          f"{failures} over the limit or raising")
    print("slowest: " + ", ".join(f"{page_id} ({form}) {took:.3f} s" for took, page_id, form in runs[:5]))


if __name__ == "__main__":
    main()
