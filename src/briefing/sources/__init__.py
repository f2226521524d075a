"""Read sources: one reader per kind of file behind one registry.

`read_sources` walks files and folders (and fetches feed URLs), picks a reader by file suffix,
and returns the decoded documents plus everything it had to skip, with the reason. It never
raises for a bad source: an unreadable file is reported and the rest are still read.

Every reader is a pure function `(data, source, limits) -> (documents, skipped)`: the bytes are
read (or downloaded) here, at the edge, with the size caps applied before a reader sees them.

Nothing outside the sources is read. A symbolic link is followed only when it points inside a
source folder (or a folder `[sources] allow_roots` names) and outside the briefing's own output
and state; any other link is skipped with the reason, before anything behind it is opened. A
linked folder inside the sources is followed (once: a link back into a folder being read is
reported, not walked again).
"""

from __future__ import annotations

import importlib
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
from .limits import DEFAULT_MAX_MB, Limits
from .text import read_text

if TYPE_CHECKING:
    from ..config import SourceSettings

__all__ = ["DEFAULT_MAX_MB", "READERS", "Limits", "SourceError", "outlet_for", "read_file", "read_sources"]

Reader = Callable[[bytes, str, Limits], tuple[list[Document], list[Skipped]]]


def _reader(module: str, name: str) -> Reader:
    """A reader imported when it is first needed: an inbox of text files never loads the HTML,
    feed and Word libraries (a tenth of a second of every cold build)."""
    def read(data: bytes, source: str, limits: Limits) -> tuple[list[Document], list[Skipped]]:
        return getattr(importlib.import_module(f"{__name__}.{module}"), name)(data, source, limits)

    read.__name__ = read.__qualname__ = name
    return read


read_html = _reader("html", "read_html")
read_feed = _reader("feed", "read_feed")
read_docx = _reader("docx", "read_docx")
read_jsonl = _reader("jsonl", "read_jsonl")

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
                 outlets: Mapping[str, str] | None = None, exclude: Iterable[Path] = (),
                 allow_roots: Iterable[Path] = ()) -> tuple[list[Document], list[Skipped]]:
    """Every readable document under `sources`, and every source skipped with its reason.

    `outlets` maps an absolute path prefix (or a URL prefix) to the outlet that publishes what
    lies under it, for articles that only say 本报. Folders in `exclude` (the briefing's own
    output and state) are never read as sources, even when a source folder contains them.
    `allow_roots` (absolute) are folders outside the sources that a link may point into.
    """
    limits = Limits.from_settings(settings)
    simplify = settings.to_simplified if settings is not None else True
    documents: list[Document] = []
    skipped: list[Skipped] = []
    seen: set[str] = set()  # a file reached twice (a folder and a file in it) is read once
    sources = [str(source) for source in sources]
    roots = _Roots.of(sources, allow_roots, exclude)
    for source in sources:
        found, lost = _read_source(source, limits, seen, roots)
        skipped.extend(lost)
        for document in found:
            if simplify:
                document = simplify_document(document)
            outlet = outlet_for(document.source, outlets or {})
            documents.append(replace(document, outlet=outlet) if outlet else document)
    return documents, skipped


def read_file(path: Path, limits: Limits | None = None, real: Path | None = None
              ) -> tuple[list[Document], list[Skipped]]:
    """One file, by its suffix (or, for a file named explicitly, by what it holds). `real` is
    the file to open when `path` is a link already checked (see _Roots); it is never followed
    further."""
    limits = limits or Limits()
    data = _load(real or path, limits.max_file_bytes, follow=real is None)
    reader = READERS.get(path.suffix.lower()) or _sniff(data)
    if reader is None:
        raise SourceError(f"unsupported kind of file {path.suffix or '(no suffix)'!r}; "
                          f"readable kinds: {', '.join(sorted(READERS))}")
    return reader(data, str(path), limits)


class _Roots:
    """Where reading may go: the source folders, the allowed extra roots, minus the briefing's
    own output and state folders."""

    def __init__(self, inside: list[Path], excluded: set[Path]):
        self.inside = inside
        self.excluded = excluded

    @classmethod
    def of(cls, sources: list[str], allow_roots: Iterable[Path], exclude: Iterable[Path]) -> _Roots:
        inside = []
        for source in sources:
            if _URL.match(source):
                continue
            path = Path(source)
            # a folder is a root as what it really is; a file named on its own is read from its folder
            folder = path if path.is_dir() else path.parent
            inside.append(Path(os.path.realpath(folder)))
        inside += [Path(os.path.realpath(root)) for root in allow_roots]
        return cls(inside, {Path(os.path.realpath(p)) for p in exclude})

    def problem(self, link: Path, target: Path) -> str | None:
        """Why the link must not be followed to target (a fully resolved path), or None."""
        if any(target.is_relative_to(folder) for folder in self.excluded):
            return f"a symbolic link to {target}, inside the briefing's own output or state folder; not read"
        if not any(target.is_relative_to(root) for root in self.inside):
            return (f"a symbolic link to {target}, outside the source folders; not read (name its folder in "
                    "[sources] allow_roots to allow it)")
        return None


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


