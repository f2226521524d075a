"""Issue -> editable DOCX draft (python-docx), formatted by named styles from render.layout.

Every paragraph gets a named style (简报-正文, 简报-一级标题 …) rather than direct formatting,
so an editor who types a new paragraph in Word or WPS gets the right look, and the navigation
pane shows the sections.
"""

from __future__ import annotations

import io
import itertools
import math
from datetime import datetime, time
from pathlib import Path
from typing import TYPE_CHECKING

from docx import Document as new_document
from docx.document import Document
from docx.enum.section import WD_SECTION
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.shared import Mm, Pt, RGBColor

from ..model import Issue
from . import ooxml
from .content import (
    CONTENTS_HEADING,
    PLACEHOLDER,
    contents_entries,
    copies_line,
    distribution_lines,
    source_line,
)
from .layout import (
    DOCX_STYLE_NAMES,
    GRID_SPACING_PT,
    LAYOUT,
    STYLES,
    FontRole,
    TextStyle,
    font_roles,
    page_number_text,
    section_prefix,
    styles_for,
)

if TYPE_CHECKING:
    from ..config import RenderSettings

ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}
TWIPS_PER_PT = 20

# How `briefing publish` recognises a draft and the issue it belongs to (File → Properties →
# Custom in Word and WPS). The issue's id is its folder name, e.g. 2026-11-26-daily-1.
PROPERTY_ISSUE = "BriefingIssue"
PROPERTY_EDITION = "BriefingEdition"
PROPERTY_DATE = "BriefingDate"
PROPERTY_NUMBER = "BriefingNumber"
PROPERTY_SPECIAL = "BriefingSpecial"
PROPERTY_FORMAT = "BriefingFormat"
DRAFT_FORMAT = "1"  # bumped when the draft's structure changes in a way publish must know

# Hidden bookmarks (a leading underscore hides them in Word's bookmark list) that travel with an
# item title or section heading when an editor cuts and pastes it.
ITEM_BOOKMARK = "_briefing_item_"
SECTION_BOOKMARK = "_briefing_section_"
BOOKMARK_MAX = 40  # Word's limit on a bookmark name

# Names Word and WPS fall back to when the exact face is missing (Windows ships 仿宋 and 楷体,
# not their _GB2312 versions).
ALTERNATIVE_FONT_NAMES = {"仿宋_GB2312": "仿宋", "楷体_GB2312": "楷体", "方正小标宋简体": "宋体"}


def render_docx(issue: Issue, target: Path, settings: RenderSettings | None = None) -> Path:
    doc = new_document()
    _set_up_page(doc)
    styles = styles_for(settings.item_title if settings else "subheading")
    roles = font_roles(settings.docx_fonts if settings else None)
    _define_styles(doc, styles, roles)
    _declare_fonts(doc, roles)
    _write_masthead(doc, issue)
    if issue.contents:
        _write_contents(doc, issue)
    _write_sections(doc, issue)
    _write_distribution(doc, issue)
    _write_page_numbers(doc)
    _set_properties(doc, issue)
    ooxml.drop_template_leftovers(doc)
    # zipped in memory, then written once: python-docx leaves its ZipFile open when a write fails
    # (a full disk), and the ZipFile's __del__ then prints a second traceback
    buffer = io.BytesIO()
    doc.save(buffer)
    target.write_bytes(buffer.getvalue())
    return target


def _set_up_page(doc: Document) -> None:
    section = doc.sections[0]
    section.start_type = WD_SECTION.NEW_PAGE
    section.page_width, section.page_height = Mm(LAYOUT.page_width_mm), Mm(LAYOUT.page_height_mm)
    section.top_margin, section.bottom_margin = Mm(LAYOUT.margin_top_mm), Mm(LAYOUT.margin_bottom_mm)
    section.left_margin, section.right_margin = Mm(LAYOUT.margin_left_mm), Mm(LAYOUT.margin_right_mm)
    section.footer_distance = Mm(LAYOUT.margin_bottom_mm - LAYOUT.page_number_gap_mm - 7)
    ooxml.set_doc_grid(section._sectPr, _twips(LAYOUT.line_pitch_pt), _char_space())


def _char_space() -> int:
    """w:charSpace for linesAndChars: the pitch beyond the body size, in 1/4096 pt."""
    return round(GRID_SPACING_PT * 4096)


def _condense_twentieths() -> int:
    """The whole twentieths of a point that bring a body character under the grid pitch."""
    return math.floor(GRID_SPACING_PT * 20)


