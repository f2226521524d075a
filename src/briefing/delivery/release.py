"""What goes to the recipients, and when: decided here, for every path that mails (`build
--send`, `send`, scheduled runs, resumed runs, the console).

Which issue of an edition and date: once anyone may have a copy, that issue is the one: its
delivery is finished, never replaced by a new build. Otherwise an issue an editor published is
the one. Otherwise there is none yet, and the caller builds it.

Whether it may go yet: with `[review] required = true` an issue is mailed to recipients only
once an approver has approved its current revision — what its manifest, PDF and DOCX say at
that moment. A rebuild or a new publish is a new revision and needs a new approval. When an
issue starts waiting, the approvers are told by mail (a link to the console and the PDF), once
per revision; a scheduled run that built it waits too, and approving resumes that run, which
then mails it through the one run path.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date as Date
from enum import StrEnum
from pathlib import Path
from typing import Protocol

from ..config import Config
from ..errors import DeliveryError
from ..ledger import ApprovalEntry, IssueEntry, Ledger, ReviewEntry, RunEntry
from ..manifest import MANIFEST
from ..model import RunStatus, StoredIssue
from .notices import notify_approvers


class Standing(StrEnum):
    MAILED = "mailed"  # some recipient may have it: finish its delivery
    PUBLISHED = "published"  # the editor's final issue
    NONE = "none"  # nothing yet: build one


@dataclass(frozen=True)
class Release:
    standing: Standing
    entry: IssueEntry | None = None

    @property
    def folder(self) -> Path | None:
        """The issue's folder, when it is still there."""
        folder = self.entry.folder if self.entry is not None else None
        return folder if folder is not None and folder.is_dir() else None


def issue_to_mail(ledger: Ledger, edition: str, day: Date) -> Release:
    """The regular issue of (edition, day) that recipients get, as far as one exists.

    A mailed issue stands even when its folder is gone (its number is out there); a published
    one only while its folder is there to mail from."""
    mailed = ledger.mailed_issue(edition, day)
    if mailed is not None:
        return Release(Standing.MAILED, mailed)
    published = Release(Standing.PUBLISHED, ledger.published_issue(edition, day))
    return published if published.folder is not None else Release(Standing.NONE)


# -- the review gate ----------------------------------------------------------------------------


class NotApproved(DeliveryError):
    """[review] required, and the issue's current revision has not been approved."""


_digests: dict[tuple, str] = {}
_digests_lock = threading.Lock()


class IssueFiles(Protocol):
    """An issue folder and the files its manifest names: a StoredIssue, or the archive's entry."""

    folder: Path
    outputs: Mapping[str, str]


def revision_of(issue: IssueFiles) -> str:
    """What an approval is of: a digest of the manifest and the files recipients get. Anything
    that changes them (a rebuild, a publish, a hand-edited file) makes a new revision."""
    folder = issue.folder
    files = [folder / MANIFEST] + [folder / name for _, name in sorted(issue.outputs.items())]
    stats = []
    for path in files:
        try:
            info = path.stat()
        except OSError:
            stats.append((path.name, None))
            continue
        stats.append((path.name, info.st_mtime_ns, info.st_size, info.st_ino))
    key = (str(folder), tuple(stats))
    with _digests_lock:
        if key in _digests:
            return _digests[key]
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.name.encode("utf-8") + b"\0")
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"(missing)")
    revision = digest.hexdigest()[:16]
    with _digests_lock:
        if len(_digests) > 4096:
            _digests.clear()
        _digests[key] = revision
    return revision


@dataclass(frozen=True)
class ReviewState:
    required: bool
    revision: str
    approvals: tuple[ApprovalEntry, ...]  # of the current revision
    history: tuple[ApprovalEntry, ...]  # every approval the issue had, oldest first
    review: ReviewEntry | None  # the current revision's wait: who was told

    @property
    def approved(self) -> bool:
        return bool(self.approvals)

    @property
    def may_go(self) -> bool:
        return not self.required or self.approved


def review_state(config: Config, ledger: Ledger, stored: StoredIssue) -> ReviewState:
    return review_states(config, ledger, [stored])[stored.id]


