"""Sections on fresh pages (the summary probe's labelled pages, benchmarks/probe/summaries.jsonl):
the talent section knows the names of its own institutions."""

from __future__ import annotations

from test_headlines_probe import read_probe_page

from briefing.editorial.classify import classify_one
from briefing.editorial.lexicon import DEFAULT_SECTIONS
from briefing.model import SectionSpec

SECTIONS = [SectionSpec(id=s["id"], title=s["title"], keywords=s["keywords"]) for s in DEFAULT_SECTIONS]


def section_of(page_id: str) -> str | None:
    return classify_one(read_probe_page(page_id, "summaries.jsonl"), SECTIONS, min_score=4.0).section


def test_an_academicians_workstation_is_a_talent_story():
    # sum-020: 海淀园新添3家企业院士专家工作站 — 院士专家工作站 bring academicians into firms (引才引智);
    # its 合作、企业、创新 had sent it to collaboration (48 % against talent's 17 %)
    assert section_of("sum-020") == "talent"


def test_the_workstation_terms_do_not_pull_other_stories_to_talent():
    # guards: regional signings stay in collaboration, a 企业专家工作站 story stays in talent
    assert section_of("sum-003") == "collaboration"
    assert section_of("sum-005") == "collaboration"
    assert section_of("sum-021") == "talent"
