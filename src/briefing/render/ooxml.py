"""The raw OOXML python-docx has no API for: East Asian fonts, the document grid, borders,
tab stops and PAGE fields. Kept here, in one place, so the renderer reads as prose.
"""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

THEME_FONT_ATTRIBUTES = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def _child(parent, tag: str, before: tuple[str, ...] = ()):
    """The first child `tag` of parent, created (in schema order, if `before` says) when absent."""
    found = parent.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        successor = next((parent.find(qn(t)) for t in before if parent.find(qn(t)) is not None), None)
        if successor is not None:
            successor.addprevious(found)
        else:
            parent.append(found)
    return found


def set_fonts(rpr, font_name: str) -> None:
    """All four w:rFonts slots to font_name, theme fonts removed, East Asian language zh-CN.

    `font.name` in python-docx sets ascii/hAnsi only, and theme attributes win over explicit
    ones, which is how Word ends up showing Chinese in a Japanese face.
    """
    rfonts = _child(rpr, "w:rFonts")
    for attribute in THEME_FONT_ATTRIBUTES:
        if rfonts.get(qn(attribute)) is not None:
            del rfonts.attrib[qn(attribute)]
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        rfonts.set(qn(slot), font_name)
    rfonts.set(qn("w:hint"), "eastAsia")
    lang = _child(rpr, "w:lang")
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), "zh-CN")


def set_size(rpr, size_pt: float) -> None:
    """Font size in half-points, Latin and complex scripts alike."""
    for tag in ("w:sz", "w:szCs"):
        _child(rpr, tag).set(qn("w:val"), str(round(size_pt * 2)))


def set_char_spacing(rpr, twentieths_pt: int) -> None:
    """Expand (+) or condense (-) every character, in twentieths of a point."""
    _child(rpr, "w:spacing", before=("w:w", "w:kern", "w:position", "w:sz")).set(qn("w:val"), str(twentieths_pt))


def set_doc_grid(sect_pr, line_pitch_twips: int, char_space: int) -> None:
    grid = _child(sect_pr, "w:docGrid")
    grid.set(qn("w:type"), "linesAndChars")
    grid.set(qn("w:linePitch"), str(line_pitch_twips))
    grid.set(qn("w:charSpace"), str(char_space))


def set_border(ppr, side: str, size_pt: float, color: str, space_pt: int = 1) -> None:
    """A paragraph border (top/bottom) — how a 简报 draws its red rule and 报尾 lines."""
    borders = _child(ppr, "w:pBdr", before=("w:shd", "w:tabs", "w:spacing", "w:ind", "w:jc"))
    edge = _child(borders, f"w:{side}")
    edge.set(qn("w:val"), "single")
    edge.set(qn("w:sz"), str(round(size_pt * 8)))  # eighths of a point
    edge.set(qn("w:space"), str(space_pt))
    edge.set(qn("w:color"), color)


def add_right_tab(ppr, position_twips: int) -> None:
    tabs = _child(ppr, "w:tabs", before=("w:spacing", "w:ind", "w:jc"))
    tab = OxmlElement("w:tab")
    tab.set(qn("w:val"), "right")
    tab.set(qn("w:pos"), str(position_twips))
    tabs.append(tab)


def set_outline_level(ppr, level: int) -> None:
    _child(ppr, "w:outlineLvl").set(qn("w:val"), str(level))


def set_snap_to_grid(ppr, snap: bool) -> None:
    _child(ppr, "w:snapToGrid").set(qn("w:val"), "1" if snap else "0")


def add_page_field(paragraph) -> None:
    """A PAGE field (complex field form, which Word and WPS both update on open)."""
    def run_with(element):
        run = paragraph.add_run()
        run._r.append(element)
        return run

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run_with(begin)
    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = " PAGE "
    run_with(instruction)
    separate = OxmlElement("w:fldChar")
    separate.set(qn("w:fldCharType"), "separate")
    run_with(separate)
    paragraph.add_run("1")
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)
