"""End to end: the bundled sample becomes a recognisable 简报 in DOCX and PDF."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest
from docx import Document
from pypdf import PdfReader

SECTION_TITLES = ["协同创新", "科技设施", "标准化", "生物医药", "人才发展", "卫生健康"]
EXPECTED = {  # a phrase of each sample article's title -> the section it must land in
    "京津冀协同创新联合体呼之欲出": "collaboration",
    "怀柔科学城发布": "facilities",
    "牵头制定国际标准超500项": "standards",
    "北京药企全球化步伐加速": "biomedicine",
    "首都产业一线科技人才规模达225万人": "talent",
    "北京居城市健康指数榜首": "health",
}


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def pdf_text(issue_dir) -> str:
    pdf = next(issue_dir.glob("*.pdf"))
    return "\n".join(page.extract_text() for page in PdfReader(pdf).pages)


def docx_text(issue_dir) -> list[str]:
    docx = next(issue_dir.glob("*.docx"))
    return [p.text for p in Document(str(docx)).paragraphs]


def test_folder_holds_docx_pdf_and_manifest(sample_build):
    issue_dir, manifest = sample_build
    assert (issue_dir / "manifest.json").is_file()
    assert (issue_dir / manifest["outputs"]["docx"]).is_file()
    assert (issue_dir / manifest["outputs"]["pdf"]).is_file()
    assert manifest["outputs"]["pdf"] == "科技创新动态（2026年第1期）.pdf"
    assert not [p for p in issue_dir.parent.iterdir() if p.name.startswith(".")], "staging folder left behind"


@pytest.mark.parametrize("extract", [pdf_text, lambda d: "\n".join(docx_text(d))], ids=["pdf", "docx"])
def test_masthead_sections_and_titles_are_printed(sample_build, extract):
    issue_dir, manifest = sample_build
    text = squash(extract(issue_dir))
    for expected in ["科技创新动态", "第1期", "××办公室", "2026年11月26日", "报：市委办公厅", "（共印60份）"]:
        assert expected in text
    for number, title in zip("一二三四五六", SECTION_TITLES):
        assert f"{number}、{title}" in text
    for phrase in EXPECTED:
        assert squash(phrase) in text
    assert "中关村论坛特别报道" not in text, "the page banner is not an article"


def test_each_sample_article_lands_in_its_section(sample_build):
    _, manifest = sample_build
    placed = {item["title"]: section["id"] for section in manifest["sections"] for item in section["items"]}
    assert len(placed) == 6
    for phrase, section in EXPECTED.items():
        (title,) = [t for t in placed if squash(phrase) in squash(t)]
        assert placed[title] == section, title


def test_summaries_are_whole_sentences_without_repeats_or_bylines(sample_build):
    _, manifest = sample_build
    for section in manifest["sections"]:
        for item in section["items"]:
            summary = item["summary"]
            assert 60 <= len(summary) <= 320, summary
            assert summary[-1] in "。！？”", summary
            assert "本报讯" not in summary and "记者" not in summary.split("。")[0][:6]
            assert "/摄" not in summary
            # never opens on a pronoun whose antecedent it left out (2025年，其实现收入…: whose?)
            assert not re.match(r"(?:\d{4}年(?:\d{1,2}月)?，)?(?:其|该|这|他|她|它)", summary), summary
            sentences = [s for s in re.split(r"(?<=[。！？])", summary) if s]
            assert len(sentences) == len(set(sentences)), "a sentence repeated in a summary"
            assert "," not in re.sub(r"\d,\d", "", summary), "half-width comma left in Chinese text"


def test_manifest_follows_the_contract(sample_build):
    issue_dir, manifest = sample_build
    on_disk = json.loads((issue_dir / "manifest.json").read_text(encoding="utf-8"))
    assert on_disk == manifest
    raw = (issue_dir / "manifest.json").read_text(encoding="utf-8")
    assert "科技创新动态" in raw, "manifest must be written with ensure_ascii=False"
    assert manifest["briefing"] == "科技创新动态"
    assert manifest["edition"] == "daily"
    assert manifest["date"] == "2026-11-26"
    assert manifest["issue"] == {"year": 2026, "number": 1, "total": 1, "special": False}
    assert set(manifest["outputs"]) == {"docx", "pdf"}
    ids = set()
    for section in manifest["sections"]:
        assert section["id"] in {"collaboration", "facilities", "standards", "biomedicine", "talent", "health"}
        assert isinstance(section["title"], str) and section["items"]
        for item in section["items"]:
            assert {"article", "title", "summary", "sources"} <= set(item)
            assert item["sources"] and all(isinstance(s, str) for s in item["sources"])
            ids.add(item["article"])
    statuses = {a["id"]: a for a in manifest["articles"]}
    for article in manifest["articles"]:
        assert {"id", "title", "source", "section", "status", "reason"} <= set(article)
        assert article["status"] in {"used", "duplicate", "off_topic", "dropped"}
        assert article["section"] in {None, "collaboration", "facilities", "standards", "biomedicine", "talent", "health"}
    assert ids <= set(statuses) and all(statuses[i]["status"] == "used" for i in ids)
    assert manifest["skipped"] == []
    for stage in ("read", "classify", "summarize", "docx", "pdf"):
        assert isinstance(manifest["timings_ms"][stage], int)


def test_pdf_embeds_every_font_and_text_is_chinese(sample_build):
    issue_dir, _ = sample_build
    reader = PdfReader(next(issue_dir.glob("*.pdf")))
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = descendant["/FontDescriptor"].get_object()
            fonts[font["/BaseFont"]] = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
    assert fonts and all(fonts.values()), fonts
    text = pdf_text(issue_dir)
    cjk = sum(1 for ch in text if "\u4e00" <= ch <= "\u9fff")
    assert cjk > 1000
    assert not [ch for ch in text if "\ue000" <= ch <= "\uf8ff" or ch == "\ufffd"], "private-use or replacement characters"


@pytest.mark.skipif(shutil.which("pdffonts") is None, reason="poppler-utils not installed")
def test_pdffonts_reports_all_fonts_embedded(sample_build):
    issue_dir, _ = sample_build
    listing = subprocess.run(["pdffonts", str(next(issue_dir.glob("*.pdf")))], capture_output=True, text=True,
                             check=True).stdout.splitlines()[2:]
    assert listing
    for line in listing:
        emb, sub = line.split()[-5:-3]
        assert (emb, sub) == ("yes", "yes"), line


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_first_page_has_a_red_masthead(sample_build, tmp_path):
    issue_dir, _ = sample_build
    subprocess.run(["pdftoppm", "-r", "40", "-f", "1", "-l", "1", "-png", str(next(issue_dir.glob("*.pdf"))),
                    str(tmp_path / "page")], check=True)
    png = next(tmp_path.glob("page*.png"))
    pixels = _png_pixels(png)
    height = len(pixels)
    top, rest = pixels[: height // 4], pixels[height // 3:]
    red = lambda rows: sum(1 for row in rows for r, g, b in row if r > 180 and g < 90 and b < 90)
    assert red(top) > 200, "no red masthead in the top quarter of page 1"
    assert red(rest) < red(top) / 10, "red outside the masthead"


def _png_pixels(path):
    """Decode an 8-bit RGB PNG (what pdftoppm writes) with the standard library only."""
    import struct
    import zlib

    data = path.read_bytes()
    pos, chunks, width = 8, [], 0
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height, depth, colour = struct.unpack(">IIBB", body[:10])
            assert (depth, colour) == (8, 2)
        elif kind == b"IDAT":
            chunks.append(body)
        pos += 12 + length
    raw = zlib.decompress(b"".join(chunks))
    stride, rows, previous = width * 3, [], bytearray(width * 3)
    for y in range(len(raw) // (stride + 1)):
        kind, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            a = line[x - 3] if x >= 3 else 0
            b = previous[x]
            c = previous[x - 3] if x >= 3 else 0
            if kind == 1:
                line[x] = (line[x] + a) & 255
            elif kind == 2:
                line[x] = (line[x] + b) & 255
            elif kind == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append([tuple(line[i:i + 3]) for i in range(0, stride, 3)])
        previous = line
    return rows


def test_a_lead_that_is_the_news_opens_its_summary(sample_build):
    # the health story's lead carries no figure, but it is the news the headline announces
    _, manifest = sample_build
    health = next(s for s in manifest["sections"] if s["id"] == "health")["items"][0]["summary"]
    assert health.startswith("昨天，“清华城市健康指数”最新研究成果") and "北京稳居城市健康指数大城市组综合榜首" in health
