"""Headline-less pages of the written probe's round four (benchmarks/probe/written.jsonl, held out until its
first look and the chooser's rules were measured) where the finder took a line of page furniture for the
headline: an in-body ad slot's marker, a trending line about another story, a comment count, a breadcrumb
joined by a hyphen. Each page is read as the checker reads it; its title must be written from the story."""

from __future__ import annotations

import pytest
from test_headlines_written2 import written_page

from briefing.config import EditorialSettings
from briefing.editorial.titles import item_title, title_origin
from briefing.text.junk import line_kind

CAP = EditorialSettings().title_max_chars


@pytest.mark.parametrize("page_id, line, kind, word", [
    # ETtoday: …山區慎防坍方及落石。 我是廣告 請繼續往下閱讀 ⚠️大雨特報警報地區:…
    ("wp-128", "我是广告 请继续往下阅读", "furniture", "广告"),
    # a Taiwan weather flash with another story's line between its paragraphs
    ("wp-133", "当前热搜:此波内阁改组的正副首长可望达9人 预计8/28宣布", "furniture", "内阁"),
    # chinanews: …(記者 李鵬翔) / 參與互動(0) | 【編輯:吳歆】 |
    ("wp-135", "参与互动(0) | 【编辑:吴歆】 |", "furniture", "互动"),
    # a company site's trail over a 科技日报 story: 首页-新闻资讯 / 发表时间:2020年5月11日
    ("wp-148", "首页-新闻资讯", "breadcrumb", "资讯"),
])
def test_the_furniture_line_is_no_title(page_id, line, kind, word):
    assert line_kind(line) == kind
    article = written_page(page_id)
    assert title_origin(article) == "written"
    assert word not in item_title(article, CAP)


def test_a_trail_of_more_than_two_steps_and_a_story_line_with_a_hyphen():
    assert line_kind("首页 - 科技 - 正文") == "breadcrumb"
    assert line_kind("首页-新闻资讯的改版方案已于昨日通过评审，将于下月上线。") is None
    assert line_kind("我是广告人，从业二十年。") is None


def test_a_subhead_between_the_storys_paragraphs_is_no_headline():
    # 星島: date 2025-08-16 第二季整體貨物出口…將成關鍵指標。 / 倘搶出口減弱 影響下半年經濟 / 另外，服務輸出… (wp-153):
    # the paragraph under the line goes on from the one above it, so the line is a subhead
    article = written_page("wp-153")
    assert title_origin(article) == "written"
    assert "11.5%" in item_title(article, CAP)
