"""The raw OOXML python-docx has no API for: East Asian fonts, the document grid, borders,
tab stops and PAGE fields. Kept here, in one place, so the renderer reads as prose.
"""

from __future__ import annotations

import re

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

THEME_FONT_ATTRIBUTES = ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme")


def _schema_order(element_class, first_child: str) -> tuple[str, ...]:
    """The children of an element, in the order the schema fixes, as python-docx's element class
    knows it (its inserter for the first child carries the full successor list)."""
    inserter = getattr(element_class, f"_insert_{first_child}")
    child = next(cell.cell_contents for cell in inserter.__closure__ if hasattr(cell.cell_contents, "_successors"))
    return (child._nsptagname, *child._successors)


def _orders() -> dict[str, tuple[str, ...]]:
    from docx.oxml.settings import CT_Settings
    from docx.oxml.text.font import CT_RPr
    from docx.oxml.text.parfmt import CT_PPr

    return {
        qn("w:settings"): _schema_order(CT_Settings, "evenAndOddHeaders"),
        qn("w:pPr"): _schema_order(CT_PPr, "pStyle"),
        qn("w:rPr"): _schema_order(CT_RPr, "rStyle"),
        # python-docx declares only the first few children of these; the rest from ECMA-376
        qn("w:sectPr"): ("w:headerReference", "w:footerReference", "w:footnotePr", "w:endnotePr", "w:type",
                         "w:pgSz", "w:pgMar", "w:paperSrc", "w:pgBorders", "w:lnNumType", "w:pgNumType",
                         "w:cols", "w:formProt", "w:vAlign", "w:noEndnote", "w:titlePg", "w:textDirection",
                         "w:bidi", "w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange"),
        qn("w:pBdr"): ("w:top", "w:left", "w:bottom", "w:right", "w:between", "w:bar"),
    }


SCHEMA_ORDER: dict[str, tuple[str, ...]] = {}


def _child(parent, tag: str):
    """The child `tag` of parent, created in its schema position when absent (Word may reject or
    "repair" a file whose pPr/rPr children are out of order; LibreOffice does not mind)."""
    found = parent.find(qn(tag))
    if found is not None:
        return found
    if not SCHEMA_ORDER:
        SCHEMA_ORDER.update(_orders())
    order = SCHEMA_ORDER.get(parent.tag)
    element = OxmlElement(tag)
    if order is None or tag not in order:
        parent.append(element)
        return element
    successors = {qn(t) for t in order[order.index(tag) + 1:]}
    following = next((child for child in parent if child.tag in successors), None)
    if following is not None:
        following.addprevious(element)
    else:
        parent.append(element)
    return element


def children_in_schema_order(element) -> bool:
    """True when element's children (of a kind SCHEMA_ORDER knows) follow the schema's order."""
    if not SCHEMA_ORDER:
        SCHEMA_ORDER.update(_orders())
    order = [qn(tag) for tag in SCHEMA_ORDER.get(element.tag, ())]
    positions = [order.index(child.tag) for child in element if child.tag in order]
    return positions == sorted(positions)


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
    _child(rpr, "w:spacing").set(qn("w:val"), str(twentieths_pt))


def set_line_grid(sect_pr, line_pitch_twips: int) -> None:
    """The section's document grid of lines (Word: 只指定行网格). Not linesAndChars: LibreOffice
    lays text out on a character grid cell by cell and then sets 27 characters a line and hangs
    punctuation in the margin; the letter-spacing of the styles makes the 28 characters instead."""
    grid = _child(sect_pr, "w:docGrid")
    grid.set(qn("w:type"), "lines")
    grid.set(qn("w:linePitch"), str(line_pitch_twips))
    if grid.get(qn("w:charSpace")) is not None:
        del grid.attrib[qn("w:charSpace")]


def set_border(ppr, side: str, size_pt: float, color: str, space_pt: int = 1) -> None:
    """A paragraph border (top/bottom) — how a 简报 draws its red rule and 报尾 lines."""
    borders = _child(ppr, "w:pBdr")
    edge = _child(borders, f"w:{side}")
    edge.set(qn("w:val"), "single")
    edge.set(qn("w:sz"), str(round(size_pt * 8)))  # eighths of a point (see layout.word_border_pt)
    edge.set(qn("w:space"), str(space_pt))
    edge.set(qn("w:color"), color)


def add_right_tab(ppr, position_twips: int) -> None:
    tabs = _child(ppr, "w:tabs")
    tab = OxmlElement("w:tab")
    tab.set(qn("w:val"), "right")
    tab.set(qn("w:pos"), str(position_twips))
    tabs.append(tab)


def set_outline_level(ppr, level: int) -> None:
    _child(ppr, "w:outlineLvl").set(qn("w:val"), str(level))


def set_snap_to_grid(ppr, snap: bool) -> None:
    _child(ppr, "w:snapToGrid").set(qn("w:val"), "1" if snap else "0")


