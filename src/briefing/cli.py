"""The command line. Each command lives in its own module under commands/; this one names them,
in the order the README's command table gives them.

Exit codes: 0 done; 1 the build or send failed; 2 bad usage or bad config. Expected failures
print one clear message naming the file or setting, never a traceback (commands/common.py).
"""

from __future__ import annotations

import atexit
import importlib
import os
import sys
import threading

import click

from . import __version__

# name -> where it lives, in the order of the README's command table. A command's module (and
# what it imports) is loaded only when that command runs: `briefing build` pays for no other.
COMMANDS = {
    "build": "briefing.commands.build:build_command",
    "publish": "briefing.commands.publish:publish_command",
    "send": "briefing.commands.send:send_command",
    "serve": "briefing.commands.service:serve_command",
    "schedule": "briefing.commands.service:schedule_group",
    "web": "briefing.commands.web:web_command",
    "user": "briefing.commands.users:user_group",
    "token": "briefing.commands.users:token_group",
    "approve": "briefing.commands.approve:approve_command",
    "ledger": "briefing.commands.ledger:ledger_group",
    "doctor": "briefing.commands.setup:doctor_command",
    "init": "briefing.commands.setup:init_command",
}


class _Commands(click.Group):
    """click's lazily loading group (its documentation's LazyGroup recipe)."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name not in COMMANDS:
            return None
        module, _, attribute = COMMANDS[name].partition(":")
        return getattr(importlib.import_module(module), attribute)


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="briefing")
def main() -> None:
    """Turn a day's Chinese news articles into a 简报: an editable DOCX draft and a PDF."""


def run() -> None:
    """The `briefing` program: the command, then an exit that skips tearing down every module.

    Freeing what a build loaded (jieba's dictionary, lxml, pydantic's schemas …) one object at a
    time costs a cold build a twentieth of a second, for nothing: the files are written and
    closed, the ledger committed. While another thread still works (a service stopping), Python
    exits as usual and waits for it."""
    try:
        main()
        code = 0
    except SystemExit as done:
        code = done.code
    if isinstance(code, str):
        print(code, file=sys.stderr)
        code = 1
    code = code or 0
    if any(t.is_alive() and not t.daemon for t in threading.enumerate() if t is not threading.current_thread()):
        sys.exit(code)
    atexit._run_exitfuncs()  # the render worker is stopped, log handlers flushed
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
