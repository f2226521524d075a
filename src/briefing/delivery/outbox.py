"""The outbox loop: each recipient gets each issue exactly once.

What happens, in order:
1. The issue folder is read back and checked (ready.py). A failed or empty issue is never mailed.
2. Under the (edition, date) lock, one outbox row per (issue, recipient) is made 'pending'; rows
   a crashed run left 'sending' become 'unknown'.
3. For each recipient not yet sent: MAIL, RCPT, DATA. The row turns 'sending' just before the
   message is handed over, then 'sent' (2xx), 'failed' (5xx, permanent) or back to pending for
   a retry (4xx, lost connection before the message was handed over). A connection lost after
   the message was handed over and before the server answered leaves the row 'unknown': it may
   have arrived, so it is not resent unless the operator says so.
4. Temporary failures are retried with exponential backoff up to max_attempts; what is still
   undelivered then is 'failed'.
"""

from __future__ import annotations

import logging
import re
import smtplib
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from email.utils import parseaddr
from pathlib import Path

from ..config import Config
from ..errors import ConfigError, DeliveryError, LedgerError
from ..ledger import Ledger
from ..locks import issue_lock
from ..model import OutboxStatus, StoredIssue
from .message import Target, compose_message, message_id, subject_of, targets
from .ready import check_ready, load_issue
from .release import check_release
from .smtp import ConnectionProblem, LostBeforeHandover, Reply, check_settings, close_quietly, connect, transmit

log = logging.getLogger("briefing.deliver")
# the service logs these lines (with its own handler); a command prints its report instead of
# Python's last-resort handler writing them to stderr raw
log.addHandler(logging.NullHandler())

MAX_BACKOFF_SECONDS = 900

Progress = Callable[[str], None]


# -- the report ---------------------------------------------------------------------------------


@dataclass
class Outcome:
    email: str
    status: str  # an OutboxStatus (sent | failed | unknown), or "written" for a dry run
    attempts: int = 0
    reply: str = ""
    note: str = ""  # e.g. "already sent on …", "not resent: may have arrived"


WRITTEN = "written"  # a dry run's outcome: the message is an .eml file in the issue folder


@dataclass
class DeliveryReport:
    issue_dir: Path
    issue_key: str
    subject: str
    outcomes: list[Outcome] = field(default_factory=list)
    dry_run: bool = False

    @property
    def complete(self) -> bool:
        return bool(self.outcomes) and all(o.status in (OutboxStatus.SENT, WRITTEN) for o in self.outcomes)

    @property
    def sent(self) -> int:
        return sum(1 for o in self.outcomes if o.status == OutboxStatus.SENT)

    def problems(self) -> list[str]:
        lines = []
        for o in self.outcomes:
            if o.status == OutboxStatus.FAILED:
                lines.append(f"{o.email}: failed after {o.attempts} attempt(s): {o.reply}")
            elif o.status == OutboxStatus.UNKNOWN:
                lines.append(f"{o.email}: may or may not have arrived ({o.reply}); check with the recipient, then "
                             f"`briefing send {self.issue_dir} --to {o.email} --resend-unknown`")
        return lines

    def as_dict(self) -> dict:
        return {"issue_dir": str(self.issue_dir), "issue": self.issue_key, "subject": self.subject,
                "dry_run": self.dry_run, "complete": self.complete,
                "recipients": [{**o.__dict__, "status": str(o.status)} for o in self.outcomes]}


# -- sending ------------------------------------------------------------------------------------


