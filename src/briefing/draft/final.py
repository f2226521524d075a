"""The final issue from the editor's draft: the edited DOCX becomes what officials get.

The editor's version is the truth: titles and texts as edited, items deleted, moved between
sections or reordered, paragraphs added, sources and the 报尾 as they left them. The final PDF
and a clean final DOCX are rendered from it into the issue's own folder (which is replaced
atomically, like a build), the manifest records what changed, and the ledger marks the issue
published. Anything wrong is found before a file is touched.
"""

from __future__ import annotations

import hashlib
import json
import shutil
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from ..config import Config
from ..errors import DraftError, PublishError, UsageError
from ..ledger import IssueEntry, Ledger
from ..locks import issue_lock
from ..manifest import MANIFEST, WrittenIssue, manifest_json, read_issue, write_manifest
from ..model import ArticleRecord, ArticleStatus, Issue, IssueSection, IssueStatus, Item, Publication, StoredIssue
from ..output import commit, staging
from ..render import glyph_warning, render_issue
from ..render.worker import renderer
from ..timing import StageClock
from .changes import Change, describe_changes
from .reader import Draft, read_draft

EDITED_SUFFIX = "（编辑稿）"  # the editor's own file, kept beside the final issue
DELETED_REASON = "deleted by the editor in the draft"


@dataclass
class PublishResult(WrittenIssue):
    changes: list[Change] = field(default_factory=list)


class WrongIssue(DraftError):
    """The draft is of another issue than the one it was meant to publish."""

    def __init__(self, draft: Draft, expected: str):
        super().__init__(f"{draft.path}: the draft belongs to issue {draft.identity.issue}, not {expected}")
        self.found, self.expected = draft.identity.issue, expected


def publish_draft(config: Config, draft_path: Path, expected_issue: str | None = None) -> PublishResult:
    """Read the edited draft, render the final issue into its folder, mark it published. With
    expected_issue (an issue id), a draft of any other issue is refused (WrongIssue) before anything."""
    draft = read_draft(draft_path, _known_section_titles(config))
    identity = draft.identity
    if expected_issue is not None and identity.issue != expected_issue:
        raise WrongIssue(draft, expected_issue)
    # a scheduled run or an operator's build of the same issue must not rewrite the folder meanwhile
    with issue_lock(config.state_dir, identity.edition, identity.date, purpose=f"publish {draft_path.name}",
                    wait_seconds=config.service.lock_wait_seconds), Ledger(config.state_dir) as ledger:
        entry = _issue_entry(ledger, draft)
        original = read_issue(_issue_folder(entry, draft, ledger.path))
        _check_same_issue(draft, original)
        _check_headings(draft, original.issue)
        issue = final_issue(draft, original.issue, config.editorial.empty_sections)
        changes = describe_changes(original.issue, issue)
        result = _render_final(config, draft, issue, original, changes)
        ledger.mark(entry.id, IssueStatus.PUBLISHED, result.folder)
    result.warnings[:0] = list(draft.warnings)
    return result


# -- finding the issue ----------------------------------------------------------------------


def _known_section_titles(config: Config) -> dict[str, list[str]]:
    from ..editorial.lexicon import DEFAULT_SECTIONS

    titles: dict[str, list[str]] = {spec.id: [spec.title] for spec in config.sections}
    for default in DEFAULT_SECTIONS:
        titles.setdefault(default["id"], []).append(default["title"])
    return titles


def _issue_entry(ledger: Ledger, draft: Draft) -> IssueEntry:
    identity = draft.identity
    entry = ledger.find_issue(identity.edition, identity.date.year, identity.number, identity.special)
    if entry is not None and entry.date == identity.date:
        return entry
    raise UsageError(f"{draft.path}: the draft belongs to issue {identity.issue}, which the ledger "
                     f"{ledger.path} does not know; run publish with the --config the issue was built with")


