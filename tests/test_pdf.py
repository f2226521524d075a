"""The PDF officials open: fonts, text, outline, metadata, the 28-character line, safety, and
ink where text should be — checked with two independent engines (poppler and PDFium)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html import unescape
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from pypdf import PdfReader

from briefing.render.layout import LAYOUT, PT_PER_MM
from briefing.render.lines import NO_LINE_END, NO_LINE_START
from documents_geometry import one_item_issue

CJK_ONLY = re.compile(r"^[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’—…·]+$")


def pdf_path(issue_dir: Path) -> Path:
    return next(issue_dir.glob("*.pdf"))


def pdfium_lines(path: Path) -> list[tuple[int, str, float]]:
    """(page index, line text, right edge of the line's last character in pt) for every line."""
    document = pdfium.PdfDocument(str(path))
    result = []
    for index in range(len(document)):
        textpage = document[index].get_textpage()
        count = textpage.count_chars()
        line, right = "", 0.0
        for k in range(count):
            ch = textpage.get_text_range(k, 1)
            if ch in ("\r", "\n"):
                if line:
                    result.append((index, line, right))
                line, right = "", 0.0
                continue
            line += ch
            right = max(right, textpage.get_charbox(k, loose=True)[2])  # the cell, not the ink
        if line:
            result.append((index, line, right))
    return result


def summaries(manifest: dict) -> list[str]:
    return [item["summary"] for section in manifest["sections"] for item in section["items"]]


def test_fonts_are_embedded_subset_truetype_and_simplified_chinese(sample_build):
    issue_dir, _ = sample_build
    reader = PdfReader(pdf_path(issue_dir))
    seen = {}
    for page in reader.pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            descendant = font["/DescendantFonts"][0].get_object()
            descriptor = descendant["/FontDescriptor"].get_object()
            seen[str(font["/BaseFont"])] = ("/FontFile2" in descriptor, descendant["/Subtype"])
    assert len(seen) >= 4
    for name, (truetype, subtype) in seen.items():
        assert re.match(r"^/[A-Z]{6}\+", name), f"{name} is not a subset"
        assert truetype and subtype == "/CIDFontType2", f"{name} is not embedded as TrueType"
        assert "JP" not in name and "Japanese" not in name and "KR" not in name
    families = {re.sub(r"^/[A-Z]{6}\+|-\d+,?$|-R-\d+,?$", "", name) for name in seen}
    assert {"FandolSong", "FandolHei", "FandolKai", "FandolFang"} <= families, families


def test_item_text_extracts_back_exactly(sample_build):
    issue_dir, manifest = sample_build
    lines = [line for _, line, _ in pdfium_lines(pdf_path(issue_dir)) if not re.match(r"^— \d+ —$", line)]
    text = "".join(lines)
    for summary in summaries(manifest):
        assert summary in text


def test_outline_and_metadata(sample_build):
    issue_dir, manifest = sample_build
    reader = PdfReader(pdf_path(issue_dir))
    outline = reader.outline
    top = [entry.title for entry in outline if not isinstance(entry, list)]
    assert top == [f"{n}、{s['title']}" for n, s in zip("一二三四五六", manifest["sections"])]
    children = [[e.title for e in entry] for entry in outline if isinstance(entry, list)]
    assert children == [[i["title"] for i in s["items"]] for s in manifest["sections"]]
    meta = reader.metadata
    assert meta["/Title"] == "科技创新动态（2026年第1期）"
    assert meta["/Author"] == "××办公室"
    assert "第1期" in meta["/Subject"] and "2026年11月26日" in meta["/Subject"]
    assert "协同创新" in meta["/Keywords"]
    assert re.match(r"^D:\d{14}\+08'00$", meta["/CreationDate"]), "creation date in Asia/Shanghai"


def test_body_lines_fill_the_28_character_grid_flush_right(sample_build):
    issue_dir, manifest = sample_build
    right_margin = (LAYOUT.page_width_mm - LAYOUT.margin_right_mm) * PT_PER_MM
    texts = summaries(manifest)
    lines = [(line, right) for _, line, right in pdfium_lines(pdf_path(issue_dir))]
    full = flush = 0
    for (line, right), (following, _) in zip(lines, lines[1:] + [("", 0)]):
        owner = next((s for s in texts if line in s), None)
        if owner is None or owner.endswith(line):
            continue  # not body text, or a paragraph's last line
        assert abs(right - right_margin) < 2, f"{line!r} ends at {right:.1f}pt, not at {right_margin:.1f}pt"
        flush += 1
        # A line of pure Chinese holds 28 characters (26 after the indent) unless a closing mark,
        # an opening mark or a number at the start of the next line made the break earlier.
        next_starts_plain = (CJK_ONLY.match(following[:2] or "x")
                             and not set(following[:2]) & (NO_LINE_START | NO_LINE_END))
        if CJK_ONLY.match(line) and next_starts_plain:
            assert len(line) == (26 if owner.startswith(line) else 28), line
            full += 1
    assert flush >= 20 and full >= 6  # (summaries rich in figures have fewer lines of plain Chinese)


def test_no_line_starts_with_closing_punctuation(sample_build):
    issue_dir, manifest = sample_build
    texts = summaries(manifest)
    body_lines = [line for _, line, _ in pdfium_lines(pdf_path(issue_dir)) if any(line in s for s in texts)]
    assert len(body_lines) > 30
    assert not [line for line in body_lines if line[0] in NO_LINE_START]


def _article(tmp_path: Path, name: str, title: str, body: str) -> Path:
    path = tmp_path / name
    path.write_text(f"# {title}\n\n{body}\n", encoding="utf-8")
    return path


def test_character_outside_every_font_is_reported_by_name_and_code_point(cli, tmp_path):
    _article(tmp_path, "rare.md", "国家卫健委发布公共卫生新规",
             "国家卫健委今天发布公共卫生与健康服务新规，负责人𠀀堃说明了医院智慧医疗建设要求，提升基层医疗健康服务水平。"
             "新规覆盖全国卫生健康机构，要求医院改善患者就医体验。")
    result = cli("build", "rare.md", "--date", "2026-11-26", "--json")
    assert result.code == 0, result.stderr
    manifest = json.loads(result.stdout)
    missing = [w for w in manifest["warnings"] if w["kind"] == "missing_glyph"]
    assert [(w["char"], w["codepoint"]) for w in missing] == [("𠀀", "U+20000")]
    assert "U+20000" in result.stderr and "CJK UNIFIED IDEOGRAPH-20000" in result.stderr
    assert "堃" not in result.stderr, "a rare character the fonts have must not be reported"


@pytest.mark.parametrize("markup", [
    "<img src='file:///etc/passwd'>",
    "<link rel=attachment href='file:///etc/passwd'>",
    "<style>@import url(file:///etc/passwd); body { color: red }</style>",
    "<script>document.write('x')</script>",
])
def test_hostile_markup_in_an_article_prints_as_text_and_fetches_nothing(cli, tmp_path, markup):
    _article(tmp_path, "hostile.md", "国家卫健委发布公共卫生新规",
             f"国家卫健委今天发布公共卫生与健康服务新规{markup}，推动医院智慧医疗建设，提升基层医疗健康服务水平。"
             "新规覆盖全国卫生健康机构，要求医院改善患者就医体验。")
    result = cli("build", "hostile.md", "--date", "2026-11-26", "--formats", "pdf", "--json")
    assert result.code == 0, result.stderr
    manifest = json.loads(result.stdout)
    pdf = tmp_path / "out" / "2026-11-26-daily-1" / manifest["outputs"]["pdf"]
    text = "".join(line for _, line, _ in pdfium_lines(pdf))
    # the cleaner takes a pasted page's tags out (text/junk.py); what is around them stays
    assert "推动医院智慧医疗建设" in text
    _nothing_fetched(pdf, text)
    # and markup that reaches the renderer all the same (an editor's draft, a feed) prints as text
    from briefing.render.fonts import load_fonts
    from briefing.render.pdf import render_pdf

    direct = render_pdf(one_item_issue(f"国家卫健委今天发布新规{markup}，推动医院智慧医疗建设。"), tmp_path / "direct.pdf",
                        load_fonts(), tmp_path / "work")
    direct_text = "".join(line for _, line, _ in pdfium_lines(direct)).replace(" ", "")  # a stretched line's spacing
    tag = markup[1:markup.index(" ") if " " in markup else markup.index(">")]
    assert f"<{tag}".replace(" ", "") in direct_text, "the markup must be printed as text"
    _nothing_fetched(direct, direct_text)


def _nothing_fetched(pdf: Path, text: str) -> None:
    assert "root:" not in text
    reader = PdfReader(pdf)
    assert not reader.attachments, "nothing may be attached"
    assert b"root:x:0:0" not in pdf.read_bytes()


def _dark_fraction(pixels: bytes, width: int, height: int, channels: int, stride: int,
                   box: tuple[float, float, float, float]) -> float:
    """Share of pixels darker than mid-grey in a box given as fractions of the page."""
    x0, y0, x1, y1 = int(box[0] * width), int(box[1] * height), int(box[2] * width), int(box[3] * height)
    dark = total = 0
    for y in range(y0, y1):
        row = pixels[y * stride:(y + 1) * stride]
        for x in range(x0, x1, 2):
            b, g, r = row[x * channels], row[x * channels + 1], row[x * channels + 2]
            dark += (r + g + b) < 384
            total += 1
    return dark / max(total, 1)


# The lower body of each page (on page 1, below the masthead and 本期要目).
TEXT_AREA = (LAYOUT.margin_left_mm / LAYOUT.page_width_mm, 0.66,
             1 - LAYOUT.margin_right_mm / LAYOUT.page_width_mm, 0.84)


def test_pdfium_draws_ink_where_text_is_expected(sample_build):
    issue_dir, _ = sample_build
    document = pdfium.PdfDocument(str(pdf_path(issue_dir)))
    for index in range(len(document)):
        bitmap = document[index].render(scale=0.6)
        data = bytes(bitmap.buffer)
        share = _dark_fraction(data, bitmap.width, bitmap.height, bitmap.n_channels, bitmap.stride, TEXT_AREA)
        margin = _dark_fraction(data, bitmap.width, bitmap.height, bitmap.n_channels, bitmap.stride,
                                (0.0, 0.5, 0.08, 0.84))
        if index < len(document) - 1:
            assert share > 0.01, f"page {index + 1}: no text drawn by PDFium"
        assert margin == 0, f"page {index + 1}: ink in the left margin"


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_poppler_draws_ink_where_text_is_expected(sample_build, tmp_path):
    issue_dir, _ = sample_build
    subprocess.run(["pdftoppm", "-r", "40", "-gray", str(pdf_path(issue_dir)), str(tmp_path / "p")], check=True)
    pages = sorted(tmp_path.glob("p-*.pgm"))
    assert len(pages) >= 3
    for page in pages[:-1]:
        width, height, pixels = _read_pgm(page)
        x0, y0 = int(TEXT_AREA[0] * width), int(TEXT_AREA[1] * height)
        x1, y1 = int(TEXT_AREA[2] * width), int(TEXT_AREA[3] * height)
        dark = sum(1 for y in range(y0, y1) for x in range(x0, x1) if pixels[y * width + x] < 128)
        assert dark / ((x1 - x0) * (y1 - y0)) > 0.01, f"{page.name}: no text drawn by poppler"


def _read_pgm(path: Path) -> tuple[int, int, bytes]:
    data = path.read_bytes()
    magic, width, height, maxval, rest = data.split(maxsplit=4)
    assert magic == b"P5" and maxval == b"255"
    return int(width), int(height), rest


def test_a_page_holding_only_the_tail_has_no_page_number(tmp_path):
    from briefing.render.fonts import load_fonts
    from briefing.render.pdf import render_pdf

    fonts = load_fonts()
    sentence = "北京稳居城市健康指数大城市组综合榜首，清华大学发布城市健康指数研究成果。"  # 36 characters
    for count in range(14, 40):
        pdf = render_pdf(one_item_issue(sentence * count), tmp_path / f"{count}.pdf", fonts, tmp_path / "work")
        pages: dict[int, list[str]] = {}
        for index, line, _ in pdfium_lines(pdf):
            pages.setdefault(index, []).append(line)
        last = pages[max(pages)]
        numbers = [line for line in last if re.match(r"^— \d+ —$", line)]
        content = [line for line in last if line not in numbers]
        if len(pages) > 1 and all(line[:2] in ("报：", "送：", "发：") or "共印" in line for line in content):
            assert numbers == [], f"page {len(pages)} holds only the 报尾 but is numbered"
            previous = pages[max(pages) - 1]
            assert any(re.match(rf"^— {len(pages) - 1} —$", line) for line in previous)
            return
        assert numbers == [f"— {len(pages)} —"], "an ordinary last page keeps its number"
    pytest.fail("no body length put the 报尾 alone on a page")


def test_a_set_paragraph_is_one_element_its_lines_of_other_spacing_spans_of_shared_classes(tmp_path, monkeypatch):
    """Issue 13: a line an element with its own inline style made WeasyPrint cascade and lay out
    every line on its own. The paragraph is one block; a line of the grid's spacing is plain
    text in it, another a span whose class gives the spacing (one class for each value)."""
    from briefing.render import pdf as pdf_module
    from briefing.render.fonts import load_fonts
    from briefing.render.layout import GRID_SPACING_PT, STYLES
    from briefing.render.lines import Measurer, set_paragraph

    fonts = load_fonts()
    # plain Chinese (lines of the grid's spacing), then figures and Latin (lines stretched)
    summary = "北京稳居城市健康指数大城市组综合榜首，清华大学发布城市健康指数研究成果。" * 3 + \
              "2025年GDP增长5.2%，R&D投入强度达6.73%，PM2.5年均浓度30.5微克/立方米。" * 3
    laid_out = []
    real_layout = pdf_module._layout
    monkeypatch.setattr(pdf_module, "_layout", lambda HTML, html, *rest: laid_out.append(html) or real_layout(HTML, html, *rest))
    target = pdf_module.render_pdf(one_item_issue(summary), tmp_path / "set.pdf", fonts, tmp_path / "work")

    measurer = Measurer([f.path for f in fonts.chains["body"]], STYLES["body"].size_pt)
    lines = set_paragraph(summary, measurer, LAYOUT.text_width_pt, GRID_SPACING_PT,
                          indent_pt=STYLES["body"].indent_chars * LAYOUT.char_pitch_pt)
    stretched = [line for line in lines if line.letter_spacing_pt != lines[-1].letter_spacing_pt]
    assert len(lines) > 8 and 0 < len(stretched) < len(lines) - 2
    paragraph = re.search(r'<p class="body set[^"]*">(.*?)</p>', laid_out[0], re.S).group(1)
    assert "style=" not in paragraph
    spans = re.findall(r'<span class="(s\d+)">([^<]*)</span>', paragraph)
    assert [unescape(text) for _, text in spans] == [line.text for line in stretched]
    assert unescape(re.sub(r"<[^>]+>", "", paragraph)) == "\n".join(line.text for line in lines)
    classes = {cls: line.letter_spacing_pt for (cls, _), line in zip(spans, stretched)}
    assert len(classes) == len({line.letter_spacing_pt for line in stretched}), "one class for each spacing"
    for cls, spacing in classes.items():
        assert f".body.set .{cls} {{ letter-spacing: {spacing}pt; }}" in laid_out[0]
    # and the text, as drawn, is the lines as set, each but the last flush right
    right_margin = (LAYOUT.page_width_mm - LAYOUT.margin_right_mm) * PT_PER_MM
    drawn = [(line, right) for _, line, right in pdfium_lines(target) if line in summary]
    assert [line for line, _ in drawn] == [line.text for line in lines]
    assert all(abs(right - right_margin) < 2 for _, right in drawn[:-1])


def test_pdf_a_variant_for_archiving(cli, tmp_path):
    (tmp_path / "briefing.toml").write_text('[render]\npdf_variant = "pdf/a-2b"\n', encoding="utf-8")
    from conftest import SAMPLE

    result = cli("build", str(SAMPLE), "--date", "2026-11-26", "--formats", "pdf", "--json")
    assert result.code == 0, result.stderr
    manifest = json.loads(result.stdout)
    pdf = tmp_path / "out" / "2026-11-26-daily-1" / manifest["outputs"]["pdf"]
    reader = PdfReader(pdf)
    xmp = reader.xmp_metadata
    assert xmp is not None
    raw = reader.trailer["/Root"]["/Metadata"].get_object().get_data()
    assert b"pdfaid:part" in raw and (b'pdfaid:part="2"' in raw or b"<pdfaid:part>2</pdfaid:part>" in raw)
    assert "/OutputIntents" in reader.trailer["/Root"]
    (tmp_path / "bad.toml").write_text('[render]\npdf_variant = "pdf/z"\n', encoding="utf-8")
    bad = cli("build", str(SAMPLE), "--config", "bad.toml")
    assert bad.code == 2 and "render.pdf_variant" in bad.stderr
