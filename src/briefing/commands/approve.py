"""`briefing approve ISSUE_DIR`: approve an issue's current revision, as the console's button does."""

from __future__ import annotations

import json
from pathlib import Path

import click

from .common import config_option, expected_failures, print_report
from .users import cli_actor


@click.command("approve")
@click.argument("issue_dir", type=click.Path(path_type=Path))
@config_option
@click.option("--as", "approver", metavar="NAME", help="Record this name as the approver (default: cli:LOGIN).")
@click.option("--revision", metavar="DIGEST",
              help="Approve only if this is still the current revision (the one you looked at; 409 in the API).")
@click.option("--json", "as_json", is_flag=True, help="Print the approval as JSON.")
@expected_failures
def approve_command(issue_dir: Path, config_path: Path | None, approver: str | None, revision: str | None,
                    as_json: bool) -> None:
    """Approve the issue in ISSUE_DIR for sending ([review] required = true). A scheduled run that
    waited for the approval goes on and mails it now."""
    from ..config import load_config
    from ..delivery.ready import load_issue
    from ..delivery.release import approve
    from ..ledger import Ledger
    from ..schedule import run_edition

    config = load_config(config_path)
    stored = load_issue(issue_dir)
    with Ledger(config.state_dir) as ledger:
        approval = approve(config, ledger, stored, approver or cli_actor(), seen=revision)
    outcome = None
    run = approval.waiting_run
    if run is not None:
        outcome = run_edition(config, run.edition, run.scheduled_for, trigger=run.trigger)
    entry = approval.entry
    if as_json:
        click.echo(json.dumps({"issue": entry.issue, "revision": entry.revision, "approved_by": entry.approver,
                               "approved_at": entry.approved_at,
                               "run": outcome.as_dict() if outcome is not None else None}, ensure_ascii=False, indent=2))
        return
    click.echo(f"approved {stored.id} (revision {entry.revision}) as {entry.approver}")
    if outcome is not None:
        click.echo(f"  run {run.edition} {run.scheduled_for.isoformat()}: {outcome.status}: {outcome.message}")
        if outcome.delivery is not None:
            print_report(outcome.delivery)
    elif config.review.required:
        click.echo(f"  `briefing send {stored.folder}` mails it now")


# -- what the other commands record and say under review ----------------------------------------


def record(config, action: str, issue: str | None, detail: str) -> None:
    """An audit line for what a command did (build, publish, send), by cli:LOGIN."""
    from ..ledger import Ledger

    with Ledger(config.state_dir) as ledger:
        ledger.audit(cli_actor(), action, issue, detail)


def refuse_send_under_review(config, command: str) -> None:
    from ..errors import UsageError

    if config.review.required:
        raise UsageError(f"{command} --send: [review] required = true in {config.where}, so an issue "
                         f"is mailed only once approved; run {command} without --send (the approvers are told), "
                         "then `briefing approve ISSUE_DIR` and `briefing send ISSUE_DIR`")


def hold_for_approval(config, stored) -> str | None:
    """Under review: tell the approvers (once per revision); the line to print, or None."""
    if not config.review.required:
        return None  # (before the imports: mail's modules cost a cold build 50 ms)
    from ..delivery.release import hold_for_review
    from ..ledger import Ledger

    with Ledger(config.state_dir) as ledger:
        return hold_for_review(config, ledger, stored)
