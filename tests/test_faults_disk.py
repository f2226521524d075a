"""A full disk, for real: output_dir or state_dir on a tiny tmpfs, so writes fail with ENOSPC.
Each failure is one line naming the folder and the free space, no traceback (not even the one
Python prints from a ZipFile's __del__), nothing half-written left behind, and a full state disk
is never called a damaged ledger."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from briefing.config import load_config
from briefing.ledger import Ledger
from conftest import REPO, run_process


@pytest.fixture
def small_disk():
    """mount(folder, kib): a tmpfs of that size on folder (root only; skipped where not allowed)."""
    mounted: list[Path] = []

    def mount(folder: Path, kib: int) -> Path:
        folder.mkdir(parents=True, exist_ok=True)
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={kib}k", "tmpfs", str(folder)],
                              capture_output=True, text=True)
        if done.returncode != 0:
            pytest.skip(f"a full disk needs a small tmpfs, and mount is not allowed here ({done.stderr.strip()})")
        mounted.append(folder)
        return folder

    yield mount
    for folder in reversed(mounted):
        subprocess.run(["umount", "-l", str(folder)], check=False)


def _config(folder: Path) -> Path:
    path = folder / "briefing.toml"
    path.write_text(f'[briefing]\nstate_dir = "state"\n[sources]\npaths = ["{REPO / "sample"}"]\n', encoding="utf-8")
    return path


def _fill(folder: Path) -> None:
    with (folder / "filler").open("wb", buffering=0) as handle:
        try:
            while True:
                handle.write(b"\0" * 4096)
        except OSError:  # ENOSPC: the disk is full
            pass


def _one_clean_line(stderr: str) -> str:
    assert "Traceback" not in stderr and "Exception ignored" not in stderr, stderr
    (line,) = stderr.strip().splitlines()
    return line


def test_a_full_output_disk_fails_in_one_line_and_leaves_nothing(tmp_path, small_disk):
    config = load_config(_config(tmp_path))
    out = small_disk(tmp_path / "out", 16)  # smaller than the DOCX

    result = run_process("build", "--date", "2026-11-26", cwd=tmp_path)

    assert result.code == 1
    line = _one_clean_line(result.stderr)
    assert line.startswith(f"briefing: error: {out}: cannot write the issue (no space left on device; ")
    assert "KiB free on that disk" in line and "output_dir" in line
    assert list(out.iterdir()) == []  # no staging folder, no half issue
    with Ledger(config.state_dir) as ledger:
        assert ledger.issues() == [] and [str(b.status) for b in ledger.builds()] == ["failed"]


def test_a_full_state_disk_is_not_a_damaged_ledger(tmp_path, small_disk):
    state = small_disk(tmp_path / "state", 512)
    _config(tmp_path)
    first = run_process("build", "--date", "2026-11-26", "--formats", "docx", cwd=tmp_path)
    assert first.code == 0, first.stderr
    _fill(state)

    result = run_process("build", "--date", "2026-11-27", "--formats", "docx", cwd=tmp_path)

    assert result.code == 1
    line = _one_clean_line(result.stderr)
    assert f"{state / 'ledger.sqlite3'}: cannot " in line and "the disk holding state_dir is full" in line
    assert "free some space" in line and "not damaged" in line
    assert "backup" not in line and "rebuild" not in line
    assert not (tmp_path / "out" / "2026-11-27-daily-2").exists()

    (state / "filler").unlink()
    again = run_process("build", "--date", "2026-11-27", "--formats", "docx", cwd=tmp_path)
    assert again.code == 0, again.stderr
    assert "第2期" in again.stdout  # the ledger was fine all along


def test_a_damaged_ledger_says_so_and_rebuild_sets_it_aside(tmp_path, cli):
    _config(tmp_path)
    assert cli("build", "--date", "2026-11-26", "--formats", "docx").code == 0
    ledger = tmp_path / "state" / "ledger.sqlite3"
    ledger.write_bytes(b"this is not a database" * 200)

    result = cli("build", "--date", "2026-11-27", "--formats", "docx")
    rebuilt = cli("ledger", "rebuild")
    after = cli("build", "--date", "2026-11-27", "--formats", "docx", "--json")

    assert result.code == 1
    line = _one_clean_line(result.stderr)
    assert "the ledger is damaged" in line and "`briefing ledger rebuild` sets it aside" in line
    assert rebuilt.code == 0, rebuilt.stderr
    (aside,) = ledger.parent.glob("ledger.sqlite3.damaged-*")
    assert aside.read_bytes().startswith(b"this is not a database") and str(aside) in rebuilt.stdout
    assert "took back 1 issue folder(s)" in rebuilt.stdout
    assert after.code == 0 and json.loads(after.stdout)["issue"]["number"] == 2
