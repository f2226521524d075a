"""What every helper process of a build does first: die with the process it helps."""

from __future__ import annotations

import os
import signal
import sys


def die_with_parent(parent: int) -> None:
    """Linux kills this process the moment its parent dies; elsewhere a closed pipe ends it.

    A helper must not outlive a killed build: it could still hold what the build held (the issue
    lock's open file, a child's copy of it) and keep it from the next build."""
    if sys.platform.startswith("linux"):
        import ctypes

        try:
            pr_set_pdeathsig = 1
            ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGKILL)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:  # the parent died before the request above took effect
        os._exit(1)
