"""Summaries, round 15 (tune split pages only): what a garble at the front of a sentence leaves
that a summary may still use."""

from __future__ import annotations

from corpus_pages import read_tune_page

from briefing.editorial.candidates import _after_garble, candidates
from briefing.editorial.summarize import summarize


def texts(page_id: str) -> list[str]:
    return [c.text for c in candidates(read_tune_page(page_id), shortened=True)]


def test_the_clauses_after_a_garble_stay_when_they_state_a_figure():
    # a-0104 (tune-a): …互动答题？,F场活动气氛热烈…？；颙又羞M行群众咨询100余人次，发放宣传资料500余份。
    # the garbled clause goes, the clause after it with its figure (a labelled fact) stays
    assert "发放宣传资料500余份。" in texts("a-0104")
    assert "500余份" in summarize(read_tune_page("a-0104"))
    # a-0025 (tune-b): …平台？！吧虾9庠础本哂薪ㄔO60条以上光束线和上百个实验站的能力，可同时提供…
    assert any(t.startswith("可同时提供从远红外线") and "5000小时" in t for t in texts("a-0025"))


def test_what_a_garble_leaves_is_kept_only_when_it_stands_alone_and_states_a_figure():
    # a-0097: 建立标准化领域？qū)<易稍儥C制是适应国际标准化发展的新形势，提高…的重要举措。 (no figure)
    assert _after_garble("qū)<易稍儥C制是适应国际标准化发展的新形势，提高我国标准化工作决策水平的重要举措。") == ""
    assert not any(t.startswith("提高我国标准化工作决策水平") for t in texts("a-0097"))
    # a clause joined to the one the garble broke (和…, 其中…) does not open a sentence
    assert _after_garble("颙又羞M行群众咨询，和宣传资料500余份。") == ""
    assert _after_garble("颙又羞M行群众咨询，其中发放宣传资料500余份。") == ""
    # a piece that ends in a garble's ？ is cut off there
    assert _after_garble("颙又羞M行群众咨询，发放宣传资料500余份？") == ""
