"""Summaries on real pages (tune split only): whole sentences that keep who, what and the figures,
shortened only where a sentence can do without a closing remark or an aside."""

from __future__ import annotations

from corpus_pages import read_tune_page

from briefing.editorial.candidates import candidates, shorten
from briefing.editorial.summarize import summarize
from briefing.text.sentences import split_sentences
from test_headlines_probe import read_probe_page


def candidate_with(page_id: str, words: str, shortened: bool = False) -> str:
    found = [c.text for c in candidates(read_tune_page(page_id), shortened=shortened) if words in c.text]
    assert found, f"{page_id}: no candidate sentence with {words!r}"
    return found[0]


def test_a_closing_remark_goes_and_the_figures_stay_in_a_whole_sentence():
    # b-0074, 第三届职业技能大赛: the figures stay, the comment after them goes
    sentence = ("本届大赛共有35个代表团参赛，3420名参赛选手中，技工院校学生占比58%，企业职工占比21%，"
                "博士、硕士、本科等高学历选手占比达33%，反映我国新时代技能人才工作取得新成效。")
    assert shorten(sentence) == ("本届大赛共有35个代表团参赛，3420名参赛选手中，技工院校学生占比58%，企业职工占比21%，"
                                 "博士、硕士、本科等高学历选手占比达33%。")
    assert candidate_with("b-0088", "10个重点生物医药项目", shortened=True) == \
        "在重庆生物医药产业园主会场，北大医疗、四川新绿色、川安医药产业基地等10个重点生物医药项目集中开工。"


def test_a_clause_the_sentence_needs_is_never_cut():
    # what was said after 指出; the predicate (意义重大) of a 对于… clause; a named body
    for sentence in [
        "2020年初，中央财经委员会第六次会议指出，推动成渝地区双城经济圈建设，有利于在西部形成高质量发展的重要增长极，"
        "打造内陆开放战略高地，对于推动高质量发展具有重要意义。",  # c-0001
        "新的标准化法将于2018年1月1日开始施行，对于提升产品和服务质量，促进科学技术进步，提高经济社会发展水平意义重大。",  # c-0025
    ]:
        assert shorten(sentence) == sentence
    kept = shorten("我们将积极落实协议内容，充分发挥科教人才等优势，全力推进中国科学院重庆科学中心建设，"
                   "为重庆集聚优质创新资源、打造科学城创新策源地提供保障，助力成渝地区双城经济圈建设。")  # c-0004
    assert kept == "我们将积极落实协议内容，充分发挥科教人才等优势，全力推进中国科学院重庆科学中心建设。"


def test_an_english_name_in_brackets_goes_a_stock_code_stays():
    assert "（Donald Trump）" not in candidate_with("b-0012", "川普总统", shortened=True)  # b-0012
    assert "川普总统（Donald Trump）" in candidate_with("b-0012", "川普总统")  # a headline may still use it
    assert shorten("复星医药（600196.SH）宣布，其控股子公司获批。") == "复星医药（600196.SH）宣布，其控股子公司获批。"


def test_a_photo_credit_glued_to_a_sentence_is_cut_not_the_sentence():
    # a-0031: …世界最大球面射电望远镜。（资料图）秦刚摄（人民视觉）被誉为“中国天眼”的…将于2021年4月1日…
    sentence = candidate_with("a-0031", "2021年4月1日")
    assert sentence.startswith("被誉为“中国天眼”")
    assert "2021年4月1日" in summarize(read_tune_page("a-0031"))


def test_who_said_it_stays_with_what_was_said():
    # a-0097: 据国家标准委主任刘平均介绍，… (the name is one of the story's facts)
    assert candidate_with("a-0097", "成立标准化专家委员会是为了").startswith("据国家标准委主任刘平均介绍，")
    # c-0022: the speaker named after the closing quote belongs to the quotation's sentence
    quoted = "“‘强实施’标准和‘中实施’标准属有效实施标准，国家标准的有效实施率达93.7%。”肖寒指出。"
    assert split_sentences(quoted + "标准作为重要的基础性制度。") == [quoted, "标准作为重要的基础性制度。"]
    assert candidate_with("c-0022", "93.7%") == quoted


