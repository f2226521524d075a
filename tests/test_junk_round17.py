"""Junk the junk probe's round 17 found by eye (benchmarks/probe/pages.jsonl, probe-488 … probe-519): a caption placing two
people by where they stand, a caption closed by its photographer's credit in brackets, a wire's photo caption closed by
中新社发 and the photographer, a betting brand a mirror put for a place's name all through the page, a content farm's 热读：
label on the headline, a paper's reprint line that lost its year, an app's 报道 before the reporter in brackets, and a time
left glued to the news when the reporter's framing between them goes. Each test holds the page's own lines (traditional
where the page is), or reads the probe page as the checker does."""

from __future__ import annotations

import pytest
from test_headlines_round8 import read_page  # a probe page, read as the checker reads it
from test_junk_round12 import article, kind  # the same reading of a probe page's lines
from test_junk_round16 import summary_of, title_of

from briefing.text.bylines import is_caption, lead_byline


@pytest.mark.parametrize("line, expected", [
    # probe-490: the summary opened on it, over the paragraph that says the meeting again
    ("盧寵茂（右三）與特區政府代表在政府總部與賴志鴻（左三）及其率領的代表團舉行會議。", "caption"),
    ("李家超（前排中）、陰和俊（前排左四）出席授牌儀式。", "caption"),
    # probe-492: closing the summary as 《人民日报》（年12月08日13版）
    ("《人民日報》(年12月08日13版)", "layout"),
])
def test_round17_lines_are_furniture(line: str, expected: str) -> None:
    assert kind(line) == expected


# the story's own lines with the same words, none of them furniture (each rule's guard)
STORY_LINES = ("他说，张三（左）和李四的合作很好。", "《人民日报》发表评论员文章，题为《坚定不移推进改革》。",
               "市卫健委主任王斌（右）介绍，项目总投资4600万元，床位数70张。")


def test_round17_story_lines_stay() -> None:
    assert [line for line in STORY_LINES if kind(line) is not None] == []


def test_a_wires_photo_caption_with_its_sender_is_a_caption() -> None:
    # probe-517: the caption (…携手主持典礼。 中新社發 鄧慶樂 攝) opened the summary, the credit glued to the story under it
    assert is_caption("3月1日，诺贝尔物理学奖得主高锟教授与太太黄美芸在香港出席科技园举行的“高锟会议中心”命名仪式。"
                      "香港特区行政长官曾荫权及香港科技园公司主席蒲禄棋等携手主持典礼。 中新社发 邓庆乐 摄")
    assert "携手主持典礼" not in summary_of("probe-517")
    assert "邓庆乐" not in read_page("probe-517", "probe/pages.jsonl").body


def test_a_caption_closed_by_its_photographers_credit_in_brackets_goes() -> None:
    # probe-508: …耗资逾157亿，今天正式开幕。（記者蔡淑媛攝）, twice, opened the summary once its credit was taken off
    assert "耗资逾157亿" not in summary_of("probe-508")
    caption = "台中市首座市立醫院耗資逾157億，今天正式開幕。（記者蔡淑媛攝）"
    lead = "〔記者蔡淑媛／台中報導〕台中市首座市立醫院今（6）天正式開幕，衛生福利部長石崇良到場慶賀。"
    assert article([caption, caption, lead]).body.startswith("台中市首座市立医院今（6）天正式开幕")
    # printed once, it stays for the title writer (tune a-0072 took its words: 科创50指数狂飙7%)
    assert article([caption, lead]).body.startswith("台中市首座市立医院耗资逾157亿")
    # a story's paragraph longer than a caption keeps its words
    long = "石崇良表示，" + "台湾今年迈入超高龄社会，卫福部有三大任务，" * 6 + "在地终老。（记者蔡淑媛摄）"
    assert "卫福部有三大任务" in article([long]).body


def test_an_apps_report_before_the_reporter_is_a_byline() -> None:
    # probe-503: 云上咸宁报道(记者 李欣)10月28日下午，… opened the summary as 云上咸宁报道10月28日下午，…
    lead = lead_byline("云上咸宁报道（记者 李欣）10月28日下午，咸宁市中医医院召开会议。")
    assert lead is not None and lead.authors == ("李欣",) and lead.rest.startswith("10月28日下午")
    assert summary_of("probe-503").startswith("10月28日下午，咸宁市中医医院召开会议")
    assert lead_byline("专家报道了该病例的治疗过程。") is None


def test_the_time_before_a_reporters_framing_is_set_off_from_the_news() -> None:
    # probe-504: 5月24日笔者获悉，随州市中心医院… became 5月24日随州市中心医院近日举行表彰大会…
    assert summary_of("probe-504").startswith("5月24日，随州市中心医院")


def test_a_content_farms_reading_label_goes_from_the_headline() -> None:
    # probe-492: 热读：博士后制度实施35周年累计招收25万多人
    assert title_of("probe-492") == "博士后制度实施35周年累计招收25万多人"
    assert "（年12月08日13版）" not in summary_of("probe-492")


def test_a_betting_brand_put_for_a_name_all_through_the_page_goes() -> None:
    # probe-499: 新金宝官方网站入口 where 雄安 was, in the title (written from the lead) and every sentence
    from briefing.text.junk import injected_brands

    assert injected_brands(["高标准高质量推进新金宝官方网站入口新区建设。", "加强新金宝官方网站入口新区与京津冀的协同创新",
                            "新金宝官方网站入口的新气象"]) == ["新金宝官方网站入口"]
    assert "官方网站入口" not in title_of("probe-499") and "官方网站入口" not in summary_of("probe-499")
    assert title_of("probe-499") == "高标准高质量推进新区建设"
    # a site's entrance named once is the story's
    assert injected_brands(["考生可登录省教育考试院官方网站入口查询成绩。"]) == []
