"""WeasyPrint's Pango declarations prebuilt (render/pango_types.py): the same PDF, byte for byte,
without cffi parsing the declarations at start; any other WeasyPrint imports as it always did."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from briefing.doctor import run_checks
from briefing.render.pango_types import (build_module, digest, ffi_source_path, installed_declarations_match,
                                         with_prebuilt_types)

TESTS = Path(__file__).resolve().parent

RENDER = """
import sys
from datetime import datetime, timezone
from pathlib import Path

mode, out = sys.argv[1], Path(sys.argv[2])
import briefing.render.pango_types as pango_types
import briefing.render.pdf as pdf

if mode == "plain":
    pango_types.installed_declarations_match = lambda prebuilt=None: False
else:
    pango_types.PREBUILT = "prebuilt_under_test"
from documents_geometry import one_item_issue
from briefing.render.fonts import load_fonts

pdf.render_pdf(one_item_issue("国家卫健委今天发布新规，推动医院智慧医疗建设。" * 30), out, load_fonts(),
               out.parent / ("work-" + mode), created=datetime(2026, 12, 1, tzinfo=timezone.utc))
loader = sys.modules["weasyprint.text.ffi"].__spec__.loader
print("pycparser" in sys.modules, isinstance(loader, pango_types._Loader))
"""


def _weasyprint_ffi_source() -> str:
    return ffi_source_path().read_text(encoding="utf-8")


def _render(mode: str, tmp_path: Path) -> tuple[bytes, str]:
    script = tmp_path / "render_one.py"
    script.write_text(RENDER, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), str(TESTS), os.environ.get("PYTHONPATH", "")])}
    out = tmp_path / f"{mode}.pdf"
    result = subprocess.run([sys.executable, str(script), mode, str(out)], capture_output=True, text=True,
                            env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    return out.read_bytes(), result.stdout.split()


def test_prebuilt_declarations_lay_out_the_same_pdf_without_parsing_them(tmp_path):
    # built here from the installed WeasyPrint, so the test holds whichever version CI installs
    (tmp_path / "prebuilt_under_test.py").write_text(build_module(_weasyprint_ffi_source(), "prebuilt_under_test"),
                                                     encoding="utf-8")
    plain, (plain_parsed, _) = _render("plain", tmp_path)
    prebuilt, (prebuilt_parsed, served) = _render("prebuilt", tmp_path)
    assert plain_parsed == "True", "the usual import parses the declarations with pycparser"
    assert served == "True" and prebuilt_parsed == "False", "the hook served weasyprint.text.ffi; nothing parsed"
    assert prebuilt == plain


def test_other_declarations_import_as_usual():
    source = _weasyprint_ffi_source()
    found_digest = digest(source.split("ffi.cdef('''", 1)[1].split("''')", 1)[0])
    swapped = with_prebuilt_types(source, found_digest, "some_module")
    assert swapped is not None and "from some_module import ffi" in swapped and "ffi.cdef(" not in swapped
    assert swapped.count("\n") == source.count("\n"), "line numbers stay as they were, for tracebacks"
    assert "gobject = _dlopen(" in swapped and "def unicode_to_char_p" in swapped

    # an upgraded WeasyPrint that declares one more function: its own declarations, parsed
    upgraded = source.replace("void g_object_unref (gpointer object);",
                              "void g_object_unref (gpointer object);\n    void g_object_ref (gpointer object);", 1)
    assert upgraded != source
    assert with_prebuilt_types(upgraded, found_digest, "some_module") is None
    assert with_prebuilt_types("import cffi\nffi = cffi.FFI()\n", found_digest, "some_module") is None


def test_doctor_says_whether_the_declarations_are_prebuilt():
    (check,) = [c for c in run_checks(None) if c.name == "renderer"]
    if installed_declarations_match():
        assert check.status == "ok" and "prebuilt" in check.detail
    else:
        assert check.status == "warn" and "tools/build_pango_types.py" in check.detail


def test_a_prebuilt_module_this_cffi_cannot_load_means_the_usual_import(tmp_path, monkeypatch):
    from briefing.render.pango_types import prebuilt_declarations

    (tmp_path / "unloadable_prebuilt.py").write_text("raise ValueError('unsupported cffi ABI version')\n",
                                                      encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert installed_declarations_match("unloadable_prebuilt") is False
    with prebuilt_declarations("unloadable_prebuilt") as hook:
        assert hook is None
