"""Item titles on real pages of the tune split (benchmarks/corpus, ids given): what a pasted page
shows that is no headline (a caption, a credit, a byline, a breadcrumb, a comment box, a chapter
heading), headlines with furniture glued on, and headlines written from the lead."""

from __future__ import annotations

import pytest

from briefing.config import EditorialSettings
from briefing.editorial.titles import item_title, title_origin
from briefing.text.chinese import to_simplified
from briefing.text.headlines import usable
from briefing.text.normalize import normalize_text

from corpus_pages import read_tune_page, tune_page

CAP = EditorialSettings().title_max_chars


def shown(page_id: str) -> str:
    """The page's raw text as the build reads it: simplified characters, normalised."""
    return normalize_text(to_simplified(tune_page(page_id)["raw"]))


@pytest.mark.parametrize("page_id, line", [
    ("a-0017", "这是9月30日在巴西里约热内卢拍摄的美丽山特高压输电二期项目里约换流站（无人机照片）"),
    ("a-0150", "从空中拍摄的上海65米射电天文望远镜建设工地"),
    ("b-0053", "（大公文汇全媒体新闻中心供稿）"),
    ("b-0110", "图1手术机器人基本构成"),
    ("a-0070", "全国降水量预报图。图据中央气象台网站 中新网10月23日电"),
    ("c-0068", "学测今天成绩公布，上午九时开查询。图/资料照片"),
    ("c-0068", "记者曾博群台北报导"),
    ("c-0141", "首页 -> 头条"),
    ("b-0026", "你好东方经济网，欢迎发表评论 取消回复"),
    ("b-0030", "没有更多内容"),
    ("a-0037", "第一章 创新要素的跨域流动"),
])
def test_a_caption_credit_byline_breadcrumb_or_chapter_heading_is_no_headline(page_id, line):
    assert line in shown(page_id)
    assert not usable(line)
    article = read_tune_page(page_id)
    assert line not in (article.title, item_title(article, CAP))


def test_a_headline_keeps_its_words_and_loses_the_share_bar_glued_to_it():
    assert "河套香港园区下半年开园分享到：" in shown("c-0141")
    article = read_tune_page("c-0141")
    assert article.title == "河套香港园区下半年开园" and article.title_from == "page"


def test_a_headline_the_page_prints_twice_on_one_line_is_read_once():
    assert "新盘「顶烂市」 楼价又跌 新盘「顶烂市」 楼价又跌" in shown("c-0157")
    assert read_tune_page("c-0157").title == "新盘「顶烂市」 楼价又跌"


def test_a_page_whose_only_bracketed_line_is_a_credit_gets_a_written_title_about_its_news():
    page = tune_page("b-0053")  # （大公文汇全媒体新闻中心供稿） above a story of the 五一 holiday's first day
    assert not page["headline_in_text"]
    article = read_tune_page("b-0053")
    assert title_origin(article) == "written"
    title = item_title(article, CAP)
    assert "2319万人次" in title and len(title) <= CAP
