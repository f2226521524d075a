"""The DOCX draft as Word, WPS and LibreOffice will see it: the produced file parsed back with
python-docx (page, grid, styles and their fonts, masthead, footers, 报尾, properties) and
converted by a real LibreOffice."""

from __future__ import annotations

import json
import re
import zipfile

import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Mm

from conftest import SAMPLE
from documents_geometry import libreoffice_pdf, poppler

MM = 36000  # EMU per millimetre
STYLE_FONTS = {  # the issue's font for each named style, as officials' machines name them
    "简报-报头": "方正小标宋简体",
    "简报-期号": "仿宋_GB2312",
    "简报-一级标题": "黑体",
    "简报-条目标题": "楷体_GB2312",
    "简报-正文": "仿宋_GB2312",
    "简报-来源": "楷体_GB2312",
    "简报-报尾": "仿宋_GB2312",
    "简报-页码": "宋体",
    "简报-要目": "楷体_GB2312",
}
SLOTS = ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs")
THEME_ATTRIBUTE = re.compile(rb'w:(asciiTheme|hAnsiTheme|eastAsiaTheme|cstheme)="')


@pytest.fixture(scope="module")
def draft(tmp_path_factory):
    """The sample issue's draft, built by the CLI with no config."""
    folder = tmp_path_factory.mktemp("draft")
    from conftest import run_cli

    result = run_cli("build", "--date", "2026-11-26", "--formats", "docx", "--json", cwd=folder)
    assert result.code == 0, result.stderr
    manifest = json.loads(result.stdout)
    return folder / "out" / "2026-11-26-daily-1" / manifest["outputs"]["docx"]


def paragraphs_with_style(doc, name):
    return [p for p in doc.paragraphs if p.style.name == name]


def test_page_is_gb9704_a4_with_its_margins(draft):
    section = Document(str(draft)).sections[0]
    measured = [section.page_width, section.page_height, section.top_margin, section.bottom_margin,
                section.left_margin, section.right_margin]
    assert [round(v / MM, 1) for v in measured] == [210, 297, 37, 35, 28, 26]


def test_section_has_the_22_line_document_grid_and_body_text_condensed_onto_28_characters(draft):
    doc = Document(str(draft))
    grid = doc.sections[0]._sectPr.find(qn("w:docGrid"))
    # a line grid only: with a character grid (linesAndChars) LibreOffice sets 27 characters
    assert grid.get(qn("w:type")) == "lines" and grid.get(qn("w:charSpace")) is None
    assert grid.get(qn("w:linePitch")) == "579"  # 28.95 pt in twips
    text_width_pt = (210 - 28 - 26) / 25.4 * 72
    condense = int(doc.styles["简报-正文"].element.rPr.find(qn("w:spacing")).get(qn("w:val"))) / 20
    assert 28 * (16 + condense) <= text_width_pt < 29 * (16 + condense)


def test_every_briefing_style_names_its_chinese_font_in_all_four_slots(draft):
    doc = Document(str(draft))
    for name, font in STYLE_FONTS.items():
        style = doc.styles[name]
        rfonts = style.element.rPr.find(qn("w:rFonts"))
        assert [rfonts.get(qn(slot)) for slot in SLOTS] == [font] * 4, name
        assert style.element.rPr.find(qn("w:lang")).get(qn("w:eastAsia")) == "zh-CN", name


def test_nothing_in_the_package_falls_back_to_a_theme_or_japanese_font(draft):
    with zipfile.ZipFile(draft) as package:
        names = package.namelist()
        styles = package.read("word/styles.xml")
        settings = package.read("word/settings.xml").decode()
        theme = package.read("word/theme/theme1.xml").decode()
        font_table = package.read("word/fontTable.xml").decode()
    assert not THEME_ATTRIBUTE.search(styles), "a style still takes its font from the theme"
    assert 'w:eastAsia="ja-JP"' not in styles.decode()
    assert re.search(r'<w:themeFontLang [^>]*w:eastAsia="zh-CN"', settings)
    assert '<a:ea typeface="仿宋_GB2312"/>' in theme and '<a:ea typeface="黑体"/>' in theme
    assert re.search(r'<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/><w:charset w:val="86"/>', font_table)
    assert "docProps/thumbnail.jpeg" not in names and "word/stylesWithEffects.xml" not in names


