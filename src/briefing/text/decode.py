"""Bytes -> str with an encoding we can name: a BOM, strict UTF-8, the encoding the file declares,
then detection. Never a silent wrong guess: every candidate is decoded strictly and must read as
text, and between Chinese candidates the one whose characters are the common ones wins (text
decoded with the wrong one of GB18030 and Big5 comes out as rare characters)."""

from __future__ import annotations

import codecs
import re

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

# Chinese text in the wild: always tried, strictly, beside what the detector says.
_CHINESE = ("gb18030", "big5", "big5hkscs")

# What a declared legacy charset really means on the web: the superset its writers used.
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "cp936": "gb18030",
              "euc-cn": "gb18030", "big5": "big5hkscs", "big5-hkscs": "big5hkscs", "cp950": "big5hkscs"}

_HANZI = re.compile("[\u4e00-\u9fff]")
SAMPLE = 65536
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""")


def xml_declared_encoding(data: bytes) -> str | None:
    """The encoding an XML declaration names (<?xml version="1.0" encoding="gb2312"?>), if any."""
    match = _XML_ENCODING.match(data[:1024])
    return match.group(1).decode("ascii") if match else None


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """The text and the name of the encoding it was read with, or DecodeError saying why not."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _strict(data, encoding, "a byte-order mark"), encoding.replace("-sig", "")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        # valid UTF-8 can still be a binary (NULs and control bytes are valid UTF-8); a page with
        # a few replacement characters (broken-encoding runs in the original) is still a page
        if _control_share(text) >= 0.01:
            raise DecodeError("not readable text (control characters throughout: a binary file?)")
        return text, "utf-8"
    if declared:
        text = _try(data, _SUPERSETS.get(declared.lower().strip(), declared))
        if text is not None:
            return text, canonical(declared)
    if b"\x00" in data[:4096]:
        return _decode_utf16(data)
    best = from_bytes(data[:SAMPLE]).best()
    candidates = dict.fromkeys(([best.encoding] if best else []) + list(_CHINESE))
    readings = [(text, encoding) for encoding in candidates
                if (text := _try(data, encoding)) is not None]
    if not readings:
        raise DecodeError("not readable text (unknown encoding or binary)")
    text, encoding = max(readings, key=lambda reading: _common_share(reading[0]))
    return text, canonical(encoding)


def canonical(encoding: str) -> str:
    try:
        name = codecs.lookup(_SUPERSETS.get(encoding.lower(), encoding)).name
    except LookupError:
        return encoding
    return {"big5hkscs": "big5"}.get(name, name)


def _strict(data: bytes, encoding: str, why: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise DecodeError(f"not valid {encoding} although it starts with {why} (byte {exc.start})")


def _try(data: bytes, encoding: str) -> str | None:
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None
    return text if looks_like_text(text) else None


def _decode_utf16(data: bytes) -> tuple[str, str]:
    """NUL bytes and no BOM: UTF-16 without a mark, or a binary file."""
    readings = [(text, encoding) for encoding in ("utf-16-le", "utf-16-be")
                if (text := _try(data, encoding)) is not None]
    readings = [r for r in readings if _plain_share(r[0]) > 0.9]
    if not readings:
        raise DecodeError("binary file, not text")
    return max(readings, key=lambda reading: _plain_share(reading[0]))


def looks_like_text(text: str) -> bool:
    if not text:
        return False
    sample = text[:SAMPLE]
    private = sum(1 for ch in sample if "\ue000" <= ch <= "\uf8ff" or ch == "\ufffd")
    return _control_share(sample) + private / len(sample) < 0.01


def _control_share(text: str) -> float:
    sample = text[:SAMPLE]
    controls = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\r\n\t\f")
    return controls / len(sample) if sample else 0.0


def _plain_share(text: str) -> float:
    """How much of the text is ASCII or CJK: near 1 for real text, low for misread bytes."""
    sample = text[:SAMPLE]
    plain = sum(1 for ch in sample if ch < "\x7f" or "\u3000" <= ch <= "\u9fff" or "\uff00" <= ch <= "\uffef")
    return plain / max(1, len(sample))


def _common_share(text: str) -> float:
    """The share of Chinese characters that are common ones: in GB2312 level 1 (the 3,755 most
    used simplified characters) or Big5 level 1 (the 5,401 most used traditional ones)."""
    hanzi = _HANZI.findall(text[:SAMPLE])
    if not hanzi:
        return _plain_share(text)
    common = sum(1 for ch in hanzi if _is_common(ch))
    return common / len(hanzi)


def _is_common(ch: str) -> bool:
    try:
        if 0xB0 <= ch.encode("gb2312")[0] <= 0xD7:
            return True
    except UnicodeEncodeError:
        pass
    try:
        return 0xA4 <= ch.encode("big5")[0] <= 0xC6
    except UnicodeEncodeError:
        return False
