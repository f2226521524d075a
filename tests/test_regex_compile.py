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
