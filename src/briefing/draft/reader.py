"""An edited DOCX draft -> what the editor wants printed (the reverse of render/docx.py).

The draft says which issue it belongs to in its custom properties, and its structure in its
paragraph styles: 简报-一级标题 starts a section, 简报-条目标题 an item, 简报-正文 paragraphs are
the item's text, 简报-来源 its sources, 简报-报尾 the distribution block. Hidden bookmarks on the
headings and item titles say which section and article each one was; an editor who retypes a
heading or pastes an item elsewhere still gets the right one, and text without a bookmark is
matched by its words. Tracked changes are read as if accepted; comments are ignored.

A draft whose structure cannot be read without guessing (a section heading deleted, text that
belongs to no item) is refused with a DraftError that says what is wrong and where.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date as Date
from pathlib import Path

from docx import Document as open_document
from docx.oxml.ns import qn

from ..errors import DraftError
from ..model import Distribution, IssueSection, Item
from ..render import ooxml
from ..render.content import PLACEHOLDER
from ..render.docx import (
    ITEM_BOOKMARK,
    PROPERTY_DATE,
    PROPERTY_EDITION,
    PROPERTY_FORMAT,
    PROPERTY_ISSUE,
    PROPERTY_NUMBER,
    PROPERTY_SPECIAL,
    SECTION_BOOKMARK,
)
from ..render.layout import DOCX_STYLE_NAMES
from ..text.normalize import without_spaces

MAX_FILE_MB = 50  # a draft is a few dozen KiB; pasted pictures make it bigger, not 50 MB
MAX_UNPACKED_MB = 200  # refuses ZIP bombs before python-docx unpacks anything
STYLE_KEYS = {name: key for key, name in DOCX_STYLE_NAMES.items()}
SECTION_NUMBER = re.compile(r"^\s*(?:[一二三四五六七八九十]+|\d+)\s*[、.．]\s*")
SOURCE_LINE = re.compile(r"^[（(]?\s*来源\s*[：:]\s*(.*?)\s*[）)]?\s*$")
DISTRIBUTION_LINE = re.compile(r"^\s*([报送发])\s*[：:]\s*(.*)$")
COPIES_LINE = re.compile(r"^\s*[（(]?\s*共印\s*(\d+)\s*份\s*[）)]?\s*$")
NAME_SEPARATORS = re.compile(r"\s*[，,、；;]\s*")  # between outlets in a source line
# between 报尾 names: not 、, which an editor may type inside one line (市委办公厅、市政府办公厅)
# and which is then printed as typed, where the renderer would join separate names with ，
RECIPIENT_SEPARATORS = re.compile(r"\s*[，,；;]\s*")


@dataclass(frozen=True)
class DraftIdentity:
    """Which issue a draft belongs to, from its custom properties."""

    issue: str  # the issue's id: its folder name, e.g. 2026-11-26-daily-1
    edition: str
    date: Date
    number: int
    special: bool


@dataclass(frozen=True)
class Draft:
    path: Path
    identity: DraftIdentity
    masthead_title: str | None
    issuer: str | None
    number_line: str | None
    date_line: str | None
    contents: bool  # the editor kept 本期要目
    sections: tuple[IssueSection, ...]  # items carry article_id "" when the editor wrote them
    distribution: Distribution
    # where each item title stands (paragraph number, by article), for messages about the structure
    item_positions: dict[str, int] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()


def read_draft(path: Path, section_titles: dict[str, str]) -> Draft:
    """Read an edited draft. section_titles maps the six section ids to every title they may
    carry (the configured title and the one printed in the draft)."""
    doc = _open(path)
    identity = _identity(path, doc)
    return _Reader(path, doc, section_titles).read(identity)


def _open(path: Path):
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise DraftError(f"{path}: cannot read the file ({exc.strerror})")
    if size > MAX_FILE_MB * 1024 * 1024:
        raise DraftError(f"{path}: {size // (1024 * 1024)} MB is too large for a briefing draft "
                         f"(limit {MAX_FILE_MB} MB); remove pasted pictures")
    try:
        with zipfile.ZipFile(path) as package:
            unpacked = sum(info.file_size for info in package.infolist())
            opendocument = _opendocument_type(package)
    except (zipfile.BadZipFile, OSError):
        raise DraftError(f"{path}: not a DOCX file (not a ZIP package); save the draft as Word .docx")
    if opendocument:
        raise DraftError(f"{path}: an OpenDocument file ({opendocument}), not a Word .docx; in LibreOffice "
                         "use File → Save As… and choose “Word 2007–365 (.docx)”, then publish that file")
    if unpacked > MAX_UNPACKED_MB * 1024 * 1024:
        raise DraftError(f"{path}: unpacks to {unpacked // (1024 * 1024)} MB, more than a draft can hold "
                         f"(limit {MAX_UNPACKED_MB} MB)")
    try:
        return open_document(str(path))
    except Exception as exc:  # python-docx raises KeyError, ValueError, lxml errors … for a broken package
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise DraftError(f"{path}: not a readable Word document ({reason}); save it again as Word .docx")


def _opendocument_type(package: zipfile.ZipFile) -> str | None:
    """"OpenDocument Text (.odt)" and the like for an OpenDocument package, else None."""
    try:
        mimetype = package.read("mimetype").decode("ascii", "replace").strip()
    except KeyError:
        return None
    if not mimetype.startswith("application/vnd.oasis.opendocument"):
        return None
    kind = mimetype.rsplit(".", 1)[-1]
    return {"text": "OpenDocument Text, .odt"}.get(kind, f"OpenDocument {kind}")


def _identity(path: Path, doc) -> DraftIdentity:
    properties = ooxml.custom_properties(doc)
    if PROPERTY_ISSUE not in properties:
        has_styles = any(style.name in STYLE_KEYS for style in doc.styles)
        if has_styles:
            raise DraftError(f"{path}: has the briefing's styles but no {PROPERTY_ISSUE} property "
                             "(File → Properties → Custom), so it is not known which issue it belongs to; "
                             "edit the draft `briefing build` made, and save it as .docx")
        raise DraftError(f"{path}: not a briefing draft (no {PROPERTY_ISSUE} property and none of the "
                         "简报- styles); publish takes the DOCX draft that `briefing build` made, after editing")
    format_version = properties.get(PROPERTY_FORMAT, "1")
    if format_version != "1":
        raise DraftError(f"{path}: draft format {format_version!r} is newer than this briefing understands "
                         "(it reads format 1); update briefing")
    try:
        return DraftIdentity(
            issue=properties[PROPERTY_ISSUE],
            edition=properties[PROPERTY_EDITION],
            date=Date.fromisoformat(properties[PROPERTY_DATE]),
            number=int(properties[PROPERTY_NUMBER]),
            special=properties.get(PROPERTY_SPECIAL, "false").lower() == "true",
        )
    except (KeyError, ValueError) as exc:
        raise DraftError(f"{path}: the draft's issue properties are damaged ({exc}); "
                         "they are set by `briefing build` and must not be edited")


@dataclass
class _OpenItem:
    article_id: str
    title: str
    position: int
    paragraphs: list[str] = field(default_factory=list)
    outlets: tuple[str, ...] = ()


@dataclass
class _OpenSection:
    id: str
    title: str
    position: int
    items: list[_OpenItem] = field(default_factory=list)


class _Reader:
    """Walks the body once, paragraph by paragraph, like an editor reading it top to bottom."""

    def __init__(self, path: Path, doc, section_titles: dict[str, str]):
        self.path = path
        self.doc = doc
        self.titles_to_ids = _titles_to_ids(section_titles)
        self.style_keys = {style.style_id: STYLE_KEYS.get(_primary_name(style.name))
                           for style in doc.styles if style.style_id}
        self.masthead: dict[str, str] = {}
        self.contents = False
        self.sections: list[_OpenSection] = []
        self.distribution: list[tuple[int, str]] = []
        self.warnings: list[str] = []

    # -- the walk ---------------------------------------------------------------------------

    def read(self, identity: DraftIdentity) -> Draft:
        for position, kind, p in self._blocks():
            if kind == "table":
                self._fail(position, None, f"a table {self._where()}; a 简报 has no tables — "
                           "turn it into paragraphs or delete it")
            text = _clean(ooxml.visible_text(p))
            if not text:
                continue
            self._paragraph(position, self._heading_by_bookmark(p, text) or self._style_key(p), text, p)
        if not self.sections:
            raise DraftError(f"{self.path}: no section heading (style {DOCX_STYLE_NAMES['section_heading']}) "
                             "found; a briefing draft has at least one, e.g. 一、协同创新")
        return self._draft(identity)

    def _blocks(self) -> Iterator[tuple[int, str, object]]:
        """(paragraph number, 'paragraph' | 'table', element) for the body, numbered from 1 as
        an editor counts paragraphs; tracked-deleted paragraphs are skipped."""
        position = 0
        for child in self.doc.element.body.iterchildren():
            if child.tag == qn("w:p"):
                position += 1
                if not ooxml.is_deleted_paragraph(child):
                    yield position, "paragraph", child
            elif child.tag == qn("w:tbl"):
                position += 1
                yield position, "table", child
            elif child.tag == qn("w:sdt"):  # a content control around paragraphs: read what it holds
                for p in child.iter(qn("w:p")):
                    position += 1
                    yield position, "paragraph", p

    def _paragraph(self, position: int, key: str | None, text: str, p) -> None:
        if self.distribution and key != "distribution":
            self._fail(position, text, "text after the 报尾; the distribution block must end the briefing — "
                       "move this text above it or delete it")
        if key in ("masthead", "issue_number", "issuer_line"):
            self.masthead.setdefault(key, text)
        elif key == "contents_heading":
            self.contents = True
        elif key in ("contents_entry", "page_number"):
            pass  # 本期要目 is rebuilt from the item titles; page numbers live in the footers
        elif key == "section_heading":
            self._section(position, text, p)
        elif key == "item_title":
            self._item(position, text, p)
        elif key == "source":
            self._source(position, text)
        elif key == "distribution":
            self.distribution.append((position, text))
        else:
            if key is None:
                style = self._style_name(p)
                if style not in ("Normal", None):
                    self.warnings.append(f"{self.path}: paragraph {position} ({_excerpt(text)}) has the style "
                                         f"{style!r}; read as body text")
            self._body(position, text)

    def _section(self, position: int, text: str, p) -> None:
        title = SECTION_NUMBER.sub("", text).strip()
        section_id = _bookmarked(p, SECTION_BOOKMARK) or self.titles_to_ids.get(_plain(title))
        if section_id is None:
            known = "、".join(sorted({t for t in self.titles_to_ids}, key=len)[:12])
            self._fail(position, text, f"the heading {title!r} is not one of the briefing's sections ({known}); "
                       "use one of them, or make this line an item title")
        for existing in self.sections:
            if existing.id == section_id:
                self._fail(position, text, f"the section {title!r} appears a second time "
                           f"(first at paragraph {existing.position}); merge the two")
        self.sections.append(_OpenSection(section_id, title, position))

    def _item(self, position: int, text: str, p) -> None:
        if not self.sections:
            self._fail(position, text, "an item title before the first section heading — "
                       "was that section's heading deleted? Put it back (style "
                       f"{DOCX_STYLE_NAMES['section_heading']}), e.g. 一、协同创新")
        article = _bookmarked(p, ITEM_BOOKMARK) or ""
        self.sections[-1].items.append(_OpenItem(article, text, position))

    def _body(self, position: int, text: str) -> None:
        if not self.sections:
            if self.masthead or self.contents:
                self._fail(position, text, "body text before the first section heading; the briefing has "
                           "no place for it — move it into an item or delete it")
            self._fail(position, text, "body text before any masthead or section heading")
        section = self.sections[-1]
        if not section.items:
            if text == PLACEHOLDER:
                return
            self._fail(position, text, f"body text under {section.title} before its first item title; "
                       f"give it an item title (style {DOCX_STYLE_NAMES['item_title']}) or move it into an item")
        section.items[-1].paragraphs.append(text)

    def _source(self, position: int, text: str) -> None:
        if not self.sections or not self.sections[-1].items:
            self._fail(position, text, "a source line that belongs to no item; move it under an item or delete it")
        match = SOURCE_LINE.match(text)
        names = match.group(1) if match else text.strip("（）()")
        self.sections[-1].items[-1].outlets = tuple(n for n in NAME_SEPARATORS.split(names) if n)

    # -- after the walk ---------------------------------------------------------------------

    def _draft(self, identity: DraftIdentity) -> Draft:
        sections = []
        for section in self.sections:
            items = []
            for item in section.items:
                if not item.paragraphs:
                    self._fail(item.position, item.title, f"the item under {section.title} has a title but "
                               "no text; write its text (style "
                               f"{DOCX_STYLE_NAMES['body']}) or delete the title too")
                items.append(Item(item.article_id, item.title, "\n".join(item.paragraphs), (), item.outlets))
            sections.append(IssueSection(section.id, section.title, tuple(items)))
        issuer, date_line = _split_issuer_line(self.masthead.get("issuer_line"))
        return Draft(
            path=self.path, identity=identity,
            masthead_title=self.masthead.get("masthead"), issuer=issuer,
            number_line=self.masthead.get("issue_number"), date_line=date_line,
            contents=self.contents, sections=tuple(sections),
            distribution=self._parse_distribution(),
            item_positions={i.article_id: i.position for s in self.sections for i in s.items if i.article_id},
            warnings=tuple(self.warnings),
        )

    def _parse_distribution(self) -> Distribution:
        lines: dict[str, tuple[str, ...]] = {}
        copies = None
        for position, text in self.distribution:
            if match := DISTRIBUTION_LINE.match(text):
                lines[match.group(1)] = tuple(n for n in RECIPIENT_SEPARATORS.split(match.group(2).strip()) if n)
            elif match := COPIES_LINE.match(text.strip()):
                copies = int(match.group(1))
            else:
                self._fail(position, text, "a 报尾 line that is neither 报：/送：/发： followed by names nor "
                           "（共印N份）")
        return Distribution(lines.get("报", ()), lines.get("送", ()), lines.get("发", ()), copies)

    # -- helpers ----------------------------------------------------------------------------

    def _heading_by_bookmark(self, p, text: str) -> str | None:
        """"section_heading" for a paragraph that carries a section's bookmark and reads as its
        heading (a section title, or numbered like 二、…), whatever its style says. With change
        tracking on, LibreOffice saves the heading after a deleted or moved-away item with that
        item title's style; the bookmark and the words are the truth."""
        section_id = _bookmarked(p, SECTION_BOOKMARK)
        if section_id is None:
            return None
        title = _plain(SECTION_NUMBER.sub("", text))
        if self.titles_to_ids.get(title) == section_id or SECTION_NUMBER.match(text):
            return "section_heading"
        return None

    def _style_key(self, p) -> str | None:
        node = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        return self.style_keys.get(node.get(qn("w:val"))) if node is not None else None  # None: Normal

    def _style_name(self, p) -> str | None:
        node = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        if node is None:
            return "Normal"
        for style in self.doc.styles:
            if style.style_id == node.get(qn("w:val")):
                return style.name
        return node.get(qn("w:val"))

    def _where(self) -> str:
        if not self.sections:
            return "before the first section heading"
        section = self.sections[-1]
        if section.items:
            return f"under {section.title}, after the item {_excerpt(section.items[-1].title)}"
        return f"under {section.title}"

    def _fail(self, position: int, text: str | None, message: str):
        shown = f" ({_excerpt(text)})" if text else ""
        raise DraftError(f"{self.path}: paragraph {position}{shown}: {message}")


