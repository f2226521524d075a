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
    from xml.sax.saxutils import escape, quoteattr

    from docx.opc.constants import CONTENT_TYPE as CT, RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    entries = "".join(
        f'<property fmtid="{CUSTOM_FMTID}" pid="{pid}" name={quoteattr(name)}><vt:lpwstr>{escape(value)}</vt:lpwstr></property>'
        for pid, (name, value) in enumerate(properties.items(), start=2)  # pid 0 and 1 are reserved
    )
    blob = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<Properties xmlns="{CUSTOM_NS}" xmlns:vt="{VT_NS}">{entries}</Properties>').encode("utf-8")
    package = doc.part.package
    existing = _custom_part(package)
    if existing is not None:
        existing._blob = blob
        return
    part = Part(PackURI(CUSTOM_PARTNAME), CT.OFC_CUSTOM_PROPERTIES, blob, package)
    package.relate_to(part, RT.CUSTOM_PROPERTIES)


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

