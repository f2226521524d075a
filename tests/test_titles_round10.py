"""Item titles, tenth round: a two-part headline over the cap whose second half is a speaker's
words, and the written headline's chooser (which clauses it may pick, what it weighs)."""

from __future__ import annotations

from briefing.config import EditorialSettings
from briefing.editorial.titles import item_title

from test_junk_papers import read_junk_probe_page

CAP = EditorialSettings().title_max_chars


def test_a_long_headline_whose_second_half_is_a_speakers_words_keeps_its_first_half():
    # probe-195: 港深创科园第一批首三座大楼落成 李家超:将优化制度衔接及积极引入优质企业 (37 characters):
    # the colon is the speaker's, no kicker's, and the quote without 李家超 says nothing of who spoke
    article = read_junk_probe_page("probe-195")
    assert article.title.startswith("港深创科园第一批首三座大楼落成 李家超：")
    assert item_title(article, CAP) == "港深创科园第一批首三座大楼落成"


def test_a_labelled_headline_of_the_same_shape_keeps_its_event():
    import json
    from pathlib import Path

    from corpus import main_article

    # headline probe hp-276: 衛福部臺北醫院急重症大樓動土 陳揆:提升地方醫療服務量能 全面照顧不同年齡層民眾健康 (44 characters)
    path = Path(__file__).resolve().parent.parent / "benchmarks" / "probe" / "headlines.jsonl"
    page = next(p for p in map(json.loads, path.read_text(encoding="utf-8").splitlines()) if p["id"] == "hp-276")
    assert item_title(main_article(page), CAP) == "卫福部台北医院急重症大楼动土"


def test_a_kicker_before_a_colon_still_gives_way_to_the_main_title():
    from dataclasses import replace

    article = read_junk_probe_page("probe-195")
    # no speaker's half: the part after the kicker's colon is the main title, as before
    kicker = replace(article, title="权威发布：港深创科园第一批首三座大楼落成并已有超过60间企业陆续进驻")
    assert item_title(kicker, CAP) == "港深创科园第一批首三座大楼落成并已有超过60间企业陆续进驻"


def test_a_report_received_is_no_headline_while_the_deed_follows():
    from briefing.editorial.titles import plainly_unfit

    from test_titles_pages import shown
    from corpus_pages import read_tune_page

    # b-0059: 东光县公安局接内蒙古赤峰市警方消息，… 抓获一名涉嫌电信诈骗的犯罪嫌疑人: the report is the story's start
    assert "东光县公安局接内蒙古赤峰市警方消息" in shown("b-0059")
    assert plainly_unfit("东光县公安局接内蒙古赤峰市警方消息")
    assert plainly_unfit("惠州市博罗县公安局接到民众举报")
    title = item_title(read_tune_page("b-0059"), CAP)
    assert "抓获" in title and "消息" not in title
    # a thing received is no report: 福元药业收到国家药监局核准签发的《药物临床试验批准通知书》 (b-0037)
    assert not plainly_unfit("福元药业收到国家药监局核准签发的《药物临床试验批准通知书》")


def test_a_name_and_a_time_with_nothing_said_is_no_headline():
    from briefing.editorial.titles import plainly_unfit, title_units

    from corpus_pages import read_tune_page

    # b-0105: 国家药监局发布的2024年度药品审评报告显示，2024年，… gives the unit 国家药监局2024年
    article = read_tune_page("b-0105")
    assert "国家药监局2024年" in [u.text for u in title_units(article, CAP)]
    assert plainly_unfit("国家药监局2024年")
    assert item_title(article, CAP) != "国家药监局2024年"
    # a statement of when is a statement (a-0100: 试点周期为2025年2月至9月)
    assert not plainly_unfit("试点周期为2025年2月至9月")


def test_the_chooser_sees_a_clause_ending_on_a_named_thing_and_a_bare_clause_opening_with_its_verb():
    from briefing.editorial.titles import TITLE_FEATURES, title_units

    from corpus_pages import read_tune_page

    def features(page_id: str) -> dict[str, dict[str, float]]:
        return {u.text: dict(zip(TITLE_FEATURES, u.features)) for u in title_units(read_tune_page(page_id), CAP)}

    # c-0013: 我国迄今为止最大的大科学装置和大科学平台——上海同步辐射光源 names a thing, says nothing done
    light_source = features("c-0013")
    assert light_source["我国迄今为止最大的大科学装置和大科学平台——上海同步辐射光源"]["de_head"] == 1.0
    assert light_source["可同时容纳几百名不同学科领域、不同公司企业的科学家和工程师"]["de_head"] == 0.0  # opens with its verb
    # b-0073: …，推动企业博士后工作高质量发展 — a purpose with no subject of its own, and none lent
    postdoc = features("b-0073")
    assert postdoc["推动企业博士后工作高质量发展"]["bare_verb_first"] == 1.0
    assert all(f["bare_verb_first"] == 0.0 for f in postdoc.values() if f["own_subject"] == 1.0)


def test_the_chooser_is_trained_on_the_clauses_it_can_pick():
    from briefing.editorial.titles import choosable, title_units
    from corpus_pages import read_tune_page

    # b-0059's report received is never chosen, so it is weighed against nothing
    units = title_units(read_tune_page("b-0059"), CAP)
    picked = [units[i].text for i in choosable(units)]
    assert "东光县公安局接内蒙古赤峰市警方消息" not in picked
    assert any("抓获" in text for text in picked)


def test_the_chooser_sees_a_figure_of_a_headlines_size():
    from briefing.editorial.titles import TITLE_FEATURES, title_units

    from corpus_pages import read_tune_page

    # a-0092 (长沙科交会闭幕 签约金额达103亿元): a sum in 亿 is a headline's figure, a count of projects is not
    units = {u.text: dict(zip(TITLE_FEATURES, u.features)) for u in title_units(read_tune_page("a-0092"), CAP)}
    assert units["签约金额达103亿元"]["magnitude"] == 1.0
    assert units["本届科交会共签订各类科技合作项目230个"]["magnitude"] == 0.0


def test_where_or_under_what_something_happened_is_no_headline_without_the_something():
    from briefing.editorial.titles import plainly_unfit

    from test_titles_pages import probe_text, shown

    # probe-153: 2标准制定必要性分析2.1行业状况在《国民经济行业分类》（…）中，食品制造包括7个中类及24个小类 — the
    # section heading glued to the circumstance is no headline; the clause with the fact is
    assert "行业状况在《国民经济行业分类》（GBI47542017）中，食品制造包括7个中类" in probe_text("probe-153")
    assert plainly_unfit("2标准制定必要性分析21行业状况在《国民经济行业分类》中")
    assert plainly_unfit("在慎终如始抓好疫情防控的前提下")
    # a state is said: 工信部第二批行业标准制修订计划也正在筹划中 (a-0119), 学生就业率一直保持在98%以上 (b-0096)
    assert "正在筹划中" in shown("a-0119") and "一直保持在98%以上" in shown("b-0096")
    assert not plainly_unfit("工信部第二批行业标准制修订计划也正在筹划中")
    assert not plainly_unfit("学生就业率一直保持在98%以上")
