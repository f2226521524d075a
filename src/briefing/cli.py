"""The command line: `briefing build | init | doctor`.

Exit codes: 0 done; 1 the build failed; 2 bad usage or bad config. Expected failures print one
clear message naming the file or setting, never a traceback.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from collections.abc import Callable
from datetime import date as Date
from functools import wraps
from pathlib import Path

import click

from . import __version__
from .build import FORMATS, BuildError, BuildRequest, UsageError, build
from .config import ConfigError, load_config
from .ledger import LedgerError
from .publish import PublishError
from .render.fonts import FontError

EXIT_FAILED = 1
EXIT_USAGE = 2

config_option = click.option(
    "--config", "config_path", type=click.Path(dir_okay=False, path_type=Path),
    help="briefing.toml to use (default: ./briefing.toml if present).",
)


def _fail(message: str, code: int) -> None:
    click.echo(f"briefing: error: {message}", err=True)
    sys.exit(code)


def expected_failures(command: Callable) -> Callable:
    """Turn the failures a user can cause or fix into a message and an exit code."""

    @wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except (ConfigError, UsageError) as exc:
            _fail(str(exc), EXIT_USAGE)
        except (BuildError, PublishError, LedgerError, FontError) as exc:
            _fail(str(exc), EXIT_FAILED)
        except KeyboardInterrupt:
            _fail("interrupted", EXIT_FAILED)
        except sqlite3.Error as exc:  # the ledger busy past its timeout, or damaged mid-run
            _fail(f"the ledger in state_dir failed ({exc}); retry, or check the disk and state_dir", EXIT_FAILED)
        except OSError as exc:  # disk full, permissions, a folder removed under us
            where = f"{exc.filename}: " if exc.filename else ""
            _fail(f"{where}{exc.strerror or exc}; check the path, its permissions and free space", EXIT_FAILED)
        except Exception as exc:  # a render library failure: still one readable line
            from .render.pdf import RenderError

            if isinstance(exc, RenderError):
                _fail(str(exc), EXIT_FAILED)
            raise

    return wrapper


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="briefing")
def main() -> None:
    """Turn a day's Chinese news articles into a 简报: an editable DOCX draft and a PDF."""


def _parse_date(value: str | None) -> Date | None:
    if value is None:
        return None
    try:
        return Date.fromisoformat(value)
    except ValueError:
        raise UsageError(f"--date {value!r}: expected YYYY-MM-DD, e.g. 2026-11-26")


def _parse_formats(value: str) -> tuple[str, ...]:
    formats = tuple(dict.fromkeys(f.strip().lower() for f in value.split(",") if f.strip()))
    unknown = [f for f in formats if f not in FORMATS]
    if unknown or not formats:
        raise UsageError(f"--formats {value!r}: use docx, pdf or docx,pdf")
    return formats


@main.command("build")
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
    config = load_config(config_path)
    request = BuildRequest(
        sources=tuple(sources), date=_parse_date(date_text), out_dir=out_dir,
        formats=_parse_formats(formats), special=special, send=send,
    )
    interactive = sys.stderr.isatty() and not as_json
    if interactive:
        from rich.console import Console

        console = Console(stderr=True)
        with console.status("building…") as status:
            result = build(config, request, progress=lambda stage: status.update(f"{stage}…"))
    else:
        result = build(config, request)
    for warning in result.warnings:
        click.echo(f"briefing: warning: {warning}", err=True)
    if explain:
        print_explanation(result.manifest, to_stderr=as_json)
    if as_json:
        delivery = {"delivery": result.delivery.as_dict()} if result.delivery is not None else {}
        click.echo(json.dumps({**result.manifest, **delivery}, ensure_ascii=False, indent=2))
    else:
        issue = result.issue
        click.echo(f"{issue.briefing} {issue.masthead.number_line} ({issue.masthead.date_line}): "
                   f"{issue.item_count} item(s) in {len(issue.sections)} section(s)")
        for kind, path in result.outputs.items():
            click.echo(f"  {kind:8} {path}")
    if result.delivery is not None:
        from .commands.send import print_report

        if not as_json:
            print_report(result.delivery)
        if not result.delivery.complete:
            sys.exit(EXIT_FAILED)


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


@main.command("init")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path), default=".")
@config_option
@expected_failures
def init_command(directory: Path, config_path: Path | None) -> None:
    """Write a commented starter briefing.toml and an inbox/ folder into DIRECTORY
    (or write the config to --config FILE, with the inbox beside it)."""
    from .starter import write_starter

    for path in write_starter(directory, config_path):
        click.echo(f"created {path}")


@main.command("doctor")
@config_option
@click.option("--json", "as_json", is_flag=True, help="Print the checks as JSON.")
@expected_failures
def doctor_command(config_path: Path | None, as_json: bool) -> None:
    """Check the config, fonts, templates and mail server; exit 1 if something is wrong."""
    from .doctor import run_checks

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


# Commands in their own modules (briefing/commands/) register themselves on `main`.
from .commands import load_commands  # noqa: E402

load_commands()
