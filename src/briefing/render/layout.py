"""The one typographic spec of the briefing, read by both renderers.

Numbers follow GB/T 9704-2012 (党政机关公文格式) and the usual 简报 layout: A4, a 156 × 225 mm
text area, 22 lines of 28 characters in 3号 (16 pt) 仿宋 at a 28.95 pt pitch. Every vertical
distance is a whole number of grid lines or is given here, so the DOCX (laid out by Word, WPS or
LibreOffice) and the PDF (laid out by WeasyPrint) put the same line at the same height: the CSS
template takes no number that is not in this module.

Where text sits in a line: Word and LibreOffice put the baseline of a line of exact height at
four fifths of it (BASELINE_FRACTION); the PDF puts its baselines there too.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

PT_PER_MM = 72 / 25.4
BASELINE_FRACTION = 0.8  # of an exact line's height, from its top (Word, WPS, LibreOffice)

# Chinese type sizes (字号) in points.
SIZE = {
    "初号": 42.0, "小初": 36.0, "一号": 26.0, "小一": 24.0, "二号": 22.0, "小二": 18.0,
    "三号": 16.0, "小三": 15.0, "四号": 14.0, "小四": 12.0, "五号": 10.5,
}

# Paragraph border widths Word and WPS can store (w:sz, eighths of a point).
WORD_BORDER_EIGHTHS = (2, 4, 6, 8, 12, 18, 24, 36, 48)


def word_border_pt(mm: float) -> float:
    """The Word border width nearest to mm, in points: both documents draw exactly that."""
    eighths = min(WORD_BORDER_EIGHTHS, key=lambda e: abs(e / 8 - mm * PT_PER_MM))
    return eighths / 8


@dataclass(frozen=True)
class FontRole:
    """A role in the document: the font the DOCX names (what officials' machines have; Word and
    WPS substitute if missing), and the family names of licensed files an operator may drop into
    fonts/ to play it in the PDF (the bundled stand-ins are listed in fonts/fonts.toml)."""

    role: str
    docx_name: str
    licensed_families: tuple[str, ...] = ()


@dataclass(frozen=True)
class TextStyle:
    role: str
    size_pt: float
    bold: bool = False
    color: str = "000000"
    align: str = "justify"  # left | center | right | justify
    indent_chars: float = 0  # first-line indent, in characters of this style
    lines: int = 1  # height of each of its lines, in grid lines
    space_after_lines: int = 0  # blank grid lines after the paragraph
    tracking_em: float = 0  # extra letter-spacing (the masthead's name is spaced out)
    outline_level: int | None = None  # shows in Word's navigation pane


@dataclass(frozen=True)
class Layout:
    page_width_mm: float = 210
    page_height_mm: float = 297
    margin_top_mm: float = 37
    margin_bottom_mm: float = 35
    margin_left_mm: float = 28
    margin_right_mm: float = 26
    lines_per_page: int = 22
    chars_per_line: int = 28
    line_pitch_pt: float = 28.95
    red: str = "E60012"  # C0 M80 Y80 K0, the red of 红头
    masthead_rule_pt: float = 2.25  # the red rule under the 编印单位 line
    masthead_rule_gap_pt: int = 7  # from the foot of the 编印单位 line to the red rule (whole points, as Word stores it)
    tail_outer_rule_mm: float = 0.35  # 版记: first and last rules (GB/T 9704 7.4.1)
    tail_inner_rule_mm: float = 0.25  # 版记: the rules between its lines
    page_number_gap_mm: float = 7  # the page number's 一字线 sits this far below the text area

    @property
    def text_width_mm(self) -> float:
        return self.page_width_mm - self.margin_left_mm - self.margin_right_mm

    @property
    def text_height_mm(self) -> float:
        return self.page_height_mm - self.margin_top_mm - self.margin_bottom_mm

    @property
    def text_width_pt(self) -> float:
        return self.text_width_mm * PT_PER_MM

    @property
    def char_pitch_pt(self) -> float:
        """The horizontal pitch that makes chars_per_line characters fill the line exactly."""
        return self.text_width_pt / self.chars_per_line

    @property
    def tail_outer_rule_pt(self) -> float:
        return word_border_pt(self.tail_outer_rule_mm)

    @property
    def tail_inner_rule_pt(self) -> float:
        return word_border_pt(self.tail_inner_rule_mm)

    @property
    def masthead_rule_space_after_pt(self) -> float:
        """What is left of the grid line below the 编印单位 line once gap and rule are drawn, so
        the text after the masthead starts on a grid line again."""
        return self.line_pitch_pt - self.masthead_rule_gap_pt - self.masthead_rule_pt


LAYOUT = Layout()

FONT_ROLES: dict[str, FontRole] = {
    "title": FontRole("title", "方正小标宋简体",
                      ("方正小标宋简体", "方正小标宋_GBK", "FZXiaoBiaoSong-B05S", "FZXiaoBiaoSong-B05")),
    "heading": FontRole("heading", "黑体", ("黑体", "SimHei", "方正黑体简体", "FZHei-B01S")),
    "subheading": FontRole("subheading", "楷体_GB2312",
                           ("楷体_GB2312", "KaiTi_GB2312", "楷体", "KaiTi", "方正楷体简体", "FZKai-Z03S")),
    "body": FontRole("body", "仿宋_GB2312",
                     ("仿宋_GB2312", "FangSong_GB2312", "仿宋", "FangSong", "方正仿宋简体", "FZFangSong-Z02S")),
    "number": FontRole("number", "宋体", ("宋体", "SimSun", "方正书宋简体", "FZShuSong-Z01S")),
}

BODY_PT = SIZE["三号"]

# Letter-spacing that brings body characters onto the grid pitch (negative: 28 characters of
# 16 pt are a little wider than 156 mm). Both renderers derive their grid settings from it.
GRID_SPACING_PT = LAYOUT.char_pitch_pt - BODY_PT

STYLES: dict[str, TextStyle] = {
    # 报头: the name on two grid lines, then 期号 and 编印单位/date, then the red rule; the text
    # after it starts on the fifth grid line below the masthead's name.
    "masthead": TextStyle("title", 48.0, color=LAYOUT.red, align="center", lines=2, tracking_em=0.1),
    "issue_number": TextStyle("body", BODY_PT, align="center"),
    "issuer_line": TextStyle("body", BODY_PT, align="left"),
    # 本期要目, then a blank line
    "contents_heading": TextStyle("heading", BODY_PT, align="center"),
    "contents_entry": TextStyle("subheading", BODY_PT, align="left", indent_chars=2),
    # body
    "section_heading": TextStyle("heading", BODY_PT, align="left", indent_chars=2, outline_level=0),
    "item_title": TextStyle("subheading", BODY_PT, align="left", indent_chars=2, outline_level=1),
    "body": TextStyle("body", BODY_PT, align="justify", indent_chars=2),
    "source": TextStyle("subheading", BODY_PT, align="right"),
    # 报尾 (版记): 4号 仿宋, one grid line each, one character in from both sides (GB/T 9704 7.4)
    "distribution": TextStyle("body", SIZE["四号"], align="left", indent_chars=1),
    "page_number": TextStyle("number", SIZE["四号"], align="right"),
}

# Blank grid lines after the 本期要目 list (the DOCX writes an empty paragraph).
CONTENTS_SPACE_AFTER_LINES = 1


def styles_for(item_title: str = "subheading") -> dict[str, TextStyle]:
    """STYLES with the configurable choices applied ([render] item_title: 楷体 or bold 仿宋)."""
    if item_title == "bold_body":
        return {**STYLES, "item_title": replace(STYLES["item_title"], role="body", bold=True)}
    return dict(STYLES)


def font_roles(docx_fonts: dict[str, str] | None = None) -> dict[str, FontRole]:
    """FONT_ROLES with the operator's DOCX font names ([render] docx_fonts) applied."""
    docx_fonts = docx_fonts or {}
    return {role: replace(spec, docx_name=docx_fonts.get(role, spec.docx_name)) for role, spec in FONT_ROLES.items()}


