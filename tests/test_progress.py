"""On a terminal a long build shows its stages; a large intake there is still shared with a
forked child (the progress line needs no refresh thread)."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest

from corpus_pages import _tune

FORK_LOG = """
import sys, briefing.parallel as parallel
log, original = sys.argv[1], parallel._fork
def logged(work, tail):
    with open(log, "a") as out:
        print("forked for", len(tail), file=out)
    return original(work, tail)
parallel._fork = logged
sys.argv = ["briefing", *sys.argv[2:]]
from briefing.cli import run
run()
"""


def _on_a_terminal(args: list[str], cwd: Path) -> tuple[int, str]:
    controller, terminal = pty.openpty()
    process = subprocess.Popen(args, cwd=cwd, stdin=terminal, stdout=terminal, stderr=terminal, close_fds=True)
    os.close(terminal)
    seen = b""
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # the terminal closed: the process ended
            break
        if not chunk:
            break
        seen += chunk
    os.close(controller)
    return process.wait(timeout=300), seen.decode("utf-8", "replace")


@pytest.mark.skipif(len(os.sched_getaffinity(0)) < 2, reason="one core: map_articles never forks")
def test_a_terminal_sees_the_stages_and_a_large_intake_still_uses_both_cores(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for page in list(_tune().values())[:80]:
        (inbox / f"{page['id']}.txt").write_text(page["raw"], encoding="utf-8")
    log = tmp_path / "forks.txt"
    code, screen = _on_a_terminal([sys.executable, "-c", FORK_LOG, str(log), "build", "inbox",
                                   "--date", "2026-11-26"], tmp_path)
    assert code == 0, screen
    assert "classify…" in screen and "summarize…" in screen  # the stages, as the line was redrawn
    assert "item(s) in" in screen and "Traceback" not in screen
    forks = log.read_text().splitlines()
    assert len(forks) >= 3 and all(int(line.split()[-1]) >= 30 for line in forks)
