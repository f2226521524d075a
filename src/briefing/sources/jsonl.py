"""JSON Lines (.jsonl): one article per line.

Each line is an object with `title` and `text`, and optionally `url`, `date`, `source` (the
outlet) and `author` (a name or a list of names). `text` may be plain text (paragraphs on their
own lines) or HTML. A bad line is skipped with its line number; the other lines are still read.
"""

from __future__ import annotations

import json
import re

from ..model import Block, Document, RawArticle, Skipped
from ..text.metadata import iso_date, split_names
from .errors import SourceError
from .html import fragment_blocks
from .limits import Limits
from .text import decode

_HTML = re.compile(r"</?(?:p|br|div|h[1-6])\b", re.I)


def read_jsonl(data: bytes, source: str, limits: Limits) -> tuple[list[Document], list[Skipped]]:
    text, encoding = decode(data)
    articles: list[RawArticle] = []
    skipped: list[Skipped] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            articles.append(_article(line, where, encoding))
        except SourceError as exc:
            skipped.append(Skipped(where, str(exc)))
    if not articles:
        if skipped:
            return [], skipped
        raise SourceError("no article in the file (no JSON lines)")
    return [Document(source=source, text="", encoding=encoding, kind="jsonl", articles=tuple(articles))], skipped


def _article(line: str, where: str, encoding: str) -> RawArticle:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise SourceError(f"not valid JSON: {exc.msg} (column {exc.colno})")
    if not isinstance(record, dict):
        raise SourceError("not a JSON object; each line must be {\"title\": …, \"text\": …}")
    title = _string(record, "title")
    body = _string(record, "text")
    if not title:
        raise SourceError("no \"title\"")
    if not body:
        raise SourceError("no \"text\"")
    blocks = fragment_blocks(body) if _HTML.search(body) else [
        Block("para", p.strip()) for p in body.splitlines() if p.strip()]
    url = _string(record, "url") or None
    outlet = _string(record, "source") or None
    if outlet and outlet.startswith(("http://", "https://")):
        url, outlet = url or outlet, None
    return RawArticle(
        source=url if url and url.startswith(("http://", "https://")) else where,
        title=" ".join(title.split()),
        kicker=None,
        subtitle=None,
        blocks=tuple(blocks),
        encoding=encoding,
        authors=_authors(record.get("author", record.get("authors"))),
        published=iso_date(_string(record, "date")) or (_string(record, "date") or None),
        outlet=outlet,
        url=url,
        title_from="jsonl",
    )


def _string(record: dict, key: str) -> str:
    value = record.get(key)
    if value is None:
        return ""
    if not isinstance(value, (str, int, float)):
        raise SourceError(f"\"{key}\" must be text, not {type(value).__name__}")
    return str(value).strip()


def _authors(value: object) -> tuple[str, ...]:
    if isinstance(value, str):
        return tuple(split_names(value))
    if isinstance(value, list):
        return tuple(n for item in value if isinstance(item, str) for n in split_names(item))
    return ()
