"""`briefing`'s first lines (briefing/launch.py): a build that makes a PDF starts its render
worker before the command line is imported; anything else starts nothing."""

from __future__ import annotations

import subprocess
import sys

import pytest

from briefing.launch import builds_a_pdf


@pytest.mark.parametrize("args, expected", [
    (["build"], True),  # the default formats: docx,pdf
    (["build", "inbox/", "--date", "2026-03-02"], True),
    (["build", "--formats", "docx,pdf"], True),
    (["build", "--formats=PDF"], True),
    (["build", "--formats", "docx"], False),
    (["build", "--formats=docx"], False),
    (["build", "--formats"], False),  # click reports the missing value; no worker for that
    (["build", "--help"], False),
    (["send", "out/2026-03-02-daily-1"], False),
    ([], False),
])
def test_only_a_build_that_makes_a_pdf_starts_the_worker_early(args, expected):
    assert builds_a_pdf(args) is expected


def test_python_dash_m_briefing_goes_through_the_launcher_to_the_command_line(tmp_path):
    done = subprocess.run([sys.executable, "-m", "briefing", "build", "--formats", "docx", "--json"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    built = list((tmp_path / "out").glob("*/*.docx"))
    assert len(built) == 1 and not list((tmp_path / "out").glob("*/*.pdf"))