def _issue_folder(entry: IssueEntry, draft: Draft, ledger_path: Path) -> Path:
    if entry.folder is None:
        raise PublishError(f"{draft.path}: issue {draft.identity.issue} was never built completely "
                           f"(ledger {ledger_path} has no folder for it); build it again")
    if not (entry.folder / MANIFEST).is_file():
        raise PublishError(f"{entry.folder}: the folder of issue {draft.identity.issue} (or its {MANIFEST}) is "
                           "missing; publish writes the final issue there, so restore it or build the issue again")
    return entry.folder


def _check_same_issue(draft: Draft, original: StoredIssue) -> None:
    identity = draft.identity
    issue = original.issue
    number = issue.masthead.number
    if (issue.masthead.date, issue.edition, number.number, number.special) != (
            identity.date, identity.edition, identity.number, identity.special):
        raise PublishError(f"{original.folder / MANIFEST}: describes {issue.masthead.date.isoformat()} {issue.edition} "
                           f"No. {number.number}, not the draft's issue {identity.issue}; the folder was "
                           "overwritten by another build — build the issue again")


def _check_headings(draft: Draft, original: Issue) -> None:
    """A section heading the editor deleted while its items stayed: they now trail the section
    above, in their old order, exactly as if they belonged to it. Refused, since the editor may
    have meant either (items moved anywhere else, or not all of them there, are a deliberate move)."""
    present = {s.id: s for s in draft.sections}
    placed = {item.article_id for s in draft.sections for item in s.items if item.article_id}
    previous = None
    for section in original.sections:
        if section.id in present:
            previous = present[section.id]
            continue
        surviving = [i.article_id for i in section.items if i.article_id in placed]
        if not surviving or previous is None:
            continue  # items before any heading are reported by the reader
        trailing = [i.article_id for i in previous.items][-len(surviving):]
        if trailing == surviving:
            titles = "、".join(f"“{i.title}”" for i in section.items if i.article_id in placed)
            raise DraftError(
                f"{draft.path}: paragraph {draft.item_positions[surviving[0]]}: the section heading "
                f"“{section.title}” is missing, but its items ({titles}) are still there, now under "
                f"“{previous.title}”; put the heading back (style 简报-一级标题) or delete or move its items")


# -- the final issue ------------------------------------------------------------------------


def final_issue(draft: Draft, original: Issue, empty_sections: str = "omit") -> Issue:
    """The Issue as the editor left it: the draft's sections and items, with what the draft
    cannot show (article sources, scores, the articles' records) taken from the issue as built.
    A section the editor emptied is left out, as a build leaves it out, unless
    `[editorial] empty_sections = "placeholder"` asks for 本期暂无."""
    originals = {i.article_id: i for s in original.sections for i in s.items if i.article_id}
    known_articles = {a.id: a for a in original.articles}
    sections = []
    for section in draft.sections:
        items: list[Item] = []
        for item in section.items:
            items.append(_with_origin(item, originals, known_articles, used={i.article_id for i in items}))
        if items or empty_sections == "placeholder":
            sections.append(IssueSection(section.id, section.title, tuple(_unique(items))))
    masthead = replace(original.masthead, title=draft.masthead_title or original.masthead.title,
                       issuer=draft.issuer or original.masthead.issuer)
    issue = Issue(briefing=original.briefing, edition=original.edition, masthead=masthead,
                  sections=tuple(sections), distribution=draft.distribution, contents=draft.contents)
    return replace(issue, articles=tuple(_article_records(original, issue)))


def _with_origin(item: Item, originals: dict[str, Item], known_articles: dict[str, ArticleRecord],
                 used: set[str]) -> Item:
    """The draft's item with its article's sources and score, or as the editor's own item."""
    original = originals.get(item.article_id)
    if original is None and item.article_id in known_articles:
        # an article of this issue that was not printed before (pasted back from an old draft)
        return replace(item, sources=(known_articles[item.article_id].source,))
    if original is None:
        original = _match_by_words(item, originals, used)
    if original is None:
        return replace(item, article_id="")
    return replace(item, article_id=original.article_id, sources=original.sources, score=original.score)


