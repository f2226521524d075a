"""Junk out, facts kept: every kind of page furniture issue 11 lists, on lines copied from real
pages (the tune split of benchmarks/corpus, ids given) and from the issue's own examples.

Each line is judged as the build judges it: converted to simplified characters and normalised
first (the pages are read that way), then named by text/junk.py.
"""

from __future__ import annotations

import pytest

from briefing.config import EditorialSettings
from briefing.editorial.candidates import candidates
from briefing.editorial.summarize import Budget, summarize
from briefing.editorial.titles import item_title
from briefing.text.chinese import to_simplified
from briefing.text.junk import is_garbled, line_kind, strip_markup, strip_pinyin, without_spam
from briefing.text.normalize import normalize_text

from corpus_pages import read_tune_page, tune_page

SETTINGS = EditorialSettings()


def kind(line: str) -> str | None:
    return line_kind(normalize_text(to_simplified(line)))


@pytest.mark.parametrize("line, expected", [
    # spam: injected porn / gambling / SEO lines (a-0048, a-0118, a-0151 of the tune split; the issue)
    ("小明永久免费大陆在线观看-小明永久免费视频-小明永久视频免费播放-小嫩妇好紧好爽再快视频-小嫩嫩12欧美-小日本xxx", "spam"),
    ("一个人看aaaa免费中文-一个色综合网-一国产大片在线观看-一机毛片-毛片特黄-毛片随便看", "spam"),
    ("老公阳痿www.example.com", "spam"),
    ("网站建设-SEO优化", "spam"),
    # nav: menu bars and menu items (the issue; b-0036, a-0109)
    ("美妇网 | 发型 | 着装 | 健康 |", "nav"),
    ("  • 产品中心", "nav"),
    # a-0115 (明报): spaced items longer than four characters, run into the lead once lines were joined
    ("即时新闻 即时港闻 即时热点 即时娱乐 即时经济 即时地产 即时两岸 即时国际 即时体育 即时文摘 专题报道 图辑 即时新闻总览", "nav"),
    # breadcrumb (the issue; a-0032, a-0088, a-0078)
    ("人民网>>四川频道>>综合栏目", "breadcrumb"),
    ("您当前的位置:首页 > 新闻中心 > 国内新闻", "breadcrumb"),
    ("当前位置:首页 > 新闻资讯 > 高校资讯 >", "breadcrumb"),
    ("51好读  ›  专栏  ›  戏说娱乐圈", "breadcrumb"),
    # furniture: share / print / font-size bars, labels, disclaimers, image placeholders
    ("分享到", "furniture"),
    ("正在阅读", "furniture"),
    ("即时新闻", "furniture"),
    ("字号：默认超大 | 打印 |", "furniture"),
    ("×", "furniture"),
    ("特别声明:以上内容(如有图片或视频亦包括在内)为自媒体平台“网易号”用户上传并发布,本平台仅提供信息存储服务。",
     "furniture"),  # a-0022
    ("![](http://i2.chinanews.com/simg/hd/2018/03/26/4d57634084524a45bae5a0fc661b3d2a.jpg)", "furniture"),  # a-0007
    ("本篇文章375字,读完约1分钟", "furniture"),  # b-0061
    # counter: view and comment counts (a-0161, b-0173)
    ("• 阅读(7100)", "counter"),
    ("• 评论(9)", "counter"),
    ("评论 0人参与,0条评论", "counter"),
    # dateline (the issue; a-0027, a-0031, a-0008; b-0145)
    ("2021年03月22日", "dateline"),
    ("发布时间:2025-12-20", "dateline"),
    ("2021-01-05 10:10:20", "dateline"),
    ("Ke Ji Ri Bao·2025-07-31 01:44", "dateline"),
    ("上海证券报 01-12 00:00", "dateline"),
    ("日期:10-21", "dateline"),  # an e-paper's field (hp-121 of the headline probe)
    # layout: 版面 lines (the issue; b-0090)
    ("第A2版:要闻", "layout"),
    ("第A04版：", "layout"),
    ("第A1版:头版", "layout"),
    # credit: photo credits (the issue; a-0029, a-0041, a-0048)
    ("视觉中国/图", "credit"),
    ("（资料图片）", "credit"),
    ("摄影/宁颖", "credit"),
    ("图片来源 :视觉中国", "credit"),
    ("(相關資料圖)", "credit"),
    ("（资料图片仅供参考）", "credit"),  # b-0096
    ("Herbert Dardik医生（左） 图源：恩格伍德医院官网", "credit"),  # b-0109
    # caption (a-0005, a-0050, a-0025)
    ("图:苏州市数字经济时代产业创新集群融合发展大会", "caption"),
    ("8月14日,市场监管总局召开新闻发布会。封面新闻记者戴云摄", "caption"),
    # byline (a-0048, a-0050, a-0064)
    ("光明日報記者 嚴圣禾 唐一歌 吳春燕", "byline"),
    ("封面新闻记者 戴云", "byline"),
    ("文/图 金羊网记者 文聪", "byline"),
    ("聯合報／ 記者胡蓬生／苗栗即時報導", "byline"),  # a-0042: a credit inside a short line
    ("央视新闻客户端 | 作者 万灵 宋小勇", "byline"),  # a-0158
    # source_line (a-0031, a-0093)
    ("來源:人民網(wǎng)", "source_line"),
    ("来源:科技部", "source_line"),
    # editor_line (a-0072, a-0168, b-0010)
    ("責任編輯: 趙霁", "editor_line"),
    ("编审:辛源", "editor_line"),
    ("  • 编译者: changjiang", "editor_line"),  # a knowledge-centre page's fields (hp-119 of the headline probe)
    ("  • 来源专题:长江流域资源与环境知识资源中心 | 领域情报网", "furniture"),
    ("(责任编辑:西西)", "editor_line"),
    ("编辑：杨味 审编：木易", "editor_line"),  # b-0076: any production role, not a list of known ones
    ("初审编辑：胡中喆", "editor_line"),  # b-0152
    # outlet (the issue; a-0115)
    ("人民网", "outlet"),
    ("明報新聞網", "outlet"),
    ("中国小康网 独家专稿", "outlet"),  # a-0029: the outlet beside a column label
    # related-article lists (a-0032, a-0040, a-0051)
    ("相关文章", "related"),
    ("延伸阅读", "related"),
    ("相關(guān)稿件", "related"),
])
def test_each_kind_of_junk_line_is_named(line, expected):
    assert kind(line) == expected


