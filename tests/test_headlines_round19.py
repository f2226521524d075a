"""Headline probe round 19 (hp-494 … hp-519): the rules its first look's misses led to, each from its real page
(benchmarks/probe/headlines.jsonl)."""

from __future__ import annotations

from test_headlines_round8 import assert_found, headline_found, probe_raw  # the probe's pages, read as the checker reads them

from briefing.text.headlines import find_in_lines


def test_a_meetings_subtitle_of_who_chaired_and_who_attended_gives_way_to_the_headline_above_it():
    # hp-504 (a copy of 苏州日报): 市委人才工作领导小组召开会议 / 曹路宝主持并讲话 吴庆文出席 / 苏报讯(记者 …)…
    assert_found("hp-504", "苏州市委人才工作领导小组召开会议")


def test_the_subtitle_stays_out_of_the_story():
    assert headline_found(probe_raw("hp-504")) == "苏州市委人才工作领导小组召开会议"
    found = find_in_lines([line for line in probe_raw("hp-504").split("\n") if line.strip()])
    assert found is not None and found.lines == 2  # the 副题 goes with its headline, not into the lead


def test_a_headline_that_says_where_an_official_spoke_is_no_attendance_subtitle():
    # hp-504 with its two lines swapped for a kicker over a headline that says where the official spoke: the
    # headline stays; over the page's own 副题 the same kicker is taken
    lines = probe_raw("hp-504").split("\n")
    assert headline_found("\n".join(["2024年全国科技大会", "李强在全国科技大会上讲话"] + lines[2:])) == "李强在全国科技大会上讲话"
    assert headline_found("\n".join(["2024年全国科技大会", lines[1]] + lines[2:])) == "2024年全国科技大会"


def test_a_lone_story_title_in_a_pages_ordered_list_loses_its_list_number():
    # hp-509 (jinrongribao.com): 返回顶部 / 1. 总投资超千亿元 川渝科技创新中心项目建设正式开工 / 时间：… 来源：互联网
    assert_found("hp-509", "总投资超千亿元 川渝科技创新中心项目建设正式开工")
    assert headline_found(probe_raw("hp-509")) == "总投资超千亿元 川渝科技创新中心项目建设正式开工"


def test_a_chapters_own_number_stays():
    # hp-319 (chinacdc.cn): a series' chapter as a page of its own keeps its 三、
    assert headline_found(probe_raw("hp-319")) == "三、专业体系建设逐步完善，技术支撑能力不断提高"


def test_a_pages_counter_after_the_headline_on_its_line_goes():
    # hp-513 (Yahoo TW): date 2026-01-28 醫院評鑑改6年一次有例外！ 石崇良：「低空飛過的」不定時評鑑 23
    assert headline_found(probe_raw("hp-513")) == "醫院評鑑改6年一次有例外！ 石崇良：「低空飛過的」不定時評鑑"
    assert_found("hp-513", "醫院評鑑改6年一次有例外！ 石崇良：「低空飛過的」不定時評鑑")


def test_a_number_the_story_says_is_the_headlines_own():
    lines = probe_raw("hp-513").split("\n")
    raw = "\n".join([lines[0]] + lines[1:] + ["石崇良說，共有23家醫院受評。"])
    assert headline_found(raw).endswith("不定時評鑑23")