def set_overflow_punctuation(ppr) -> None:
    """w:overflowPunct on: Word's own default, written out for LibreOffice, which reads the
    setting inverted (its DOCX import maps 0 to "allow hanging punctuation") and otherwise hangs
    closing marks in the right margin. The PDF never hangs them."""
    _child(ppr, "w:overflowPunct").set(qn("w:val"), "1")


def make_hairline(ppr) -> None:
    """An empty paragraph 0.7 pt high (Word's least exact line height)."""
    spacing = _child(ppr, "w:spacing")
    for attribute, value in (("w:before", "0"), ("w:after", "0"), ("w:line", "14"), ("w:lineRule", "exact")):
        spacing.set(qn(attribute), value)
    set_size(_child(ppr, "w:rPr"), 1)


def set_east_asian_autospace(ppr, on: bool) -> None:
    """w:autoSpaceDE/DN: the quarter-em gaps Word and LibreOffice insert between Chinese and
    Latin letters or digits (on by default). The PDF has none; a space that is not in the text
    is a typesetting artefact, and it costs LibreOffice a character on the line."""
    for tag in ("w:autoSpaceDE", "w:autoSpaceDN"):
        _child(ppr, tag).set(qn("w:val"), "1" if on else "0")


def set_frame(ppr, width_twips: int, top_twips: int, serial: int = 0) -> None:
    """w:framePr: the paragraph in a frame of its own, top_twips below the top of the text area
    of the page where it falls, the width of the text, text above and below it only. Word, WPS
    and LibreOffice keep such a frame in place whatever is edited above it. (LibreOffice drops
    the frame of a group of framed paragraphs that have borders, so each 报尾 line gets its own.)"""
    frame = _child(ppr, "w:framePr")
    for attribute, value in (("w:w", str(width_twips)), ("w:wrap", "notBeside"), ("w:vAnchor", "margin"),
                             ("w:hAnchor", "margin"), ("w:xAlign", "center"), ("w:y", str(top_twips)),
                             # LibreOffice takes consecutive frames that differ only in their
                             # position for one; a distinct (and, with notBeside, unused)
                             # horizontal text distance keeps them apart
                             ("w:hSpace", str(serial))):
        frame.set(qn(attribute), value)


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


# --- package-level clean-up: what python-docx's default template carries that a 简报 must not ---

STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"


def drop_template_leftovers(doc) -> None:
    """Remove the template's thumbnail (Explorer would preview a blank Latin page) and its
    stylesWithEffects part (a second copy of the styles, with theme fonts, for Word 2010)."""
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    # Parts no relationship points at are not written when the package is saved.
    for rels in (doc.part.package.rels, doc.part.rels):
        for rel_id, rel in list(rels.items()):
            if rel.reltype in (RT.THUMBNAIL, STYLES_WITH_EFFECTS):
                del rels[rel_id]


def remove_theme_fonts(styles_element) -> int:
    """Strip theme font attributes from every style (headings, captions … of the template):
    a theme reference wins over an explicit font and resolves to a Japanese face."""
    removed = 0
    for rfonts in styles_element.iter(qn("w:rFonts")):
        for attribute in THEME_FONT_ATTRIBUTES:
            if rfonts.get(qn(attribute)) is not None:
                del rfonts.attrib[qn(attribute)]
                removed += 1
    return removed


def set_theme_font_language(settings_element, east_asian: str = "zh-CN") -> None:
    """w:themeFontLang: which script's theme font Word uses (the template says ja-JP)."""
    lang = _child(settings_element, "w:themeFontLang")
    lang.set(qn("w:val"), "en-US")
    lang.set(qn("w:eastAsia"), east_asian)


A_NS = "http://schemas.openxmlformats.org/drawingml/2006/main"


def set_theme_east_asian_fonts(theme_part, major: str, minor: str) -> None:
    """The theme's major/minor East Asian typefaces, for anything that still asks the theme
    (text an editor pastes with theme fonts)."""
    from lxml import etree

    root = etree.fromstring(theme_part.blob, _safe_parser())
    for kind, face in (("majorFont", major), ("minorFont", minor)):
        for ea in root.iter(f"{{{A_NS}}}{kind}"):
            node = ea.find(f"{{{A_NS}}}ea")
            if node is not None:
                node.set("typeface", face)
    theme_part._blob = _serialise(root)


def add_fonts_to_table(font_table_part, fonts: dict[str, str | None]) -> None:
    """w:font entries for each name: GB2312 charset (86) and the alternative name Word and WPS
    fall back to when the exact face is not installed (仿宋_GB2312 -> 仿宋)."""
    from lxml import etree

    root = etree.fromstring(font_table_part.blob, _safe_parser())
    declared = {font.get(qn("w:name")) for font in root.findall(qn("w:font"))}
    for name, alternative in fonts.items():
        if name in declared:
            continue
        font = etree.SubElement(root, qn("w:font"))
        font.set(qn("w:name"), name)
        values = ([("w:altName", alternative)] if alternative else []) + [
            ("w:charset", "86"), ("w:family", "modern"), ("w:pitch", "fixed")]
        for tag, value in values:
            etree.SubElement(font, qn(tag)).set(qn("w:val"), value)
    font_table_part._blob = _serialise(root)


