"""The SQLite ledger under state_dir: issue numbers, the record of builds, the outbox of mail
and the record of scheduled runs.

Numbering rules: numbers run per year and restart on 1 January; regular issues and special
issues (增刊) have separate sequences; a running total counts regular issues across years.
Rebuilding the same edition for the same date reuses its number until that issue has been
sent; after that a rebuild is a new issue with the next number.
"""

from __future__ import annotations

import errno
import json
import re
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager, suppress
from dataclasses import dataclass
from datetime import date as Date, datetime, timedelta, timezone
from pathlib import Path

from .errors import LedgerError
from .model import (
    ISSUE_FOLDER,
    MAILED_STATES,
    UNFINISHED_RUNS,
    BuildStatus,
    IssueNumber,
    IssueStatus,
    OutboxStatus,
    RunStatus,
)

LEDGER_NAME = "ledger.sqlite3"

SCHEMA = """
CREATE TABLE IF NOT EXISTS issues (
    id INTEGER PRIMARY KEY,
    edition TEXT NOT NULL,
    date TEXT NOT NULL,
    special INTEGER NOT NULL,
    year INTEGER NOT NULL,
    number INTEGER NOT NULL,
    total INTEGER,
    status TEXT NOT NULL DEFAULT 'reserved',  -- reserved | built | sent | published
    folder TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (edition, year, special, number)
);
CREATE TABLE IF NOT EXISTS builds (
    id INTEGER PRIMARY KEY,
    issue_id INTEGER REFERENCES issues(id),
    edition TEXT NOT NULL,
    date TEXT NOT NULL,
    started_at TEXT NOT NULL,
    finished_at TEXT,
    status TEXT NOT NULL,  -- running | ok | failed
    folder TEXT,
    message TEXT
);
-- One row per (issue, recipient): pending -> sending -> sent | failed | unknown.
-- 'unknown': the connection was lost after the message was handed over and before the server
-- answered; it may have arrived, so it is shown to the operator and never resent blindly.
CREATE TABLE IF NOT EXISTS outbox (
    id INTEGER PRIMARY KEY,
    issue_key TEXT NOT NULL,
    issue_id INTEGER REFERENCES issues(id),
    folder TEXT NOT NULL,
    recipient TEXT NOT NULL,
    message_id TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending',  -- pending | sending | sent | failed | unknown
    permanent INTEGER NOT NULL DEFAULT 0,    -- failed with a 5xx: retrying will not help
    attempts INTEGER NOT NULL DEFAULT 0,
    last_reply TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    sent_at TEXT,
    UNIQUE (issue_key, recipient)
);
-- One row per (edition, scheduled time): what the service did for that run.
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY,
    edition TEXT NOT NULL,
    scheduled_for TEXT NOT NULL,  -- UTC, ISO 8601
    date TEXT NOT NULL,           -- the issue date, in the briefing's time zone
    trigger TEXT NOT NULL,        -- schedule | manual
    status TEXT NOT NULL,         -- running | built | done | failed | missed
    folder TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    message TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (edition, scheduled_for)
);
-- console: users, sessions, tokens, approvals, audit, queued runs, the archive's search index
CREATE TABLE IF NOT EXISTS users (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    password_hash TEXT NOT NULL,  -- argon2id, with its own salt and parameters
    roles TEXT NOT NULL,          -- comma-separated: viewer, editor, approver, operator, admin
    email TEXT,                   -- approvers are told here when an issue waits for them
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sessions (
    id TEXT PRIMARY KEY,          -- SHA-256 of the cookie's value: a copy of the ledger opens no session
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    csrf TEXT NOT NULL,
    created_at TEXT NOT NULL,
    last_seen TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS tokens (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    token_hash TEXT NOT NULL UNIQUE,  -- SHA-256 of the token, which is shown once
    roles TEXT NOT NULL,
    created_at TEXT NOT NULL,
    last_used TEXT
);
CREATE TABLE IF NOT EXISTS login_failures (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL,            -- "name:<user name>" or "address:<client address>"
    at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS login_failures_key ON login_failures (key, at);
-- An approval is of one revision of an issue: what its files say at that moment.
CREATE TABLE IF NOT EXISTS approvals (
    id INTEGER PRIMARY KEY,
    issue TEXT NOT NULL,          -- the issue's id, its folder name
    revision TEXT NOT NULL,
    approver TEXT NOT NULL,
    approved_at TEXT NOT NULL,
    UNIQUE (issue, revision, approver)
);
-- A revision that waits for approval: approvers told (once), and whether a run wants it mailed.
CREATE TABLE IF NOT EXISTS reviews (
    issue TEXT NOT NULL,
    revision TEXT NOT NULL,
    folder TEXT NOT NULL,
    notified TEXT,                -- addresses told, comma-separated; NULL while nobody was told
    notified_at TEXT,
    note TEXT,                    -- why nobody could be told
    run_id INTEGER REFERENCES runs(id),  -- the scheduled run that will mail it once approved
    released_at TEXT,             -- when approval let it go to the recipients
    created_at TEXT NOT NULL,
    PRIMARY KEY (issue, revision)
);
CREATE TABLE IF NOT EXISTS audit (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,          -- a console user, token:NAME, cli:LOGIN, or schedule
    action TEXT NOT NULL,         -- build | publish | approve | send | login | user …
    issue TEXT,
    detail TEXT
);
CREATE INDEX IF NOT EXISTS audit_issue ON audit (issue, id);
-- A run asked for from the console or the API: the run row is 'queued' until a worker takes it.
CREATE TABLE IF NOT EXISTS queued_runs (
    run_id INTEGER PRIMARY KEY REFERENCES runs(id),
    special INTEGER NOT NULL DEFAULT 0,
    requested_by TEXT NOT NULL,
    progress TEXT                 -- the stage the build is in, for the page that watches it
);
-- The archive: one row per issue folder, and its titles and summaries as words for FTS5.
CREATE TABLE IF NOT EXISTS archive (
    issue TEXT PRIMARY KEY,
    folder TEXT NOT NULL,
    stamp TEXT NOT NULL,          -- the manifest's mtime and size when it was indexed
    edition TEXT NOT NULL,
    date TEXT NOT NULL,
    year INTEGER NOT NULL,
    number INTEGER NOT NULL,
    special INTEGER NOT NULL,
    title TEXT NOT NULL,
    items INTEGER NOT NULL,
    headlines TEXT NOT NULL,      -- the first item titles, one a line
    revision TEXT NOT NULL,
    outputs TEXT NOT NULL         -- JSON: kind -> file name
);
CREATE VIRTUAL TABLE IF NOT EXISTS archive_words USING fts5(issue UNINDEXED, words, tokenize = 'unicode61');
"""