def review_states(config: Config, ledger: Ledger, issues: Sequence[IssueFiles]) -> dict[str, ReviewState]:
    """The review of each issue (by its id, the folder's name), as the issue page shows it: the
    same test for a list of issues as for one, in the same two questions to the ledger."""
    ids = [issue.folder.name for issue in issues]
    approvals, reviews = ledger.approvals_of(ids), ledger.reviews_of_issues(ids)
    states = {}
    for issue_id, issue in zip(ids, issues):
        revision, history = revision_of(issue), tuple(approvals[issue_id])
        states[issue_id] = ReviewState(config.review.required, revision,
                                       tuple(a for a in history if a.revision == revision), history,
                                       reviews.get((issue_id, revision)))
    return states


def check_release(config: Config, ledger: Ledger, stored: StoredIssue) -> None:
    """Refuse to mail an issue whose current revision waits for approval."""
    state = review_state(config, ledger, stored)
    if state.may_go:
        return
    earlier = " (an earlier revision was approved; this one changed since)" if state.history else ""
    raise NotApproved(f"{stored.folder}: waiting for approval{earlier}: [review] required = true in "
                      f"{config.where}; an approver approves it in the console or with "
                      f"`briefing approve {stored.folder}`, then it is mailed")


def hold_for_review(config: Config, ledger: Ledger, stored: StoredIssue, run: RunEntry | None = None) -> str | None:
    """If the issue may not go yet: note that it waits (and which run waits with it), tell the
    approvers once for this revision, and say so in a line for the run's record. None when it may go."""
    state = review_state(config, ledger, stored)
    if state.may_go:
        return None
    review = ledger.open_review(stored.id, state.revision, stored.folder, run.id if run is not None else None)
    if review.notified:
        return f"waiting for approval (approvers told {review.notified_at}: {', '.join(review.notified)})"
    told, note = notify_approvers(config, ledger, stored)
    ledger.mark_notified(stored.id, state.revision, told, note)
    if told:
        return f"waiting for approval; approvers told: {', '.join(told)}"
    return f"waiting for approval; no approver could be told: {note}"


@dataclass(frozen=True)
class Approval:
    entry: ApprovalEntry
    waiting_run: RunEntry | None  # a scheduled run that mails the issue now that it is approved


class NewerRevision(DeliveryError):
    """The approver saw a revision that is no longer the issue's current one."""

    def __init__(self, stored: StoredIssue, seen: str, current: str):
        super().__init__(f"{stored.folder}: revision {seen} is no longer the current one ({current}): the issue "
                         "was rebuilt or published since; look at it again, then approve")
        self.seen, self.current = seen, current


def approve(config: Config, ledger: Ledger, stored: StoredIssue, approver: str, seen: str | None = None) -> Approval:
    """Approve the issue's current revision — only if it is `seen`, the revision the approver
    looked at, when that is given (NewerRevision otherwise). A run that waited for it is handed
    back to the caller (once, however many approve), to be resumed through schedule.run_edition."""
    revision = revision_of(stored)
    if seen is not None and seen != revision:
        raise NewerRevision(stored, seen, revision)
    entry = ledger.approve(stored.id, revision, approver)
    ledger.audit(approver, "approve", stored.id, f"revision {revision}")
    waiting = None
    # the run may have waited on an earlier revision (rebuilt or published since): it mails this one
    for review in ledger.reviews_of(stored.id):
        if review.run_id is None or review.released_at is not None:
            continue
        if ledger.mark_released(review.issue, review.revision):
            run = ledger.run_by_id(review.run_id)
            if run is not None and run.status == RunStatus.BUILT:
                waiting = run
    return Approval(entry, waiting)


def waiting_for_approval(ledger: Ledger, run: RunEntry) -> bool:
    """A scheduled run that built its issue and waits for an approver (not an interrupted run)."""
    if run.status != RunStatus.BUILT or run.folder is None:
        return False
    return any(r.run_id == run.id and r.released_at is None for r in ledger.reviews_of(run.folder.name))
