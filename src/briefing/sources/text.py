"""Plain text and Markdown files: decoded with a detected encoding, never guessed silently."""

from __future__ import annotations

from pathlib import PurePath

from ..model import Document, Skipped
from ..text.decode import DecodeError, decode_bytes
from .errors import SourceError
from .limits import Limits


def read_text(data: bytes, source: str, limits: Limits) -> tuple[list[Document], list[Skipped]]:
    text, encoding = decode(data)
    kind = "markdown" if PurePath(source).suffix.lower() in {".md", ".markdown"} else "text"
    return [Document(source=source, text=text, encoding=encoding, kind=kind)], []


def decode(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Text with its encoding; SourceError for an empty, binary or undecodable source."""
    if not data.strip():
        raise SourceError("empty file (no text)")
    try:
        text, encoding = decode_bytes(data, declared)
    except DecodeError as exc:
        raise SourceError(str(exc))
    if not text.strip(" \t\r\n\f\v\u3000\ufeff\u00a0"):
        raise SourceError("empty file (only whitespace)")
    return text, encoding
