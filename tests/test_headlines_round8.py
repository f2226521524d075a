"""Headlines on real pages the finder missed (benchmarks/probe/headlines.jsonl round seven's misses,
the tune split's headline-found misses), one kind of page a test: a headline under a long menu of
`*` items, one over a story in English, one glued to its dateline behind its source's 【】 label,
a WeChat-style title over its cover image's placeholder, a release's serial number beside its
headline, a province's government account glued to the headline with its counter."""

from __future__ import annotations

import json
import sys
from functools import lru_cache
from pathlib import Path

import pytest

from briefing.text.chinese import to_simplified
from briefing.text.headlines import clean_decoration, find_in_lines, without_site_name
from briefing.text.normalize import normalize_text

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

from corpus import main_article, split_of  # noqa: E402


@lru_cache(maxsize=4)
def _pages(path: str) -> dict[str, dict]:
    lines = (BENCHMARKS / path).read_text(encoding="utf-8").splitlines()
    return {page["id"]: page for page in map(json.loads, filter(str.strip, lines))}


def read_page(page_id: str, path: str = "probe/headlines.jsonl"):
    page = _pages(path)[page_id]
    assert path.startswith("probe/") or split_of(page["url"]) == "tune"  # never a test-split page
    article = main_article(page)
    assert article is not None, f"{page_id}: nothing read"
    return article


def simplified(text: str) -> str:
    return normalize_text(to_simplified(text))


def headline_found(raw: str) -> str | None:
    """The line the finder takes for the headline of a page's raw lines, or None."""
    found = find_in_lines([line for line in raw.split("\n") if line.strip()])
    return found.text if found is not None else None


def probe_raw(page_id: str) -> str:
    """A headline-probe page's raw text, as collected."""
    return _pages("probe/headlines.jsonl")[page_id]["raw"]


def assert_found(page_id: str, headline: str) -> None:
    """The page's own headline, found among its lines (not written), as the checker counts it."""
    article = read_page(page_id)
    assert article.title_from == "page"
    assert simplified(article.title) == simplified(headline)


@pytest.mark.parametrize("page_id, headline", [
    # news.gov.hk: 76 lines of `* 政府评论`, `* 新闻焦点` … menu items over 2009年9月29日 / 商务 / the headline;
    # a menu's items, their bullets aside, are too short to push the headline down
    ("hp-200", "檢測局研究提升檢測業競爭力"),
    # tingroom: a one-line menu of languages, the headline, 时间：… 来源：互联网, then the story in English,
    # which can say none of the Chinese headline's words (and `2020--` is no site name's dash)
    ("hp-226", "VOA慢速英语2020--中国批准首个新冠通用疫苗"),
    # 进博会 site: 【中国医疗保险】headline 发布日期：2025年12月10日 来源：中国医疗保险 on one line
    ("hp-212", "从进博之窗到谈判桌,超越“砍价”、追求“共赢”"),
    # a WeChat-style repost: the title, 图片 (its cover image), then the text in one-sentence lines
    ("hp-215", "医保改革破局天价药"),
])
def test_round_seven_misses_are_found(page_id, headline):
    assert_found(page_id, headline)


def test_a_bilingual_pages_headline_run_into_its_english_text_is_cut_off_it():
    # hp-210 (China Daily podcast, one line under the kicker 英语新闻): no break before the English text
    found = find_in_lines([
        "英语新闻",
        "我国在疫苗接种方面迈出了一大步From offering the world's first inhaled COVID-19 vaccines and "
        "developing Omicron-targeted vaccines to rolling out second booster shots, China has taken a big step.",
    ])
    assert found is not None and found.text == "我国在疫苗接种方面迈出了一大步"
    assert simplified(read_page("hp-210").title) == "我国在疫苗接种方面迈出了一大步"


def test_a_headline_over_an_image_placeholder_needs_a_word_the_text_says():
    lines = [line.strip() for line in _pages("probe/headlines.jsonl")["hp-215"]["raw"].splitlines() if line.strip()]
    assert lines[:2] == ["医保改革破局天价药", "图片"]
    found = find_in_lines(lines)
    assert found is not None and found.text == "医保改革破局天价药" and found.index == 0
    found = find_in_lines(["周末去哪儿玩好呢", *lines[1:]])  # a first line the text names nothing of
    assert found is None or found.text != "周末去哪儿玩好呢"