def _define_styles(doc: Document, styles: dict[str, TextStyle], roles: dict[str, FontRole]) -> None:
    body_font = roles["body"].docx_name
    # docDefaults point at the theme's East Asian font (a Japanese face in python-docx's template),
    # and their size is what the document grid's character pitch is measured from.
    for rpr in doc.styles.element.xpath("w:docDefaults/w:rPrDefault/w:rPr"):
        ooxml.set_fonts(rpr, body_font)
        ooxml.set_size(rpr, STYLES["body"].size_pt)
    # The template's own styles (Heading 1, Title …) point at theme fonts too; without them they
    # fall back to the body font above instead of a Japanese face.
    ooxml.remove_theme_fonts(doc.styles.element)
    normal = doc.styles["Normal"]
    _apply(normal, styles["body"], roles)
    for key, name in DOCX_STYLE_NAMES.items():
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.quick_style = True
        _apply(style, styles[key], roles)
    body = doc.styles[DOCX_STYLE_NAMES["body"]]
    for key in ("section_heading", "item_title"):
        doc.styles[DOCX_STYLE_NAMES[key]].next_paragraph_style = body
    # Enter after a source line starts the next item.
    doc.styles[DOCX_STYLE_NAMES["source"]].next_paragraph_style = doc.styles[DOCX_STYLE_NAMES["item_title"]]
    _inset_distribution(doc.styles[DOCX_STYLE_NAMES["distribution"]])


def _inset_distribution(style) -> None:
    """报尾 lines start one character in and 共印N份 ends one character in (a right tab stop),
    while the paragraphs themselves keep no side indents: Word and LibreOffice draw a paragraph
    border from indent to indent, and the rules must span the whole text area."""
    one_char = STYLES["distribution"].size_pt
    style.paragraph_format.first_line_indent = Pt(one_char)
    ooxml.add_right_tab(style.element.get_or_add_pPr(), _twips(LAYOUT.text_width_pt - one_char))


def _declare_fonts(doc: Document, roles: dict[str, FontRole]) -> None:
    """Font table entries (GB2312 charset, fallback names) and the theme's East Asian faces, so
    nothing left in the package resolves to the template's Japanese fonts."""
    parts = {rel.reltype: rel.target_part for rel in doc.part.rels.values() if not rel.is_external}
    names = {role.docx_name: ALTERNATIVE_FONT_NAMES.get(role.docx_name) for role in roles.values()}
    ooxml.add_fonts_to_table(parts[RT.FONT_TABLE], names)
    ooxml.set_theme_east_asian_fonts(parts[RT.THEME], roles["heading"].docx_name, roles["body"].docx_name)
    ooxml.set_theme_font_language(doc.settings.element)


def _apply(style, spec: TextStyle, roles: dict[str, FontRole]) -> None:
    style.font.size = Pt(spec.size_pt)
    style.font.bold = spec.bold
    style.font.color.rgb = RGBColor.from_string(spec.color)
    ooxml.set_fonts(style.element.get_or_add_rPr(), roles[spec.role].docx_name)
    fmt = style.paragraph_format
    fmt.alignment = ALIGN[spec.align]
    fmt.first_line_indent = Pt(spec.indent_chars * spec.size_pt) if spec.indent_chars else Pt(0)
    fmt.space_before, fmt.space_after = Pt(spec.space_before_pt), Pt(spec.space_after_pt)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(spec.line_pitch_pt or LAYOUT.line_pitch_pt)
    fmt.widow_control = True
    if spec.outline_level is not None:
        ooxml.set_outline_level(style.element.get_or_add_pPr(), spec.outline_level)
        fmt.keep_with_next = True
    # The section keeps the 22 × 28 document grid (Word's page setup shows it), but paragraphs
    # do not snap to it: LibreOffice puts a 16 pt character into two 15.8 pt grid cells, halving
    # the line. Condensing body-size text by a quarter point fits 28 characters per line in
    # Word, WPS and LibreOffice alike.
    ooxml.set_snap_to_grid(style.element.get_or_add_pPr(), False)
    if spec.size_pt == STYLES["body"].size_pt and spec.role != "title":
        ooxml.set_char_spacing(style.element.get_or_add_rPr(), _condense_twentieths())


def _para(doc: Document, key: str, text: str = ""):
    return doc.add_paragraph(text, style=DOCX_STYLE_NAMES[key])


