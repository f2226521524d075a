"""The PDF and LibreOffice's rendering of the DOCX draft, measured like a ruler against GB/T
9704-2012 and against each other: glyph boxes and baselines from PDFium, rules from the ink at
600 dpi. Both documents come from the same sample build; LibreOffice converts the DOCX once."""

from __future__ import annotations

import json
import re

import pytest

from briefing.render.layout import LAYOUT, PT_PER_MM, STYLES
from documents_geometry import embedded_fonts, libreoffice_pdf, libreoffice_pdfs, one_item_issue, rules, text_lines

PITCH_MM = LAYOUT.line_pitch_pt / PT_PER_MM
TEXT_TOP_MM = LAYOUT.margin_top_mm
TEXT_BOTTOM_MM = LAYOUT.page_height_mm - LAYOUT.margin_bottom_mm
RIGHT_MARGIN_MM = LAYOUT.page_width_mm - LAYOUT.margin_right_mm
PAGE_NUMBER = re.compile(r"^—\d+—$")
PURE_CJK = re.compile(r"^[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’—…·]+$")
CLOSING = set("，。、；：？！）》」』”’")


@pytest.fixture(scope="module")
def documents(sample_build, tmp_path_factory):
    """{"pdf": the issue's PDF, "docx": LibreOffice's PDF of its DOCX draft}."""
    issue_dir, manifest = sample_build
    pdf = issue_dir / manifest["outputs"]["pdf"]
    lo = libreoffice_pdf(issue_dir / manifest["outputs"]["docx"], tmp_path_factory.mktemp("lo-sample"))
    return {"pdf": pdf, "docx": lo}


def _line(lines, text: str, page: int = 0):
    return next(line for line in lines if line.page == page and line.text.startswith(text))


def test_masthead_and_red_rule_sit_where_layout_says_in_both_documents(documents, sample_build):
    _, manifest = sample_build
    measured = {}
    for kind, pdf in documents.items():
        lines = text_lines(pdf)
        title = _line(lines, manifest["briefing"])
        number = _line(lines, "第1期")
        issuer = _line(lines, "××办公室")
        red = [r for r in rules(pdf) if r.page == 0 and r.colour[0] > 180 and r.colour[1] < 80]
        assert len(red) == 1, f"{kind}: one red rule under the masthead, found {red}"
        measured[kind] = {"title": title.baseline_mm, "number": number.baseline_mm, "issuer": issuer.baseline_mm,
                          "rule top": red[0].top_mm, "rule bottom": red[0].bottom_mm}
        # the name on the first two grid lines, 期号 and 编印单位 on the third and fourth
        assert title.top_mm > TEXT_TOP_MM and issuer.bottom_mm < red[0].top_mm
        assert abs(red[0].thickness_mm - LAYOUT.masthead_rule_pt / PT_PER_MM) < 0.08, kind
    for key in measured["pdf"]:
        gap = abs(measured["pdf"][key] - measured["docx"][key])
        assert gap < 1.0, f"{key}: PDF {measured['pdf'][key]:.2f} mm, DOCX {measured['docx'][key]:.2f} mm"
    expected_rule = TEXT_TOP_MM + (4 * LAYOUT.line_pitch_pt + LAYOUT.masthead_rule_gap_pt) / PT_PER_MM
    assert abs(measured["pdf"]["rule top"] - expected_rule) < 0.1


def _body_lines(lines, manifest):
    texts = [i["summary"] for s in manifest["sections"] for i in s["items"]]
    return [line for line in lines if any(line.text in t for t in texts) and len(line.text) > 3]


def test_body_lines_sit_on_the_22_line_grid_in_both_documents(documents, sample_build):
    _, manifest = sample_build
    for kind, pdf in documents.items():
        body = _body_lines(text_lines(pdf), manifest)
        assert len(body) > 30
        for line in body:
            grid_line = (line.baseline_mm - TEXT_TOP_MM) / PITCH_MM - 0.8
            assert abs(grid_line - round(grid_line)) * PITCH_MM < 0.3, \
                f"{kind} page {line.page + 1}: {line.text[:10]} at {line.baseline_mm:.2f} mm is off the grid"
            assert 0 <= round(grid_line) < LAYOUT.lines_per_page


def _characters_within_margin(line) -> int:
    """Characters of a line, not counting a closing mark hung in the right margin."""
    hung = line.text[-1] in CLOSING and line.chars[-1][1] > RIGHT_MARGIN_MM - 0.5
    return len(line.text) - hung


def test_28_characters_to_a_full_line_in_both_documents(documents, sample_build):
    _, manifest = sample_build
    summaries = [i["summary"] for s in manifest["sections"] for i in s["items"]]
    for kind, pdf in documents.items():
        # (a paragraph's last line is as long as its text happens to be: not counted)
        full = [line for line in _body_lines(text_lines(pdf), manifest)
                if PURE_CJK.match(line.text) and line.left_mm < LAYOUT.margin_left_mm + 2
                and not any(p.endswith(line.text) for t in summaries for p in t.split("\n"))]
        counts = [_characters_within_margin(line) for line in full]
        assert len(counts) >= 6 and max(counts) == LAYOUT.chars_per_line, f"{kind}: {counts}"
        # a line is full unless the line-breaking rules moved a character down
        assert sum(c == LAYOUT.chars_per_line for c in counts) >= 0.7 * len(counts), f"{kind}: {counts}"


