"""Headlines on real pages the finder missed in round eleven (benchmarks/probe/headlines.jsonl), one kind
of page a test: a Macau repost saved as one line, its pictures pasted as Markdown with their captions
before the headline; a series' numbered chapter published as a page of its own, over its date."""

from __future__ import annotations

import pytest
from test_headlines_round8 import assert_found, read_page, simplified  # the probe's pages, read as the checker reads them

from briefing.model import Document
from briefing.text.headlines import find_in_lines
from briefing.text.pages import pasted_lines, split_document


@pytest.mark.parametrize("page_id, headline", [
    # macaubbs: ![]() 澳生骨幹大灣區科創考察團赴橫琴深圳研學交流 ![]() 澳生骨幹遊覽… 內地高校澳生考察琴深發展 【澳門日報消息】…
    ("hp-312", "內地高校澳生考察琴深發展"),
    # chinacdc.cn: 12320 / 手机版 / 微信公众号 / 三、专业体系建设逐步完善,技术支撑能力不断提高 / 2012-02-07 / 经过十年的发展,…
    ("hp-319", "三、专业体系建设逐步完善,技术支撑能力不断提高"),
])
def test_round_eleven_misses_are_found(page_id, headline):
    assert_found(page_id, headline)


MACAU_ONE_LINE = (
    "![]() 澳生骨干大湾区科创考察团赴横琴深圳研学交流 ![]() 澳生骨干游览深圳特色文化街区南头古城 内地高校澳生考察琴深发展 "
    "【澳门日报消息】由中央驻澳办广联部主办的“二○二五内地高校澳生骨干大湾区科创考察团”一行四十八人，于二月十至十二日前往"
    "横琴、深圳展开为期三日的科创研学，进一步了解琴澳一体化发展战略部署、大湾区高新科技产业形势和龙头企业发展动向，感受科技兴国"
    "的深远意义。 考察团由四川高等学校澳门学生联合会理事长、西南财经大学澳门学生孔悦钊任团长。该团有来自各地三十三所高校的"
    "四十八名优秀澳生代表。 了解科创最新发展 十日上午，在横琴执委会民生事务局支援下，广联部组织该团成员，联合横琴创业发展的"
    "澳门青年企业家代表，举办交流座谈会。"
)


def test_a_one_line_pages_pictures_and_their_captions_stand_apart_from_its_headline():
    lines = pasted_lines(Document(source="macau.txt", text=MACAU_ONE_LINE, encoding="utf-8", kind="text"))
    assert lines[0] == "内地高校澳生考察琴深发展"
    assert not any("南头古城 " in line or line.startswith("![") for line in lines)
    article = split_document(Document(source="macau.txt", text=MACAU_ONE_LINE, encoding="utf-8", kind="text"))[0]
    assert article.title == "内地高校澳生考察琴深发展"
    assert article.blocks[0].text.startswith("【澳门日报消息】由中央驻澳办")


CDC_CHAPTER = [
    "12320",
    "手机版",
    "微信公众号",
    "三、专业体系建设逐步完善,技术支撑能力不断提高",
    "2012-02-07",
    "经过十年的发展,中心逐步建立了涵盖传染病防控、慢性病防控、公共卫生三大业务领域的疾病防控业务体系,不断完善卫生应急"
    "工作机制,信息化建设、健康教育与健康传播等技术支撑能力不断提高。",
    "(一)卫生应急机制初步形成",
    "中心积极探索公共卫生应急工作管理模式和思路,注重积累应急工作经验,在实施过程中及时发现不足,力求尽快改善。",
]


def test_a_series_numbered_chapter_over_its_date_is_the_pages_headline():
    headline = find_in_lines(CDC_CHAPTER)
    assert headline is not None and headline.text == "三、专业体系建设逐步完善，技术支撑能力不断提高"


def test_a_numbered_line_inside_the_story_stays_a_subhead():
    story_first = CDC_CHAPTER[:3] + ["中心十年发展回顾", "2012-02-07", CDC_CHAPTER[5], "三、专业体系建设逐步完善,技术支撑能力不断提高",
                                     "2012-02-08", CDC_CHAPTER[7]]
    headline = find_in_lines(story_first)
    assert headline is None or not headline.text.startswith("三、")
