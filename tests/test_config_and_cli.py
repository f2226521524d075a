"""The config contract and the command line's promises: exit codes, messages, nothing lost."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from conftest import SAMPLE


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def test_empty_config_file_works(cli, tmp_path):
    write(tmp_path / "briefing.toml", "")
    result = cli("build", str(SAMPLE), "--date", "2026-11-26", "--formats", "docx")
    assert result.code == 0, result.stderr
    assert (tmp_path / "out" / "2026-11-26-daily-1").is_dir()


def test_empty_config_reads_the_inbox_and_says_when_it_is_missing(cli, tmp_path):
    write(tmp_path / "briefing.toml", "")
    result = cli("build")
    assert result.code == 1
    assert "inbox" in result.stderr and "not found" in result.stderr and "Traceback" not in result.stderr
    (tmp_path / "inbox").mkdir()
    shutil.copy(SAMPLE, tmp_path / "inbox")
    result = cli("build", "--date", "2026-11-26", "--formats", "docx")
    assert result.code == 0, result.stderr
    assert (tmp_path / "out" / "2026-11-26-daily-1").is_dir()


def test_config_that_empties_the_sources_asks_for_them(cli, tmp_path):
    write(tmp_path / "briefing.toml", "[sources]\npaths = []\n")
    result = cli("build")
    assert result.code == 2
    assert "briefing.toml" in result.stderr and "[sources]" in result.stderr


def test_unknown_key_names_file_line_and_key(cli, tmp_path):
    write(tmp_path / "briefing.toml", '[briefing]\ntitle = "动态"\ntitel = "typo"\n')
    result = cli("build", str(SAMPLE))
    assert result.code == 2
    assert "briefing.toml:3" in result.stderr and "briefing.titel" in result.stderr
    assert "Traceback" not in result.stderr


def test_bad_value_names_the_key(cli, tmp_path):
    write(tmp_path / "c.toml", '[briefing]\ntimezone = "Mars/Base"\n[editorial]\nmax_items_per_section = 0\n')
    result = cli("build", str(SAMPLE), "--config", "c.toml")
    assert result.code == 2
    assert "c.toml:2" in result.stderr and "briefing.timezone" in result.stderr and "Mars/Base" in result.stderr
    assert "c.toml:4" in result.stderr and "editorial.max_items_per_section" in result.stderr


def test_bad_section_id_and_toml_syntax(cli, tmp_path):
    write(tmp_path / "a.toml", '[[sections]]\nid = "sports"\n')
    result = cli("build", str(SAMPLE), "--config", "a.toml")
    assert result.code == 2 and "sections[0].id" in result.stderr and "collaboration" in result.stderr
    write(tmp_path / "b.toml", '[briefing\ntitle = "x"\n')
    result = cli("build", str(SAMPLE), "--config", "b.toml")
    assert result.code == 2 and "b.toml" in result.stderr and "TOML syntax error" in result.stderr


def test_missing_config_file(cli):
    result = cli("build", "--config", "nowhere.toml")
    assert result.code == 2 and "nowhere.toml" in result.stderr and "not found" in result.stderr


def test_config_settings_reach_the_issue_and_paths_resolve_against_the_config(cli, tmp_path):
    project = tmp_path / "project"
    (project / "inbox").mkdir(parents=True)
    shutil.copy(SAMPLE, project / "inbox" / "page.txt")
    write(project / "briefing.toml", """
