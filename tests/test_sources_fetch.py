"""Feeds and pages by URL, against a real HTTP server on 127.0.0.1: deadline, size cap, redirects,
errors; and nothing a source points at (images, stylesheets, frames, entities, enclosures) is
ever fetched while reading.
"""

from __future__ import annotations

import io
import json
import threading
import time
import zipfile
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import docx
import pytest

from briefing.config import SourceSettings
from briefing.sources import read_sources
from briefing.text.clean import clean_article
from briefing.text.pages import split_document

from conftest import run_cli

FIXTURES = Path(__file__).parent / "fixtures" / "sources"
RSS = (FIXTURES / "rss-kjrb.xml").read_bytes()
PAGE = (FIXTURES / "bjd-huairou.html").read_bytes()


class Server:
    """A real HTTP server in a thread; `requests` lists every path asked for."""

    def __init__(self) -> None:
        self.requests: list[str] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def do_GET(self) -> None:
                server.requests.append(self.path)
                route = ROUTES.get(self.path.split("?")[0])
                if route is None:
                    self.send_error(404, "Not Found")
                    return
                try:
                    route(self, server)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def beacons(self) -> list[str]:
        return [p for p in self.requests if p.startswith("/beacon")]

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def send(handler, body: bytes, content_type: str, length: bool = True, status: int = 200) -> None:
    handler.send_response(status)
    handler.send_header("Content-Type", content_type)
    if length:
        handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


def trickle(handler, server) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "application/rss+xml")
    handler.end_headers()
    for _ in range(40):  # a byte every 0.1 s: each read is quick, the whole takes 4 s
        handler.wfile.write(b" ")
        handler.wfile.flush()
        time.sleep(0.1)


def stall(handler, server) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "application/rss+xml")
    handler.send_header("Content-Length", "1000")
    handler.end_headers()
    handler.wfile.flush()
    time.sleep(3)


def endless(handler, server) -> None:
    handler.send_response(200)
    handler.send_header("Content-Type", "application/rss+xml")
    handler.end_headers()
    chunk = b"<!-- " + b"x" * 65536 + b" -->"
    for _ in range(64):  # 4 MB, no Content-Length
        handler.wfile.write(chunk)


def redirect(target: str):
    def answer(handler, server) -> None:
        handler.send_response(302)
        handler.send_header("Location", target if "://" in target else server.url(target))
        handler.send_header("Content-Length", "0")
        handler.end_headers()
    return answer


def hostile_page(server) -> bytes:
    beacon = server.url("/beacon")
    return f"""<html><head><meta charset="utf-8"><title>引用外部资源的页面</title>
<link rel="stylesheet" href="{beacon}/style.css"><script src="{beacon}/app.js"></script>
<meta http-equiv="refresh" content="0; url={beacon}/refresh"></head>
<body style="background: url({beacon}/bg.png)"><h1>引用外部资源的页面</h1>
<p>本市今天发布科技设施开放共享新政，17个科技设施将面向全球开放，服务创新主体超过一千家。<img src="{beacon}/photo.jpg"></p>
<iframe src="file:///etc/passwd"></iframe><iframe src="{beacon}/frame"></iframe><object data="{beacon}/obj"></object>
<p>新政明确，设施开放情况将纳入年度绩效评价，并向社会公开服务清单。</p><p><a href="{beacon}/more">阅读原文</a></p>
</body></html>""".encode("utf-8")


def hostile_feed(server) -> bytes:
    beacon = server.url("/beacon")
    return f"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>外链测试</title>
