"""Headlines on real pages the finder missed in round ten (benchmarks/probe/headlines.jsonl), one kind
of page a test: an outlet's name before a hospital page's headline, which the lead opens with as its
dateline's source; a page's headline over parallel `name：…` subheads; a column's 【title】 with its
author's note; a column's kicker closed by a lone `》` (自由時報)."""

from __future__ import annotations

import pytest
from test_headlines_round8 import assert_found, read_page, simplified  # the probe's pages, read as the checker reads them

from briefing.text.headlines import find_in_lines, page_roles, usable


@pytest.mark.parametrize("page_id, headline", [
    # a hospital's 媒体摘编 page: 大众网海报新闻 齐鲁医院举行… / 时间：… / 大众网·海报新闻济南讯10月18日，…
    ("hp-285", "齐鲁医院举行建院130周年院士论坛"),
    # 跟着他们一起追“星” 当科学家可以有多酷****** / 王应睐：… / … / 张香桐：… / … / 吴自良：…
    ("hp-298", "跟着他们一起追“星” 当科学家可以有多酷"),
    # a clinic's column: 【三分鐘的健保,台灣健保的幸福與悲哀】 (文:徐國峰醫師,臺灣針刀醫學會理事) / 2025.09.05
    ("hp-299", "三分鐘的健保,台灣健保的幸福與悲哀"),
    # 自由時報: 健康 > 新聞現時批 > 醫政健保 / 健康網》台大住院醫招募曝隱憂 醫：健保制度傷醫護 / 2025/10/19 20:02
    ("hp-300", "健康網》台大住院醫招募曝隱憂 醫：健保制度傷醫護"),
])
def test_round_ten_misses_are_found(page_id, headline):
    assert_found(page_id, headline)


QILU = [
    "媒体摘编",
    "您现在的位置:首页 > 媒体摘编",
    "大众网海报新闻 齐鲁医院举行建院130周年院士论坛",
    "时间:2020-10-23 14:24:15   浏览量:",
    "大众网·海报新闻济南讯10月18日,山东大学齐鲁医院建院130周年院士论坛在济南举行。山东大学校长樊丽明、"
    "山东省科技厅厅长唐波致开幕辞,齐鲁医院党委书记侯俊平致闭幕词。",
]


def test_an_outlet_the_lead_names_as_its_source_is_no_part_of_the_headline():
    headline = find_in_lines(QILU)
    assert headline is not None and headline.text == "齐鲁医院举行建院130周年院士论坛"


def test_a_name_the_lead_merely_opens_with_stays_in_the_headline():
    # (hp-284's shape: the person the story is about, then what the story says of him)
    lines = ["樊明武院士 人生就是要为祖国做大“矢量的模”", "中国青年报 2023-12-19",
             "樊明武院士今年80岁了,自诩“80后”——他是我国“核工业65周年功勋人物榜单”71人中,最年轻的一位,"
             "大学毕业刚参加工作时也干过铺设电缆和换灯泡之类的工作。"]
    headline = find_in_lines(lines)
    assert headline is not None and headline.text.startswith("樊明武院士")


STARS = [
    "跟着他们一起追“星” 当科学家可以有多酷******",
    "王应睐:科学需要人的全部生命去探索",
    "王应睐(1907年-2001年),著名生物化学家,我国现代生物化学事业的主要奠基人。他是人工合成牛胰岛素工作的主要组织者之一,"
    "1963年他担任人工合成胰岛素协作组组长。",
    "(中青报·中青网记者 戴月婷整理)",
    "张香桐:搞科研要有“仙人掌精神”",
    "张香桐(1907年-2007年),国际著名神经生理学家,中国科学院院士,新中国神经科学的奠基人之一。",
    "吴自良:做科研“急不得”",
    "吴自良(1917年-2008年),物理冶金学家,中国科学院院士,是新中国合金钢体系建立者之一。",
]


COLUMN = [
    "徐國峰中醫診所",
    "【三分鐘的健保,台灣健保的幸福與悲哀】 (文:徐國峰醫師,臺灣針刀醫學會理事)",
    "2025.09.05",
    "最近有位病人跟我說,他去大醫院看診,掛的是骨科的明星主任。結果一個下午,這位主任看了 150 個病人!",
    "這不是傳說,而是台灣醫療日常。",
]


@pytest.mark.parametrize("lines, index, text", [
    # the first of three parallel `name：…` subheads, above any prose: the line over it is the headline
    (STARS, 0, "跟着他们一起追“星” 当科学家可以有多酷"),
    # a column's 【title】 with its author's note: the title, without the brackets and the note
    (COLUMN, 1, "三分鐘的健保,台灣健保的幸福與悲哀"),
])
def test_the_headline_on_the_line_that_holds_it(lines, index, text):
    headline = find_in_lines(lines)
    assert headline is not None and headline.index == index
    assert simplified(headline.text) == simplified(text)


def test_parallel_subheads_above_the_prose_are_still_no_subhead_role():
    # page_roles sets apart only the subheads under the story's lead: the reader keeps these lines
    assert 1 not in page_roles(STARS)


def test_a_kicker_closed_by_a_lone_angle_bracket_leaves_a_headline_usable():
    assert usable("健康網》台大住院醫招募曝隱憂 醫：健保制度傷醫護")
    assert not usable("台大住院醫招募曝隱憂》 醫：健保制度傷醫護")  # a 》 inside the headline closes nothing