def test_a_taiwanese_dash_is_not_garbled_text():
    # b-0012: …一次健保总额协商成果──医院、西医基层… (box-drawing characters used as a dash)
    assert "成果——医院" in candidate_with("b-0012", "健保总额协商成果")
    assert "1兆300亿" in summarize(read_tune_page("b-0012"))


def test_a_garbled_pinyin_annotation_and_a_paywall_line_stay_out():
    # a-0097: 建立标准化领域？qū)<易稍儥C制是…; c-0088: …这部分是因？yàn)榇_信…, 您已阅读4%（330字）…
    summary = summarize(read_tune_page("a-0097"))
    assert "？" not in summary and "qū" not in summary and "中国标准化专家委员会在京成立。" in summary
    summary = summarize(read_tune_page("c-0088"))
    assert summary == ("中国的生物科技集团今年的目标是在风险投资、首次公开发行（IPO）以及与海外制药公司的许可交易中"
                       "募集约100亿美元。")


def test_a_summary_never_opens_with_punctuation():
    # c-0062: 证券时报e公司讯,港股开盘,… (the dateline goes, its comma with it)
    assert summarize(read_tune_page("c-0062")).startswith("港股开盘，恒生指数低开0.24%")


def test_a_teaser_cut_off_with_an_ellipsis_ends_at_its_last_whole_clause():
    # c-0095: the page is one teaser, …老年人、婴幼儿及慢性病...
    assert summarize(read_tune_page("c-0095")) == ("新北市政府卫生局表示，今年公费流感疫苗10月1日开打，施打年龄层大幅放宽到"
                                                   "50岁以上及6个月到18岁，但接种后须2至4周才能形成最佳防护力。")


def test_a_garble_is_judged_across_the_question_mark_that_split_it():
    # c-0084: …人才培养高地?！背啥贾嗅t药大学校长余曙光表示。 (。”成都中医药大学 through the wrong encoding)
    texts = [c.text for c in candidates(read_tune_page("c-0084"))]
    assert not any("背啥" in t or "？" in t for t in texts)
    # b-0045: …富有活力,?！贬枪？至9月我国进出口数据表现，… : the piece after a garble starts mid-word
    texts = [c.text for c in candidates(read_tune_page("b-0045"))]
    assert not any(t.startswith("至9月") or "？" in t for t in texts)
    assert "海关总署13日发布数据，我国前三季度进出口总额23.12万亿元人民币，增长0.7%。" in texts


def test_the_full_stop_a_garble_ate_is_restored_and_the_sentence_before_it_kept():
    # a-0025: …顺利通过国家验收？？偼顿Y14.344亿元…; a-0104: …互动答题？,F场活动气氛热烈…？；颙又羞M行…
    # (the summary opens on it; since summaries round 15 the clauses after the next garble may follow: test_summaries_round15.py)
    assert summarize(read_tune_page("a-0025")).startswith("当日，我国迄今为止最大的大科学装置和大科学平台——上海同步辐射光源顺利通过国家验收。")
    texts = [c.text for c in candidates(read_tune_page("a-0104"))]
    assert any(t.endswith("指导群众参与“世界标准日知识大挑战”互动答题。") for t in texts)
    assert not any("颙" in t or "F场" in t for t in texts)


def test_an_outlets_reported_lead_in_is_cut_from_the_first_sentence():
    # b-0053: 【文匯網訊】大公文匯全媒體報道:內地五一假期今年連放5日…
    assert summarize(read_tune_page("b-0053")).startswith("内地五一假期今年连放5日，首日（5月1日）共接待内地旅客达2319万人次")


def test_a_credit_in_brackets_in_front_of_a_sentence_is_cut_and_a_photo_position_goes():
    # a-0043: 汐止國泰醫院院長林慶齡（左）、台灣礦工醫院院長蕭潤生（中）…簽訂策略聯盟。（台灣礦工醫院提供）台灣礦工醫院與…
    texts = [c.text for c in candidates(read_tune_page("a-0043"), shortened=True)]
    assert any(t.startswith("台湾矿工医院与国泰医院体系") for t in texts)
    assert not any("提供）" in t or "（左）" in t or "（中）" in t for t in texts)