@pytest.mark.parametrize("line", [
    "京津冀协同创新联合体呼之欲出",
    "北京发布城市发展蓝图",  # ends in 图, is no credit
    "成果发布 夯实协同发展硬支撑",
    "怀柔科学城发布 8项代表性重大成果",
    "中国散裂中子源二期工程首栋建筑单体完工",
    "院企合作探索 科技成果转化新路径",
    "“十四五”北京牵头制定国际标准超500项",
    "本市30家社区卫生服务中心开设夜间门诊。",
    "匠心闪耀舞台 技能照亮前程",  # b-0074: two phrases, neither an outlet
    "记者探访怀柔科学城",
    "国家药监局审评中心：新药审评提速",
    "热带气旋警报",  # tune c-0119's headline: a notice ending in 报 is no outlet
    "220 公 里 , 即 在 北 纬 21.3 度 , 东 经 116.0 度 附 近 ,",  # c-0119: a letter-spaced sentence, no menu
    "高考喜报",
])
def test_headlines_and_story_lines_are_not_junk(line):
    assert kind(line) is None


def test_anti_scraping_pinyin_annotations_go_and_real_abbreviations_stay():
    assert strip_pinyin("创（chuàng）新和医（yī）药") == "创新和医药"  # the examples
    assert strip_pinyin("中國天眼4月1日正式對全球科學(xué)界開放") == "中國天眼4月1日正式對全球科學界開放"  # a-0032
    assert strip_pinyin("AI（人工智能）与ISO(iso)、CEO（首席执行官）") == "AI（人工智能）与ISO(iso)、CEO（首席执行官）"
    # and before punctuation is judged: the comma after 稱(chēng) is a Chinese one
    assert normalize_text("發布消息稱(chēng),建在廣東東莞") == "發布消息稱，建在廣東東莞"


def test_pinyin_after_a_character_the_wrong_encoding_turned_latin_goes_too():
    assert strip_pinyin("？。ㄒ唬┽t(yī)疗器械法规体系进一步完善") == "？。ㄒ唬┽t疗器械法规体系进一步完善"  # b-0019
    assert strip_pinyin("Python(py3)与AI(ai)") == "Python(py3)与AI(ai)"  # no tone mark, no annotation


def test_garbled_text_is_never_a_title_or_a_summary_sentence():
    page = tune_page("b-0019")  # a mirror decoded with the wrong encoding: ？。ㄒ唬┽t(yī)疗器械…
    assert "ㄒ" in page["raw"]
    article = read_tune_page("b-0019")
    title = item_title(article, SETTINGS.title_max_chars)
    summary = summarize(article, Budget(SETTINGS.summary_min_chars, SETTINGS.summary_max_chars))
    assert not is_garbled(title) and not is_garbled(summary) and "ㄒ" not in title + summary


def test_a_byline_in_brackets_inside_a_sentence_goes_and_the_datelines_own_stays_for_the_authors():
    assert strip_markup("市卫健委（记者 张三 通讯员 李四）近日发布通知。") == "市卫健委近日发布通知。"
    assert strip_markup("本报讯（记者 曲经纬）近日") == "本报讯（记者 曲经纬）近日"
    assert strip_markup("AI（人工智能）发展迅速。") == "AI（人工智能）发展迅速。"


