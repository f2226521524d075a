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
    from .worker import InProcess

Stage = Callable[[str], AbstractContextManager]


def render_issue(issue: Issue, folder: Path, formats: tuple[str, ...], fonts: FontSet | None, config: Config,
                 stage: Stage, created: datetime, renderer: InProcess | None = None) -> dict[str, str]:
    """Write the issue's DOCX and/or PDF into folder; the file name of each kind written.

    Both `build` and `publish` render through here, each stage timed by `stage(name)`;
    `renderer` is where the PDF is laid out (worker.renderer()), by default in this process.
    """
    from .docx import render_docx
    from .layout import PdfOptions
    from .worker import IN_PROCESS

    renderer = renderer or IN_PROCESS
    names: dict[str, str] = {}
    work = folder / ".work"  # the font subsets; never part of the issue
    pdf = None
    try:
        if "pdf" in formats:
            pdf = renderer.start_pdf(issue, folder / f"{issue.file_stem}.pdf", fonts, work, PdfOptions.of(config.render),
                                     created=created)
        if "docx" in formats:
            with stage("docx"):
                names["docx"] = render_docx(issue, folder / f"{issue.file_stem}.docx", config.render).name
    finally:
        if pdf is not None:
            with stage("pdf"):  # in a worker: what remains of the layout once the DOCX is written
                # collected even when the DOCX failed: the worker is free for the next issue
                names["pdf"] = pdf().name
        shutil.rmtree(work, ignore_errors=True)
    return names


def glyph_warning(warning: dict) -> str:
    """The operator's line for a character no font can draw."""
    return (f"no font draws {warning['char']} ({warning['codepoint']} {warning['name']}) for the "
            f"{warning['role']} role; it will print as a box — add a font that has it to fonts/")
