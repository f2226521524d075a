"""Which issue of an edition and date goes to the recipients: decided here, for every path
that mails (`build --send`, scheduled runs, resumed runs).

Once anyone may have a copy, that issue is the one: its delivery is finished, never replaced
by a new build. Otherwise an issue an editor published is the one. Otherwise there is none yet,
and the caller builds it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date as Date
from enum import StrEnum
from pathlib import Path

from ..ledger import IssueEntry, Ledger


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