def test_spam_is_cut_out_of_a_real_paragraph_and_the_news_stays():
    paragraph = "科技设施开放共享水平持续提升，服务创新主体超过一千家。澳门娱乐场官网注册送彩金！园区还设立了百亿级科创基金。"
    assert without_spam(paragraph) == "科技设施开放共享水平持续提升，服务创新主体超过一千家。园区还设立了百亿级科创基金。"
    for news in ("香港彩虹邨居民参观了新落成的社区健康中心。", "粤港澳大湾区的香港彩票发行收益用于医疗。"):
        assert without_spam(news) == news  # (a lottery's name is spam, the words around it are not)


@pytest.mark.parametrize("page_id", [
    "a-0010",  # a spam line above the headline, a column and date line under it
    "b-0036",  # a stock site's menu list, an editor/date/source/counter line
    "a-0008",  # outlet tag, a Latin-transliterated dateline, an inline 原载于 note
    "b-0009",  # dateline, source and counter on one line
    "a-0025",  # a photo story: every paragraph ends in 新华社记者 裴鑫 摄
])
def test_real_pages_give_titles_and_summaries_without_their_junk(page_id):
    page = tune_page(page_id)
    article = read_tune_page(page_id)
    title = item_title(article, SETTINGS.title_max_chars)
    summary = summarize(article, Budget(SETTINGS.summary_min_chars, SETTINGS.summary_max_chars))
    assert summary and title
    for text in (title, summary):
        for marker in ("阅读量", "浏览次数", "收藏数", "编辑", "来源", "发布时间", "Ke Ji", "原载于", "摄", "在线观看",
                       "www.", "•", "栏目", "（chuàng）"):
            assert marker not in text, (page["id"], marker, text)


def test_source_and_editor_lines_become_metadata():
    article = read_tune_page("b-0036")  # 编辑 : 王远   发布时间: 2020-03-06 18:04:09   消息来源: sina
    assert article.published == "2020-03-06"
    assert "王远" not in article.body


# ----------------------------------------------------------------------------- fresh pages
# Leaks found on benchmarks/probe/pages.jsonl: unlabelled raw pages no rule was written from (no
# corpus page, no copy of one), read through benchmarks/corpus.main_article like the corpus.

import json  # noqa: E402
from functools import lru_cache  # noqa: E402
from pathlib import Path  # noqa: E402

from corpus import main_article  # noqa: E402  (benchmarks/, on the path through corpus_pages)

from briefing.text.bylines import lead_byline  # noqa: E402

PROBE = Path(__file__).resolve().parent.parent / "benchmarks" / "probe" / "pages.jsonl"


@lru_cache(maxsize=1)
def _probe_pages() -> dict[str, dict]:
    pages = (json.loads(line) for line in PROBE.read_text(encoding="utf-8").splitlines() if line.strip())
    return {page["id"]: page for page in pages}


def probe_outputs(page_id: str) -> tuple[str, str]:
    article = main_article(_probe_pages()[page_id])
    return (item_title(article, SETTINGS.title_max_chars),
            summarize(article, Budget(SETTINGS.summary_min_chars, SETTINGS.summary_max_chars)))


@pytest.mark.parametrize("line, expected", [
    ("产业资讯 健康国策2050 2023-02-10 4594", "dateline"),  # probe-004: column, date and a counter
    ("财经网 2024/09/09", "dateline"),  # probe-060: the outlet and its date
    ("中央社／ 苗栗縣9日電", "dateline"),  # probe-038: a wire dateline on its own line
    ("2020-10-12 社会 176阅读", "counter"),  # probe-013: the count before the word
    ("（上接第1版）", "layout"),  # probe-062
    ("《 人民日報 》( 2024年03月29日 第 02 版)", "layout"),  # probe-049
    ("本文字数:152", "furniture"),  # probe-027
    ("发布于 山东", "furniture"),  # probe-077: a post's location stamp
    ("Open/Close Menu <<健康創富>>", "furniture"),  # probe-032
    ("即可在手机端查看", "furniture"),  # probe-074: under a QR code
    ("更 多", "related"),  # probe-009: the list of videos under a story
    ("視頻", "related"),
    ("高能同步辐射光源和多模态跨尺度生物医学成像设施效果图", "caption"),  # probe-014: a picture's label
    ("Slides:", "furniture"),  # probe-161: a slide-sharing page's furniture, each on a line of its own
    ("Advertisements", "furniture"),
    ("Similar presentations", "furniture"),
])
def test_each_kind_of_junk_line_on_fresh_pages_is_named(line, expected):
    assert kind(line) == expected