def test_body_styles_indent_two_characters_at_the_exact_line_pitch(draft):
    doc = Document(str(draft))
    body = doc.styles["简报-正文"].paragraph_format
    assert body.first_line_indent.pt == 32  # two 16 pt characters
    assert body.line_spacing.pt == pytest.approx(28.95, abs=0.05)
    assert doc.styles["简报-正文"].font.size.pt == 16


def test_headings_carry_outline_levels_for_the_navigation_pane(draft):
    doc = Document(str(draft))
    levels = {name: doc.styles[name].element.pPr.find(qn("w:outlineLvl")) for name in ("简报-一级标题", "简报-条目标题")}
    assert {name: int(level.get(qn("w:val"))) for name, level in levels.items()} == {"简报-一级标题": 0, "简报-条目标题": 1}
    assert doc.styles["简报-一级标题"].next_paragraph_style.name == "简报-正文"
    assert doc.styles["简报-来源"].next_paragraph_style.name == "简报-条目标题"


def test_text_paragraphs_carry_no_direct_formatting(draft):
    doc = Document(str(draft))
    for paragraph in doc.paragraphs:
        assert paragraph.style.name.startswith("简报-"), paragraph.text
        for run in paragraph.runs:
            assert run._r.rPr is None, f"direct run formatting on {paragraph.text!r}"


def test_masthead_is_red_centred_with_a_red_rule_the_width_of_the_text(draft):
    doc = Document(str(draft))
    masthead = paragraphs_with_style(doc, "简报-报头")
    assert [p.text for p in masthead] == ["科技创新动态"]
    style = doc.styles["简报-报头"]
    assert str(style.font.color.rgb) == "E60012" and style.font.size.pt >= 26
    assert style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert [p.text for p in paragraphs_with_style(doc, "简报-期号")] == ["第1期"]
    issuer = paragraphs_with_style(doc, "简报-编印单位")[0]
    assert issuer.text == "××办公室\t2026年11月26日"
    ppr = issuer._p.pPr
    rule = ppr.find(f"{qn('w:pBdr')}/{qn('w:bottom')}")
    assert rule.get(qn("w:color")) == "E60012" and int(rule.get(qn("w:sz"))) >= 12
    assert ppr.find(qn("w:ind")) is None, "an indent would shorten the rule"
    tab = ppr.find(f"{qn('w:tabs')}/{qn('w:tab')}")
    assert tab.get(qn("w:val")) == "right" and int(tab.get(qn("w:pos"))) == round(Mm(156).pt * 20)


def test_contents_are_static_text_and_sections_are_numbered(draft):
    doc = Document(str(draft))
    with zipfile.ZipFile(draft) as package:
        body = package.read("word/document.xml").decode()
    assert "TOC" not in body and body.count("fldChar") == 0, "本期要目 must not be a field"
    entries = [p.text for p in paragraphs_with_style(doc, "简报-要目")]
    titles = [p.text for p in paragraphs_with_style(doc, "简报-条目标题")]
    assert entries == titles and len(titles) == 6
    headings = [p.text for p in paragraphs_with_style(doc, "简报-一级标题")]
    assert headings == ["一、协同创新", "二、科技设施", "三、标准化", "四、生物医药", "五、人才发展", "六、卫生健康"]


def test_page_numbers_are_page_fields_odd_right_even_left(draft):
    doc = Document(str(draft))
    assert doc.settings.odd_and_even_pages_header_footer
    section = doc.sections[0]
    for footer, alignment, side in ((section.footer, WD_ALIGN_PARAGRAPH.RIGHT, "right_indent"),
                                    (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT, "left_indent")):
        paragraph = footer.paragraphs[0]
        assert paragraph.style.name == "简报-页码"
        assert paragraph.alignment == alignment
        assert getattr(paragraph.paragraph_format, side).pt == 14  # one 4号 character in
        kinds = [c.get(qn("w:fldCharType")) for c in paragraph._p.iter(qn("w:fldChar"))]
        assert kinds == ["begin", "separate", "end"]
        assert [i.text for i in paragraph._p.iter(qn("w:instrText"))] == [" PAGE "]
        assert paragraph.text.startswith("— ") and paragraph.text.endswith(" —")


