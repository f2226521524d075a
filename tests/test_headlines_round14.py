"""Headlines on real pages the finder missed in round fourteen (benchmarks/probe/headlines.jsonl), one kind
of page a test: an e-paper's headline over its 副题 of the officials who went along (…陪同); a one-line page
whose headline is glued before a bare month and day and the print button; a page title with the site's
section between the headline and the site's name (…-新闻专题-科学网); a headline a word after 通讯员 makes read
like a credit, over its 资讯出处 line."""

from __future__ import annotations

import pytest
from test_headlines_round8 import assert_found, read_page  # the probe's pages, read as the checker reads them
from test_headlines_round12 import page_lines

from briefing.text.headlines import find_in_lines, without_site_name


@pytest.mark.parametrize("page_id, headline", [
    # 上虞日报 e-paper: … 报社信箱 / 今 日 上 虞 / 姚民声来虞考察 / 任其良温暖赵畅吕军陪同 / 图为… 摄 / 本报讯 …
    ("hp-377", "姚民声来虞考察"),
    # 星島 saved as one line: 創科局:打造大灣區創科中心將提高本港競爭力 08月14日 列印 創科局副局長…。資料圖片 本港致力…
    ("hp-387", "創科局:打造大灣區創科中心將提高本港競爭力"),
    # a spam mirror: 率先改革进行时-新闻专题-科学网_产品展示_bob…官方网站 / 率先改革进行时-新闻专题-科学网 / 时间: …
    ("hp-392", "率先改革进行时"),
    # cdasp: 中国工程院举办《院士通讯》地方通讯员培训活动 / 资讯出处:2015资讯作者:院士顾问服务部发布时间:2015-11-12 / 11月9日，…
    ("hp-400", "中国工程院举办《院士通讯》地方通讯员培训活动"),
])
def test_round_fourteen_misses_are_found(page_id, headline):
    assert_found(page_id, headline)


def test_the_officials_who_went_along_are_the_subtitle_not_the_headline():
    lines = page_lines("hp-377")
    headline = find_in_lines(lines)
    assert headline is not None and headline.text == "姚民声来虞考察"
    assert "任其良温暖赵畅吕军陪同" not in read_page("hp-377").body  # the 副题 goes with its headline, not into the lead
    # with no headline-like line above it, such a line is left as it is found
    under = [line for line in lines if line != "姚民声来虞考察"]
    headline = find_in_lines(under)
    assert headline is not None and headline.text == "任其良温暖赵畅吕军陪同"


def test_a_one_line_pages_date_and_print_button_stay_out_of_the_story():
    article = read_page("hp-387")
    assert "列印" not in article.body and not article.body.startswith("08月14日")


def test_a_sections_name_goes_with_the_sites_but_a_headline_of_that_shape_stays():
    assert without_site_name("率先改革进行时-新闻专题-科学网") == "率先改革进行时"
    assert without_site_name("两会专题-科学网") == "两会专题"  # nothing else to be the headline


def test_a_headline_read_as_a_credit_is_taken_over_its_dateline_but_a_real_byline_is_not():
    lines = page_lines("hp-400")
    headline = find_in_lines(lines)
    assert headline is not None and headline.text == "中国工程院举办《院士通讯》地方通讯员培训活动"
    byline = ["记者 张三 通讯员 李四"] + lines[1:]
    headline = find_in_lines(byline)
    assert headline is None