@pytest.mark.parametrize("line", [  # headlines of the same fresh pages
    "山西省儿童医院新院开始施工 设置床位规模800张",  # probe-025
    "增门诊名额 加开新病床 巩固新界西公营医疗服务",  # probe-016
    "世界最亮光源启动 怀柔科学城建设全面拉开",  # probe-014
    "无锡市今年计划引进高层次人才6500人",  # probe-023
    "49家医院获批第五批国家区域医疗中心项目",  # probe-078
    "市人民醫(yī)院東院(秀山醫(yī)院)今日開(kāi)診試運(yùn)行",  # a hospital opening, pinyin and all
    "Slides展示新药研发进展",  # English words inside a line of news are its own
    "Print时代的报纸还能走多远",
])
def test_fresh_headlines_are_not_junk(line):
    assert kind(line) is None


def test_a_character_annotated_twice_loses_both_annotations():
    # probe-047: 更好(hǎo)(hǎo)發揮, 2022年7月(yuè)(yuè)6日
    assert strip_pinyin("更好(hǎo)(hǎo)發揮标準化(huà)在推進") == "更好發揮标準化在推進"
    assert strip_pinyin("2022年7月(yuè)(yuè)6日") == "2022年7月6日"


def test_pinyin_whose_bracket_the_wrong_encoding_ate_marks_the_text_garbled():
    # probe-064: 本屆獲獎?wù)邅碜灾圃鞓I(yè)… (獲獎者來自制造業… through the wrong encoding)
    assert is_garbled(normalize_text(to_simplified("本屆獲獎?wù)邅碜灾圃鞓I、服務業等不同行業領域")))
    assert not is_garbled(normalize_text("你们准备好了吗？我们出发。"))


def test_scattered_anti_scraping_symbols_go_and_a_bullet_stays():
    # probe-068
    assert normalize_text("批准◆■■◆,高新区的中科晶禾■■★、精仪精测") == "批准，高新区的中科晶禾、精仪精测"
    assert normalize_text("■ 重点任务") == "■ 重点任务"


def test_a_doubled_comma_is_one():
    # probe-054: 廈門大學能源學院,、建甌市科學技術局 … 簽約儀式,。
    assert normalize_text("我院與廈門大學能源學院,、建甌市科學技術局三方簽約,。院長龍敏南,,科技處處長何文勝") == \
        "我院與廈門大學能源學院、建甌市科學技術局三方簽約。院長龍敏南，科技處處長何文勝"


def test_a_photo_credit_in_brackets_inside_a_paragraph_goes():
    # probe-017: …等9家醫院 。(圖/記者黃村杉攝) 為確保醫院能提供…
    text = normalize_text(to_simplified("汐止國泰醫院及樂生療養院等9家醫院。(圖/記者黃村杉攝) 為確保醫院能提供優質醫療照護"))
    assert "黄村杉" not in text and text.endswith("为确保医院能提供优质医疗照护")


def test_cloaking_keys_and_a_pasted_japanese_novel_are_spam_and_the_news_around_them_stays():
    # probe-026: a spam paragraph between the headline and the story
    paragraph = normalize_text("男女免费污しかし彼は戻っては来なかった。ある日僕は学校から戻ってみるとc彼の荷物は全部なくなっていた。"
                               "社会服务业和住宿餐饮指数则是连续两个月上升。QOrRLA-V2cM2Ipw9TnX38M0FaJTR-国家药监局:已有创新药在中国实现“全球首发上市”")
    assert without_spam(paragraph) == "社会服务业和住宿餐饮指数则是连续两个月上升。"
    # model numbers and stock codes are no keys (probe-057)
    real = normalize_text("之后石药集团(01093.HK)也公告称,其开发的新型冠状病毒mRNA疫苗SYS6006已获国家药监局批准开展临床研究。")
    assert without_spam(real) == real


def test_a_lead_byline_with_a_desk_whose_dot_was_lost_is_taken_whole():
    # probe-065: 中青報·中青網 arrives as 中青報?中青網
    text = normalize_text(to_simplified("中國青年報客戶端北京5月7日電(中青報?中青網記者 李桂杰)第十六屆高技能人才表彰大會今天在北京舉行。"))
    byline = lead_byline(text)
    assert byline is not None and byline.authors == ("李桂杰",) and byline.rest.startswith("第十六届")


def test_a_wire_dateline_without_a_date_is_a_lead_too():
    # a rdrb.net.cn page (probe-027): 据新华社北京电 日前，国家医保局…
    byline = lead_byline(normalize_text("据新华社北京电 日前,国家医保局、国家卫生健康委联合印发《支持创新药高质量发展的若干措施》。"))
    assert byline is not None and byline.outlet == "新华社" and byline.rest.startswith("日前")


@pytest.mark.parametrize("page_id, wrong_title", [
    ("probe-028", "中国质量新闻网讯"),  # one-line page: 中國質量新聞網訊 日前,廣東省陽江市…
    ("probe-049", "本报北京3月28日电"),  # 本報北京3月28日電 (記者林麗鸝)國家市場…
])
def test_a_dateline_opening_a_one_line_page_is_not_cut_off_as_its_headline(page_id, wrong_title):
    title, summary = probe_outputs(page_id)
    assert title != wrong_title and "记者" not in summary and not summary.startswith("（")


