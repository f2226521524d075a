"""Where the PDF is rendered: beside the pipeline in a worker process, or in this process.

A command that builds once (`briefing build`, `publish`) would spend half a second importing
WeasyPrint (Pango through cffi, Pillow, fontTools) before it could lay out the PDF. A worker
started when the build begins does that import on the second core while the articles are read,
cleaned, classified and summarized, then renders the one PDF it is handed and exits.

The worker is a new interpreter (`python -m briefing.render.worker`), not a fork: it inherits no
lock file, no thread and no half-held mutex of its parent, and it dies with its parent — the
kernel kills it when the parent goes (PR_SET_PDEATHSIG on Linux), and everywhere its job pipe
closes. A killed build never leaves a worker behind holding the issue's lock.

A long-running process (`serve`, `web`) imports WeasyPrint once at start (`warm_up`, before any
thread starts) and renders every PDF itself, one at a time: no process per build, and a warm
rebuild pays for layout only.
"""

from __future__ import annotations

import os
import pickle
import signal
import subprocess
import sys
import threading
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

from ..errors import RenderError

Render = Callable[..., Path]
_in_process = threading.Lock()  # WeasyPrint and fontconfig are not known to be thread-safe


def warm_up() -> None:
    """Import WeasyPrint now: later PDFs in this process are rendered here, without a worker."""
    from .pdf import _weasyprint

    _weasyprint()


def is_warm() -> bool:
    return "weasyprint" in sys.modules


def pdf_renderer() -> AbstractContextManager[Render]:
    """The render_pdf to use for this build: in this process once WeasyPrint is imported here,
    else a worker that imports it meanwhile."""
    return _InProcess() if is_warm() else PdfWorker()


class _InProcess(AbstractContextManager):
    def __enter__(self) -> Render:
        return render_here

    def __exit__(self, *exc: object) -> None:
        return None


def render_here(*args, **kwargs) -> Path:
    from .pdf import render_pdf

    with _in_process:
        return render_pdf(*args, **kwargs)


class PdfWorker(AbstractContextManager):
    """One worker process for one build's PDF."""

    def __init__(self) -> None:
        self._process: subprocess.Popen | None = None
        try:
            self._process = subprocess.Popen(
                [sys.executable, "-m", "briefing.render.worker", str(os.getpid())],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, close_fds=True,
                # its own session: a Ctrl-C at the terminal stops the build (which ends the
                # worker), not the worker with a second traceback
                start_new_session=True,
            )
        except OSError:
            self._process = None  # no worker (no fork allowed, no interpreter): render here

    def __enter__(self) -> Render:
        return self.render

    def render(self, *args, **kwargs) -> Path:
        process = self._process
        if process is None:
            return render_here(*args, **kwargs)
        try:
            answer, _ = process.communicate(pickle.dumps((args, kwargs)))
        except (OSError, pickle.PicklingError):
            answer = b""
        finally:
            self._stop()
        if process.returncode != 0 or not answer:  # killed, out of memory: do it here
            return render_here(*args, **kwargs)
        kind, value = pickle.loads(answer)
        if kind == "error":
            raise value
        if kind == "crash":
            raise RenderError(f"the PDF could not be rendered: {value}")
        return value

    def __exit__(self, *exc: object) -> None:
        self._stop()  # a worker never handed its PDF: the build failed or was interrupted

    def _stop(self) -> None:
        process, self._process = self._process, None
        if process is not None and process.poll() is None:
            process.kill()
            process.wait()


def _die_with_parent(parent: int) -> None:
    """Linux kills this process the moment its parent dies; elsewhere the closed pipe ends it."""
    if sys.platform.startswith("linux"):
        import ctypes

        try:
            pr_set_pdeathsig = 1
            ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the parent died before the request above took effect
        os._exit(1)


def _serve_one(parent: int) -> int:
    _die_with_parent(parent)
    answers = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # a stray print from a library goes to stderr, not into the answer
    warm_up()
    request = sys.stdin.buffer.read()
    if not request:
        return 0  # the build ended without a PDF (or its process died)
    args, kwargs = pickle.loads(request)
    from .pdf import render_pdf

    try:
        answer = ("ok", render_pdf(*args, **kwargs))
    except Exception as exc:  # sent back whole: the parent reports it as its own
        try:
            answer = ("error", exc)
            pickle.dumps(answer)
        except Exception:
            answer = ("crash", f"{type(exc).__name__}: {exc}")
    answers.write(pickle.dumps(answer))
    answers.flush()
    return 0


if __name__ == "__main__":
    sys.exit(_serve_one(int(sys.argv[1])))