def _titles_to_ids(section_titles: dict[str, str | list[str]]) -> dict[str, str]:
    mapping = {}
    for section_id, titles in section_titles.items():
        for title in [titles] if isinstance(titles, str) else titles:
            mapping[_plain(title)] = section_id
    return mapping


def _plain(text: str) -> str:
    return without_spaces(text)


def _primary_name(name: str | None) -> str:
    """Word keeps aliases after a comma ("简报-正文,Body"); the first name is the style's."""
    return (name or "").split(",")[0].strip()


# LibreOffice renames a bookmark it pastes while the original still exists (in tracked-deleted
# text, after a tracked cut and paste): _briefing_item_ab12_Copy_1
_COPY_SUFFIX = re.compile(r"_Copy_\d+$")


def _bookmarked(p, prefix: str) -> str | None:
    for name in ooxml.bookmark_names(p):
        if name.startswith(prefix) and len(name) > len(prefix):
            return _COPY_SUFFIX.sub("", name[len(prefix):])
    return None


def _clean(text: str) -> str:
    """Trimmed text, soft line breaks joined: in Chinese a manual break inside a paragraph is
    layout, not a space (str.strip also removes the ideographic space U+3000)."""
    return "".join(line.strip() for line in text.split("\n")).strip()


def _split_issuer_line(text: str | None) -> tuple[str | None, str | None]:
    if not text:
        return None, None
    parts = [part.strip() for part in re.split(r"\t+|\s{2,}|\u3000+", text) if part.strip()]
    if len(parts) >= 2:
        return parts[0], parts[-1]
    return parts[0], None


def _excerpt(text: str, length: int = 16) -> str:
    flat = text.replace("\n", " ").replace("\t", " ")
    return f"“{flat[:length]}…”" if len(flat) > length else f"“{flat}”"
