"""Plain text and Markdown files: decoded with a detected encoding, never guessed silently."""

from __future__ import annotations

from pathlib import Path

from ..model import Document
from ..text.decode import DecodeError, decode_bytes


def read_text_file(path: Path) -> Document:
    from . import SourceError  # the registry owns the error type

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"cannot read: {exc.strerror}")
    try:
        text, encoding = decode_bytes(data)
    except DecodeError as exc:
        raise SourceError(str(exc))
    if not text.strip():
        raise SourceError("empty file (no text)")
    kind = "markdown" if path.suffix.lower() in {".md", ".markdown"} else "text"
    return Document(source=str(path), text=text, encoding=encoding, kind=kind)
