"""The one typographic spec of the briefing, read by both renderers.

Numbers follow GB/T 9704-2012 (党政机关公文格式) and the usual 简报 layout: A4, a 156 × 225 mm
text area, 22 lines of 28 characters in 3号 (16 pt) 仿宋 at a 28.95 pt pitch. The DOCX and the
PDF both take every size, colour and font role from here, so they cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

PT_PER_MM = 72 / 25.4

# Chinese type sizes (字号) in points.
SIZE = {
    "初号": 42.0, "小初": 36.0, "一号": 26.0, "小一": 24.0, "二号": 22.0, "小二": 18.0,
    "三号": 16.0, "小三": 15.0, "四号": 14.0, "小四": 12.0, "五号": 10.5,
}


@dataclass(frozen=True)
class FontRole:
    """A role in the document and the face that plays it in each renderer."""

    role: str
    docx_name: str  # the font officials' machines have; Word/WPS substitute if missing
    css_family: str  # the @font-face family the PDF embeds (bundled or operator-supplied)


@dataclass(frozen=True)
class TextStyle:
    role: str
    size_pt: float
    bold: bool = False
    color: str = "000000"
    align: str = "justify"  # left | center | right | justify
    indent_chars: float = 0  # first-line indent, in characters of this style
    space_before_pt: float = 0
    space_after_pt: float = 0
    line_pitch_pt: float | None = None  # None: the body pitch
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
    masthead_rule_pt: float = 2.25
    footer_rule_pt: float = 0.75
    footer_inner_rule_pt: float = 0.5
    page_number_gap_mm: float = 7  # page number sits this far below the text area

    @property
    def text_width_mm(self) -> float:
        return self.page_width_mm - self.margin_left_mm - self.margin_right_mm

    @property
    def text_width_pt(self) -> float:
        return self.text_width_mm * PT_PER_MM

    @property
    def char_pitch_pt(self) -> float:
        """The horizontal pitch that makes chars_per_line characters fill the line exactly."""
        return self.text_width_pt / self.chars_per_line


LAYOUT = Layout()

FONT_ROLES: dict[str, FontRole] = {
    "title": FontRole("title", "方正小标宋简体", "Briefing Title"),
    "heading": FontRole("heading", "黑体", "Briefing Heading"),
    "subheading": FontRole("subheading", "楷体_GB2312", "Briefing Subheading"),
    "body": FontRole("body", "仿宋_GB2312", "Briefing Body"),
    "number": FontRole("number", "宋体", "Briefing Number"),
}

BODY_PT = SIZE["三号"]

# Letter-spacing that brings body characters onto the grid pitch (negative: 28 characters of
# 16 pt are a little wider than 156 mm). Both renderers derive their grid settings from it.
GRID_SPACING_PT = LAYOUT.char_pitch_pt - BODY_PT

STYLES: dict[str, TextStyle] = {
    # 报头
    "masthead": TextStyle("title", 48.0, color=LAYOUT.red, align="center", line_pitch_pt=60),
    "issue_number": TextStyle("body", BODY_PT, align="center", space_before_pt=6),
    "issuer_line": TextStyle("body", BODY_PT, align="left"),
    # 本期要目
    "contents_heading": TextStyle("heading", BODY_PT, align="center", space_before_pt=6),
    "contents_entry": TextStyle("subheading", BODY_PT, align="left", indent_chars=2),
    # body
    "section_heading": TextStyle("heading", BODY_PT, align="left", indent_chars=2, outline_level=0,
                                 space_before_pt=6),
    "item_title": TextStyle("subheading", BODY_PT, align="left", indent_chars=2, outline_level=1),
    "body": TextStyle("body", BODY_PT, align="justify", indent_chars=2),
    "source": TextStyle("subheading", BODY_PT, align="right"),
    # 报尾
    "distribution": TextStyle("body", SIZE["四号"], align="left", line_pitch_pt=26),
    "page_number": TextStyle("number", SIZE["四号"], align="right"),
}

def styles_for(item_title: str = "subheading") -> dict[str, TextStyle]:
    """STYLES with the configurable choices applied ([render] item_title: 楷体 or bold 仿宋)."""
    if item_title == "bold_body":
        return {**STYLES, "item_title": replace(STYLES["item_title"], role="body", bold=True)}
    return dict(STYLES)


def font_roles(docx_fonts: dict[str, str] | None = None) -> dict[str, FontRole]:
    """FONT_ROLES with the operator's DOCX font names ([render] docx_fonts) applied."""
    docx_fonts = docx_fonts or {}
    return {role: replace(spec, docx_name=docx_fonts.get(role, spec.docx_name)) for role, spec in FONT_ROLES.items()}


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
