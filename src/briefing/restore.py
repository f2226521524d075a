"""`briefing ledger rebuild`: take the issue folders in output_dir back into a ledger that lost
them (emptied, replaced, or restored from an older backup).

Each issue folder's manifest gives back its number, date, running total and whether an editor
published it. Who had it cannot be known any more, so every [delivery] recipient is recorded
`unknown` for it: it is never mailed to them again unasked, and a rebuild of its date makes a
new number instead of overwriting it — the outbox's rules for "it may have arrived". Nothing in
the ledger is changed or removed; folders it already knows are passed over.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.utils import parseaddr
from pathlib import Path

from .config import Config
from .delivery.message import message_id, targets
from .errors import ManifestError
from .ledger import LEDGER_NAME, Ledger, scan_output_dir, set_aside, sqlite_damage
from .locks import issue_lock
from .manifest import read_issue
from .model import IssueStatus


@dataclass(frozen=True)
class RestoredIssue:
    folder: Path
    number_line: str
    recipients: int  # recorded `unknown`


@dataclass
class Rebuilt:
    ledger: Path
    out_dir: Path
    restored: list[RestoredIssue] = field(default_factory=list)
    known: int = 0  # issue folders the ledger had already
    problems: list[str] = field(default_factory=list)  # folders that could not be taken back, and why
    damaged: Path | None = None  # where a damaged ledger was set aside


def rebuild_ledger(config: Config) -> Rebuilt:
    out_dir = config.output_dir
    sender = parseaddr(config.delivery.from_)[1]
    recipients = targets(config.delivery)
    note = (f"restored by `briefing ledger rebuild` on {datetime.now(timezone.utc):%Y-%m-%d}: the ledger's record "
            "of this delivery was lost, so it may have arrived")
    damaged = None
    if sqlite_damage(config.state_dir / LEDGER_NAME):  # asked for by name: the operator is rebuilding it
        damaged = set_aside(config.state_dir / LEDGER_NAME, datetime.now(timezone.utc))
    with Ledger(config.state_dir) as ledger:
        unknown = ledger.unknown_folders(out_dir)
        report = Rebuilt(ledger.path, out_dir, damaged=damaged)
        report.known = len(scan_output_dir(out_dir)) - len(unknown)
        for found in unknown:
            try:
                stored = read_issue(found.folder)
            except ManifestError as exc:
                report.problems.append(f"{exc}; not taken back: repair the manifest or move the folder out of {out_dir}")
                continue
            issue, number = stored.issue, stored.issue.masthead.number
            if (issue.edition, issue.masthead.date, number.number, number.special) != (
                    found.edition, found.date, found.number, found.special):
                report.problems.append(
                    f"{found.folder}: its manifest describes {issue.masthead.date.isoformat()} {issue.edition} "
                    f"{issue.masthead.number_line}, not the issue its name says; not taken back: move it out of {out_dir}")
                continue
            with issue_lock(config.state_dir, found.edition, found.date, purpose="ledger rebuild",
                            wait_seconds=config.service.lock_wait_seconds):
                ledger.restore_issue(
                    found, number.total, IssueStatus.PUBLISHED if stored.published else IssueStatus.BUILT,
                    stored.outbox_key, [(t.email, message_id(stored, t.email, sender)) for t in recipients], note)
            report.restored.append(RestoredIssue(found.folder, issue.masthead.number_line, len(recipients)))
    return report

