"""Headlines on real pages the finder missed in round thirteen (benchmarks/probe/headlines.jsonl), one kind
of page a test: a repost under its `分享 |` column kicker and over its `本文选自…` note; a spam template's keyword
glued before the headline and standing again as the dateline's author; a Macau e-paper's font-size bar in
traditional script over the headline."""

from __future__ import annotations

import pytest
from test_headlines_round8 import assert_found  # the probe's pages, read as the checker reads them
from test_headlines_round12 import page_lines

from briefing.text.headlines import find_in_lines, page_roles
from briefing.text.junk import line_kind


@pytest.mark.parametrize("page_id, headline", [
    # aisoutu: 分享 | 突发公共卫生事件智慧应急发展探讨 / 发布于 2021-09-06 12:02 / 本文选自中国工程院院刊《中国工程科学》…
    ("hp-353", "突发公共卫生事件智慧应急发展探讨"),
    # a spam mirror of 中新网: 三级片段总投资9亿元 广东肇庆高新区中心人民医院开工 / 三级片段 2024-05-11 12:33:14 来源: 原创
    ("hp-364", "总投资9亿元 广东肇庆高新区中心人民医院开工"),
    # 星報 e-paper: … 本報新聞 / 字體: 放大 還原 縮小 / 京協和澳委會舉行全體會議 / 【特訊】…
    ("hp-371", "京協和澳委會舉行全體會議"),
])
def test_round_thirteen_misses_are_found(page_id, headline):
    assert_found(page_id, headline)


def test_a_font_size_bar_in_traditional_script_and_a_reposts_source_note_are_furniture():
    lines = page_lines("hp-371")
    bar = next(k for k, line in enumerate(lines) if line.startswith("字體"))
    assert line_kind(lines[bar]) == "furniture"  # (text/junk.py knows the bar's words in both scripts)
    lines = page_lines("hp-353")
    note = next(k for k, line in enumerate(lines) if line.startswith("本文选自"))
    assert page_roles(lines).get(note) == "furniture"


def test_only_a_word_the_story_never_says_goes_from_before_the_headline():
    lines = page_lines("hp-364")
    headline = find_in_lines(lines)
    assert headline is not None and headline.text == "总投资9亿元 广东肇庆高新区中心人民医院开工"
    # the same page with the word said in the story: the word is the headline's, and it stays
    story = next(k for k, line in enumerate(lines) if line.lstrip().startswith("肇庆高新区中心人民医院2023年"))
    said = lines[:story] + ["三级片段" + lines[story].lstrip()] + lines[story + 1:]
    headline = find_in_lines(said)
    assert headline is not None and headline.text.startswith("三级片段")
