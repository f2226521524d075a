"""Publishing from the editor's draft: the edited DOCX becomes the final issue.

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
from datetime import date as Date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from .build import StageClock, UsageError
from .config import Config
from .ledger import Ledger
from .locks import issue_lock
from .model import ArticleRecord, Issue, IssueNumber, IssueSection, Masthead
from .publish import MANIFEST, PublishError, build_manifest, commit, read_manifest, staging, write_manifest
from .render import glyph_warning, render_issue
from .render.read_docx import Draft, DraftError, read_draft

EDITED_SUFFIX = "（编辑稿）"  # the editor's own file, kept beside the final issue
DELETED_REASON = "deleted by the editor in the draft"


@dataclass
class PublishResult:
    issue: Issue
    folder: Path
    manifest: dict
    outputs: dict[str, Path]
    changes: list[dict]
    warnings: list[str] = field(default_factory=list)


def publish_draft(config: Config, draft_path: Path) -> PublishResult:
    """Read the edited draft, render the final issue into its folder, mark it published."""
    draft = read_draft(draft_path, _known_section_titles(config))
    identity = draft.identity
    # a scheduled run or an operator's build of the same issue must not rewrite the folder meanwhile
    with issue_lock(config.state_dir, identity.edition, identity.date, purpose=f"publish {draft_path.name}",
                    wait_seconds=config.service.lock_wait_seconds), Ledger(config.state_dir) as ledger:
        row = _issue_row(ledger, draft)
        folder = _issue_folder(row, draft, ledger.path)
        original = read_manifest(folder, required=("briefing", "edition", "date", "issue", "sections", "articles"))
        _check_same_issue(draft, original, folder)
        _check_headings(draft, original)
        issue = final_issue(draft, original)
        changes = describe_changes(original, issue)
        result = _render_final(config, draft, issue, original, changes, folder)
        ledger.mark(row["id"], "published", str(result.folder))
    result.warnings[:0] = list(draft.warnings)
    return result


# -- finding the issue ----------------------------------------------------------------------


def _known_section_titles(config: Config) -> dict[str, list[str]]:
    from .editorial.lexicon import DEFAULT_SECTIONS

    titles: dict[str, list[str]] = {spec.id: [spec.title] for spec in config.sections}
    for default in DEFAULT_SECTIONS:
        titles.setdefault(default["id"], []).append(default["title"])
    return titles


def _issue_row(ledger: Ledger, draft: Draft):
    identity = draft.identity
    row = ledger.find_issue(identity.edition, identity.date.year, identity.number, identity.special)
    if row is not None and row["date"] == identity.date.isoformat():
        return row
    raise UsageError(f"{draft.path}: the draft belongs to issue {identity.issue}, which the ledger "
                     f"{ledger.path} does not know; run publish with the --config the issue was built with")


def _issue_folder(row, draft: Draft, ledger_path: Path) -> Path:
    if not row["folder"]:
        raise PublishError(f"{draft.path}: issue {draft.identity.issue} was never built completely "
                           f"(ledger {ledger_path} has no folder for it); build it again")
    folder = Path(row["folder"])
    if not (folder / MANIFEST).is_file():
        raise PublishError(f"{folder}: the folder of issue {draft.identity.issue} (or its {MANIFEST}) is "
                           "missing; publish writes the final issue there, so restore it or build the issue again")
    return folder


def _check_same_issue(draft: Draft, manifest: dict, folder: Path) -> None:
    identity = draft.identity
    number = manifest["issue"]
    if (manifest["date"], manifest["edition"], number["number"], bool(number["special"])) != (
            identity.date.isoformat(), identity.edition, identity.number, identity.special):
        raise PublishError(f"{folder / MANIFEST}: describes {manifest['date']} {manifest['edition']} "
                           f"No. {number['number']}, not the draft's issue {identity.issue}; the folder was "
                           "overwritten by another build — build the issue again")


def _check_headings(draft: Draft, manifest: dict) -> None:
    """A section heading the editor deleted while its items stayed: they now trail the section
    above, in their old order, exactly as if they belonged to it. Refused, since the editor may
    have meant either (items moved anywhere else, or not all of them there, are a deliberate move)."""
    present = {s.id: s for s in draft.sections}
    placed = {item.article_id: s for s in draft.sections for item in s.items if item.article_id}
    previous = None
    for section in manifest["sections"]:
        if section["id"] in present:
            previous = present[section["id"]]
            continue
        surviving = [i["article"] for i in section["items"] if i.get("article") in placed]
        if not surviving or previous is None:
            continue  # items before any heading are reported by the reader
        trailing = [i.article_id for i in previous.items][-len(surviving):]
        if trailing == surviving:
            titles = "、".join(f"“{i['title']}”" for i in section["items"] if i.get("article") in placed)
            raise DraftError(
                f"{draft.path}: paragraph {draft.item_positions[surviving[0]]}: the section heading "
                f"“{section['title']}” is missing, but its items ({titles}) are still there, now under "
                f"“{previous.title}”; put the heading back (style 简报-一级标题) or delete or move its items")


# -- the final issue ------------------------------------------------------------------------


def final_issue(draft: Draft, manifest: dict) -> Issue:
    """The Issue as the editor left it: the draft's sections and items, with what the draft
    cannot show (article sources, scores, the manifest's records) taken from the manifest."""
    originals = {i["article"]: i for s in manifest["sections"] for i in s["items"] if i.get("article")}
    known_articles = {a["id"]: a for a in manifest["articles"]}
    sections = []
    for section in draft.sections:
        items = []
        for item in section.items:
            original = originals.get(item.article_id)
            if original is None and item.article_id in known_articles:
                # an article of this issue that was not printed before (pasted back from an old draft)
                item = replace(item, sources=(known_articles[item.article_id]["source"],))
            else:
                if original is None:
                    original = _match_by_words(item, originals, used={i.article_id for i in items})
                if original is not None:
                    item = replace(item, article_id=original["article"],
                                   sources=tuple(original.get("sources", ())), score=original.get("score") or 0.0)
                else:
                    item = replace(item, article_id="")
            items.append(item)
        sections.append(IssueSection(section.id, section.title, tuple(_unique(items))))
    number = manifest["issue"]
    masthead_record = manifest.get("masthead", {})
    masthead = Masthead(
        title=draft.masthead_title or masthead_record.get("title") or manifest["briefing"],
        issuer=draft.issuer or masthead_record.get("issuer", ""),
        date=Date.fromisoformat(manifest["date"]),
        number=IssueNumber(number["year"], number["number"], number.get("total"), bool(number["special"])),
        show_total="总第" in masthead_record.get("number_line", ""),
    )
    issue = Issue(
        briefing=manifest["briefing"], edition=manifest["edition"], masthead=masthead,
        sections=tuple(sections), distribution=draft.distribution, contents=draft.contents,
    )
    return replace(issue, articles=tuple(_article_records(manifest, issue)))


def _match_by_words(item, originals: dict[str, dict], used: set[str]) -> dict | None:
    """An item whose bookmark was lost (retyped title, pasted as text): the original with the
    same title, or else the same text."""
    for key in ("title", "summary"):
        value = item.title if key == "title" else item.summary
        for article, original in originals.items():
            if article not in used and original[key] == value:
                return original
    return None


def _unique(items: list) -> list:
    """The same article twice (an item copied rather than moved): the copy counts as new."""
    seen: set[str] = set()
    result = []
    for item in items:
        if item.article_id and item.article_id in seen:
            item = replace(item, article_id="", sources=())
        seen.add(item.article_id)
        result.append(item)
    return result


def _article_records(manifest: dict, issue: Issue) -> list[ArticleRecord]:
    placed = {i.article_id: s.id for s in issue.sections for i in s.items if i.article_id}
    records = []
    for entry in manifest["articles"]:
        record = ArticleRecord(
            id=entry["id"], title=entry["title"], source=entry["source"], section=entry.get("section"),
            status=entry["status"], reason=entry.get("reason", ""), score=entry.get("score"),
            runner_up=entry.get("runner_up"), terms=tuple(entry.get("terms", ())),
            merged_into=entry.get("merged_into"),
        )
        if record.status == "used" and record.id not in placed:
            record = replace(record, status="dropped", reason=DELETED_REASON)
        elif record.id in placed:
            record = replace(record, section=placed[record.id], status="used")
        records.append(record)
    return records


def describe_changes(manifest: dict, issue: Issue) -> list[dict]:
    """What the editor changed, against the issue as last built or published."""
    before = {_key(i): (s["id"], i) for s in manifest["sections"] for i in s["items"]}
    after = {_key_of(i): (s.id, i) for s in issue.sections for i in s.items}
    titles = {s["id"]: s["title"] for s in manifest["sections"]} | {s.id: s.title for s in issue.sections}
    changes: list[dict] = []
    for key, (section, item) in before.items():
        if key not in after:
            changes.append({"change": "deleted", "article": item.get("article"), "section": section,
                            "title": item["title"]})
    for key, (section, item) in after.items():
        if key not in before:
            changes.append({"change": "added", "section": section, "title": item.title})
            continue
        old_section, old = before[key]
        article = item.article_id or None
        if old_section != section:
            changes.append({"change": "moved", "article": article, "title": item.title,
                            "from": old_section, "to": section})
        if old["title"] != item.title:
            changes.append({"change": "title", "article": article, "from": old["title"], "to": item.title})
        if old["summary"] != item.summary:
            changes.append({"change": "text", "article": article, "title": item.title,
                            "from": old["summary"], "to": item.summary})
    for section in issue.sections:
        old_order = [_key(i) for s in manifest["sections"] if s["id"] == section.id for i in s["items"]]
        new_order = [_key_of(i) for i in section.items]
        kept_old = [k for k in old_order if k in new_order]
        kept_new = [k for k in new_order if k in kept_old]
        if kept_old != kept_new:
            changes.append({"change": "reordered", "section": section.id,
                            "to": [after[k][1].title for k in new_order]})
    old_ids = [s["id"] for s in manifest["sections"]]
    new_ids = [s.id for s in issue.sections]
    for section_id in old_ids:
        if section_id not in new_ids:
            changes.append({"change": "section_removed", "section": section_id, "title": titles[section_id]})
    for section in issue.sections:
        old_title = next((s["title"] for s in manifest["sections"] if s["id"] == section.id), None)
        if old_title is not None and old_title != section.title:
            changes.append({"change": "section_title", "section": section.id, "from": old_title,
                            "to": section.title})
    return changes


def _key(item: dict) -> str:
    return item.get("article") or f"title:{item['title']}"


def _key_of(item) -> str:
    return item.article_id or f"title:{item.title}"


def describe(change: dict) -> str:
    """One line per change, for the terminal."""
    kind = change["change"]
    if kind == "deleted":
        return f"deleted   {change['title']} ({change['section']})"
    if kind == "added":
        return f"added     {change['title']} ({change['section']})"
    if kind == "moved":
        return f"moved     {change['title']}: {change['from']} -> {change['to']}"
    if kind == "title":
        return f"title     {change['from']} -> {change['to']}"
    if kind == "text":
        return f"text      {change['title']}"
    if kind == "reordered":
        return f"reordered {change['section']}: {' / '.join(change['to'])}"
    if kind == "section_removed":
        return f"removed   section {change['title']} ({change['section']})"
    if kind == "section_title":
        return f"heading   {change['from']} -> {change['to']}"
    return json.dumps(change, ensure_ascii=False)


# -- rendering into the issue's folder ------------------------------------------------------


def _render_final(config: Config, draft: Draft, issue: Issue, original: dict, changes: list[dict],
                  folder: Path) -> PublishResult:
    from .render.fonts import load_fonts
    from .render.pdf import missing_glyphs

    fonts = load_fonts(config.fonts_dir)
    glyph_warnings = missing_glyphs(issue, fonts, config.render)
    now = datetime.now(ZoneInfo(config.briefing.timezone))
    clock = StageClock(None)
    with staging(folder.parent, folder.name) as temp:
        _copy_folder(folder, temp)
        edited_name = f"{issue.file_stem}{EDITED_SUFFIX}.docx"
        shutil.copyfile(draft.path, temp / edited_name)
        names = render_issue(issue, temp, ("docx", "pdf"), fonts, config, clock.stage, created=now)
        manifest = _published_manifest(original, issue, names, glyph_warnings, changes, {
            "published_at": now.isoformat(timespec="seconds"),
            "draft": draft.path.name,
            "edited_copy": edited_name,
            "timings_ms": clock.timings,
        })
        write_manifest(temp, manifest)
        final = commit(temp, folder)
    outputs = {kind: final / name for kind, name in names.items()}
    outputs["edited"] = final / edited_name
    outputs["manifest"] = final / MANIFEST
    return PublishResult(issue, final, manifest, outputs, changes, [glyph_warning(w) for w in glyph_warnings])


def _copy_folder(folder: Path, temp: Path) -> None:
    """Whatever else the issue's folder holds (delivery records …) is carried over."""
    for entry in folder.iterdir():
        target = temp / entry.name
        if entry.is_dir():
            shutil.copytree(entry, target)
        else:
            shutil.copy2(entry, target)


def _published_manifest(original: dict, issue: Issue, names: dict[str, str], glyph_warnings: list[dict],
                        changes: list[dict], publication: dict) -> dict:
    fresh = build_manifest(issue, names, glyph_warnings)
    for section in fresh["sections"]:
        for item in section["items"]:
            item["article"] = item["article"] or None  # an item the editor wrote has no article
    manifest = {**original}
    for key in ("masthead", "outputs", "sections", "articles", "warnings"):
        manifest[key] = fresh[key]
    manifest["published"] = True
    manifest["publication"] = {**publication, "changes": changes}
    # `send` mails each revision of an issue separately: readers of the issue as built get the
    # final one too, and a republished issue goes out again only when what it says changed.
    manifest["revision"] = final_revision(manifest)
    return manifest


def final_revision(manifest: dict) -> str:
    content = {key: manifest.get(key) for key in ("masthead", "sections")}
    digest = hashlib.sha1(json.dumps(content, ensure_ascii=False, sort_keys=True).encode("utf-8"))
    return f"final-{digest.hexdigest()[:10]}"