def test_distribution_block_has_full_width_rules_and_copies_at_the_right(draft):
    doc = Document(str(draft))
    lines = paragraphs_with_style(doc, "简报-报尾")
    assert [p.text for p in lines] == ["报：市委办公厅", "送：市政府办公厅", "发：各区科委", "\t（共印60份）"]
    assert [p.text for p in doc.paragraphs if p.text][-1] == "\t（共印60份）", "the 报尾 ends the briefing"
    borders = [p._p.pPr.find(qn("w:pBdr")) for p in lines]
    assert borders[0].find(qn("w:top")) is not None
    assert all(b.find(qn("w:bottom")) is not None for b in borders)
    assert int(borders[-1].find(qn("w:bottom")).get(qn("w:sz"))) > int(borders[0].find(qn("w:bottom")).get(qn("w:sz")))
    for p in lines:
        assert p._p.pPr.find(qn("w:ind")) is None, "side indents would shorten the rules"
    style = doc.styles["简报-报尾"]
    assert style.paragraph_format.first_line_indent.pt == 14
    tab = style.element.pPr.find(f"{qn('w:tabs')}/{qn('w:tab')}")
    assert int(tab.get(qn("w:pos"))) == round((Mm(156).pt - 14) * 20)


def test_properties_name_the_issue(draft):
    from briefing.render import ooxml

    doc = Document(str(draft))
    core = doc.core_properties
    assert core.title == "科技创新动态（2026年第1期）"
    assert core.author == "××办公室"
    assert core.created.date().isoformat() == "2026-11-26"
    custom = ooxml.custom_properties(doc)
    assert custom["BriefingIssue"] == "2026-11-26-daily-1"
    assert (custom["BriefingEdition"], custom["BriefingDate"], custom["BriefingNumber"]) == ("daily", "2026-11-26", "1")
    with zipfile.ZipFile(draft) as package:
        types = package.read("[Content_Types].xml").decode()
        rels = package.read("_rels/.rels").decode()
    assert 'PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"' in types
    assert "relationships/custom-properties" in rels


def test_custom_properties_hold_any_text_and_read_back(tmp_path):
    from briefing.render import ooxml

    doc = Document()
    ooxml.set_custom_properties(doc, {"BriefingIssue": "a<b & \"c\"", "Note": "科技\x0b创新\x00"})
    doc.save(str(tmp_path / "p.docx"))
    again = ooxml.custom_properties(Document(str(tmp_path / "p.docx")))
    # escaped, not broken; the control characters XML 1.0 cannot hold are left out, not written
    assert again == {"BriefingIssue": 'a<b & "c"', "Note": "科技创新"}


def test_item_titles_and_headings_carry_hidden_bookmarks(draft, tmp_path):
    doc = Document(str(draft))
    manifest = json.loads((draft.parent / "manifest.json").read_text(encoding="utf-8"))
    articles = [i["article"] for s in manifest["sections"] for i in s["items"]]
    names = [b.get(qn("w:name")) for p in paragraphs_with_style(doc, "简报-条目标题")
             for b in p._p.iter(qn("w:bookmarkStart"))]
    assert names == [f"_briefing_item_{a}" for a in articles]
    sections = [b.get(qn("w:name")) for p in paragraphs_with_style(doc, "简报-一级标题")
                for b in p._p.iter(qn("w:bookmarkStart"))]
    assert sections == [f"_briefing_section_{s['id']}" for s in manifest["sections"]]