def test_quotes_in_titles_are_full_width_in_both_documents(documents):
    """“十四五” in 本期要目 and the item title: the quotes take a full character, as in the body
    (楷体 fonts with proportional quotes set them at a third of that)."""
    one_char = LAYOUT.char_pitch_pt / PT_PER_MM
    for kind, pdf in documents.items():
        titles = [line for line in text_lines(pdf) if line.text.startswith("“十四五”北京")]
        assert len(titles) == 2, kind  # 本期要目 and the item
        for line in titles:
            advances = [b - a for a, b in zip(line.origins_mm, line.origins_mm[1:])]
            for k in (0, 4):  # “ and ”
                assert abs(advances[k] - one_char) < 0.3, f"{kind}: {line.text[k]} is {advances[k]:.2f} mm wide"


def _widows(lines, texts) -> list[str]:
    """Pages that begin with the last line of a paragraph begun on the page before."""
    found = []
    for page in sorted({line.page for line in lines})[1:]:
        first = next((line for line in lines if line.page == page and any(line.text in t for t in texts)), None)
        if first is None:
            continue
        owner = next(t for t in texts if first.text in t)
        if owner.endswith(first.text) and not owner.startswith(first.text):
            found.append(f"page {page + 1}: {first.text}")
    return found


def test_no_page_begins_with_a_lone_last_line_in_either_document(documents, sample_build):
    _, manifest = sample_build
    texts = [i["summary"] for s in manifest["sections"] for i in s["items"]]
    for kind, pdf in documents.items():
        assert _widows(text_lines(pdf), texts) == [], kind


def test_tail_at_the_foot_of_the_last_page_with_gb9704_rules_in_both_documents(documents):
    tails = {}
    for kind, pdf in documents.items():
        lines = text_lines(pdf)
        last = max(line.page for line in lines)
        tail = [line for line in lines if line.page == last and re.match(r"^(报：|送：|发：|（共印)", line.text)]
        assert [line.text[:2] for line in tail] == ["报：", "送：", "发：", "（共"], kind
        found = [r for r in rules(pdf) if r.page == last and max(r.colour) < 80]
        assert len(found) == 5, f"{kind}: {found}"
        # the last rule is the foot of the text area; the lines are one grid line each
        assert abs(found[-1].bottom_mm - TEXT_BOTTOM_MM) < 0.3, f"{kind}: {found[-1]}"
        assert abs(found[0].top_mm - (TEXT_BOTTOM_MM - 4 * PITCH_MM)) < 0.3, f"{kind}: {found[0]}"
        outer, inner = LAYOUT.tail_outer_rule_mm, LAYOUT.tail_inner_rule_mm
        thickness = [round(r.thickness_mm, 3) for r in found]
        for got, wanted in zip(thickness, [outer, inner, inner, inner, outer]):
            assert abs(got - wanted) < 0.07, f"{kind}: rules {thickness} mm, GB/T 9704 asks {outer}/{inner}"
        tails[kind] = [line.baseline_mm for line in tail]
    for pdf_line, docx_line in zip(tails["pdf"], tails["docx"]):
        assert abs(pdf_line - docx_line) < 1.0


def test_page_number_dash_lies_7_mm_below_the_text_area_in_both_documents(documents):
    for kind, pdf in documents.items():
        numbers = [line for line in text_lines(pdf) if PAGE_NUMBER.match(line.text)]
        assert len(numbers) == 4, kind
        for line in numbers:
            dash_top = line.chars[0][2]
            assert abs(dash_top - (TEXT_BOTTOM_MM + LAYOUT.page_number_gap_mm)) < 0.5, \
                f"{kind} page {line.page + 1}: 一字线 at {dash_top:.2f} mm"
            one_char = STYLES["page_number"].size_pt / PT_PER_MM
            if line.page % 2 == 0:  # odd pages: at the right, one character in
                assert abs(line.cell_right_mm - (RIGHT_MARGIN_MM - one_char)) < 1.0, kind
            else:
                assert abs(line.chars[0][1] - (LAYOUT.margin_left_mm + one_char)) < 1.0, kind


def _from_bundled_fonts(name: str) -> bool:
    """Whether an embedded font (WeasyPrint names it by family, LibreOffice by PostScript name)
    is one of the bundled files."""
    from briefing.render.fonts import load_fonts

    key = re.sub(r"[^a-z]", "", name.split("+", 1)[-1].lower())
    return any(key.startswith(re.sub(r"[^a-z]", "", font.family.lower())[:8]) for font in load_fonts().all_files())


