"""The service under faults: `systemctl stop` in the middle of a run, a stop while a run waits
for its issue's lock, a damaged job store. Each run is finished once, and mailed once.

`systemctl stop` is what these tests do to a real `briefing serve` process: SIGTERM to its whole
process group (KillMode=mixed sends it to the main process only, which is the same here: the
service runs no child process).
"""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
from datetime import datetime, timedelta, timezone

from briefing import schedule
from briefing.config import load_config
from briefing.ledger import Ledger
from briefing.locks import issue_lock
from briefing.schedule import Service, issue_date, run_edition
from test_schedule import EDITOR, LEADER, past_fire, runs, serving, service_config, wait_for


class ServeProcess:
    """`python -m briefing serve` in its own process group, its stderr collected line by line."""

    def __init__(self, folder):
        self.process = subprocess.Popen([sys.executable, "-m", "briefing", "serve"], cwd=folder,
                                        stderr=subprocess.PIPE, text=True, start_new_session=True)
        self.lines: queue.Queue[str] = queue.Queue()
        self.seen: list[str] = []
        threading.Thread(target=lambda: [self.lines.put(line) for line in self.process.stderr], daemon=True).start()

    def stderr(self) -> str:
        while not self.lines.empty():
            self.seen.append(self.lines.get())
        return "".join(self.seen)

    def stop_like_systemd(self, timeout: float) -> int:
        os.killpg(self.process.pid, signal.SIGTERM)
        return self.process.wait(timeout=timeout)

    def kill(self) -> None:
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()


def _slow_retries(config_path, seconds: int) -> None:
    text = config_path.read_text(encoding="utf-8")
    config_path.write_text(text.replace("retry_base_seconds = 0", f"retry_base_seconds = {seconds}"), encoding="utf-8")


def test_systemctl_stop_mid_run_leaves_it_interrupted_and_the_restart_mails_once(tmp_path, mail_server):
    server = mail_server()
    server.mailbox.data_replies.append("451 4.3.0 try again later")  # the first recipient waits for a retry
    fire, cron = past_fire(2)
    config = service_config(tmp_path, server.port, cron)
    _slow_retries(config.path, 60)  # the run sits in its retry wait when the stop comes
    config = load_config(config.path)
    Service(config, clock=lambda: fire - timedelta(minutes=1)).sync_store()  # the run is due at start

    first = ServeProcess(tmp_path)
    try:
        wait_for(lambda: server.mailbox.transactions == 2, timeout=60)  # 451 for one, accepted for the other
        code = first.stop_like_systemd(timeout=20)  # well before the 60 s retry wait is over
    finally:
        first.kill()
    (run,) = runs(config)
    assert code == 0, first.stderr()
    assert run["status"] == "interrupted" and "resumes it" in run["message"]
    assert "Traceback" not in first.stderr() and "service stopped" in first.stderr()
    assert len(server.mailbox.messages) == 1

    second = ServeProcess(tmp_path)
    try:
        wait_for(lambda: runs(config)[0]["status"] == "done", timeout=60)
        assert second.stop_like_systemd(timeout=20) == 0
    finally:
        second.kill()
    (run,) = runs(config)
    assert run["attempts"] == 2 and run["message"].startswith("resumed after an interruption")
    assert server.mailbox.recipients() == [EDITOR, LEADER]  # each once, across the stop
    with Ledger(config.state_dir) as ledger:
        assert len(ledger.builds(limit=10)) == 1  # the restart mailed what was built; it did not build again
    assert "Traceback" not in second.stderr()


def test_a_stop_while_a_run_waits_for_the_issue_lock_records_it_and_a_restart_runs_it(tmp_path, mail_server):
    server = mail_server()
    fire, _ = past_fire(5)
    config = service_config(tmp_path, server.port, "30 7 * * mon-fri", lock_wait=600)
    day = issue_date(config, fire)
    outcome = {}
    holding, release = threading.Event(), threading.Event()

    def operator_build():  # someone else holds the issue's lock (a thread: the lock is per thread)
        with issue_lock(config.state_dir, "daily", day, purpose="an operator's build", wait_seconds=0):
            holding.set()
            release.wait(30)

    holder = threading.Thread(target=operator_build)
    holder.start()
    assert holding.wait(10)
    waiting = threading.Thread(target=lambda: outcome.update(run=run_edition(config, "daily", fire)))
    waiting.start()
    try:
        wait_for(lambda: waiting.is_alive() and not runs(config), timeout=10)
        schedule.request_stop()
        waiting.join(10)
    finally:
        schedule._stopping.clear()
        release.set()
        holder.join(10)

    assert not waiting.is_alive(), "the stop did not cut the lock wait short"
    assert outcome["run"].status == "interrupted"
    (run,) = runs(config)
    assert run["status"] == "interrupted" and server.mailbox.transactions == 0

    with serving(Service(config)):  # the next start resumes it
        wait_for(lambda: runs(config)[0]["status"] == "done")
    assert server.mailbox.recipients() == [EDITOR, LEADER]


