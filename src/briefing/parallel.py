"""Per-article work of a large intake, on both cores.

Cleaning, classifying, summarizing and titling are pure functions of one article each, and a
day of feeds brings hundreds. `map_articles` runs such a function over a long list in two
halves at once: a forked child takes every other item and sends its results back through a pipe
(pickled), while this process does the rest. The results are the same, in the same order, as
a plain loop's: the functions are deterministic and share nothing.

A fork is used only where it is safe and worth it:

- a POSIX system with more than one core available to this process;
- this process runs no other thread (a service's scheduler or web server does: it loops), since
  a fork copies no thread and could copy a lock another thread held;
- at least MIN_ITEMS items: below that the fork costs more than the second core saves (the
  bundled sample's six articles never fork).

The child dies with this process (PR_SET_PDEATHSIG on Linux): a build killed midway leaves no
child behind holding a copy of what it held (the issue lock of `build --send`).

Nothing is lost when the child is not: a child that fails, is killed or sends back garbage is
waited for and its half is done here, so an exception is raised here, as it would be in the loop.
"""

from __future__ import annotations

import gc
import os
import pickle
import signal
import threading
from collections.abc import Callable, Sequence
from typing import TypeVar

from .processes import die_with_parent

Item = TypeVar("Item")
Result = TypeVar("Result")

MIN_ITEMS = 48
DISABLE = "BRIEFING_ONE_CORE"  # set (to anything) in the environment: never fork


def map_articles(work: Callable[[Item], Result], items: Sequence[Item]) -> list[Result]:
    """[work(item) for item in items], on two cores when the list is long enough and it is safe."""
    items = list(items)
    if len(items) < MIN_ITEMS or not may_fork():
        return [work(item) for item in items]
    # every other item to the child: long and short articles come in runs, and the two halves
    # should cost the same
    head, tail = items[0::2], items[1::2]
    child = _fork(work, tail)
    if child is None:
        return [work(item) for item in items]
    pid, answers = child
    try:
        done_here = [work(item) for item in head]
    except BaseException:  # this half raised (or was interrupted): stop the child, leave no zombie
        _stop(pid)
        os.close(answers)
        raise
    done_there = _collect(pid, answers, len(tail))
    if done_there is None:  # the child failed: its half is done here, errors and all
        done_there = [work(item) for item in tail]
    results = [None] * len(items)
    results[0::2], results[1::2] = done_here, done_there
    return results


def may_fork() -> bool:
    if not hasattr(os, "fork") or os.environ.get(DISABLE):
        return False
    if threading.active_count() != 1:
        return False
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    return cores > 1


def _fork(work: Callable, tail: list) -> tuple[int, int] | None:
    try:
        read_end, write_end = os.pipe()
    except OSError:
        return None
    parent = os.getpid()
    gc.freeze()  # the child's garbage collector leaves the parent's objects alone: fewer pages copied
    try:
        pid = os.fork()
    except OSError:
        gc.unfreeze()
        os.close(read_end)
        os.close(write_end)
        return None
    if pid == 0:  # the child: work, answer, and leave without running any of the parent's exit code
        code = 1
        try:
            die_with_parent(parent)  # a killed build leaves no child holding its lock's open file
            os.close(read_end)
            signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl-C at a terminal ends the child quietly
            payload = pickle.dumps([work(item) for item in tail], protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write_end, "wb") as answers:
                answers.write(payload)
            code = 0
        except BaseException:  # noqa: BLE001 - the parent redoes this half and reports the error
            pass
        finally:
            os._exit(code)
    gc.unfreeze()
    os.close(write_end)
    return pid, read_end


def _collect(pid: int, answers: int, expected: int) -> list | None:
    try:
        with os.fdopen(answers, "rb") as stream:
            payload = stream.read()
    except OSError:
        payload = b""
    _, status = os.waitpid(pid, 0)
    if not os.WIFEXITED(status) or os.WEXITSTATUS(status) != 0 or not payload:
        return None
    try:
        results = pickle.loads(payload)
    except Exception:  # noqa: BLE001 - a truncated answer: redo the half here
        return None
    return results if isinstance(results, list) and len(results) == expected else None


def _stop(pid: int) -> None:
    try:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    except OSError:
        pass