def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def _in(states: tuple[str, ...]) -> str:
    """`(?,?,?)` for a state list bound as parameters."""
    return "(" + ",".join("?" * len(states)) + ")"


# -- what the ledger holds, as typed records ----------------------------------------------------


@dataclass(frozen=True)
class IssueEntry:
    id: int
    edition: str
    date: Date
    number: IssueNumber
    status: IssueStatus
    folder: Path | None
    created_at: str
    updated_at: str


@dataclass(frozen=True)
class BuildEntry:
    id: int
    issue_id: int | None
    edition: str
    date: Date
    started_at: str
    finished_at: str | None
    status: BuildStatus
    folder: Path | None
    message: str | None


@dataclass(frozen=True)
class OutboxEntry:
    issue_key: str
    issue_id: int | None
    folder: Path
    recipient: str
    message_id: str
    status: OutboxStatus
    permanent: bool  # failed with a 5xx: retrying will not help
    attempts: int
    last_reply: str | None
    created_at: str
    updated_at: str
    sent_at: str | None


@dataclass(frozen=True)
class RunEntry:
    id: int
    edition: str
    scheduled_for: datetime  # UTC
    date: Date  # the issue date, in the briefing's time zone
    trigger: str  # schedule | manual
    status: RunStatus
    folder: Path | None
    attempts: int
    message: str | None
    created_at: str
    updated_at: str


def _path(value: str | None) -> Path | None:
    return Path(value) if value else None


def _issue(row: sqlite3.Row | None) -> IssueEntry | None:
    if row is None:
        return None
    number = IssueNumber(row["year"], row["number"], row["total"], bool(row["special"]))
    return IssueEntry(row["id"], row["edition"], Date.fromisoformat(row["date"]), number,
                      IssueStatus(row["status"]), _path(row["folder"]), row["created_at"], row["updated_at"])


def _build(row: sqlite3.Row) -> BuildEntry:
    return BuildEntry(row["id"], row["issue_id"], row["edition"], Date.fromisoformat(row["date"]),
                      row["started_at"], row["finished_at"], BuildStatus(row["status"]), _path(row["folder"]),
                      row["message"])


def _outbox(row: sqlite3.Row | None) -> OutboxEntry | None:
    if row is None:
        return None
    return OutboxEntry(row["issue_key"], row["issue_id"], Path(row["folder"]), row["recipient"], row["message_id"],
                       OutboxStatus(row["status"]), bool(row["permanent"]), row["attempts"], row["last_reply"],
                       row["created_at"], row["updated_at"], row["sent_at"])


def _run(row: sqlite3.Row | None) -> RunEntry | None:
    if row is None:
        return None
    return RunEntry(row["id"], row["edition"], datetime.fromisoformat(row["scheduled_for"]),
                    Date.fromisoformat(row["date"]), row["trigger"], RunStatus(row["status"]), _path(row["folder"]),
                    row["attempts"], row["message"], row["created_at"], row["updated_at"])


# -- what went wrong with the ledger file, in one line ------------------------------------------

_DISK_ERRNOS = (errno.ENOSPC, errno.EFBIG, errno.EDQUOT, errno.EIO)


