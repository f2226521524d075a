"""Headline probe round 22 (hp-591 … hp-610, traditional-script pages): the rules its first look's misses led to,
each from its real page (benchmarks/probe/headlines.jsonl)."""

from __future__ import annotations

from test_headlines_round8 import assert_found, headline_found, probe_raw, simplified  # the probe's pages, read as the checker reads them

from briefing.text.headlines import clean_decoration, page_roles
from briefing.text.normalize import normalize_text


def test_a_crawlers_stamp_with_only_its_month_goes():
    # hp-609 (a wire release): ` date 2024-12 CGTN 發文介紹澳門 25 年來如何促進經濟多元化發展` opens the page
    assert clean_decoration("date 2024-12 CGTN 發文介紹澳門25年來如何促進經濟多元化發展") \
        == "CGTN 發文介紹澳門25年來如何促進經濟多元化發展"
    assert clean_decoration("date 2024-12 CGTN 发文介绍澳门25年来如何促进经济多元化发展") \
        == "CGTN 发文介绍澳门25年来如何促进经济多元化发展"
    assert_found("hp-609", "CGTN 發文介紹澳門 25 年來如何促進經濟多元化發展")


def test_a_stamped_topic_label_the_model_rates_far_under_the_line_below_is_not_the_title():
    # hp-602 (Yahoo HK): ` date 2025-11-28 宏福苑五級火｜純文字重點 不帶災場畫面` over the story's own headline
    found = headline_found(probe_raw("hp-602"))
    assert found is not None
    assert found.startswith(normalize_text("宏福苑五級火燒逾 43 小時救熄"))


def test_a_link_spelling_the_line_under_the_stamp_names_the_title():
    # hp-598 (Yahoo HK): the stamp opens another story's link (大埔宏福苑五級火 大小商戶緊急支援一覽); the closing
    # `原文刊登於 AM730 https://…/遇火警逃命要冷靜-逃生三寶不可少/622542` spells the title under it
    assert_found("hp-598", "遇火警逃命要冷靜 逃生三寶不可少")
    raw = probe_raw("hp-598").split("\n")
    without_link = "\n".join(line for line in raw if "am730.com.hk" not in line)
    assert headline_found(without_link) == normalize_text("大埔宏福苑五級火 大小商戶緊急支援一覽")  # no link: the stamp's line


def test_a_search_pages_header_and_its_query_are_furniture():
    # hp-599 (bbd.com.hk): 搜索結果 / 「香港大埔宏福苑火災」 over the one result's headline
    assert_found("hp-599", "三分鐘煙漫全屋!香港大埔大火警示:高層盲目向上跑等同自殺")
    roles = page_roles(["搜索結果", "「香港大埔宏福苑火災」", "三分鐘煙漫全屋！香港大埔大火警示", "11月26日下午，香港新界……。"])
    assert roles.get(0) == "furniture" and roles.get(1) == "furniture" and 2 not in roles
    assert page_roles(["搜索结果", "“香港大埔宏福苑火灾”"]) == {0: "furniture", 1: "furniture"}


def test_a_quoted_line_under_no_search_header_stays():
    assert page_roles(["「香港大埔宏福苑火災」", "11月26日下午，香港新界大埔屋邨宏福苑多棟住宅樓突發重大火災。"]) == {}
    assert page_roles(["搜索結果顯示，今年流感病例比去年多出三成，衛生署呼籲市民盡快接種疫苗。"]) == {}


def test_the_title_an_epaper_prints_twice_over_its_subtitle_is_the_headline():
    # hp-610 (澳門日報): 跨城博覽促澳珠科技交流 / 劉 英 / 跨城博覽促澳珠科技交流 / 元宇宙企業或落戶澳門 (its subtitle,
    # taken on first look)
    assert_found("hp-610", "跨城博覽促澳珠科技交流")


def test_a_stamped_title_over_its_subtitle_still_stands():
    # guard (round 21, hp-578): the stamped line is the title when the model rates it near the line below
    found = headline_found(probe_raw("hp-578"))
    assert found is not None and simplified(found).startswith(simplified("香港新界住宅區發生大火"))
