"""A service's rebuild reuses each unchanged article's cleaning, section, summary and title
(memo.py), works out only what changed, and gives the same issue as a fresh build."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import briefing.build as build_module
from briefing.build import BuildRequest, build
from briefing.config import load_config, parse_config
from briefing.memo import MEMO, Memo
from briefing.model import Block, RawArticle

SAMPLE = Path(__file__).resolve().parent.parent / "sample" / "zgc-forum-2026.txt"


def test_only_what_is_new_is_worked_out_and_order_is_kept():
    memo = Memo(entries=3)
    memo.enabled = True
    asked: list[list[int]] = []

    def double(items):
        asked.append(list(items))
        return [2 * n for n in items]

    assert memo.map("s", "ctx", double, [1, 2, 3]) == [2, 4, 6]
    assert memo.map("s", "ctx", double, [3, 4, 1]) == [6, 8, 2]
    assert asked == [[1, 2, 3], [4]]
    assert memo.map("s", "other settings", double, [1]) == [2]  # another context is another result
    assert asked[-1] == [1]
    memo.map("s", "ctx", double, [2])  # 2 was forgotten: at most 3 entries, least recent first
    assert asked[-1] == [2]


def test_huge_articles_are_forgotten_before_the_memo_outgrows_its_characters():
    memo = Memo(max_chars=10_000)
    memo.enabled = True
    asked = []

    def cleaned(items):
        asked.extend(items)
        return [len(item.blocks) for item in items]

    pages = [RawArticle(f"page-{k}.txt", "", None, None, (Block("para", "字" * 4_000),), "utf-8") for k in range(3)]
    memo.map("clean", None, cleaned, pages)  # 12,000 characters: the oldest goes
    memo.map("clean", None, cleaned, pages[1:])
    assert asked == pages  # the two newest were remembered
    memo.map("clean", None, cleaned, pages[:1])
    assert asked == pages + pages[:1]  # the first had been forgotten


def test_a_one_shot_process_remembers_nothing():
    memo = Memo()
    calls = []
    memo.map("s", None, lambda items: calls.append(items) or items, [1])
    memo.map("s", None, lambda items: calls.append(items) or items, [1])
    assert calls == [[1], [1]]


@pytest.fixture
def warm_memo():
    MEMO.clear()
    MEMO.enabled = True
    yield MEMO
    MEMO.enabled = False
    MEMO.clear()


def _items(result) -> list[tuple]:
    return [(s.id, i.title, i.summary) for s in result.issue.sections for i in s.items]


def _count_calls(monkeypatch, name: str) -> list:
    seen = []
    original = getattr(build_module, name)

    def counted(*args, **kwargs):
        seen.append(args)
        return original(*args, **kwargs)

    monkeypatch.setattr(build_module, name, counted)
    return seen


def test_a_rebuild_works_out_only_the_changed_article(tmp_path, warm_memo, monkeypatch):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    text = SAMPLE.read_text(encoding="utf-8")
    (inbox / "forum.txt").write_text(text, encoding="utf-8")
    config = load_config(None, cwd=tmp_path)
    cleaned = _count_calls(monkeypatch, "clean_article")
    summarized = _count_calls(monkeypatch, "summarize")

    first = build(config, BuildRequest(sources=(str(inbox),), date=date(2026, 11, 26), out_dir=tmp_path / "out"))
    assert len(cleaned) == 6 and len(summarized) == 6
    again = build(config, BuildRequest(sources=(str(inbox),), date=date(2026, 11, 26), out_dir=tmp_path / "out"))
    assert len(cleaned) == 6 and len(summarized) == 6  # nothing worked out again
    assert _items(again) == _items(first)

    # an editor fixes one article's wording: only that one is cleaned and summarized again
    fixed = text.replace("共布局了37个科技设施", "共布局了38个科技设施")
    assert fixed != text
    (inbox / "forum.txt").write_text(fixed, encoding="utf-8")
    third = build(config, BuildRequest(sources=(str(inbox),), date=date(2026, 11, 27), out_dir=tmp_path / "out"))
    assert len(cleaned) == 7 and len(summarized) == 7

    # and the result is what a process that remembers nothing makes of the same sources
    MEMO.enabled = False
    fresh = build(config, BuildRequest(sources=(str(inbox),), date=date(2026, 11, 28), out_dir=tmp_path / "out2"))
    assert _items(third) == _items(fresh)


def test_other_settings_are_not_answered_from_memory(tmp_path, warm_memo):
    (tmp_path / "narrow").mkdir()
    toml = tmp_path / "narrow" / "briefing.toml"
    toml.write_text("[editorial]\ntitle_max_chars = 12\n", encoding="utf-8")
    wide = load_config(None, cwd=tmp_path)
    narrow = parse_config(toml)
    request = dict(sources=(str(SAMPLE),), date=date(2026, 11, 26))
    long_titles = [t for _, t, _ in _items(build(wide, BuildRequest(**request, out_dir=tmp_path / "a")))]
    short_titles = [t for _, t, _ in _items(build(narrow, BuildRequest(**request, out_dir=tmp_path / "b")))]
    assert max(map(len, long_titles)) > 12 >= max(map(len, short_titles))