def test_after_the_end_mark_the_page_is_not_the_story():
    # probe-009: …敬請留意我們即將推出的專題報道。(完) / 【編輯:錢林霞】 / 視頻 / 更 多 / video links…
    title, summary = probe_outputs("probe-009")
    assert "（完）" not in summary and "李家超" not in summary and "奥运" not in summary
    assert "3.89平方公里" in summary  # the story is still there


def test_a_teaser_cut_off_above_the_story_it_opens_is_not_read_twice():
    # probe-016: the teaser ends in 为守... and the story under it begins with the same words
    title, summary = probe_outputs("probe-016")
    assert summary.count("新界西地区发展迅速") == 1 and summary.count("综合过去的经验") == 1


@pytest.mark.parametrize("page_id, junk", [
    ("probe-004", "4594"),  # 产业资讯 健康国策2050 2023-02-10 4594 glued to the first sentence
    ("probe-013", "176阅读"),
    ("probe-027", "本文字数"),
    ("probe-060", "财经网"),
    ("probe-074", "手机端"),
    ("probe-014", "效果图"),
    ("probe-068", "■"),
    ("probe-161", "Advertisements"),  # Slides: / Advertisements / Similar presentations, joined to the text
    ("probe-140", "•"),  # a paragraph set as a list item, a photo's credit closing it
])
def test_fresh_pages_summaries_lose_the_lines_that_were_glued_to_them(page_id, junk):
    title, summary = probe_outputs(page_id)
    assert summary and junk not in title + summary


def test_a_table_cells_bar_is_not_part_of_the_title():
    assert probe_outputs("probe-072")[0] == "成渝地区双城经济圈建设全面提速"  # …全面提速 |


def test_a_source_note_closing_the_last_paragraph_becomes_the_outlet():
    article = read_tune_page("c-0126")  # …工程建设快速推进。 (2015年1月9日《忻州日报》) |
    assert "忻州日报" not in article.body and article.outlet == "忻州日报"


def test_a_dateline_under_the_headline_gives_the_article_its_date():
    article = read_tune_page("b-0134")  # 四川在线    2022年10月10日
    assert article.published == "2022-10-10" and "四川在线" not in article.body


def test_a_source_note_glued_to_the_last_sentence_goes_with_its_page_number():
    # probe-049's note on a line of its own (layout, above), here glued to the paragraph it closes
    article = clean_paragraphs(["行动计划采用重点任务逐一列条的方式，分3个板块，共35条。《 人民日報 》( 2024年03月29日 第 02 版)"])
    assert article.body == "行动计划采用重点任务逐一列条的方式，分3个板块，共35条。" and article.outlet == "人民日報"


def test_a_photo_caption_in_brackets_and_a_figure_reference_go_from_a_paragraph():
    # probe-065: (表彰大會現場。李桂杰/攝)“中國要成為…; probe-002: …的過程(圖1),在提高…
    assert strip_markup(normalize_text("（表彰大会现场。李桂杰/摄）“中国要成为世界造船强国，需要更多国宝级工匠。”")) == \
        "“中国要成为世界造船强国，需要更多国宝级工匠。”"
    assert strip_markup(normalize_text("从学习模仿到自主创新的过程(图1),在提高国家自主创新能力方面占据重要地位。")) == \
        "从学习模仿到自主创新的过程，在提高国家自主创新能力方面占据重要地位。"


def clean_paragraphs(paragraphs: list[str]):
    from briefing.model import Block, RawArticle
    from briefing.text.clean import clean_article

    return clean_article(RawArticle("probe.txt", "", None, None, tuple(Block("para", p) for p in paragraphs), "utf-8"))


# ----------------------------------------------------------------------------- leaks of the last round
# Lines a page glued to a real sentence (they end in no full stop, so the lines were joined), found
# on tune pages and probe pages after the last round: each kind is named as a whole line now.

@pytest.mark.parametrize("line, expected", [
    ("設(shè)為書簽Ctrl+D將本頁面保存為書簽,全面了解最新資訊,,方便快捷,。", "furniture"),  # b-0170: a bookmark prompt
    ("軍事APP", "furniture"),  # b-0170: an app's channel label, glued to 2018年以來…
    ("2月24日原文報(bào)道鏈接:https://cbgc.scol.com.cn/news/4774507?from=iosapp&app_id=cbgc", "furniture"),  # c-0084
    ("你好东方经济网,欢迎发表评论 取消回复", "furniture"),  # b-0026: a comment box
    ("沒(méi)有更多內(nèi)容", "furniture"),  # b-0030: the end of a feed
    ("相關(guān)企業(yè): 妙正醫(yī)藥", "furniture"),  # b-0141: a stock site's tag
    ("從空中拍攝的上海65米射電天文望遠鏡建設(shè)工地", "caption"),  # a-0150
    ("這是9月30日在巴西里約熱內盧拍攝的美麗山特高壓輸電二期項目里約換流站(無人機照片)", "caption"),  # a-0017
    ("這是1月23日拍攝的建設中的河套深港科技創新合作區香港園區。", "caption"),  # c-0139: the wire's caption form
    ("(供稿:河北省張家口市市場監管局)", "source_line"),  # a-0104
    ("供稿審核:劉勇", "editor_line"),  # a-0168
])
def test_each_kind_of_line_glued_to_a_sentence_is_named(line, expected):
    assert kind(line) == expected


