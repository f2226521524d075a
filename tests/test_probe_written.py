"""The written-headline probe (benchmarks/probe/written.jsonl) and its checker: the checker's
scoring is the benchmark's own (imported, not copied), and the file is well formed — unique ids,
every field present, labels of headline length, and no label standing as a line of its page
(a page whose headline is in its text would measure the finder, not the writer)."""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
PROBE = BENCHMARKS / "probe" / "written.jsonl"
sys.path.insert(0, str(BENCHMARKS))
sys.path.insert(0, str(BENCHMARKS / "probe"))

from briefing.text.chinese import to_simplified  # noqa: E402

FIELDS = {"id", "url", "raw", "headline", "round"}


def _pages() -> list[dict]:
    return [json.loads(line) for line in PROBE.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_the_checker_scores_with_the_benchmarks_own_functions():
    bench = importlib.import_module("bench_editorial")
    checker = importlib.import_module("check_written")
    for name in ("rouge_l", "FITTING", "ON_POINT", "junk_in", "lcs", "_chars"):
        assert getattr(checker, name) is getattr(bench, name), name
    # the benchmark's reading: a third of the characters in order is fitting, a title that shares none is not
    assert checker.rouge_l("长沙科交会闭幕", "长沙科交会闭幕 签约金额达103亿元") >= checker.FITTING
    assert checker.rouge_l("天气晴朗", "长沙科交会闭幕") == 0.0


def test_the_figures_count_fitting_titles_and_titles_found_on_the_page():
    checker = importlib.import_module("check_written")
    scores = [
        checker.Score("wp-a", 1, "中国天眼已发现740余颗新脉冲星", "written", "中国天眼已发现740余颗新脉冲星", 1.0, True, True),
        checker.Score("wp-b", 1, "衣食住行面面俱到", "first_line", "上半年发布1000多项国家标准", 0.0, False, False),
    ]
    assert not scores[0].found_on_page and scores[1].found_on_page
    assert checker.figures(scores) == ("fitting 0.500 (1/2), F1 mean 0.500, on point 0.500 (1/2), "
                                       "title found on the page 1")


def test_the_probe_file_is_well_formed():
    pages = _pages()
    ids = [page["id"] for page in pages]
    assert ids == [f"wp-{n:03d}" for n in range(1, len(pages) + 1)]  # (rounds append; none is renumbered)
    assert [page["round"] for page in pages] == sorted(page["round"] for page in pages)
    assert len(set(ids)) == len(ids)
    assert len({page["url"] for page in pages}) == len(pages)
    for page in pages:
        assert set(page) == FIELDS, page["id"]
        assert page["raw"].strip() and page["url"].startswith("http"), page["id"]
        assert isinstance(page["round"], int), page["id"]
        assert 6 <= len(page["headline"]) <= 30, page["id"]


def _squashed(text: str) -> str:
    return "".join(text.split())


def test_no_label_is_a_line_of_its_page():
    for page in _pages():
        lines = {_squashed(form) for line in page["raw"].splitlines() for form in (line, to_simplified(line))}
        assert _squashed(page["headline"]) not in lines, page["id"]
