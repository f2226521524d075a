"""The SQLite ledger under state_dir: issue numbers, the record of builds, the outbox of mail
and the record of scheduled runs.

Numbering rules: numbers run per year and restart on 1 January; regular issues and special
issues (增刊) have separate sequences; a running total counts regular issues across years.
Rebuilding the same edition for the same date reuses its number until that issue has been
sent; after that a rebuild is a new issue with the next number.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date as Date, datetime, timezone
from pathlib import Path

from .errors import LedgerError
from .model import (
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
            raise LedgerError(f"{self.path}: cannot open the ledger ({exc}); check state_dir in briefing.toml, "
                              "and restore the file from a backup if it is damaged")

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Ledger:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

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
        died (the caller holds the issue lock, so no one else is working on it): it is taken
        again, and resumes from where it got to. A finished, failed or missed run is left alone.
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
                db.execute("UPDATE runs SET attempts=attempts + 1, updated_at=? WHERE id=?", (_now(), row["id"]))
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


def _utc(moment: datetime) -> str:
    """Run times are stored in UTC with a fixed format, so they compare as text: whole seconds
    (cron times) as 07:30:00+00:00, a one-off run's moment as 07:30:00.123456+00:00, which sorts
    between them ('+' < '.' < the digits)."""
    if moment.tzinfo is None:
        raise ValueError("run times must carry a time zone")
    fraction = ".%f" if moment.microsecond else ""
    return moment.astimezone(timezone.utc).strftime(f"%Y-%m-%dT%H:%M:%S{fraction}+00:00")
