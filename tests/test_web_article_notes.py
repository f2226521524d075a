"""The console's article table says in Chinese why each article went where it did (the
classifier's own words stay beside it, with the probabilities)."""

from __future__ import annotations

from console_harness import add_users, start_console, write_console_config
from corpus_pages import _tune

from briefing.web.pages import article_note


def test_each_kind_of_reason_reads_in_chinese_on_the_issue_page(tmp_path, cli):
    # the sample, one real off-topic tune page (sport or entertainment), one section made full
    write_console_config(tmp_path, extra="[editorial]\nmax_items_per_section = 1\n")
    add_users(tmp_path / "briefing.toml")
    off = next(p for p in _tune().values() if not p["sections"] and any(w in p["raw"] for w in ("比赛", "冠军", "电影")))
    (tmp_path / "inbox" / f"{off['id']}.txt").write_text(off["raw"], encoding="utf-8")
    second = tmp_path / "inbox" / "second.txt"
    second.write_text("# 长三角科技创新共同体建设加快推进\n\n长三角三省一市科技部门日前签署协同创新合作协议，"
                      "共建联合实验室12家，联合攻关项目40项，推动区域协同创新。\n", encoding="utf-8")
    built = cli("build", "--date", "2026-11-26", "--config", str(tmp_path / "briefing.toml"))
    assert built.code == 0, built.stderr
    console = start_console(tmp_path, start_worker=False)
    try:
        page = console.login("vera").get("/issues/2026-11-26-daily-1").text
    finally:
        console.stop()
    table = page.split('id="articles"')[1]
    assert "归入得分最高的栏目" in table
    assert "与本简报无关" in table or "与各栏目都不够相符" in table
    assert "“协同创新”栏已满（每栏 1 条），未采用" in table
    assert "score " in table  # the classifier's words, beside the label


def test_a_reason_the_console_does_not_know_is_shown_as_it_is():
    assert article_note("some future reason", {}) == ""
    assert article_note("reads as sports (比赛、冠军): score 0.3 of 10, below the threshold 4 (closest section talent)",
                        {}) == "体育类内容，与本简报无关（得分低于 4）"
    assert article_note("score 9.1 of 10 from 医院; close second collaboration (45% against 50%)",
                        {"collaboration": "协同创新"}) == "归入得分最高的栏目；与次选“协同创新”很接近"
