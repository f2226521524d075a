"""The console's view of the issues: the archive index kept in step with the issue folders the
ledger knows, search over titles and summaries in Chinese words, and one issue with its
delivery and review.

Every issue folder is read through manifest.read_issue. The archive table in the ledger holds
what lists need (number, title, headlines) and the words of each issue for SQLite FTS5; a folder
whose manifest changed since it was indexed (a rebuild, a publish, by the console or the CLI)
is indexed again on the next look, so no process has to tell the console.
"""

from __future__ import annotations

import re
import threading
from dataclasses import dataclass
from pathlib import Path

from ..config import Config
from ..delivery.release import ReviewState, review_state
from ..errors import ManifestError
from ..ledger import ArchiveEntry, Ledger, OutboxEntry
from ..manifest import MANIFEST, read_issue
from ..model import ISSUE_FOLDER, IssueNumber, IssueStatus, OutboxStatus, StoredIssue
from ..model import outbox_key as model_outbox_key

HEADLINES = 40  # item titles kept per issue: the first few are shown, and those a search matched
WORD = re.compile(r"\w", re.UNICODE)


def _stamp(folder: Path) -> str | None:
    try:
        info = (folder / MANIFEST).stat()
    except OSError:
        return None
    return f"{info.st_mtime_ns}:{info.st_size}"


def issue_statuses(ledger: Ledger) -> dict[str, IssueStatus]:
    return {issue: status for issue, (_, status) in ledger.issue_folders().items()}


_syncing = threading.Lock()  # one indexer at a time in this process: a page waits for the one at start


def sync_archive(ledger: Ledger) -> None:
    """Index what changed since the last look; forget folders that are gone."""
    with _syncing:
        _sync(ledger)


def _sync(ledger: Ledger) -> None:
    known = ledger.archive_stamps()
    seen = set()
    for issue, (folder, _) in ledger.issue_folders().items():
        stamp = _stamp(folder)
        if stamp is None:
            continue
        seen.add(issue)
        if known.get(issue) == (str(folder), stamp):
            continue
        try:
            stored = read_issue(folder)
        except ManifestError:
            continue  # shown as damaged when opened; never listed
        ledger.index_issue(_archive_entry(stored, stamp), " ".join(index_words(stored)))
    for issue in known.keys() - seen:
        ledger.unindex_issue(issue)


def _archive_entry(stored: StoredIssue, stamp: str) -> ArchiveEntry:
    issue = stored.issue
    n = issue.masthead.number
    headlines = tuple(item.title for section in issue.sections for item in section.items)[:HEADLINES]
    return ArchiveEntry(stored.id, stored.folder, stamp, issue.edition, issue.masthead.date, n.year, n.number,
                        n.special, issue.masthead.title, issue.item_count, headlines, stored.revision,
                        dict(stored.outputs))


def _words(text: str) -> list[str]:
    from ..editorial.lexicon import words

    return [w.strip().lower() for w in words(text) if WORD.search(w)]


def index_words(stored: StoredIssue) -> list[str]:
    """The words of every item title and summary, as jieba splits them (briefing's own lexicon
    kept whole), and the two-character pieces of longer words: a search for 人才 finds an issue
    about 高技能人才, which jieba keeps as one word."""
    found: list[str] = []
    for section in stored.issue.sections:
        found.append(section.title)
        for item in section.items:
            for word in _words(f"{item.title}\n{item.summary}"):
                found.append(word)
                if len(word) > 2 and not word.isascii():
                    found.extend(word[i:i + 2] for i in range(len(word) - 1))
    return found


def search_terms(query: str) -> list[str]:
    return list(dict.fromkeys(_words(query)))


def matching_headlines(entry: ArchiveEntry, query: str, shown: int = 3) -> list[str]:
    """The item titles to show in a list: those holding a searched word, else the first ones."""
    terms = search_terms(query) if query.strip() else []
    hits = [h for h in entry.headlines if any(term in h.lower() for term in terms)]
    return (hits or list(entry.headlines))[:shown]


