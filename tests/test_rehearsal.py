"""The PDF worker rehearses before its first issue (pdf.rehearse): a throwaway two-character
PDF in a bundled font, so the real issue is laid out at the warm cost. It leaves nothing behind."""

from __future__ import annotations

import tempfile
from pathlib import Path

from pypdf import PdfReader

from briefing.render import pdf


def test_a_rehearsal_writes_a_real_pdf_and_leaves_nothing_behind(monkeypatch, tmp_path):
    written = []
    original = pdf._layout

    def watched(HTML, html, roots, work_dir):  # noqa: N803 - the argument WeasyPrint's class comes in
        document = original(HTML, html, roots, work_dir)
        target = tmp_path / "copy.pdf"
        document.write_pdf(target, full_fonts=True)
        written.append((work_dir, target))
        return document

    monkeypatch.setattr(pdf, "_layout", watched)
    pdf.rehearse()
    (work_dir, copy), = written
    text = PdfReader(copy).pages[0].extract_text()
    assert "预演" in text
    assert not work_dir.exists()  # its scratch folder is gone
    assert work_dir.parent == Path(tempfile.gettempdir()).resolve()
