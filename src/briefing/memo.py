"""What a running service remembers between builds: each article's cleaned text, section,
summary and title.

A service (`serve`, `web`) builds the same day again and again — the console's "build now",
a rebuild after one more page arrived — and most of its articles are the ones it read last
time. Cleaning, classifying, summarizing and titling are pure functions of the article and the
settings, so a result is kept under exactly those (the whole article, compared field by field,
and the settings it was made with) and reused; what is new is worked out as in any build. A
one-shot command keeps nothing (`build.warm_up` turns the memo on).

Bounded: at most ENTRIES results per stage, the least recently used forgotten first.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from typing import TypeVar

Item = TypeVar("Item", bound=Hashable)
Result = TypeVar("Result")

ENTRIES = 4096  # a day of feeds is a few hundred articles; 5,000 never all stay


class Memo:
    def __init__(self, entries: int = ENTRIES) -> None:
        self._entries = entries
        self._stages: dict[str, OrderedDict] = {}
        self._lock = threading.Lock()  # a service may build two editions at once
        self.enabled = False

    def map(self, stage: str, context: Hashable, work: Callable[[list[Item]], Sequence[Result]],
            items: Sequence[Item]) -> list[Result]:
        """work(items) as a list, taking what is remembered for (context, item) and working out
        only the rest (in one call, in their order)."""
        items = list(items)
        if not self.enabled:
            return list(work(items))
        keys = [(context, item) for item in items]
        with self._lock:
            table = self._stages.setdefault(stage, OrderedDict())
            known = {}
            for key in keys:
                if key in table:
                    table.move_to_end(key)
                    known[key] = table[key]
        missing = list(dict.fromkeys(key for key in keys if key not in known))
        if missing:
            done = list(work([item for _, item in missing]))
            fresh = dict(zip(missing, done))
            known.update(fresh)
            with self._lock:
                table.update(fresh)
                while len(table) > self._entries:
                    table.popitem(last=False)
        return [known[key] for key in keys]

    def clear(self) -> None:
        with self._lock:
            self._stages.clear()


MEMO = Memo()
