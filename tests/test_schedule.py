"""The scheduler service and the run ledger: exactly once, across restarts, beside one-off runs.

No test waits for a wall-clock cron time: pending runs are placed in the job store by a service
reconciled at an injected time, and the run ledger is read (and, to stand for a crash, written)
directly. The one real-time wait is a job made due one second ahead.
"""

from __future__ import annotations

import json
import queue
import signal
import subprocess
import sys
import threading
import time
from contextlib import contextmanager
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from briefing.build import BuildRequest, build
from briefing.config import ConfigError, load_config
from briefing.errors import DeliveryError
from briefing.ledger import Ledger
from briefing.locks import issue_lock
from briefing.schedule import Service, issue_date, job_specs, latest_fire_time, next_fire_times, run_edition
from conftest import REPO
from smtp_servers import write_config

SHANGHAI = ZoneInfo("Asia/Shanghai")
LEADER, EDITOR = "leader@example.gov", "editor@example.gov"


def service_config(folder: Path, port: int, cron: str, grace: int = 3600, lock_wait: float = 60):
    extra = (f'[sources]\npaths = ["{REPO / "sample"}"]\n'
             f"[service]\nmisfire_grace_seconds = {grace}\nlock_wait_seconds = {lock_wait}\n"
             f'[schedule]\ndaily = "{cron}"\n')
    return load_config(write_config(folder, port, extra=extra))


def runs(config) -> list[dict]:
    """The run rows as the ledger file holds them, newest first."""
    with Ledger(config.state_dir) as ledger:
        return [dict(row) for row in ledger._db.execute("SELECT * FROM runs ORDER BY scheduled_for DESC, id DESC")]


def builds(config) -> int:
    with Ledger(config.state_dir) as ledger:
        return len(ledger.builds(limit=100))