def _serialise(root) -> bytes:
    from lxml import etree

    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


# --- custom document properties (docProps/custom.xml), which python-docx has no API for ---

CUSTOM_NS = "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
VT_NS = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
CUSTOM_FMTID = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"  # the one fmtid custom properties use
CUSTOM_PARTNAME = "/docProps/custom.xml"


def _safe_parser():
    from lxml import etree

    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)


def set_custom_properties(doc, properties: dict[str, str]) -> None:
    """Write docProps/custom.xml (File → Properties → Custom in Word and WPS): text values."""
    # lxml (python-docx's own) and not xml.sax.saxutils, whose import pulls in urllib.request and
    # ssl: 35 ms of a cold build, for two escape functions
    from lxml import etree

    from docx.opc.constants import CONTENT_TYPE as CT, RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    root = etree.Element(f"{{{CUSTOM_NS}}}Properties", nsmap={None: CUSTOM_NS, "vt": VT_NS})
    for pid, (name, value) in enumerate(properties.items(), start=2):  # pid 0 and 1 are reserved
        prop = etree.SubElement(root, f"{{{CUSTOM_NS}}}property", fmtid=CUSTOM_FMTID, pid=str(pid),
                                name=_xml_text(name))
        etree.SubElement(prop, f"{{{VT_NS}}}lpwstr").text = _xml_text(value)
    blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    package = doc.part.package
    existing = _custom_part(package)
    if existing is not None:
        existing._blob = blob
        return
    part = Part(PackURI(CUSTOM_PARTNAME), CT.OFC_CUSTOM_PROPERTIES, blob, package)
    package.relate_to(part, RT.CUSTOM_PROPERTIES)


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _xml_text(text: str) -> str:
    """The text without the control characters XML 1.0 cannot hold (Word would refuse the file)."""
    return _NOT_XML.sub("", text)


def custom_properties(doc) -> dict[str, str]:
    """The custom properties of an opened document, as text (empty when it has none)."""
    from lxml import etree

    part = _custom_part(doc.part.package)
    if part is None:
        return {}
    try:
        root = etree.fromstring(part.blob, _safe_parser())
    except etree.XMLSyntaxError:
        return {}
    found = {}
    for prop in root.iter(f"{{{CUSTOM_NS}}}property"):
        name = prop.get("name")
        if name:
            found[name] = "".join(prop.itertext()).strip()
    return found


def _custom_part(package):
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    for rel in package.rels.values():
        if rel.reltype == RT.CUSTOM_PROPERTIES and not rel.is_external:
            return rel.target_part
    return None


# --- bookmarks: how the draft remembers which article an item came from ---

def add_bookmark(paragraph, name: str, bookmark_id: int) -> None:
    """A bookmark around the paragraph's text. Word, WPS and LibreOffice carry bookmarks along
    when an editor cuts and pastes the paragraph, so a moved item keeps its identity."""
    start = OxmlElement("w:bookmarkStart")
    start.set(qn("w:id"), str(bookmark_id))
    start.set(qn("w:name"), name)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(bookmark_id))
    p = paragraph._p
    ppr = p.find(qn("w:pPr"))
    if ppr is not None:
        ppr.addnext(start)
    else:
        p.insert(0, start)
    p.append(end)


def bookmark_names(p) -> list[str]:
    return [b.get(qn("w:name")) or "" for b in p.iter(qn("w:bookmarkStart"))]


# --- reading text back as an editor sees it ---

_SKIPPED_CONTAINERS = {qn("w:del"), qn("w:moveFrom"), qn("w:instrText"), qn("w:delInstrText")}


def visible_text(p) -> str:
    """The paragraph's text with every tracked change accepted: insertions kept, deletions
    and moved-away text dropped, field instructions left out, tabs as \\t, breaks as \\n."""
    parts: list[str] = []

    def walk(element) -> None:
        for child in element:
            tag = child.tag
            if tag in _SKIPPED_CONTAINERS or tag in (qn("w:pPr"), qn("w:rPr")):
                continue
            if tag == qn("w:t"):
                parts.append(child.text or "")
            elif tag == qn("w:tab"):
                parts.append("\t")
            elif tag in (qn("w:br"), qn("w:cr")):
                parts.append("\n")
            elif tag == qn("w:noBreakHyphen"):
                parts.append("-")
            else:
                walk(child)

    walk(p)
    return "".join(parts)


def is_deleted_paragraph(p) -> bool:
    """A paragraph whose mark is a tracked deletion and whose text is all deleted."""
    mark = p.find(f"{qn('w:pPr')}/{qn('w:rPr')}/{qn('w:del')}")
    return mark is not None and not visible_text(p).strip()

