"""`briefing ledger rebuild`: take the issue folders in output_dir back into the ledger."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from .common import EXIT_FAILED, config_option, expected_failures


@click.group("ledger")
def ledger_group() -> None:
    """The ledger in state_dir (issue numbers, builds, outbox, runs)."""


@ledger_group.command("rebuild")
@config_option
@expected_failures
def ledger_rebuild(config_path: Path | None) -> None:
    """Take the issue folders in output_dir that the ledger has lost back into it, from their
    manifests (a damaged ledger is set aside first). Each is recorded as possibly mailed to every
    recipient: `send` mails nobody again until you pass --resend-unknown, and a rebuild of its
    date gets a new number."""
    from ..config import load_config
    from ..restore import rebuild_ledger

    report = rebuild_ledger(load_config(config_path))
    if report.damaged is not None:
        click.echo(f"the damaged ledger was set aside as {report.damaged}; a new one was made")
    click.echo(f"{report.ledger}: took back {len(report.restored)} issue folder(s) from {report.out_dir} "
               f"({report.known} already known)")
    for restored in report.restored:
        click.echo(f"  {restored.folder.name}  {restored.number_line}  possibly mailed: "
                   f"{restored.recipients} recipient(s) recorded unknown")
    if report.restored:
        click.echo("  `briefing send DIR` now mails none of them again; once you know who has not had an issue: "
                   "`briefing send DIR --to ADDRESS --resend-unknown`")
    for problem in report.problems:
        click.echo(f"briefing: error: {problem}", err=True)
    if report.problems:
        sys.exit(EXIT_FAILED)
