"""Headline probe round 18 (hp-472 … hp-493): the rules its first look's misses led to, each from its real page
(benchmarks/probe/headlines.jsonl)."""

from __future__ import annotations

from corpus_pages import read_tune_page
from test_headlines_round8 import _pages, assert_found, headline_found  # the probe's pages, read as the checker reads them

from briefing.text.junk import line_kind


def test_a_forum_posts_bracketed_keywords_field_is_furniture_not_its_headline():
    # hp-473 (bbs.cnfzjc.com): the post's title, its poster's card, 发表于…, then 【关键字】: … over the story
    assert line_kind("【关键字】：全国纺织品标准化技术委员会 基础标准分技术委员会 SAC/TC209/SC1换届大会") == "furniture"
    assert line_kind("关键字：换届大会") == "furniture"
    assert_found("hp-473", "全国纺织品基础标委会SAC/TC209/SC1换届大会召开")


def test_a_headline_said_twice_running_over_its_story_is_the_last_resort():
    # hp-478 (headline.city): a bulleted menu of other stories, then the headline twice, then the story
    assert_found("hp-478", "台风山陀儿来袭，台湾各地停班停课标准引发关注")


def test_a_line_said_twice_running_that_the_story_does_not_name_is_no_headline():
    # hp-478's story under another line said twice (a menu's item): the story says few of its words
    lines = _pages("probe/headlines.jsonl")["hp-478"]["raw"].split("\n")
    at = lines.index("颱風山陀兒來襲,台灣各地停班停課標準引發關注")
    raw = "\n".join(lines[:at] + ["香港保險公司接連收到可疑炭疽信件", "香港保險公司接連收到可疑炭疽信件"] + lines[at + 3:])
    assert headline_found(raw) != "香港保险公司接连收到可疑炭疽信件"


def test_a_committees_name_over_the_dateline_that_the_lead_goes_on_from_is_the_headline():
    # hp-476 (a mirror of 中控's news): the title cut to the committee's name, 2005-08-02 08:18 来源：…, the lead
    assert_found("hp-476", "第三届全国工业过程测量和控制标准化技术委员会")


def test_a_bodys_name_over_a_dateline_is_still_no_headline_when_the_lead_does_not_name_it():
    raw = "重庆市高技能人才工作联席会办公室\n2024-05-06 来源：市人力社保局\n" \
          "近日，全市技能人才工作会议在渝中区召开，会议总结了去年的工作成效并部署了今年的重点任务，要求各区县抓好落实。"
    assert headline_found(raw) is None


def test_another_storys_headline_stacked_over_the_story_and_glued_to_its_lead_is_not_said_twice_over_it():
    # c-0087 (tune split): 国家高新区“攀高逐新”实现开门红 three times over the CD47 story, the last copy glued to its lead
    article = read_tune_page("c-0087")
    assert article.title_from != "page" and "攀高逐新" not in article.title
