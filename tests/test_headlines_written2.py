"""Headline-less pages (benchmarks/probe/written.jsonl, round two) where the finder took a line for the
headline, one kind of line a test: a site's contact line with a telephone number and an e-mail address, a
document site's label over the excerpt, a photo's caption with its lender, a subhead under the byline and
the lead of a page that opens in its story. Each page is read as the checker reads it; its title must be
written (no line of the page is its headline), and the line must not lead the body either."""

from __future__ import annotations

import pytest
from test_headlines_round8 import read_page  # the probe's pages, read as the checker reads them

from briefing.config import EditorialSettings
from briefing.editorial.titles import item_title
from briefing.text.headlines import find_in_lines, page_roles, usable

WRITTEN = "probe/written.jsonl"


def written_page(page_id: str):
    article = read_page(page_id, WRITTEN)
    assert article.title_from != "page", f"{page_id}: {article.title!r} taken for the headline"
    return article


@pytest.mark.parametrize("page_id", ["wp-076", "wp-077"])
def test_a_sites_contact_line_is_no_headline(page_id):
    # merchenaries / njaxxm: the fire story, 1、本網站所登載之內容… 2、本網原創之作品… ※ 有關作品版權事宜請聯系:0591-87523908 郵箱:…
    written_page(page_id)
    assert not usable("※ 有关作品版权事宜请联系：0591-87523908邮箱：qzce@163.com")
    assert not usable("投稿邮箱：news@example.com.cn 欢迎来稿")
    assert usable("福清一别墅因小孩玩打火机起火")


def test_a_document_sites_label_is_furniture():
    # jxxfw: 论文部分内容阅读 / 各界专家高度评价：汕头市引才举措时机好、…
    article = written_page("wp-052")
    assert "论文部分内容阅读" not in item_title(article, EditorialSettings().title_max_chars)
    assert not article.body.startswith("论文部分内容阅读")
    assert page_roles(["论文部分内容阅读", "各界专家高度评价：汕头市引才举措时机好、政策实、意义深远。"]).get(0) == "furniture"


def test_a_photo_caption_with_its_lender_is_furniture():
    # asahichinese: photo 塩野義製藥與國立感染症研究所等共同開發中的新型冠狀病毒疫苗(由塩野義製藥提供) / 塩野義製藥於16日…
    article = written_page("wp-063")
    assert not article.title.lower().startswith("photo")
    assert not article.body.lower().startswith("photo")
    title = item_title(article, EditorialSettings().title_max_chars)  # written from the story's first sentence
    assert "photo" not in title.lower() and "临床试验" in title
    # a sentence of the story that ends on its lender stays in it
    assert page_roles(["该疫苗是与国立感染症研究所等进行开发的。图片（由塩野义制药提供）"]).get(0) is None


@pytest.mark.parametrize("page_id, subhead", [
    # cbgc.scol: 川报观察记者 刘春华 / 近日，在省人社厅的组织下，…紧张进行中。 / 38家设站单位拟招博士后1603名 / …
    ("wp-050", "38家设站单位拟招博士后1603名"),
    # 三湘都市报: the lead …相结合的方式。 / ■记者 王智芳 通讯员 黄林凤 / 部分企业50%以上的计划岗位专供应届毕业生 / …
    ("wp-081", "部分企业50%以上的计划岗位专供应届毕业生"),
])
def test_a_subhead_under_the_byline_and_the_lead_is_no_headline(page_id, subhead):
    article = written_page(page_id)
    assert article.title != subhead


def test_a_headline_under_a_dateline_strip_and_a_summary_stays_one():
    # a 鉅亨網 mirror: its date strip, the summary, then the headline (probe-042): no byline over the summary
    lines = ["date 2025-10-23巨亨网编译陈韦廷2025-10-23 13:30",
             "香港交易所医疗健康族群正迎来罕见的 IPO 热潮，从9月21日至10月21日共计17家医疗健康企业提交 IPO 申请，"
             "较2024年同期的4家大幅增加，反映资本市场对医疗健康板块的兴趣明显回升。",
             "一个月17家申请上市！估值修复+流动性改善 港股医药股IPO迎罕见热潮",
             "截至周三 （21日），今年已有22家医疗健康企业登陆港股，其中16档上市首日股价上涨，表现特别亮眼。"
             "从递表企业类型来看，创新药仍是主力，17家中有8家主营溶瘤病毒、放射性药物等领域，另有4家聚焦数位化或 AI 医疗。"
             "递表企业背景亦呈现多样化，既有首次递表的新面孔，也有曾冲刺 IPO 未果的老面孔。"]
    found = find_in_lines(lines)
    assert found is not None and found.text.startswith("一个月17家申请上市")
