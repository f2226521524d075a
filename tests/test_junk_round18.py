"""Junk the junk probe's round 18 found by eye (benchmarks/probe/pages.jsonl, probe-520 … probe-543): a picture's time-stamp
name left on its own line, a university page's posting stamp with 上午 before the hour, 中评社's toolbar with 打印 letter-spaced
and its scan prompts on either side of the headline, a Q&A site's 參與醫生 label and its doctor's credit, a science mirror's
menu opening on 首 頁, a porn site's name with its address between 一一 marks, a Mark Six site's 正版免费图库 bait, a video box's
headline with a column's bar and a comma, and a WeChat reprint note glued before a teaser. Each test holds the page's own
lines (traditional where the page is), or reads the probe page as the checker does."""

from __future__ import annotations

import pytest
from test_headlines_round8 import read_page  # a probe page, read as the checker reads it
from test_junk_round12 import kind  # the same reading of a probe page's lines
from test_junk_round16 import summary_of, title_of

from briefing.text.chinese import to_simplified
from briefing.text.normalize import normalize_text


@pytest.mark.parametrize("line, expected", [
    # probe-536: glued to the paragraph under it (1732261265859进入实验室，…)
    ("1732261265859", "furniture"),
    # probe-529: glued between the headline said again and the lead
    ("張貼.2013/08/14 上午 08:56:25   祕書室媒體公關組  .", "dateline"),
    # probe-530: opening the summary as CNML格式】【】【打印】林全到新竹…
    ("CNML格式】 【 】 【打 印】", "furniture"),
    # probe-524: opening the summary as 参与医生中南大学湘雅医院唐勇军主任医师现在住院…
    ("參與醫生", "furniture"),
    ("中南大學湘雅醫院 唐勇軍 主任醫師", "credit"),
    # probe-536: glued to the lead, which the summary then left out
    ("首 頁 資訊 產業動態 發明·創新 探索·發現 科學麻辣燙 科技人物 專家講壇 新基建 院士知播", "nav"),
    # probe-539: the title (中文字幕最新在线专区高清) and the summary's first words
    ("中文字幕最新在线专区高清::[一一91pio.com一一] 2月22日,天津,34歲的張玉芳患先天性成骨不全癥。", "spam"),
    # probe-537: the title
    ("香港正版免费图库大全_香港正版免费图库大全下载通用版V13.28.4-湖北之窗", "spam"),
    ("香港正版免费图库大全", "spam"),
])
def test_round18_lines_are_furniture(line: str, expected: str) -> None:
    assert kind(line) == expected


# the story's own lines with the same words, none of them furniture (each rule's guard)
STORY_LINES = ("2023年全院共接诊1732261人次。", "参与医生共20名，覆盖全院各科室。", "首页改版后，访问量增长了三成。",
               "发布会于2021年3月4日上午9:00召开，市长出席。", "正版软件使用率达到95%以上。", "该院主任医师王强介绍，手术很成功。",
               "他 说 好")


def test_round18_story_lines_stay() -> None:
    assert [line for line in STORY_LINES if kind(line) is not None] == []


def test_scan_prompts_on_either_side_of_a_headline_go() -> None:
    # probe-530: the headline's line was furniture for its 扫描二维码 prompts; the title was written from a later paragraph
    line = "掃描二維碼訪問中評網移動版 林全新竹視察 臺灣光子源及“國家太空中心” 掃描二維碼訪問中評社微信"
    assert normalize_text(to_simplified(line)) == "林全新竹视察 台湾光子源及“国家太空中心”"
    assert title_of("probe-530") == "林全新竹视察 台湾光子源及“国家太空中心”"
    assert not summary_of("probe-530").startswith("CNML")


def test_a_video_boxs_headline_with_a_column_bar_is_a_link() -> None:
    # probe-526: the summary ran on into 银发婚礼|让我为你再披上婚纱4月22日齐“走塑"！ after 印度大选|如果赢家是莫迪，…？
    summary = summary_of("probe-526")
    assert "银发婚礼" not in summary and "印度大选" not in summary
    assert "步行15分钟核酸“采样圈”" in summary


def test_a_wechat_reprint_note_glued_before_the_teaser_goes() -> None:
    # probe-541: 如果顺利，精准医疗中概股将实审视生物多样性的经济价值：…罗永浩与抖音，一起豪赌带货直播美东时间…
    assert summary_of("probe-541").startswith("美东时间2019年11月21日")
    assert normalize_text("本文来自微信公众号:放大灯(ID: guokr233),作者:李拓,题图来自:图虫 美东时间2019年11月21日").startswith("美东时间")


def test_round18_pages_read_clean() -> None:
    assert summary_of("probe-524").startswith("现在住院都要做核酸检测")
    assert summary_of("probe-529").startswith("为欢庆中部科学工业园区10周年")
    assert title_of("probe-529") == "中科10年 创研持续跃进"
    assert "1732261265859" not in read_page("probe-536", "probe/pages.jsonl").body
    assert read_page("probe-536", "probe/pages.jsonl").body.startswith("日前，中国建筑科学研究院")
    for page in ("probe-537", "probe-539"):
        assert not any(word in title_of(page) + summary_of(page) for word in ("图库", "专区", "中文字幕", "一一"))
