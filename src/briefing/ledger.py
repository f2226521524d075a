"""The SQLite ledger under state_dir: issue numbers and the record of builds.

Numbering rules: numbers run per year and restart on 1 January; regular issues and special
issues (增刊) have separate sequences; a running total counts regular issues across years.
Rebuilding the same edition for the same date reuses its number until that issue has been
sent; after that a rebuild is a new issue with the next number.
"""

from __future__ import annotations

import sqlite3
from contextlib import contextmanager
from datetime import date as Date, datetime, timezone
from pathlib import Path
from collections.abc import Iterator

from .model import IssueNumber

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
"""


class LedgerError(Exception):
    pass


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class Ledger:
    def __init__(self, state_dir: Path):
        self.path = state_dir / LEDGER_NAME
        try:
            state_dir.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        except (OSError, sqlite3.Error) as exc:
            raise LedgerError(f"{self.path}: cannot open the ledger ({exc}); check state_dir in briefing.toml")
        self._db.row_factory = sqlite3.Row
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.executescript(SCHEMA)

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
        with self._transaction() as db:
            row = db.execute(
                "SELECT * FROM issues WHERE edition=? AND date=? AND special=? AND status IN ('reserved','built')"
                " ORDER BY id DESC LIMIT 1",
                (edition, day.isoformat(), int(special)),
            ).fetchone()
            if row is not None:
                return row["id"], _number(row), False
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
                " VALUES (?, ?, ?, ?, ?, ?, 'reserved', ?, ?)",
                (edition, day.isoformat(), int(special), day.year, number, total, _now(), _now()),
            )
            return cursor.lastrowid, IssueNumber(day.year, number, total, special), True

    def release(self, issue_id: int) -> None:
        """Give back a number reserved by a build that then failed."""
        with self._transaction() as db:
            db.execute("DELETE FROM issues WHERE id=? AND status='reserved'", (issue_id,))

    def mark(self, issue_id: int, status: str, folder: str | None = None) -> None:
        with self._transaction() as db:
            db.execute(
                "UPDATE issues SET status=?, folder=COALESCE(?, folder), updated_at=? WHERE id=?",
                (status, folder, _now(), issue_id),
            )

    def start_build(self, edition: str, day: Date) -> int:
        with self._transaction() as db:
            return db.execute(
                "INSERT INTO builds (edition, date, started_at, status) VALUES (?, ?, ?, 'running')",
                (edition, day.isoformat(), _now()),
            ).lastrowid

    def finish_build(self, build_id: int, status: str, issue_id: int | None = None,
                     folder: str | None = None, message: str | None = None) -> None:
        with self._transaction() as db:
            db.execute(
                "UPDATE builds SET status=?, issue_id=?, folder=?, message=?, finished_at=? WHERE id=?",
                (status, issue_id, folder, message, _now(), build_id),
            )

    def issues(self) -> list[sqlite3.Row]:
        return self._db.execute("SELECT * FROM issues ORDER BY id").fetchall()

    def builds(self, limit: int = 20) -> list[sqlite3.Row]:
        return self._db.execute("SELECT * FROM builds ORDER BY id DESC LIMIT ?", (limit,)).fetchall()


def _number(row: sqlite3.Row) -> IssueNumber:
    return IssueNumber(row["year"], row["number"], row["total"], bool(row["special"]))
