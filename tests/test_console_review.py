"""[review] required = true along every path that mails: a scheduled run builds, tells the
approvers and waits; `briefing send` refuses; approving resumes the run, which mails each
recipient once; a restart leaves a waiting run alone. And `serve` with [web] listen serves the
console in the same process, and carries out builds queued there."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from datetime import timedelta

import httpx
import pytest
from aiosmtpd.smtp import AuthResult
from console_harness import EMAILS, PASSWORDS, add_users, wait_until_serving, write_console_config
from smtp_servers import PASSWORD, USER, Controller, Mailbox, free_port

from briefing.config import load_config
from briefing.delivery.release import review_state, revision_of
from briefing.delivery.smtp import PASSWORD_VARIABLE
from briefing.ledger import Ledger
from briefing.manifest import read_issue
from briefing.model import RunStatus
from briefing.schedule import Service

RECIPIENTS = [("leader@example.gov", ["pdf"]), ("editor@example.gov", ["docx", "pdf"])]
SCHEDULE = '[schedule]\ndaily = "30 7 * * mon-fri"\n'


def test_a_scheduled_run_waits_for_approval_and_approving_mails_it_once(tmp_path, mail_server, cli):
    server = mail_server()
    config_path = write_console_config(tmp_path, mail_port=server.port, review=True, recipients=RECIPIENTS,
                                       extra=SCHEDULE)
    config = str(config_path)
    add_users(config_path, ["alice"])

    refused = cli("build", "--send", "--config", config)
    assert refused.code == 2 and "[review] required" in refused.stderr and not (tmp_path / "out").exists()

    ran = cli("schedule", "run", "daily", "--config", config, "--json")
    assert ran.code == 0, ran.stderr
    outcome = json.loads(ran.stdout)
    assert outcome["status"] == "built" and "waiting for approval" in outcome["message"]
    assert server.mailbox.recipients() == [EMAILS["alice"]], "only the approver hears of it"
    folder = outcome["folder"]

    send = cli("send", folder, "--config", config)
    assert send.code == 1 and "waiting for approval" in send.stderr
    assert server.mailbox.recipients() == [EMAILS["alice"]]

    # a restart long after: the waiting run is neither resumed nor failed
    loaded = load_config(config_path)
    with Ledger(loaded.state_dir) as ledger:
        (run,) = ledger.runs()
        service = Service(loaded, clock=lambda: run.scheduled_for + timedelta(days=3))
        scheduler = service.make_scheduler()
        assert service.recover(scheduler, run.scheduled_for + timedelta(days=3), ledger) == []
        assert ledger.run_by_id(run.id).status == RunStatus.BUILT

    stale = cli("approve", folder, "--config", config, "--as", "alice", "--revision", "0123456789abcdef")
    assert stale.code == 1 and "is no longer the current one" in stale.stderr  # not what alice looked at
    assert len(server.mailbox.messages) == 1, "only the approver's notice so far"
    approved = cli("approve", folder, "--config", config, "--as", "alice")
    assert approved.code == 0, approved.stderr
    assert "approved" in approved.stdout and "done" in approved.stdout
    assert sorted(server.mailbox.recipients()) == sorted([EMAILS["alice"], *[r for r, _ in RECIPIENTS]])

    again = cli("send", folder, "--config", config)
    assert again.code == 0 and "already sent" in again.stdout
    assert len(server.mailbox.messages) == 3, "each recipient got the issue once"
    with Ledger(loaded.state_dir) as ledger:
        assert ledger.run_by_id(run.id).status == RunStatus.DONE
        state = review_state(loaded, ledger, read_issue(tmp_path / "out" / folder.rsplit("/", 1)[-1]))
        assert state.approved and [a.approver for a in state.history] == ["alice"]
        actions = {(e.action, e.actor.split(":")[0]) for e in ledger.audit_log()}
    assert {("build", "manual"), ("approve", "alice"), ("send", "manual"), ("send", "cli")} <= actions


def test_cli_build_and_publish_are_audited_and_approvers_told(tmp_path, mail_server, cli):
    server = mail_server()
    config_path = write_console_config(tmp_path, mail_port=server.port, review=True, recipients=RECIPIENTS)
    add_users(config_path, ["alice"])
    built = cli("build", "--date", "2026-11-26", "--config", str(config_path))
    assert built.code == 0, built.stderr
    assert "waiting for approval; approvers told: alice@example.gov" in built.stderr
    rebuilt = cli("build", "--date", "2026-11-26", "--config", str(config_path))
    assert rebuilt.code == 0 and len(server.mailbox.messages) == 2, "a rebuild is a new revision: told again"
    with Ledger(load_config(config_path).state_dir) as ledger:
        entries = [(e.actor.split(":")[0], e.action, e.issue) for e in ledger.audit_log()]
    assert entries.count(("cli", "build", "2026-11-26-daily-1")) == 2


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
def test_approvers_are_never_told_over_a_clear_text_login(tmp_path, cli):
    """The approvers' mail goes by the same checks as every send: with starttls = false and a
    username, a server that is not known to be this machine never sees the password."""
    logins: list[bytes] = []

    def record(server, session, envelope, mechanism, auth_data):
        logins.append(auth_data.password)
        return AuthResult(success=auth_data.login == USER.encode() and auth_data.password == PASSWORD.encode())

    mailbox, port = Mailbox(), free_port()
    server = Controller(mailbox, hostname="127.0.0.1", port=port, authenticator=record, auth_required=True,
                        auth_require_tls=False)  # a server that takes a password in clear text
    server.start()
    try:
        config_path = write_console_config(tmp_path, mail_port=port, review=True, recipients=RECIPIENTS)
        text = config_path.read_text(encoding="utf-8")
        # 127.1 is this machine too, but as a name, not an address known to be loopback
        text = text.replace(f"smtp://127.0.0.1:{port}", f"smtp://127.1:{port}")
        config_path.write_text(text.replace("starttls = false", f'starttls = false\nusername = "{USER}"'),
                               encoding="utf-8")
        add_users(config_path, ["alice"])
        built = cli("build", "--date", "2026-11-26", "--config", str(config_path),
                    env={PASSWORD_VARIABLE: PASSWORD})
        assert built.code == 0, built.stderr
        assert "no approver could be told" in built.stderr and "clear text" in built.stderr
        assert logins == [] and mailbox.messages == [], "the password never crossed the network"
        loaded = load_config(config_path)
        with Ledger(loaded.state_dir) as ledger:
            stored = read_issue(loaded.output_dir / "2026-11-26-daily-1")
            review = ledger.review(stored.id, revision_of(stored))
        assert review.notified == () and "clear text" in review.note

        # a server that is this machine by its address: the approver is told
        config_path.write_text(text.replace(f"smtp://127.1:{port}", f"smtp://127.0.0.1:{port}").replace(
            "starttls = false", f'starttls = false\nusername = "{USER}"'), encoding="utf-8")
        rebuilt = cli("build", "--date", "2026-11-26", "--config", str(config_path), env={PASSWORD_VARIABLE: PASSWORD})
        assert rebuilt.code == 0 and "approvers told: alice@example.gov" in rebuilt.stderr, rebuilt.stderr
        assert logins == [PASSWORD.encode()] and mailbox.recipients() == [EMAILS["alice"]]
    finally:
        server.stop()


def test_the_user_and_token_commands(tmp_path, cli):
    from click.testing import CliRunner

    from briefing.cli import main

    config = str(write_console_config(tmp_path))

    def run(*args, password=None):
        return CliRunner().invoke(main, [*args, "--config", config], input=password)

    added = run("user", "add", "olga", "--role", "operator", "--role", "approver", "--email", "olga@example.gov",
                password="a-long-password\n")
    assert added.exit_code == 0, added.output
    assert run("user", "add", "olga", "--role", "viewer", password="another-password\n").exit_code == 2
    short = run("user", "add", "pat", "--role", "viewer", password="short\n")
    assert short.exit_code == 2 and "too short" in short.output
    wrong_role = run("user", "add", "pat", "--role", "superuser", password="a-long-password\n")
    assert wrong_role.exit_code == 2 and "not a role" in wrong_role.output
    listed = json.loads(run("user", "list", "--json").output)
    assert listed == [{"name": "olga", "roles": ["operator", "approver"], "email": "olga@example.gov",
                       "created_at": listed[0]["created_at"]}]
    with Ledger(load_config(config).state_dir) as ledger:
        stored = ledger.user("olga").password_hash
    assert stored.startswith("$argon2id$") and "a-long-password" not in stored
    assert run("user", "passwd", "olga", password="a-new-long-password\n").exit_code == 0
    with Ledger(load_config(config).state_dir) as ledger:
        assert ledger.user("olga").password_hash != stored
    token = run("token", "add", "robot", "--role", "viewer")
    assert token.exit_code == 0 and len(token.stdout.strip()) > 30
    assert "robot" in run("token", "list").output and token.stdout.strip() not in run("token", "list").output
    assert run("user", "remove", "olga").exit_code == 0 and run("user", "remove", "olga").exit_code == 2
    assert run("token", "remove", "robot").exit_code == 0
    bad = cli("web", "--listen", "8080", "--config", config)
    assert bad.code == 2 and "HOST:PORT" in bad.stderr


def test_serve_with_web_listen_serves_the_console_and_its_queued_builds(tmp_path):
    port = free_port()
    config_path = write_console_config(tmp_path, extra=f'listen = "127.0.0.1:{port}"\n' + SCHEDULE)
    add_users(config_path, ["oscar"])
    log = tmp_path / "serve.log"
    with log.open("w") as output:
        process = subprocess.Popen([sys.executable, "-m", "briefing", "serve", "--config", str(config_path)],
                                   cwd=tmp_path, stdout=output, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(base, process, log)
        with httpx.Client(base_url=base, timeout=30) as client:
            login = client.post("/api/session", json={"username": "oscar", "password": PASSWORDS["oscar"]})
            client.headers["X-CSRF-Token"] = login.json()["csrf"]
            run_id = client.post("/api/builds", json={"date": "2026-11-26"}).json()["run"]
            deadline = time.monotonic() + 120
            while (run := client.get(f"/api/runs/{run_id}").json())["state"] not in ("done", "failed"):
                assert time.monotonic() < deadline, run
                time.sleep(0.1)
            assert run["state"] == "done" and run["issue"] == "2026-11-26-daily-1"
            assert client.get("/api/schedule").json()["editions"][0]["edition"] == "daily"
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=60) == 0
    finally:
        if process.poll() is None:
            process.kill()
    assert "console on http://127.0.0.1" in log.read_text() and "service stopped" in log.read_text()
