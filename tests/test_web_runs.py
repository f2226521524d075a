"""Runs asked for in the console: the same run step as scheduled runs, and what the pages say
about a run in Chinese beside the run ledger's own words."""

from __future__ import annotations

from datetime import date, datetime, timezone

from console_harness import add_users, start_console, write_console_config

from briefing import schedule
from briefing.config import load_config
from briefing.ledger import Ledger
from briefing.model import RunStatus
from briefing.web.worker import run_queued


def test_console_runs_and_scheduled_runs_take_the_same_run_step(tmp_path, monkeypatch):
    config = load_config(write_console_config(tmp_path, review=True))
    steps: list[tuple[str, str]] = []
    build_step, hold_step = schedule.build_for_run, schedule.hold_for_run

    def building(config, ledger, run, *args, **kwargs):
        steps.append(("build", run.trigger))
        return build_step(config, ledger, run, *args, **kwargs)

    def holding(config, ledger, run, *args, **kwargs):
        steps.append(("hold", run.trigger))
        return hold_step(config, ledger, run, *args, **kwargs)

    monkeypatch.setattr(schedule, "build_for_run", building)
    monkeypatch.setattr(schedule, "hold_for_run", holding)

    outcome = schedule.run_edition(config, "daily", datetime(2026, 11, 25, 23, 30, tzinfo=timezone.utc))
    assert outcome.status == RunStatus.BUILT and "waiting for approval" in outcome.message
    with Ledger(config.state_dir) as ledger:
        queued = ledger.queue_run("daily", date(2026, 11, 27), True, "oscar", datetime.now(timezone.utc))
        (waiting,) = ledger.waiting_runs()
    assert run_queued(config, waiting) is True
    assert steps == [("build", "schedule"), ("hold", "schedule"), ("build", "manual"), ("hold", "manual")]

    with Ledger(config.state_dir) as ledger:
        console_run = ledger.run_by_id(queued.id)
        scheduled = ledger.run(outcome.edition, outcome.scheduled_for)
        audit = [(e.actor, e.action, e.issue) for e in ledger.audit_log()]
    assert console_run.status == RunStatus.DONE and console_run.folder.name == "2026-11-27-daily-s1"
    assert "waiting for approval" in console_run.message, "the console's issue waits for approval too"
    assert scheduled.status == RunStatus.BUILT and scheduled.folder.name == "2026-11-26-daily-1"
    assert ("oscar", "build", "2026-11-27-daily-s1") in audit and ("schedule", "build", "2026-11-26-daily-1") in audit


def test_pages_label_each_run_message_in_chinese_and_keep_the_ledger_text(tmp_path):
    write_console_config(tmp_path, review=True, sources="empty/")
    (tmp_path / "empty").mkdir()
    add_users(tmp_path / "briefing.toml", ["oscar"])
    console = start_console(tmp_path)
    try:
        operator = console.login("oscar")
        failed = console.wait_run(operator, operator.post("/api/builds", json={"date": "2026-11-26"}).json()["run"])
        assert failed["state"] == "failed"
        (tmp_path / "empty" / "article.txt").write_text(
            (tmp_path / "inbox" / "zgc-forum-2026.txt").read_text(encoding="utf-8"), encoding="utf-8")
        built = console.build(operator, date="2026-11-26")
        assert "waiting for approval; no approver could be told" in built["message"]

        page = operator.get(f"/runs/{built['id']}").text
        assert "已生成，待审批（未能通知审批人）" in page and built["message"].split(";")[0] in page
        page = operator.get(f"/runs/{failed['id']}").text
        assert "生成失败" in page
        runs = operator.get("/fragments/runs").text
        assert runs.count("生成失败") == 1 and runs.count("已生成，待审批（未能通知审批人）") == 1
        assert "waiting for approval" in runs, "the ledger's own words stay beside the label"
    finally:
        console.stop()
