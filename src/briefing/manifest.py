"""manifest.json: an issue folder's record of itself, written by build and publish and read back
by everything that comes later (send, publish, the scheduler, the console).

There is one writer and one reader, and they are exact inverses: `write_manifest` turns a
StoredIssue into JSON, `read_issue` turns the JSON back into the same model objects. What is
read back is validated as strictly as briefing.toml (an edition that could name a path outside
the state folder, an output that is not a plain file name in the issue folder, a date that is
not a date): a manifest is a file anyone with access to out/ can edit.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from datetime import date as Date
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from .errors import ManifestError
from .model import (
    EDITION_NAME,
    SECTION_IDS,
    ArticleRecord,
    ArticleStatus,
    Distribution,
    Issue,
    IssueNumber,
    IssueSection,
    Item,
    Masthead,
    Publication,
    Skipped,
    StoredIssue,
)

MANIFEST = "manifest.json"
FILE_NAME = r"^[^./\\\x00][^/\\\x00]*$"  # a file directly inside the issue folder, never a path
REVISION = r"^(final-[0-9a-f]{6,64})?$"
_ARTICLE_FIELDS = tuple(f.name for f in fields(ArticleRecord))


# -- writing ---------------------------------------------------------------------------------


@dataclass
class WrittenIssue:
    """An issue folder just written by build or publish, and what the command reports of it."""

    stored: StoredIssue
    outputs: dict[str, Path]  # kind (docx, pdf, manifest …) -> file
    warnings: list[str] = field(default_factory=list)

    @property
    def issue(self) -> Issue:
        return self.stored.issue

    @property
    def folder(self) -> Path:
        return self.stored.folder

    @property
    def manifest(self) -> dict:
        return manifest_json(self.stored)


def manifest_json(stored: StoredIssue) -> dict:
    """The manifest of an issue folder, as the design's contract describes it (and more)."""
    issue = stored.issue
    m = issue.masthead
    data: dict[str, Any] = {
        "briefing": issue.briefing,
        "edition": issue.edition,
        "date": m.date.isoformat(),
        "issue": {"year": m.number.year, "number": m.number.number, "total": m.number.total,
                  "special": m.number.special},
        "masthead": {"title": m.title, "issuer": m.issuer, "number_line": m.number_line,
                     "date_line": m.date_line, "show_total": m.show_total},
        "outputs": dict(stored.outputs),
        "sections": [{"id": s.id, "title": s.title, "items": [_item_json(i) for i in s.items]}
                     for s in issue.sections],
        "articles": [_article_json(a) for a in issue.articles],
        "skipped": [{"source": s.source, "reason": s.reason} for s in issue.skipped],
        "warnings": list(stored.warnings),
        "timings_ms": dict(issue.timings_ms),
        "distribution": {"bao": list(issue.distribution.bao), "song": list(issue.distribution.song),
                         "fa": list(issue.distribution.fa), "copies": issue.distribution.copies},
        "contents": issue.contents,
    }
    if stored.publication is not None:
        p = stored.publication
        data["published"] = True
        data["publication"] = {"published_at": p.published_at, "draft": p.draft, "edited_copy": p.edited_copy,
                               "timings_ms": dict(p.timings_ms), "changes": list(p.changes)}
    if stored.revision:
        data["revision"] = stored.revision
    return data


