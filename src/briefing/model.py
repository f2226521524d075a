"""Plain data objects passed from one pipeline stage to the next.

Each stage takes the objects of the stage before and returns new ones; nothing here knows how
it was read or how it will be rendered.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import date as Date
from enum import StrEnum
from pathlib import Path

SECTION_IDS = ("collaboration", "facilities", "standards", "biomedicine", "talent", "health")
EDITION_NAME = r"^[a-z0-9][a-z0-9_-]*$"  # it becomes part of folder, lock and outbox names
# an issue's folder (and id): <date>-<edition>-<number>, s<number> for a special issue
ISSUE_FOLDER = re.compile(r"^(\d{4})-(\d{2})-(\d{2})-([a-z0-9][a-z0-9_-]*)-(s?)([1-9]\d*)$")


# -- states ----------------------------------------------------------------------------------
# StrEnums: stored in SQLite and JSON as their plain values, compared and printed as strings.


class ArticleStatus(StrEnum):
    """What became of one article in an issue."""

    USED = "used"
    DUPLICATE = "duplicate"  # merged into another article's item
    OFF_TOPIC = "off_topic"  # fits no section
    DROPPED = "dropped"  # fits a section but did not make the issue (full section, no sentence, deleted by the editor)


class IssueStatus(StrEnum):
    """An issue number's life in the ledger."""

    RESERVED = "reserved"  # a build holds the number
    BUILT = "built"
    PUBLISHED = "published"  # the final issue, from an editor's draft
    SENT = "sent"  # delivery to every recipient finished, at least one copy out


class BuildStatus(StrEnum):
    RUNNING = "running"
    OK = "ok"
    FAILED = "failed"


class OutboxStatus(StrEnum):
    """One (issue, recipient) row: pending -> sending -> sent | failed | unknown."""

    PENDING = "pending"
    SENDING = "sending"  # handed to the server, no answer yet
    SENT = "sent"
    FAILED = "failed"
    UNKNOWN = "unknown"  # the connection was lost after the message went out: it may have arrived


# a copy of the issue may be out there: a rebuild must become a new issue, never an overwrite
MAILED_STATES = (OutboxStatus.SENT, OutboxStatus.SENDING, OutboxStatus.UNKNOWN)


class RunStatus(StrEnum):
    """A scheduled (or `schedule run`) run of an edition."""

    QUEUED = "queued"  # asked for from the console or the API, waiting for a worker to take it
    RUNNING = "running"
    BUILT = "built"  # built, not yet mailed
    DONE = "done"
    FAILED = "failed"
    MISSED = "missed"  # came too late to run
    INTERRUPTED = "interrupted"  # stopped by a service stop (SIGTERM): resumed at the next start
    ALREADY = "already"  # an outcome only, never stored: the run had been handled before


UNFINISHED_RUNS = (RunStatus.RUNNING, RunStatus.BUILT, RunStatus.INTERRUPTED)


@dataclass(frozen=True)
class Document:
    """The text of one source, decoded, before it is split into articles."""

    source: str  # path or URL, as the operator would recognise it
    text: str
    encoding: str
    kind: str  # "text", "markdown", ...
    # Structured sources (HTML, DOCX metadata, feeds, JSONL) hand over their articles already cut
    # out; split_document returns these instead of splitting `text`.
    articles: tuple[RawArticle, ...] = ()
    outlet: str | None = None  # the outlet the operator's [sources] outlets names for this source


@dataclass(frozen=True)
class Skipped:
    """A source (or part of one) that could not be used, and why."""

    source: str
    reason: str


@dataclass(frozen=True)
class RawArticle:
    """One article cut out of a document: headings recognised, body still uncleaned."""

    source: str
    title: str
    kicker: str | None
    subtitle: str | None
    blocks: tuple[Block, ...]
    encoding: str
    authors: tuple[str, ...] = ()  # as stated by the source's metadata (page, feed, JSONL)
    published: str | None = None  # YYYY-MM-DD (or as stated) when the source gives a date
    outlet: str | None = None
    url: str | None = None
    title_from: str = ""  # where the title was found (text/headlines.py); "" when the page has none


@dataclass(frozen=True)
class Block:
    """A body paragraph or an in-article subhead (`###`)."""

    kind: str  # "para" | "subhead"
    text: str


@dataclass(frozen=True)
class Article:
    """A cleaned article: body without bylines, captions or repeats; metadata beside it."""

    id: str
    source: str
    title: str
    kicker: str | None
    subtitle: str | None
    blocks: tuple[Block, ...]
    encoding: str
    authors: tuple[str, ...] = ()
    outlet: str | None = None
    published: str | None = None
    sources: tuple[str, ...] = ()  # every source this story came from (after dedup)
    outlets: tuple[str, ...] = ()  # every outlet that ran this story (after dedup), for 据…报道
    url: str | None = None
    title_from: str = ""  # where the title was found (text/headlines.py); "" when the page has none
    editors: tuple[str, ...] = ()  # 责任编辑 credited on the page, taken out of the body

    @property
    def paragraphs(self) -> tuple[str, ...]:
        return tuple(b.text for b in self.blocks if b.kind == "para")

    @property
    def body(self) -> str:
        return "\n".join(self.paragraphs)


def article_id(source: str, title: str, body: str) -> str:
    digest = hashlib.sha1(f"{source}\n{title}\n{body}".encode("utf-8")).hexdigest()
    return digest[:12]


