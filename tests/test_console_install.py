"""The console's templates and static files travel inside the wheel."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile

from conftest import REPO

from briefing.web.app import HERE


def test_the_wheel_carries_every_template_and_static_file(tmp_path):
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(tmp_path), str(REPO)],
                   check=True, env={**os.environ, "PIP_DISABLE_PIP_VERSION_CHECK": "1"}, timeout=300)
    (wheel,) = tmp_path.glob("briefing-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    wanted = {f"briefing/web/{path.relative_to(HERE).as_posix()}" for folder in ("templates", "static")
              for path in (HERE / folder).rglob("*") if path.is_file()}
    assert {"briefing/web/templates/issue.html", "briefing/web/static/htmx.min.js"} <= wanted
    assert wanted <= names, sorted(wanted - names)
