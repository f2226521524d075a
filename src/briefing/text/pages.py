"""Split a document into articles at its headings.

A newspaper page pasted as text looks like Markdown: `#` article titles, `##` kickers (引题,
above a title) or subtitles (副题, right below it), `###` subheads inside an article. A `#`
heading with no body of its own (the page banner, 特别报道) is not an article. A document
without headings is one article whose title is its first short line, or the file name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from ..model import Block, Document, RawArticle
from .normalize import normalize_text
from .sentences import ends_sentence

_HEADING = re.compile(r"^(#{1,6})\s*(.+?)\s*#*\s*$")
_HASHTAG = re.compile(r"^#[^#\s]{1,30}#")  # a #话题# tag, not a heading
MAX_TITLE = 60


@dataclass
class Line:
    level: int  # 0 for a paragraph, 1 title, 2 kicker or subtitle, 3.. subhead
    text: str



def split_document(doc: Document) -> list[RawArticle]:
    if doc.articles:  # a structured source (page, feed, JSONL, Word) already cut them out
        articles = list(doc.articles)
    else:
        articles = split_lines(_lines(doc.text), doc.source, doc.encoding)
    if doc.outlet:  # the operator's name for this source wins over the page's or feed's own
        articles = [replace(a, outlet=doc.outlet) for a in articles]
    return articles


def split_lines(lines: list[Line], source: str, encoding: str) -> list[RawArticle]:
    """Articles from heading-marked lines (text files, Word paragraphs with their styles)."""
    doc = Document(source=source, text="", encoding=encoding, kind="lines")
    if not any(line.level == 1 for line in lines):
        return _single_article(doc, lines)
    articles: list[RawArticle] = []
    for start, end in _title_spans(lines):
        title = lines[start].text
        kicker = _kicker_before(lines, start)
        body = lines[start + 1:end]
        subtitle = None
        if body and body[0].level == 2:
            subtitle, body = body[0].text, body[1:]
        body = _drop_trailing_kicker(body, lines, end)
        blocks = tuple(
            Block("para" if line.level == 0 else "subhead", line.text) for line in body
        )
        if not any(block.kind == "para" for block in blocks):
            continue  # a banner or an empty heading, not an article
        articles.append(RawArticle(doc.source, title, kicker, subtitle, blocks, doc.encoding))
    return articles


def _lines(text: str) -> list[Line]:
    lines = []
    for raw in text.splitlines():
        raw = raw.strip().lstrip("\ufeff")
        if not raw:
            continue
        match = None if _HASHTAG.match(raw) else _HEADING.match(raw)
        if match:
            lines.append(Line(len(match.group(1)), normalize_text(match.group(2))))
        else:
            lines.append(Line(0, raw))
    return lines


def _title_spans(lines: list[Line]) -> list[tuple[int, int]]:
    starts = [i for i, line in enumerate(lines) if line.level == 1]
    return [(s, starts[k + 1] if k + 1 < len(starts) else len(lines)) for k, s in enumerate(starts)]


def _kicker_before(lines: list[Line], title_index: int) -> str | None:
    before = lines[title_index - 1] if title_index else None
    return before.text if before is not None and before.level == 2 else None


def _drop_trailing_kicker(body: list[Line], lines: list[Line], end: int) -> list[Line]:
    """A `##` line right before the next `#` title is that title's kicker, not our subhead."""
    if body and body[-1].level == 2 and end < len(lines):
        return body[:-1]
    return body


def _single_article(doc: Document, lines: list[Line]) -> list[RawArticle]:
    if not lines:
        return []
    first = lines[0].text
    if lines[0].level or (len(first) <= MAX_TITLE and not ends_sentence(first) and len(lines) > 1):
        title, body = normalize_text(first), lines[1:]
    else:
        title, body = Path(doc.source).stem, lines
    blocks = tuple(Block("para" if l.level == 0 else "subhead", l.text) for l in body)
    return [RawArticle(doc.source, title, None, None, blocks, doc.encoding)]
