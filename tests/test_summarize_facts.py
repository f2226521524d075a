"""Summaries keep the story's key facts (issue 11): the room of the budget goes to the sentences
that state the figures, the dates and the people, not to one long sentence that states less.
Real pages of the tune split only."""

from __future__ import annotations

from corpus_pages import read_tune_page

from briefing.editorial.candidates import candidates
from briefing.editorial.summarize import Budget, _facts, summarize


def test_the_sentence_with_the_key_figures_is_chosen_over_a_vaguer_one():
    # b-0074, 第三届职业技能大赛: 35个代表团、3420名选手、58% (69 characters) in the room the old
    # pick gave to the share of new fields (超过50%, 17个新职业赛项; 95 characters)
    article = read_tune_page("b-0074")
    summary = summarize(article, Budget(150, 250))
    for fact in ["106个竞赛项目", "3420名", "58%", "35个代表团"]:
        assert fact in summary, (fact, summary)
    assert "首次设置乡村振兴赛项" not in summary
    assert len(summary) <= 250
    sentences = [c.text for c in candidates(article, shortened=True)]
    rest = summary
    while rest:  # whole candidate sentences, in source order
        sentence = next(s for s in sentences if rest.startswith(s))
        rest = rest[len(sentence):]


def test_a_person_the_story_names_is_a_fact():
    assert "黄伟" in _facts("科技部成果转化与区域创新司副巡视员黄伟在致辞中回顾了联盟的由来。")
    assert "何良平" in _facts("何良平介绍，近年来，国家层面建设476个高技能人才培训基地。")
    assert "陈建德" in _facts("陈建德感叹，明年科技预算增加百分之三，无法支持光子源？")
    assert not any("在" in fact for fact in _facts("副巡视员黄伟在致辞中回顾了联盟的由来。"))


def test_a_count_in_chinese_numerals_is_a_figure():
    assert _facts("跨国药企都为之投资巨大，中国至少二十家企业拿到临床批文。").get("二十家") == 2.0
    assert _facts("中华人民共和国第三届职业技能大赛在郑州举行。").get("第三届") == 2.0
    assert not any(fact.startswith("一") for fact in _facts("这是一项重要成果，也是一家企业的努力。"))
