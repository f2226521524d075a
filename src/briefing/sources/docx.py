"""Word files (.docx): the paragraphs and headings of press releases and reports.

A .docx is a zip of XML parts, so it is checked before python-docx opens it: it must be a
complete zip, must not expand past a size cap (zip bombs), and no XML part may carry a DTD
(entity-expansion attacks); defusedxml does that check. Nothing it links to (external images,
hyperlinks, templates) is fetched. Headings follow the Word styles: a Title (or, in a file that
opens with one, Heading 1) starts an article, Subtitle is its subtitle, other headings are
subheads. Tables are left out (figures in a table do not make briefing prose).
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from dataclasses import replace

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring

from ..model import Document, Skipped
from ..text.headlines import usable
from ..text.pages import Line, split_lines
from .errors import SourceError
from .limits import Limits

_HEADING = re.compile(r"^(?:heading|标题)\s*(\d)$", re.I)
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def read_docx(data: bytes, source: str, limits: Limits) -> tuple[list[Document], list[Skipped]]:
    _check_package(data, limits.max_unzipped_bytes)
    import docx  # python-docx, loaded only when a Word file is read

    try:
        document = docx.Document(io.BytesIO(data))
        lines = _lines(document)
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise SourceError(f"damaged .docx (the zip is broken: {exc})")
    except Exception as exc:  # python-docx raises KeyError, ValueError, lxml errors on broken parts
        raise SourceError(f"not a readable Word document ({type(exc).__name__}: {exc})")
    if not any(line.level == 0 for line in lines):
        raise SourceError("empty Word document (no paragraph text)")
    articles = split_lines(lines, source, "utf-8")
    if not articles:
        raise SourceError("no article found in the Word document")
    title = (document.core_properties.title or "").strip()
    if len(articles) == 1 and not articles[0].title and usable(title):  # no headline in the text
        articles = [replace(articles[0], title=title, title_from="document_properties")]
    return [Document(source=source, text="", encoding="utf-8", kind="docx", articles=tuple(articles))], []


def _check_package(data: bytes, max_unzipped: int) -> None:
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        kind = "an old Word .doc" if data.startswith(b"\xd0\xcf\x11\xe0") else "truncated, or another kind of file"
        raise SourceError(f"not a .docx (not a zip archive: {kind}); save it as .docx and try again")
    with package:
        infos = package.infolist()
        expanded = sum(info.file_size for info in infos)
        if expanded > max_unzipped:
            raise SourceError(f"refused: expands to {expanded / 2**20:,.0f} MB when unzipped, past the limit of "
                              f"{max_unzipped / 2**20:g} MB (5 × [sources] max_file_mb); a zip bomb or a broken file")
        names = {info.filename for info in infos}
        if "word/document.xml" not in names:
            raise SourceError("not a Word document (the zip has no word/document.xml)")
        for info in infos:
            if info.filename.endswith((".xml", ".rels")):
                _check_part(package, info)


def _check_part(package: zipfile.ZipFile, info: zipfile.ZipInfo) -> None:
    try:
        xml = package.read(info)  # bounded by the declared size, which was checked above
    except (zipfile.BadZipFile, zlib.error, EOFError, RuntimeError) as exc:
        raise SourceError(f"damaged .docx ({info.filename}: {exc})")
    try:
        fromstring(xml, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise SourceError(f"refused: {info.filename} declares a DTD or entities (the form of an "
                          f"entity-expansion attack: {type(exc).__name__})")
    except ParseError as exc:
        raise SourceError(f"damaged .docx ({info.filename} is not well-formed XML: {exc})")


def _lines(document) -> list[Line]:
    # Style names looked up once: python-docx's paragraph.style searches every style per call.
    style_names = {style.style_id: style.name or "" for style in document.styles}
    paragraphs = [p for p in document.iter_inner_content() if hasattr(p, "style")]
    levels = [(_level(p, style_names), " ".join(p.text.split())) for p in paragraphs]
    levels = [(level, text) for level, text in levels if text]
    titled = any(level == "title" for level, _ in levels)
    opens_with_heading = bool(levels) and levels[0][0] == 1
    lines = []
    for level, text in levels:
        if level == "title" or (level == 1 and opens_with_heading and not titled):
            lines.append(Line(1, text))
        elif level == "subtitle":
            lines.append(Line(2, text))
        elif level:
            lines.append(Line(3, text))
        else:
            lines.append(Line(0, text))
    return lines


def _level(paragraph, style_names: dict[str, str]) -> int | str | None:
    name = style_names.get(paragraph._p.style or "", "")
    lowered = name.strip().lower()
    if lowered in ("title", "标题"):
        return "title"
    if lowered in ("subtitle", "副标题"):
        return "subtitle"
    match = _HEADING.match(name.strip())
    if match:
        return int(match.group(1)) or 1
    outline = paragraph._p.find(f"{_W}pPr/{_W}outlineLvl")
    if outline is not None and (value := outline.get(f"{_W}val", "")).isdigit() and int(value) < 9:
        return int(value) + 1
    return None
