"""`briefing web`: the operator console and its JSON API."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import click

from .common import config_option, expected_failures


@click.command("web")
@click.option("--listen", metavar="HOST:PORT", help="Where to listen (default: [web] listen, else 127.0.0.1:8080).")
@config_option
@expected_failures
def web_command(listen: str | None, config_path: Path | None) -> None:
    """Serve the operator console (pages and /api) in the foreground.

    It listens on 127.0.0.1 unless told otherwise: put a reverse proxy with TLS in front of it
    (docs/console.md). Builds asked for here are queued in the run ledger and carried out by
    this process; Ctrl-C or SIGTERM stops it, and a queued build is taken up at the next start."""
    from ..build import warm_up
    from ..config import load_config
    from ..web.server import make_server

    config = load_config(config_path)
    server = make_server(config, listen)  # checks --listen before anything is loaded
    warm_up(config)  # before the server's threads start (render/worker.py: keep_warm)
    logging.basicConfig(level=logging.INFO, stream=sys.stderr,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    logging.getLogger("weasyprint").setLevel(logging.WARNING)  # not a line per layout step of every build
    click.echo(f"briefing: console on http://{server.config.host}:{server.config.port}/", err=True)
    server.run()
    click.echo("briefing: console stopped", err=True)
