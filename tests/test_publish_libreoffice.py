"""An editor's round trip through a real LibreOffice, driven through UNO (Debian's python3-uno,
its own profile): change tracking on, one item deleted by selecting from its title to the next
heading, one cut and pasted into another section, saved as Word 2007 XML, then published."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from test_publish import built, in_order, pdf_text  # noqa: F401  (built is a fixture)

SYSTEM_PYTHON = "/usr/bin/python3"  # the interpreter python3-uno is built for
EDIT_SCRIPT = Path(__file__).with_name("libreoffice_uno_edit.py")
FACILITIES = "怀柔科学城发布8项代表性重大成果"
BIOMEDICINE = "北京药企全球化步伐加速"
TALENT = "首都产业一线科技人才规模达225万人"


def _uno_available() -> bool:
    if shutil.which("soffice") is None or not Path(SYSTEM_PYTHON).exists():
        return False
    return subprocess.run([SYSTEM_PYTHON, "-c", "import uno"], capture_output=True).returncode == 0


@pytest.fixture
def uno_edit(tmp_path):
    if not _uno_available():
        if os.environ.get("CI"):
            pytest.fail("LibreOffice with python3-uno is not installed; .ci/run installs "
                        "libreoffice-writer-nogui and python3-uno")
        pytest.skip("LibreOffice with python3-uno is not installed")

    def run(draft: Path, saved: Path, edits: dict) -> Path:
        (tmp_path / "edits.json").write_text(json.dumps(edits, ensure_ascii=False), encoding="utf-8")
        done = subprocess.run([SYSTEM_PYTHON, str(EDIT_SCRIPT), str(draft), str(saved), str(tmp_path / "uno-profile"),
                               str(tmp_path / "edits.json")],
                              capture_output=True, text=True, timeout=240, env={**os.environ, "HOME": str(tmp_path)})
        assert done.returncode == 0 and saved.is_file(), done.stderr
        return saved

    return run


def test_tracked_delete_and_move_in_libreoffice_publish(built, cli, tmp_path, uno_edit):
    folder, manifest, draft = built
    uno_edit(draft, tmp_path / "saved.docx", {"track_changes": True, "delete": [FACILITIES],
                                             "move": [[BIOMEDICINE, TALENT]]})
    result = cli("publish", "saved.docx", "--json")
    assert result.code == 0, result.stderr
    published = json.loads(result.stdout)
    articles = {i["title"]: i["article"] for s in manifest["sections"] for i in s["items"]}
    sections = {s["id"]: [(i["title"], i["article"]) for i in s["items"]] for s in published["sections"]}
    # the emptied sections are left out, as a build leaves them out (empty_sections = "omit")
    assert list(sections) == ["collaboration", "standards", "talent", "health"]
    assert sections["talent"] == [(BIOMEDICINE, articles[BIOMEDICINE]), (TALENT, articles[TALENT])]
    changes = published["publication"]["changes"]
    assert {"change": "deleted", "article": articles[FACILITIES], "section": "facilities",
            "title": FACILITIES} in changes
    assert {"change": "moved", "article": articles[BIOMEDICINE], "title": BIOMEDICINE,
            "from": "biomedicine", "to": "talent"} in changes
    assert {c["section"] for c in changes if c["change"] == "section_removed"} == {"facilities", "biomedicine"}
    text = pdf_text(folder / published["outputs"]["pdf"])
    assert FACILITIES not in text and "本期暂无" not in text
    assert in_order(text, ["一、协同创新", "二、标准化", "三、人才发展", BIOMEDICINE, TALENT, "四、卫生健康"])
