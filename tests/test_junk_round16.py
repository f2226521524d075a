"""Junk the junk probe's round 16 found by eye (benchmarks/probe/pages.jsonl, probe-455 … probe-487): a video player's
messages and a teaser cut after its speaker, a search page's `...全文` links, an interview's role credits (主持/…,
访谈者/…) and its placed-people caption, a caption's contributor (…。何健欢 供稿) and a caption run into the paragraph
under it (…。图为闭幕式现场。国璇 摄人力…), a journal database's online-date note and page count, a porn list closed by a
full stop, a portal's call for tips and its note on readers' comments, a WeChat copy's `白莉华,等 中国医学伦理学` line,
a list page's items stamped with their time and channels, and a structured abstract's 目的/方法/结果 labels (with
hp-457, left from the headline probe's round 17). Each test holds the page's own lines (traditional where the page is),
or reads the probe page as the checker does."""

from __future__ import annotations

import pytest
from test_headlines_round8 import read_page  # a probe page, read as the checker reads it
from test_junk_round12 import article, kind  # the same reading of a probe page's lines

from briefing.config import EditorialSettings
from briefing.editorial.summarize import Budget, summarize
from briefing.editorial.titles import item_title
from briefing.text.bylines import is_caption


def summary_of(page_id: str, path: str = "probe/pages.jsonl") -> str:
    settings = EditorialSettings()
    return summarize(read_page(page_id, path), Budget(settings.summary_min_chars, settings.summary_max_chars))


def title_of(page_id: str) -> str:
    return item_title(read_page(page_id, "probe/pages.jsonl"), EditorialSettings().title_max_chars)


@pytest.mark.parametrize("line, expected", [
    # probe-475: the summary's last sentence was 请登录《阳光连线》、拨打新闻热线…提供新闻线索。
    ("想爆料?請登錄《陽光連線》( https://minsheng.iqilu.com/)、撥打新聞熱線0531-66661234或96678,或登錄齊魯網官方微博(@齊魯網)"
     "提供新聞線索。齊魯網廣告熱線0531-81695052,誠邀合作伙伴。", "furniture"),
    ("網友評論僅供網友表達個人看法,并不表明齊魯網同意其觀點或證實其描述我來", "furniture"),
    # probe-471: glued to the summary's end as …2018-10-31（万方平台首次上网日期，不代表论文的发表时间）共2页50-51。
    ("2018-10-31(万方平台首次上网日期,不代表论文的发表时间)", "furniture"),
    ("共2页", "furniture"),
    ("50-51", "furniture"),
    # probe-474: the summary opened on 中文字幕一级黄色A级片|免费特级毛片。
    ("中文字幕一级黄色A级片|免费特级毛片。性欧美日本|偷拍亚洲欧美1级片|成人黄色中文小说网|A级片视频在线观看|老司机网址在线观看"
     "|免费一级无码激情黄所|欧美三级片区精品网站999|日韩av超碰日本青青草成人|一区二区亚洲AV婷婷", "spam"),
    # probe-457: the title was 访谈者/陈肇始 食物及卫生局局长, the summary opened on 视频播放/「镜新闻YouTube频道」…
    ("訪談者/陳肇始 食物及衛生局局長", "credit"),
    ("視頻播放/「鏡新聞YouTube頻道」、Facebook、微博、華人頭條", "credit"),
    ("主辦/鏡報基金", "credit"),
    ("主持/周伯展醫生 鏡報顧問", "credit"),
    ("陳肇始局長(右)及周伯展醫生(左)", "caption"),  # glued before the interview's first question
    # probe-478: glued into the abstract the summary opened on (白莉华，等中国医学伦理学对生物样本库…)
    ("2017-12-14 白莉华,等 中国医学伦理学", "byline"),
    # probe-455: a video player's messages when its video did not load
    ("Video Player is loading.", "furniture"),
    ("The media could not be loaded, either because the server or network failed or because the format is not supported.",
     "furniture"),
])
def test_round16_lines_are_furniture(line: str, expected: str) -> None:
    assert kind(line) == expected


# the story's own lines with the same words, none of them furniture (each rule's guard)
STORY_LINES = ("市民可拨打新闻热线反映问题，记者将跟进报道。", "2018年10月31日，该论文在万方平台上线。",
               "本次活动由市卫健委主办，共有50多家医院参加。", "主持人：各位观众大家好，欢迎收看本期节目。",
               "2017年，白莉华等人在《中国医学伦理学》发表论文，分析了生物样本库的伦理问题。",
               "他表示，该药可用于治疗毛细血管扩张症。")


def test_round16_story_lines_stay() -> None:
    assert [line for line in STORY_LINES if kind(line) is not None] == []


def test_a_caption_with_its_contributor_is_a_caption() -> None:
    # probe-465: 2019年广东“众创杯”…颁奖仪式。何健欢   供稿, its credit glued into the summary (…主办。何健欢供稿现场举行…)
    assert is_caption("2019年广东“众创杯”博士博士后创新赛颁奖仪式。何健欢   供稿")
    assert not is_caption("本次活动由广东省人社厅、江门市人民政府主办。市人社局宣传科供稿")  # (a story's paragraph and its office)
    assert "供稿" not in summary_of("probe-465")


