"""Headline-less pages of the written probe's round five (benchmarks/probe/written.jsonl) where the finder took
a line of the page for the headline: a financial wire's stock, code and quote cut from the sentence it opens, a
gov page's skip link, a release's kind over the release. Each page is read as the checker reads it; its title
must be written from the story. (Round six stays held out: no rule here is written from it.)"""

from __future__ import annotations

import pytest
from test_headlines_written2 import WRITTEN, written_page
from test_headlines_round8 import read_page

from briefing.config import EditorialSettings
from briefing.editorial.titles import item_title, title_origin
from briefing.text.headlines import usable
from briefing.text.junk import line_kind

CAP = EditorialSettings().title_max_chars


@pytest.mark.parametrize("page_id, code, subject", [
    # AASTOCKS: 10月9日|長春高新(000661.SZ) -0.750 (-0.577%) 公告稱,公司子公司百克生物收到…
    ("wp-179", "000661", "长春高新"),
    # 山东新华制药(00719.HK) +0.010 (+0.173%) 公布,其全资子公司新达制药收到…
    ("wp-182", "00719", "山东新华制药"),
])
def test_a_stock_and_its_quote_open_the_sentence_not_a_headline(page_id, code, subject):
    article = written_page(page_id)
    assert title_origin(article) == "written"
    assert code not in item_title(article, CAP)
    assert article.paragraphs[0].startswith(subject)  # the stock stays the sentence's subject


def test_a_skip_link_and_a_releases_kind_are_furniture():
    # 衛福部: 按 Enter 到主內容區 / ::: / 衛福部LOGO / ::: / 105年衛生福利部新聞 / 為使國人獲得…
    assert line_kind("按 Enter 到主内容区") == "furniture"
    assert line_kind("跳到主要内容") == "furniture"
    assert line_kind("105年卫生福利部新闻") == "furniture"
    assert line_kind("景气动向调查新闻稿") == "furniture"  # 台經院 (wp-201)
    article = written_page("wp-183")
    assert title_origin(article) == "written"
    assert "170件新药" in item_title(article, CAP)


def test_story_lines_like_them_stay_text():
    assert line_kind("跳到主要内容的改版方案已于昨日通过评审，将于下月上线。") is None
    assert line_kind("卫福部发布新闻稿说明疫苗采购进度") is None
    assert line_kind("2024年卫生福利部新闻发布会将于明日举行") is None


def test_a_body_and_its_verb_broken_off_its_object_is_no_headline():
    # 徐工: 近日 / 中华全国总工会公布 / 100家重点支持工匠学院名单 / 徐工技师学院榜上有名 / … (a post's sentence in short lines)
    assert not usable("中华全国总工会公布")
    assert not usable("国家卫生健康委员会近日印发")
    assert usable("2024年重点支持工匠学院名单公布")
    assert usable("教育部公布2024年高考时间")
    # (the line under it, the object, is then taken: a page line still, but what was announced)
    article = read_page("wp-191", WRITTEN)
    assert item_title(article, CAP) != "中华全国总工会公布"


def test_a_logos_alt_text_is_furniture_not_the_leads_first_words():
    # 衛福部: … / ::: / 衛福部LOGO / ::: / 105年衛生福利部新聞 / 為使國人獲得與國際同步之創新藥品，…
    assert line_kind("卫福部LOGO") == "furniture"
    assert line_kind("央视发布新LOGO") is None
    assert not written_page("wp-183").paragraphs[0].startswith("卫福部")
