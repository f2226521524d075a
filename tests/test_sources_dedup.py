"""The same story from several outlets becomes one article with all its sources and outlets.

tests/fixtures/sources/same-story/ holds one story as 北京日报 printed it (.txt), as 科技日报 put
it online with two more paragraphs (.html), and as a short 新华社 wire (.jsonl); beside them a
different story on the same subject, which must stay on its own.
"""

from __future__ import annotations

import json
import os
import pytest
import random
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

from briefing.editorial import dedup as dedup_module
from briefing.editorial.dedup import dedup
from briefing.model import Article, Block, RawArticle
from briefing.sources import read_sources
from briefing.text.clean import clean_article
from briefing.text.pages import split_document

from conftest import REPO, SAMPLE, run_cli

SAME_STORY = Path(__file__).parent / "fixtures" / "sources" / "same-story"
DEVSET = REPO / "benchmarks" / "devset" / "articles.jsonl"


@pytest.fixture(autouse=True, params=["exact", "index"])
def candidate_search(request, monkeypatch):
    """Every test here runs twice: comparing every pair (a usual day) and through the index of
    sampled 5-grams (a large intake), which must find the same stories."""
    if request.param == "index":
        monkeypatch.setattr(dedup_module, "EXACT_UP_TO", 0)
    return request.param


def read(*sources) -> list[Article]:
    documents, skipped = read_sources([str(s) for s in sources])
    assert skipped == []
    return [clean_article(raw) for doc in documents for raw in split_document(doc)]


def test_three_outlets_one_story_become_one_article_with_every_source_and_outlet():
    articles = read(SAME_STORY)
    by_outlet = {a.outlet: a for a in articles}
    assert set(by_outlet) == {"北京日报", "科技日报", "新华社", "中国标准化报"}
    result = dedup(articles)
    assert len(result.articles) == 2
    story, other = result.articles
    fullest = by_outlet["科技日报"]
    assert story.id == fullest.id and story.body == fullest.body, "the fullest text is kept"
    assert story.outlets == ("科技日报", "北京日报", "新华社")
    assert set(story.sources) == {str(SAME_STORY / "bjrb-standards.txt"), str(SAME_STORY / "kjrb-standards.html"),
                                  f"{SAME_STORY / 'xinhua-standards.jsonl'}:1"}
    assert set(story.authors) == {"张楠", "王刚", "赵文"}
    assert result.merged == {by_outlet["北京日报"].id: fullest.id, by_outlet["新华社"].id: fullest.id}
    assert other.title == "团体标准助力中小企业开拓国际市场" and other.outlets == ("中国标准化报",)


def test_distinct_stories_are_never_merged():
    articles = read(SAMPLE)
    result = dedup(articles)
    assert [a.id for a in result.articles] == [a.id for a in articles]
    assert result.merged == {}


def test_dedup_is_order_independent_in_what_it_keeps():
    articles = read(SAME_STORY)
    forward, backward = dedup(articles), dedup(list(reversed(articles)))
    assert {a.id for a in forward.articles} == {a.id for a in backward.articles}
    assert forward.merged == backward.merged


def test_a_short_excerpt_inside_a_long_story_is_the_same_story():
    rng = random.Random(7)
    hanzi = [chr(c) for c in range(0x4E00, 0x4E00 + 3000)]
    paragraphs = ["".join(rng.choice(hanzi) for _ in range(120)) + "。" for _ in range(12)]
    long = Article("long", "a.txt", "长稿", None, None, tuple(Block("para", p) for p in paragraphs), "utf-8",
                   sources=("a.txt",), outlets=("科技日报",), outlet="科技日报")
    short = replace(long, id="short", source="b.txt", blocks=long.blocks[3:5], sources=("b.txt",),
                    outlets=("北京日报",), outlet="北京日报")
    unrelated = replace(long, id="other", source="c.txt", sources=("c.txt",), blocks=tuple(
        Block("para", "".join(rng.choice(hanzi) for _ in range(120)) + "。") for _ in range(6)))
    result = dedup([short, unrelated, long])
    assert [a.id for a in result.articles] == ["long", "other"]
    assert result.merged == {"short": "long"}
    assert result.articles[0].outlets == ("科技日报", "北京日报")


