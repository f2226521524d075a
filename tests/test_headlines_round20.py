"""Headline probe round 20 (hp-520 … hp-558): the rules its first look's misses led to, each from its real page
(benchmarks/probe/headlines.jsonl)."""

from __future__ import annotations

from test_headlines_round8 import assert_found, headline_found, probe_raw  # the probe's pages, read as the checker reads them

from briefing.text.headlines import clean_decoration
from briefing.text.junk import line_kind


def test_a_portals_picture_mark_goes_in_traditional_script_too():
    # hp-551 (ttnews.xyz): 美國“光速”研發疫苗,是拔苗助長還是另有隱情(圖)
    assert clean_decoration("美國“光速”研發疫苗，是拔苗助長還是另有隱情（圖）") == "美國“光速”研發疫苗，是拔苗助長還是另有隱情"
    assert clean_decoration("港深創新及科技園開幕（組圖）") == "港深創新及科技園開幕"
    assert clean_decoration("李家超率官員接種流感疫苗【視頻】") == "李家超率官員接種流感疫苗"
    assert clean_decoration("新藥審批機制（圖表）") == "新藥審批機制（圖表）"  # a word that only begins with 圖 stays


def test_a_title_printed_at_every_picture_of_the_story_is_the_headline():
    # hp-551: the title opens the page and stands again after every few paragraphs (the pictures' alt text);
    # the story says only 美國 and 疫苗 of it, too little for the first-line rule
    assert headline_found(probe_raw("hp-551")) == "美國“光速”研發疫苗，是拔苗助長還是另有隱情"
    assert_found("hp-551", "美國“光速”研發疫苗,是拔苗助長還是另有隱情")


def test_the_copies_must_stand_between_the_storys_paragraphs():
    # hp-551's title with its copies moved together over the lead, as c-0087's other story's headline stands
    # ×3 over its story: copies stacked over the story are no picture titles
    lines = [line for line in probe_raw("hp-551").split("\n") if line.strip()]
    title = lines[0]
    body = [line for line in lines if line != title]
    assert headline_found("\n".join([title, title, title] + body)) is None
    # …and said only once, over a story that says so few of its words, it is not taken either
    assert headline_found("\n".join([title] + body)) is None


def test_a_portals_tagline_over_the_headline_is_furniture():
    # hp-558 (pttnews.cc): 每日最新頭條.有趣資訊 / 捷報！世界技能奧林匹克，中國金牌獎牌拿第一 / 喀山傳來捷報！…; the tagline,
    # taken for a headline above it, left the real one under the model's threshold
    assert line_kind("每日最新頭條.有趣資訊") == "furniture"
    assert line_kind("实时新闻 · 热门资讯") == "furniture"
    assert headline_found(probe_raw("hp-558")) == "捷報！世界技能奧林匹克，中國金牌獎牌拿第一"
    assert_found("hp-558", "捷報!世界技能奧林匹克,中國金牌獎牌拿第一")


def test_a_headline_that_opens_with_a_taglines_words_is_no_tagline():
    assert line_kind("最新头条：国务院常务会议部署稳就业举措") is None
    assert line_kind("热门资讯里的健康谣言，医生逐条辟谣") is None