def _read_source(source: str, limits: Limits, seen: set[str], roots: _Roots
                 ) -> tuple[list[Document], list[Skipped]]:
    if _URL.match(source):
        if source in seen:
            return [], []
        seen.add(source)
        return _read_url(source, limits)
    documents: list[Document] = []
    skipped: list[Skipped] = []
    for path, real, problem in _expand(Path(source), roots):
        key = str(real) if real is not None else os.path.abspath(path)
        if key in seen:
            continue
        seen.add(key)
        if problem:
            skipped.append(Skipped(str(path), problem))
            continue
        try:
            found, lost = read_file(path, limits, real)
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
    from .feed import looks_like_feed
    from .fetch import fetch
    from .html import looks_like_html

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


def _load(path: Path, max_bytes: int, follow: bool = True) -> bytes:
    try:
        info = path.stat(follow_symlinks=follow)
    except OSError as exc:
        raise SourceError(f"cannot read: {exc.strerror.lower() if exc.strerror else exc}")
    if not stat.S_ISREG(info.st_mode):
        raise SourceError("not a regular file (a device, pipe or socket); only files are read")
    if info.st_size > max_bytes:
        raise SourceError(f"too large ({info.st_size / 2**20:.1f} MB; the limit is {max_bytes / 2**20:g} MB, "
                          "[sources] max_file_mb)")
    try:
        # a checked path is opened as it is: a link swapped in since is refused (ELOOP), not followed
        descriptor = os.open(path, os.O_RDONLY | (0 if follow else getattr(os, "O_NOFOLLOW", 0)))
        with os.fdopen(descriptor, "rb") as handle:
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
    from .feed import looks_like_feed

    return read_feed if looks_like_feed(data) else None


def _expand(path: Path, roots: _Roots) -> Iterator[tuple[Path, Path | None, str | None]]:
    """(path as the operator knows it, the file to open, why not) for path and, for a folder,
    every file under it (recursively, sorted); links are resolved and checked against roots."""
    if not path.exists():
        yield path, None, "not found" if not path.is_symlink() else "a link to nothing (broken symbolic link)"
        return
    real = Path(os.path.realpath(path))
    if not path.is_dir():  # named explicitly: read_file checks it and may sniff its kind
        yield path, real, roots.problem(path, real) if path.is_symlink() else None
        return
    yield from _walk(path, real, roots, visited={real})


def _walk(folder: Path, real_folder: Path, roots: _Roots, visited: set[Path]
          ) -> Iterator[tuple[Path, Path | None, str | None]]:
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as exc:
        yield folder, None, f"cannot read folder: {(exc.strerror or str(exc)).lower()}"
        return
    if not entries:
        yield folder, None, f"an empty folder; put articles in it ({', '.join(sorted(READERS))})"
        return
    folders: list[tuple[Path, Path]] = []
    for entry in entries:
        child, is_link = Path(entry.path), entry.is_symlink()
        real = Path(os.path.realpath(child)) if is_link else real_folder / entry.name
        try:
            is_dir = entry.is_dir()  # a link's target for a link
        except OSError:
            is_dir = False
        if entry.name.startswith("."):
            yield child, None, f"hidden {'folder' if is_dir else 'file'}, not read"
            continue
        if is_link:
            if not real.exists():
                yield child, None, "a link to nothing (broken symbolic link)"
                continue
            problem = roots.problem(child, real)
            if problem:
                yield child, None, problem
                continue
        if is_dir:
            if real in roots.excluded:
                continue  # the briefing's own output or state inside a source folder
            if real in visited:
                yield child, None, f"a symbolic link to {real}, a folder already being read; not read twice"
                continue
            folders.append((child, real))
        elif child.suffix.lower() not in READERS:
            yield child, None, f"unsupported kind of file {child.suffix or '(no suffix)'!r}"
        else:
            yield child, real, None
    for child, real in folders:
        yield from _walk(child, real, roots, visited | {real})
