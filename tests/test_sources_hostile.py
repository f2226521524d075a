"""Bad and hostile input: each is skipped with a one-line reason naming it, the rest still build.

Every case is made here, in a temporary folder: empty and binary files, broken and hostile Word
files (truncated, not a zip, a zip bomb, an entity bomb inside), entity-expansion and
external-entity feeds, malformed feeds, HTML nested thousands deep, files over the size cap,
files that cannot be read, and a device that would block a reader.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import docx
import pytest

from briefing.config import SourceSettings
from briefing.sources import read_sources

from conftest import REPO, run_cli

GOOD = "# 怀柔科学城17个科技设施面向全球开放\n\n本报讯（记者 曲经纬）怀柔科学城17个科技设施面向全球开放，服务1000多家创新主体。大科学装置开放共享水平持续提升。\n"

LAUGHS = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
BILLION_LAUGHS_DTD = f'<!DOCTYPE root [<!ENTITY l0 "哈哈哈哈哈哈哈哈哈哈">{LAUGHS}]>'


def word_file(path: Path, text: str = "本市30家社区卫生服务中心开设夜间门诊。") -> bytes:
    document = docx.Document()
    document.add_paragraph("社区医院开设夜间门诊", style="Title")
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    path.write_bytes(buffer.getvalue())
    return buffer.getvalue()


def replace_part(data: bytes, name: str, content: bytes) -> bytes:
    """The same .docx with one part's XML swapped for another."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, content if info.filename == name else source.read(info))
    return out.getvalue()


def reasons(skipped) -> dict[str, str]:
    return {Path(s.source).name: s.reason for s in skipped}


def read_one(path: Path, settings: SourceSettings | None = None) -> str:
    documents, skipped = read_sources([path], settings)
    assert documents == [], f"{path.name} should not be read"
    (problem,) = skipped
    assert problem.source == str(path)
    assert "\n" not in problem.reason
    return problem.reason


# --- text files --------------------------------------------------------------------------------

@pytest.mark.parametrize("content", [b"", b"   \r\n\t\n", "\u3000\u3000\n\ufeff".encode("utf-8"), b"\xef\xbb\xbf\n"],
                         ids=["zero-bytes", "ascii-whitespace", "ideographic-spaces", "bom-only"])
def test_empty_and_whitespace_only_files(tmp_path, content):
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    assert "empty file" in read_one(path)


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html", ".jsonl", ".xml"])
def test_binary_files_with_a_text_suffix(tmp_path, suffix):
    path = tmp_path / f"photo{suffix}"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 64)
    reason = read_one(path)
    assert "binary" in reason or "not readable text" in reason


def test_bytes_in_no_known_encoding_are_not_guessed(tmp_path):
    path = tmp_path / "noise.txt"
    path.write_bytes(bytes([0x81, 0x30, 0xFE, 0xFF, 0x80, 0xC0]) * 300)
    assert "not readable text" in read_one(path)


def test_file_over_the_size_cap_is_not_read(tmp_path):
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # sparse: 21 MB on paper, nothing on disk
        handle.truncate(21 * 1024 * 1024)
    assert read_one(path) == "too large (21.0 MB; the limit is 20 MB, [sources] max_file_mb)"
    small = tmp_path / "small.txt"
    small.write_text(GOOD * 200, encoding="utf-8")
    assert "[sources] max_file_mb" in read_one(small, SourceSettings(max_file_mb=0.01))


def test_device_or_pipe_is_not_opened(tmp_path):
    fifo = tmp_path / "inbox.txt"
    os.mkfifo(fifo)  # reading it would block the build forever
    assert "not a regular file" in read_one(fifo)
    documents, skipped = read_sources([tmp_path])
    assert documents == [] and "not a regular file" in skipped[0].reason


# Root reads every file whatever its mode, so the child reads as nobody: it warms up as root (our
# Python lives under /root, which nobody cannot enter), then drops to nobody and reads the folder.
UNREADABLE = """
import json, os, sys
from briefing.sources import read_sources
read_sources([sys.argv[1] + "/open.txt"])
if os.geteuid() == 0:
    os.setgid(65534)
    os.setuid(65534)
documents, skipped = read_sources([sys.argv[1]])
print(json.dumps({"read": [d.source for d in documents], "skipped": [[s.source, s.reason] for s in skipped]}))
"""