def test_a_source_label_goes_only_when_the_line_names_that_source():
    from briefing.text.headlines import _without_source_label

    lines = [line.strip() for line in _pages("probe/headlines.jsonl")["hp-212"]["raw"].splitlines() if line.strip()]
    line = "【中国医疗保险】从进博之窗到谈判桌，超越“砍价”、追求“共赢” 发布日期：2025年12月10日 来源：中国医疗保险"
    index = [normalize_text(t) for t in lines].index(line)
    found = find_in_lines(lines)
    assert found is not None and found.text == "从进博之窗到谈判桌，超越“砍价”、追求“共赢”" and found.index == index
    head = "【中国医疗保险】从进博之窗到谈判桌，超越“砍价”、追求“共赢”"
    assert _without_source_label(head, " 发布日期：2025年12月10日 来源：人民网") == head  # another source: a kicker


def test_a_releases_serial_number_is_no_headline():
    # tune c-0119 (info.gov.hk): 天 气 稿 第 089 号 - 热带气旋警报 / ***** / 热带气旋警报
    assert without_site_name("天 气 稿 第089号 - 热带气旋警报") == "热带气旋警报"
    article = read_page("c-0119", "corpus/pages-c.jsonl")
    assert article.title == "热带气旋警报"


def test_a_province_accounts_name_and_counter_glued_to_the_headline_go():
    # tune c-0106: a content farm's copy of a Sohu post by 湖南发布
    assert clean_decoration("保健品宣传医疗功能被罚款数十万元湖南发布1") == "保健品宣传医疗功能被罚款数十万元"
    assert clean_decoration("2024年湖南省政府工作报告在湖南发布") == "2024年湖南省政府工作报告在湖南发布"
    assert read_page("c-0106", "corpus/pages-c.jsonl").title == "保健品宣传医疗功能被罚款数十万元"


def test_a_double_dash_after_a_year_is_no_site_names_dash():
    assert without_site_name("VOA慢速英语2020--中国批准首个新冠通用疫苗") == "VOA慢速英语2020--中国批准首个新冠通用疫苗"
    assert without_site_name("怀柔科学城发布8项成果--北京日报") == "怀柔科学城发布8项成果"


@pytest.mark.parametrize("page_id, headline", [
    # fastread: 快读 / 综述：… / 2022年8月19日 斗车 / 综述：… / 新华社新加坡11月6日电 综述：… / 新华社记者王丽丽
    ("hp-232", "綜述:新加坡同中國的科技創新合作潛力大"),
    # money.udn: a subscription box's pitch twice over the headline (…现在订阅，立即畅读经济 VIP 好文…)
    ("hp-250", "奇美醫院南科精華區新建醫院今動土 新院共274床預計117年開幕"),
])
def test_round_eight_misses_are_found(page_id, headline):
    article = read_page(page_id)
    assert article.title_from == "page"
    assert simplified(article.title) == simplified(headline)[:len(simplified(article.title))]
    assert len(article.title) >= 12


def test_a_wire_datelines_headline_is_read_without_the_dateline():
    found = find_in_lines([
        "快读",
        "新华社新加坡11月6日电 综述：新加坡同中国的科技创新合作潜力大",
        "新华社记者王丽丽",
        "新一轮科技革命与产业变革席卷全球，科技创新对经济社会发展的支撑和引领作用日益凸显。新加坡政要和专家学者认为，"
        "新中两国在科技创新领域互补性强，合作潜力大。",
        "中国得益于40年的改革开放，建立了较为完善的科技创新体系，特别是拥有一支庞大的科技创新人才队伍。新加坡建立了开放式"
        "创新体系，拥有一定科研优势，在技术转移、资本市场运作和知识产权保护等方面积累了丰富经验。",
    ])
    assert found is not None and found.text == "综述：新加坡同中国的科技创新合作潜力大"


def test_a_paywall_pitch_is_furniture_and_leaves_the_body():
    from briefing.text.headlines import page_roles

    pitch = "关税风暴接踵而来，快看专家如何解析，抓稳投资、发掘获利！现在订阅，立即畅读经济 VIP 好文，还有黄金等你拿喔！"
    assert page_roles([pitch, "⭐不限方案订阅送7-11 100元", "奇美医院南科精华区新建医院今动土"]) == {0: "furniture", 1: "furniture"}
    article = read_page("hp-250")
    assert not any("订阅" in p for p in article.paragraphs)
    assert not article.paragraphs[0].startswith("本文共659字")  # udn's word count under the headline is no lead
    assert page_roles(["本文共659字"]) == {0: "furniture"}
    # a story's sentence about subscriptions is no pitch
    assert page_roles(["该平台表示，用户现在订阅年度会员可享八折优惠，此举旨在吸引更多年轻读者。"]) == {}
