"""One command in a process of its own, for the benchmarks: its wall time and its own peak memory.

The wrapper process runs the command, so the largest of *its* children is that command's peak
(ru_maxrss over all children of a benchmark would give every build the largest one's), and the
time is taken inside it, so Python's start-up is not added to both sides of a ratio.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

_MEASURED = """
import resource, subprocess, sys, time
start = time.perf_counter()
done = subprocess.run(sys.argv[1:], capture_output=True, text=True)
elapsed = time.perf_counter() - start
sys.stderr.write(done.stderr)
print(elapsed, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, done.returncode)
sys.stdout.write(done.stdout)
"""


def measured(args: list[str], cwd: Path) -> tuple[float, str, int]:
    """(seconds, standard output, peak RSS in KiB) of the command; exits with its errors when it fails."""
    done = subprocess.run([sys.executable, "-c", _MEASURED, *args], cwd=cwd, capture_output=True, text=True)
    first, _, output = done.stdout.partition("\n")
    elapsed, peak, code = first.split() if first else ("0", "0", "1")
    if done.returncode or int(code):
        sys.exit(f"{' '.join(args[1:4])} failed:\n{done.stderr}")
    return float(elapsed), output, int(peak)