def test_file_without_read_permission(tmp_path):
    """The folder is a fresh one in /tmp that nobody may enter (pytest's tmp_path is root's alone)."""
    folder = Path(tempfile.mkdtemp(prefix="briefing-perm-"))
    try:
        os.chmod(folder, 0o755)
        (folder / "open.txt").write_text(GOOD, encoding="utf-8")
        os.chmod(folder / "open.txt", 0o644)
        locked = folder / "locked.txt"
        locked.write_text(GOOD, encoding="utf-8")
        os.chmod(locked, 0o000)
        env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
        done = subprocess.run([sys.executable, "-c", UNREADABLE, str(folder)], capture_output=True, text=True,
                              env=env, cwd="/", timeout=120)
        assert done.returncode == 0, done.stderr
        result = json.loads(done.stdout)
        assert result["read"] == [str(folder / "open.txt")]
        assert result["skipped"] == [[str(locked), "cannot read: permission denied; check the file's permissions"]]
    finally:
        os.chmod(folder / "locked.txt", 0o644)
        shutil.rmtree(folder)


# --- Word files --------------------------------------------------------------------------------

def test_truncated_docx(tmp_path):
    data = word_file(tmp_path / "whole.docx")
    path = tmp_path / "cut.docx"
    path.write_bytes(data[: len(data) // 2])
    assert "not a .docx (not a zip archive" in read_one(path)


def test_docx_that_is_not_a_zip(tmp_path):
    path = tmp_path / "letter.docx"
    path.write_text("这其实是一个纯文本文件。", encoding="utf-8")
    assert "not a .docx" in read_one(path)
    old = tmp_path / "old.docx"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2048)
    assert "an old Word .doc" in read_one(old)


def test_zip_without_a_word_document(tmp_path):
    path = tmp_path / "archive.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("readme.txt", "hello")
    assert "no word/document.xml" in read_one(path)


def test_docx_zip_bomb_is_refused_before_it_is_unpacked(tmp_path):
    data = word_file(tmp_path / "real.docx")
    out = io.BytesIO()  # the same parts, and one more that unpacks to 6 MB
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, source.read(info))
        target.writestr("word/document2.xml", b"<a>" + b" " * (6 * 1024 * 1024) + b"</a>")
    path = tmp_path / "bomb.docx"
    path.write_bytes(out.getvalue())
    assert path.stat().st_size < 100_000
    reason = read_one(path, SourceSettings(max_file_mb=1))
    assert re.match(r"refused: expands to [67] MB when unzipped, past the limit of 5 MB \(5 × \[sources\] max_file_mb\)",
                    reason), reason


def test_docx_with_an_entity_bomb_in_its_xml(tmp_path):
    data = word_file(tmp_path / "real.docx")
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        xml = package.read("word/document.xml").decode("utf-8")
    declaration, rest = xml.split("?>", 1)
    hostile = f"{declaration}?>{BILLION_LAUGHS_DTD.replace('root', 'w:document')}{rest}"
    hostile = hostile.replace("本市30家", "&l9;本市30家")
    path = tmp_path / "laughs.docx"
    path.write_bytes(replace_part(data, "word/document.xml", hostile.encode("utf-8")))
    assert "refused: word/document.xml declares a DTD or entities" in read_one(path)


# --- feeds -------------------------------------------------------------------------------------

def test_feed_with_entity_expansion_is_refused(tmp_path):
    path = tmp_path / "laughs.xml"
    path.write_text(f'<?xml version="1.0"?>{BILLION_LAUGHS_DTD.replace("root", "rss")}<rss version="2.0"><channel>'
                    "<title>t</title><item><title>标题</title><description>&l9;</description></item></channel></rss>",
                    encoding="utf-8")
    assert "refused: the feed declares XML entities" in read_one(path)


def test_feed_with_an_external_entity_is_refused_and_nothing_is_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE", encoding="utf-8")
    path = tmp_path / "xxe.rss"
    path.write_text(f'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY x SYSTEM "file://{secret}">]>'
                    '<rss version="2.0"><channel><title>t</title><item><title>标题</title>'
                    "<description>正文&x;</description></item></channel></rss>", encoding="utf-8")
    reason = read_one(path)
    assert "refused" in reason and "TOP-SECRET" not in reason


