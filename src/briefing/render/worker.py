"""Where the PDF is laid out: in a worker process beside the pipeline, or here.

A command that builds once (`briefing build`, `publish`) would spend half a second importing
WeasyPrint (Pango through cffi, Pillow, fontTools) before it could lay out a page. A worker
started when the command starts does that import on the second core while the articles are
read, cleaned, classified and summarized; it is handed the PDF as soon as the issue is composed
and lays it out while this process writes the DOCX; then it exits with its parent.

The worker is a new interpreter (`python -m briefing.render.worker`), not a fork: it inherits no
lock file, no thread and no half-held mutex of its parent, and it dies with its parent — the
kernel kills it when the parent goes (PR_SET_PDEATHSIG on Linux), and everywhere its request
pipe closes. A killed build never leaves a worker behind holding the issue's lock.

A long-running process (`serve`, `web`) imports WeasyPrint once at start (`warm_up`, before any
thread starts) and lays out every PDF itself, one at a time: no process per build, and a warm
rebuild pays for layout only.
"""

from __future__ import annotations

import atexit
import os
import pickle
import signal
import struct
import subprocess
import sys
import threading
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

from ..errors import RenderError

_in_process = threading.Lock()  # WeasyPrint and fontconfig are not known to be thread-safe
_HEADER = struct.Struct("<Q")  # the length of each pickled request and answer


def warm_up() -> None:
    """Import WeasyPrint now: later issues in this process are rendered here, without a worker."""
    from .pdf import _weasyprint

    _weasyprint()


def is_warm() -> bool:
    return "weasyprint" in sys.modules


class InProcess:
    """Lays the PDF out in this process (WeasyPrint is imported on first use)."""

    def start_pdf(self, *args, **kwargs) -> Callable[[], Path]:
        """Begin the PDF; the returned call finishes it and gives its path. Here it all happens
        in that call; a worker lays the PDF out meanwhile, while this process writes the DOCX."""
        return lambda: render_here(*args, **kwargs)


IN_PROCESS = InProcess()


def render_here(*args, **kwargs) -> Path:
    from .pdf import render_pdf

    with _in_process:
        return render_pdf(*args, **kwargs)


class Worker(InProcess):
    """One worker process for one command's PDF; if it is gone, the PDF is made here."""

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
            self._process = None  # no worker (no process allowed, no interpreter): render here

    def start_pdf(self, *args, **kwargs) -> Callable[[], Path]:
        sent = self._send((args, kwargs))
        return lambda: self._finish(sent, args, kwargs)

    def _send(self, request: tuple) -> bool:
        process = self._process
        if process is None:
            return False
        try:
            payload = pickle.dumps(request)
            process.stdin.write(_HEADER.pack(len(payload)) + payload)
            process.stdin.flush()
            return True
        except (OSError, pickle.PickleError, ValueError):
            return False

    def _finish(self, sent: bool, args: tuple, kwargs: dict) -> Path:
        try:
            answer = _read_message(self._process.stdout) if sent else None
        except (OSError, EOFError, pickle.PickleError, ValueError):
            answer = None
        if answer is None:  # killed, out of memory, never started: do it here
            self.stop()
            return render_here(*args, **kwargs)
        outcome, value = answer
        if outcome == "error":
            raise value
        if outcome == "crash":
            raise RenderError(f"the PDF could not be rendered: {value}")
        return value

    def stop(self) -> None:
        process, self._process = self._process, None
        if process is not None and process.poll() is None:
            process.kill()
            process.wait()


class renderer(AbstractContextManager):  # noqa: N801 - used as a function: `with renderer() as r`
    """The renderer for one build: this process once WeasyPrint is imported here, else the
    worker `start_early` began, else a new one."""

    def __enter__(self) -> InProcess:
        global _early
        if is_warm():
            self._worker = None
            return IN_PROCESS
        self._worker, _early = _early or Worker(), None
        return self._worker

    def __exit__(self, *exc: object) -> None:
        if self._worker is not None:
            self._worker.stop()


_early: Worker | None = None


def start_early() -> None:
    """Start the worker as the command starts, before its own imports: it is ready sooner."""
    global _early
    if _early is None and not is_warm():
        _early = Worker()
        atexit.register(_early.stop)  # a command that ends without rendering ends its worker too


def _read_message(stream):
    header = stream.read(_HEADER.size)
    if len(header) < _HEADER.size:
        return None
    (size,) = _HEADER.unpack(header)
    body = stream.read(size)
    return pickle.loads(body) if len(body) == size else None


# -- the worker's side --------------------------------------------------------------------------


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


def _serve(parent: int) -> int:
    _die_with_parent(parent)
    answers = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # a stray print from a library goes to stderr, not into the answers
    warm_up()
    requests = sys.stdin.buffer
    while (request := _read_message(requests)) is not None:
        args, kwargs = request
        try:
            payload = pickle.dumps(("ok", render_here(*args, **kwargs)))
        except Exception as exc:  # sent back whole: the parent reports it as its own
            try:
                payload = pickle.dumps(("error", exc))
            except Exception:
                payload = pickle.dumps(("crash", f"{type(exc).__name__}: {exc}"))
        answers.write(_HEADER.pack(len(payload)) + payload)
        answers.flush()
    return 0  # the parent closed the pipe: its build is over


if __name__ == "__main__":
    sys.exit(_serve(int(sys.argv[1])))
