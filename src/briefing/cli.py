"""The command line. Each command lives in its own module under commands/; this one names them,
in the order the README's command table gives them.

Exit codes: 0 done; 1 the build or send failed; 2 bad usage or bad config. Expected failures
print one clear message naming the file or setting, never a traceback (commands/common.py).
"""

from __future__ import annotations

import click

from . import __version__
from .commands.approve import approve_command
from .commands.build import build_command
from .commands.ledger import ledger_group
from .commands.publish import publish_command
from .commands.send import send_command
from .commands.service import schedule_group, serve_command
from .commands.setup import doctor_command, init_command
from .commands.users import token_group, user_group
from .commands.web import web_command


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="briefing")
def main() -> None:
    """Turn a day's Chinese news articles into a 简报: an editable DOCX draft and a PDF."""


for command in (build_command, publish_command, send_command, serve_command, schedule_group, doctor_command,
                init_command):
    main.add_command(command)
main.add_command(web_command)
main.add_command(user_group)
main.add_command(token_group)
main.add_command(approve_command)
main.add_command(ledger_group)  # briefing ledger rebuild
