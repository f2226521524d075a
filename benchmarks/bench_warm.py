"""A rebuild inside a running service, and what each PDF page costs.

Run by hand (figures vary with the machine; nothing here is a test):

    python benchmarks/bench_warm.py [--runs 7]

1. Warm rebuild: in one process, as `briefing serve` / `briefing web` have it — `build.warm_up`
   done (WeasyPrint imported, jieba's dictionary and the fonts loaded) — the bundled sample is
   built again and again; prints the median wall time and its stages. The service remembers
   each article's cleaning, section, summary and title (memo.py), so a rebuild of unchanged
   sources works out none of them again; the second line is the same rebuild with the memo
   emptied first (every article new).
2. Pages: issues of about 2, 10, 20 and 40 pages are built warm from a day of feeds
   (bench_scale.py's), with room for more items per section; prints the PDF stage's time, the
   page count, and the milliseconds each page adds beyond the smallest issue.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_scale import day_of_feeds  # noqa: E402

from briefing.build import BuildRequest, build, warm_up  # noqa: E402
from briefing.config import load_config, parse_config  # noqa: E402
from briefing.memo import MEMO  # noqa: E402


def timed_build(config, request) -> tuple[float, dict]:
    start = time.perf_counter()
    result = build(config, request)
    return time.perf_counter() - start, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="briefing-warm-") as scratch:
        folder = Path(scratch)
        config = load_config(None, cwd=folder)
        started = time.perf_counter()
        warm_up(config)
        print(f"warm_up: {time.perf_counter() - started:.2f} s (once, at service start)")
        runs = []
        for run in range(args.runs + 1):
            seconds, result = timed_build(config, BuildRequest(date=date(2026, 11, 26), out_dir=folder / "out"))
            runs.append((seconds, result.issue.timings_ms))
        runs = runs[1:]  # the first also fills caches a service fills on its first build
        median = statistics.median(s for s, _ in runs)
        stages = {k: statistics.median(t[k] for _, t in runs) for k in runs[0][1]}
        print(f"warm rebuild of the sample: {median * 1000:.0f} ms (median of {args.runs})   stages {stages}")
        # the same, with every article new to the service (its memo emptied before each build)
        runs = []
        for run in range(args.runs):
            MEMO.clear()
            seconds, result = timed_build(config, BuildRequest(date=date(2026, 11, 26), out_dir=folder / "out"))
            runs.append((seconds, result.issue.timings_ms))
        median = statistics.median(s for s, _ in runs)
        stages = {k: statistics.median(t[k] for _, t in runs) for k in runs[0][1]}
        print(f"  with no article remembered: {median * 1000:.0f} ms   stages {stages}")

        articles, _ = day_of_feeds(500)
        feed = folder / "day.jsonl"
        feed.write_text("\n".join(json.dumps(a, ensure_ascii=False) for a in articles) + "\n", encoding="utf-8")
        print("items/section  pages  pdf ms  ms per page beyond the first issue")
        base = None
        for per_section in (1, 5, 10, 20):
            toml = folder / f"per-{per_section}.toml"
            toml.write_text(f"[editorial]\nmax_items_per_section = {per_section}\n"
                            f'[briefing]\noutput_dir = "out-{per_section}"\n', encoding="utf-8")
            config = parse_config(toml)
            pdf_ms, pages = [], 0
            for run in range(3):
                _, result = timed_build(config, BuildRequest(sources=(str(feed),), date=date(2026, 11, 10 + run)))
                pdf_ms.append(result.issue.timings_ms["pdf"])
                from pypdf import PdfReader

                pages = len(PdfReader(result.outputs["pdf"]).pages)
            ms = statistics.median(pdf_ms)
            if base is None:
                base = (pages, ms)
                print(f"{per_section:>13}  {pages:>5}  {ms:>6.0f}")
            else:
                print(f"{per_section:>13}  {pages:>5}  {ms:>6.0f}  {(ms - base[1]) / max(pages - base[0], 1):.1f}")


if __name__ == "__main__":
    main()