@dataclass(frozen=True)
class Classification:
    article_id: str
    section: str | None  # one of SECTION_IDS, or None when off-topic
    score: float
    best_section: str | None  # the best guess even when off-topic
    runner_up: str | None
    runner_up_score: float
    terms: tuple[str, ...]
    reason: str


@dataclass(frozen=True)
class SectionSpec:
    id: str
    title: str
    keywords: dict[str, float]
    exclude: tuple[str, ...] = ()
    description: str = ""


@dataclass(frozen=True)
class Item:
    article_id: str
    title: str
    summary: str
    sources: tuple[str, ...]
    outlets: tuple[str, ...] = ()
    score: float = 0.0
    title_from: str = ""  # where the item title came from: a place on the page, or "written" from the lead

    @property
    def paragraphs(self) -> tuple[str, ...]:
        """The summary's paragraphs ("\\n" between them): an editor may split a summary or add
        a paragraph in the draft, and the final issue keeps that."""
        return tuple(p.strip() for p in self.summary.split("\n") if p.strip())


@dataclass(frozen=True)
class IssueSection:
    id: str
    title: str
    items: tuple[Item, ...]


@dataclass(frozen=True)
class IssueNumber:
    year: int
    number: int
    total: int | None
    special: bool


@dataclass(frozen=True)
class Masthead:
    title: str  # briefing name, printed in red
    issuer: str  # 编印单位
    date: Date
    number: IssueNumber
    show_total: bool = False

    @property
    def number_line(self) -> str:
        if self.number.special:
            return f"增刊第{self.number.number}期"
        line = f"第{self.number.number}期"
        if self.show_total and self.number.total:
            line += f"（总第{self.number.total}期）"
        return line

    @property
    def date_line(self) -> str:
        return f"{self.date.year}年{self.date.month}月{self.date.day}日"


@dataclass(frozen=True)
class Distribution:
    bao: tuple[str, ...] = ()
    song: tuple[str, ...] = ()
    fa: tuple[str, ...] = ()
    copies: int | None = None


@dataclass(frozen=True)
class ArticleRecord:
    """What the manifest says about one article: used, merged, off-topic or dropped."""

    id: str
    title: str
    source: str
    section: str | None
    status: ArticleStatus
    reason: str
    score: float | None = None
    runner_up: str | None = None
    terms: tuple[str, ...] = ()
    merged_into: str | None = None
    best_section: str | None = None  # the section it came closest to, also when off-topic
    title_from: str = ""  # where the title came from: a place on the page, or "written" from the lead


@dataclass(frozen=True)
class Issue:
    briefing: str
    edition: str
    masthead: Masthead
    sections: tuple[IssueSection, ...]
    distribution: Distribution
    articles: tuple[ArticleRecord, ...] = ()
    skipped: tuple[Skipped, ...] = ()
    contents: bool = True  # print 本期要目
    timings_ms: dict[str, int] = field(default_factory=dict)

    @property
    def item_count(self) -> int:
        return sum(len(s.items) for s in self.sections)

    @property
    def file_stem(self) -> str:
        m = self.masthead
        if m.number.special:
            return f"{self.briefing}（{m.number.year}年增刊第{m.number.number}期）"
        return f"{self.briefing}（{m.number.year}年第{m.number.number}期）"

    @property
    def folder_name(self) -> str:
        n = self.masthead.number
        number = f"s{n.number}" if n.special else str(n.number)
        return f"{self.masthead.date.isoformat()}-{self.edition}-{number}"


def outbox_key(edition: str, number: IssueNumber, revision: str = "") -> str:
    """The outbox's name for an issue: edition/year/number (s1 for 增刊第1期), and the revision
    once published, so that the final issue reaches those who had the draft."""
    key = f"{edition}/{number.year}/{'s' if number.special else ''}{number.number}"
    return f"{key}/{revision}" if revision else key


@dataclass(frozen=True)
class Publication:
    """How the final issue came from an editor's draft (`briefing publish`)."""

    published_at: str  # ISO 8601, in the briefing's time zone
    draft: str  # the file name the editor gave
    edited_copy: str  # the editor's file, kept in the issue folder under this name
    changes: tuple[dict, ...] = ()  # what the editor changed, one record each (editing.changes)
    timings_ms: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class StoredIssue:
    """An issue folder as `build` or `publish` left it: the Issue and what the folder holds.

    manifest.read_issue returns it; delivery, publishing and the console work on it instead of
    on the manifest's JSON.
    """

    folder: Path
    issue: Issue
    outputs: dict[str, str]  # "docx" / "pdf" -> file name inside the folder
    warnings: tuple[dict, ...] = ()
    revision: str = ""  # "" as built; "final-<hash>" once published from a draft
    publication: Publication | None = None

    @property
    def id(self) -> str:
        """The issue's id: its folder name, e.g. 2026-11-26-daily-12."""
        return self.folder.name

    @property
    def published(self) -> bool:
        return self.publication is not None

    def output(self, kind: str) -> Path | None:
        name = self.outputs.get(kind)
        return self.folder / name if name else None

    @property
    def outbox_key(self) -> str:
        return outbox_key(self.issue.edition, self.issue.masthead.number, self.revision)

    @property
    def built_key(self) -> str:
        """The outbox's name for the issue as built, before any publishing."""
        return outbox_key(self.issue.edition, self.issue.masthead.number)