@pytest.mark.parametrize("xml", [
    '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>半截',
    '<?xml version="1.0"?><rss><channel><item></item></channel></rss>',
    '<?xml version="1.0"?><catalog><book>不是订阅源</book></catalog>',
], ids=["cut-off", "empty-items", "not-a-feed"])
def test_malformed_or_foreign_xml_is_not_a_feed(tmp_path, xml):
    path = tmp_path / "feed.xml"
    path.write_text(xml, encoding="utf-8")
    reason = read_one(path)
    assert reason.startswith(("malformed feed", "not an RSS or Atom feed", "the feed has no entries")), reason


# --- HTML --------------------------------------------------------------------------------------

def test_html_nested_thousands_deep(tmp_path):
    path = tmp_path / "deep.html"
    path.write_text("<html><body>" + "<div>" * 20000 + "<p>深层嵌套的正文内容，很长很长的一段话。</p>" * 5
                    + "</div>" * 20000 + "</body></html>", encoding="utf-8")
    assert "HTML nested too deeply" in read_one(path)


def test_html_entity_declarations_are_not_expanded(tmp_path):
    path = tmp_path / "laughs.html"
    path.write_text(f'<?xml version="1.0"?>{BILLION_LAUGHS_DTD.replace("root", "html")}<html><body><h1>实体炸弹</h1>'
                    "<p>本市今天发布科技设施开放共享新政，17个科技设施将面向全球开放，服务创新主体超过一千家。&l9;</p>"
                    "</body></html>", encoding="utf-8")
    documents, skipped = read_sources([path])
    assert skipped == []
    (article,) = documents[0].articles
    assert sum(len(b.text) for b in article.blocks) < 200, "an entity was expanded"
    assert article.blocks[-1].text.startswith("本市今天发布科技设施开放共享新政")


def test_page_that_is_only_navigation(tmp_path):
    path = tmp_path / "index.html"
    path.write_text("<html><body><ul>" + "".join(f"<li><a href='/{i}'>栏目{i}</a></li>" for i in range(30))
                    + "</ul></body></html>", encoding="utf-8")
    assert "no article text found" in read_one(path)


# --- the whole build ---------------------------------------------------------------------------

def test_build_skips_every_bad_source_with_one_line_each_and_builds_the_rest(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "good.txt").write_text(GOOD, encoding="utf-8")
    (inbox / "empty.txt").write_bytes(b"")
    (inbox / "binary.md").write_bytes(bytes(range(256)) * 50)
    word_file(inbox / "whole.docx")
    (inbox / "cut.docx").write_bytes((inbox / "whole.docx").read_bytes()[:300])
    (inbox / "whole.docx").unlink()
    (inbox / "laughs.xml").write_text(f'<?xml version="1.0"?>{BILLION_LAUGHS_DTD.replace("root", "rss")}<rss/>',
                                      encoding="utf-8")
    (inbox / "broken.rss").write_text("<rss><channel><item><title>半", encoding="utf-8")
    (inbox / "deep.html").write_text("<html><body>" + "<div>" * 5000 + "正文" + "</div>" * 5000, encoding="utf-8")
    (inbox / "bad.jsonl").write_text('{"title": "只有标题"}\n', encoding="utf-8")
    (inbox / "scan.pdf").write_bytes(b"%PDF-1.4")
    with (inbox / "huge.txt").open("wb") as handle:
        handle.truncate(21 * 1024 * 1024)
    result = run_cli("build", str(inbox), "--date", "2025-11-25", "--json", "--formats", "docx", cwd=tmp_path)
    assert result.code == 0, result.stderr
    assert "Traceback" not in result.stderr
    manifest = json.loads(result.stdout)
    skipped = {Path(s["source"]).name: s["reason"] for s in manifest["skipped"]}
    assert set(skipped) == {"empty.txt", "binary.md", "cut.docx", "laughs.xml", "broken.rss", "deep.html",
                            "bad.jsonl:1", "scan.pdf", "huge.txt"}
    warnings = [line for line in result.stderr.splitlines() if line.startswith("briefing: warning:")]
    for name in skipped:
        (line,) = [w for w in warnings if f"{name}: skipped: " in w]
        assert str(inbox) in line
    used = [a for a in manifest["articles"] if a["status"] == "used"]
    assert [a["title"] for a in used] == ["怀柔科学城17个科技设施面向全球开放"]


