"""`briefing publish EDITED.docx`: the final issue from the editor's draft."""

from __future__ import annotations

import json
from pathlib import Path

import click

from ..errors import UsageError
from .approve import hold_for_approval, record, refuse_send_under_review
from .common import config_option, exit_if_incomplete, expected_failures, print_report


@click.command("publish")
@click.argument("draft", type=click.Path(dir_okay=False, path_type=Path))
@config_option
@click.option("--json", "as_json", is_flag=True, help="Print the updated manifest as JSON on stdout, nothing else.")
@click.option("--send", is_flag=True, help="Mail the final issue to the [delivery] recipients once it is published.")
@expected_failures
def publish_command(draft: Path, config_path: Path | None, as_json: bool, send: bool) -> None:
    """Publish the final issue from an edited DOCX draft: the editor's version is rendered to the
    final PDF and a clean DOCX in the issue's folder, and the issue is marked published."""
    from ..render.worker import start_early

    start_early()  # the renderers import on the other core while the draft is read
    from ..config import load_config
    from ..draft.changes import describe
    from ..draft.final import publish_draft

    if not draft.is_file():
        raise UsageError(f"{draft}: no such file; give the edited .docx draft")
    config = load_config(config_path)
    if send:
        refuse_send_under_review(config, "publish")
    result = publish_draft(config, draft)
    for warning in result.warnings:
        click.echo(f"briefing: warning: {warning}", err=True)
    record(config, "publish", result.folder.name, f"{draft.name}: {len(result.changes)} change(s)")
    waiting = hold_for_approval(config, result.stored)
    if waiting:
        click.echo(f"briefing: {waiting}", err=True)
    report = None
    if send:
        from ..delivery.outbox import send_issue

        # the published manifest names its revision: recipients of the issue as built get the final one
        report = send_issue(config, result.folder)
    if as_json:
        delivery = {"delivery": report.as_dict()} if report is not None else {}
        click.echo(json.dumps({**result.manifest, **delivery}, ensure_ascii=False, indent=2))
        exit_if_incomplete(report)
        return
    issue = result.issue
    click.echo(f"published {issue.briefing} {issue.masthead.number_line} ({issue.masthead.date_line}): "
               f"{issue.item_count} item(s) in {len(issue.sections)} section(s), "
               f"{len(result.changes)} change(s) from the draft")
    for change in result.changes:
        click.echo(f"  {describe(change)}")
    for kind, path in result.outputs.items():
        click.echo(f"  {kind:8} {path}")
    if report is not None:
        print_report(report)
    exit_if_incomplete(report)
