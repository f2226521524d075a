"""Headlines on real pages the finder missed in round fifteen (benchmarks/probe/headlines.jsonl), one kind
of page a test: a 范文 page's collection headline over its first numbered piece (…集合 篇1); a county
government's 信息公开 table, two fields to a line, over the notice's headline."""

from __future__ import annotations

import pytest
from test_headlines_round8 import assert_found, read_page  # the probe's pages, read as the checker reads them

from briefing.text.headlines import page_roles, usable


@pytest.mark.parametrize("page_id, headline", [
    # syfww: 網站首頁 工作範例 … / 簽約服務實施方案集合(精選3篇) / 欄目: 活動方案 / … / 簽約服務實施方案集合 篇1 / 縣鄉村…
    ("hp-403", "簽約服務實施方案集合(精選3篇)"),
    # 太湖县: 索引号: … 组配分类: … / 信息分类: 通知   发布机构: 太湖县人民政府办公室 / 生成日期: … / 废止时间: … 名称: … /
    # … / 太湖县人民政府关于印发《太湖县人民政府工作规则》的通知 / 各乡、镇人民政府，…
    ("hp-410", "太湖县人民政府关于印发《太湖县人民政府工作规则》的通知"),
])
def test_round_fifteen_misses_are_found(page_id, headline):
    assert_found(page_id, headline)


def test_a_collections_numbered_piece_stands_apart_as_a_subhead():
    article = read_page("hp-403")
    assert not article.body.startswith("签约服务实施方案集合篇1")  # not glued to the piece's first paragraph
    assert page_roles(["签约服务实施方案集合 篇1", "县乡村工作实施方案提要：广泛宣传。"]).get(0) == "subhead"


def test_a_line_of_two_information_fields_is_no_headline():
    assert not usable("信息分类：通知 发布机构：太湖县人民政府办公室")
    assert not usable("废止时间：2020-01-23名称：太湖县人民政府关于印发《太湖县人民政府工作规则》的通知")
    assert usable("太湖县人民政府关于印发《太湖县人民政府工作规则》的通知")