# --- symbolic links: nothing outside the sources is read ----------------------------------------

SECRET = ("# 绝密人才名单\n\n本报讯 高层次人才引进计划名单绝密标记甲乙丙。人才发展政策持续优化，"
          "高技能人才队伍不断壮大，工匠人才培养体系日益完善。\n")
OUTSIDE = ("# 外部目录人才文章\n\n本报讯 外部目录标记丁戊己。本市推进技能人才评价改革，"
           "新增高技能人才两万人，职称评审向一线工匠倾斜。\n")
MARKERS = ("绝密", "外部目录")


def _story(title: str) -> str:
    return f"# {title}\n\n本报讯 本市人才发展再上台阶，新引进高层次人才三百余名，工匠人才培养成效显著，{title}。\n"


def _untouched_atime(path: Path) -> float:
    """Set path's access time before its modification time: with relatime any read moves it."""
    info = path.stat()
    os.utime(path, ns=(info.st_mtime_ns - 3600 * 10**9, info.st_mtime_ns))
    return path.stat().st_atime


def _atime_shows_reads(folder: Path) -> bool:
    probe = folder / "probe.txt"
    probe.write_text("x", encoding="utf-8")
    before = _untouched_atime(probe)
    probe.read_bytes()
    return probe.stat().st_atime != before


def _texts_of_outputs(issue_dir: Path) -> str:
    """Everything the issue folder says: the manifest, every part of the DOCX, the PDF's text."""
    from pypdf import PdfReader

    manifest = json.loads((issue_dir / "manifest.json").read_text(encoding="utf-8"))
    with zipfile.ZipFile(issue_dir / manifest["outputs"]["docx"]) as archive:
        docx_text = "".join(archive.read(name).decode("utf-8", "replace") for name in archive.namelist())
    pdf_text = "".join(page.extract_text() for page in PdfReader(issue_dir / manifest["outputs"]["pdf"]).pages)
    return json.dumps(manifest, ensure_ascii=False) + docx_text + pdf_text


def test_links_out_of_the_sources_are_skipped_and_linked_folders_inside_are_followed(tmp_path):
    outside = tmp_path / "outside"
    (outside / "folder").mkdir(parents=True)
    secret = outside / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    (outside / "folder" / "story.txt").write_text(OUTSIDE, encoding="utf-8")
    inbox, desk, shared = tmp_path / "inbox", tmp_path / "desk" / "today", tmp_path / "shared" / "week"
    for folder in (inbox, desk, shared, tmp_path / "out"):
        folder.mkdir(parents=True)
    (inbox / "good.txt").write_text(GOOD, encoding="utf-8")
    (desk / "desk.txt").write_text(_story("编辑部转来的人才稿"), encoding="utf-8")
    (shared / "shared.txt").write_text(_story("共享目录里的人才稿"), encoding="utf-8")
    links = {"leak.txt": secret, "linked-out": outside / "folder", "from-desk": desk, "shared": shared,
             "loop": inbox, "old-issues": tmp_path / "out"}
    for name, target in links.items():
        (inbox / name).symlink_to(target)
    (tmp_path / "briefing.toml").write_text(
        '[sources]\npaths = ["inbox/", "desk/"]\nallow_roots = ["shared"]\n', encoding="utf-8")
    read_before = _untouched_atime(secret), _untouched_atime(outside / "folder" / "story.txt")

    result = run_cli("build", "--date", "2026-11-26", "--json", cwd=tmp_path)

    assert result.code == 0, result.stderr
    manifest = json.loads(result.stdout)
    skipped = {Path(s["source"]).name: s["reason"] for s in manifest["skipped"]}
    assert "outside the source folders" in skipped["leak.txt"] and str(secret) in skipped["leak.txt"]
    assert "allow_roots" in skipped["leak.txt"]
    assert "outside the source folders" in skipped["linked-out"]
    assert "own output or state folder" in skipped["old-issues"]
    assert "already being read" in skipped["loop"]
    sources = {Path(a["source"]).name: a["source"] for a in manifest["articles"]}
    assert sources["desk.txt"] == str(inbox / "from-desk" / "desk.txt")  # followed through the link, read once
    assert sources["shared.txt"] == str(inbox / "shared" / "shared.txt")  # an allowed root
    everything = _texts_of_outputs(tmp_path / "out" / "2026-11-26-daily-1")
    assert "编辑部转来的人才稿" in everything
    for marker in MARKERS:
        assert marker not in everything and marker not in result.stderr
    if _atime_shows_reads(tmp_path):
        assert (secret.stat().st_atime, (outside / "folder" / "story.txt").stat().st_atime) == read_before, \
            "a file outside the sources was opened"