def test_a_story_the_page_cut_off_mid_sentence_ends_at_its_last_whole_clause():
    # b-0064: …设计日门诊量为4000人次，手术室18间(净化1 (the page ends there)
    texts = [c.text for c in candidates(read_tune_page("b-0064"))]
    assert any(t.endswith("设计日门诊量为4000人次。") for t in texts) and not any("净化1" in t for t in texts)
    # a-0049: …印发《…实施方案》，在全国率先形成…顶层设计，围绕京津冀区域协同发展，提出要推进建设…人力资 :
    # not at 围绕… or 在…, clauses that may wait for what follows
    texts = [c.text for c in candidates(read_tune_page("a-0049"))]
    assert "2020年1月，首都标准化委员会印发《推动首都高质量发展的标准体系建设实施方案》。" in texts
    assert not any(t.endswith(("人力资。", "区域协同发展。")) for t in texts)


def test_a_paragraph_without_a_full_stop_on_a_page_with_them_gets_none_added():
    # c-0084: the excerpt ends in …向成都市公共卫生临床医 (a clause cut off: no sentence at all)
    assert not any(c.text.endswith("临床医。") for c in candidates(read_tune_page("c-0084")))


def test_a_byline_or_dateline_in_brackets_opening_the_story_leaves_its_first_sentence():
    # a-0072: (香港文匯網記者 章蘿蘭 上海報道)今日A股…; c-0091: 〔記者陳永吉／台北報導〕高端疫苗…;
    # c-0086: 《科創板日報》（上海，記者朱潔琰）訊，本周…; c-0137: 【大紀元3月21日報導】(中央社台北21日電)台灣…
    assert summarize(read_tune_page("a-0072")).startswith("今日A股大盘重拾升势")
    assert "章萝兰" in read_tune_page("a-0072").authors
    assert summarize(read_tune_page("c-0091")).startswith("高端疫苗（6547）位于竹北生医园区")
    assert summarize(read_tune_page("c-0086")).startswith("本周（9月20日至9月26日），医药行业投融重要事件包括")
    assert summarize(read_tune_page("c-0137")).startswith("台湾科技大学今天40年校庆")


def test_a_long_flash_title_in_brackets_is_cut_from_the_first_sentence():
    # c-0129: 【建设|四川加码“十四五”新型基础设施建设5G基站已超4.9万个】在创新基础设施建设方面。杨昕介绍，…
    assert summarize(read_tune_page("c-0129")).startswith("杨昕介绍，截止目前，四川已建和在建国家重大科技基础设施达到7个")


def test_a_bulleted_list_glued_onto_one_line_is_read_item_by_item():
    # a-0019: 核心观点 - 山东省在2025年标准国际化工作中… - 2025年，山东省…国际标准58项… - …, one line with
    # no full stop; read whole it was no sentence at all and the summary came out empty
    summary = summarize(read_tune_page("a-0019"))
    assert "国际标准58项" in summary and "380名中外嘉宾" in summary
    assert " - " not in summary and len(summary) <= 250


def test_a_pasted_pages_lead_in_never_opens_a_summary():
    # hp-001 发布于：新闻蓝鲸财经屠俊9月25日，…; hp-101 撰文：外部来稿（国际）在3月27日，…; hp-002 导读北京市昨日…;
    # c-0029 导读：“正在制订…; hp-079 标题：<the headline>近日，…; hp-086 中新社雄安3月31日电 题：<the headline>中国首都…
    for page, start in [(read_probe_page("hp-001"), "9月25日，2023张江生命科学国际创新峰会上"),
                        (read_probe_page("hp-101"), "在3月27日，春雨过后的广州国际生物岛"),
                        (read_probe_page("hp-002"), "北京市昨日启动了流感疫苗免费接种工作。"),
                        (read_tune_page("c-0029"), "“正在制订的国际标准30项"),
                        (read_probe_page("hp-079"), "近日，中国天眼望远镜（FAST）传来最新消息"),
                        (read_probe_page("hp-086"), "中国首都北京向南100多公里")]:
        assert summarize(page).startswith(start), page.title


def test_a_journal_mirrors_issue_line_never_opens_a_summary():
    # b-0150 工会博览2020年35期师带徒，…; hp-029 中国经济周刊2024年16期近日，…; hp-105 现代企业2017年4期记者从…获悉：
    assert summarize(read_tune_page("b-0150")).startswith("师带徒，也称“师徒制”")
    assert summarize(read_probe_page("hp-029")).startswith("近日，长三角区域合作办公室正式印发")
    assert summarize(read_probe_page("hp-105")).startswith("截至2016年底，我国留学回国人员总数达265.11万人")