def test_a_damaged_job_store_is_set_aside_and_the_due_run_still_runs(tmp_path, mail_server, cli):
    server = mail_server()
    fire, cron = past_fire(3)
    config = service_config(tmp_path, server.port, cron)
    with Ledger(config.state_dir) as ledger:  # yesterday's run went out; today's fell due while the store broke
        yesterday = fire - timedelta(days=1)
        run = ledger.claim_run("daily", yesterday, issue_date(config, yesterday), "schedule")
        ledger.update_run(run.id, "done", message="mailed")
    store = config.state_dir / schedule.JOBSTORE_NAME
    store.write_bytes(b"SQLite format 3\x00" + b"\xde\xad" * 4000)
    os.utime(store, (fire.timestamp() - 7200, fire.timestamp() - 7200))  # last written before today's run

    listed = cli("schedule", "list")
    with serving(Service(config)):
        wait_for(lambda: [r["status"] for r in runs(config)] == ["done", "done"])

    assert listed.code == 0 and "Traceback" not in listed.stderr
    assert datetime.fromisoformat(runs(config)[0]["scheduled_for"]) == fire.astimezone(timezone.utc)
    assert server.mailbox.recipients() == [EDITOR, LEADER]
    (aside,) = config.state_dir.glob("jobs.sqlite3.damaged-*")
    assert aside.read_bytes().startswith(b"SQLite format 3\x00\xde\xad")
    assert [job["next_run_time"] for job in Service(config).stored_jobs()] == [fire + timedelta(days=1)]


def test_serve_on_a_damaged_job_store_says_so_in_one_line_without_a_traceback(tmp_path):
    fire, cron = past_fire(30)
    service_config(tmp_path, 1, cron)
    store = tmp_path / ".briefing" / schedule.JOBSTORE_NAME
    store.parent.mkdir(parents=True)
    store.write_bytes(b"not a database at all" * 100)

    process = ServeProcess(tmp_path)
    try:
        wait_for(lambda: "schedule: added" in process.stderr(), timeout=60)
        assert process.stop_like_systemd(timeout=20) == 0
    finally:
        process.kill()
    log = process.stderr()
    assert "Traceback" not in log
    (line,) = [line for line in log.splitlines() if "job store cannot be read" in line]
    assert str(store) in line and "jobs.sqlite3.damaged-" in line


def _serve_with_a_stop(tmp_path, cli, monkeypatch, where: str, send_stop):
    """`briefing serve` in this process (so its signal handlers are the ones installed), with a
    SIGTERM sent by `send_stop` at the moment `where` names; a second one later only if the first
    was lost, so that a lost stop fails the test instead of hanging it."""
    service_config(tmp_path, 1, "0 3 1 1 *")  # nothing due: the stop is all that happens
    original = getattr(Service, where)

    def with_a_stop(self, *args):
        if where == "reconcile":
            send_stop()
            return original(self, *args)
        result = original(self, *args)
        send_stop()
        return result

    monkeypatch.setattr(Service, where, with_a_stop)
    # no standing PDF worker in the test process: it would outlive the test as this process's child
    monkeypatch.setattr("briefing.build.warm_up", lambda config: None)
    handlers = {signum: signal.getsignal(signum) for signum in (signal.SIGTERM, signal.SIGINT)}
    backstop = threading.Timer(15, send_stop)
    backstop.start()
    try:
        return cli("serve")
    finally:
        backstop.cancel()
        backstop.join()  # no thread of this test left running: map_articles forks only with none (test_parallel)
        for signum, handler in handlers.items():
            signal.signal(signum, handler)


def _sigterm_to_self():
    os.kill(os.getpid(), signal.SIGTERM)


def test_a_stop_while_the_job_store_is_reconciled_is_a_clean_stop(tmp_path, cli, monkeypatch, caplog):
    result = _serve_with_a_stop(tmp_path, cli, monkeypatch, "reconcile", _sigterm_to_self)
    assert result.code == 0, result.stderr
    assert "interrupted" not in result.stderr and "service stopped" in result.stderr
    assert "stopping: no new runs" in caplog.text


def test_a_stop_as_the_start_ends_is_not_swallowed_by_the_scheduler(tmp_path, cli, monkeypatch, caplog):
    result = _serve_with_a_stop(tmp_path, cli, monkeypatch, "_on_started", _sigterm_to_self)
    assert result.code == 0, result.stderr
    assert "Error notifying listener" not in caplog.text  # APScheduler's log of an exception it swallowed
    assert "service stopped" in result.stderr and "Traceback" not in result.stderr
