"""Renderers: Issue -> DOCX and Issue -> PDF, both reading render.layout."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..config import Config
    from ..model import Issue
    from .fonts import FontSet

Stage = Callable[[str], AbstractContextManager]


def render_issue(issue: Issue, folder: Path, formats: tuple[str, ...], fonts: FontSet | None, config: Config,
                 stage: Stage, created: datetime, render_pdf: Callable[..., Path] | None = None) -> dict[str, str]:
    """Write the issue's DOCX and/or PDF into folder; the file name of each kind written.

    Both `build` and `publish` render through here, each stage timed by `stage(name)`;
    render_pdf is where the PDF is laid out (worker.pdf_renderer), by default in this process.
    """
    from .docx import render_docx
    from .worker import render_here

    names: dict[str, str] = {}
    if "docx" in formats:
        with stage("docx"):
            names["docx"] = render_docx(issue, folder / f"{issue.file_stem}.docx", config.render).name
    if "pdf" in formats:
        with stage("pdf"):
            work = folder / ".work"  # the font subsets; never part of the issue
            try:
                render = render_pdf or render_here
                names["pdf"] = render(issue, folder / f"{issue.file_stem}.pdf", fonts, work, config.render,
                                      created=created).name
            finally:
                shutil.rmtree(work, ignore_errors=True)
    return names


def glyph_warning(warning: dict) -> str:
    """The operator's line for a character no font can draw."""
    return (f"no font draws {warning['char']} ({warning['codepoint']} {warning['name']}) for the "
            f"{warning['role']} role; it will print as a box — add a font that has it to fonts/")