def _write_masthead(doc: Document, issue: Issue) -> None:
    m = issue.masthead
    _para(doc, "masthead", m.title)
    _para(doc, "issue_number", m.number_line)
    line = _para(doc, "issuer_line", f"{m.issuer}\t{m.date_line}")
    ppr = line._p.get_or_add_pPr()
    ooxml.add_right_tab(ppr, _twips(LAYOUT.text_width_pt))
    ooxml.set_border(ppr, "bottom", LAYOUT.masthead_rule_pt, LAYOUT.red, space_pt=4)


def _write_contents(doc: Document, issue: Issue) -> None:
    entries = contents_entries(issue)
    if not entries:
        return
    _para(doc, "contents_heading", CONTENTS_HEADING)
    for _, titles in entries:
        for title in titles:
            _para(doc, "contents_entry", title)


def _write_sections(doc: Document, issue: Issue) -> None:
    bookmark_ids = itertools.count(1)
    for index, section in enumerate(issue.sections):
        heading = _para(doc, "section_heading", f"{section_prefix(index)}{section.title}")
        ooxml.add_bookmark(heading, SECTION_BOOKMARK + section.id, next(bookmark_ids))
        if not section.items:
            _para(doc, "body", PLACEHOLDER)
        for item in section.items:
            title = _para(doc, "item_title", item.title)
            if item.article_id:
                ooxml.add_bookmark(title, (ITEM_BOOKMARK + item.article_id)[:BOOKMARK_MAX], next(bookmark_ids))
            for paragraph in item.paragraphs or ("",):
                _para(doc, "body", paragraph)
            line = source_line(item)
            if line:
                _para(doc, "source", line)


def _write_distribution(doc: Document, issue: Issue) -> None:
    lines = [f"{label}{names}" for label, names in distribution_lines(issue.distribution)]
    copies = copies_line(issue.distribution)
    if copies:
        lines.append(f"\t{copies}")  # to the style's right tab stop, one character in
    if not lines:
        return
    _para(doc, "body")  # a blank line between the last item and the 报尾
    paragraphs = [_para(doc, "distribution", text) for text in lines]
    for k, paragraph in enumerate(paragraphs):
        ppr = paragraph._p.get_or_add_pPr()
        if k == 0:
            ooxml.set_border(ppr, "top", LAYOUT.footer_rule_pt, "000000")
        is_last = k == len(paragraphs) - 1
        ooxml.set_border(ppr, "bottom", LAYOUT.footer_rule_pt if is_last else LAYOUT.footer_inner_rule_pt, "000000")
        # Consecutive paragraphs with the same borders form one group that draws its bottom rule
        # once; the between rule is what separates the 报、送、发 lines inside that group.
        ooxml.set_border(ppr, "between", LAYOUT.footer_inner_rule_pt, "000000")


def _write_page_numbers(doc: Document) -> None:
    doc.settings.odd_and_even_pages_header_footer = True
    section = doc.sections[0]
    one_char = Pt(STYLES["page_number"].size_pt)
    for footer, align in ((section.footer, WD_ALIGN_PARAGRAPH.RIGHT), (section.even_page_footer, WD_ALIGN_PARAGRAPH.LEFT)):
        footer.is_linked_to_previous = False
        paragraph = footer.paragraphs[0]
        paragraph.style = doc.styles[DOCX_STYLE_NAMES["page_number"]]
        paragraph.alignment = align
        if align == WD_ALIGN_PARAGRAPH.RIGHT:
            paragraph.paragraph_format.right_indent = one_char
        else:
            paragraph.paragraph_format.left_indent = one_char
        before, after = page_number_text("|").split("|")
        paragraph.add_run(before)
        ooxml.add_page_field(paragraph)
        paragraph.add_run(after)


def _set_properties(doc: Document, issue: Issue) -> None:
    props = doc.core_properties
    props.title = issue.file_stem
    props.author = issue.masthead.issuer
    props.subject = issue.briefing
    props.identifier = issue.folder_name
    props.created = datetime.combine(issue.masthead.date, time(8, 0))
    props.last_modified_by = "briefing"
    props.keywords = "简报"
    props.comments = "简报草稿：修改后用 briefing publish 生成正式版。"
    n = issue.masthead.number
    ooxml.set_custom_properties(doc, {
        PROPERTY_ISSUE: issue.folder_name,
        PROPERTY_EDITION: issue.edition,
        PROPERTY_DATE: issue.masthead.date.isoformat(),
        PROPERTY_NUMBER: str(n.number),
        PROPERTY_SPECIAL: "true" if n.special else "false",
        PROPERTY_FORMAT: DRAFT_FORMAT,
    })


def _twips(points: float) -> int:
    return round(points * TWIPS_PER_PT)