def wait_for(condition, timeout: float = 30.0):
    """Poll until condition() is true; the timeout only guards against a hang."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError("condition not reached")
        time.sleep(0.05)


@contextmanager
def serving(service: Service):
    errors: list[BaseException] = []

    def run():
        try:
            service.run()
        except BaseException as exc:  # surfaced below
            errors.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    assert service.started.wait(20)
    try:
        yield service
    finally:
        service.stop()
        thread.join(20)
    assert not errors, errors


def past_fire(minutes_ago: int) -> tuple[datetime, str]:
    """A whole minute some minutes ago in Shanghai, and a daily cron that fires at it."""
    fire = (datetime.now(SHANGHAI) - timedelta(minutes=minutes_ago)).replace(second=0, microsecond=0)
    return fire, f"{fire.minute} {fire.hour} * * *"


# -- cron, time zones -----------------------------------------------------------------------------


def test_cron_in_the_briefing_time_zone_and_its_mistakes(tmp_path):
    config = service_config(tmp_path, 1, "30 7 * * mon-fri")
    (spec,) = job_specs(config)
    now = datetime(2026, 11, 27, 0, 0, tzinfo=timezone.utc)  # Friday 08:00 in Shanghai
    assert [t.isoformat() for t in next_fire_times(spec.trigger, now)] == [
        "2026-11-30T07:30:00+08:00", "2026-12-01T07:30:00+08:00", "2026-12-02T07:30:00+08:00"]
    # 23:30 UTC on the 25th is 07:30 on the 26th in Shanghai: that morning's issue
    assert issue_date(config, datetime(2026, 11, 25, 23, 30, tzinfo=timezone.utc)) == date(2026, 11, 26)
    assert latest_fire_time(spec.trigger, now, timedelta(hours=1)) == datetime(2026, 11, 27, 7, 30, tzinfo=SHANGHAI)
    assert latest_fire_time(spec.trigger, now, timedelta(minutes=10)) is None

    for cron, message in [("30 7 * * 1-5", "names"), ("30 7 * *", "five cron fields"), ("30 25 * * *", "not a valid")]:
        with pytest.raises(ConfigError, match=message):
            job_specs(service_config(tmp_path, 1, cron))


def test_schedule_list_prints_the_next_three_runs_at_plus_0800(tmp_path, cli):
    service_config(tmp_path, 1, "30 7 * * mon-fri")

    result = cli("schedule", "list")
    as_json = json.loads(cli("schedule", "list", "--json").stdout)

    assert result.code == 0, result.stderr
    lines = [line for line in result.stdout.splitlines() if line.strip().startswith("next")]
    assert len(lines) == 3
    assert all(line.endswith("07:30 +08:00") for line in lines), lines
    assert not any(day in result.stdout for day in ("Sat", "Sun"))
    assert [t[-6:] for t in as_json[0]["next"]] == ["+08:00"] * 3


def test_numeric_days_are_refused_in_one_line(tmp_path, cli):
    service_config(tmp_path, 1, "30 7 * * 1-5")
    result = cli("schedule", "list")
    assert result.code == 2 and "write days of the week as names" in result.stderr
    assert "Traceback" not in result.stderr


# -- exactly once ---------------------------------------------------------------------------------


def test_a_run_never_builds_or_sends_twice(tmp_path, mail_server):
    server = mail_server()
    config = service_config(tmp_path, server.port, "30 7 * * mon-fri")
    fire = datetime(2026, 11, 25, 23, 30, tzinfo=timezone.utc)

    first = run_edition(config, "daily", fire)
    second = run_edition(config, "daily", fire)

    assert first.status == "done" and first.date == date(2026, 11, 26)
    assert second.status == "already"
    assert server.mailbox.recipients() == [EDITOR, LEADER]
    assert builds(config) == 1
    (run,) = runs(config)
    assert (run["status"], run["date"], run["attempts"]) == ("done", "2026-11-26", 1)


def test_a_scheduled_run_and_a_one_off_build_send_at_once_mail_once(tmp_path, mail_server):
    server = mail_server()
    config = service_config(tmp_path, server.port, "30 7 * * mon-fri")
    fire = datetime(2026, 11, 25, 23, 30, tzinfo=timezone.utc)
    start = threading.Barrier(2)
    results: dict[str, object] = {}

    def scheduled():
        start.wait()
        results["scheduled"] = run_edition(config, "daily", fire)

    def one_off():
        start.wait()
        try:
            results["one_off"] = build(config, BuildRequest(date=date(2026, 11, 26), send=True))
        except DeliveryError as exc:
            results["one_off"] = exc

    threads = [threading.Thread(target=scheduled), threading.Thread(target=one_off)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(120)

    assert server.mailbox.recipients() == [EDITOR, LEADER]  # each got it once
    assert results["scheduled"].status == "done"
    if isinstance(results["one_off"], DeliveryError):  # the scheduled run was first
        assert "already been mailed as 第1期" in str(results["one_off"])
    else:  # the operator was first; the run only made sure everybody had it
        assert "had already gone out" in results["scheduled"].message
    with Ledger(config.state_dir) as ledger:
        assert [(row.number.number, row.status) for row in ledger.issues()] == [(1, "sent")]


def test_schedule_run_and_build_send_through_the_cli(tmp_path, mail_server, cli):
    server = mail_server()
    service_config(tmp_path, server.port, "30 7 * * mon-fri")

    run = cli("schedule", "run", "daily", "--json")
    again_build = cli("build", "--send")
    again_run = cli("schedule", "run", "daily")
    unknown = cli("schedule", "run", "weekly")

    assert run.code == 0, run.stderr
    assert json.loads(run.stdout)["status"] == "done"
    assert again_build.code == 1 and "has already been mailed as 第1期" in again_build.stderr
    assert again_run.code == 0 and "had already gone out" in again_run.stdout
    assert unknown.code == 2 and "no edition 'weekly' in [schedule]" in unknown.stderr
    assert server.mailbox.recipients() == [EDITOR, LEADER]


def test_a_build_during_another_run_waits_then_says_so(tmp_path):
    from conftest import run_process

    config = service_config(tmp_path, 1, "30 7 * * mon-fri", lock_wait=0.3)
    # the lock is re-entrant within a thread, so the builds run as other processes
    with issue_lock(config.state_dir, "daily", date(2026, 11, 26), purpose="scheduled run of daily", wait_seconds=0):
        result = run_process("build", "--date", "2026-11-26", cwd=tmp_path)
        other_day = run_process("build", "--date", "2026-11-27", "--formats", "docx", cwd=tmp_path)

    assert result.code == 1
    assert "daily 2026-11-26 is being built or sent by another run" in result.stderr
    assert "scheduled run of daily" in result.stderr and "Traceback" not in result.stderr
    assert other_day.code == 0, other_day.stderr
    assert not (tmp_path / "out" / "2026-11-26-daily-1").exists()


# -- the service ----------------------------------------------------------------------------------


def test_a_job_due_in_a_second_runs_once_and_delivers(tmp_path, mail_server):
    server = mail_server()
    config = service_config(tmp_path, server.port, "30 7 * * mon-fri")

    with serving(Service(config)) as service:
        due = datetime.now(SHANGHAI) + timedelta(seconds=1)
        service.scheduler.modify_job("daily", jobstore="default", next_run_time=due)
        wait_for(lambda: [r["status"] for r in runs(config)] == ["done"])
        next_time = service.scheduler.get_job("daily").next_run_time

    (run,) = runs(config)
    assert run["trigger"] == "schedule" and run["attempts"] == 1
    assert server.mailbox.recipients() == [EDITOR, LEADER]
    assert next_time > datetime.now(SHANGHAI) and (next_time.hour, next_time.minute) == (7, 30)


def test_a_run_missed_while_stopped_runs_once_after_restart(tmp_path, mail_server):
    server = mail_server()
    fire, cron = past_fire(10)
    config = service_config(tmp_path, server.port, cron, grace=3600)
    # the service ran a minute before the fire time, then stopped
    Service(config, clock=lambda: fire - timedelta(minutes=1)).sync_store()
    assert [job["next_run_time"] for job in Service(config).stored_jobs()] == [fire]

    with serving(Service(config)):
        wait_for(lambda: [r["status"] for r in runs(config)] == ["done"])

    (run,) = runs(config)
    assert datetime.fromisoformat(run["scheduled_for"]) == fire
    assert run["date"] == fire.date().isoformat()
    assert server.mailbox.recipients() == [EDITOR, LEADER]
    assert [job["next_run_time"] for job in Service(config).stored_jobs()] == [fire + timedelta(days=1)]


def test_runs_missed_beyond_the_grace_time_are_recorded_not_run(tmp_path, mail_server):
    server = mail_server()
    fire, cron = past_fire(10)
    config = service_config(tmp_path, server.port, cron, grace=300)
    Service(config, clock=lambda: fire - timedelta(days=2, minutes=1)).sync_store()  # down for two days

    with serving(Service(config)) as service:
        wait_for(lambda: service.scheduler.get_job("daily").next_run_time > datetime.now(SHANGHAI))

    missed = runs(config)
    assert [(datetime.fromisoformat(r["scheduled_for"]), r["status"]) for r in missed] == [
        (fire, "missed"), (fire - timedelta(days=1), "missed"), (fire - timedelta(days=2), "missed")]
    assert "late" in missed[0]["message"]
    assert server.mailbox.transactions == 0 and not (tmp_path / "out").exists()


def test_an_interrupted_run_is_resumed_on_the_next_start(tmp_path, mail_server):
    server = mail_server()
    fire, _ = past_fire(10)
    config = service_config(tmp_path, server.port, "30 7 * * mon-fri")
    day = issue_date(config, fire)
    built = build(config, BuildRequest(edition="daily", date=day))
    old = fire - timedelta(hours=3)
    with Ledger(config.state_dir) as ledger:  # what a process killed after building leaves behind
        run = ledger.claim_run("daily", fire, day, "schedule")
        ledger.update_run(run.id, "built", folder=str(built.folder))
        ledger.claim_run("daily", old, issue_date(config, old), "schedule")  # killed long ago

    with serving(Service(config)):
        wait_for(lambda: {r["status"] for r in runs(config)} == {"done", "failed"})

    resumed, stale = runs(config)
    assert (resumed["status"], resumed["attempts"], resumed["message"]) == (
        "done", 2, "resumed after an interruption; mailed to 2 of 2 recipient(s)")
    assert stale["status"] == "failed" and "past the grace time" in stale["message"]
    assert builds(config) == 1  # mailed what was built, not built again
    assert server.mailbox.recipients() == [EDITOR, LEADER]


def test_reconcile_keeps_a_pending_run_and_applies_changes(tmp_path):
    fire, cron = past_fire(10)
    config = service_config(tmp_path, 1, cron)
    Service(config, clock=lambda: fire - timedelta(minutes=1)).sync_store()

    (tmp_path / "briefing.toml").write_text((tmp_path / "briefing.toml").read_text(encoding="utf-8").replace(
        "[schedule]\n", '[schedule]\nweekly = "0 9 * * mon"\n'), encoding="utf-8")
    added = Service(load_config(tmp_path / "briefing.toml")).sync_store()
    jobs = {job["id"]: job for job in Service(config).stored_jobs()}

    assert (added.added, added.kept) == (["weekly"], ["daily"])
    assert jobs["daily"]["next_run_time"] == fire  # still pending: it will run at the next start

    path = tmp_path / "briefing.toml"
    path.write_text(path.read_text(encoding="utf-8").replace(f'daily = "{cron}"\n', 'daily = "0 8 * * *"\n'),
                    encoding="utf-8")
    changed = Service(load_config(path)).sync_store()
    path.write_text(path.read_text(encoding="utf-8").replace('daily = "0 8 * * *"\n', ""), encoding="utf-8")
    removed = Service(load_config(path)).sync_store()

    assert changed.changed == ["daily"] and removed.removed == ["daily"]
    assert [job["id"] for job in Service(load_config(path)).stored_jobs()] == ["weekly"]


def test_serve_stops_cleanly_on_sigterm_and_runs_only_once(tmp_path):
    service_config(tmp_path, 1, "30 7 * * mon-fri")
    process = subprocess.Popen([sys.executable, "-m", "briefing", "serve"], cwd=tmp_path,
                               stderr=subprocess.PIPE, text=True)
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in process.stderr], daemon=True).start()
    try:
        seen = []
        while not any("schedule: added" in line for line in seen):
            seen.append(lines.get(timeout=30))
        second = subprocess.run([sys.executable, "-m", "briefing", "serve"], cwd=tmp_path,
                                capture_output=True, text=True, timeout=60)
        process.send_signal(signal.SIGTERM)
        code = process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert second.returncode == 1 and "another `briefing serve` is already running" in second.stderr
    assert code == 0
    time.sleep(0.1)
    rest = []
    while not lines.empty():
        rest.append(lines.get())
    assert any("service stopped" in line for line in seen + rest)


def test_a_run_mails_the_issue_an_editor_published_for_its_date(tmp_path, mail_server):
    server = mail_server()
    config = service_config(tmp_path, server.port, "30 7 * * mon-fri")
    built = build(config, BuildRequest(date=date(2026, 11, 26)))
    with Ledger(config.state_dir) as ledger:  # what `briefing publish` records
        (issue,) = ledger.issues()
        ledger.mark(issue.id, "published", str(built.folder))

    outcome = run_edition(config, "daily", datetime(2026, 11, 25, 23, 30, tzinfo=timezone.utc))

    assert outcome.status == "done" and outcome.folder == str(built.folder)
    assert "as the editor published it" in outcome.message
    assert builds(config) == 1 and server.mailbox.recipients() == [EDITOR, LEADER]
    with Ledger(config.state_dir) as ledger:
        assert ledger.issues()[0].status == "published"  # stays published once mailed