[briefing]
title = "科技工作简报"
issuer = "市科委办公室"
output_dir = "issues"
show_total = true
[sources]
paths = ["inbox"]
[distribution]
bao = ["市领导"]
song = []
fa = ["各委办局"]
copies = 25
[[sections]]
id = "talent"
title = "人才工作"
""")
    result = cli("build", "--config", "project/briefing.toml", "--date", "2026-03-02", "--json")
    assert result.code == 0, result.stderr
    manifest = json.loads(result.stdout)
    assert manifest["briefing"] == "科技工作简报"
    assert (project / "issues" / "2026-03-02-daily-1").is_dir()
    assert (project / ".briefing" / "ledger.sqlite3").is_file()
    assert "人才工作" in [s["title"] for s in manifest["sections"]]
    from docx import Document

    docx = project / "issues" / "2026-03-02-daily-1" / manifest["outputs"]["docx"]
    text = [p.text for p in Document(str(docx)).paragraphs]
    assert "第1期（总第1期）" in text
    assert "市科委办公室\t2026年3月2日" in text
    assert "报：市领导" in text and "发：各委办局" in text and not any(t.startswith("送：") for t in text)
    assert any(t.strip() == "（共印25份）" for t in text)


def test_bad_usage_exit_2(cli):
    assert cli("build", "--date", "26/11/2026").code == 2
    assert cli("build", "--formats", "odt").code == 2
    result = cli("build", "--formats", "odt")
    assert "--formats" in result.stderr and "Traceback" not in result.stderr


def test_nothing_usable_exits_1_and_writes_nothing(cli, tmp_path):
    write(tmp_path / "sport.txt", "# 足球联赛落幕\n\n主队在昨晚的比赛中以二比一获胜，球迷欢呼。天气晴朗，气温适宜。")
    result = cli("build", "sport.txt")
    assert result.code == 1
    assert "off-topic" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists() and not (tmp_path / ".briefing").exists()
    result = cli("build", "missing-folder")
    assert result.code == 1 and "missing-folder" in result.stderr and "not found" in result.stderr


def test_unreadable_source_is_skipped_and_reported_the_rest_builds(cli, tmp_path):
    write(tmp_path / "empty.txt", "")
    (tmp_path / "blob.txt").write_bytes(bytes(range(256)) * 50)
    result = cli("build", str(SAMPLE), "empty.txt", "blob.txt", "--formats", "docx", "--json")
    assert result.code == 0, result.stderr
    manifest = json.loads(result.stdout)
    skipped = {s["source"]: s["reason"] for s in manifest["skipped"]}
    assert set(skipped) == {"empty.txt", "blob.txt"}
    assert "empty.txt: skipped" in result.stderr
    assert sum(len(s["items"]) for s in manifest["sections"]) == 6


def test_same_story_twice_becomes_one_item(cli, tmp_path):
    shutil.copy(SAMPLE, tmp_path / "copy-a.txt")
    shutil.copy(SAMPLE, tmp_path / "copy-b.txt")
    result = cli("build", "copy-a.txt", "copy-b.txt", "--formats", "docx", "--json")
    manifest = json.loads(result.stdout)
    items = [i for s in manifest["sections"] for i in s["items"]]
    assert len(items) == 6
    assert all(i["sources"] == ["copy-a.txt", "copy-b.txt"] for i in items)
    duplicates = [a for a in manifest["articles"] if a["status"] == "duplicate"]
    assert len(duplicates) == 6 and all(a["merged_into"] for a in duplicates)


def test_human_output_names_the_files(cli, tmp_path):
    result = cli("build", "--date", "2026-11-26")
    assert result.code == 0, result.stderr
    assert "第1期" in result.stdout
    for kind in ("docx", "pdf", "manifest"):
        line = next(l for l in result.stdout.splitlines() if l.strip().startswith(kind))
        printed = Path(line.split(None, 1)[1].strip())
        assert printed.is_absolute() and printed.is_file() and printed.parent.parent == tmp_path / "out"


def test_init_writes_a_config_that_builds_and_refuses_to_overwrite(cli, tmp_path):
    result = cli("init", "desk")
    assert result.code == 0, result.stderr
    assert (tmp_path / "desk" / "briefing.toml").is_file() and (tmp_path / "desk" / "inbox").is_dir()
    shutil.copy(SAMPLE, tmp_path / "desk" / "inbox")
    built = cli("build", "--config", "desk/briefing.toml", "--formats", "docx", "--date", "2026-11-26")
    assert built.code == 0, built.stderr
    assert (tmp_path / "desk" / "out" / "2026-11-26-daily-1").is_dir()
    again = cli("init", "desk")
    assert again.code == 2 and "already exists" in again.stderr


def test_doctor_checks_fonts_templates_and_config(cli, tmp_path):
    result = cli("doctor")
    assert result.code == 0, result.stdout + result.stderr
    for role in ("title", "heading", "subheading", "body", "number"):
        assert f"[ok  ] font {role}" in result.stdout
    assert "[ok  ] templates" in result.stdout
    write(tmp_path / "briefing.toml", '[delivery]\nsmtp = "smtp://127.0.0.1:1"\n')
    result = cli("doctor")
    assert result.code == 1 and "[FAIL] smtp" in result.stdout and "127.0.0.1:1" in result.stdout
    result = cli("doctor", "--config", "missing.toml")
    assert result.code == 2 and "[FAIL] config" in result.stdout and "missing.toml" in result.stdout


def test_a_damaged_ledger_is_one_line_not_a_traceback(cli, tmp_path):
    (tmp_path / ".briefing").mkdir()
    (tmp_path / ".briefing" / "ledger.sqlite3").write_text("not a database, just text" * 100, encoding="utf-8")
    result = cli("build", str(SAMPLE), "--formats", "docx")
    assert result.code == 1
    assert "ledger.sqlite3" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_building_a_folder_never_reads_the_briefings_own_output(cli, tmp_path):
    shutil.copy(SAMPLE, tmp_path / "page.txt")
    first = cli("build", ".", "--date", "2026-11-26", "--json")
    assert first.code == 0, first.stderr
    second = cli("build", ".", "--date", "2026-11-27", "--json")
    assert second.code == 0, second.stderr
    sources = {a["source"] for a in json.loads(second.stdout)["articles"]}
    assert sources == {"page.txt"} or all(s.endswith("page.txt") for s in sources), sources


def test_an_edition_that_would_not_make_a_folder_name_is_explained(cli, tmp_path):
    (tmp_path / "briefing.toml").write_text('[briefing]\nedition = "Daily News"\n', encoding="utf-8")
    result = cli("build", "--formats", "docx")
    assert result.code == 2 and "Traceback" not in result.stderr
    assert "briefing.toml:2: briefing.edition = 'Daily News': an edition name is lower-case letters" in result.stderr
