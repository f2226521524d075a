"""`briefing init [DIR]` and `briefing doctor`: set up a briefing, and check that it is ready."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .common import EXIT_FAILED, EXIT_USAGE, config_option, expected_failures


@click.command("init")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path), default=".")
@config_option
@expected_failures
def init_command(directory: Path, config_path: Path | None) -> None:
    """Write a commented starter briefing.toml and an inbox/ folder into DIRECTORY
    (or write the config to --config FILE, with the inbox beside it)."""
    from ..starter import write_starter

    for path in write_starter(directory, config_path):
        click.echo(f"created {path}")


@click.command("doctor")
@config_option
@click.option("--json", "as_json", is_flag=True, help="Print the checks as JSON.")
@expected_failures
def doctor_command(config_path: Path | None, as_json: bool) -> None:
    """Check the config, fonts, templates, state and mail server; exit 1 if something is wrong,
    2 if the config itself is."""
    from ..doctor import run_checks

    checks = run_checks(config_path)
    if as_json:
        click.echo(json.dumps([c.__dict__ for c in checks], ensure_ascii=False, indent=2))
    else:
        for check in checks:
            mark = {"ok": "ok  ", "warn": "warn", "fail": "FAIL"}[check.status]
            click.echo(f"[{mark}] {check.name}: {check.detail}")
    if any(c.name == "config" and c.status == "fail" for c in checks):
        sys.exit(EXIT_USAGE)  # a bad config is a usage error, as for every other command
    if any(c.status == "fail" for c in checks):
        sys.exit(EXIT_FAILED)