def send_issue(config: Config, issue_dir: Path, *, to: Iterable[str] = (), dry_run: bool = False,
               resend_unknown: bool = False, progress: Progress | None = None,
               sleep: Callable[[float], None] = time.sleep) -> DeliveryReport:
    """Mail the issue in issue_dir to each recipient who has not had it yet.

    to: only these addresses (default: [delivery] recipients). dry_run: write .eml files into the
    issue folder instead of sending. resend_unknown: also send to recipients whose earlier send
    ended 'unknown' (the operator has checked it did not arrive). A published issue is mailed
    as its own revision: recipients of the issue as built get the final one too.
    """
    stored = load_issue(issue_dir)
    chosen = targets(config.delivery, to)
    if not chosen:
        raise ConfigError(f"{config.where}: no recipients; set [delivery] recipients or pass --to")
    if not dry_run:
        check_settings(config, to)
    check_ready(stored, {kind for t in chosen for kind in t.gets})
    report = DeliveryReport(stored.folder, stored.outbox_key, subject_of(stored), dry_run=dry_run)
    m = stored.issue.masthead
    with issue_lock(config.state_dir, stored.issue.edition, m.date, purpose=f"send {stored.id}",
                    wait_seconds=config.service.lock_wait_seconds, on_wait=progress):
        if dry_run:
            report.outcomes = _write_eml(config, stored, chosen)
            return report
        with Ledger(config.state_dir) as ledger:
            check_release(config, ledger, stored)  # [review] required: only an approved revision is mailed
            _send_all(config, ledger, stored, chosen, resend_unknown, report, progress, sleep)
    return report


def _write_eml(config: Config, stored: StoredIssue, chosen: list[Target]) -> list[Outcome]:
    sender = config.delivery.from_ or f"{stored.issue.masthead.title} <briefing@localhost>"
    outcomes = []
    for target in chosen:
        message = compose_message(stored, target, sender, config.briefing.timezone)
        path = stored.folder / f"mail-{re.sub(r'[^A-Za-z0-9@._-]', '_', target.email)}.eml"
        path.write_bytes(message.as_bytes())
        outcomes.append(Outcome(target.email, WRITTEN, note=str(path)))
    return outcomes


def _send_all(config: Config, ledger: Ledger, stored: StoredIssue, chosen: list[Target], resend_unknown: bool,
              report: DeliveryReport, progress: Progress | None, sleep: Callable[[float], None]) -> None:
    key = stored.outbox_key
    n = stored.issue.masthead.number
    entry = ledger.find_issue(stored.issue.edition, n.year, n.number, n.special)
    if entry is None and stored.folder.parent == config.output_dir.resolve():
        # an issue of output_dir the ledger does not know: the ledger lost it, and with it the
        # record of who has had it — sending now could mail everybody a second time
        raise LedgerError(f"{ledger.path} has no record of {stored.id}, an issue in {config.output_dir}: the ledger "
                          "was emptied or replaced and no longer knows who has had it; run `briefing ledger rebuild` "
                          "(or restore a current backup); nothing was sent")
    issue_id = entry.id if entry is not None else None
    sender = parseaddr(config.delivery.from_)[1]
    for target in chosen:
        ledger.enqueue(key, issue_id, stored.folder, target.email, message_id(stored, target.email, sender))
    if ledger.settle_interrupted(key):
        log.warning("%s: a send was interrupted mid-message; those recipients are marked unknown", stored.folder)

    todo = []
    for target in chosen:
        row = ledger.outbox_row(key, target.email)
        if row.status == OutboxStatus.SENT:
            report.outcomes.append(Outcome(target.email, row.status, row.attempts, row.last_reply or "",
                                           note=f"already sent {row.sent_at}; not sent again"))
        elif row.status == OutboxStatus.UNKNOWN and not resend_unknown:
            report.outcomes.append(Outcome(target.email, row.status, row.attempts, row.last_reply or "",
                                           note="not resent: it may have arrived"))
        else:
            ledger.set_outbox(key, target.email, OutboxStatus.PENDING)
            todo.append(target)

    fatal = _deliver_with_retries(config, ledger, stored, todo, progress, sleep)
    for target in todo:
        row = ledger.outbox_row(key, target.email)
        status = row.status
        if status == OutboxStatus.PENDING:  # temporary failures outlasted max_attempts
            ledger.set_outbox(key, target.email, OutboxStatus.FAILED)
            status = OutboxStatus.FAILED
        report.outcomes.append(Outcome(target.email, status, row.attempts, row.last_reply or ""))
    ledger.mark_sent_when_done(issue_id, key)
    if fatal is not None:
        raise DeliveryError(f"{stored.folder}: nothing more could be sent: {fatal}")


