"""Summaries, round 11 (issue 11): sentences that were thrown away though they state the news —
a quotation of figures, a list of who did it joined by 、. Real pages and sentences of the tune
split only."""

from __future__ import annotations

from corpus_pages import read_tune_page

from briefing.editorial.candidates import candidates
from briefing.editorial.summarize import Budget, summarize

BUDGET = Budget(150, 250)


def test_a_quotation_of_the_figures_is_a_sentence_of_the_story():
    # c-0022: the year's figures are quoted (“…批准发布国家标准2902项…截至2023年底，国家标准共44499项…”),
    # their speaker named in the next sentence; the summary had none of them
    summary = summarize(read_tune_page("c-0022"), BUDGET)
    assert "2902项" in summary and "44499项" in summary and "93.7%" in summary, summary


def test_a_quotation_in_the_first_person_or_without_a_fact_stays_out():
    # a-0048: “我们港科大深港协同创新研究院成立于2020年5月，…” holds a date but speaks as 我们, whose
    # speaker a summary would lose; b-0150's quotations are a master's words, no fact in them
    texts = [c.text for c in candidates(read_tune_page("a-0048"), shortened=True)]
    assert not any(t.startswith("“我们港科大") for t in texts), texts
    texts = [c.text for c in candidates(read_tune_page("b-0150"), shortened=True)]
    assert not any(t.startswith("“") and t.endswith("”") for t in texts), texts
    # c-0124: the figures and the date quoted (“这个项目是全省47家中心卫生院升级项目之一，于2017年9月动工建设，…”)
    # are a sentence, its speaker named in the next one
    texts = [c.text for c in candidates(read_tune_page("c-0124"), shortened=True)]
    assert any(t.startswith("“这个项目是全省47家中心卫生院升级项目之一") for t in texts), texts


def test_a_list_joined_by_enumeration_commas_is_no_run_of_captions():
    # a-0054: 北京市、天津市和我省共同组织制定、分别发布《…》、《…》2项地方标准。 has no comma, and was
    # taken for photo captions glued together; it names the two standards the story is about
    summary = summarize(read_tune_page("a-0054"), BUDGET)
    assert "《老年护理常见风险防控要求》" in summary and "《电子不停车收费系统路侧单元应用技术规范》" in summary, summary