def line_height_pt(style: TextStyle) -> float:
    return style.lines * LAYOUT.line_pitch_pt


def baseline_pt(style: TextStyle) -> float:
    """Where the style's baseline sits below the top of its line, in both documents."""
    return BASELINE_FRACTION * line_height_pt(style)


def tail_rules_pt(index: int, count: int) -> tuple[float, float]:
    """The rules above and below the index-th of count 报尾 lines: 0.35 mm above the first and
    below the last, 0.25 mm between (GB/T 9704 7.4.1)."""
    top = LAYOUT.tail_outer_rule_pt if index == 0 else 0.0
    bottom = LAYOUT.tail_outer_rule_pt if index == count - 1 else LAYOUT.tail_inner_rule_pt
    return top, bottom


def tail_line_height_pt(index: int, count: int) -> float:
    """A 报尾 line's height without its rules: with them it is exactly one grid line, so the
    报尾's last rule falls on the foot of the text area."""
    top, bottom = tail_rules_pt(index, count)
    return line_height_pt(STYLES["distribution"]) - top - bottom


def letter_spacing_pt(style: TextStyle) -> float:
    """Letter-spacing of a style in both documents, in whole twentieths of a point (what Word
    stores): text of the body size is condensed onto the 28-character grid, and tracking added."""
    grid = GRID_SPACING_PT if style.size_pt == BODY_PT and style.role != "title" else 0.0
    return math.floor((grid + style.tracking_em * style.size_pt) * 20) / 20


# The top of the 一字线 (em dash) above the baseline in the number font, in em: 0.40 in the
# bundled Noto Serif CJK SC, about the same in SimSun.
PAGE_NUMBER_DASH_EM = 0.40


def page_number_baseline_below_text_mm() -> float:
    """GB/T 9704 7.5: the page number's 一字线 lies page_number_gap_mm below the text area."""
    return LAYOUT.page_number_gap_mm + PAGE_NUMBER_DASH_EM * STYLES["page_number"].size_pt / PT_PER_MM


# Style names editors see in Word/WPS (and that `publish` reads back).
DOCX_STYLE_NAMES: dict[str, str] = {
    "masthead": "简报-报头",
    "issue_number": "简报-期号",
    "issuer_line": "简报-编印单位",
    "contents_heading": "简报-要目标题",
    "contents_entry": "简报-要目",
    "section_heading": "简报-一级标题",
    "item_title": "简报-条目标题",
    "body": "简报-正文",
    "source": "简报-来源",
    "distribution": "简报-报尾",
    "page_number": "简报-页码",
}

CHINESE_NUMERALS = "一二三四五六七八九十"


def section_prefix(index: int) -> str:
    """一、 二、 … for the index-th section (0-based)."""
    if index < 10:
        return f"{CHINESE_NUMERALS[index]}、"
    return f"{index + 1}、"


def page_number_text(number: int | str) -> str:
    return f"— {number} —"


@dataclass(frozen=True)
class PdfOptions:
    """What the PDF takes from `[render]`, as plain data: the PDF worker unpickles it without
    importing the settings' pydantic models (a twelfth of a second of a cold build's critical path)."""

    item_title: str = "subheading"
    pdf_variant: str = ""

    @classmethod
    def of(cls, settings) -> PdfOptions:
        return cls(settings.item_title, settings.pdf_variant) if settings is not None else cls()

