"""rjieba (jieba's Rust port) cuts a large day's articles: it must give the words jieba gives with our dictionary
and the lexicon's terms, on real pages (the bundled sample, every probe page), sentence by sentence and whole, or a
large intake would be classified, summarized and titled differently from a small one. The one difference: where a
run of one repeated character can be cut two ways of equal likelihood, the two break the tie differently."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from briefing.editorial import lexicon
from briefing.config import load_config
from briefing.editorial.classify import classify
from briefing.model import Article, Block
from briefing.text.sentences import split_sentences

ROOT = Path(__file__).resolve().parents[1]


def _real_texts() -> list[str]:
    texts = [(ROOT / "sample" / "zgc-forum-2026.txt").read_text(encoding="utf-8")]
    for name in ("pages.jsonl", "headlines.jsonl", "written.jsonl"):
        for line in (ROOT / "benchmarks" / "probe" / name).read_text(encoding="utf-8").splitlines():
            texts.append(json.loads(line)["raw"])
    return texts


@pytest.mark.parametrize("extra", [frozenset(), frozenset({"中关村论坛", "科创走廊"})])
def test_rust_port_cuts_every_real_page_as_jieba_does(extra: frozenset[str]) -> None:
    terms = lexicon._with_defaults(extra)
    fast, slow = lexicon._fast_tokenizer(terms), lexicon._tokenizer(terms)
    assert fast is not None, "rjieba is a dependency (pyproject.toml): install it"
    texts = _real_texts()
    pieces = [s for text in texts for paragraph in text.split("\n") for s in split_sentences(paragraph)] + texts
    assert len(pieces) > 5000
    differ = [(p, fast.cut(p, False), slow.lcut(p, HMM=False)) for p in pieces]
    differ = [(p, f, s) for p, f, s in differ if f != s]
    assert len(differ) <= len(pieces) // 1000
    for text, fast_words, slow_words in differ:
        # a run of one character (久久久久久 in a spam line, probe-474) has cuts of equal likelihood: the two break the
        # tie differently, and only there
        assert "".join(fast_words) == "".join(slow_words) == text
        moved = _boundaries(fast_words) ^ _boundaries(slow_words)
        assert all(text[at - 1] == text[at] for at in moved), text


def _boundaries(words: list[str]) -> set[int]:
    ends, at = set(), 0
    for word in words:
        at += len(word)
        ends.add(at)
    return ends


def test_a_large_day_is_cut_by_the_rust_port_and_a_small_one_is_not(tmp_path: Path, monkeypatch) -> None:
    config = load_config(None, cwd=tmp_path)
    sample = (ROOT / "sample" / "zgc-forum-2026.txt").read_text(encoding="utf-8")

    def day(count: int) -> list[Article]:
        return [Article(id=f"a{i}", source="zgc-forum-2026.txt", title=f"第{i}条", kicker=None, subtitle=None,
                        blocks=(Block("para", sample[i * 40:i * 40 + 300]),), encoding="utf-8") for i in range(count)]

    monkeypatch.setitem(lexicon._FAST, "on", False)
    classify(day(6), config.sections, config.editorial)
    assert lexicon._FAST["on"] is False
    small = [lexicon.words(s) for s in split_sentences(sample[:2000])]
    classify(day(lexicon.FAST_BATCH), config.sections, config.editorial)
    assert lexicon._FAST["on"] is True
    lexicon._cached_words.cache_clear()
    assert [lexicon.words(s) for s in split_sentences(sample[:2000])] == small