def ledger_failure(path: Path, exc: BaseException, doing: str = "use") -> LedgerError:
    """The one-line error for a ledger that cannot be opened or written, saying what to do.

    A damaged file and a full disk need opposite cures: a full disk is freed and the command run
    again (the file is fine); only a damaged file is moved aside and rebuilt or restored."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    number = getattr(exc, "errno", None)
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
        return LedgerError(f"{path}: the ledger is damaged ({exc}); `briefing ledger rebuild` sets it aside and "
                           "rebuilds it from the issue folders in output_dir (or restore a backup)")
    if name.startswith(("SQLITE_FULL", "SQLITE_IOERR")) or number in _DISK_ERRNOS:
        return LedgerError(f"{path}: cannot {doing} the ledger ({_reason(exc)}); the disk holding state_dir is full "
                           f"or failing ({free_space(path.parent)} free there): free some space and run the command "
                           "again — the ledger itself is not damaged")
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return LedgerError(f"{path}: the ledger stayed busy (another briefing process held it for over 30 s); "
                           "run the command again")
    return LedgerError(f"{path}: cannot {doing} the ledger ({_reason(exc)}); check state_dir in briefing.toml, "
                       "and that this user may write there")


def _reason(exc: BaseException) -> str:
    return (getattr(exc, "strerror", None) or str(exc) or type(exc).__name__).lower()


def free_space(folder: Path) -> str:
    """How much room is left on the disk holding folder (or its nearest existing parent), for messages."""
    for candidate in (folder, *folder.parents):
        with suppress(OSError):
            free = shutil.disk_usage(candidate).free
            return f"{free / 2**20:.1f} MiB" if free >= 2**20 else f"{free // 1024} KiB"
    return "unknown"


def sqlite_damage(path: Path) -> str | None:
    """Why the SQLite file at path is damaged, or None: also when it is missing, or only busy
    or unreadable for another reason (the error met when it is used says what that is)."""
    if not path.exists():
        return None
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
            verdict = db.execute("PRAGMA quick_check").fetchone()[0]
    except sqlite3.Error as exc:
        damaged = (getattr(exc, "sqlite_errorname", "") or "").startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB"))
        return str(exc) if damaged else None
    return None if verdict == "ok" else f"damaged: {verdict}"


def set_aside(path: Path, now: datetime) -> Path:
    """Move a damaged SQLite file (with its journal, WAL and shared-memory files) out of the way,
    kept beside it as <name>.damaged-<UTC time> for whoever wants to look at it."""
    aside = path.with_name(f"{path.name}.damaged-{now.astimezone(timezone.utc):%Y%m%dT%H%M%S}")
    for suffix in ("", "-journal", "-wal", "-shm"):
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            companion.rename(aside.with_name(aside.name + suffix))
    return aside


# -- issue folders in output_dir, by name ------------------------------------------------------------



@dataclass(frozen=True)
class IssueFolder:
    """An issue folder found in output_dir: what its name says it holds."""

    folder: Path
    edition: str
    date: Date
    year: int
    number: int
    special: bool

    @property
    def key(self) -> tuple[str, int, bool, int]:
        return self.edition, self.year, self.special, self.number


def scan_output_dir(out_dir: Path) -> list[IssueFolder]:
    """The issue folders in out_dir (a name briefing gives and a manifest.json), oldest first.
    Staging folders (hidden) and anything else are passed over."""
    found = []
    try:
        entries = sorted(out_dir.iterdir())
    except OSError:
        return []
    for entry in entries:
        match = ISSUE_FOLDER.match(entry.name)
        if not match or not (entry / "manifest.json").is_file():
            continue
        year, month, day, edition, special, number = match.groups()
        try:
            when = Date(int(year), int(month), int(day))
        except ValueError:
            continue
        found.append(IssueFolder(entry, edition, when, when.year, int(number), special == "s"))
    return found


class Ledger:
    def __init__(self, state_dir: Path):
        self.path = state_dir / LEDGER_NAME
        try:
            state_dir.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            self._db.row_factory = sqlite3.Row
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.executescript(SCHEMA)
        except (OSError, sqlite3.Error) as exc:
            raise ledger_failure(self.path, exc, "open") from None

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        """One write, all or nothing; a failed write (a full disk, a damaged file) is a LedgerError."""
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise ledger_failure(self.path, exc, "write") from None
        try:
            yield self._db
            self._db.execute("COMMIT")
        except BaseException as exc:
            with suppress(sqlite3.Error):
                self._db.execute("ROLLBACK")
            if isinstance(exc, sqlite3.Error):
                raise ledger_failure(self.path, exc, "write") from None
            raise

    def reserve(self, edition: str, day: Date, special: bool) -> tuple[int, IssueNumber, bool]:
        """The issue row for this build: (row id, number, newly reserved?)."""
        reusable = (IssueStatus.RESERVED, IssueStatus.BUILT)
        with self._transaction() as db:
            row = db.execute(
                f"SELECT * FROM issues WHERE edition=? AND date=? AND special=? AND status IN {_in(reusable)}"
                # once any recipient may have a copy, a rebuild is a new issue, never an overwrite
                " AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.issue_id = issues.id"
                f" AND o.status IN {_in(MAILED_STATES)})"
                " ORDER BY id DESC LIMIT 1",
                (edition, day.isoformat(), int(special), *reusable, *MAILED_STATES),
            ).fetchone()
            if row is not None:
                return row["id"], _issue(row).number, False
            number = db.execute(
                "SELECT COALESCE(MAX(number), 0) + 1 FROM issues WHERE edition=? AND year=? AND special=?",
                (edition, day.year, int(special)),
            ).fetchone()[0]
            total = None
            if not special:
                total = db.execute(
                    "SELECT COALESCE(MAX(total), 0) + 1 FROM issues WHERE edition=? AND special=0", (edition,)
                ).fetchone()[0]
            cursor = db.execute(
                "INSERT INTO issues (edition, date, special, year, number, total, status, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (edition, day.isoformat(), int(special), day.year, number, total, IssueStatus.RESERVED, _now(), _now()),
            )
            return cursor.lastrowid, IssueNumber(day.year, number, total, special), True

    def release(self, issue_id: int) -> None:
        """Give back a number reserved by a build that then failed."""
        with self._transaction() as db:
            db.execute("DELETE FROM issues WHERE id=? AND status=?", (issue_id, IssueStatus.RESERVED))

    def mark(self, issue_id: int, status: IssueStatus, folder: Path | str | None = None) -> None:
        with self._transaction() as db:
            db.execute(
                "UPDATE issues SET status=?, folder=COALESCE(?, folder), updated_at=? WHERE id=?",
                (IssueStatus(status), str(folder) if folder else None, _now(), issue_id),
            )

    def start_build(self, edition: str, day: Date) -> int:
        with self._transaction() as db:
            return db.execute(
                "INSERT INTO builds (edition, date, started_at, status) VALUES (?, ?, ?, ?)",
                (edition, day.isoformat(), _now(), BuildStatus.RUNNING),
            ).lastrowid

    def finish_build(self, build_id: int, status: BuildStatus, issue_id: int | None = None,
                     folder: Path | str | None = None, message: str | None = None) -> None:
        with self._transaction() as db:
            db.execute(
                "UPDATE builds SET status=?, issue_id=?, folder=?, message=?, finished_at=? WHERE id=?",
                (BuildStatus(status), issue_id, str(folder) if folder else None, message, _now(), build_id),
            )

    def issues(self) -> list[IssueEntry]:
        return [_issue(row) for row in self._db.execute("SELECT * FROM issues ORDER BY id")]

    def builds(self, limit: int = 20) -> list[BuildEntry]:
        return [_build(row) for row in self._db.execute("SELECT * FROM builds ORDER BY id DESC LIMIT ?", (limit,))]

    # -- integrity ---------------------------------------------------------------------------------
    # The ledger against the issue folders in output_dir (an emptied or replaced ledger must not
    # start the numbers over), and what a killed build leaves behind (a number 'reserved', a
    # build 'running'), reclaimed once no process holds that issue's lock.

    def unknown_folders(self, out_dir: Path) -> list[IssueFolder]:
        """Issue folders in out_dir that the ledger has no issue row for."""
        known = {(row["edition"], row["year"], bool(row["special"]), row["number"])
                 for row in self._db.execute("SELECT edition, year, special, number FROM issues")}
        return [found for found in scan_output_dir(out_dir) if found.key not in known]

    def restore_issue(self, found: IssueFolder, total: int | None, status: IssueStatus, issue_key: str,
                      recipients: list[tuple[str, str]], note: str) -> int:
        """Put an issue folder the ledger lost back into it (`briefing ledger rebuild`). Each of
        `recipients` (address, Message-ID) is recorded 'unknown' for it: whether they had the
        issue was lost with the ledger, so it is never mailed to them again unasked."""
        with self._transaction() as db:
            issue_id = db.execute(
                "INSERT INTO issues (edition, date, special, year, number, total, status, folder, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (found.edition, found.date.isoformat(), int(found.special), found.year, found.number, total,
                 IssueStatus(status), str(found.folder), _now(), _now()),
            ).lastrowid
            for recipient, message_id in recipients:
                db.execute(
                    "INSERT INTO outbox (issue_key, issue_id, folder, recipient, message_id, status, last_reply,"
                    " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (issue_key, recipient)"
                    " DO NOTHING",
                    (issue_key, issue_id, str(found.folder), recipient, message_id, OutboxStatus.UNKNOWN, note,
                     _now(), _now()),
                )
            return issue_id

    def record_unclaimed_run(self, edition: str, scheduled_for: datetime, day: Date, trigger: str,
                             message: str) -> bool:
        """A run the service was stopped from before it could claim it (it was waiting for the
        issue's lock): recorded 'interrupted', so the next start resumes it instead of losing it.
        False when the run is recorded already (someone else claimed it)."""
        with self._transaction() as db:
            return db.execute(
                "INSERT INTO runs (edition, scheduled_for, date, trigger, status, message, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (edition, scheduled_for) DO NOTHING",
                (edition, _utc(scheduled_for), day.isoformat(), trigger, RunStatus.INTERRUPTED, message, _now(), _now()),
            ).rowcount == 1

    def abandoned(self) -> list[tuple[str, Date]]:
        """(edition, date) of every build left 'running' and every number left 'reserved': what
        a build leaves when its process dies, unless a build of that issue is under way."""
        rows = self._db.execute(
            "SELECT edition, date FROM builds WHERE status=? UNION SELECT edition, date FROM issues WHERE status=?"
            # the latest first: giving its number back may make an earlier one the last again
            " ORDER BY date DESC, edition", (BuildStatus.RUNNING, IssueStatus.RESERVED))
        return [(row["edition"], Date.fromisoformat(row["date"])) for row in rows]

    def reclaim(self, edition: str, day: Date) -> tuple[int, int]:
        """Close what dead builds of (edition, day) left: (builds marked failed, numbers given back).

        Call it only holding that issue's lock, before starting a build of it. A number is given
        back only while it is the last of its sequence, so that no hole opens; an earlier one stays
        reserved for the rebuild of its date, which reuses it."""
        with self._transaction() as db:
            builds = db.execute(
                "UPDATE builds SET status=?, finished_at=?, message=? WHERE edition=? AND date=? AND status=?",
                (BuildStatus.FAILED, _now(), "the build's process ended before it finished (killed or crashed); "
                 "closed by the next build", edition, day.isoformat(), BuildStatus.RUNNING),
            ).rowcount
            numbers = db.execute(
                "DELETE FROM issues WHERE edition=? AND date=? AND status=? AND NOT EXISTS (SELECT 1 FROM issues"
                " later WHERE later.edition = issues.edition AND later.year = issues.year"
                " AND later.special = issues.special AND later.number > issues.number)",
                (edition, day.isoformat(), IssueStatus.RESERVED),
            ).rowcount
            return builds, numbers

    # -- issues, looked up by what a manifest says -------------------------------------------------

    def find_issue(self, edition: str, year: int, number: int, special: bool) -> IssueEntry | None:
        return _issue(self._db.execute(
            "SELECT * FROM issues WHERE edition=? AND year=? AND number=? AND special=?",
            (edition, year, number, int(special)),
        ).fetchone())

    def mailed_issue(self, edition: str, day: Date) -> IssueEntry | None:
        """The latest regular issue of (edition, day) that has gone out to anyone, if any."""
        return _issue(self._db.execute(
            "SELECT * FROM issues WHERE edition=? AND date=? AND special=0 AND (status=?"
            f" OR EXISTS (SELECT 1 FROM outbox o WHERE o.issue_id = issues.id AND o.status IN {_in(MAILED_STATES)}))"
            " ORDER BY id DESC LIMIT 1",
            (edition, day.isoformat(), IssueStatus.SENT, *MAILED_STATES),
        ).fetchone())

    def published_issue(self, edition: str, day: Date) -> IssueEntry | None:
        """The latest regular issue of (edition, day) published from an editor's draft, if any."""
        return _issue(self._db.execute(
            "SELECT * FROM issues WHERE edition=? AND date=? AND special=0 AND status=? ORDER BY id DESC LIMIT 1",
            (edition, day.isoformat(), IssueStatus.PUBLISHED),
        ).fetchone())

    # -- outbox ------------------------------------------------------------------------------------

    def outbox_rows(self, issue_key: str) -> list[OutboxEntry]:
        return [_outbox(row) for row in
                self._db.execute("SELECT * FROM outbox WHERE issue_key=? ORDER BY id", (issue_key,))]

    def outbox_row(self, issue_key: str, recipient: str) -> OutboxEntry | None:
        return _outbox(self._db.execute("SELECT * FROM outbox WHERE issue_key=? AND recipient=?",
                                        (issue_key, recipient)).fetchone())

    def enqueue(self, issue_key: str, issue_id: int | None, folder: Path | str, recipient: str,
                message_id: str) -> None:
        """The row for (issue, recipient), created pending if new; an existing row is kept as it is."""
        with self._transaction() as db:
            db.execute(
                "INSERT INTO outbox (issue_key, issue_id, folder, recipient, message_id, status, created_at, updated_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (issue_key, recipient) DO UPDATE SET"
                " folder=excluded.folder, issue_id=COALESCE(outbox.issue_id, excluded.issue_id)",
                (issue_key, issue_id, str(folder), recipient, message_id, OutboxStatus.PENDING, _now(), _now()),
            )

    def settle_interrupted(self, issue_key: str) -> int:
        """Rows left 'sending' by a process that died mid-send become 'unknown'. Only call this
        while holding the issue's lock, when no one else can be sending them."""
        with self._transaction() as db:
            return db.execute(
                "UPDATE outbox SET status=?, updated_at=?, last_reply=COALESCE(last_reply || '; ', '')"
                " || 'interrupted while sending: it may or may not have arrived' WHERE issue_key=? AND status=?",
                (OutboxStatus.UNKNOWN, _now(), issue_key, OutboxStatus.SENDING),
            ).rowcount

    def set_outbox(self, issue_key: str, recipient: str, status: OutboxStatus, reply: str | None = None,
                   permanent: bool = False, attempted: bool = False) -> None:
        status = OutboxStatus(status)
        with self._transaction() as db:
            db.execute(
                "UPDATE outbox SET status=?, last_reply=COALESCE(?, last_reply), permanent=?,"
                " attempts=attempts + ?, updated_at=?, sent_at=CASE WHEN ? THEN ? ELSE sent_at END"
                " WHERE issue_key=? AND recipient=?",
                (status, reply, int(permanent), int(attempted), _now(), status is OutboxStatus.SENT, _now(),
                 issue_key, recipient),
            )

    def mark_sent_when_done(self, issue_id: int | None, issue_key: str) -> bool:
        """Mark the issue 'sent' once delivery to all its recipients has finished (each row sent
        or failed, at least one sent). A published issue stays published."""
        states = [row.status for row in self.outbox_rows(issue_key)]
        done = bool(states) and OutboxStatus.SENT in states and all(
            s in (OutboxStatus.SENT, OutboxStatus.FAILED) for s in states)
        if issue_id is not None and done:
            with self._transaction() as db:
                db.execute("UPDATE issues SET status=?, updated_at=? WHERE id=? AND status IN (?, ?)",
                           (IssueStatus.SENT, _now(), issue_id, IssueStatus.RESERVED, IssueStatus.BUILT))
        return done

    # -- scheduled runs ------------------------------------------------------------------------------

    def run(self, edition: str, scheduled_for: datetime) -> RunEntry | None:
        return _run(self._db.execute("SELECT * FROM runs WHERE edition=? AND scheduled_for=?",
                                     (edition, _utc(scheduled_for))).fetchone())

    def runs(self, edition: str | None = None, limit: int = 50) -> list[RunEntry]:
        if edition is None:
            rows = self._db.execute("SELECT * FROM runs ORDER BY scheduled_for DESC, id DESC LIMIT ?", (limit,))
        else:
            rows = self._db.execute("SELECT * FROM runs WHERE edition=? ORDER BY scheduled_for DESC, id DESC LIMIT ?",
                                    (edition, limit))
        return [_run(row) for row in rows]

    def claim_run(self, edition: str, scheduled_for: datetime, day: Date, trigger: str) -> RunEntry | None:
        """Take the run (edition, scheduled_for) to work on it, or None when it needs nothing.

        A new run starts 'running'. A run found 'running' or 'built' was left by a process that
        died, one found 'interrupted' by a service that was stopped (the caller holds the issue
        lock, so no one else is working on it): it is taken again, 'running', and resumes from
        where it got to (its folder, once it has one). A finished, failed or missed run is left alone.
        """
        key = _utc(scheduled_for)
        with self._transaction() as db:
            row = db.execute("SELECT * FROM runs WHERE edition=? AND scheduled_for=?", (edition, key)).fetchone()
            if row is None:
                db.execute(
                    "INSERT INTO runs (edition, scheduled_for, date, trigger, status, attempts, created_at, updated_at)"
                    " VALUES (?, ?, ?, ?, ?, 1, ?, ?)",
                    (edition, key, day.isoformat(), trigger, RunStatus.RUNNING, _now(), _now()),
                )
            elif row["status"] in UNFINISHED_RUNS:
                db.execute("UPDATE runs SET status=?, attempts=attempts + 1, updated_at=? WHERE id=?",
                           (RunStatus.RUNNING, _now(), row["id"]))
            else:
                return None
            return _run(db.execute("SELECT * FROM runs WHERE edition=? AND scheduled_for=?", (edition, key)).fetchone())

    def update_run(self, run_id: int, status: RunStatus, folder: Path | str | None = None,
                   message: str | None = None) -> None:
        with self._transaction() as db:
            db.execute("UPDATE runs SET status=?, folder=COALESCE(?, folder), message=COALESCE(?, message),"
                       " updated_at=? WHERE id=?",
                       (RunStatus(status), str(folder) if folder else None, message, _now(), run_id))

    def record_missed(self, edition: str, scheduled_for: datetime, day: Date, message: str) -> bool:
        """Record a run that came too late to be run; False if the run was already recorded."""
        with self._transaction() as db:
            return db.execute(
                "INSERT INTO runs (edition, scheduled_for, date, trigger, status, message, created_at, updated_at)"
                " VALUES (?, ?, ?, 'schedule', ?, ?, ?, ?) ON CONFLICT (edition, scheduled_for) DO NOTHING",
                (edition, _utc(scheduled_for), day.isoformat(), RunStatus.MISSED, message, _now(), _now()),
            ).rowcount == 1

    def unfinished_runs(self, since: datetime) -> list[RunEntry]:
        """Runs a crashed process left halfway, scheduled at or after `since`."""
        return [_run(row) for row in self._db.execute(
            f"SELECT * FROM runs WHERE status IN {_in(UNFINISHED_RUNS)} AND scheduled_for >= ? ORDER BY scheduled_for",
            (*UNFINISHED_RUNS, _utc(since)),
        )]

    # -- console: users, sessions, tokens, approvals, audit, queued runs ---------------------------
    # Everything the console keeps lives here with the rest of the ledger, so that a move to
    # another database changes this one module.

    def add_user(self, name: str, password_hash: str, roles: tuple[str, ...], email: str | None = None) -> bool:
        """A new user; False when the name is taken."""
        with self._transaction() as db:
            return db.execute(
                "INSERT INTO users (name, password_hash, roles, email, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)"
                " ON CONFLICT (name) DO NOTHING",
                (name, password_hash, ",".join(roles), email, _now(), _now()),
            ).rowcount == 1

    def user(self, name: str) -> UserEntry | None:
        return _user(self._db.execute("SELECT * FROM users WHERE name=?", (name,)).fetchone())

    def users(self) -> list[UserEntry]:
        return [_user(row) for row in self._db.execute("SELECT * FROM users ORDER BY name")]

    def update_user(self, name: str, *, password_hash: str | None = None, roles: tuple[str, ...] | None = None,
                    email: str | None = None) -> bool:
        """Change what is given; a new password also ends the user's sessions."""
        with self._transaction() as db:
            row = db.execute("SELECT id FROM users WHERE name=?", (name,)).fetchone()
            if row is None:
                return False
            db.execute("UPDATE users SET password_hash=COALESCE(?, password_hash), roles=COALESCE(?, roles),"
                       " email=COALESCE(?, email), updated_at=? WHERE id=?",
                       (password_hash, ",".join(roles) if roles is not None else None, email, _now(), row["id"]))
            if password_hash is not None or roles is not None:
                db.execute("DELETE FROM sessions WHERE user_id=?", (row["id"],))
            return True

    def remove_user(self, name: str) -> bool:
        with self._transaction() as db:
            row = db.execute("SELECT id FROM users WHERE name=?", (name,)).fetchone()
            if row is None:
                return False
            db.execute("DELETE FROM sessions WHERE user_id=?", (row["id"],))
            db.execute("DELETE FROM users WHERE id=?", (row["id"],))
            return True

    def open_session(self, session_hash: str, user_id: int, csrf: str, expires_at: datetime) -> None:
        with self._transaction() as db:
            db.execute("DELETE FROM sessions WHERE expires_at < ?", (_now(),))
            db.execute("INSERT INTO sessions (id, user_id, csrf, created_at, last_seen, expires_at)"
                       " VALUES (?, ?, ?, ?, ?, ?)", (session_hash, user_id, csrf, _now(), _now(), _utc(expires_at)))

    def session(self, session_hash: str, now: datetime) -> SessionEntry | None:
        """The live session with this hash and its user, or None (unknown or expired)."""
        row = self._db.execute(
            "SELECT s.id AS session_id, s.csrf, s.expires_at, s.last_seen, u.* FROM sessions s"
            " JOIN users u ON u.id = s.user_id WHERE s.id=? AND s.expires_at > ?",
            (session_hash, _utc(now)),
        ).fetchone()
        if row is None:
            return None
        return SessionEntry(row["session_id"], _user(row), row["csrf"], datetime.fromisoformat(row["expires_at"]),
                            row["last_seen"])

    def extend_session(self, session_hash: str, expires_at: datetime) -> None:
        with self._transaction() as db:
            db.execute("UPDATE sessions SET last_seen=?, expires_at=? WHERE id=?",
                       (_now(), _utc(expires_at), session_hash))

    def close_session(self, session_hash: str) -> None:
        with self._transaction() as db:
            db.execute("DELETE FROM sessions WHERE id=?", (session_hash,))

    def add_token(self, name: str, token_hash: str, roles: tuple[str, ...]) -> bool:
        with self._transaction() as db:
            return db.execute(
                "INSERT INTO tokens (name, token_hash, roles, created_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (name) DO NOTHING", (name, token_hash, ",".join(roles), _now()),
            ).rowcount == 1

    def token(self, token_hash: str) -> TokenEntry | None:
        """The token with this hash, marked used at most once a minute (as sessions are extended):
        a script's every read does not take the ledger's write lock from the builds."""
        entry = _token(self._db.execute("SELECT * FROM tokens WHERE token_hash=?", (token_hash,)).fetchone())
        now = datetime.now(timezone.utc)
        if entry is not None and (entry.last_used is None
                                  or now - datetime.fromisoformat(entry.last_used) >= timedelta(minutes=1)):
            with self._transaction() as db:
                db.execute("UPDATE tokens SET last_used=? WHERE token_hash=?", (_utc(now.replace(microsecond=0)),
                                                                               token_hash))
        return entry

    def tokens(self) -> list[TokenEntry]:
        return [_token(row) for row in self._db.execute("SELECT * FROM tokens ORDER BY name")]

    def remove_token(self, name: str) -> bool:
        with self._transaction() as db:
            return db.execute("DELETE FROM tokens WHERE name=?", (name,)).rowcount == 1

    def login_failures(self, key: str, since: datetime) -> int:
        return self._db.execute("SELECT COUNT(*) FROM login_failures WHERE key=? AND at >= ?",
                                (key, _utc(since))).fetchone()[0]

    def record_login_failure(self, keys: tuple[str, ...], forget_before: datetime) -> None:
        with self._transaction() as db:
            db.execute("DELETE FROM login_failures WHERE at < ?", (_utc(forget_before),))
            now = _utc(datetime.now(timezone.utc))
            db.executemany("INSERT INTO login_failures (key, at) VALUES (?, ?)", [(key, now) for key in keys])

    def clear_login_failures(self, key: str) -> None:
        with self._transaction() as db:
            db.execute("DELETE FROM login_failures WHERE key=?", (key,))

    def approve(self, issue: str, revision: str, approver: str) -> ApprovalEntry:
        """Record that approver approved this revision of the issue (once; again is the same)."""
        with self._transaction() as db:
            db.execute("INSERT INTO approvals (issue, revision, approver, approved_at) VALUES (?, ?, ?, ?)"
                       " ON CONFLICT (issue, revision, approver) DO NOTHING", (issue, revision, approver, _now()))
            return _approval(db.execute("SELECT * FROM approvals WHERE issue=? AND revision=? AND approver=?",
                                        (issue, revision, approver)).fetchone())

    def approvals(self, issue: str) -> list[ApprovalEntry]:
        return [_approval(row) for row in
                self._db.execute("SELECT * FROM approvals WHERE issue=? ORDER BY id", (issue,))]

    def review(self, issue: str, revision: str) -> ReviewEntry | None:
        return _review(self._db.execute("SELECT * FROM reviews WHERE issue=? AND revision=?",
                                        (issue, revision)).fetchone())

    def open_review(self, issue: str, revision: str, folder: Path, run_id: int | None = None) -> ReviewEntry:
        """The review of this revision, made when it first waits; a run that wants it mailed is kept."""
        with self._transaction() as db:
            db.execute("INSERT INTO reviews (issue, revision, folder, run_id, created_at) VALUES (?, ?, ?, ?, ?)"
                       " ON CONFLICT (issue, revision) DO UPDATE SET run_id=COALESCE(excluded.run_id, reviews.run_id),"
                       " folder=excluded.folder", (issue, revision, str(folder), run_id, _now()))
            return _review(db.execute("SELECT * FROM reviews WHERE issue=? AND revision=?",
                                      (issue, revision)).fetchone())

    def reviews_of(self, issue: str) -> list[ReviewEntry]:
        return [_review(row) for row in
                self._db.execute("SELECT * FROM reviews WHERE issue=? ORDER BY created_at", (issue,))]

    def mark_notified(self, issue: str, revision: str, addresses: list[str], note: str | None = None) -> None:
        with self._transaction() as db:
            db.execute("UPDATE reviews SET notified=?, notified_at=?, note=? WHERE issue=? AND revision=?",
                       (",".join(addresses) if addresses else None, _now() if addresses else None, note,
                        issue, revision))

    def mark_released(self, issue: str, revision: str) -> bool:
        """Take the release of an approved revision; False when another approval took it first."""
        with self._transaction() as db:
            return db.execute("UPDATE reviews SET released_at=? WHERE issue=? AND revision=? AND released_at IS NULL",
                              (_now(), issue, revision)).rowcount == 1

    def audit(self, actor: str, action: str, issue: str | None = None, detail: str | None = None) -> None:
        with self._transaction() as db:
            db.execute("INSERT INTO audit (at, actor, action, issue, detail) VALUES (?, ?, ?, ?, ?)",
                       (_now(), actor, action, issue, detail))

    def audit_log(self, issue: str | None = None, limit: int = 200) -> list[AuditEntry]:
        if issue is None:
            rows = self._db.execute("SELECT * FROM audit ORDER BY id DESC LIMIT ?", (limit,))
        else:
            rows = self._db.execute("SELECT * FROM audit WHERE issue=? ORDER BY id DESC LIMIT ?", (issue, limit))
        return [AuditEntry(r["id"], r["at"], r["actor"], r["action"], r["issue"], r["detail"]) for r in rows]

    def queue_run(self, edition: str, day: Date, special: bool, requested_by: str, moment: datetime) -> RunEntry:
        """A run asked for now: a 'queued' row in the run ledger, taken by a worker (start_queued_run)."""
        with self._transaction() as db:
            run_id = db.execute(
                "INSERT INTO runs (edition, scheduled_for, date, trigger, status, created_at, updated_at)"
                " VALUES (?, ?, ?, 'manual', ?, ?, ?)",
                (edition, _utc(moment), day.isoformat(), RunStatus.QUEUED, _now(), _now()),
            ).lastrowid
            db.execute("INSERT INTO queued_runs (run_id, special, requested_by) VALUES (?, ?, ?)",
                       (run_id, int(special), requested_by))
            return _run(db.execute("SELECT * FROM runs WHERE id=?", (run_id,)).fetchone())

    def run_by_id(self, run_id: int) -> RunEntry | None:
        return _run(self._db.execute("SELECT * FROM runs WHERE id=?", (run_id,)).fetchone())

    def queued_run(self, run_id: int) -> QueuedRun | None:
        return _queued(self._db.execute(
            "SELECT r.*, q.special, q.requested_by, q.progress FROM runs r JOIN queued_runs q ON q.run_id = r.id"
            " WHERE r.id=?", (run_id,)).fetchone())

    def waiting_runs(self) -> list[QueuedRun]:
        """Asked-for runs not finished: queued, or running (perhaps in a process that died)."""
        return [_queued(row) for row in self._db.execute(
            "SELECT r.*, q.special, q.requested_by, q.progress FROM runs r JOIN queued_runs q ON q.run_id = r.id"
            " WHERE r.status IN (?, ?) ORDER BY r.id", (RunStatus.QUEUED, RunStatus.RUNNING))]

    def start_queued_run(self, run_id: int) -> QueuedRun | None:
        """Take an asked-for run to work on it: 'queued' (or 'running', left by a process that died;
        the caller holds the issue lock) becomes 'running'. None when it has finished meanwhile."""
        with self._transaction() as db:
            taken = db.execute("UPDATE runs SET status=?, attempts=attempts + 1, updated_at=? WHERE id=? AND status IN (?, ?)",
                               (RunStatus.RUNNING, _now(), run_id, RunStatus.QUEUED, RunStatus.RUNNING)).rowcount
        return self.queued_run(run_id) if taken else None

    def set_progress(self, run_id: int, progress: str) -> None:
        with self._transaction() as db:
            db.execute("UPDATE queued_runs SET progress=? WHERE run_id=?", (progress, run_id))

    def issue_folders(self) -> dict[str, tuple[Path, IssueStatus]]:
        """Every issue folder the ledger knows, by its name (the issue id), with the issue's status;
        the latest issue wins a name. A light query: the archive looks at it on every list."""
        return {Path(row["folder"]).name: (Path(row["folder"]), IssueStatus(row["status"])) for row in
                self._db.execute("SELECT folder, status FROM issues WHERE folder IS NOT NULL ORDER BY id")}

    def archive_stamps(self) -> dict[str, tuple[str, str]]:
        """issue -> (folder, stamp) of what the archive holds."""
        return {row["issue"]: (row["folder"], row["stamp"])
                for row in self._db.execute("SELECT issue, folder, stamp FROM archive")}

    def index_issue(self, entry: ArchiveEntry, words: str) -> None:
        with self._transaction() as db:
            db.execute("DELETE FROM archive WHERE issue=?", (entry.issue,))
            db.execute("DELETE FROM archive_words WHERE issue=?", (entry.issue,))
            db.execute("INSERT INTO archive (issue, folder, stamp, edition, date, year, number, special, title, items,"
                       " headlines, revision, outputs) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       (entry.issue, str(entry.folder), entry.stamp, entry.edition, entry.date.isoformat(),
                        entry.year, entry.number, int(entry.special), entry.title, entry.items,
                        "\n".join(entry.headlines), entry.revision, json.dumps(entry.outputs, ensure_ascii=False)))
            db.execute("INSERT INTO archive_words (issue, words) VALUES (?, ?)", (entry.issue, words))

    def unindex_issue(self, issue: str) -> None:
        with self._transaction() as db:
            db.execute("DELETE FROM archive WHERE issue=?", (issue,))
            db.execute("DELETE FROM archive_words WHERE issue=?", (issue,))

    def archive(self, year: int | None = None, edition: str | None = None, limit: int = 10_000) -> list[ArchiveEntry]:
        """Indexed issues, newest first."""
        where, values = _archive_filter(year, edition)
        return [_archived(row) for row in self._db.execute(
            f"SELECT * FROM archive a WHERE 1=1{where} ORDER BY a.date DESC, a.special, a.number DESC LIMIT ?",
            (*values, limit))]

    def archive_entry(self, issue: str) -> ArchiveEntry | None:
        row = self._db.execute("SELECT * FROM archive WHERE issue=?", (issue,)).fetchone()
        return _archived(row) if row is not None else None

    def search_archive(self, terms: list[str], year: int | None = None, edition: str | None = None,
                       limit: int = 10_000) -> list[ArchiveEntry]:
        """Issues whose words hold every term, best match first (FTS5's bm25)."""
        if not terms:
            return []
        match = " AND ".join('"' + term.replace('"', '""') + '"' for term in terms)
        where, values = _archive_filter(year, edition)
        return [_archived(row) for row in self._db.execute(
            "SELECT a.* FROM archive_words w JOIN archive a ON a.issue = w.issue"
            f" WHERE archive_words MATCH ?{where} ORDER BY bm25(archive_words), a.date DESC LIMIT ?",
            (match, *values, limit))]

    def archive_years(self) -> list[int]:
        return [row[0] for row in self._db.execute("SELECT DISTINCT year FROM archive ORDER BY year DESC")]

    # the console's lists, each in one query however many rows they show

    def runs_with_requests(self, limit: int = 50) -> list[tuple[RunEntry, QueuedRun | None]]:
        """The latest runs, each with what was asked for when it was queued in the console (or None)."""
        rows = self._db.execute(
            "SELECT r.*, q.run_id AS queued, q.special, q.requested_by, q.progress FROM runs r"
            " LEFT JOIN queued_runs q ON q.run_id = r.id ORDER BY r.scheduled_for DESC, r.id DESC LIMIT ?", (limit,))
        return [(_run(row), _queued(row) if row["queued"] is not None else None) for row in rows]

    def approvals_of(self, issues: list[str]) -> dict[str, list[ApprovalEntry]]:
        """Every approval of each of these issues, oldest first."""
        return self._grouped("approvals", "issue", issues, _approval)

    def reviews_of_issues(self, issues: list[str]) -> dict[tuple[str, str], ReviewEntry]:
        """The reviews of these issues, by (issue, revision)."""
        return {(row["issue"], row["revision"]): _review(row) for row in self._db.execute(
            "SELECT * FROM reviews WHERE issue IN (SELECT value FROM json_each(?))", (json.dumps(issues),))}

    def outbox_rows_of(self, issue_keys: list[str]) -> dict[str, list[OutboxEntry]]:
        """The outbox rows of each of these issue keys, in the order they were made."""
        return self._grouped("outbox", "issue_key", issue_keys, _outbox)

    def _grouped(self, table: str, column: str, keys: list[str], record) -> dict[str, list]:
        """The rows of a table whose column is one of the keys (one query), by key, in id order."""
        found: dict[str, list] = {key: [] for key in keys}
        for row in self._db.execute(f"SELECT * FROM {table} WHERE {column} IN (SELECT value FROM json_each(?))"
                                    " ORDER BY id", (json.dumps(keys),)):
            found[row[column]].append(record(row))
        return found


