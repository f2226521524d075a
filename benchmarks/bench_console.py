"""Time the console: time to first byte of the dashboard and of an issue page with 50 issues in
the archive, and search latency over 1,000 issues.

Run by hand (figures vary with the machine; nothing here is a test):

    python benchmarks/bench_console.py [--issues 50] [--search-issues 1000] [--runs 20]

The issues are the bundled sample built once and then copied into further issue folders, each
registered in the ledger as `build` registers one; for the search the copies' items are the 61
articles of the development set (benchmarks/devset), so that every issue says something else.
The console runs as `briefing web` runs it (uvicorn on 127.0.0.1, in this process), and each
figure is the median over --runs requests from a real HTTP client, after one warm-up request.
"""

from __future__ import annotations

import argparse
import http.client
import json
import random
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import quote

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "src"))

from briefing.build import BuildRequest, build, warm_up  # noqa: E402
from briefing.config import load_config  # noqa: E402
from briefing.ledger import Ledger  # noqa: E402
from briefing.model import IssueStatus  # noqa: E402
from briefing.web.auth import hash_password  # noqa: E402
from briefing.web.server import start_in_thread, stop_thread  # noqa: E402

PASSWORD = "benchmark-password"
QUERIES = ["人才", "京津冀 协同创新", "国际标准", "生物医药", "科学装置", "城市健康", "创新联合体", "集成电路"]


def make_archive(folder: Path, count: int, articles: list[dict], start: date) -> list[str]:
    """`count` issues: the sample built once, then copied (files and all) as issues of later days."""
    config = load_config(folder / "briefing.toml")
    first = build(config, BuildRequest(sources=(str(REPO / "sample"),), date=start))
    template = json.loads((first.folder / "manifest.json").read_text(encoding="utf-8"))
    ids = [first.folder.name]
    rng = random.Random(14)
    with Ledger(config.state_dir) as ledger:
        for offset in range(1, count):
            day = start + timedelta(days=offset)
            issue_id, number, _ = ledger.reserve("daily", day, False)
            name = f"{day.isoformat()}-daily-{number.number}"
            target = config.output_dir / name
            shutil.copytree(first.folder, target)
            manifest = dict(template, date=day.isoformat(),
                            issue={**template["issue"], "year": day.year, "number": number.number, "total": number.total})
            for section in manifest["sections"]:
                for item in section["items"]:
                    article = rng.choice(articles)
                    item["title"], item["summary"] = article["title"], article["text"][:240]
            (target / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
            ledger.mark(issue_id, IssueStatus.BUILT, target)
            ids.append(name)
    return ids


def ttfb(host: str, port: int, path: str, cookie: str) -> float:
    """Seconds from sending the request to the first byte of the answer (its status line)."""
    connection = http.client.HTTPConnection(host, port, timeout=60)
    try:
        start = time.perf_counter()
        connection.request("GET", path, headers={"Cookie": cookie})
        answer = connection.getresponse()
        first = time.perf_counter() - start
        answer.read()
        assert answer.status == 200, (path, answer.status)
        return first
    finally:
        connection.close()


def login(host: str, port: int) -> str:
    connection = http.client.HTTPConnection(host, port, timeout=60)
    connection.request("POST", "/api/session", body=json.dumps({"username": "bench", "password": PASSWORD}),
                       headers={"Content-Type": "application/json"})
    answer = connection.getresponse()
    answer.read()
    cookie = answer.getheader("set-cookie").split(";")[0]
    connection.close()
    return cookie


def median_ms(samples: list[float]) -> str:
    return f"{statistics.median(samples) * 1000:.1f} ms (min {min(samples) * 1000:.1f}, max {max(samples) * 1000:.1f})"


def serve(folder: Path):
    config = load_config(folder / "briefing.toml")
    with Ledger(config.state_dir) as ledger:
        ledger.add_user("bench", hash_password(PASSWORD), ("viewer",))
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server, thread = start_in_thread(config, f"127.0.0.1:{port}", start_worker=False)
    return server, thread, port


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--issues", type=int, default=50)
    parser.add_argument("--search-issues", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    articles = [json.loads(line) for line in (REPO / "benchmarks/devset/articles.jsonl").read_text("utf-8").splitlines()]
    import logging

    logging.disable(logging.INFO)
    warm_up(load_config(None))

    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp) / "pages"
        folder.mkdir()
        (folder / "briefing.toml").write_text('[schedule]\ndaily = "30 7 * * mon-fri"\n', encoding="utf-8")
        ids = make_archive(folder, args.issues, articles, date(2026, 1, 5))
        server, thread, port = serve(folder)
        try:
            cookie = login("127.0.0.1", port)
            first_dashboard = ttfb("127.0.0.1", port, "/", cookie)  # indexes the archive
            dashboard = [ttfb("127.0.0.1", port, "/", cookie) for _ in range(args.runs)]
            issue = f"/issues/{ids[len(ids) // 2]}"
            first_issue = ttfb("127.0.0.1", port, issue, cookie)  # counts the PDF's pages for the preview
            issue_page = [ttfb("127.0.0.1", port, issue, cookie) for _ in range(args.runs)]
            preview = ttfb("127.0.0.1", port, f"{issue}/pages/1.png", cookie)
            archive = [ttfb("127.0.0.1", port, "/archive", cookie) for _ in range(args.runs)]
        finally:
            stop_thread(server, thread)
        print(f"archive of {len(ids)} issues")
        print(f"  dashboard  TTFB  first {first_dashboard * 1000:.1f} ms (while the archive is indexed at start), then {median_ms(dashboard)}")
        print(f"  issue page TTFB  first {first_issue * 1000:.1f} ms, then {median_ms(issue_page)}")
        print(f"  page preview (PNG rendered by PDFium, first time) {preview * 1000:.1f} ms")
        print(f"  archive page TTFB {median_ms(archive)}")

        folder = Path(temp) / "search"
        folder.mkdir()
        (folder / "briefing.toml").write_text("", encoding="utf-8")
        start = time.perf_counter()
        ids = make_archive(folder, args.search_issues, articles, date(2024, 1, 1))
        made = time.perf_counter() - start
        server, thread, port = serve(folder)
        try:
            cookie = login("127.0.0.1", port)
            start = time.perf_counter()
            ttfb("127.0.0.1", port, f"/api/issues?q={quote('人才')}", cookie)
            indexing = time.perf_counter() - start
            latencies = {}
            for query in QUERIES:
                path = f"/api/issues?q={quote(query)}"
                latencies[query] = [ttfb("127.0.0.1", port, path, cookie) for _ in range(args.runs)]
            hits = {}
            for query in QUERIES:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
                connection.request("GET", f"/api/issues?q={quote(query)}", headers={"Cookie": cookie})
                hits[query] = len(json.loads(connection.getresponse().read())["issues"])
                connection.close()
        finally:
            stop_thread(server, thread)
        print(f"search over {len(ids)} issues (made in {made:.1f} s)")
        print(f"  first search, while all {len(ids)} manifests are indexed (jieba words into FTS5): {indexing:.2f} s")
        every = [t for samples in latencies.values() for t in samples]
        print(f"  search latency, all queries: {median_ms(every)}")
        for query in QUERIES:
            print(f"    {query:10} {hits[query]:5} hits  {statistics.median(latencies[query]) * 1000:.1f} ms")


if __name__ == "__main__":
    main()