def test_build_keeps_one_item_and_marks_the_others_duplicate_in_the_manifest(tmp_path):
    result = run_cli("build", str(SAME_STORY), "--date", "2025-11-25", "--json", "--formats", "docx", cwd=tmp_path)
    assert result.code == 0, result.stderr
    manifest = json.loads(result.stdout)
    records = {Path(a["source"].split(":")[0]).name: a for a in manifest["articles"]}
    kept = records["kjrb-standards.html"]
    assert kept["status"] == "used"
    for name in ("bjrb-standards.txt", "xinhua-standards.jsonl"):
        assert records[name]["status"] == "duplicate"
        assert records[name]["merged_into"] == kept["id"]
    items = {item["article"]: item for section in manifest["sections"] for item in section["items"]}
    assert len(items[kept["id"]]["sources"]) == 3
    assert records["other-standards.md"]["status"] == "used"


def planted_day() -> tuple[list[Article], list[tuple[str, str]]]:
    """The development set's real articles, and for every third one a copy from another outlet:
    word for word, with its punctuation and a paragraph changed, or the first two paragraphs as a
    wire story. Returns the articles and the (copy, original) ids."""
    articles, planted = [], []
    for number, line in enumerate(DEVSET.read_text(encoding="utf-8").splitlines()):
        entry = json.loads(line)
        paragraphs = [p for p in entry["text"].split("\n") if p.strip()]
        original = clean_article(RawArticle(entry["url"], entry["title"], None, None,
                                            tuple(Block("para", p) for p in paragraphs), "utf-8"))
        articles.append(original)
        if number % 3 or len(paragraphs) < 3:
            continue
        kind = ("same", "edited", "wire")[number // 3 % 3]
        if kind == "edited":
            paragraphs = [p.replace("，", ",", 1) for p in paragraphs]
            del paragraphs[1 + number % (len(paragraphs) - 1)]
        elif kind == "wire":
            paragraphs = paragraphs[:2]
        copy = clean_article(RawArticle(f"{entry['url']}#{kind}", entry["title"], None, None,
                                        tuple(Block("para", p) for p in paragraphs), "utf-8"))
        if len(copy.body) < 100:
            continue  # the first paragraphs were only a heading and a dateline, which the cleaner drops
        articles.append(copy)
        planted.append((copy.id, original.id))
    return articles, planted


def test_a_large_intake_finds_the_same_stories_as_comparing_every_pair(monkeypatch):
    articles, planted = planted_day()
    assert len(articles) > dedup_module.EXACT_UP_TO and len(planted) >= 15
    indexed = dedup(articles)  # past EXACT_UP_TO: candidates from the index of sampled 5-grams
    monkeypatch.setattr(dedup_module, "EXACT_UP_TO", len(articles))
    every_pair = dedup(articles)
    assert indexed.merged == every_pair.merged
    assert [a.id for a in indexed.articles] == [a.id for a in every_pair.articles]
    group = {a.id: indexed.merged.get(a.id, a.id) for a in articles}
    assert all(group[copy] == group[original] for copy, original in planted), "every planted copy is found"
    assert len(indexed.articles) == len(articles) - len(planted), "and nothing else is merged"


def test_the_sampled_5grams_are_the_same_in_every_process():
    """The index's sample must not hang on Python's per-process str hash (PYTHONHASHSEED)."""
    script = ("import json, sys; from briefing.editorial.dedup import _hashed_shingles, _sample; "
              "texts = [json.loads(line)['text'] for line in open(sys.argv[1], encoding='utf-8')]; "
              "print(json.dumps([sorted(_sample(_hashed_shingles(t))) for t in texts]))")
    runs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(REPO / "src")}
        done = subprocess.run([sys.executable, "-c", script, str(DEVSET)], env=env, capture_output=True,
                              text=True, check=True)
        runs.append(json.loads(done.stdout))
    first, second = runs
    assert first == second
    grams = sum(len(dedup_module._shingles(dedup_module._SPACE.sub("", line)))
                for line in (json.loads(l)["text"] for l in DEVSET.read_text(encoding="utf-8").splitlines()))
    assert 0.2 < sum(map(len, first)) / grams < 0.3, "one 5-gram in four is sampled"
