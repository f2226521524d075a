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


def issue_characters(issue: Issue) -> set[str]:
    """Every character the rendered issue can print, for font subsetting and coverage."""
    from .layout import CHINESE_NUMERALS, page_number_text

    m = issue.masthead
    parts = [m.title, m.issuer, m.number_line, m.date_line, CONTENTS_HEADING, CHINESE_NUMERALS, "、",
             page_number_text("0123456789"), "报送发：，（共印份）"]
    for section in issue.sections:
        parts.append(section.title)
        for item in section.items:
            parts += [item.title, item.summary, source_line(item) or "", "本期暂无"]
    d = issue.distribution
    parts += [*d.bao, *d.song, *d.fa, copies_line(d) or ""]
    return set("".join(parts)) - {"\n"}