def write_manifest(stored: StoredIssue) -> Path:
    path = stored.folder / MANIFEST
    path.write_text(json.dumps(manifest_json(stored), ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


def _item_json(item: Item) -> dict:
    return {"article": item.article_id or None, "title": item.title, "summary": item.summary,
            "sources": list(item.sources), "outlets": list(item.outlets), "score": item.score}


def _article_json(record: ArticleRecord) -> dict:
    data = {}
    for name in _ARTICLE_FIELDS:
        value = getattr(record, name)
        if name == "merged_into" and value is None:
            continue  # only duplicates name the article they were merged into
        data[name] = list(value) if isinstance(value, tuple) else value
    return data


# -- reading ---------------------------------------------------------------------------------


FileName = Annotated[str, StringConstraints(pattern=FILE_NAME)]


class _Record(BaseModel):
    model_config = ConfigDict(extra="ignore", strict=True)  # keys a later version adds are passed over


class _Number(_Record):
    year: int = Field(ge=1900, le=9999)
    number: int = Field(ge=1)
    total: int | None = Field(default=None, ge=1)
    special: bool


class _Masthead(_Record):
    title: str = ""
    issuer: str = ""
    number_line: str = ""
    show_total: bool | None = None  # absent in manifests written before it was recorded


class _Item(_Record):
    article: str | None = None
    title: str
    summary: str
    sources: list[str] = Field(default_factory=list)
    outlets: list[str] = Field(default_factory=list)
    score: float | None = None


class _Section(_Record):
    id: Literal[SECTION_IDS]  # type: ignore[valid-type]
    title: str
    items: list[_Item] = Field(default_factory=list)


class _Article(_Record):
    model_config = ConfigDict(extra="allow", strict=True)  # fields of ArticleRecord this reader does not name
    id: str
    title: str
    source: str
    section: Literal[SECTION_IDS] | None = None  # type: ignore[valid-type]
    status: ArticleStatus
    reason: str = ""
    score: float | None = None
    terms: list[str] = Field(default_factory=list)


class _Skipped(_Record):
    source: str
    reason: str


class _Distribution(_Record):
    bao: list[str] = Field(default_factory=list)
    song: list[str] = Field(default_factory=list)
    fa: list[str] = Field(default_factory=list)
    copies: int | None = Field(default=None, ge=1)


class _Publication(_Record):
    published_at: str = ""
    draft: str = ""
    edited_copy: FileName | Literal[""] = ""
    timings_ms: dict[str, int] = Field(default_factory=dict)
    changes: list[dict] = Field(default_factory=list)


class _Manifest(_Record):
    briefing: str
    edition: str = Field(pattern=EDITION_NAME)
    date: Date
    issue: _Number
    masthead: _Masthead = Field(default_factory=_Masthead)
    outputs: dict[Literal["docx", "pdf"], FileName] = Field(default_factory=dict)
    sections: list[_Section]
    articles: list[_Article]
    skipped: list[_Skipped] = Field(default_factory=list)
    warnings: list[dict] = Field(default_factory=list)
    timings_ms: dict[str, int] = Field(default_factory=dict)
    distribution: _Distribution | None = None
    contents: bool = True
    revision: str = Field(default="", pattern=REVISION)
    publication: _Publication | None = None


def read_issue(folder: Path) -> StoredIssue:
    """The issue in an issue folder, from its manifest.json; ManifestError says what is wrong."""
    folder = Path(folder)
    path = folder / MANIFEST
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else exc
        raise ManifestError(f"{path}: cannot read the issue's manifest ({reason}); rebuild the issue")
    try:
        record = _Manifest.model_validate_json(text)
    except ValidationError as exc:
        raise ManifestError(_describe(path, exc)) from None
    return _stored(folder.resolve(), record)


def _describe(path: Path, exc: ValidationError) -> str:
    first = exc.errors()[0]
    key = ".".join(str(part) for part in first["loc"]) or "(top level)"
    value = first.get("input")
    shown = f" (got {_short(value)})" if not isinstance(value, (dict, list)) and first["type"] != "missing" else ""
    what = first["msg"].lower()
    if first["type"] == "string_pattern_mismatch":  # an edition or a file name that could be a path
        what = "not a plain name (a file directly inside the issue folder; an edition of a–z, 0–9, - and _)"
    more = f" and {exc.error_count() - 1} more problem(s)" if exc.error_count() > 1 else ""
    return (f"{path}: {key}: {what}{shown}{more}; the manifest was damaged or not written by "
            "briefing (rebuild the issue)")


def _short(value: object, limit: int = 80) -> str:
    shown = repr(value)
    return shown if len(shown) <= limit else shown[:limit] + "…"


def _stored(folder: Path, record: _Manifest) -> StoredIssue:
    n = record.issue
    number = IssueNumber(n.year, n.number, n.total, n.special)
    masthead = Masthead(
        title=record.masthead.title or record.briefing,
        issuer=record.masthead.issuer,
        date=record.date,
        number=number,
        # before show_total was recorded, the printed number line was the only witness
        show_total=record.masthead.show_total if record.masthead.show_total is not None
        else "总第" in record.masthead.number_line,
    )
    d = record.distribution
    issue = Issue(
        briefing=record.briefing, edition=record.edition, masthead=masthead,
        sections=tuple(IssueSection(s.id, s.title, tuple(_item(i) for i in s.items)) for s in record.sections),
        distribution=Distribution(tuple(d.bao), tuple(d.song), tuple(d.fa), d.copies) if d else Distribution(),
        articles=tuple(_article(a) for a in record.articles),
        skipped=tuple(Skipped(s.source, s.reason) for s in record.skipped),
        contents=record.contents,
        timings_ms=dict(record.timings_ms),
    )
    publication = None
    if record.publication is not None:
        p = record.publication
        publication = Publication(p.published_at, p.draft, p.edited_copy, tuple(p.changes), dict(p.timings_ms))
    return StoredIssue(folder, issue, dict(record.outputs), tuple(record.warnings),
                       record.revision, publication)


def _item(item: _Item) -> Item:
    return Item(article_id=item.article or "", title=item.title, summary=item.summary,
                sources=tuple(item.sources), outlets=tuple(item.outlets), score=item.score or 0.0)


def _article(article: _Article) -> ArticleRecord:
    values = {**(article.model_extra or {}), **article.model_dump()}
    return ArticleRecord(**{name: tuple(value) if isinstance(value, list) else value
                            for name, value in values.items() if name in _ARTICLE_FIELDS})
