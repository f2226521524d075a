"""`briefing send ISSUE_DIR`: mail an issue that has been built."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click

from .approve import record
from .common import config_option, exit_if_incomplete, expected_failures, print_report, with_progress


@click.command("send")
@click.argument("issue_dir", type=click.Path(path_type=Path))
@config_option
@click.option("--to", "to", multiple=True, metavar="EMAIL",
              help="Send only to this address (repeatable; default: [delivery] recipients).")
@click.option("--dry-run", is_flag=True, help="Write the messages as .eml files into the issue folder instead.")
@click.option("--resend-unknown", is_flag=True,
              help="Also send to recipients whose last send ended 'unknown' (check first that it did not arrive).")
@click.option("--json", "as_json", is_flag=True, help="Print the delivery report as JSON on stdout, nothing else.")
@expected_failures
def send_command(issue_dir: Path, config_path: Path | None, to: tuple[str, ...], dry_run: bool,
                 resend_unknown: bool, as_json: bool) -> None:
    """Mail the issue in ISSUE_DIR to each recipient who has not had it yet."""
    from ..config import load_config
    from ..delivery.outbox import send_issue

    config = load_config(config_path)
    with _attempt_lines():
        report = with_progress(lambda progress: send_issue(config, issue_dir, to=to, dry_run=dry_run,
                                                           resend_unknown=resend_unknown, progress=progress),
                               quiet=as_json, label="sending…")
    if not dry_run:
        record(config, "send", report.issue_dir.name, f"mailed to {report.sent} of {len(report.outcomes)}")
    if as_json:
        click.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        print_report(report)
    exit_if_incomplete(report)


@contextmanager
def _attempt_lines() -> Iterator[None]:
    """Off a terminal (cron, a pipe, a log) each failed attempt is a `briefing: warning:` line on
    stderr, like every other line the command prints there; a terminal shows progress instead."""
    if sys.stderr.isatty():
        yield
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.setLevel(logging.WARNING)
    handler.setFormatter(logging.Formatter("briefing: warning: %(message)s"))
    logger = logging.getLogger("briefing.deliver")
    logger.addHandler(handler)
    try:
        yield
    finally:
        logger.removeHandler(handler)
