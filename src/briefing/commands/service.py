"""`briefing serve`, `briefing schedule list` and `briefing schedule run EDITION`."""

from __future__ import annotations

import json
import logging
import signal
import sys
import threading
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import click

from ..model import RunStatus
from .common import EXIT_FAILED, config_option, expected_failures, print_report, with_progress


@click.command("serve")
@config_option
@expected_failures
def serve_command(config_path: Path | None) -> None:
    """Run the scheduler service in the foreground (one process per state_dir).

    Builds and mails each edition in [schedule] at its cron time, in the briefing's time zone.
    SIGTERM or Ctrl-C stops it after the run in progress."""
    from ..config import load_config
    from ..schedule import Service

    from ..build import warm_up

    config = load_config(config_path)
    service = Service(config)  # validates [schedule] before anything starts
    warm_up(config)  # before the scheduler's threads start (render/worker.py: keep_warm)
    if not service.specs:
        click.echo(f"briefing: warning: no [schedule] entries in {config.where}; "
                   "the service will run no jobs", err=True)
    logging.basicConfig(level=logging.INFO, stream=sys.stderr,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if threading.current_thread() is threading.main_thread():
        # SIGTERM (systemctl stop) and Ctrl-C: a stop noted, never an exception raised mid-start
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, lambda _signum, _frame: service.ask_to_stop())
    from ..locks import service_lock

    with service_lock(config.state_dir):  # held before the console starts; service.run takes it again
        stop_console = _start_console(config)
        try:
            service.run()
        finally:
            stop_console()
    click.echo("briefing: service stopped", err=True)


def _start_console(config):
    """With [web] listen set, the console in this process too (its worker carries out builds asked
    for there); without it, only a worker for builds a console elsewhere queued. Returns the stop."""
    if not config.web.listen:
        from ..web.worker import RunWorker

        worker = RunWorker(config)  # queued runs left by a stopped console are taken up now
        worker.start()
        return worker.stop
    from ..web.server import start_in_thread, stop_thread

    logging.getLogger("weasyprint").setLevel(logging.WARNING)
    server, thread = start_in_thread(config)
    click.echo(f"briefing: console on http://{config.web.listen}/", err=True)
    return lambda: stop_thread(server, thread)


@click.group("schedule")
def schedule_group() -> None:
    """The scheduled editions: list them, or run one now."""


@schedule_group.command("list")
@config_option
@click.option("--json", "as_json", is_flag=True, help="Print the jobs as JSON.")
@expected_failures
def schedule_list(config_path: Path | None, as_json: bool) -> None:
    """Each job, its cron and its next three run times in the briefing's time zone."""
    from ..config import load_config
    from ..schedule import schedule_table

    config = load_config(config_path)
    rows = schedule_table(config)
    if as_json:
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    if not rows:
        click.echo(f"no [schedule] entries in {config.where}")
        return
    click.echo(f"time zone {config.briefing.timezone}")
    for row in rows:
        click.echo(f"{row['edition']}  {row['cron']}")
        for moment in row["next"]:
            click.echo(f"  next  {_show(moment)}")
        last = row["last_run"]
        if last:
            when = _show(datetime.fromisoformat(last["scheduled_for"]).astimezone(ZoneInfo(config.briefing.timezone)).isoformat())
            click.echo(f"  last  {when}  {last['status']}  {last['message'] or ''}".rstrip())


def _show(iso: str) -> str:
    """2026-11-26T07:30:00+08:00 -> 2026-11-26 Thu 07:30 +08:00"""
    moment = datetime.fromisoformat(iso)
    return f"{moment:%Y-%m-%d %a %H:%M} {iso[-6:]}"


@schedule_group.command("run")
@click.argument("edition")
@config_option
@click.option("--json", "as_json", is_flag=True, help="Print the run's outcome as JSON.")
@expected_failures
def schedule_run(edition: str, config_path: Path | None, as_json: bool) -> None:
    """Run EDITION now, through the same path as a scheduled run (build, then mail)."""
    from ..config import load_config
    from ..errors import UsageError
    from ..schedule import job_specs, run_edition, utc_now

    config = load_config(config_path)
    editions = [spec.edition for spec in job_specs(config)]
    if edition not in editions:
        raise UsageError(f"no edition {edition!r} in [schedule] of {config.where} "
                         f"(have: {', '.join(editions) or 'none'})")
    now = utc_now()  # to the microsecond: two one-off runs are two runs, however close together
    outcome = with_progress(lambda progress: run_edition(config, edition, now, trigger="manual", progress=progress),
                            quiet=as_json, label="running…")
    if as_json:
        click.echo(json.dumps(outcome.as_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(f"{edition} {outcome.date.isoformat()}: {outcome.status}: {outcome.message}")
        if outcome.folder:
            click.echo(f"  folder   {outcome.folder}")
        if outcome.delivery is not None:
            print_report(outcome.delivery)
    if outcome.status == RunStatus.FAILED:
        sys.exit(EXIT_FAILED)
