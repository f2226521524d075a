"""Stage timings for the manifest's timings_ms, and the progress line a terminal shows."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

Progress = Callable[[str], None]


class StageClock:
    def __init__(self, progress: Progress | None):
        self.timings: dict[str, int] = {}
        self._progress = progress

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        if self._progress:
            self._progress(name)
        start = time.perf_counter()
        yield
        self.timings[name] = self.timings.get(name, 0) + round((time.perf_counter() - start) * 1000)
