"""The remembered character classes (briefing/regex_compile.py) change how fast patterns compile,
never what they compile to."""

from __future__ import annotations

import importlib
import pkgutil
import re
from re import _compiler, _parser

import briefing
from briefing import regex_compile


def _project_patterns() -> list[re.Pattern]:
    patterns = []
    for module in pkgutil.walk_packages(briefing.__path__, "briefing."):
        if module.name.startswith("briefing.web") or module.name == "briefing.__main__":
            continue  # (the console pulls in its web server; __main__ would run the command line)
        loaded = importlib.import_module(module.name)
        patterns.extend(v for v in vars(loaded).values() if isinstance(v, re.Pattern))
    return patterns


def _code(pattern: re.Pattern) -> list[int]:
    parsed = _parser.parse(pattern.pattern, pattern.flags)
    return _compiler._code(parsed, pattern.flags)


def test_the_hook_is_installed_when_the_package_is_imported():
    assert regex_compile.installed()


def test_every_pattern_of_the_project_compiles_to_the_same_code_as_without_the_hook(monkeypatch):
    patterns = _project_patterns()
    assert len(patterns) > 150  # the cleaner's, the headline finder's, the summarizer's …
    remembered = [_code(p) for p in patterns]
    again = [_code(p) for p in patterns]  # every class now comes from memory
    monkeypatch.setattr(_compiler, "_optimize_charset", regex_compile._ORIGINAL)
    plain = [_code(p) for p in patterns]
    assert remembered == plain and again == plain


def test_a_class_is_derived_once_and_a_case_folding_one_is_left_to_the_standard_library():
    regex_compile._REMEMBERED.clear()
    han = re.compile(r"[\u4e00-\u9fff·]{2,4}(?=[。，])|[\u4e00-\u9fff·]+")
    assert len(regex_compile._REMEMBERED) == 2  # the Han class twice, derived once, and [。，]
    assert han.findall("记者 张三·李四。") == ["记者", "张三·李四"]
    folded = re.compile(r"[a-zß]+", re.IGNORECASE)  # (a table of case folds: not remembered)
    assert folded.fullmatch("STRASSE") and folded.fullmatch("ẞ")


def _plain_classes() -> list[list]:
    """Classes without case folding at the edges of the standard library's character map: codes
    below and above 255, ranges across 255 and across the BMP's end, codes beyond it, a negated
    class, a category, one or two runs (kept as literal and range) and many (a bitmap)."""
    sources = [r"[a]", r"[a-c]", r"[^a-z]", r"[\u00ff\u0100]", r"[\u00f0-\u0110]", r"[ace\u0100]",
               r"[\u4e00-\u9fff]", r"[\u4e00-\u9fff·，。]", r"[^\u4e00-\u9fff\s]", r"[\d\u3000-\u303f]",
               r"[\U0001f600]", r"[a\U0001f600-\U0001f64f]", r"[\uff00-\U00010010]", r"[\w\-]",
               r"[aceg]", r"[a-ce-gi-k]", r"[\uff00-\uffff]", r"[\U00010000]", r"[x\u0100-\U00010000]",
               r"[acex\U00010000]", r"[a-c\u4e00-\u9fff\uff01\U0001f600-\U0001f64f]",
               r"[\u4e00\u4e02\u4e04]", r"[\x00-\xff]", r"[^\n]"]
    classes = []
    for source in sources:
        (op, av), = _parser.parse(source)
        assert op is _compiler.IN or op is _compiler.NOT_LITERAL or op is _compiler.LITERAL
        if op is _compiler.IN:
            classes.append(av)
    assert len(classes) >= 15
    return classes


def test_the_plain_class_path_derives_what_the_standard_library_derives():
    if not regex_compile._PLAIN_COPY_FITS:
        return  # (another Python: the standard library's own function is used, nothing to compare)
    for charset in _plain_classes():
        expected = regex_compile._ORIGINAL(list(charset), None, None, None)
        assert regex_compile._optimize_plain_charset(list(charset)) == expected, charset
    big = [(_compiler.RANGE, (0x4E00, 0x9FFF)), (_compiler.LITERAL, 0xB7), (_compiler.LITERAL, 0x3002)]
    optimized, cased = regex_compile._optimize_plain_charset(big)
    assert optimized[0][0] is _compiler.BIGCHARSET and cased is False
