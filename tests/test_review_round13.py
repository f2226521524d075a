"""Review items of the thirteenth round: an ad slot's label, in either script, is one pattern for both places
that read it (the cleaner's teaser under a label alone on its line, probe-187, and the summary's last sentence)."""

from __future__ import annotations

from briefing.editorial.candidates import AD_LABEL as CANDIDATES_AD_LABEL
from briefing.text import junk


def test_ad_label_is_one_pattern_in_both_scripts() -> None:
    assert CANDIDATES_AD_LABEL is junk.AD_LABEL
    assert junk.AD_LABEL.fullmatch("廣告") and junk.AD_LABEL.fullmatch("x 广告")
    assert junk.AD_LABEL.match("x 广告5月11日15时至12日15时，北京新增本土新冠肺炎病毒感染者36例")
    assert not junk.AD_LABEL.match("广州白云山医药集团发布公告")