def test_a_caption_run_into_the_paragraph_under_it_goes() -> None:
    # probe-464: 10月28日，…在山东省烟台市闭幕。图为闭幕式现场。国璇 摄人力资源和社会保障部…李金生介绍，…
    body = read_page("probe-464", "probe/pages.jsonl").body
    assert "图为闭幕式现场" not in body and "国璇摄" not in body
    assert "\n人力资源和社会保障部专业技术人员管理司司长" in body  # the paragraph's own text stays, whole
    assert "烟台市闭幕。" not in summary_of("probe-464")


def test_a_teaser_cut_after_its_speaker_keeps_no_empty_clause() -> None:
    # probe-455: …手术轮候时间持续增加。医务衞生局局长卢宠茂今早（29日）在电台节目表示，本港 ... (a summary ending on 表示。)
    assert not summary_of("probe-455").endswith("表示。")
    para = article(["受疫情影响，医管局多项专科门诊轮候时间持续增加。局长今早在电台节目表示，本港 ..."]).body
    assert para == "受疫情影响，医管局多项专科门诊轮候时间持续增加。"


def test_a_search_pages_links_go_with_their_cut_snippets() -> None:
    # probe-456: …黎德荣行医逾30年, ...全文 / …每天风雨不改地准备疫情记者会，大家在 ...全文 glued into the summary
    assert "全文" not in summary_of("probe-456")


def test_a_list_pages_stamped_item_is_read_alone() -> None:
    # probe-479: 糖尿病患者数年增18万！2025/12/16 17:44生活医药肠病毒脱离流行期！…【记者林芳如/台北报导】… in the summary
    summary = summary_of("probe-479")
    assert "2025/12/16" not in summary and "肠病毒" not in summary
    assert summary.startswith("台湾糖尿病患者人数累积达约245万人")


def test_a_structured_abstracts_labels_go_from_the_summary() -> None:
    # probe-474 (目的： / 方法： / 结果与结论： on lines of their own) and hp-457 (摘要:目的:…。方法:…。结果:…。结论:… inline)
    for summary in (summary_of("probe-474"), summary_of("hp-457", "probe/headlines.jsonl")):
        assert not any(label in summary for label in ("目的：", "方法：", "结果：", "结论：", "结果与结论："))
    assert summary_of("probe-474").startswith("研究美国食品药品监督管理局")
    # a story's own 结果： with no 目的 above it stays
    assert "结果：" in article(["记者问：检测结果如何？", "结果：全部合格。"]).body


@pytest.mark.parametrize("page_id, leak", [
    ("probe-471", "万方平台"), ("probe-475", "新闻线索"), ("probe-474", "黄色"), ("probe-478", "白莉华"),
    ("probe-457", "视频播放"),
])
def test_round16_summaries_are_clean(page_id: str, leak: str) -> None:
    assert leak not in summary_of(page_id)


def test_an_interviews_credit_is_no_title_and_its_headline_is() -> None:
    # probe-457: the title was 访谈者/陈肇始 食物及卫生局局长; the headline 防控疫情 推行三層檢測──訪食物及衛生局陳肇始局長 (2021.2)
    # was read as garbled for its box-drawing dash
    from briefing.text.normalize import normalize_text

    assert title_of("probe-457").startswith("防控疫情 推行三层检测")
    assert normalize_text("推行三層檢測──訪食物及衛生局陳肇始局長") == "推行三層檢測——訪食物及衛生局陳肇始局長"
    assert normalize_text("┌──────┐") == "┌──────┐"  # a table's border is no dash


def test_a_spaced_reporters_name_with_the_story_straight_after_it_is_a_byline() -> None:
    # probe-397 (left from round 14): 消息来源：上海证券报 上证报中国证券网讯记者 宋薇萍作为长三角一体化发展的重要平台之一，…
    from briefing.text.bylines import lead_byline

    lead = lead_byline("消息来源：上海证券报 上证报中国证券网讯记者 宋薇萍作为长三角一体化发展的重要平台之一，长三角G60科创走廊…")
    assert lead is not None and lead.authors == ("宋薇萍",) and lead.rest.startswith("作为长三角一体化发展")
    assert lead_byline("记者在现场看到，市民排起长队。") is None  # no name: the story's own 记者
    assert summary_of("probe-397").startswith("作为长三角一体化发展的重要平台之一")


def test_letters_before_a_numbered_heading_go() -> None:
    # probe-439 (left from round 15): the summary opened on KJ 一、医院简介华中科技大学…
    assert not summary_of("probe-439").startswith("KJ")
    assert "GPT" in article(["GPT 模型一、二代的差别在于参数规模，研究团队介绍。"]).body  # (not before a heading)


def test_a_closing_quote_opening_the_headline_line_opens_it() -> None:
    # probe-471: ”关注小环境,共享大健康”——第30个爱国卫生月活动, read as no headline for its quotes and glued to the lead
    from briefing.text.normalize import normalize_text

    assert normalize_text("”关注小环境,共享大健康”——第30个爱国卫生月活动") == "“关注小环境，共享大健康”——第30个爱国卫生月活动"
    assert title_of("probe-471").startswith("“关注小环境，共享大健康”")
    assert not summary_of("probe-471").startswith("”")
    assert normalize_text("”他说。") == "”他说。"  # (no second quote: left as it is)
