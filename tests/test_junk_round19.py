"""Junk the junk probe's round 19 found by eye (benchmarks/probe/pages.jsonl, probe-544 … probe-565): a content farm's
greeting over what it copied (今天…分享…一文，希望对您有帮助) and its daily label before the headline (每日资讯：), a
newsletter's pitch and consent lines under a video page, a group photo's short label (参观留影) glued before the paragraph
under it, a closing tag that lost its < to a mirror's undecoded bytes (之乡?!?/p>), and an outlet's name left on a tag
page's headline before its date (…传承手艺 芋传媒 2019-10-18 19:08). Each test holds the page's own lines (traditional
where the page is), or reads the probe page as the checker does."""

from __future__ import annotations

import pytest
from test_junk_round12 import kind  # the same reading of a probe page's lines
from test_junk_round16 import summary_of, title_of

from briefing.text.junk import strip_markup


@pytest.mark.parametrize("line, expected", [
    # probe-546: opening the summary
    ("今天神州网小怡分享福建漳浦剪纸「浦江剪纸」一文,希望对您有帮助。", "furniture"),
    # probe-554: closing the summary (the consent), and its pitch over it
    ("訂閱即表示你同意SBS的服務使用條款私隱保障政策,包括接收來自SBS的電子郵件通訊。", "furniture"),
    ("訂閱SBS中文電子報,接收最新新聞資訊。", "furniture"),
    ("立即訂閱SBS中文電子報", "furniture"),
    # probe-564: glued before the paragraph under it (参观留影《吕氏春秋》记载，…)
    ("參觀留影", "caption"),
    ("合影留念", "caption"),
])
def test_round19_lines_are_furniture(line: str, expected: str) -> None:
    assert kind(line) == expected


# the story's own lines with the same words, none of them furniture (each rule's guard)
STORY_LINES = ("今天，市文化馆分享了剪纸技艺的传承经验。", "订阅电子报的用户今年增长了三成。", "他称注册即送礼品的说法不实。",
               "习近平同全国人大代表合影", "与会代表在会场外合影留念。", "用户可以拒绝接收商家的电子邮件广告。")


def test_round19_story_lines_stay() -> None:
    assert [line for line in STORY_LINES if kind(line) is not None] == []


def test_a_content_farms_daily_label_goes_from_the_headline() -> None:
    # probe-545: the title was 每日资讯：学习套色剪纸 让中华优秀传统文化焕发新生机
    assert title_of("probe-545") == "学习套色剪纸 让中华优秀传统文化焕发新生机"


def test_a_closing_tag_that_lost_its_bracket_goes() -> None:
    # probe-548: the summary closed on 之乡？!? (the mirror's bytes where 。 and < stood)
    assert strip_markup("界首市被原文化部命名為中國民間文化藝術(剪紙)之鄉?!?/p>") == "界首市被原文化部命名為中國民間文化藝術(剪紙)之鄉。"
    assert summary_of("probe-548").endswith("（剪纸）之乡。")
    # a tag whole, or a slash in the text, is not this
    assert strip_markup("a/b>c") == "a/b>c"


def test_an_outlet_before_a_tag_pages_date_leaves_the_headline() -> None:
    # probe-561: 文化 製茶師漸凋零 農會成立體驗茶坊傳承手藝 芋傳媒 2019-10-18 19:08 製茶師隨歲月凋零,…
    assert title_of("probe-561") == "制茶师渐凋零 农会成立体验茶坊传承手艺"


def test_round19_summaries_are_clean() -> None:
    assert not summary_of("probe-546").startswith("今天")
    assert "订阅" not in summary_of("probe-554")
    assert "留影" not in summary_of("probe-564")


def test_a_deck_over_the_leads_dateline_is_no_part_of_the_lead() -> None:
    # probe-559: 市茶協已收集22場國內外茶業博覽會信息 / 本報訊(劉端莉)近日,… — the summary opened 市茶协已收集…信息近日，…
    assert summary_of("probe-559").startswith("近日，市茶业协会召开")
