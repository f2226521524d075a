"""A photo credit is stripped from a caption's end only: a long line of spaced words that ends on one
keeps its words (before, the chain of space-separated "names" in the credit pattern ran from the
line's first word to its end, so the whole line went, and on wide spaces it took minutes)."""

from __future__ import annotations

from briefing.text.bylines import strip_credit


def test_a_credit_ending_a_long_line_of_spaced_words_takes_only_itself():
    words = " ".join(["北京市科委", "天津市", "合作", "创新"] * 300)
    assert strip_credit(words + " 新华社记者 张三 摄").startswith("北京市科委 天津市 合作 创新 北京市科委")
    assert len(strip_credit(words + " 新华社记者 张三 摄")) > len(words) - 130


def test_a_caption_still_loses_its_whole_credit():
    assert strip_credit("中关村论坛开幕式现场。新华社记者 张三 李四 摄") == "中关村论坛开幕式现场。"
