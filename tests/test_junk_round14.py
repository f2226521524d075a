"""Junk the junk probe's round 14 found by eye (benchmarks/probe/pages.jsonl, probe-379 … probe-424): an ad slot's
label, a browser's script notice, a forum post's header, a paywall's cut teaser, a feature's note of its length, a
video transcript's speaker label, an image placeholder, a writer with his paper, outlets with the writer and his
place, a Taiwan byline written with a division slash, captions (a Taiwan site's `圖：` credit, a name after a space,
a ▲ caption longer than a line of furniture), a paper's apparatus without colons and its spaced 摘 要, a tea-house's
spam names, a tipster's keyword glued to a headline's end, a tag box said twice over the headline, and a blog's copy
of a story with its headline, day and writer on the text's line. Each test holds the page's own lines (traditional
where the page is), or reads the probe page as the checker does."""

from __future__ import annotations

import pytest
from test_headlines_round8 import read_page  # a probe page, read as the checker reads it
from test_junk_round12 import article, kind  # the same reading of a probe page's lines

from briefing.text.headlines import find_in_lines
from briefing.text.junk import is_spam


@pytest.mark.parametrize("line, expected", [
    ("廣告 廣告", "furniture"),  # probe-387: glued before 分院長蔡宗龍表示…
    # probe-413: opening the summary
    ("您的瀏覽器不支援 JavaScript 功能,可能會造成部分網頁功能無法正常使用時,建議開啟瀏覽器 JavaScript 狀態", "furniture"),
    ("f**********a 发帖数: 72 | 1", "furniture"),  # probe-393: opening the summary
    ("今年第四届“成都(试读)...", "furniture"),  # probe-409: taken for the headline
    ("(全文共计3870字,含56组数据、22个企业案例、48位受访者实录)", "furniture"),  # probe-396: closing the summary
    ("【同期】香港特區政府醫務衛生局局長 盧寵茂", "furniture"),  # probe-424: glued before what he said
    ("倪思潔/中國科學報", "byline"),  # probe-386: taken for the headline
    ("21世纪经济报道 21财经APP 卢常乐 上海报道", "byline"),  # probe-399: taken for the headline
    ("記者陳金龍∕台中報導", "byline"),  # probe-401: a division slash, opening the summary
    ("中國散裂中子源加速器(局部)  李子鋒攝", "caption"),  # probe-386: opening the summary
    # probe-387: the caption the summary opened with and the title was written from, and the second one
    (" date 2026-01-12 展覽自115年1月8日起展出至2月28日，於新屋分院一樓藝文走廊開放參觀。圖：部桃提供", "caption"),
    ("現場也規劃打卡拍照區，邀請民眾在觀展之餘留下紀念影像。圖：部桃提供", "caption"),
    # probe-421: glued into the summary
    ("▲ 香港医管局提供的月薪,普通驻院医生(Resident)为 72,824~147,649 港元;副顾问医生(Associate Consultant)的为"
     " 151,372~174,399 港元。", "caption"),
    # probe-418: a paper's fields with a space for the colon, glued over its abstract
    ("中圖分類號 R951 文獻標志碼 A 文章編號 1001-0408(2021)23-2817-05", "front_matter"),
    ("DOI 10.6039/j.issn.1001-0408.2021.23.01", "front_matter"),
    ("關鍵詞 國家藥品質量通告制度;藥品質量;藥品監管", "front_matter"),
])
def test_round14_lines_are_furniture(line: str, expected: str) -> None:
    assert kind(line) == expected


# the story's own lines with the same words, none of them furniture (each rule's guard)
STORY_LINES = ("作为一名试读者，他认真读完了全书。", "广告投放市场规模持续扩大", "开发者大会讨论了JavaScript框架的新版本。",
               "张三/李四主持了会议", "关键词是创新与协同，会议持续两天。", "中国散裂中子源加速器正在检修", "发帖数超过一万的论坛")


def test_round14_story_lines_stay() -> None:
    assert [line for line in STORY_LINES if kind(line) is not None] == []


def test_outlets_and_a_spaced_phrase_before_a_report_are_no_byline_without_a_place() -> None:
    assert kind("人工智能 赋能 千行百业 深度报道") != "byline"


def test_tea_house_spam_names_are_spam() -> None:
    # probe-396: injected between a feature's bullets
    assert is_spam("夜上海最新论坛 - 中试转化(苏州生物医药产业园)")
    assert is_spam("上海品茶网 2. 苏州-嘉兴光电产业协同体")
    assert not is_spam("首届国际茶博会上，游客排队品茶。")


def test_a_tag_box_said_twice_over_the_headline_is_no_headline() -> None:
    # probe-385: 星洲网's tags (槟榔州福建会馆 / 陈坤海) and their copy over 与中国福建省侨办交流 槟福建会馆冀深耕合作
    from briefing.text.junk import tag_pairs  # (new in this round: imported here, so the other tests run on the old code)

    lines = ["槟榔州福建会馆", "陈坤海", "槟榔州福建会馆", "陈坤海", "与中国福建省侨办交流 槟福建会馆冀深耕合作"]
    assert tag_pairs(lines) == {0, 1, 2, 3}
    assert tag_pairs(["北京", "上海", "北京", "广州"]) == set()
    page = read_page("probe-385", "probe/pages.jsonl")
    assert page.title != "槟榔州福建会馆"
    assert not page.body.startswith("陈坤海")


def test_a_blogs_headline_day_and_writer_before_the_text_go() -> None:
    # probe-390: the whole story on one line under the blog's own title
    body = article(["媽祖醫院院慶 新醫療大樓將啟用 2015年11月17日 04:10 張朝欣/雲林報導 中國醫藥大學附設北港媽祖醫院,"
                    "16日舉行30周年慶祝活動,並帶來新醫療大樓即將於明年初啟用喜訊。"])
    assert body.body.startswith("中国医药大学附设北港妈祖医院")
    assert "张朝欣" in body.authors


def test_a_papers_spaced_abstract_label_goes() -> None:
    # probe-418: 摘 要 目的: opened the summary (摘要目的：为进一步…) under the fields glued into a paragraph
    page = read_page("probe-418", "probe/pages.jsonl")
    assert page.body.startswith("为进一步完善国家药品质量通告制度提供参考")
    assert "R951" not in page.body and "DOI" not in page.body


def test_a_tipsters_keyword_glued_to_the_headlines_end_goes() -> None:
    # probe-423: 原创 深圳首个口岸港式综合医院开业 开湾区医疗合作新篇香港最真正最准资料
    headline = find_in_lines(["原创 深圳首个口岸港式综合医院开业 开湾区医疗合作新篇香港最真正最准资料",
                              "中新网深圳1月15日电 (记者 索有为)随着粤港澳大湾区融合发展的持续深化,“北上医疗”已成为香港市民继北上"
                              "购物、餐饮及娱乐活动后的新趋势。15日,深圳首家口岸港式综合医院在罗湖口岸畔开业。"])
    assert headline is not None and not headline.text.endswith("资料")
    assert headline.text.endswith("开湾区医疗合作新篇")
