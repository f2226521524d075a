"""What the editor changed: the issue as last built or published against the final one.

Each change is a small record (`{"change": "moved", "title": …, "from": …, "to": …}`) that goes
into the manifest's `publication.changes`, and `describe` gives it a line for the terminal.
Items are matched by their article; an item the editor wrote has none and is matched by title.
"""

from __future__ import annotations

import json

from ..model import Issue, IssueSection, Item

Change = dict[str, object]


def describe_changes(before: Issue, after: Issue) -> list[Change]:
    old, new = _placed(before), _placed(after)
    return [*_deleted(old, new), *_added_moved_edited(old, new), *_reordered(before, after, new),
            *_sections_removed(before, after), *_headings_retitled(before, after),
            *_masthead_edited(before, after), *_distribution_edited(before, after)]


def _key(item: Item) -> str:
    return item.article_id or f"title:{item.title}"


def _placed(issue: Issue) -> dict[str, tuple[str, Item]]:
    """Every item by its key, with the section it stands in, in reading order."""
    return {_key(item): (section.id, item) for section in issue.sections for item in section.items}


def _deleted(old: dict, new: dict) -> list[Change]:
    return [{"change": "deleted", "article": item.article_id or None, "section": section, "title": item.title}
            for key, (section, item) in old.items() if key not in new]


def _added_moved_edited(old: dict, new: dict) -> list[Change]:
    changes: list[Change] = []
    for key, (section, item) in new.items():
        if key not in old:
            changes.append({"change": "added", "section": section, "title": item.title})
            continue
        old_section, before = old[key]
        article = item.article_id or None
        if old_section != section:
            changes.append({"change": "moved", "article": article, "title": item.title,
                            "from": old_section, "to": section})
        if before.title != item.title:
            changes.append({"change": "title", "article": article, "from": before.title, "to": item.title})
        if before.summary != item.summary:
            changes.append({"change": "text", "article": article, "title": item.title,
                            "from": before.summary, "to": item.summary})
    return changes


def _reordered(before: Issue, after: Issue, new: dict) -> list[Change]:
    """A section whose surviving items no longer stand in their old order."""
    changes: list[Change] = []
    for section in after.sections:
        old_order = [_key(i) for i in _items_of(before, section.id)]
        new_order = [_key(i) for i in section.items]
        kept_old = [k for k in old_order if k in new_order]
        if kept_old != [k for k in new_order if k in kept_old]:
            changes.append({"change": "reordered", "section": section.id, "to": [new[k][1].title for k in new_order]})
    return changes


def _sections_removed(before: Issue, after: Issue) -> list[Change]:
    remaining = {s.id for s in after.sections}
    return [{"change": "section_removed", "section": s.id, "title": s.title}
            for s in before.sections if s.id not in remaining]


def _headings_retitled(before: Issue, after: Issue) -> list[Change]:
    old_titles = {s.id: s.title for s in before.sections}
    return [{"change": "section_title", "section": s.id, "from": old_titles[s.id], "to": s.title}
            for s in after.sections if s.id in old_titles and old_titles[s.id] != s.title]


def _masthead_edited(before: Issue, after: Issue) -> list[Change]:
    """The 报头's name or 编印单位 retyped (number and date are the issue's own, not editable)."""
    return [{"change": "masthead", "field": field, "from": old, "to": new}
            for field, old, new in (("title", before.masthead.title, after.masthead.title),
                                    ("issuer", before.masthead.issuer, after.masthead.issuer))
            if old != new]


def _distribution_edited(before: Issue, after: Issue) -> list[Change]:
    """A 报尾 line (报/送/发: its names; the number of copies) as the editor changed it."""
    changes: list[Change] = []
    old, new = before.distribution, after.distribution
    for line, field in (("报", "bao"), ("送", "song"), ("发", "fa")):
        if getattr(old, field) != getattr(new, field):
            changes.append({"change": "distribution", "line": line,
                            "from": list(getattr(old, field)), "to": list(getattr(new, field))})
    if old.copies != new.copies:
        changes.append({"change": "distribution", "line": "copies", "from": old.copies, "to": new.copies})
    return changes


def _items_of(issue: Issue, section_id: str) -> tuple[Item, ...]:
    section: IssueSection | None = next((s for s in issue.sections if s.id == section_id), None)
    return section.items if section is not None else ()


_LINES = {
    "deleted": "deleted   {title} ({section})",
    "added": "added     {title} ({section})",
    "moved": "moved     {title}: {from} -> {to}",
    "title": "title     {from} -> {to}",
    "text": "text      {title}",
    "section_removed": "removed   section {title} ({section})",
    "section_title": "heading   {from} -> {to}",
    "masthead": "报头      {field}: {from} -> {to}",
}


def describe(change: Change) -> str:
    """One line per change, for the terminal."""
    kind = change["change"]
    if kind == "reordered":
        return f"reordered {change['section']}: {' / '.join(change['to'])}"
    if kind == "distribution":
        def names(value: object) -> str:
            return "，".join(value) if isinstance(value, list) else str(value)
        return f"报尾      {change['line']}: {names(change['from'])} -> {names(change['to'])}"
    if kind in _LINES:
        return _LINES[kind].format_map(change)
    return json.dumps(change, ensure_ascii=False)
