"""Summaries, round 14: an exchange brings in who and when. The real examples are tune pages read
from the corpus file (a-0111, c-0136, b-0155); the tests quote them only in comments."""

from __future__ import annotations

from corpus_pages import read_tune_page

from briefing.editorial.summarize import Budget, _facts, _who_or_when, summarize

BUDGET = Budget(150, 250)


def test_an_exchange_brings_in_the_day_a_summary_lacked():
    # a-0111: the summary had dates to the month (2006年3月，成功进行了首次工程调试。) and 历经8年艰苦奋斗和自主创新，
    # 世界上新一代全超导托卡马克…率先建成; the labelled 2006年9月26日 stands in the sentence left out,
    # 2006年9月26日，EAST首轮物理实验成功获得高温等离子体。
    summary = summarize(read_tune_page("a-0111"), BUDGET)
    assert "2006年9月26日" in summary, summary
    assert len(summary) <= BUDGET.max_chars
    # b-0155: the press conference's day (9月26日，国新办举行…新闻发布会) comes in for a sentence of campaigns
    # without a day or a figure the rest lacks (人社部分类实施技能强企、…百万青年技能提升等行动计划…)
    summary = summarize(read_tune_page("b-0155"), BUDGET)
    assert "9月26日" in summary and "人社部分类实施" not in summary, summary


def test_an_exchange_brings_in_the_person_a_summary_lacked():
    # c-0136: the summary named nobody; 市场监管总局副局长、标准委主任田世宏作为ISO中国国家成员体主席…进行了15场会谈，
    # 取得了积极成果。 (田世宏 and 15场会谈 are labelled) comes in for 同期举行的ISO理事会会议重点研究了ISO战略2030…
    summary = summarize(read_tune_page("c-0136"), BUDGET)
    assert "田世宏" in summary and "15场会谈" in summary, summary
    assert summary.startswith("第42届国际标准化组织（ISO）大会"), summary  # it opens where it did


def test_who_and_when_are_a_person_named_and_a_date_to_the_day():
    facts = _facts("市场监管总局副局长、标准委主任田世宏作为ISO中国国家成员体主席，于9月16日至20日出席了大会，2020年起…")
    kinds = {fact: _who_or_when(fact, weight) for fact, weight in facts.items()}
    assert kinds.get("田世宏") == "who"
    assert kinds.get("9月16日至20日") == "when"
    # a year or a month alone is no day, a document no date, a figure neither
    for fact, weight in (("2020年", 1.0), ("2006年3月", 1.0), ("《国家标准化发展纲要》", 1.0), ("15场", 2.0)):
        assert _who_or_when(fact, weight) == "", fact