def test_the_pdf_embeds_only_bundled_fonts_and_sets_the_body_in_fangsong(documents, sample_build):
    _, manifest = sample_build
    for kind, pdf in documents.items():
        fonts = embedded_fonts(pdf)
        assert fonts and all(font["emb"] == "yes" for font in fonts), f"{kind}: {fonts}"
        assert all(_from_bundled_fonts(font["name"]) for font in fonts), f"{kind}: {fonts}"
        body = _body_lines(text_lines(pdf), manifest)
        assert all(any("FandolFang" in name for name in line.fonts) for line in body), kind


SIGNS = ("拼音Lǚ Xiǎomíng、Zhāng Wěi、nǚ，慕尼黑（München）、德沃夏克（Dvořák）、罗兹（Łódź）、斯柯达（Škoda）；"
         "编号①②⑩⑪⑳，气温25℃，增长3‰，№ 12，第Ⅰ、Ⅻ条，α β粒子，误差±0.5，3×4，"
         "全角标点（括号）【方括号】《书名》“引号”——破折号……省略号，㎡㎏。")


def test_a_paragraph_of_signs_is_drawn_by_bundled_fonts_only(cli, tmp_path):
    article = tmp_path / "signs.md"
    article.write_text("# 国家卫健委发布公共卫生新规\n\n国家卫健委今天发布公共卫生与健康服务新规，推动医院智慧医疗建设。"
                       f"{SIGNS}\n", encoding="utf-8")
    result = cli("build", str(article), "--date", "2026-11-26", "--json")
    assert result.code == 0, result.stderr
    manifest = json.loads(result.stdout)
    assert not [w for w in manifest.get("warnings", []) if w["kind"] == "missing_glyph"]
    issue_dir = tmp_path / "out" / "2026-11-26-daily-1"
    pdf = issue_dir / manifest["outputs"]["pdf"]
    names = [font["name"] for font in embedded_fonts(pdf)]
    assert all(_from_bundled_fonts(name) for name in names), names
    text = "".join(line.text for line in text_lines(pdf))
    for word in ("Lǚ", "Xiǎomíng", "München", "Dvořák", "Łódź", "Škoda", "①②⑩⑪⑳", "25℃", "3‰", "№", "Ⅰ", "Ⅻ",
                 "α", "β", "±0.5", "3×4", "㎡㎏"):
        assert word in text, word
    # LibreOffice, seeing the bundled fonts only, draws them too
    lo = libreoffice_pdf(issue_dir / manifest["outputs"]["docx"], tmp_path / "lo")
    lo_names = [font["name"] for font in embedded_fonts(lo)]
    assert all(_from_bundled_fonts(name) for name in lo_names), lo_names
    lo_text = "".join(line.text for line in text_lines(lo))
    for word in ("Dvořák", "Łódź", "①②⑩⑪⑳", "3‰", "Ⅻ", "㎡㎏"):
        assert word in lo_text, word


def test_the_docx_tail_stays_at_the_foot_of_the_last_page_however_long_the_text(tmp_path):
    """The editor's case: the text grows or shrinks above the 报尾. Whether the last page ends
    high, right above the 报尾, or where the 报尾 would overlap it, LibreOffice puts the 报尾 at
    the foot of the page the text ends on (or of the next page), never across the text."""
    from briefing.render.docx import render_docx
    from briefing.render.fonts import load_fonts
    from briefing.render.pdf import render_pdf

    sentence = "北京稳居城市健康指数大城市组综合榜首，清华大学发布城市健康指数研究成果。"  # 36 characters
    counts = (3, 20, 24, 25, 26, 60)  # the text ends high, just above the 报尾, where it would be, on page 3
    docxs = [render_docx(one_item_issue(sentence * n), tmp_path / f"{n}.docx") for n in counts]
    fonts = load_fonts()
    for n, lo in zip(counts, libreoffice_pdfs(docxs, tmp_path / "lo")):
        pdf = render_pdf(one_item_issue(sentence * n), tmp_path / f"{n}.pdf", fonts, tmp_path / "work")
        pages = {}
        for kind, path in (("docx", lo), ("pdf", pdf)):
            lines = text_lines(path)
            last = max(line.page for line in lines)
            tail = [line for line in lines if re.match(r"^(报：|送：|发：|（共印)", line.text)]
            assert {line.page for line in tail} == {last}, f"{kind} {n}: the 报尾 is not on the last page alone"
            top_rule = next(r for r in rules(path) if r.page == last and max(r.colour) < 80)
            assert abs(top_rule.top_mm - (TEXT_BOTTOM_MM - 4 * PITCH_MM)) < 0.3, f"{kind} {n}: {top_rule}"
            text = [line for line in lines if line.page == last and not PAGE_NUMBER.match(line.text)
                    and line not in tail]
            assert all(line.bottom_mm < top_rule.top_mm for line in text), f"{kind} {n}: text runs into the 报尾"
            pages[kind] = last
            assert _widows(lines, [sentence * n]) == [], f"{kind} {n}"
        assert pages["docx"] == pages["pdf"], f"{n}: the 报尾 is on page {pages['docx'] + 1} of the DOCX, " \
                                              f"page {pages['pdf'] + 1} of the PDF"
