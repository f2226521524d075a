"""Compile the project's regular expressions once per character class, not once per use.

The cleaner, the headline finder and the summarizer hold some 200 patterns over Chinese text, and
a cold `briefing build` compiles all of them at import. Most of that time (about 200 ms of a
0.6 s build) is the standard library deriving the bitmap of a character class such as
`[\\u4e00-\\u9fff]` in pure Python, one character at a time — again for every one of its ~1,700
occurrences, though there are only ~360 distinct classes. `re._compiler._optimize_charset` is a
pure function of its arguments, so its answers are remembered: the compiled patterns are exactly
the ones the standard library builds (tests/test_regex_compile.py compares them).

A private hook of `re`: where a Python lacks it, or calls it otherwise, nothing is changed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

try:
    from re import _compiler
except ImportError:  # (a Python without it: patterns compile as they always did)
    _compiler = None

_ORIGINAL: Callable[..., Any] | None = getattr(_compiler, "_optimize_charset", None)
_REMEMBERED: dict[tuple, tuple[list, Any]] = {}
MAX_REMEMBERED = 4096  # distinct classes (this project has about 360)


def _optimize_charset(charset, *args):
    try:
        key = (tuple(charset), args)
        known = _REMEMBERED.get(key)
    except TypeError:  # a case-folding table (a dict) among the arguments: not remembered
        return _ORIGINAL(charset, *args)
    if known is None:
        optimized, cased = _ORIGINAL(charset, *args)
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
