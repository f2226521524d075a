"""Shared fixtures: every test runs the real program on real files in a temporary folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "sample" / "zgc-forum-2026.txt"


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str


def run_cli(*args: str, cwd: Path, env: dict | None = None) -> Run:
    """`python -m briefing ARGS` in a new process, as a user would run it."""
    full_env = {**os.environ, **(env or {})}
    full_env.pop("BRIEFING_SMTP_PASSWORD", None)
    done = subprocess.run([sys.executable, "-m", "briefing", *args], cwd=cwd, env=full_env,
                          capture_output=True, text=True, timeout=300)
    return Run(done.returncode, done.stdout, done.stderr)


@pytest.fixture
def cli(tmp_path):
    def call(*args: str, env: dict | None = None) -> Run:
        return run_cli(*args, cwd=tmp_path, env=env)

    return call


@pytest.fixture(scope="session")
def sample_build(tmp_path_factory):
    """The bundled sample built once with no config at all, as the README's first command does."""
    folder = tmp_path_factory.mktemp("sample-build")
    result = run_cli("build", "--date", "2026-11-26", "--json", cwd=folder)
    assert result.code == 0, result.stderr
    manifest = json.loads(result.stdout)
    issue_dir = folder / "out" / "2026-11-26-daily-1"
    return issue_dir, manifest
