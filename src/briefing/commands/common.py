"""What every command shares: --config, one way to turn expected failures into a line and an
exit code, progress on a terminal, and the delivery report's lines."""

from __future__ import annotations

import re
import sqlite3
import sys
from collections.abc import Callable
from datetime import date as Date
from functools import wraps
from pathlib import Path

import click

from ..errors import EXIT_FAILED, EXIT_USAGE, BriefingError, UsageError

config_option = click.option(
    "--config", "config_path", type=click.Path(dir_okay=False, path_type=Path),
    help="briefing.toml to use (default: ./briefing.toml if present).",
)


def fail(message: str, code: int) -> None:
    click.echo(f"briefing: error: {message}", err=True)
    sys.exit(code)


def expected_failures(command: Callable) -> Callable:
    """Turn the failures a user can cause or fix into a message and an exit code."""

    @wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except BriefingError as exc:
            fail(str(exc), exc.exit_code)
        except KeyboardInterrupt:
            fail("interrupted", EXIT_FAILED)
        except sqlite3.Error as exc:  # the ledger busy past its timeout, or damaged mid-run
            fail(f"the ledger in state_dir failed ({exc}); retry, or check the disk and state_dir", EXIT_FAILED)
        except OSError as exc:  # disk full, permissions, a folder removed under us
            where = f"{exc.filename}: " if exc.filename else ""
            fail(f"{where}{exc.strerror or exc}; check the path, its permissions and free space", EXIT_FAILED)

    return wrapper


def parse_date(value: str | None, option: str = "--date") -> Date | None:
    if value is None:
        return None
    try:
        return Date.fromisoformat(value)
    except ValueError:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise UsageError(f"{option} {value}: there is no such day in the calendar; give a real date")
        raise UsageError(f"{option} {value!r}: expected YYYY-MM-DD, e.g. 2026-11-26")


def with_progress(work, quiet: bool, label: str = "working…"):
    """Run work(progress) with a spinner and the current stage on a terminal; quietly otherwise.

    The line is redrawn at each stage, not by a refresh thread: a build with no other thread
    may share a large intake's work with a forked child (parallel.py)."""
    if quiet or not sys.stderr.isatty():
        return work(None)
    from rich.console import Console
    from rich.live import Live
    from rich.spinner import Spinner

    with Live(Spinner("dots", text=label), console=Console(stderr=True), auto_refresh=False,
              transient=True) as live:
        return work(lambda message: live.update(Spinner("dots", text=f"{message}…"), refresh=True))


def print_report(report, err: bool = False) -> None:
    """One line per recipient, then what the operator should do about any problem."""
    verb = "written" if report.dry_run else "mail"
    click.echo(f"{report.subject}: {verb} for {len(report.outcomes)} recipient(s)", err=err)
    for outcome in report.outcomes:
        detail = outcome.note or outcome.reply
        click.echo(f"  {outcome.status:8} {outcome.email}" + (f"  ({detail})" if detail else ""), err=err)
    for problem in report.problems():
        click.echo(f"briefing: error: {problem}", err=True)


def exit_if_incomplete(report) -> None:
    if report is not None and not report.complete:
        sys.exit(EXIT_FAILED)


__all__ = ["EXIT_FAILED", "EXIT_USAGE", "config_option", "exit_if_incomplete", "expected_failures", "fail",
           "parse_date", "print_report", "with_progress"]
