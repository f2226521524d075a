"""Wording shared by both renderers, so the DOCX and the PDF say the same thing."""

from __future__ import annotations

from ..model import Distribution, Issue, Item

CONTENTS_HEADING = "本期要目"


def source_line(item: Item) -> str | None:
    """（来源：北京日报、科技日报）, or None when no outlet is known."""
    if not item.outlets:
        return None
    return f"（来源：{'、'.join(item.outlets)}）"


def distribution_lines(distribution: Distribution) -> list[tuple[str, str]]:
    """The 报/送/发 lines of the 报尾, as (label, recipients); empty ones left out."""
    lines = []
    for label, names in (("报", distribution.bao), ("送", distribution.song), ("发", distribution.fa)):
        if names:
            lines.append((f"{label}：", "，".join(names)))
    return lines


def copies_line(distribution: Distribution) -> str | None:
    return f"（共印{distribution.copies}份）" if distribution.copies else None


def contents_entries(issue: Issue) -> list[tuple[str, list[str]]]:
    """本期要目: (section title, item titles) for every section with items."""
    return [(s.title, [i.title for i in s.items]) for s in issue.sections if s.items]


PLACEHOLDER = "本期暂无。"


def text_by_style(issue: Issue) -> dict[str, list[str]]:
    """Every string the rendered issue prints, keyed by the layout style that prints it."""
    from .layout import page_number_text, section_prefix

    m = issue.masthead
    texts: dict[str, list[str]] = {
        "masthead": [m.title],
        "issue_number": [m.number_line],
        "issuer_line": [m.issuer, m.date_line],
        "contents_heading": [CONTENTS_HEADING] if issue.contents else [],
        "contents_entry": [t for _, titles in contents_entries(issue) for t in titles] if issue.contents else [],
        "section_heading": [f"{section_prefix(k)}{s.title}" for k, s in enumerate(issue.sections)],
        "item_title": [i.title for s in issue.sections for i in s.items],
        "body": [i.summary for s in issue.sections for i in s.items] + [PLACEHOLDER],
        "source": [line for s in issue.sections for i in s.items if (line := source_line(i))],
        "distribution": [f"{label}{names}" for label, names in distribution_lines(issue.distribution)]
                        + [copies_line(issue.distribution) or ""],
        "page_number": [page_number_text("0123456789")],
    }
    return texts


def characters_by_role(issue: Issue, styles: dict) -> dict[str, set[str]]:
    """The characters each font role must draw (a space everywhere: it separates runs)."""
    by_role: dict[str, set[str]] = {}
    for key, strings in text_by_style(issue).items():
        by_role.setdefault(styles[key].role, {" "}).update("".join(strings))
    return {role: chars - {"\n", "\t"} for role, chars in by_role.items()}
