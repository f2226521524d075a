"""Headline probe round 17 (hp-446 … hp-471): the rules its first look's misses led to, each from its real page
(benchmarks/probe/headlines.jsonl), and two leaks its summaries showed."""

from __future__ import annotations

import json
import sys
from functools import lru_cache
from pathlib import Path

from briefing.text.chinese import to_simplified
from briefing.text.headlines import _line_kinds, find_in_lines
from briefing.text.junk import line_kind, strip_markup
from briefing.text.normalize import normalize_text

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

from corpus import main_article  # noqa: E402


@lru_cache(maxsize=1)
def _pages() -> dict[str, dict]:
    lines = (BENCHMARKS / "probe" / "headlines.jsonl").read_text(encoding="utf-8").splitlines()
    return {page["id"]: page for page in map(json.loads, filter(str.strip, lines))}


def _read(page_id: str):
    """The page read as the build reads it saved as .txt (simplified first, as the finder sees it)."""
    article = main_article(_pages()[page_id])
    assert article is not None
    return article


def _headline(raw: str) -> str:
    found = find_in_lines([line for line in raw.split("\n") if line.strip()])
    assert found is not None
    return found.text


def test_a_browser_title_over_the_headline_gives_way_to_it():
    # hp-456 (chard.org.cn): the site's <title> line, then the headline it names
    raw = _pages()["hp-456"]["raw"]
    assert raw.startswith("中国罕见病综合云服务平台官方网站 - 述评|罕见病用药保障现状与挑战页面\n")
    assert _headline(raw) != "中国罕见病综合云服务平台官方网站"
    assert _read("hp-456").title in ("述评|罕见病用药保障现状与挑战", "罕见病用药保障现状与挑战")


def test_an_epapers_current_page_field_is_furniture_and_its_word_count_leaves_the_story():
    # hp-464 (天门日报's e-paper): 当前版：02版 / 发布日期：… / the title / 文章字数：309 / the story
    assert line_kind("当前版：02版") == "layout"
    article = _read("hp-464")
    assert article.title == "我市多形式开展《职业病防治法》宣传"
    assert "文章字数" not in article.body


def test_a_title_wrapped_under_its_one_line_copy_keeps_its_tail_and_the_copy_leaves_the_story():
    # hp-465 (m.bydyhos.com): the title on one line, the date, the title again over two lines, the story
    article = _read("hp-465")
    assert article.title == "市一院启动“职业病防治法宣传周” 倡导 职业健康先行"
    assert article.body.startswith("2017年4月25日至5月1日")


def test_a_kicker_colon_headline_the_page_opens_on_is_no_subhead():
    # hp-471 (tyofrpy.com): 紧急通报：… over the lead, then three `kicker：…` subheads between the paragraphs
    assert _read("hp-471").title == "紧急通报：四川突发地震"


def test_a_subhead_of_the_same_shape_under_the_pages_headline_still_is_one():
    # hp-471's lines with a headline of its own above them: the first `kicker：…` line is the story's subhead
    raw = "四川突发地震 多方力量驰援\n" + "\n".join(_pages()["hp-471"]["raw"].split("\n")[1:])
    assert _headline(raw) == "四川突发地震 多方力量驰援"


def test_a_headline_a_mirror_said_between_paragraphs_twice_is_the_last_resort():
    # hp-448 (ppj58.cn): the page lost the headline above the lead; the mirror put it between the paragraphs twice
    assert _read("hp-448").title == "【快讯】长江中游四省会城市“抱团”快速发展 组建新型研发机构战术联盟"


def test_copies_stacked_over_the_story_are_not_said_between_its_paragraphs():
    # hp-448's line with its two copies moved over the lead, as c-0087's other story's headline stands ×3 over its
    # story: the last resort leaves it to the rules for a page's first line
    from briefing.text.headlines import _title_said_between_paragraphs  # (this round's: none before it)

    lines = [to_simplified(line) for line in _pages()["hp-448"]["raw"].split("\n") if line.strip()]
    flash = next(line for line in lines if line.startswith("【快讯】"))
    texts = [normalize_text(line) for line in [flash, flash, *(line for line in lines if line != flash)]]
    assert _title_said_between_paragraphs(texts, _line_kinds(texts)) is None
    spread = [normalize_text(line) for line in lines]
    assert _title_said_between_paragraphs(spread, _line_kinds(spread)).text == normalize_text(flash)


def test_a_newspapers_main_title_under_its_kicker_is_the_headline():
    # hp-449 (acorahome mirror of 长江日报): 引题 in clauses, 主题 one phrase, the story right under both
    assert _read("hp-449").title == "长江中游城市群锚定“牵手”蓝图"


def test_a_cdn_image_name_past_sixty_characters_leaves_the_text():
    # hp-451 (yhscy.cn): two such names stood over the story and were glued to its first sentence
    name = "f046678a0e29bec177c2a572e9a5f860_wKgEHmYdwemAa_iNAAOhLjEpoa8192.png"
    assert name in _pages()["hp-451"]["raw"]
    assert strip_markup(name + "安徽合肥西郊，有一座面积不到3平方公里的小岛。") == "安徽合肥西郊，有一座面积不到3平方公里的小岛。"
    assert "png" not in _read("hp-451").body


def test_a_papers_spaced_abstract_label_and_keywords_without_colons_leave_its_summary():
    # hp-459 (fx361 copy): 马建富 蔡巧燕 / 摘 要 人才振兴是… / 关键词 乡村人才振兴；… — the authors, the label and the
    # keywords were glued into the story's first paragraphs
    assert line_kind("关键词 乡村人才振兴；农村职业教育；发展理念；县域职业教育体系；新农科") is not None
    body = _read("hp-459").body
    assert body.startswith("人才振兴是乡村振兴的基础")
    assert "马建富" not in body and "关键词" not in body