<image><url>{beacon}/logo.png</url></image>
<item><title>订阅源中的外链</title><link>{beacon}/item</link><enclosure url="{beacon}/audio.mp3" type="audio/mpeg" length="1"/>
<description><![CDATA[<p>正文第一段说明科技设施开放共享。<img src="{beacon}/in-content.png"></p>]]></description></item>
</channel></rss>""".encode("utf-8")


ROUTES = {
    "/feed.xml": lambda h, s: send(h, RSS, "application/rss+xml; charset=utf-8"),
    "/page.html": lambda h, s: send(h, PAGE, "text/html; charset=utf-8"),
    "/feed-no-length": lambda h, s: send(h, RSS, "text/xml", length=False),
    "/trickle": trickle,
    "/stall": stall,
    "/endless": endless,
    "/big": lambda h, s: send(h, b"<rss>" + b" " * (3 * 1024 * 1024) + b"</rss>", "application/rss+xml"),
    "/to-feed": redirect("/feed.xml"),
    "/to-file": redirect("file:///etc/passwd"),
    "/to-ftp": redirect("ftp://127.0.0.1/feed.xml"),
    "/error": lambda h, s: send(h, b"oops", "text/plain", status=500),
    "/image.png": lambda h, s: send(h, b"\x89PNG\r\n\x1a\n" + bytes(200), "image/png"),
    "/hostile-page.html": lambda h, s: send(h, hostile_page(s), "text/html"),
    "/hostile-feed.xml": lambda h, s: send(h, hostile_feed(s), "application/rss+xml"),
}


@pytest.fixture(scope="module")
def server():
    running = Server()
    yield running
    running.close()


FAST = SourceSettings(feed_timeout_seconds=1, feed_max_mb=1)


def read_url(url: str, settings: SourceSettings = FAST):
    documents, skipped = read_sources([url], settings)
    articles = [clean_article(raw) for doc in documents for raw in split_document(doc)]
    return articles, skipped


def only_reason(url: str, settings: SourceSettings = FAST) -> str:
    articles, skipped = read_url(url, settings)
    assert articles == []
    (problem,) = skipped
    assert problem.source == url and "\n" not in problem.reason
    return problem.reason


def test_feed_by_url(server):
    articles, skipped = read_url(server.url("/feed.xml"))
    assert [a.title for a in articles] == ["国家药监局批准一款国产创新药上市", "首批“智慧医院”试点单位名单公布"]
    assert articles[0].source == "https://www.stdaily.example/2025/1125/drug.html"
    assert len(skipped) == 1 and skipped[0].reason == "feed entry without a title"


def test_feed_without_content_length_and_after_a_redirect(server):
    for path in ("/feed-no-length", "/to-feed"):
        articles, _ = read_url(server.url(path))
        assert len(articles) == 2, path


def test_page_by_url(server):
    (article,), skipped = read_url(server.url("/page.html"))
    assert skipped == []
    assert article.title == "怀柔科学城发布8项代表性重大成果"
    assert article.source == server.url("/page.html")


def test_a_server_that_trickles_is_cut_off_at_the_deadline(server):
    started = time.monotonic()
    assert only_reason(server.url("/trickle")) == "no complete answer within 1 s ([sources] feed_timeout_seconds)"
    assert time.monotonic() - started < 2.5


def test_a_server_that_stalls_times_out(server):
    assert "feed_timeout_seconds" in only_reason(server.url("/stall"))


def test_downloads_over_the_size_cap_are_refused(server):
    assert only_reason(server.url("/big")) == ("too large to download (3.0 MB; the limit is 1 MB, "
                                               "[sources] feed_max_mb)")
    assert only_reason(server.url("/endless")).startswith("too large to download (more; the limit is 1 MB")


def test_redirects_leave_http_only_for_http(server):
    assert "file:///etc/passwd" in only_reason(server.url("/to-file"))
    assert "not followed" in only_reason(server.url("/to-ftp"))


def test_http_errors_and_unreachable_servers(server):
    assert only_reason(server.url("/error")) == "the server answered HTTP 500 Internal Server Error"
    assert only_reason(server.url("/nothing-here")) == "the server answered HTTP 404 Not Found"
    assert only_reason(server.url("/image.png")).startswith("neither an RSS/Atom feed nor a web page")
    closed = server.url("/feed.xml").replace(str(server.port), "9")  # the discard port: nobody listens
    assert only_reason(closed).startswith("cannot fetch")


def test_only_http_addresses_are_fetched():
    for url in ("file:///etc/passwd", "ftp://127.0.0.1/feed.xml"):
        assert only_reason(url).startswith("only http:// and https:// addresses are fetched")


def test_nothing_a_page_or_feed_points_at_is_fetched(server):
    before = len(server.requests)
    (page,), _ = read_url(server.url("/hostile-page.html"))
    (entry,), _ = read_url(server.url("/hostile-feed.xml"))
    assert server.requests[before:] == ["/hostile-page.html", "/hostile-feed.xml"]
    assert server.beacons() == []
    assert "root:" not in page.body
    assert page.paragraphs == ("本市今天发布科技设施开放共享新政，17个科技设施将面向全球开放，服务创新主体超过一千家。",
                               "新政明确，设施开放情况将纳入年度绩效评价，并向社会公开服务清单。")
    assert entry.paragraphs == ("正文第一段说明科技设施开放共享。",)


def test_nothing_a_local_source_points_at_is_fetched(server, tmp_path):
    beacon = server.url("/beacon")
    (tmp_path / "page.html").write_bytes(hostile_page(server))
    (tmp_path / "feed.xml").write_bytes(hostile_feed(server))
    (tmp_path / "xxe.xml").write_text(f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "{beacon}/xxe">]>'
                                      '<rss version="2.0"><channel><title>t</title><item><title>标题</title>'
                                      "<description>&x;</description></item></channel></rss>", encoding="utf-8")
    (tmp_path / "lines.jsonl").write_text(json.dumps({"title": "链接", "text": "正文。", "url": f"{beacon}/jsonl"},
                                                     ensure_ascii=False), encoding="utf-8")
    document = docx.Document()
    document.add_paragraph("外链图片", style="Title")
    document.add_paragraph("正文说明外链图片不会被读取。")
    buffer = io.BytesIO()
    document.save(buffer)
    linked = io.BytesIO()  # the same Word file with an external image and template relationship
    with zipfile.ZipFile(buffer) as source, zipfile.ZipFile(linked, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", (
                    f'<Relationship Id="rIdX1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" '
                    f'Target="{beacon}/docx-image.png" TargetMode="External"/>'
                    f'<Relationship Id="rIdX2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" '
                    f'Target="{beacon}/template.dotx" TargetMode="External"/></Relationships>').encode())
            target.writestr(info, data)
    (tmp_path / "linked.docx").write_bytes(linked.getvalue())
    documents, skipped = read_sources([tmp_path])
    assert sorted(Path(d.source).name for d in documents) == ["feed.xml", "lines.jsonl", "linked.docx", "page.html"]
    assert [Path(s.source).name for s in skipped] == ["xxe.xml"]
    assert server.beacons() == []


def test_build_reads_feed_urls_from_the_config(server, tmp_path):
    (tmp_path / "briefing.toml").write_text(
        f'[sources]\nfeeds = ["{server.url("/feed.xml")}", "{server.url("/stall")}"]\n'
        "feed_timeout_seconds = 1\n", encoding="utf-8")
    result = run_cli("build", "--date", "2025-11-25", "--json", "--formats", "docx", cwd=tmp_path)
    assert result.code == 0, result.stderr
    manifest = json.loads(result.stdout)
    titles = [item["title"] for section in manifest["sections"] for item in section["items"]]
    assert "国家药监局批准一款国产创新药上市" in titles
    assert {"source": server.url("/stall"),
            "reason": "no complete answer within 1 s ([sources] feed_timeout_seconds)"} in manifest["skipped"]
