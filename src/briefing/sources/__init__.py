"""Read sources: one reader per kind of file behind one registry.

`read_sources` walks files and folders (and fetches feed URLs), picks a reader by file suffix,
and returns the decoded documents plus everything it had to skip, with the reason. It never
raises for a bad source: an unreadable file is reported and the rest are still read.

Every reader is a pure function `(data, source, limits) -> (documents, skipped)`: the bytes are
read (or downloaded) here, at the edge, with the size caps applied before a reader sees them.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..model import Document, Skipped
from ..text.chinese import simplify_document
from .errors import SourceError
from .docx import read_docx
from .feed import looks_like_feed, read_feed
from .fetch import fetch
from .html import looks_like_html, read_html
from .jsonl import read_jsonl
from .limits import DEFAULT_MAX_MB, Limits
from .text import read_text

if TYPE_CHECKING:
    from ..config import SourceSettings

__all__ = ["DEFAULT_MAX_MB", "READERS", "Limits", "SourceError", "outlet_for", "read_file", "read_sources"]

Reader = Callable[[bytes, str, Limits], tuple[list[Document], list[Skipped]]]

# Suffix -> reader. A new kind of source registers here.
READERS: dict[str, Reader] = {
    ".txt": read_text,
    ".text": read_text,
    ".md": read_text,
    ".markdown": read_text,
    ".html": read_html,
    ".htm": read_html,
    ".docx": read_docx,
    ".xml": read_feed,
    ".rss": read_feed,
    ".atom": read_feed,
    ".jsonl": read_jsonl,
    ".ndjson": read_jsonl,
}

_URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")


def read_sources(sources: Iterable[str | Path], settings: SourceSettings | None = None,
                 outlets: Mapping[str, str] | None = None, exclude: Iterable[Path] = ()
                 ) -> tuple[list[Document], list[Skipped]]:
    """Every readable document under `sources`, and every source skipped with its reason.

    `outlets` maps an absolute path prefix (or a URL prefix) to the outlet that publishes what
    lies under it, for articles that only say 本报. Folders in `exclude` (the briefing's own
    output and state) are never read as sources, even when a source folder contains them.
    """
    limits = Limits.from_settings(settings)
    simplify = settings.to_simplified if settings is not None else True
    documents: list[Document] = []
    skipped: list[Skipped] = []
    seen: set[str] = set()  # a file reached twice (a folder and a file in it) is read once
    excluded = {p.resolve() for p in exclude}
    for source in sources:
        found, lost = _read_source(str(source), limits, seen, excluded)
        skipped.extend(lost)
        for document in found:
            if simplify:
                document = simplify_document(document)
            outlet = outlet_for(document.source, outlets or {})
            documents.append(replace(document, outlet=outlet) if outlet else document)
    return documents, skipped


def read_file(path: Path, limits: Limits | None = None) -> tuple[list[Document], list[Skipped]]:
    """One file, by its suffix (or, for a file named explicitly, by what it holds)."""
    limits = limits or Limits()
    data = _load(path, limits.max_file_bytes)
    reader = READERS.get(path.suffix.lower()) or _sniff(data)
    if reader is None:
        raise SourceError(f"unsupported kind of file {path.suffix or '(no suffix)'!r}; "
                          f"readable kinds: {', '.join(sorted(READERS))}")
    return reader(data, str(path), limits)


def outlet_for(source: str, outlets: Mapping[str, str]) -> str | None:
    """The outlet of the longest prefix that `source` lies under."""
    best: tuple[int, str] | None = None
    for prefix, name in outlets.items():
        if _under(source, prefix) and (best is None or len(prefix) > best[0]):
            best = (len(prefix), name)
    return best[1] if best else None


def _under(source: str, prefix: str) -> bool:
    if _URL.match(source) or _URL.match(prefix):
        return source.startswith(prefix)
    try:
        return Path(source).resolve().is_relative_to(Path(prefix).resolve())
    except (OSError, ValueError):
        return False


def _read_source(source: str, limits: Limits, seen: set[str], excluded: set[Path] = frozenset()
                 ) -> tuple[list[Document], list[Skipped]]:
    if _URL.match(source):
        if source in seen:
            return [], []
        seen.add(source)
        return _read_url(source, limits)
    documents: list[Document] = []
    skipped: list[Skipped] = []
    for path, problem in _expand(Path(source), excluded):
        key = os.path.realpath(path)
        if key in seen:
            continue
        seen.add(key)
        if problem:
            skipped.append(Skipped(str(path), problem))
            continue
        try:
            found, lost = read_file(path, limits)
        except SourceError as exc:
            skipped.append(Skipped(str(path), str(exc)))
            continue
        except Exception as exc:  # a parser failing on input nobody foresaw: lose this file, not the build
            skipped.append(Skipped(str(path), f"could not be read ({type(exc).__name__}: {_one_line(exc)})"))
            continue
        documents.extend(found)
        skipped.extend(lost)
    return documents, skipped


def _read_url(url: str, limits: Limits) -> tuple[list[Document], list[Skipped]]:
    if not url.lower().startswith(("http://", "https://")):
        return [], [Skipped(url, "only http:// and https:// addresses are fetched; give a local file as a path")]
    try:
        data, content_type = fetch(url, limits.feed_timeout_seconds, limits.feed_max_bytes)
        if looks_like_feed(data):
            return read_feed(data, url, limits)
        if "html" in content_type or looks_like_html(data):
            return read_html(data, url, limits)
        raise SourceError(f"neither an RSS/Atom feed nor a web page (Content-Type {content_type or 'unknown'})")
    except SourceError as exc:
        return [], [Skipped(url, str(exc))]
    except Exception as exc:  # as for files: this source is lost, not the build
        return [], [Skipped(url, f"could not be read ({type(exc).__name__}: {_one_line(exc)})")]


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split())[:200]


def _load(path: Path, max_bytes: int) -> bytes:
    try:
        info = path.stat()
    except OSError as exc:
        raise SourceError(f"cannot read: {exc.strerror.lower() if exc.strerror else exc}")
    if not stat.S_ISREG(info.st_mode):
        raise SourceError("not a regular file (a device, pipe or socket); only files are read")
    if info.st_size > max_bytes:
        raise SourceError(f"too large ({info.st_size / 2**20:.1f} MB; the limit is {max_bytes / 2**20:g} MB, "
                          "[sources] max_file_mb)")
    try:
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except PermissionError:
        raise SourceError("cannot read: permission denied; check the file's permissions")
    except OSError as exc:
        raise SourceError(f"cannot read: {exc.strerror.lower() if exc.strerror else exc}")
    if len(data) > max_bytes:  # it grew while we looked
        raise SourceError(f"too large (over the limit of {max_bytes / 2**20:g} MB, [sources] max_file_mb)")
    return data


def _sniff(data: bytes) -> Reader | None:
    """A file named on its own whose suffix says nothing: a feed is recognised by its content."""
    return read_feed if looks_like_feed(data) else None


def _expand(path: Path, excluded: set[Path] = frozenset()) -> Iterator[tuple[Path, str | None]]:
    """Files under path (recursively, sorted), or why path or a file under it is not read."""
    if not path.exists():
        yield path, "not found" if not path.is_symlink() else "a link to nothing (broken symbolic link)"
        return
    if not path.is_dir():
        yield path, None  # named explicitly: read_file checks it and may sniff its kind
        return
    unreadable: list[OSError] = []
    for folder, dirs, files in os.walk(path, onerror=unreadable.append):
        base = Path(folder)
        hidden_dirs = sorted(d for d in dirs if d.startswith("."))
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and (base / d).resolve() not in excluded)
        for name in hidden_dirs:
            yield base / name, "hidden folder, not read"
        for name in sorted(files):
            child = base / name
            if name.startswith("."):
                yield child, "hidden file, not read"
            elif child.suffix.lower() not in READERS:
                yield child, f"unsupported kind of file {child.suffix or '(no suffix)'!r}"
            else:
                yield child, None
    for error in unreadable:
        yield Path(error.filename or path), f"cannot read folder: {(error.strerror or str(error)).lower()}"

