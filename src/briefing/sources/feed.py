"""RSS 2.0 / RSS 1.0 / Atom feeds, from a file or a download: every entry is an article.

The entry's full text comes from `content` (the longest), else `summary`. Before feedparser sees
the feed, it is decoded by our own detector (a feed that declares gb2312 but uses GBK characters
is common) and checked with defusedxml: a feed that declares entities — the shape of an
entity-expansion ("billion laughs") or external-entity attack — is refused, not parsed.
"""

from __future__ import annotations

import re
import time
from datetime import date

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, fromstring

from ..model import Document, RawArticle, Skipped
from ..text.decode import xml_declared_encoding
from ..text.metadata import iso_date, split_names
from .errors import SourceError
from .html import fragment_blocks
from .limits import Limits
from .text import decode

_ENCODING_ATTRIBUTE = re.compile(r"""^(\s*<\?xml[^>]*?)\s+encoding\s*=\s*["'][^"']*["']""")
_FEED_ROOT = re.compile(rb"<(?:rss|feed|rdf:RDF)[\s>]", re.I)


def looks_like_feed(data: bytes) -> bool:
    head = data[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        head = data[:8192].decode("utf-16", errors="ignore").encode("utf-8")
    return bool(_FEED_ROOT.search(head)) and b"<html" not in head.lower()


def read_feed(data: bytes, source: str, limits: Limits) -> tuple[list[Document], list[Skipped]]:
    import feedparser  # loaded only when a feed is read

    text, encoding = decode(data, xml_declared_encoding(data))
    xml = _ENCODING_ATTRIBUTE.sub(r"\1", text, count=1).encode("utf-8")
    malformed = _check_xml(xml)
    parsed = feedparser.parse(xml, sanitize_html=False, resolve_relative_uris=False)
    if not parsed.entries or not any(_has_text(e) for e in parsed.entries):
        if malformed or parsed.bozo:
            raise SourceError(f"malformed feed ({malformed or _bozo(parsed)}); no entry could be read")
        if not parsed.version:
            raise SourceError("not an RSS or Atom feed")
        raise SourceError("the feed has no entries")
    feed_title = parsed.feed.get("title") or None
    articles: list[RawArticle] = []
    skipped: list[Skipped] = []
    for index, entry in enumerate(parsed.entries, 1):
        where = _entry_source(entry, source, index)
        title = " ".join((entry.get("title") or "").split())
        blocks = fragment_blocks(_full_text(entry))
        if not title:
            skipped.append(Skipped(where, "feed entry without a title"))
            continue
        if not blocks:
            skipped.append(Skipped(where, "feed entry without text (no content or summary)"))
            continue
        articles.append(RawArticle(
            source=where,
            title=title,
            kicker=None,
            subtitle=None,
            blocks=tuple(blocks),
            encoding=encoding,
            authors=_authors(entry),
            published=_published(entry),
            outlet=feed_title,
            url=entry.get("link") or None,
            title_from="feed",
        ))
    documents = [Document(source=source, text="", encoding=encoding, kind="feed", articles=tuple(articles))]
    return (documents if articles else []), skipped


def _check_xml(xml: bytes) -> str | None:
    """Refuse entity declarations; return why the XML is malformed (feedparser may still cope)."""
    try:
        fromstring(xml, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise SourceError("refused: the feed declares XML entities (the form of an entity-expansion "
                          f"or external-entity attack: {type(exc).__name__})")
    except ParseError as exc:
        return f"XML error: {exc}"
    return None


def _bozo(parsed) -> str:
    error = parsed.get("bozo_exception")
    return f"{type(error).__name__}: {error}" if error else "unreadable XML"


def _has_text(entry) -> bool:
    return bool(entry.get("title") or _full_text(entry))


def _full_text(entry) -> str:
    contents = [c.get("value", "") for c in entry.get("content", []) if c.get("value")]
    best = max(contents, key=len, default="")
    summary = entry.get("summary") or ""
    return best if len(best) >= len(summary) else summary


def _entry_source(entry, feed: str, index: int) -> str:
    link = entry.get("link") or ""
    return link if link.startswith(("http://", "https://")) else f"{feed}#{index}"


def _authors(entry) -> tuple[str, ...]:
    names = [a.get("name", "") for a in entry.get("authors", []) if a.get("name")]
    if not names and entry.get("author"):
        names = [entry["author"]]
    return tuple(n for name in names for n in split_names(name))


def _published(entry) -> str | None:
    """The date as the feed wrote it (feedparser's parsed dates are in UTC: a morning story in
    Beijing would move to the day before)."""
    for key in ("published", "updated", "created"):
        stated = iso_date(entry.get(key))
        if stated:
            return stated
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        parsed: time.struct_time | None = entry.get(key)
        if parsed:
            return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday).isoformat()
    return None
