"""`briefing`'s first lines, before the command line's own imports.

A cold `briefing build` that makes a PDF waits, at its end, for the render worker's
`import weasyprint` (0.6 s of a 1 s build): the worker starts in parallel, and the sooner it
starts the less of that is left to wait for. Started here, before click and the command's
modules are imported, it gains their time (about 50 ms; a tenth of a second measured end to
end). The command line then parses everything as usual; `build` finds the worker running.
"""

from __future__ import annotations

import sys


def run() -> None:
    if builds_a_pdf(sys.argv[1:]):
        from .render.worker import start_early

        start_early()
    from .cli import run as run_command_line

    run_command_line()


def builds_a_pdf(args: list[str]) -> bool:
    """`briefing build …` with the default formats or `--formats` naming pdf (as the build
    command itself decides; a wrong guess costs a worker that is stopped at exit, nothing more)."""
    if args[:1] != ["build"] or "-h" in args or "--help" in args:
        return False
    for index, arg in enumerate(args):
        if arg == "--formats":
            return index + 1 < len(args) and "pdf" in args[index + 1].lower()
        if arg.startswith("--formats="):
            return "pdf" in arg.lower()
    return True
