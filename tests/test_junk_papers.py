"""A journal paper on a mirror site (cnki, fx361, a 范文网): its apparatus is junk, its text is the
story. And what a pasted page runs into its text: a photo credit, a post's link label, the next
story under a list of links. Lines and pages come from the headline probe
(benchmarks/probe/headlines.jsonl, ids given), the pages these rules were written from; each is
read as the build reads a pasted page.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from briefing.config import EditorialSettings
from briefing.editorial.summarize import Budget, summarize
from briefing.editorial.titles import item_title
from briefing.text.chinese import to_simplified
from briefing.text.junk import line_kind
from briefing.text.normalize import normalize_text

from corpus_pages import main_article
from test_headlines_probe import read_probe_page

SETTINGS = EditorialSettings()


def kind(line: str) -> str | None:
    return line_kind(normalize_text(to_simplified(line)))


@pytest.mark.parametrize("line", [
    # the issue (hp-027, hp-047, hp-029 in traditional script, hp-049)
    "天津市教科院学报 2020年2期",
    "重庆理工大学学报(社会科学) 2020年11期",
    "中國經濟周刊 2024年16期",
    "中国食品药品监管Issue(12):134-141,8.DOI:10.3969/j.issn.1673-5390.2025.12.014",
    # an affiliation with its postcode, bracketed or numbered (hp-031, hp-046, hp-026, hp-093, hp-045, hp-116, hp-057)
    "(西南政法大学,重庆 401120)",
    "(西南财经大学 马克思主义学院,四川 成都 611130)",
    "刘阳,女,南开大学经济学院硕士生(天津 300071)。",
    "1 中國藥科大學 國際醫藥商學院,南京市, 211198",
    "1.华中科技大学同济医学院医药卫生管理学院 湖北武汉 430030",
    "1.武汉大学公共卫生学院/全球健康研究中心 湖北武汉 430071 2.国家卫生计生委卫生发展研究中心 北京 100191",
    "2.068250 河北省承德市,承德多克多网络科技有限公司",
    "1.2601 School of Demography,the Australian National University,Canberra,Australia",
    # headed fields, however long (hp-026)
    "*基金项目:2016年天津市教委社会科学重大项目“推进未来科技城京津合作示范区发展研究”(2016JWZD12)",
    "作者简介:薄文广,男,南开大学经济学院副研究员,硕士生导师(天津 300071)。",
    "中图分类号:F061.5 文献标识码:A 文章编号:2095-5766(2019)03-0139-08 收稿日期:",
    "关键词:双城经济圈成渝",
    "摘要",
    # the keywords on a line of their own (hp-031, hp-116, hp-049)
    "价格虚高;市场失灵;监管俘获;创新机制",
    "公立医院；药品采购；政策分析；效果评价",
    "chimeric antigen receptor T-cell/research progress/quality control/regulatory framework/regulatory policies",
    # the authors with their affiliation marks (hp-116, hp-093, hp-057)
    "王忠海1*毛宗福1李滔2杜文娟1",
    "邢冰冰 1,何天平 2,張大威 2,梁毅 1",
    "赵嘉莹1,高 鹏2,朱勇俊3,罗智健4*",
    # fields in brackets (hp-143, hp-147 of round 5)
    "【关键词】京津冀 高质量发展 动力源 科技创新 【中图分类号】F20 【文献标识码】A",
    "[中图分类号] F124.3 [文献标识码] A [文章编号] 1004-6623(2021)03-0072-08",
    "[作者简介] 刘冬梅,中国科学技术发展战略研究院副院长、研究员,研究方向:农村科技政策、区域科技政策及政府行为分析等。",
    # a reference (hp-049)
    "SUN Qing-yang,LIANG Yi..CAR-T产品研究进展及中美监管政策浅析[J].中国食品药品监管,2025,(12):134-141,8.",
])
def test_a_papers_apparatus_on_a_line_of_its_own_is_front_matter(line):
    assert kind(line) == "front_matter"


@pytest.mark.parametrize("line", [
    "2022-03-01龚松柏",  # hp-046
    "2024-09-02 00:00:00宋杰",  # hp-029
    "2020-12-24 11:13金晓雨",  # hp-047
])
def test_a_date_with_the_authors_names_run_into_it_is_a_dateline(line):
    assert kind(line) == "dateline"


@pytest.mark.parametrize("line", [
    "2024年第3期《求是》杂志发表习近平总书记重要文章",
    "北京市海淀区中关村大街1号，邮编100080。",
    "我国首个国家级医学中心落户北京，总投资210008万元。",
    "记者从北京大学获悉，该校2024年招生计划增加300人。",
    "第十二期全国卫生健康培训班开班",
    "创新、协调、绿色、开放、共享",
    "长三角一体化发展三年行动计划（2024—2026年）",
])
def test_news_that_mentions_an_issue_a_university_or_a_six_digit_number_is_text(line):
    assert kind(line) is None


def test_a_footnote_run_into_a_sentence_goes_and_the_sentences_stay():
    # hp-030: the reference mark, the cited author and the [J]. reference up to its full stop
    text = "基本实现全民覆盖[1]姚力,建立完善的国民基本医疗保障制度[J].中外健康文摘,2012,(1)。。然而,社会医疗保险"
    assert normalize_text(text) == "基本实现全民覆盖。然而，社会医疗保险"


@pytest.mark.parametrize("page_id, authors, opening", [
    ("hp-046", ("龚松柏", "陈兰"), "紧密型县域医共体作为县域城乡公共卫生服务一体化的重要举措"),
    ("hp-031", (), "为解决药品价格虚高及商业贿赂问题"),
    ("hp-048", ("何一民", "崔峰", "何永之"), "成都、重庆作为国家中心城市"),
    ("hp-026", (), "相对于更多由政府主导的交通基础设施互联互通"),  # its 摘要: label goes, the abstract stays
    ("hp-147", ("刘冬梅", "赵成伟"), "成渝城市群逐渐发展成为我国经济的第四大增长极"),  # [摘要] too
    ("hp-143", (), "京津冀地区作为我国创新资源最密集"),  # 【摘要】
])
def test_a_paper_page_opens_with_its_text_and_its_authors_become_metadata(page_id, authors, opening):
    article = read_probe_page(page_id)
    assert article.paragraphs[0].startswith(opening)
    assert set(authors) <= set(article.authors)
    for junk in ("学报", "基金项目", "作者简介", "中图分类号", "摘要"):
        assert junk not in article.body[:400]


@pytest.mark.parametrize("page_id", ["hp-026", "hp-027", "hp-031", "hp-045", "hp-046", "hp-047", "hp-057", "hp-093"])
def test_a_papers_summary_carries_none_of_its_apparatus(page_id):
    summary = summarize(read_probe_page(page_id), Budget(SETTINGS.summary_min_chars, SETTINGS.summary_max_chars))
    assert summary
    for line in summary.split("。"):
        assert kind(line) != "front_matter", line
    assert not any(word in summary for word in ("学报", "基金项目", "作者简介", "中图分类号"))



def test_a_photo_credit_between_caption_and_dateline_goes_and_the_bare_name_is_the_author():
    # hp-013: …授牌仪式。人民网 陈博摄 人民网厦门6月24日电 (陈博)23日下午,…
    article = read_probe_page("hp-013")
    assert article.paragraphs[0].startswith("23日下午，厦门市人力资源和社会保障局")
    assert "陈博" in article.authors and "陈博摄" not in article.body
    assert normalize_text("会议现场。人民网 陈博摄 据悉,本次") == "会议现场。 据悉，本次"
    # a credit that ends a caption's line stays, so the caption is still known as one (a-0025)
    assert normalize_text("技术人员在检修设备。新华社记者 李贺 摄").endswith("摄")


def test_a_posts_closing_link_label_goes():
    # hp-001: a xueqiu post quoting an article ends in the link's label
    assert normalize_text("上海浦东生物医药产业规模达3300亿。 网页链接") == "上海浦东生物医药产业规模达3300亿。"
    assert "网页链接" not in read_probe_page("hp-001").body


def test_the_next_story_under_a_list_of_links_is_not_read_into_this_one():
    # hp-007: 新闻推荐, a linked headline, then that story's own dateline and text
    body = read_probe_page("hp-007").body
    assert "新闻推荐" not in body and "金星合月" not in body
    assert "长三角区域产业协同和信息化合作取得新进展" in body


def test_a_pages_fields_set_as_a_list_go_and_a_paragraph_set_as_a_list_item_loses_its_mark():
    # hp-119: • 来源专题:… | 领域情报网 / • 编译者: changjiang / • 发布时间:… / • 长三角区域一体化是…
    article = read_probe_page("hp-119")
    assert article.paragraphs[0].startswith("长三角区域一体化是差异化")
    # hp-121: an e-paper's 日期:10-21 / 字号: / 版面: fields above the text
    assert read_probe_page("hp-121").paragraphs[0].startswith("不久前，我国首批200名高技能人才")


def test_a_tag_line_a_repeated_handle_a_picture_note_and_page_numbers_go():
    # hp-134: tags above 摘要: on a magazine mirror, which is no paper page, and its abstract
    assert kind("技工教育   技术技能人才   工匠精神   世界技能大赛   参赛选手") == "furniture"
    assert read_probe_page("hp-134").paragraphs[0].startswith("日前，对我国技能选手在第45届世界技能大赛上取得佳绩")
    # hp-158, a one-line blog page: Liheyun, Liheyun 随着…, …措施: (网络配图) 接种…, Pages: 1 2 3
    article = read_probe_page("hp-158")
    assert article.paragraphs[0].startswith("随着2025年冬春季节的到来") and "Liheyun" in article.authors
    assert "配图" not in article.body and "Pages" not in article.body
    assert "措施：接种流感疫苗是预防流感最有效的手段之一" in article.body  # its subhead, said again, run in once
    for title in ("匠心筑梦 技能报国", "新华视点 聚焦两会"):  # a headline of two or three phrases is no tag line
        assert kind(title) is None


def read_junk_probe_page(page_id: str):
    """A page of the junk probe's third round (benchmarks/probe/pages.jsonl), the rules' source."""
    path = Path(__file__).resolve().parent.parent / "benchmarks" / "probe" / "pages.jsonl"
    page = next(p for p in map(json.loads, path.read_text(encoding="utf-8").splitlines()) if p["id"] == page_id)
    return main_article(page)


@pytest.mark.parametrize("line, expected", [
    ("請複製以下鏈接發送給好友", "furniture"),  # probe-110, a share box
    ("攝:Gordon Choi", "credit"),  # probe-108, a Latin name after the credit
    ("#TMHK20210929", "furniture"),  # probe-108, a hashtag alone
    ("上传人:wj 文档编号:8988842 上传时间:2023-05-16 格式:DOCX 页数:27 大小:69.20KB", "furniture"),  # probe-130
    ("中国汽车工程学会标准制修订管理办法.docx_第1页", "furniture"),
    ("第1页 / 共27页", "furniture"),
    ("下载 相关 举报", "furniture"),
    ("亲,该文档总共27页,到这儿已超出免费预览范围,如果喜欢就下载吧!", "furniture"),
])
def test_the_junk_probes_third_round_lines_are_furniture(line, expected):
    assert kind(line) == expected


def test_the_junk_probes_third_round_summaries_and_titles_carry_none_of_it():
    budget = Budget(SETTINGS.summary_min_chars, SETTINGS.summary_max_chars)
    summary = {page: summarize(read_junk_probe_page(page), budget)
               for page in ("probe-101", "probe-110", "probe-111", "probe-117", "probe-118", "probe-119")}
    assert summary["probe-110"].startswith("成渝经济圈是西部人口最为稠密")  # 请复制以下链接发送给好友 gone
    assert "敬请关注" not in summary["probe-117"]  # a promotion's sentence
    assert "如图" not in summary["probe-101"]  # a figure's reference
    assert summary["probe-118"].startswith("2021年，全国已有1万余名高技能人才取得职称")  # the cut teaser (…注...) gone
    lead = "指挥中心成立国产新冠肺炎疫苗受试者招募平台"
    assert summary["probe-119"].count(lead) == 1  # the caption that says the lead again is not taken too
    paper = read_junk_probe_page("probe-111")  # nine names over an affiliation: the paper's authors
    assert summary["probe-111"].startswith("本文深入阐述了《中国药典》2020年版") and "徐昕怡" in paper.authors
    # written titles: no list's tail (以及…, probe-103), no pronoun lent a subject (其中… -> 全国中…, probe-118)
    assert not item_title(read_junk_probe_page("probe-103"), SETTINGS.title_max_chars).startswith("以及")
    assert "全国中" not in item_title(read_junk_probe_page("probe-118"), SETTINGS.title_max_chars)


def test_a_flash_that_lost_its_punctuation_to_spaces_is_no_tag_line():
    assert kind("国家卫健委 今日发布 新冠疫苗 接种指南 明确 老年人 优先接种 各地 医疗机构 做好准备") is None


def test_a_papers_subtitle_and_first_numbered_heading_are_neither_text_nor_authors():
    # hp-047: ——从产业分工走向功能分工 / … / 金晓雨,张 婷 / (重庆理工大学 经济金融学院, 重庆 400054) / 一、引言 / 2020年1月3日,…
    article = read_probe_page("hp-047")
    assert {"金晓雨", "张婷"} <= set(article.authors) and "引言" not in article.authors
    assert article.paragraphs[0].startswith("2020年1月3日，中央财经委员会第六次会议")


@pytest.mark.parametrize("line", [
    "貨車鷗翼車門「未關妥就上路」 途中攔腰撞斷號誌燈桿!|👉小編推新聞 20260312#shorts",  # probe-121's video list
    "轎車下坡失控「暴衝飛起」! 猛撞3車再撞民宅釀3傷|👉小編推新聞 20260312 #shorts",
    "民主國家不願武裝 正中侵略者下懷?|@華視三國演議 #shorts",
])
def test_a_video_lists_item_with_its_channel_and_hashtag_is_furniture(line):
    assert kind(line) == "furniture"


@pytest.mark.parametrize("line", [
    "财经聚焦·地方两会经济“拼”图|拼合力!2026年三大国际科技创新中心建设启新篇",  # probe-098: a kicker's bar, no hashtag
    "时事脉搏 | 2020-01-30 16:37",
])
def test_a_headline_with_a_bar_but_no_hashtag_is_not_a_video_item(line):
    assert kind(line) != "furniture"


def junk_probe_summary(page_id: str) -> str:
    return summarize(read_junk_probe_page(page_id), Budget(SETTINGS.summary_min_chars, SETTINGS.summary_max_chars))


def test_the_teasers_of_a_list_of_links_after_the_story_are_not_read_into_it():
    # probe-098: 相关推荐 / a headline / its teaser / 海关监管创新助力长三角外贸前11个月增长6.2% / 来自海关部门的统计显示，…
    article = read_junk_probe_page("probe-098")
    for other in ("海关监管创新", "来自海关部门的统计显示", "记者从近期召开的地方两会", "姑苏繁华图"):
        assert other not in article.body
    assert article.paragraphs[-1].startswith("据悉，联盟将进一步推动高端要素集聚")  # the story's own last paragraph stays
    assert "海关" not in junk_probe_summary("probe-098")


def test_an_aggregators_cut_snippets_of_other_stories_go_and_the_storys_keep_their_whole_sentences():
    # probe-107: lines cut with ` ...`, two of them other stories' (三星s9, 獐子岛)
    article = read_junk_probe_page("probe-107")
    for other in ("三星s9", "獐子岛", "袁国勇说", "..."):
        assert other not in article.body
    assert "向医管局拨出五百亿元，用作营运基金，改善医疗服务，并且在经济转差时，也都可以维持。" in article.body
    assert "医管局表示，卫生署早前增加订购的季节" in article.body  # the story's own snippet (医管局) stays
    assert "三星s9" not in junk_probe_summary("probe-107")


def test_a_link_headline_that_names_its_speaker_is_not_glued_to_its_teaser():
    # probe-109, a 专题 page: 唐良智：推动双城经济圈建设开好局起好步 / 4月21日，唐良智主持召开…
    article = read_junk_probe_page("probe-109")
    assert not any(p.startswith("唐良智：") for p in article.paragraphs)
    assert any(p.startswith("4月21日，唐良智主持召开市政府党组") for p in article.paragraphs)
    assert "起好步4月21日" not in junk_probe_summary("probe-109")


def test_a_speakers_sentence_after_a_full_stop_is_still_text():
    # a line of the same shape with punctuation in it is the story's (probe-113's 习近平总书记指出：…，…)
    page = {"id": "guard", "url": "", "raw": "陈敏尔:唱好“双城记” 建好“经济圈”\n\n"
            "唱好“双城记”、建好“经济圈”,最根本的是集中精力办好重庆自己的事情。\n"
            "唐良智:推动双城经济圈建设,开好局\n起好步。"}
    article = main_article(page)
    assert "唐良智：推动双城经济圈建设，开好局起好步。" in article.body


def test_a_figures_numbered_label_and_a_bracketed_number_heading_are_not_glued_to_the_text():
    # probe-101: (1)长三角医药产业链 / 长三角地区医药行业… / 图1-4 长三角地区医药行业产业链 / 长三角医药产业链上游…
    assert kind("图1-4 长三角地区医药行业产业链") == "caption"
    article = read_junk_probe_page("probe-101")
    assert "图1-4长三角" not in article.body and "产业链长三角" not in article.body
    assert any(p.startswith("长三角医药产业链上游的医药原料") for p in article.paragraphs)
    # the sentence that points at the figure is the story's (its 如图 is the summary's to drop)
    assert kind("产业链主要由三部分组成:医药原料;医药研发与制造;医药流通,如图1-4所示。") is None


def test_a_line_of_japanese_on_a_chinese_page_goes_whole_with_the_filler_between_its_spam():
    # probe-026: 男女免费污しかし彼は… 中国中小企业发展指数的分项指数中，…上升。QOrRLA-V2cM2Ipw9TnX38M0FaJTR-<the headline>
    article = read_junk_probe_page("probe-026")
    assert "中小企业发展指数" not in article.body
    assert article.paragraphs[0].startswith("当天，国务院新闻办公室举行国务院政策例行吹风会")
    assert "中小企业" not in junk_probe_summary("probe-026")


def test_a_run_of_bare_labels_one_a_line_is_a_menu_not_the_storys_text():
    # probe-109: 成渝新图景 / 凰家对话录 / 凤观经济圈 / 联动谋双赢 / 唱好“双城记”，建好“经济圈”。…, and 警务 / 旅游 / … / 双城朋友圈
    article = read_junk_probe_page("probe-109")
    for label in ("成渝新图景", "凰家对话录", "警务旅游", "双城朋友圈"):
        assert label not in article.body
    assert any(p.startswith("唱好“双城记”，建好“经济圈”。4个多月的时间") for p in article.paragraphs)
    # two short lines are no menu: hp-106's short headline over its dateline is still read
    assert read_probe_page("hp-106").title == "再过伶丁洋"


@pytest.mark.parametrize("line", [
    "打开文本图片集",  # b-0117 (tune): glued to the lead (打开文本图片集人类驯养动物的历史…)
    "摘錄自聯合報苗栗報導",  # c-0090 (tune), over the column's standing note
    "本單元由編輯部摘錄每日重要新聞,讓讀者能快速掌握過去24小時內,台灣及世界各地發生的環境大小事,並作為環境事件的歷史紀錄。",
])
def test_a_pictures_placeholder_and_a_columns_standing_note_are_furniture(line):
    assert kind(line) == "furniture"


@pytest.mark.parametrize("line", [
    "本栏目今起推出特别节目《“器”质不凡》,带您去领略一个个大国重器的风采,今天播出第一篇《追光:一束光穿透微观世界》。",  # a-0027
])
def test_a_columns_note_that_tells_the_story_is_text(line):
    assert kind(line) != "furniture"


def test_a_trending_lists_item_above_the_story_is_not_read_into_it():
    # probe-105 (巴士的報): 林作鍾培生百萬擂台戰合約曝光 分4回合決鬥每回合兩分鐘 / Top 1 / the vaccine story
    article = read_junk_probe_page("probe-105")
    assert article.paragraphs[0].startswith("曾浩辉指，届时全港18区")
    assert not any("擂台" in p for p in article.paragraphs) and "擂台" not in article.title
    summary = summarize(article, Budget(SETTINGS.summary_min_chars, SETTINGS.summary_max_chars))
    assert "擂台" not in summary and "接种中心" in summary
    assert "擂台" not in item_title(article, SETTINGS.title_max_chars)


def test_a_ranked_line_of_the_story_itself_stays():
    from briefing.text.junk import trending_items

    # TOP10城市… is a headline about a ranking, not a rank label; a sentence beside a label is prose
    assert trending_items(["TOP10城市创新指数发布 北京居首", "北京创新指数连续三年居首。"]) == set()
    assert trending_items(["另一条新闻的标题", "No.3", "曾浩輝指,屆時全港18區最少有一個接種中心。"]) == {0, 1}


# --- the junk probe's fourth round (probe-131 … probe-165): what the cleaner kept in the text ----------

def read_pasted(raw: str):
    """A made-up page of real lines, read as the build reads a pasted page."""
    return main_article({"id": "pasted", "raw": raw})


def summary_of(page_id: str) -> str:
    return summarize(read_junk_probe_page(page_id), Budget(SETTINGS.summary_min_chars, SETTINGS.summary_max_chars))


def test_another_storys_question_headline_in_a_list_of_links_does_not_end_the_list():
    # probe-140 (中通社): 視頻 / 更 多 / 通觀兩會|… / 【通說環球】…? / (全國兩會)如何解讀…的涉台內容? / 北京行程滿滿 …
    summary = summary_of("probe-140")
    assert "涉台" not in summary and "李家超" not in summary and "经济增速" not in summary
    assert "林文健" in summary


def test_a_question_in_the_story_after_a_subhead_stays():
    from briefing.text.clean import _is_question_headline

    assert _is_question_headline("（全國兩會）如何解讀2026年政府工作報告的涉台內容？")
    # a story's own question has a clause before it (probe-154's transcript)
    assert not _is_question_headline("站在老百姓的角度，他们很关心或担心的有二点？")


def test_a_gallerys_counters_are_taken_and_each_caption_stands_alone():
    # probe-158: 1/8 這是“全球最大醫院”… / 2/8 …醫院的病床達到了10000張 / 3/8 醫院的手術量也非常高…
    article = read_junk_probe_page("probe-158")
    assert not any(p[:1].isdigit() and "/8" in p[:4] for p in article.paragraphs)
    assert not any("10000张医院" in p for p in article.paragraphs)  # not glued to the next caption
    assert "3/8" not in summary_of("probe-158")


def test_a_fraction_opening_a_story_line_is_no_gallery_counter():
    article = read_pasted("城市更新调查\n\n1/3的居民表示愿意参与老旧小区改造,调查覆盖全市16个区。\n\n"
                          "2/3的受访者认为社区服务有待加强,其中老年人占多数。\n")
    assert article.paragraphs[0].startswith("1/3的居民")


def test_toneless_pinyin_throughout_a_page_is_taken_out():
    # probe-157 (每经 copy): 截至(zhi)12月10日,全(quan)球(qiu)… and 一(yi)家 on a line with two
    summary = summary_of("probe-157")
    assert "截至12月10日，全球至少有40个国家" in summary
    assert not re.search(r"[（(][a-z]{1,6}[）)]", summary)


@pytest.mark.parametrize("line", [
    "世界卫生组织（WHO）表示，莫德纳（Moderna）的疫苗对变异株有效。",
    "微信（wechat）和支付宝（alipay）都接入了预约平台，国药集团（sinopharm）也在列。",
])
def test_a_bracketed_latin_word_after_a_chinese_one_stays(line):
    from briefing.text.junk import strip_pinyin, strip_toneless_pinyin

    assert strip_pinyin(normalize_text(line)) == normalize_text(line)
    assert strip_toneless_pinyin([normalize_text(line)] * 3) == [normalize_text(line)] * 3


def test_a_tables_note_and_a_column_label_do_not_open_the_summary():
    assert summary_of("probe-136").startswith("进入20世纪")  # 注：有*标注的建设—运行起始时间为…
    assert summary_of("probe-133").startswith("港区全国人大代表")  # 大公/评论：港区全国人大代表…


def test_a_line_that_opens_with_a_notes_word_stays():
    article = read_pasted("专家解读\n\n注重基层首诊,是分级诊疗的第一步。记者了解到,全市已有120家社区医院开展签约服务。\n")
    assert article.paragraphs[0].startswith("注重基层首诊")


def test_a_mirrors_date_and_english_outlet_over_the_lead_are_taken():
    # probe-145 (wn.com): 2025-10-17, / People Daily / 近日,第三届全国技能大赛圆满落幕。
    assert summary_of("probe-145").startswith("近日，第三届全国技能大赛圆满落幕")
    assert kind("2025-10-17,") == "dateline" and kind("People Daily") == "outlet"
    assert kind("120 2025-04-19") == "dateline"  # probe-162: the view count and the date


def test_a_headline_with_a_date_and_a_number_stays_a_headline():
    assert kind("2024年7月1日起 一批新规施行") is None
    assert kind("People Daily reports record vaccination numbers") != "outlet"


def test_an_images_bracketed_caption_does_not_open_the_summary():
    # probe-162: 【 醫院 油畫 (源于網絡)】“我頂你個肺!…
    article = read_junk_probe_page("probe-162")
    assert not any("源于网络" in p for p in article.paragraphs)
    assert "源于网络" not in summary_of("probe-162")


def test_a_features_production_credits_are_not_its_text():
    # probe-151 (羊城晚报): 總策劃:劉海陵 林海利 / 統  籌:林兆均 王紅虹 / 執  行:羊城晚報全媒體記者 … over the lead
    article = read_junk_probe_page("probe-151")
    assert article.paragraphs[0].startswith("瞄准大湾区先进制造业中心的东莞")
    assert not any("总策划" in p or "统筹" in p for p in article.paragraphs)


def test_a_line_that_names_a_role_in_a_sentence_stays():
    article = read_pasted("项目进展\n\n统筹：全市卫生健康系统,把基层首诊落到实处。记者了解到,全市已有120家社区医院开展签约服务。\n")
    assert article.paragraphs[0].startswith("统筹")


def test_a_headline_glued_to_its_lead_is_taken_off_the_lead():
    # probe-165: 張文宏:預計新冠肺炎疫苗最快2021年3至6月面市上海市新冠肺炎醫療救治專家組組長…
    assert summary_of("probe-165").startswith("上海市新冠肺炎医疗救治专家组组长")


def test_a_lead_that_says_its_headline_and_goes_on_after_a_mark_keeps_it():
    from briefing.text.clean import _without_glued_title

    key = "张文宏：预计新冠肺炎疫苗最快2021年3至6月面市"
    lead = key + "，他在接受采访时说，战胜疫情最终还要靠疫苗。"
    assert _without_glued_title(lead, key) == lead
    assert _without_glued_title(key + "上海市新冠肺炎医疗救治专家组组长张文宏5月15日表示，现在世界是关着的。", key) \
        .startswith("上海市")


def test_an_editors_note_keeps_its_text_and_loses_its_label():
    # hp-190: 编者按：1月22日，四川省第十四届人民代表大会第二次会议开幕。…
    article = read_probe_page("hp-190")
    assert article.paragraphs[0].startswith("1月22日，四川省第十四届人民代表大会第二次会议开幕")
    summary = summarize(article, Budget(SETTINGS.summary_min_chars, SETTINGS.summary_max_chars))
    assert "编者按" not in summary and summary.startswith("1月22日")
    # a sentence that only names an editor's note is the story's
    plain = main_article({"id": "x", "url": "", "raw": "关于编者按的写法\n编者按是编辑对文章所加的评论和说明，多置于文章之前。记者了解到，这种写法由来已久，许多报刊至今沿用。"})
    assert plain.paragraphs[0].startswith("编者按是编辑对文章所加的评论")


def test_lines_shaped_like_furniture_that_are_the_storys_own_stay():
    from briefing.text.headlines import page_roles
    from briefing.text.junk import trending_items

    # a ranking story's own paragraphs open with the rank
    ranking = ["No.1 北京：2023年GDP达4.38万亿元，同比增长5.2%。", "Top 3 上海：全年新增高新技术企业超过6000家。"]
    assert trending_items(ranking) == set()
    # a sentence citing a journal's issue is no running header
    cited = "研究发表于《中华医学杂志》2023年第103卷第25期，样本覆盖全国31个省份的两万名患者。"
    assert page_roles(["标题", cited]) == {}
    # a share that opens a sentence is no gallery's counter
    from briefing.text.clean import _gallery_of

    assert _gallery_of("1/3的受访者表示愿意接种。") == 0 and _gallery_of("1/3这是“全球最大医院”的门诊大厅") == 3