def test_an_unnamed_opener_goes_a_named_speaker_stays():
    # a-0072 值得一提的是，…; b-0097 特别是，…; b-0051 相关负责人表示，… (nobody named): the sentence stands without it
    assert shorten("值得一提的是，芯片股龙头寒武纪今日劲升15.73%，股价收报1587.91元，超越贵州茅台的1446.1元，"
                   "成为A股第一高价股。").startswith("芯片股龙头寒武纪今日劲升15.73%")
    assert candidate_with("b-0097", "合作办学理事会", shortened=True) == \
        "泰州职业技术学院成立了“园区-企业-学院”合作办学理事会。"
    assert candidate_with("b-0051", "专项整治针对", shortened=True).startswith("专项整治针对群众关心")
    # c-0029: who said it is a fact
    named = candidate_with("c-0029", "成功举办了6次全体成员大会", shortened=True)
    assert named.startswith("桑珍表示，ISO/TC249已先后在中国北京")



def test_a_summary_with_room_left_takes_a_less_central_sentence_that_brings_a_fact():
    # a-0005: 186 characters stopped short of the sentence naming the law (…首次被写入新修订的《科技进步法》);
    # c-0137: of the speaker who gave the money (正崴集团董事长郭台强致词表示，…)
    for page_id, fact in [("a-0005", "《科技进步法》"), ("c-0137", "郭台强")]:
        summary = summarize(read_tune_page(page_id))
        assert fact in summary and len(summary) <= 250, page_id


def test_a_list_of_other_stories_links_is_not_a_sentence():
    # a-0164: …措施的实施详情。新闻推荐- 打通供应链打造“共赢链”——…2024-11-28- 东航第9架C919入列…
    summary = summarize(read_tune_page("a-0164"))
    assert summary.startswith("据香港特区政府新闻公报，港府今日（5日）公布") and "新闻推荐" not in summary


def test_a_date_the_first_sentence_is_about_stays_and_a_date_stamp_goes():
    # hp-125: 2022年4月25日为我国第36个“全国儿童预防接种日”。 (the date is what the sentence says)
    assert summarize(read_probe_page("hp-125")).startswith("2022年4月25日为我国第36个“全国儿童预防接种日”。")
    # … while a page's date stamp glued to the lead still goes (tune a-0130 and the like keep passing above)
    assert not summarize(read_probe_page("hp-125")).startswith("为我国")


def test_a_teaser_cut_off_inside_a_quotation_ends_at_its_last_whole_clause_with_the_quote_closed():
    # hp-001: …吴强介绍：“浦东新区…最突出的区域之一,2022年,上海浦东生物医... 网页链接 (a post quoting a story)
    summary = summarize(read_probe_page("hp-001"))
    assert summary.endswith("新药成果最突出的区域之一。”")
    assert "网页链接" not in summary and "..." not in summary


def test_a_summary_never_opens_on_a_sentence_pointing_back_at_what_it_does_not_hold():
    from test_junk_papers import read_junk_probe_page

    # probe-135, a shuffled page: …为题发表主旨演讲时作上述表示。 stands above the statement it points at,
    # and 三是公共实验平台… above 一是…
    page = read_junk_probe_page("probe-135")
    back = [c for c in candidates(page, shortened=True) if "作上述表示" in c.text or c.text.startswith("三是")]
    assert len(back) == 2 and all(c.points_back for c in back) and back[0].index == 0
    summary = summarize(page)
    first = split_sentences(summary)[0]
    assert "上述" not in first and not first.startswith("三是")
    assert "中国已布局建设77个国家重大科技基础设施" in summary  # the statement itself
    # … a sentence pointing back after what it points at stays (b-0126: …三家医院…。…除上述三家医院外，…)
    assert "除上述三家医院外" in summarize(read_tune_page("b-0126"))
    # … and 以上 that is no pointer is none (probe-142: 成本节约三分之二以上)
    share = [c for c in candidates(read_junk_probe_page("probe-142")) if "三分之二以上" in c.text]
    assert share and not share[0].points_back
