"""A large intake's per-article work on two cores (parallel.py): the same results as a loop, in
the same order; nothing lost when the child fails or dies; no fork where it is unsafe."""

from __future__ import annotations

import os
import signal
import threading

import pytest

from briefing import parallel
from briefing.config import EditorialSettings, load_config
from briefing.editorial.classify import classify, classify_one
from briefing.editorial.summarize import summarize_articles
from briefing.editorial.titles import item_titles
from briefing.sources import read_sources
from briefing.text.clean import clean_article
from briefing.text.pages import split_document

PARENT = os.getpid()
two_cores = pytest.mark.skipif(len(os.sched_getaffinity(0)) < 2, reason="one core: map_articles never forks")


def _in_child() -> bool:
    return os.getpid() != PARENT


def _pids_and_squares(n: int) -> tuple[int, int]:
    return os.getpid(), n * n


@two_cores
def test_a_long_list_is_shared_with_a_child_and_comes_back_in_order():
    results = parallel.map_articles(_pids_and_squares, range(200))
    assert [square for _, square in results] == [n * n for n in range(200)]
    pids = [pid for pid, _ in results]
    assert set(pids[0::2]) == {PARENT}
    assert len(set(pids[1::2])) == 1 and pids[1] != PARENT  # every other item was done by the child


def test_a_short_list_is_done_here():
    assert {pid for pid, _ in parallel.map_articles(_pids_and_squares, range(parallel.MIN_ITEMS - 1))} == {PARENT}


def test_no_fork_while_another_thread_runs():
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert not parallel.may_fork()
        assert {pid for pid, _ in parallel.map_articles(_pids_and_squares, range(200))} == {PARENT}
    finally:
        stop.set()
        other.join()


def test_one_core_when_the_environment_says_so(monkeypatch):
    monkeypatch.setenv(parallel.DISABLE, "1")
    assert {pid for pid, _ in parallel.map_articles(_pids_and_squares, range(200))} == {PARENT}


def _dies_in_the_child(n: int) -> int:
    if _in_child() and n == 151:
        os.kill(os.getpid(), signal.SIGKILL)  # as the kernel's out-of-memory killer would
    return n + 1


@two_cores
def test_a_killed_child_loses_nothing():
    assert parallel.map_articles(_dies_in_the_child, range(200)) == [n + 1 for n in range(200)]
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)  # and leaves no zombie behind


class Unreadable(Exception):
    pass


def _fails_on(n: int) -> int:
    if n == 171:
        raise Unreadable(f"item {n}")
    return n


def _fails_here(n: int) -> int:
    if not _in_child() and n == 20:
        raise Unreadable("here")
    return n


@two_cores
@pytest.mark.parametrize("work, message", [
    (_fails_on, "item 171"),  # in the child's half: redone here, where it raises
    (_fails_here, "here"),  # in this half: the child is stopped
])
def test_an_error_in_either_half_is_raised_here_and_leaves_no_child(work, message):
    with pytest.raises(Unreadable, match=message):
        parallel.map_articles(work, range(200))
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)


@two_cores
def test_a_day_of_pasted_pages_is_edited_the_same_on_two_cores_as_on_one(tmp_path, monkeypatch):
    """Clean, classify, summarize and title 120 real pages (the tune split) both ways: identical."""
    from corpus_pages import _tune

    inbox = tmp_path / "inbox"
    inbox.mkdir()
    for page in list(_tune().values())[:120]:
        (inbox / f"{page['id']}.txt").write_text(page["raw"], encoding="utf-8")
    documents, _ = read_sources([inbox])
    raw = [r for d in documents for r in split_document(d)]
    assert len(raw) >= 100
    sections = load_config(None, cwd=tmp_path).sections
    settings = EditorialSettings()

    def edit():
        articles = [a for a in parallel.map_articles(clean_article, raw) if a.blocks]
        found = classify(articles, sections, settings)
        on_topic = [a for a, c in zip(articles, found) if c.section]
        return articles, found, summarize_articles(on_topic, settings), item_titles(on_topic, settings)

    assert parallel.may_fork()
    two = edit()
    monkeypatch.setenv(parallel.DISABLE, "1")
    one = edit()
    assert two == one
    assert [c.section for c in two[1]] == [classify_one(a, sections, settings.min_score).section for a in one[0]]
    assert sum(bool(s) for s in two[2].values()) >= 40


@two_cores
def test_a_killed_build_takes_its_child_with_it(tmp_path):
    """The parent is killed while its child works: the child does not live on."""
    import subprocess
    import sys
    import time

    pids = tmp_path / "child.pid"
    script = f"""
import os, time
from briefing import parallel
parent = os.getpid()
def work(n):
    if os.getpid() != parent:
        open({str(pids)!r}, "w").write(str(os.getpid()))
        time.sleep(60)
    return n
parallel.map_articles(work, range(100))
"""
    process = subprocess.Popen([sys.executable, "-c", script])
    try:
        deadline = time.monotonic() + 30
        while not (pids.exists() and pids.read_text()) and time.monotonic() < deadline:
            time.sleep(0.05)
        child = int(pids.read_text())
        process.kill()
        process.wait()
        deadline = time.monotonic() + 10
        while _alive(child) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert not _alive(child)
    finally:
        process.kill()


def _alive(pid: int) -> bool:
    """Running, not merely a zombie waiting for whoever adopted it to reap it."""
    try:
        stat = open(f"/proc/{pid}/stat").read()
    except FileNotFoundError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"