def _deliver_with_retries(config: Config, ledger: Ledger, stored: StoredIssue, todo: list[Target],
                          progress: Progress | None, sleep: Callable[[float], None]) -> str | None:
    """Send to each target, retrying temporary failures; the reason if the server refused us for good."""
    d = config.delivery
    key = stored.outbox_key
    for attempt in range(1, d.max_attempts + 1):
        waiting = [t for t in todo if ledger.outbox_row(key, t.email).status == OutboxStatus.PENDING]
        if not waiting:
            return None
        if attempt > 1:
            delay = min(d.retry_base_seconds * 2 ** (attempt - 2), MAX_BACKOFF_SECONDS)
            _tell(progress, f"retrying {len(waiting)} recipient(s) in {delay:.0f} s (attempt {attempt} of {d.max_attempts})")
            sleep(delay)
        try:
            smtp = connect(config)
        except ConnectionProblem as problem:
            status = OutboxStatus.FAILED if problem.permanent else OutboxStatus.PENDING
            for target in waiting:
                ledger.set_outbox(key, target.email, status, reply=problem.reply, permanent=problem.permanent,
                                  attempted=True)
            log.warning("%s: %s", stored.id, problem.reply)
            if problem.permanent:
                return problem.reply
            continue
        try:
            _one_pass(config, ledger, stored, waiting, smtp, progress)
        finally:
            close_quietly(smtp)
    return None


# how one attempt ended, as the log says it
_ATTEMPT_ENDED = {Reply.ACCEPTED: "sent", Reply.PERMANENT: "refused", Reply.TEMPORARY: "not yet, will retry",
                  Reply.UNKNOWN: "may or may not have arrived"}

# what each answer leaves in the outbox
_OUTBOX_STATUS = {Reply.ACCEPTED: OutboxStatus.SENT, Reply.PERMANENT: OutboxStatus.FAILED,
                  Reply.TEMPORARY: OutboxStatus.PENDING, Reply.UNKNOWN: OutboxStatus.UNKNOWN}


def _one_pass(config: Config, ledger: Ledger, stored: StoredIssue, waiting: list[Target], smtp: smtplib.SMTP,
              progress: Progress | None) -> None:
    key = stored.outbox_key
    sender = parseaddr(config.delivery.from_)[1]
    for index, target in enumerate(waiting):
        _tell(progress, f"sending to {target.email}")
        message = compose_message(stored, target, config.delivery.from_, config.briefing.timezone)
        try:
            result = transmit(smtp, sender, target.email, message.as_bytes(),
                              lambda: ledger.set_outbox(key, target.email, OutboxStatus.SENDING))
        except LostBeforeHandover as lost:
            # this one and the rest wait for the next attempt, on a new connection
            for rest in waiting[index:]:
                ledger.set_outbox(key, rest.email, OutboxStatus.PENDING, reply=str(lost), attempted=rest is target)
            log.warning("%s: %s: %s; will retry", stored.id, target.email, lost)
            return
        status = _OUTBOX_STATUS[result.status]
        ledger.set_outbox(key, target.email, status, reply=result.reply,
                          permanent=result.status == Reply.PERMANENT, attempted=True)
        log.log(logging.INFO if status == OutboxStatus.SENT else logging.WARNING, "%s: %s: %s (%s)",
                stored.id, target.email, _ATTEMPT_ENDED[result.status], result.reply)
        if result.status == Reply.UNKNOWN:
            for rest in waiting[index + 1:]:
                ledger.set_outbox(key, rest.email, OutboxStatus.PENDING)
            return  # the connection is gone


def _tell(progress: Progress | None, message: str) -> None:
    if progress:
        progress(message)
