"""Headlines on real pages the finder missed in round twelve (benchmarks/probe/headlines.jsonl), one kind
of page a test: a listed company's announcement on 上海证券报's e-paper, its title over two lines (the
company's name, then 关于…的公告) under the page's `15版 信息披露 查看版面PDF` bar and over its `证券代码：…`
field; a 国务院 意见 whose title a mirror wrapped before its last words."""

from __future__ import annotations

import pytest
from test_headlines_round8 import _pages, assert_found, read_page  # the probe's pages, read as the checker reads them

from briefing.text.headlines import find_in_lines, page_roles


@pytest.mark.parametrize("page_id, headline", [
    # cnstock: 丽珠医药集团股份有限公司 / 关于药品注册批件的提示性公告 / 2018-01-03 来源:上海证券报 / 证券代码:000513…
    ("hp-328", "丽珠医药集团股份有限公司关于药品注册批件的提示性公告"),
    # cnstock: 东北制药集团股份有限公司 / 关于孙公司获得药品注册证书的公告 / 2024-05-06 来源:上海证券报 / …
    ("hp-329", "东北制药集团股份有限公司关于孙公司获得药品注册证书的公告"),
    # a spam template's mirror: 国务院关于推动内蒙古高质量发展 / 奋力书写中国式现代化新篇章的意见 / 国发〔2023〕16号
    ("hp-337", "国务院关于推动内蒙古高质量发展奋力书写中国式现代化新篇章的意见"),
])
def test_round_twelve_misses_are_found(page_id, headline):
    assert_found(page_id, headline)


def page_lines(page_id: str) -> list[str]:
    """A probe page's raw lines, blank lines left out, as the headline finder is given them."""
    return [line for line in _pages("probe/headlines.jsonl")[page_id]["raw"].splitlines() if line.strip()]


def test_an_e_papers_page_bar_and_an_announcements_stock_code_field_are_furniture():
    lines = page_lines("hp-328")
    roles = page_roles(lines)
    bar = next(k for k, line in enumerate(lines) if "查看版面PDF" in line)
    field = next(k for k, line in enumerate(lines) if line.startswith("证券代码"))
    assert roles.get(bar) == "furniture" and roles.get(field) == "furniture"


def test_a_title_wrapped_over_two_lines_leaves_neither_half_in_the_story():
    article = read_page("hp-328")
    # the page says the wrapped title again under the 证券代码 field: not the story's first words either
    first = article.blocks[0].text
    assert first.startswith("本公司及董事会全体成员保证"), first
    assert not any(block.text in ("丽珠医药集团股份有限公司", "关于药品注册批件的提示性公告") for block in article.blocks)
    article = read_page("hp-337")
    assert article.blocks[0].text.startswith("各省、自治区、直辖市人民政府"), article.blocks[0].text


def test_an_issuers_name_joins_only_its_own_documents_title():
    lines = page_lines("hp-329")
    headline = find_in_lines(lines)
    assert headline is not None and headline.text == "东北制药集团股份有限公司关于孙公司获得药品注册证书的公告"
    assert headline.lines == 2
    # a note in brackets over a document's title is no issuer (the form of 重庆's 高技能人才 意见, tune page b-0006)
    company = lines.index("东北制药集团股份有限公司")
    noted = lines[:company] + ["（此件公开发布）"] + lines[company + 1:]
    headline = find_in_lines(noted)
    assert headline is not None and headline.text == "关于孙公司获得药品注册证书的公告"
    # nor is a headline over a line that merely ends in a document's kind (规划) joined to it
    lines = ["我市召开人才工作会议", "会议审议通过人才发展规划", "2024-04-09 来源：市人社局",
             "4月9日，我市召开人才工作会议，会议审议通过了人才发展规划，部署下一阶段人才引育重点任务，各区县负责同志参加会议。"
             "会议强调，要加快集聚高层次人才。"]
    headline = find_in_lines(lines)
    assert headline is not None and headline.text in lines[:2]  # one line of the two, not both read as one