@pytest.mark.parametrize("line", [
    "事實(shí)上,那也是“旅行者1號(hào)”在其漫長(zhǎng)的旅程中拍攝的最后一張照片。",  # b-0025: a sentence, no caption
])
def test_story_lines_like_those_are_not_junk(line):
    assert kind(line) is None


def test_a_credit_in_brackets_glued_in_front_of_a_sentence_is_cut():
    # b-0053: (大公文匯全媒體新聞中心供稿) above the story, which the page prints again under it
    assert not any("供稿" in c.text for c in candidates(read_tune_page("b-0053")))


def test_a_gambling_brand_glued_after_the_last_sentence_goes_and_the_sentence_stays():
    # b-0026: …交互或共同流行的风险。彩神平台注册登录
    paragraph = normalize_text("今冬明春可能会面临新冠、流感等呼吸道传染病交互或共同流行的风险。彩神平台注册登录")
    assert without_spam(paragraph) == "今冬明春可能会面临新冠、流感等呼吸道传染病交互或共同流行的风险。"
    # b-0126: signing up is no ad where the story tells how to
    real = normalize_text("在下方菜单栏“微官网”中找到“互联网医院”入口,注册登录后即可点击进入享受漳州市医院、漳州正兴医院互联网医院服务。")
    assert without_spam(real) == real


@pytest.mark.parametrize("page_id, first, junk", [
    ("b-0170", "2018年以来，忠县人民医院", ("设为书签", "军事APP")),
    ("c-0084", "为促进健康成都建设新提升", ("iosapp", "原文报道链接")),
    ("a-0150", "位于上海松江佘山脚下", ("建设工地位于",)),
    ("a-0017", "如今的中国不仅更娴熟地掌握了", ("无人机照片",)),
    ("b-0026", "中国科学院院士高福", ("彩神", "取消回复")),
    ("b-0030", "**", ("没有更多内容",)),
    ("b-0141", "日前，重庆市人民政府办公厅", ("相关企业",)),
])
def test_the_story_under_lines_of_furniture_starts_with_its_own_words(page_id, first, junk):
    article = read_tune_page(page_id)
    assert article.paragraphs[0].startswith(first)
    assert not any(j in article.body for j in junk)


def test_a_source_note_of_the_outlet_alone_becomes_the_outlet():
    article = read_tune_page("a-0150")  # …65米射电天文望远镜系统建设。(新华网)
    assert article.body.endswith("系统建设。") and article.outlet == "新华网"


def test_a_pull_quotes_credit_after_its_full_stop_does_not_join_the_next_paragraph():
    # probe-044 (HK01): …有咩佢哋都會盡量幫手。 九龍西醫院聯網公營醫療收費改革統籌 張子峯
    article = main_article(_probe_pages()["probe-044"])
    assert "尽量帮手。\n" in article.body and "张子峰" not in article.body.split("尽量帮手。")[1][:40]
    assert "统筹张子峰医管局" not in probe_outputs("probe-044")[1]


def test_a_simplified_page_whose_annotated_characters_are_traditional_is_converted():
    # probe-048: 经國(guó)務(wù)院同意 … 為(wèi)贯彻实施 … 治理(lǐ)體(tǐ)系 in an otherwise simplified page
    title, summary = probe_outputs("probe-048")
    assert "经国务院同意" in summary and "为贯彻实施《国家标准化发展纲要》" in summary and "治理体系" in summary
    assert not any(c in title + summary for c in "國務為體")


def test_a_flash_whose_title_was_cut_gives_a_summary_that_opens_with_a_word():
    # probe-075: 【发改委:…】财联社7月22日电,国家发展改革委… (the comma after the dateline stayed)
    title, summary = probe_outputs("probe-075")
    assert summary.startswith("国家发展改革委社会司副司长孙志诚")


def test_a_garble_after_a_question_mark_takes_the_clauses_that_wait_for_it():
    # probe-082: …在金融…等重点现代服务业领域，培养支持一批德才兼?zhèn)洹⒈憩F突出… : 在…领域 waits for the verb
    title, summary = probe_outputs("probe-082")
    assert "德才兼" not in summary and "服务业领域。" not in summary and "“武汉英才”100名" in summary
    assert is_garbled(normalize_text("zhèn)洹⒈憩F突出、行业公认的服务业优秀人才"))