def search(ledger: Ledger, query: str, year: int | None = None, edition: str | None = None) -> list[ArchiveEntry]:
    sync_archive(ledger)
    if not query.strip():
        return ledger.archive(year, edition)
    return ledger.search_archive(search_terms(query), year, edition)


class NotFound(LookupError):
    pass


def find_issue(ledger: Ledger, issue_id: str) -> StoredIssue:
    """The issue folder the ledger knows by this id, read back; NotFound for anything else."""
    if not ISSUE_FOLDER.match(issue_id or ""):
        raise NotFound(issue_id)
    folder = ledger.issue_folders().get(issue_id, (None, None))[0]
    if folder is None or not (folder / MANIFEST).is_file():
        raise NotFound(issue_id)
    return read_issue(folder)


def ledger_status(ledger: Ledger, stored: StoredIssue) -> IssueStatus | None:
    n = stored.issue.masthead.number
    entry = ledger.find_issue(stored.issue.edition, n.year, n.number, n.special)
    return entry.status if entry is not None else None


def outbox_key(entry: ArchiveEntry, revision: str | None = None) -> str:
    """The entry's outbox name: of its current revision, or of the one given ("" as built)."""
    number = IssueNumber(entry.year, entry.number, None, entry.special)
    return model_outbox_key(entry.edition, number, entry.revision if revision is None else revision)


@dataclass(frozen=True)
class Delivery:
    """One recipient of the issue's current version, and how far it got."""

    email: str
    status: str  # an OutboxStatus, or "" when nothing was sent yet
    attempts: int = 0
    reply: str = ""
    sent_at: str | None = None
    earlier: str = ""  # what became of the issue as built, when the final version is another message


def deliveries(config: Config, ledger: Ledger, key: str, built_key: str | None = None) -> list[Delivery]:
    """Each configured recipient (and anyone else the issue went to), with the outbox's word."""
    return deliveries_of(config, ledger, [(key, built_key)])[0]


def deliveries_of(config: Config, ledger: Ledger, issues: list[tuple[str, str | None]]) -> list[list[Delivery]]:
    """deliveries() of each (key, built_key), in one question to the ledger."""
    keys = list(dict.fromkeys(k for pair in issues for k in pair if k))
    outbox = ledger.outbox_rows_of(keys)
    return [_deliveries(config, outbox[key], outbox[built_key] if built_key and built_key != key else [])
            for key, built_key in issues]


def _deliveries(config: Config, current: list[OutboxEntry], as_built: list[OutboxEntry]) -> list[Delivery]:
    rows: dict[str, OutboxEntry] = {r.recipient.lower(): r for r in current}
    earlier: dict[str, OutboxEntry] = {r.recipient.lower(): r for r in as_built}
    emails = list(dict.fromkeys([r.email for r in config.delivery.recipients]
                                + [r.recipient for r in rows.values()] + [r.recipient for r in earlier.values()]))
    found = []
    for email in emails:
        row, before = rows.get(email.lower()), earlier.get(email.lower())
        found.append(Delivery(email, str(row.status) if row else "", row.attempts if row else 0,
                              (row.last_reply or "") if row else "", row.sent_at if row else None,
                              str(before.status) if before else ""))
    return found


def delivery_summary(rows: list[Delivery]) -> dict[str, int]:
    counts = {str(s): 0 for s in OutboxStatus} | {"": 0}
    for row in rows:
        counts[row.status] = counts.get(row.status, 0) + 1
    return counts


@dataclass(frozen=True)
class IssueView:
    """Everything the issue page and GET /api/issues/{id} show."""

    stored: StoredIssue
    status: IssueStatus | None
    review: ReviewState
    deliveries: list[Delivery]


def issue_view(config: Config, ledger: Ledger, stored: StoredIssue) -> IssueView:
    return IssueView(stored, ledger_status(ledger, stored), review_state(config, ledger, stored),
                     deliveries(config, ledger, stored.outbox_key, stored.built_key))
