"""Issue -> editable DOCX draft (python-docx), formatted by named styles from render.layout.

Every paragraph gets a named style (简报-正文, 简报-一级标题 …) rather than direct formatting,
so an editor who types a new paragraph in Word or WPS gets the right look, and the navigation
pane shows the sections.
"""

from __future__ import annotations

import io
import itertools
import re
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
    BASELINE_FRACTION,
    CONTENTS_SPACE_AFTER_LINES,
    DOCX_STYLE_NAMES,
    LAYOUT,
    PT_PER_MM,
    STYLES,
    FontRole,
    TextStyle,
    font_roles,
    letter_spacing_pt,
    tail_line_height_pt,
    tail_rules_pt,
    line_height_pt,
    page_number_baseline_below_text_mm,
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
    para = _paragraphs(doc, _define_styles(doc, styles, roles))
    _declare_fonts(doc, roles)
    _write_masthead(para, issue)
    if issue.contents:
        _write_contents(para, issue)
    _write_sections(para, issue)
    _write_distribution(para, issue)
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
    section.footer_distance = Pt(_footer_distance_pt())
    ooxml.set_line_grid(section._sectPr, _twips(LAYOUT.line_pitch_pt))


def _footer_distance_pt() -> float:
    """Word's footer distance (page bottom to the foot of the footer's line) that puts the page
    number's baseline where layout says: its 一字线 page_number_gap_mm below the text area."""
    line = line_height_pt(STYLES["page_number"])
    baseline_from_page_top = (LAYOUT.page_height_mm - LAYOUT.margin_bottom_mm
                              + page_number_baseline_below_text_mm()) * PT_PER_MM
    return LAYOUT.page_height_mm * PT_PER_MM - baseline_from_page_top - (1 - BASELINE_FRACTION) * line


def _define_styles(doc: Document, styles: dict[str, TextStyle], roles: dict[str, FontRole]) -> dict[str, str]:
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
    ours = {}
    for key, name in DOCX_STYLE_NAMES.items():
        style = ours[key] = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = normal
        style.quick_style = True
        _apply(style, styles[key], roles)
    for key in ("section_heading", "item_title"):
        ours[key].next_paragraph_style = ours["body"]
    # Enter after a source line starts the next item.
    ours["source"].next_paragraph_style = ours["item_title"]
    _inset_distribution(ours["distribution"])
    return {key: style.style_id for key, style in ours.items()}


def _inset_distribution(style) -> None:
    """报尾 lines start one character in and 共印N份 ends one character in (a right tab stop),
    while the paragraphs themselves keep no side indents: Word and LibreOffice draw a paragraph
    border from indent to indent, and the rules must span the whole text area."""
    one_char = STYLES["distribution"].size_pt
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
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(spec.space_after_lines * LAYOUT.line_pitch_pt)
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(line_height_pt(spec))
    fmt.widow_control = True
    if spec.outline_level is not None:
        ooxml.set_outline_level(style.element.get_or_add_pPr(), spec.outline_level)
        fmt.keep_with_next = True
    # The section keeps the 22 × 28 document grid (Word's page setup shows it), but paragraphs
    # do not snap to it: LibreOffice puts a 16 pt character into two 15.8 pt grid cells, halving
    # the line. Condensing body-size text onto the grid pitch (layout.letter_spacing_pt) fits 28
    # characters per line in Word, WPS and LibreOffice alike; no punctuation hangs in the margin.
    ppr = style.element.get_or_add_pPr()
    ooxml.set_snap_to_grid(ppr, False)
    ooxml.set_overflow_punctuation(ppr)
    ooxml.set_east_asian_autospace(ppr, False)
    if spacing := letter_spacing_pt(spec):
        ooxml.set_char_spacing(style.element.get_or_add_rPr(), round(spacing * 20))


