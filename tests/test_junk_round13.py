"""Junk the junk probe's round 13 found by eye (benchmarks/probe/pages.jsonl, probe-334 … probe-378, and
probe-034, whose age-rating note round 13's copy of the page showed again): a template's contact card, a
site's search box, a portal's age-rating note, a document site's upload line, a crawler's date stamp, a
video box's 更多 label, a journal database's <正> mark, Kangxi radicals for the characters they look like,
and toneless pinyin after a character simplified script writes outside the basic block. Each test holds a
short excerpt of the page's own lines (traditional where the page is)."""

from __future__ import annotations

import pytest
from test_junk_round12 import article, kind  # the same reading of a probe page's lines

from briefing.text.chinese import to_simplified
from briefing.text.junk import is_related_header
from briefing.text.normalize import normalize_text


@pytest.mark.parametrize("line, expected", [
    ("地址:广东省广州市天河区88号", "furniture"),  # probe-336: taken for the headline
    ("邮箱:admin@youweb.com", "furniture"),
    ("搜全站 热搜: LED  LED照明  led展  食品  2010  博览会  china  ces展会  展会  广交会 ", "furniture"),  # probe-347
    # probe-034: opening the summary
    ("根據「電腦網路內容分級處理辦法」修正條文第六條第三款規定，已於網站首頁或各該限制級網頁，依台灣網站分級推廣基金會規定作標示。"
     " 台灣網站分級推廣基金會（TICRF）網站：http://www.ticrf.org.tw", "furniture"),
    # probe-342: opening the summary
    ("《中国电子政务系统的基本框架.docx》由会员分享,可在线阅读,更多相关《中国电子政务系统的基本框架.docx(28页珍藏版)》请在冰豆网上搜索。",
     "furniture"),
    (" date 2020-07 【有線新聞】", "furniture"),  # probe-364: taken for the headline (the label after the stamp)
    (" date 2020-07", "dateline"),
])
def test_round13_lines_are_furniture(line: str, expected: str) -> None:
    assert kind(line) == expected


@pytest.mark.parametrize("line", [
    "地址：广东省广州市天河区88号，这里将建成新的科技馆。",  # an address in a sentence
    "会员分享了各自的创新经验",
    "热搜榜上的话题引发讨论，网友纷纷留言",
    "date是英文单词",
])
def test_round13_story_lines_stay(line: str) -> None:
    assert kind(line) is None


def test_video_box_more_label_opens_related_links() -> None:
    # probe-362: 視頻更 多 and the box's headlines glued onto the story's summary
    assert is_related_header(normalize_text(to_simplified("視頻更 多")))
    assert not is_related_header(normalize_text("视频会议更多地采用线上方式。"))


def test_abstract_mark_goes() -> None:
    # probe-352: the summary opened on <正>
    text = normalize_text('<正>4个一线城市全部加入"聚天下英才而用之"是习近平总书记就深化人才发展体制机制改革作出重要指示中的内容。')
    assert text.startswith("4个一线城市")


def test_kangxi_radicals_read_as_characters() -> None:
    # probe-335: a PDF's text layer writes 人, 力, 大 as Kangxi radicals, so its doubled title was not seen as the title
    assert normalize_text("我国科技⼈才队伍建设的三个问题") == "我国科技人才队伍建设的三个问题"
    assert normalize_text("⼤中型⼯业企业研发⼒量") == "大中型工业企业研发力量"


def test_toneless_pinyin_after_extension_characters_goes() -> None:
    # probe-356: 縯(yan) and 訢（xin） become 𬙂(yan) and 䜣（xin） in simplified script; the annotations stayed
    paragraphs = [
        "科(ke)技(ji)昰(shi)國之利(li)器(qi),科(ke)技自立(li)自強昰(shi)國(guo)傢強(qiang)盛(sheng)之(zhi)基、安全之(zhi)要。",
        "1月(yue)22日,一場由科學傢們組(zu)織(zhi)的(de)慰問縯(yan)齣正在進行(xing)。",
        "記(ji)者(zhe)見到BEST項(xiang)目的(de)技術(shu)負(fu)責人宋雲(yun)濤時,他(ta)臉上(shang)寫(xie)滿了訢(xin)喜。",
    ]
    body = "".join(block.text for block in article(paragraphs, "焦(jiao)點訪談").blocks)
    assert "(yan)" not in body and "(xin)" not in body and "（xin）" not in body
    assert "慰问" in body and "写满了" in body
