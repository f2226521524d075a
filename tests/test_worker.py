"""The PDF worker of a one-shot build: killed with its parent, holding nothing afterwards."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from conftest import run_process


def _children_running(module: str) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                command = (entry / "cmdline").read_bytes().split(b"\0")
            except OSError:
                continue
            if module.encode() in command:
                found.append(int(entry.name))
    return found


def _wait_for(predicate, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.01)
    return predicate()


def test_a_killed_build_leaves_no_worker_and_no_lock(tmp_path):
    (tmp_path / "briefing.toml").write_text(
        f'[sources]\npaths = ["{Path(__file__).resolve().parent.parent / "sample"}"]\n'
        "[service]\nlock_wait_seconds = 0\n",  # a lock still held would fail the next build at once
        encoding="utf-8")
    before = set(_children_running("briefing.render.worker"))
    build = subprocess.Popen([sys.executable, "-m", "briefing", "build", "--date", "2026-11-26"], cwd=tmp_path,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    assert _wait_for(lambda: set(_children_running("briefing.render.worker")) - before, 30), "no worker started"
    (worker,) = set(_children_running("briefing.render.worker")) - before
    # the staging folder appears once the build holds the lock and hands the worker its
    # PDF: killed then, the worker is laying the PDF out and the lock is taken
    assert _wait_for(lambda: list((tmp_path / "out").glob(".2026-11-26-daily-1.*")), 60), "the build never got there"
    os.kill(build.pid, signal.SIGKILL)
    build.wait()

    assert _wait_for(lambda: not Path(f"/proc/{worker}").exists()
                     or b"Z" in Path(f"/proc/{worker}/stat").read_bytes().split(b")")[-1][:3], 10), \
        "the worker outlived its parent"
    again = run_process("build", "--date", "2026-11-26", cwd=tmp_path)
    assert again.code == 0, again.stderr
    assert "第1期" in again.stdout


STANDING = r"""
import os, signal, sys, time
from datetime import date
from pathlib import Path
from briefing.build import BuildRequest, build, warm_up
from briefing.config import load_config
from briefing.render import worker

config = load_config(None, cwd=Path.cwd())
warm_up(config)
first = build(config, BuildRequest(date=date(2026, 11, 26)))
print("weasyprint here after the first:", "weasyprint" in sys.modules)
pid = worker._standing._process.pid
os.kill(pid, signal.SIGKILL)  # the standing worker dies between two builds
os.waitpid(pid, 0)
second = build(config, BuildRequest(date=date(2026, 11, 27)))
third = build(config, BuildRequest(date=date(2026, 11, 28)))
print("weasyprint here:", "weasyprint" in sys.modules)
print("pdfs:", *(r.outputs["pdf"].stat().st_size > 10_000 for r in (first, second, third)))
print("respawned:", worker._standing._process.pid != pid and worker._standing._process.poll() is None)
"""


def test_a_service_lays_out_its_pdfs_in_one_standing_worker_that_comes_back_if_killed(tmp_path):
    done = subprocess.run([sys.executable, "-c", STANDING], cwd=tmp_path, capture_output=True, text=True,
                          timeout=240)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert "weasyprint here after the first: False" in lines  # laid out in the standing worker
    assert "weasyprint here: True" in lines  # the killed worker's next issue was laid out here

    assert "pdfs: True True True" in lines
    assert "respawned: True" in lines
