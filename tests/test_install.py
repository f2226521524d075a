"""A non-editable install, run from another folder, finds its templates, fonts and sample."""

from __future__ import annotations

import json
import os
import site
import subprocess
import sys
import sysconfig
from pathlib import Path

from conftest import REPO


def test_wheel_install_builds_the_sample_from_any_folder(tmp_path):
    venv = tmp_path / "venv"
    # The installed wheel is under test, not a checkout a PYTHONPATH of the runner's may point at
    clean_env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    python = venv / "bin" / "python"
    purelib = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                             check=True, capture_output=True, text=True).stdout.strip()
    # The dependencies come from the environment running the tests; briefing itself is
    # installed fresh from the source tree, as a wheel (no editable links back to src/).
    dependency_paths = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"], *site.getsitepackages()}
    Path(purelib, "test-deps.pth").write_text("\n".join(sorted(dependency_paths)) + "\n")
    subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--no-deps", str(REPO)], check=True,
                   env={**clean_env, "PIP_DISABLE_PIP_VERSION_CHECK": "1"})
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    where = subprocess.run([str(python), "-c", "import briefing; print(briefing.__file__)"], cwd=elsewhere,
                           env=clean_env, check=True, capture_output=True, text=True).stdout.strip()
    assert where.startswith(purelib), where
    result = subprocess.run([str(venv / "bin" / "briefing"), "build", "--date", "2026-11-26", "--json"],
                            cwd=elsewhere, env=clean_env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    manifest = json.loads(result.stdout)
    folder = elsewhere / "out" / "2026-11-26-daily-1"
    assert (folder / manifest["outputs"]["pdf"]).stat().st_size > 10_000
    assert sum(len(s["items"]) for s in manifest["sections"]) == 6
    assert all(a["source"].startswith(purelib) for a in manifest["articles"]), "sample must come from the install"
