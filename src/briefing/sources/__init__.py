"""Read sources: one reader per kind of file behind one registry.

`read_sources` walks files and folders, picks a reader by file suffix, and returns the decoded
documents plus everything it had to skip, with the reason. It never raises for a bad source:
an unreadable file is reported and the rest are still read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from ..model import Document, Skipped
from .text import read_text_file

if TYPE_CHECKING:
    from ..config import SourceSettings

Reader = Callable[[Path], Document]

# Suffix -> reader. New kinds (html, docx, feeds, jsonl) register here.
READERS: dict[str, Reader] = {
    ".txt": read_text_file,
    ".text": read_text_file,
    ".md": read_text_file,
    ".markdown": read_text_file,
}

DEFAULT_MAX_MB = 20


class SourceError(Exception):
    """A source that cannot be used; the message says why."""


def read_sources(sources: Iterable[str | Path], settings: SourceSettings | None = None
                 ) -> tuple[list[Document], list[Skipped]]:
    documents: list[Document] = []
    skipped: list[Skipped] = []
    max_bytes = int((settings.max_file_mb if settings else DEFAULT_MAX_MB) * 1024 * 1024)
    for source in sources:
        for path, problem in _expand(Path(source)):
            if problem:
                skipped.append(Skipped(str(path), problem))
                continue
            try:
                documents.append(read_file(path, max_bytes))
            except SourceError as exc:
                skipped.append(Skipped(str(path), str(exc)))
    return documents, skipped


def read_file(path: Path, max_bytes: int = DEFAULT_MAX_MB * 1024 * 1024) -> Document:
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise SourceError(f"unsupported kind of file {path.suffix or '(no suffix)'!r}")
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise SourceError(f"cannot read: {exc.strerror}")
    if size > max_bytes:
        raise SourceError(f"too large ({size / 2**20:.1f} MB; the limit is {max_bytes / 2**20:g} MB, "
                          "[sources] max_file_mb)")
    return reader(path)


def _expand(path: Path) -> Iterable[tuple[Path, str | None]]:
    """Files under path (recursively, sorted, hidden ones left out), or why path is unusable."""
    if not path.exists():
        yield path, "not found"
        return
    if path.is_file():
        yield path, None
        return
    if not path.is_dir():
        yield path, "not a regular file or folder"
        return
    for child in sorted(path.rglob("*")):
        relative = child.relative_to(path)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if child.is_dir():
            continue
        if child.suffix.lower() not in READERS:
            yield child, f"unsupported kind of file {child.suffix or '(no suffix)'!r}"
            continue
        yield child, None
