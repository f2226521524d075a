"""Compile the project's regular expressions once per character class, not once per use.

The cleaner, the headline finder and the summarizer hold some 200 patterns over Chinese text, and
a cold `briefing build` compiles all of them at import. Most of that time (about 200 ms of a
0.6 s build) is the standard library deriving the bitmap of a character class such as
`[\\u4e00-\\u9fff]` in pure Python, one character at a time — again for every one of its ~1,700
occurrences, though there are only ~360 distinct classes. `re._compiler._optimize_charset` is a
pure function of its arguments, so its answers are remembered: the compiled patterns are exactly
the ones the standard library builds (tests/test_regex_compile.py compares them).

A class met for the first time is derived faster too, when it has no case folding (all of this
project's classes): the standard library fills its 65,536-entry character map one code point at a
time in a Python loop — 21,000 steps for `\u4e00-\u9fff` — where a slice of the map does the same
at once (`_optimize_plain_charset`, the standard library's function with that loop replaced; its
source is the same in Pythons 3.11 to 3.13, and only there is it used).

A private hook of `re`: where a Python lacks it, or calls it otherwise, nothing is changed.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any

try:
    from re import _compiler
except ImportError:  # (a Python without it: patterns compile as they always did)
    _compiler = None

_ORIGINAL: Callable[..., Any] | None = getattr(_compiler, "_optimize_charset", None)
_REMEMBERED: dict[tuple, tuple[list, Any]] = {}
MAX_REMEMBERED = 4096  # distinct classes (this project has about 560)
_BMP_END = 0x10000
# (the versions whose _optimize_charset this module's copy was compared with, line by line)
_PLAIN_COPY_FITS = _compiler is not None and (3, 11) <= sys.version_info[:2] <= (3, 13)


def _derive(charset, args):
    plain = not args or all(a is None for a in args[1:])  # (no fixup: no case folding)
    if plain and _PLAIN_COPY_FITS:
        return _optimize_plain_charset(charset)
    return _ORIGINAL(charset, *args)


def _filled_map(charset):
    """The character map, what stays outside it (NEGATE first, then the rest), as the standard
    library's loop leaves them: any code above 255 widens the map to the whole BMP, and a code or
    range beyond the BMP goes to the tail whole."""
    out, tail = [], []
    charmap = bytearray(256)
    for op, av in charset:
        if op is _compiler.LITERAL or op is _compiler.RANGE:
            low, high = (av, av) if op is _compiler.LITERAL else av
            if high > 255 and len(charmap) == 256:
                charmap += bytes(_BMP_END - 256)
            end = min(high + 1, _BMP_END)
            if low < end:
                charmap[low:end] = b"\x01" * (end - low)
            if high >= _BMP_END:
                tail.append((op, av))
        elif op is _compiler.NEGATE:
            out.append((op, av))
        else:
            tail.append((op, av))
    return charmap, out, tail


def _optimize_plain_charset(charset):
    """re._compiler._optimize_charset(charset) of Pythons 3.11–3.13 for a class without case
    folding; after the map is filled, its lines are the standard library's."""
    charmap, out, tail = _filled_map(charset)
    hascased = False
    runs = []
    q = 0
    while True:
        p = charmap.find(1, q)
        if p < 0:
            break
        if len(runs) >= 2:
            runs = None
            break
        q = charmap.find(0, p)
        if q < 0:
            runs.append((p, len(charmap)))
            break
        runs.append((p, q))
    if runs is not None:
        for p, q in runs:
            if q - p == 1:
                out.append((_compiler.LITERAL, p))
            else:
                out.append((_compiler.RANGE, (p, q - 1)))
        out += tail
        if hascased or len(out) < len(charset):
            return out, hascased
        return charset, hascased
    if len(charmap) == 256:
        out.append((_compiler.CHARSET, _compiler._mk_bitmap(charmap)))
        out += tail
        return out, hascased
    charmap = bytes(charmap)
    comps = {}
    mapping = bytearray(256)
    block = 0
    data = bytearray()
    for i in range(0, 65536, 256):
        chunk = charmap[i: i + 256]
        if chunk in comps:
            mapping[i // 256] = comps[chunk]
        else:
            mapping[i // 256] = comps[chunk] = block
            block += 1
            data += chunk
    data = _compiler._mk_bitmap(data)
    data[0:0] = [block] + _compiler._bytes_to_codes(mapping)
    out.append((_compiler.BIGCHARSET, data))
    out += tail
    return out, hascased


def _optimize_charset(charset, *args):
    try:
        key = (tuple(charset), args)
        known = _REMEMBERED.get(key)
    except TypeError:  # a case-folding table (a dict) among the arguments: not remembered
        return _ORIGINAL(charset, *args)
    if known is None:
        optimized, cased = _derive(charset, args)
        known = (list(optimized), cased)  # (its own list: the original may hand back the caller's)
        if len(_REMEMBERED) < MAX_REMEMBERED:
            _REMEMBERED[key] = known
    optimized, cased = known
    return list(optimized), cased  # (a fresh list: the caller's to keep)


def install() -> None:
    """Remember character classes from now on in this process (idempotent)."""
    if _ORIGINAL is not None and _compiler._optimize_charset is _ORIGINAL:
        _compiler._optimize_charset = _optimize_charset


def installed() -> bool:
    return _compiler is not None and _compiler._optimize_charset is _optimize_charset
