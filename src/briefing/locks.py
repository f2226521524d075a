"""Locks in state_dir that keep two runs from writing or mailing the same issue at once.

One lock per (edition, date): `briefing build`, `briefing send`, `briefing publish` and the
scheduled runs all take it, so an operator's build during a scheduled run waits for it (or says
that one is in progress) instead of writing the same folder. One more lock keeps a second
`briefing serve` from starting on the same state_dir.

The locks are `flock` locks on files: the kernel drops them when the holding process dies, so a
crash never leaves a stale lock behind. They are re-entrant within a thread, so a scheduled run
that holds the lock can call `build` and `send_issue`, which take it again.
"""

from __future__ import annotations

import fcntl
import json
import os
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date as Date, datetime, timezone
from pathlib import Path

from .errors import IssueBusy, LedgerError

POLL_SECONDS = 0.1

_held = threading.local()


def _held_counts() -> dict[str, int]:
    if not hasattr(_held, "counts"):
        _held.counts = {}
    return _held.counts


def _holder(path: Path) -> str:
    """Who holds the lock, as written by its holder: 'pid 123, scheduled run, since 07:30:02'."""
    try:
        info = json.loads(path.read_text(encoding="utf-8") or "{}")
    except (OSError, ValueError):
        return "another process"
    return f"pid {info.get('pid', '?')}, {info.get('purpose', 'a run')}, since {info.get('since', '?')}"


@contextmanager
def file_lock(path: Path, purpose: str, wait_seconds: float, on_wait: Callable[[str], None] | None,
              busy_message: str, while_waiting: Callable[[], None] | None = None) -> Iterator[None]:
    """Hold an exclusive lock on `path`, waiting up to wait_seconds for the current holder.

    busy_message is formatted with {holder} (who holds it) and {then} (what happens next).
    while_waiting() is called at every poll while the lock is held elsewhere; it may raise to give
    up waiting (a service being stopped does not wait out lock_wait_seconds)."""
    key = str(path)
    counts = _held_counts()
    if counts.get(key):
        counts[key] += 1
        try:
            yield
        finally:
            counts[key] -= 1
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle = open(path, "a+b", buffering=0)  # unbuffered: nothing is left to flush (and fail) at close
    except OSError as exc:
        raise LedgerError(f"{path}: cannot create the lock file ({exc.strerror}); check state_dir in briefing.toml")
    try:
        _acquire(handle, path, wait_seconds, on_wait, busy_message, while_waiting)
        _write_holder(handle, purpose)
        counts[key] = 1
        try:
            yield
        finally:
            del counts[key]
            fcntl.flock(handle, fcntl.LOCK_UN)
    finally:
        handle.close()


def _write_holder(handle, purpose: str) -> None:
    """Who holds the lock, for the message another run shows. Only a courtesy: on a full disk the
    lock (the flock) holds all the same, and what fails next says what is wrong."""
    since = datetime.now(timezone.utc).astimezone().isoformat(timespec="seconds")
    try:
        handle.truncate(0)
        handle.write(json.dumps({"pid": os.getpid(), "purpose": purpose, "since": since}).encode("utf-8"))
    except OSError:
        pass


def _acquire(handle, path: Path, wait_seconds: float, on_wait: Callable[[str], None] | None,
             busy_message: str, while_waiting: Callable[[], None] | None) -> None:
    deadline = time.monotonic() + wait_seconds
    told = False
    while True:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            holder = _holder(path)
            if time.monotonic() >= deadline or wait_seconds <= 0:
                then = "; try again when it has finished" if wait_seconds > 0 else ""
                raise IssueBusy(busy_message.format(holder=holder, then=then))
            if on_wait and not told:
                on_wait(busy_message.format(holder=holder, then="; waiting for it"))
                told = True
            if while_waiting is not None:
                while_waiting()
            time.sleep(POLL_SECONDS)


def issue_lock(state_dir: Path, edition: str, day: Date, purpose: str, wait_seconds: float,
               on_wait: Callable[[str], None] | None = None, while_waiting: Callable[[], None] | None = None):
    """The lock every build, send and scheduled run of (edition, day) holds while it works."""
    path = state_dir / "locks" / f"{edition}-{day.isoformat()}.lock"
    busy = f"{edition} {day.isoformat()} is being built or sent by another run ({{holder}}){{then}}"
    return file_lock(path, purpose, wait_seconds, on_wait, busy, while_waiting)


def service_lock(state_dir: Path):
    """Only one `briefing serve` per state_dir: two would each fire every job."""
    busy = (f"another `briefing serve` is already running with the state_dir {state_dir} ({{holder}}); "
            "run only one service{then}")
    return file_lock(state_dir / "locks" / "service.lock", "briefing serve", 0, None, busy)