def _match_by_words(item: Item, originals: dict[str, Item], used: set[str]) -> Item | None:
    """An item whose bookmark was lost (retyped title, pasted as text): the original with the
    same title, or else the same text."""
    for same in (lambda o: o.title == item.title, lambda o: o.summary == item.summary):
        for article, original in originals.items():
            if article not in used and same(original):
                return original
    return None


def _unique(items: list[Item]) -> list[Item]:
    """The same article twice (an item copied rather than moved): the copy counts as new."""
    seen: set[str] = set()
    result = []
    for item in items:
        if item.article_id and item.article_id in seen:
            item = replace(item, article_id="", sources=())
        seen.add(item.article_id)
        result.append(item)
    return result


def _article_records(original: Issue, issue: Issue) -> list[ArticleRecord]:
    placed = {i.article_id: s.id for s in issue.sections for i in s.items if i.article_id}
    records = []
    for record in original.articles:
        if record.status == ArticleStatus.USED and record.id not in placed:
            record = replace(record, status=ArticleStatus.DROPPED, reason=DELETED_REASON)
        elif record.id in placed:
            record = replace(record, section=placed[record.id], status=ArticleStatus.USED)
        records.append(record)
    return records


# -- rendering into the issue's folder ------------------------------------------------------


def _render_final(config: Config, draft: Draft, issue: Issue, original: StoredIssue,
                  changes: list[Change]) -> PublishResult:
    from ..render.fonts import load_fonts
    from ..render.fonts import missing_glyphs

    fonts = load_fonts(config.fonts_dir)
    glyph_warnings = missing_glyphs(issue, fonts, config.render)
    now = datetime.now(ZoneInfo(config.briefing.timezone))
    clock = StageClock(None)
    folder = original.folder
    with staging(folder.parent, folder.name) as temp:
        _copy_folder(folder, temp)
        edited_name = f"{issue.file_stem}{EDITED_SUFFIX}.docx"
        shutil.copyfile(draft.path, temp / edited_name)
        with renderer() as files:
            names = render_issue(issue, temp, ("docx", "pdf"), fonts, config, clock.stage, created=now, renderer=files)
        publication = Publication(published_at=now.isoformat(timespec="seconds"), draft=draft.path.name,
                                  edited_copy=edited_name, changes=tuple(changes), timings_ms=clock.timings)
        # what was not edited (skipped sources, the build's timings) stays as the build recorded it
        final = replace(issue, skipped=original.issue.skipped, timings_ms=original.issue.timings_ms)
        stored = StoredIssue(temp, final, names, tuple(glyph_warnings), publication=publication)
        stored = replace(stored, revision=final_revision(stored))
        write_manifest(stored)
        stored = replace(stored, folder=commit(temp, folder))
    outputs = {kind: stored.folder / name for kind, name in names.items()}
    outputs["edited"] = stored.folder / edited_name
    outputs["manifest"] = stored.folder / MANIFEST
    return PublishResult(stored, outputs, [glyph_warning(w) for w in glyph_warnings], changes)


def _copy_folder(folder: Path, temp: Path) -> None:
    """Whatever else the issue's folder holds (delivery records …) is carried over."""
    for entry in folder.iterdir():
        target = temp / entry.name
        if entry.is_dir():
            shutil.copytree(entry, target)
        else:
            shutil.copy2(entry, target)


def final_revision(stored: StoredIssue) -> str:
    """A name for what the final issue says: `send` mails each revision of an issue separately, so
    readers of the issue as built get the final one too, and republishing goes out again only
    when what it says changed."""
    manifest = manifest_json(stored)
    content = {key: manifest[key] for key in ("masthead", "sections")}
    digest = hashlib.sha1(json.dumps(content, ensure_ascii=False, sort_keys=True).encode("utf-8"))
    return f"final-{digest.hexdigest()[:10]}"
