"""Written headlines, round 14: how fast a body moved is no headline while its deed follows (tune b-0059)."""

from __future__ import annotations

from briefing.editorial.titles import plainly_unfit


def test_how_fast_a_body_moved_is_no_headline():
    # b-0059: 沧州东光县公安局快速出击，抓获一名涉嫌电信诈骗的犯罪嫌疑人。 — the arrest is the news
    assert plainly_unfit("沧州东光县公安局快速出击")
    assert plainly_unfit("县消防救援大队迅速出动")


def test_a_campaign_named_for_its_vigour_is_still_news():
    assert not plainly_unfit("警方开展“重拳出击”专项行动")
    assert not plainly_unfit("公安机关快速出击抓获犯罪嫌疑人5名")
