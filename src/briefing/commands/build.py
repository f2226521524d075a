"""`briefing build [SOURCE ...]`: one issue, from sources to out/ (and the mail with --send)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from .approve import hold_for_approval, record, refuse_send_under_review
from .common import config_option, exit_if_incomplete, expected_failures, parse_date, print_report, with_progress


@click.command("build")
@click.argument("sources", nargs=-1)
@config_option
@click.option("--date", "date_text", metavar="YYYY-MM-DD", help="Issue date (default: today in the briefing's time zone).")
@click.option("--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), help="Output folder (default: output_dir, out/).")
@click.option("--formats", default="docx,pdf", show_default=True, help="Which files to render.")
@click.option("--special", is_flag=True, help="Build a special issue (增刊), numbered in its own sequence.")
@click.option("--json", "as_json", is_flag=True, help="Print the manifest as JSON on stdout, nothing else.")
@click.option("--explain", is_flag=True, help="Show why each article went to its section (or was left out).")
@click.option("--send", is_flag=True, help="Mail the issue to the [delivery] recipients once it is built.")
@expected_failures
def build_command(sources: tuple[str, ...], config_path: Path | None, date_text: str | None,
                  out_dir: Path | None, formats: str, special: bool, as_json: bool, explain: bool,
                  send: bool) -> None:
    """Build one issue from SOURCE files or folders (default: the config's sources, or the
    bundled sample issue when there is no config)."""
    if "pdf" in formats.lower():
        from ..render.worker import start_early

        start_early()  # WeasyPrint imports on the other core while this process gets going
    from ..build import BuildRequest, build, formats_from
    from ..config import load_config

    config = load_config(config_path)
    if send:
        refuse_send_under_review(config, "build")
    request = BuildRequest(
        sources=tuple(sources), date=parse_date(date_text), out_dir=out_dir,
        formats=formats_from(formats), special=special, send=send,
    )
    result = with_progress(lambda progress: build(config, request, progress), quiet=as_json, label="building…")
    for warning in result.warnings:
        click.echo(f"briefing: warning: {warning}", err=True)
    record(config, "build", result.folder.name, f"built {result.issue.masthead.number_line}"
           + (f"; {result.delivery.sent} mailed" if result.delivery is not None else ""))
    waiting = hold_for_approval(config, result.stored)
    if waiting:
        click.echo(f"briefing: {waiting}", err=True)
    manifest = result.manifest
    if explain:
        print_explanation(manifest, to_stderr=as_json)
    if as_json:
        delivery = {"delivery": result.delivery.as_dict()} if result.delivery is not None else {}
        click.echo(json.dumps({**manifest, **delivery}, ensure_ascii=False, indent=2))
    else:
        issue = result.issue
        click.echo(f"{issue.briefing} {issue.masthead.number_line} ({issue.masthead.date_line}): "
                   f"{issue.item_count} item(s) in {len(issue.sections)} section(s)")
        for kind, path in result.outputs.items():
            click.echo(f"  {kind:8} {path}")
    if result.delivery is not None:
        if not as_json:
            print_report(result.delivery)
        exit_if_incomplete(result.delivery)


def print_explanation(manifest: dict, to_stderr: bool = False) -> None:
    """The classification table an operator asks for: where each article went, and why."""
    from rich.console import Console
    from rich.table import Table

    table = Table(title="articles", show_lines=False)
    for column in ("status", "section", "score", "runner-up", "deciding terms", "title"):
        table.add_column(column, overflow="fold")
    for article in manifest["articles"]:
        score = article.get("score")
        section = article["section"] or (f"— ({article['best_section']})" if article.get("best_section") else "—")
        table.add_row(article["status"], section, "" if score is None else f"{score:.1f}",
                      article.get("runner_up") or "—", "、".join(article.get("terms", [])[:5]), article["title"])
    Console(stderr=to_stderr, width=160 if not sys.stdout.isatty() else None).print(table)
