"""Throughput of reading + cleaning (and dedup) on a large generated corpus.

Run by hand (figures vary with the machine; nothing here is a test):

    python benchmarks/bench_read.py [--copies 200] [--runs 3]

The corpus is made in a temporary folder from the bundled sample and the source fixtures, in
every kind and several encodings: the sample page as UTF-8, GB18030 and UTF-16 text; the fixture
news pages as HTML (UTF-8 and GBK); the RSS and Atom feeds; JSON Lines; Word files; and a
traditional-character page in Big5. Each copy is varied (numbers and a marker change) so that
nothing is cached and dedup has real work. Prints, for the median run: files, input characters,
articles, read+extract+clean seconds and characters per second (overall and per kind), and the
dedup time.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from briefing.editorial.dedup import dedup  # noqa: E402
from briefing.sources import read_sources  # noqa: E402
from briefing.text.clean import clean_article  # noqa: E402
from briefing.text.pages import split_document  # noqa: E402

FIXTURES = REPO / "tests" / "fixtures" / "sources"
SAMPLE = REPO / "sample" / "zgc-forum-2026.txt"


def vary(text: str, n: int) -> str:
    """A distinct copy: every article's numbers shift and its opening sentence is marked."""
    out = text.replace("2025", str(1900 + n % 120)).replace("37个", f"{37 + n}个").replace("500项", f"{500 + n}项")
    return out.replace("本报讯", f"本报讯第{n}号稿")


def word_file(text: str) -> bytes:
    import docx

    document = docx.Document()
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("# "):
            document.add_paragraph(line[2:], style="Title")
        elif line.startswith("### "):
            document.add_paragraph(line[4:], style="Heading 2")
        elif line and not line.startswith("#"):
            document.add_paragraph(line)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def make_corpus(folder: Path, copies: int) -> dict[str, str]:
    """Write the corpus; return file name -> kind, for the per-kind figures."""
    kinds: dict[str, str] = {}
    sample = SAMPLE.read_text(encoding="utf-8")
    page = (FIXTURES / "bjd-huairou.html").read_text(encoding="utf-8")
    hk = (FIXTURES / "hk-innovation.html").read_text(encoding="utf-8")
    rss = (FIXTURES / "rss-kjrb.xml").read_text(encoding="utf-8")
    atom = (FIXTURES / "atom-health.atom").read_text(encoding="utf-8")
    jsonl = (FIXTURES / "articles.jsonl").read_text(encoding="utf-8").splitlines()[:2]
    for n in range(copies):
        files = {
            f"sample-{n}.txt": ("text utf-8", vary(sample, n).encode("utf-8")),
            f"sample-gb-{n}.txt": ("text gb18030", vary(sample, n).encode("gb18030")),
            f"sample-u16-{n}.md": ("text utf-16", vary(sample, n).encode("utf-16")),
            f"page-{n}.html": ("html utf-8", vary(page, n).encode("utf-8")),
            f"page-gbk-{n}.htm": ("html gbk", vary(page, n).replace("charset=\"utf-8\"", "charset=\"gbk\"")
                                  .encode("gbk", errors="ignore")),
            f"hk-{n}.html": ("html big5 traditional", vary(hk, n).encode("big5", errors="ignore")),
            f"rss-{n}.xml": ("feed rss", vary(rss, n).encode("utf-8")),
            f"atom-{n}.atom": ("feed atom", vary(atom, n).encode("utf-8")),
            f"lines-{n}.jsonl": ("jsonl", "\n".join(vary(line, n) for line in jsonl).encode("utf-8")),
        }
        if n % 10 == 0:  # Word files are slow to make; fewer of them
            files[f"release-{n}.docx"] = ("docx", word_file(vary(sample, n)))
        for name, (kind, data) in files.items():
            (folder / name).write_bytes(data)
            kinds[name] = kind
    return kinds


def input_chars(folder: Path, kinds: dict[str, str]) -> dict[str, int]:
    """Characters of the source text per kind (decoded; Word files count their paragraph text)."""
    counts: dict[str, int] = defaultdict(int)
    documents, _ = read_sources([folder], None)
    for document in documents:
        kind = kinds[Path(document.source).name]
        if document.text:
            counts[kind] += len(document.text)
        for raw in document.articles:
            counts[kind] += len(raw.title) + sum(len(b.text) for b in raw.blocks)
    return counts


def timed_run(folder: Path) -> tuple[float, float, list, dict[str, float]]:
    per_kind: dict[str, float] = defaultdict(float)
    start = time.perf_counter()
    documents, skipped = read_sources([folder], None)
    articles = []
    for document in documents:
        began = time.perf_counter()
        for raw in split_document(document):
            articles.append(clean_article(raw))
        per_kind[document.kind] += time.perf_counter() - began
    read_clean = time.perf_counter() - start
    start = time.perf_counter()
    dedup(articles)
    return read_clean, time.perf_counter() - start, articles, per_kind


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=200, help="copies of each kind of file")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="briefing-read-bench-") as work:
        folder = Path(work)
        kinds = make_corpus(folder, args.copies)
        chars = input_chars(folder, kinds)
        total_chars = sum(chars.values())
        size = sum(p.stat().st_size for p in folder.iterdir())
        runs = [timed_run(folder) for _ in range(args.runs)]
        runs.sort(key=lambda run: run[0])
        read_clean, dedup_seconds, articles, _ = runs[len(runs) // 2]
        by_kind_time = _per_kind_seconds(folder, kinds)
    print(f"corpus: {len(kinds)} files, {size / 2**20:.1f} MiB on disk, {total_chars:,} characters, "
          f"{len(articles):,} articles")
    print(f"read+extract+clean: {read_clean:.2f} s (median of {args.runs}) "
          f"= {total_chars / read_clean:,.0f} characters/s, {len(articles) / read_clean:,.0f} articles/s")
    print(f"dedup of {len(articles):,} articles: {dedup_seconds:.2f} s")
    print("per kind (read+extract+clean, one pass each):")
    for kind in sorted(chars):
        seconds = by_kind_time[kind]
        print(f"  {kind:24} {chars[kind]:>12,} chars  {seconds:6.2f} s  {chars[kind] / seconds:>12,.0f} chars/s")
    print(json.dumps({"files": len(kinds), "characters": total_chars, "articles": len(articles),
                      "read_clean_seconds": round(read_clean, 3),
                      "chars_per_second": round(total_chars / read_clean),
                      "dedup_seconds": round(dedup_seconds, 3)}))


def _per_kind_seconds(folder: Path, kinds: dict[str, str]) -> dict[str, float]:
    """Each kind timed on its own (its files read, split and cleaned)."""
    seconds: dict[str, float] = {}
    for kind in sorted(set(kinds.values())):
        paths = [folder / name for name, k in kinds.items() if k == kind]
        start = time.perf_counter()
        documents, _ = read_sources(paths, None)
        for document in documents:
            for raw in split_document(document):
                clean_article(raw)
        seconds[kind] = time.perf_counter() - start
    return seconds


if __name__ == "__main__":
    main()
