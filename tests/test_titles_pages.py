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


def test_an_injected_word_glued_to_the_headline_and_to_the_story_goes_a_word_of_the_story_stays():
    assert "土建已完成85%赛博体育" in shown("c-0015") and "赛博体育新京报快讯" in shown("c-0015")
    assert read_tune_page("c-0015").title == "怀柔科学城综合极端条件实验装置项目土建已完成85%"
    # the story under these headlines opens with their last words: 开园…, 天马望远镜…
    assert read_tune_page("c-0140").title == "河套深港科技创新合作区香港园区明日正式开园"
    assert read_tune_page("a-0151").title.endswith("上海天文台天马望远镜")


@pytest.mark.parametrize("page_id, said, written", [
    # the day the story happened is the story's: 研究院29日在广州高新区揭牌
    ("a-0046", "粤港澳大湾区协同创新研究院29日在广州高新区揭牌", "粤港澳大湾区协同创新研究院在广州高新区揭牌"),
    ("b-0104", "特瑞普利单抗注射液17日获批上市", "首个国产PD-1抗体药物特瑞普利单抗注射液获批上市"),
])
def test_a_written_headline_leaves_out_the_day_inside_its_clause(page_id, said, written):
    assert not tune_page(page_id)["headline_in_text"] and said in shown(page_id)
    assert item_title(read_tune_page(page_id), CAP) == written


def test_a_day_to_come_and_the_了_of_为了_stay_in_a_clause():
    from briefing.editorial.titles import _tidy

    assert "将于5月26日起试运行" in shown("b-0069")  # 门急诊楼…将于5月26日起试运行: when it opens is news
    assert _tidy("门急诊楼将于5月26日起试运行") == "门急诊楼将于5月26日起试运行"
    assert "我院为了改善群众门诊就医拥挤状况" in shown("b-0069")
    assert _tidy("我院为了改善群众门诊就医拥挤状况") == "我院为了改善群众门诊就医拥挤状况"
    assert "EAST完成了主机总装" in shown("a-0111")  # but a done deed loses its 了, as headlines write it
    assert _tidy("EAST完成了主机总装以及各分系统的研制和安装工作") == "EAST完成主机总装以及各分系统的研制和安装工作"
