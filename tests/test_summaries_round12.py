"""Summaries, round 12: a sentence that says nothing without the one before it does not end a
summary on its own. The real example: the bundled sample page (on tune the rule fires on one sentence,
a-0027's 大国重器是指…, whose summary it leaves as it was)."""

from __future__ import annotations

from test_text import sample_articles

from briefing.editorial.summarize import Budget, summarize

BUDGET = Budget(150, 250)


def test_a_definition_aside_comes_only_after_the_sentence_it_explains():
    # the sample's 怀柔科学城 story: 记者换算得知，1阿秒等于10的负18次方秒，… explains the 50阿秒 of the
    # sentence before it, which the summary leaves out; alone it closed the summary
    article = next(a for a in sample_articles() if a.title == "怀柔科学城发布8项代表性重大成果")
    summary = summarize(article, BUDGET)
    assert "37个科技设施" in summary, summary
    assert "1阿秒等于" not in summary or "50阿秒" in summary, summary
