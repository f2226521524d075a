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

A long-running process (`serve`, `web`) starts one standing worker at start (`keep_warm`,
before any thread starts) and hands it every PDF, one at a time: WeasyPrint is imported once,
and a warm rebuild pays for the layout only, while this process writes the DOCX beside it.
"""

from __future__ import annotations

import atexit
import os
import pickle
import struct
import subprocess
import sys
import threading
from collections.abc import Callable
from contextlib import AbstractContextManager
from pathlib import Path

from ..errors import RenderError
from ..processes import die_with_parent

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
    """A worker process for PDFs; if it is gone, the PDF is made here.

    A one-shot command's worker lays out one PDF and is stopped. A standing worker (`keep_warm`)
    stays for the life of a service and lays out one PDF at a time, whichever thread asks."""

    def __init__(self, standing: bool = False) -> None:
        self._standing = standing
        self._turn = threading.Lock()  # one PDF at a time through the pipe
        self._process = self._spawn()

    @staticmethod
    def _spawn() -> subprocess.Popen | None:
        try:
            return subprocess.Popen(
                [sys.executable, "-m", "briefing.render.worker", str(os.getpid())],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, close_fds=True,
                # its own session: a Ctrl-C at the terminal stops the build (which ends the
                # worker), not the worker with a second traceback
                start_new_session=True,
            )
        except OSError:
            return None  # no worker (no process allowed, no interpreter): render here

    def start_pdf(self, *args, **kwargs) -> Callable[[], Path]:
        self._turn.acquire()  # released by the call below, which render_issue always makes
        try:
            sent = self._send((args, kwargs))
        except BaseException:
            self._turn.release()
            raise
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
        except Exception:  # a broken pipe, or something that does not pickle: rendered here instead
            return False

    def _finish(self, sent: bool, args: tuple, kwargs: dict) -> Path:
        try:
            try:
                answer = _read_message(self._process.stdout) if sent else None
            except (OSError, EOFError, pickle.PickleError, ValueError):
                answer = None
            if answer is None:  # killed, out of memory, never started: do it here
                self.stop()
                if self._standing:
                    self._process = self._spawn()  # for the next issue
                return render_here(*args, **kwargs)
        finally:
            self._turn.release()
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
    """The renderer for one build: a service's standing worker; else this process once WeasyPrint
    is imported here; else the worker `start_early` began; else a new one."""

    def __enter__(self) -> InProcess:
        global _early
        self._worker = None
        if _standing is not None:
            return _standing
        if is_warm():
            return IN_PROCESS
        self._worker, _early = _early or Worker(), None
        return self._worker

    def __exit__(self, *exc: object) -> None:
        if self._worker is not None:
            self._worker.stop()


_early: Worker | None = None
_standing: Worker | None = None


def start_early() -> None:
    """Start the worker as the command starts, before its own imports: it is ready sooner."""
    global _early
    if _early is None and _standing is None and not is_warm():
        _early = Worker()
        atexit.register(_early.stop)  # a command that ends without rendering ends its worker too


def keep_warm() -> None:
    """A worker for the life of this process (a service): WeasyPrint imported once, every PDF laid
    out there while this process writes the DOCX. Call it before any thread starts (the kernel
    ends the worker with the thread that started it)."""
    global _standing
    if _standing is None:
        _standing = Worker(standing=True)
        atexit.register(_standing.stop)


def _read_message(stream):
    header = stream.read(_HEADER.size)
    if len(header) < _HEADER.size:
        return None
    (size,) = _HEADER.unpack(header)
    body = stream.read(size)
    return pickle.loads(body) if len(body) == size else None


# -- the worker's side --------------------------------------------------------------------------


def _ready_for_requests() -> None:
    """What the first request would otherwise wait for, done while the parent still works: the
    modules its objects are unpickled from, the templates, and a rehearsal PDF (pdf.rehearse).
    (Not the settings' pydantic models: the PDF's options come as plain data, PdfOptions.)"""
    from .. import model  # noqa: F401
    from .pdf import _templates, rehearse

    for name in ("briefing.html.j2", "briefing.css.j2"):
        _templates().get_template(name)
    try:
        rehearse()
    except Exception:  # noqa: BLE001 - only a head start: the real issue reports its own errors
        pass


def _serve(parent: int) -> int:
    die_with_parent(parent)
    answers = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # a stray print from a library goes to stderr, not into the answers
    warm_up()
    _ready_for_requests()
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
