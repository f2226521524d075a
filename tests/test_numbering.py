"""Issue numbers: per year, reused on rebuild until sent, special issues on their own."""

from __future__ import annotations

import json
from datetime import date

from docx import Document

from briefing.ledger import Ledger


def manifest_of(result):
    assert result.code == 0, result.stderr
    return json.loads(result.stdout)


def test_two_dates_rebuild_and_special_issue_through_the_cli(cli, tmp_path):
    first = manifest_of(cli("build", "--date", "2026-11-26", "--formats", "docx", "--json"))
    second = manifest_of(cli("build", "--date", "2026-11-27", "--formats", "docx", "--json"))
    rebuilt = manifest_of(cli("build", "--date", "2026-11-26", "--formats", "docx", "--json"))
    special = manifest_of(cli("build", "--date", "2026-11-27", "--special", "--formats", "docx", "--json"))
    assert first["issue"] == {"year": 2026, "number": 1, "total": 1, "special": False}
    assert second["issue"] == {"year": 2026, "number": 2, "total": 2, "special": False}
    assert rebuilt["issue"] == first["issue"]
    assert special["issue"] == {"year": 2026, "number": 1, "total": None, "special": True}
    folders = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert folders == ["2026-11-26-daily-1", "2026-11-27-daily-2", "2026-11-27-daily-s1"]
    paragraphs = [p.text for p in Document(str(tmp_path / "out" / "2026-11-27-daily-2" / second["outputs"]["docx"])).paragraphs]
    assert "第2期" in paragraphs
    special_docx = tmp_path / "out" / "2026-11-27-daily-s1" / special["outputs"]["docx"]
    assert "增刊第1期" in [p.text for p in Document(str(special_docx)).paragraphs]
    assert special["outputs"]["docx"] == "科技创新动态（2026年增刊第1期）.docx"


def test_numbers_restart_each_year_and_the_total_runs_on(tmp_path):
    with Ledger(tmp_path) as ledger:
        _, december, _ = ledger.reserve("daily", date(2026, 12, 31), special=False)
        _, january, fresh = ledger.reserve("daily", date(2027, 1, 4), special=False)
    assert (december.year, december.number, december.total) == (2026, 1, 1)
    assert (january.year, january.number, january.total, fresh) == (2027, 1, 2, True)


def test_a_sent_issue_is_not_renumbered_by_a_rebuild(tmp_path):
    with Ledger(tmp_path) as ledger:
        issue_id, number, _ = ledger.reserve("daily", date(2026, 11, 26), special=False)
        _, again, fresh = ledger.reserve("daily", date(2026, 11, 26), special=False)
        assert (again, fresh) == (number, False)
        ledger.mark(issue_id, "sent")
        _, after_send, fresh = ledger.reserve("daily", date(2026, 11, 26), special=False)
    assert fresh and after_send.number == number.number + 1


def test_a_failed_build_gives_its_number_back(tmp_path):
    with Ledger(tmp_path) as ledger:
        issue_id, number, _ = ledger.reserve("daily", date(2026, 11, 26), special=False)
        ledger.release(issue_id)
        _, retry, fresh = ledger.reserve("daily", date(2026, 11, 26), special=False)
    assert fresh and retry.number == number.number == 1


def test_editions_number_independently(tmp_path):
    with Ledger(tmp_path) as ledger:
        _, daily, _ = ledger.reserve("daily", date(2026, 11, 26), special=False)
        _, weekly, _ = ledger.reserve("weekly", date(2026, 11, 26), special=False)
    assert daily.number == weekly.number == 1


def test_ledger_records_builds(cli, tmp_path):
    manifest_of(cli("build", "--date", "2026-11-26", "--formats", "docx", "--json"))
    with Ledger(tmp_path / ".briefing") as ledger:
        (build,) = ledger.builds()
        (issue,) = ledger.issues()
    assert build.status == "ok" and str(build.folder).endswith("2026-11-26-daily-1")
    assert issue.status == "built" and issue.number.number == 1


def test_rebuild_swaps_the_folder_and_clears_leftovers(cli, tmp_path):
    manifest_of(cli("build", "--date", "2026-11-26", "--formats", "docx", "--json"))
    folder = tmp_path / "out" / "2026-11-26-daily-1"
    inode = folder.stat().st_ino
    leftover = tmp_path / "out" / ".2026-11-26-daily-1.dead"
    leftover.mkdir()  # what a build killed mid-way leaves
    manifest_of(cli("build", "--date", "2026-11-26", "--formats", "docx", "--json"))
    assert folder.is_dir() and folder.stat().st_ino != inode, "the folder was replaced by the new build"
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["2026-11-26-daily-1"]
