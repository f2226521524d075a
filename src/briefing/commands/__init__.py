"""Commands that live in their own modules (publish, send, serve, schedule …).

Each module here decorates its functions with `@main.command(...)` from `briefing.cli`;
importing the module is what registers the command.
"""

from __future__ import annotations

import importlib
import pkgutil


def load_commands() -> None:
    for module in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{module.name}")