def _utc(moment: datetime) -> str:
    """Run times are stored in UTC with a fixed format, so they compare as text: whole seconds
    (cron times) as 07:30:00+00:00, a one-off run's moment as 07:30:00.123456+00:00, which sorts
    between them ('+' < '.' < the digits)."""
    if moment.tzinfo is None:
        raise ValueError("run times must carry a time zone")
    fraction = ".%f" if moment.microsecond else ""
    return moment.astimezone(timezone.utc).strftime(f"%Y-%m-%dT%H:%M:%S{fraction}+00:00")


# -- console records ---------------------------------------------------------------------------


@dataclass(frozen=True)
class UserEntry:
    id: int
    name: str
    password_hash: str
    roles: tuple[str, ...]
    email: str | None
    created_at: str
    updated_at: str


@dataclass(frozen=True)
class SessionEntry:
    id: str  # the hash of the cookie's value
    user: UserEntry
    csrf: str
    expires_at: datetime
    last_seen: str


@dataclass(frozen=True)
class TokenEntry:
    id: int
    name: str
    roles: tuple[str, ...]
    created_at: str
    last_used: str | None


@dataclass(frozen=True)
class ApprovalEntry:
    issue: str
    revision: str
    approver: str
    approved_at: str


@dataclass(frozen=True)
class ReviewEntry:
    issue: str
    revision: str
    folder: Path
    notified: tuple[str, ...]
    notified_at: str | None
    note: str | None
    run_id: int | None
    released_at: str | None
    created_at: str


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: str
    actor: str
    action: str
    issue: str | None
    detail: str | None


