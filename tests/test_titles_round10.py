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


def test_a_kicker_before_a_colon_still_gives_way_to_the_main_title():
    from dataclasses import replace

    article = read_junk_probe_page("probe-195")
    # no speaker's half: the part after the kicker's colon is the main title, as before
    kicker = replace(article, title="权威发布：港深创科园第一批首三座大楼落成并已有超过60间企业陆续进驻")
    assert item_title(kicker, CAP) == "港深创科园第一批首三座大楼落成并已有超过60间企业陆续进驻"