def test_a_named_link_out_of_its_folder_and_a_link_to_a_system_file_are_not_read(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "passwd.txt").symlink_to("/etc/passwd")
    (inbox / "good.txt").write_text(GOOD, encoding="utf-8")

    documents, skipped = read_sources([inbox])
    named, named_skipped = read_sources([inbox / "passwd.txt"])

    assert [Path(d.source).name for d in documents] == ["good.txt"]
    assert "root:" not in "".join(d.text for d in documents + named)
    assert named == [] and "outside the source folders" in reasons(named_skipped)["passwd.txt"]
    assert "a symbolic link to /etc/passwd" in reasons(skipped)["passwd.txt"]


def test_an_empty_inbox_is_named_in_the_one_line_the_build_fails_with(tmp_path, cli):
    (tmp_path / "inbox").mkdir()
    result = cli("build", "inbox", "--formats", "docx")
    assert result.code == 1 and "Traceback" not in result.stderr
    assert "inbox: an empty folder; put articles in it (.atom, .docx" in result.stderr


STORY = ("论坛将聚焦前沿技术融合、创新资源整合、产业生态构建等方向，京津冀三地将发布推进国际科技创新中心"
         "建设落实举措，揭晓协同创新和产业协作重大示范项目，推出京津冀协同创新联合体。") * 4


def test_control_characters_in_a_page_are_dropped_and_a_binary_named_txt_is_skipped(tmp_path, cli):
    """A stray NUL, escape or noncharacter in pasted text once ended the build in lxml's
    'All strings must be XML compatible' traceback; now they are not text and go."""
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text("京津冀协同创新\x1b联合体呼之欲出\n\n今天，京津冀协同创新\x00与高质量发展论坛"
                                 "将正式启幕\ufffe。" + STORY + "\n", encoding="utf-8")
    (inbox / "b.jsonl").write_text(json.dumps({"title": "首都人才\u0001规模达225万人",
                                               "text": "截至2025年底，首都产业一线科技人才\u0001规模已达225万人，"
                                                       "占北京市就业人口的20%，每万名就业人口中拥有200名产业一线"
                                                       "科技人才，平均年龄不到40岁，形成了以卓越工程师、大国工匠、"
                                                       "高技能人才为主体的人才队伍。"}, ensure_ascii=False)
                                   + "\n", encoding="utf-8")
    (inbox / "c.txt").write_bytes(b"\x00\x01\x02binary\x03\x04\x05\x06\x07" * 20)  # valid UTF-8, not text

    result = cli("build", str(inbox), "--date", "2025-11-25", "--json")

    assert result.code == 0, result.stderr
    manifest = json.loads(result.stdout)
    titles = [i["title"] for s in manifest["sections"] for i in s["items"]]
    assert "京津冀协同创新联合体呼之欲出" in titles and "首都人才规模达225万人" in titles
    assert [s["reason"] for s in manifest["skipped"]] == [
        "not readable text (control characters throughout: a binary file?)"]
    folder = tmp_path / "out" / "2025-11-25-daily-1"
    with zipfile.ZipFile(folder / manifest["outputs"]["docx"]) as docx:
        body = docx.read("word/document.xml").decode("utf-8")
    assert "联合体呼之欲出" in body and not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe]", body)


def test_a_page_with_a_broken_encoding_run_in_it_is_still_read(tmp_path, cli):
    """Replacement characters are damage inside a page, not a sign of a binary (pages of the
    corpus carry them as the sites served them); only control bytes throughout are."""
    (tmp_path / "page.txt").write_text("京津冀协同创新联合体呼之欲出\n\n" + "\ufffd" * 12 + STORY + "\n", encoding="utf-8")
    result = cli("build", str(tmp_path / "page.txt"), "--date", "2025-11-25", "--json", "--formats", "docx")
    assert result.code == 0, result.stderr
    assert json.loads(result.stdout)["skipped"] == []
