"""Bytes -> str with an encoding we can name. BOMs first, then strict UTF-8, then detection."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes


class DecodeError(Exception):
    pass


_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Chinese text in the wild: try these, strictly, before asking the detector.
_CHINESE = ("gb18030", "big5")


def decode_bytes(data: bytes) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding), encoding.replace("-sig", "")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:4096]:
        guess = from_bytes(data[:65536], cp_isolation=["utf_16_le", "utf_16_be"]).best()
        if guess is None:
            raise DecodeError("binary file, not text")
        return data.decode(guess.encoding), guess.encoding
    best = from_bytes(data).best()
    candidates = ([best.encoding] if best else []) + list(_CHINESE)
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        if _looks_like_text(text):
            return text, codecs.lookup(encoding).name
    raise DecodeError("not readable text (unknown encoding or binary)")


def _looks_like_text(text: str) -> bool:
    if not text:
        return False
    controls = sum(1 for ch in text if ord(ch) < 32 and ch not in "\r\n\t\f")
    return controls / len(text) < 0.01