# what XML 1.0 cannot hold; the text stages remove it already, this keeps the renderer from ever
# failing on a character that slipped through (an outlet's name from a feed, a config value)
_XML_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _paragraphs(doc: Document, style_ids: dict[str, str]):
    """para(key, text): a new paragraph at the end of the body in the style `key`.

    python-docx finds a style given by name by walking every style of the template, for each
    paragraph; the ids of our own styles set each paragraph's style directly."""
    def para(key: str, text: str = ""):
        paragraph = doc.add_paragraph(_XML_UNSAFE.sub("", text))
        paragraph._p.style = style_ids[key]
        return paragraph

    return para


def _write_masthead(para, issue: Issue) -> None:
    m = issue.masthead
    para("masthead", m.title)
    para("issue_number", m.number_line)
    line = para("issuer_line", f"{m.issuer}\t{m.date_line}")
    ppr = line._p.get_or_add_pPr()
    ooxml.add_right_tab(ppr, _twips(LAYOUT.text_width_pt))
    # the red rule a fixed gap below the line, and the rest of that grid line after it, so the
    # text after the masthead starts on the grid
    ooxml.set_border(ppr, "bottom", LAYOUT.masthead_rule_pt, LAYOUT.red, space_pt=LAYOUT.masthead_rule_gap_pt)
    line.paragraph_format.space_after = Pt(LAYOUT.masthead_rule_space_after_pt)


def _write_contents(para, issue: Issue) -> None:
    entries = contents_entries(issue)
    if not entries:
        return
    para("contents_heading", CONTENTS_HEADING)
    for _, titles in entries:
        for title in titles:
            para("contents_entry", title)
    for _ in range(CONTENTS_SPACE_AFTER_LINES):
        para("body")


def _write_sections(para, issue: Issue) -> None:
    bookmark_ids = itertools.count(1)
    for index, section in enumerate(issue.sections):
        heading = para("section_heading", f"{section_prefix(index)}{section.title}")
        ooxml.add_bookmark(heading, SECTION_BOOKMARK + section.id, next(bookmark_ids))
        if not section.items:
            para("body", PLACEHOLDER)
        for item in section.items:
            title = para("item_title", item.title)
            if item.article_id:
                ooxml.add_bookmark(title, (ITEM_BOOKMARK + item.article_id)[:BOOKMARK_MAX], next(bookmark_ids))
            for paragraph in item.paragraphs or ("",):
                para("body", paragraph)
            line = source_line(item)
            if line:
                para("source", line)


def _write_distribution(para, issue: Issue) -> None:
    """The 报尾 at the foot of the last page: each line one grid line high (rules included) in a
    frame of its own, the last ending at the foot of the text area, whatever the editor changes
    above it."""
    lines = [f"{label}{names}" for label, names in distribution_lines(issue.distribution)]
    copies = copies_line(issue.distribution)
    if copies:
        lines.append(f"\t{copies}")  # to the style's right tab stop, one character in
    if not lines:
        return
    pitch = line_height_pt(STYLES["distribution"])
    text_height_pt = LAYOUT.text_height_mm * PT_PER_MM
    for k, text in enumerate(lines):
        paragraph = para("distribution", text)
        ppr = paragraph._p.get_or_add_pPr()
        ooxml.set_frame(ppr, _twips(LAYOUT.text_width_pt), _twips(text_height_pt - (len(lines) - k) * pitch), serial=k)
        top, bottom = tail_rules_pt(k, len(lines))
        if top:
            ooxml.set_border(ppr, "top", top, "000000", space_pt=0)
        ooxml.set_border(ppr, "bottom", bottom, "000000", space_pt=0)
        paragraph.paragraph_format.line_spacing = Pt(tail_line_height_pt(k, len(lines)))
    # LibreOffice loses the frame of the next-to-last of framed paragraphs that end a document;
    # a hair-thin empty paragraph after them (it fits below 22 full lines) keeps them all.
    ooxml.make_hairline(para("body")._p.get_or_add_pPr())


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