def test_a_betting_sites_name_injected_into_sentences_goes_and_the_sentences_stay():
    # probe-019: …培育发展创新药、欧宝电竞官方网站医疗器械、医药服务3个特色产业… / …产业方向。欧宝电竞官方网站
    assert normalize_text("培育发展创新药、欧宝电竞官方网站医疗器械、医药服务3个特色产业。欧宝电竞官方网站") == \
        "培育发展创新药、医疗器械、医药服务3个特色产业。"
    title, summary = probe_outputs("probe-019")
    # (which of the story's sentences the summary takes is the summarizer's choice; one of them stays)
    assert "电竞" not in title + summary
    assert "生命健康产业园企业产值约30亿元" in summary or "培育发展创新药、医疗器械、医药服务3个特色产业" in summary


def test_an_age_gate_is_furniture():
    # probe-034 (自由時報): 限制級 / 您即將進入之新聞內容 需滿18歲 方可瀏覽。 / 未滿18歲 / 我同意
    for line in ("您即將進入之新聞內容 需滿18歲 方可瀏覽。", "未滿18歲", "限制級", "我同意"):
        assert kind(line) == "furniture", line
    assert "18岁" not in probe_outputs("probe-034")[1]
    # c-0046: a story's own 未满18岁 stays
    assert kind("在隨行家團方面,共有429人,包括238名未滿18歲子女和191名配偶。") is None


def test_an_outlet_after_a_captions_full_stop_and_photo_positions_leave_the_summary():
    # probe-038 (中央社): …與衛福部次長林靜儀（前左3）等合影。中央社 / 行政院長卓榮泰（前右4）9日視察…
    title, summary = probe_outputs("probe-038")
    assert "中央社" not in title + summary and "前右" not in summary and "前左" not in summary


def test_a_section_number_and_a_line_that_opens_a_list_are_not_glued_to_sentences():
    # probe-074: 1.1研究背景與意義 / 在數字經濟時代…; probe-066: …並至少符合1項推薦條件： / 1.具備獨立法人資格…
    title, summary = probe_outputs("probe-074")
    assert "1.1" not in summary and summary.startswith("在数字经济时代")
    assert "：。" not in probe_outputs("probe-066")[1] and "：。" not in probe_outputs("probe-080")[1]


# Leaks of the second probe round (probe-083 … probe-095), each a general rule.

@pytest.mark.parametrize("line, expected", [
    ("新闻评论 |", "nav"),  # probe-086: an e-paper's bar of column names
    ("潍坊新闻·焦点 |", "nav"),
    ("潍坊新闻·焦点", "layout"),  # … and the column name the headline finder would keep of it
    ("论坛出处:西陆网", "source_line"),  # probe-092
    ("本文源自:金融界", "source_line"),  # probe-085
    ("(美国《美中报道》图片)", "credit"),  # probe-095
    ("用户:  匿名  隐藏地址  设为辩论话题", "furniture"),  # probe-091: Sohu's comment form
    ("我要发布Sogou推广服务", "furniture"),
    ("【登录后才能评论哦!点击", "furniture"),  # probe-090
])
def test_each_kind_of_junk_line_of_the_second_probe_round_is_named(line, expected):
    assert kind(line) == expected


@pytest.mark.parametrize("line", [
    "京津冀协同创新 |",  # a short headline with a table's bar is no nav label
    "《国家标准化发展纲要》",  # a document's name is no outlet credit
])
def test_lines_like_the_second_rounds_junk_are_not_junk(line):
    assert kind(line) is None


def test_a_teaser_a_lost_indentation_and_a_headline_phrase_repeated_over_the_story_go():
    # probe-083: 核心提示：中國醫藥化工網11月4日訊 11月3日,…無兒童醫院 (cut short) above the story
    title, summary = probe_outputs("probe-083")
    assert summary.count("包头市新建儿童医院开工奠基仪式") == 1 and not summary.endswith("门。")
    # probe-088: ????一批衛生大項目已開工建設 (indentation the wrong encoding turned into ?)
    assert probe_outputs("probe-088")[0] == "一批卫生大项目已开工建设"
    # probe-092: 推进军民协同创新 (the headline's first phrase) / 记者陈丽平3月29日,由…
    article = main_article(_probe_pages()["probe-092"])
    assert article.paragraphs[0].startswith("3月29日，由北京市海淀区") and "陈丽平" in article.authors


def test_a_footers_links_are_not_a_sentence_and_a_nav_label_is_not_the_title():
    # probe-091: …（责任编辑：张勇）/ 用户： 匿名 … / *搜狗拼音输入法,中文处理专家>> / … / 央视质疑29岁市长 …
    assert "搜狗" not in probe_outputs("probe-091")[1] and "市长" not in probe_outputs("probe-091")[1]
    assert probe_outputs("probe-086")[0] not in ("新闻评论 |", "潍坊新闻·焦点")  # e-paper nav above the story