def test_render_settings_choose_bold_fangsong_titles_and_other_font_names(cli, tmp_path):
    (tmp_path / "briefing.toml").write_text(
        '[render]\nitem_title = "bold_body"\n[render.docx_fonts]\nbody = "仿宋"\ntitle = "华文中宋"\n', encoding="utf-8")
    result = cli("build", str(SAMPLE), "--date", "2026-11-26", "--formats", "docx", "--json")
    assert result.code == 0, result.stderr
    doc = Document(str(tmp_path / "out" / "2026-11-26-daily-1" / json.loads(result.stdout)["outputs"]["docx"]))
    title = doc.styles["简报-条目标题"]
    assert title.font.bold and title.element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "仿宋"
    assert doc.styles["简报-报头"].element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "华文中宋"
    assert doc.styles["简报-一级标题"].element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) == "黑体"


# --- a real client: LibreOffice -----------------------------------------------------------

def soffice_to_pdf(docx, work):
    return libreoffice_pdf(docx, work)


def pdf_pages_text(pdf):
    text = poppler("pdftotext", "-layout", str(pdf), "-")
    return text.split("\f")[:-1]


def test_libreoffice_opens_the_draft_as_a_four_page_briefing(draft, tmp_path_factory):
    pdf = soffice_to_pdf(draft, tmp_path_factory.getbasetemp() / "lo-draft")
    pages = pdf_pages_text(pdf)
    assert len(pages) == 4
    flat = [re.sub(r"\s+", "", page) for page in pages]
    assert flat[0].startswith("科技创新动态第1期××办公室2026年11月26日本期要目")
    for heading in ["一、协同创新", "二、科技设施", "三、标准化", "四、生物医药", "五、人才发展", "六、卫生健康"]:
        assert sum(heading in page for page in flat) == 1, heading
    assert "报：市委办公厅送：市政府办公厅发：各区科委（共印60份）" in flat[-1]
    for number, page in enumerate(pages, start=1):
        footer = next(line for line in reversed(page.splitlines()) if line.strip())
        assert re.sub(r"\s+", "", footer) == f"—{number}—"
        indent = len(footer) - len(footer.lstrip())
        assert (indent > 20) if number % 2 else (indent < 10), f"page {number}'s number on the wrong side"


# ECMA-376 Part 1 (transitional) child order of the elements the renderer writes into; Word
# rejects or "repairs" a file whose pPr/rPr children are out of this order.
SCHEMA_ORDER = {
    "pPr": ["pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
            "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
            "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
            "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
            "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
            "sectPr", "pPrChange"],
    "rPr": ["rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline",
            "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing",
            "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText",
            "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath"],
    "pBdr": ["top", "left", "bottom", "right", "between", "bar"],
    "sectPr": ["headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar",
               "paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign", "noEndnote",
               "titlePg", "textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings", "sectPrChange"],
}


def test_every_properties_element_lists_its_children_in_schema_order(draft):
    from lxml import etree

    checked = 0
    with zipfile.ZipFile(draft) as package:
        for part in ("word/styles.xml", "word/document.xml", "word/footer1.xml", "word/footer2.xml"):
            if part not in package.namelist():
                continue
            root = etree.fromstring(package.read(part))
            for name, order in SCHEMA_ORDER.items():
                for element in root.iter(qn(f"w:{name}")):
                    children = [etree.QName(child).localname for child in element]
                    known = [child for child in children if child in order]
                    assert known == sorted(known, key=order.index), f"{part}: <w:{name}> children {children}"
                    checked += 1
    assert checked > 50


def test_the_tail_lines_are_frames_stacked_on_the_foot_of_the_text_area(draft):
    doc = Document(str(draft))
    lines = paragraphs_with_style(doc, "简报-报尾")
    frames = [p._p.pPr.find(qn("w:framePr")) for p in lines]
    assert all(f is not None and f.get(qn("w:vAnchor")) == "margin" for f in frames)
    tops = [int(f.get(qn("w:y"))) for f in frames]
    pitch = 579  # one grid line, rules included
    assert [b - a for a, b in zip(tops, tops[1:])] == [pitch] * 3
    assert abs(tops[-1] + pitch - round(225 / 25.4 * 1440)) <= 2, "the last line ends at the foot of the text"
    # each its own frame (LibreOffice loses bordered paragraphs grouped in one)
    assert len({f.get(qn("w:hSpace")) for f in frames}) == len(frames)
