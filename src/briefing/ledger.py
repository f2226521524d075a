"""The SQLite ledger under state_dir: issue numbers, the record of builds, the outbox of mail
and the record of scheduled runs.

Numbering rules: numbers run per year and restart on 1 January; regular issues and special
issues (增刊) have separate sequences; a running total counts regular issues across years.
Rebuilding the same edition for the same date reuses its number until that issue has been
sent; after that a rebuild is a new issue with the next number.
"""

from __future__ import annotations

import errno
import re
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager, suppress
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

# <date>-<edition>-<number>, s<number> for a special issue (model.Issue.folder_name)
_ISSUE_FOLDER = re.compile(r"^(\d{4})-(\d{2})-(\d{2})-([a-z0-9][a-z0-9_-]*)-(s?)([1-9]\d*)$")


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


def issue_folders(out_dir: Path) -> list[IssueFolder]:
    """The issue folders in out_dir (a name briefing gives and a manifest.json), oldest first.
    Staging folders (hidden) and anything else are passed over."""
    found = []
    try:
        entries = sorted(out_dir.iterdir())
    except OSError:
        return []
    for entry in entries:
        match = _ISSUE_FOLDER.match(entry.name)
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
        return [found for found in issue_folders(out_dir) if found.key not in known]

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


def _utc(moment: datetime) -> str:
    """Run times are stored in UTC with a fixed format, so they compare as text: whole seconds
    (cron times) as 07:30:00+00:00, a one-off run's moment as 07:30:00.123456+00:00, which sorts
    between them ('+' < '.' < the digits)."""
    if moment.tzinfo is None:
        raise ValueError("run times must carry a time zone")
    fraction = ".%f" if moment.microsecond else ""
    return moment.astimezone(timezone.utc).strftime(f"%Y-%m-%dT%H:%M:%S{fraction}+00:00")