@pytest.mark.parametrize("line, expected", [
    ("第一版:要闻", "layout"),  # probe-027: the page number written in Chinese numerals
    ("打印纸张 字号选择:超大 行高 带图打印 返回原文", "furniture"),  # probe-025: a print bar
    ("第一版的设计方案已经通过评审并将于明年实施。", None),  # a sentence that opens with the same words
])
def test_layout_and_print_bars_of_the_third_round(line, expected):
    assert line_kind(normalize_text(line)) == expected


def test_an_app_ad_before_a_headline_goes_and_the_headline_stays():
    # probe-002: the ad used to make the whole headline line furniture, so the page got none
    line = normalize_text("杏彩体育app下载:我国大科学装置发展的现状、问题及建议")
    assert line == "我国大科学装置发展的现状、问题及建议" and line_kind(line) is None
    title, _ = probe_outputs("probe-002")
    assert title == "我国大科学装置发展的现状、问题及建议"


def test_a_heading_inside_the_story_is_not_glued_to_the_paragraph_under_it():
    # probe-044 (HK01): 增聘千名服務大使以助病人適應新安排, between two paragraphs
    article = main_article(_probe_pages()["probe-044"])
    assert ("subhead", "增聘千名服务大使以助病人适应新安排") in [(b.kind, b.text) for b in article.blocks]
    assert "新安排医管局" not in article.body


def test_a_comment_box_prompt_is_furniture_and_never_the_written_title():
    # b-0144: a flash with no headline, closed by a mini-program's comment prompt
    assert kind("打开小程序可以发布评论哦") == "furniture"
    assert kind("登录后才可以发布评论哦") == "furniture"
    title = item_title(read_tune_page("b-0144"), SETTINGS.title_max_chars)
    assert "评论" not in title and "小程序" not in title
    assert "56款创新药" in title


def test_a_drug_approval_for_a_sex_medicine_indication_is_news_and_its_ad_is_spam():
    # b-0037: the lead names the indication (早泄); an ad uses the same word as bait
    article = read_tune_page("b-0037")
    assert "适用于治疗成年男性原发性早泄" in article.body
    assert "药物临床试验批准通知书" in article.body
    assert kind("早泄怎么办？专家教你一招") == "spam"
    assert kind("丰胸哪家好") == "spam"


@pytest.mark.parametrize("line", ["我们并不支援你正使用的浏览器", "為達至最佳瀏覽效果 請更新至最新的瀏覽器版本", "您的浏览器版本过低"])
def test_a_browser_warning_is_furniture_and_browser_news_is_not(line):
    # Hong Kong pages warn an old browser above the story (seen by the written-headline work on the tune split)
    assert kind(line) == "furniture"
    for news in ("华为发布新一代浏览器，支持AI搜索", "谷歌更新Chrome浏览器", "新版系统支持国产浏览器"):
        assert kind(news) is None


def test_a_machine_written_notes_disclaimer_is_furniture_and_a_risk_headline_is_not():
    # b-0037: a securities site's AI-written flash closes with its disclaimer
    assert kind("以上内容为证券之星据公开信息整理,由 AI 算法生成(网信算备 310104345710301240019 号),不构成投资建议。") == "furniture"
    assert kind("市场有风险，投资需谨慎") == "furniture"
    assert kind("专家：股市有风险") is None
    assert "不构成投资建议" not in read_tune_page("b-0037").body


def test_markup_image_names_and_counter_runs_left_in_a_pasted_page_go():
    # probe pages: hp-077 (an <image> element), hp-090 (tags the site escaped), hp-010 (a WeChat image's
    # file name), hp-001 (a row of counters); the words around them stay
    assert strip_markup('<image>data:image/s3,"s3://crabby-images/b00c8/b00c8b931db72e3758c15b64d2c21aef6c9c7e9d" alt=""</image>3月28日拍摄的“中国天眼”全景') == "3月28日拍摄的“中国天眼”全景"
    assert strip_markup(r"\u003cdiv class=\“rich_media_content\”\u003e\u003cp\u003e12月18日，海南") == "12月18日，海南"
    assert strip_markup("微信图片_20190906220058.jpg中国（深圳）综合开发研究院") == "中国（深圳）综合开发研究院"
    assert strip_markup("发布于：新闻转发：0回复：0喜欢：0蓝鲸财经") == "发布于：新闻蓝鲸财经"
    assert strip_markup('<menu id="e6yuu"></menu><rt id="e6yuu"></rt>2024年政府工作报告') == "2024年政府工作报告"  # hp-034
    for kept in ("访问www.example.com/logo.png", "x<y且a>b", "价格<100元", "评论：这是一条评论"):
        assert strip_markup(kept) == kept
