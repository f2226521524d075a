"""Renderers: Issue -> DOCX and Issue -> PDF, both reading render.layout."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from concurrent.futures.process import BrokenProcessPool
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
                 stage: Stage, created: datetime, pdf_worker: PdfWorker | None = None) -> dict[str, str]:
    """Write the issue's DOCX and/or PDF into folder; the file name of each kind written.

    Both `build` and `publish` render through here, each stage timed by `stage(name)`.
    """
    from .docx import render_docx
    from .pdf import render_pdf

    names: dict[str, str] = {}
    if "docx" in formats:
        with stage("docx"):
            names["docx"] = render_docx(issue, folder / f"{issue.file_stem}.docx", config.render).name
    if "pdf" in formats:
        with stage("pdf"):
            work = folder / ".work"  # the font subsets; never part of the issue
            try:
                render = pdf_worker.render if pdf_worker is not None else render_pdf
                names["pdf"] = render(issue, folder / f"{issue.file_stem}.pdf", fonts, work, config.render,
                                      created=created).name
            finally:
                shutil.rmtree(work, ignore_errors=True)
    return names


def glyph_warning(warning: dict) -> str:
    """The operator's line for a character no font can draw."""
    return (f"no font draws {warning['char']} ({warning['codepoint']} {warning['name']}) for the "
            f"{warning['role']} role; it will print as a box — add a font that has it to fonts/")


class PdfWorker:
    """Renders the PDF in a forked process that imports WeasyPrint while the pipeline runs.

    Importing WeasyPrint (Pango through cffi, Pillow, fontTools) takes about a quarter of a second,
    as long as reading, cleaning, classifying and summarizing the day's articles together; on two
    cores the two overlap. Where fork is unavailable the PDF is rendered in this process.
    """

    def __init__(self) -> None:
        self._pool = None
        try:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            self._pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"),
                                             initializer=_leave_interrupts_to_the_parent)
            self._pool.submit(_warm_up)
        except (ValueError, OSError, ImportError):
            self._pool = None

    def render(self, *args, **kwargs) -> Path:
        from .pdf import render_pdf

        if self._pool is None:
            return render_pdf(*args, **kwargs)
        try:
            return self._pool.submit(render_pdf, *args, **kwargs).result()
        except BrokenProcessPool:
            return render_pdf(*args, **kwargs)  # the worker died (killed, out of memory): do it here

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> PdfWorker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _leave_interrupts_to_the_parent() -> None:
    # Ctrl-C reaches the whole process group; the parent stops the build and shuts the worker
    # down, and a second traceback from the worker would only hide the one-line message.
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _warm_up() -> None:
    from .pdf import _weasyprint

    _weasyprint()