@dataclass(frozen=True)
class QueuedRun:
    run: RunEntry
    special: bool
    requested_by: str
    progress: str | None


@dataclass(frozen=True)
class ArchiveEntry:
    issue: str
    folder: Path
    stamp: str
    edition: str
    date: Date
    year: int
    number: int
    special: bool
    title: str
    items: int
    headlines: tuple[str, ...]
    revision: str
    outputs: dict[str, str]


def _roles(text: str) -> tuple[str, ...]:
    return tuple(role for role in text.split(",") if role)


def _user(row: sqlite3.Row | None) -> UserEntry | None:
    if row is None:
        return None
    return UserEntry(row["id"], row["name"], row["password_hash"], _roles(row["roles"]), row["email"],
                     row["created_at"], row["updated_at"])


def _token(row: sqlite3.Row | None) -> TokenEntry | None:
    if row is None:
        return None
    return TokenEntry(row["id"], row["name"], _roles(row["roles"]), row["created_at"], row["last_used"])


def _approval(row: sqlite3.Row) -> ApprovalEntry:
    return ApprovalEntry(row["issue"], row["revision"], row["approver"], row["approved_at"])


def _review(row: sqlite3.Row | None) -> ReviewEntry | None:
    if row is None:
        return None
    return ReviewEntry(row["issue"], row["revision"], Path(row["folder"]), _roles(row["notified"] or ""),
                       row["notified_at"], row["note"], row["run_id"], row["released_at"], row["created_at"])


def _queued(row: sqlite3.Row | None) -> QueuedRun | None:
    if row is None:
        return None
    return QueuedRun(_run(row), bool(row["special"]), row["requested_by"], row["progress"])


def _archived(row: sqlite3.Row) -> ArchiveEntry:
    return ArchiveEntry(row["issue"], Path(row["folder"]), row["stamp"], row["edition"],
                        Date.fromisoformat(row["date"]), row["year"], row["number"], bool(row["special"]),
                        row["title"], row["items"], tuple(h for h in row["headlines"].split("\n") if h),
                        row["revision"], json.loads(row["outputs"]))


def _archive_filter(year: int | None, edition: str | None) -> tuple[str, tuple]:
    where, values = "", ()
    if year is not None:
        where, values = where + " AND a.year=?", values + (year,)
    if edition is not None:
        where, values = where + " AND a.edition=?", values + (edition,)
    return where, values
