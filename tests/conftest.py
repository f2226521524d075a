"""Shared fixtures: every test runs the real program on real files in a temporary folder.

Commands run in this process (click's CliRunner) unless the process itself is what a test is
about: a cold start, a signal, a second process beside the first. In-process they are the same
code, arguments, environment, working folder and exit codes, without a new interpreter each
time. An uncaught exception is turned back into what a real process prints — a traceback on
stderr and exit code 1 — so a test that looks for "Traceback" still sees one.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import traceback
from dataclasses import dataclass
from pathlib import Path

import pytest
import trustme
from click.testing import CliRunner
from smtp_servers import Controller, Mailbox, MailServer, authenticate, free_port, server_context

from briefing.cli import main
from briefing.delivery.smtp import PASSWORD_VARIABLE
from briefing.render.worker import warm_up

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "sample" / "zgc-forum-2026.txt"

# As in the service: WeasyPrint imported once, so in-process builds render their PDF here.
warm_up()


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str


_cwd_lock = threading.Lock()  # the working folder belongs to the whole process


def run_cli(*args: str, cwd: Path, env: dict | None = None) -> Run:
    """`briefing ARGS` in `cwd`, in this process, as a user would run it."""
    environment = {PASSWORD_VARIABLE: None, **(env or {})}
    with _cwd_lock:
        before = os.getcwd()
        os.chdir(cwd)
        try:
            result = CliRunner().invoke(main, list(args), env=environment, catch_exceptions=True)
        finally:
            os.chdir(before)
    stderr = result.stderr
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        stderr += "Traceback (most recent call last):\n" + "".join(traceback.format_exception(result.exception))
    return Run(result.exit_code, result.stdout, stderr)


def run_process(*args: str, cwd: Path, env: dict | None = None, timeout: float = 300) -> Run:
    """`python -m briefing ARGS` in a new process: for what only a real process shows."""
    full_env = {**os.environ, **(env or {})}
    full_env.pop(PASSWORD_VARIABLE, None)
    done = subprocess.run([sys.executable, "-m", "briefing", *args], cwd=cwd, env=full_env,
                          capture_output=True, text=True, timeout=timeout)
    return Run(done.returncode, done.stdout, done.stderr)


@pytest.fixture
def cli(tmp_path):
    def call(*args: str, env: dict | None = None) -> Run:
        return run_cli(*args, cwd=tmp_path, env=env)

    return call


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory):
    """The bundled sample built once with no config at all, as the README's first command does:
    a new process, so the cold path (the PDF worker) is what every test of the sample looks at."""
    folder = tmp_path_factory.mktemp("sample-build")
    result = run_process("build", "--date", "2026-11-26", "--json", cwd=folder)
    assert result.code == 0, result.stderr
    manifest = json.loads(result.stdout)
    issue_dir = folder / "out" / "2026-11-26-daily-1"
    return issue_dir, manifest


# -- real SMTP servers on 127.0.0.1 (smtp_servers.py) ------------------------------------------


@pytest.fixture(scope="session")
def test_ca() -> trustme.CA:
    return trustme.CA()


@pytest.fixture
def ca_file(test_ca, tmp_path) -> Path:
    path = tmp_path / "test-ca.pem"
    test_ca.cert_pem.write_to_path(str(path))
    return path


@pytest.fixture
def mail_server(test_ca):
    """start(tls=None | "starttls" | "implicit", auth=False, port=None, ca=None) -> MailServer."""
    started: list[MailServer] = []

    def start(tls: str | None = None, auth: bool = False, port: int | None = None,
              ca: trustme.CA | None = None) -> MailServer:
        mailbox = Mailbox()
        port = port or free_port()
        kwargs = {}
        context = server_context(ca or test_ca) if tls else None
        if tls == "starttls":
            kwargs.update(tls_context=context, require_starttls=True)
        elif tls == "implicit":
            kwargs.update(ssl_context=context)
        if auth:
            # without TLS aiosmtpd refuses AUTH itself; the client's own refusal is what tests check
            kwargs.update(authenticator=authenticate, auth_required=True, auth_require_tls=bool(tls))
        controller = Controller(mailbox, hostname="127.0.0.1", port=port, **kwargs)
        controller.start()
        server = MailServer(port, mailbox, controller)
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()
