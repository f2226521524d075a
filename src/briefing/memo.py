"""What a running service remembers between builds: each article's cleaned text, section,
summary and title.

A service (`serve`, `web`) builds the same day again and again — the console's "build now",
a rebuild after one more page arrived — and most of its articles are the ones it read last
time. Cleaning, classifying, summarizing and titling are pure functions of the article and the
settings, so a result is kept under exactly those (the whole article, compared field by field,
and the settings it was made with) and reused; what is new is worked out as in any build. A
one-shot command keeps nothing (`build.warm_up` turns the memo on).

Bounded: at most ENTRIES results and about MAX_CHARS characters of articles per stage, the least
recently used forgotten first (a service fed a few huge pages a day must not grow without end).
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Sequence
from typing import TypeVar

Item = TypeVar("Item", bound=Hashable)
Result = TypeVar("Result")

ENTRIES = 4096  # a day of feeds is a few hundred articles; 5,000 never all stay
MAX_CHARS = 20_000_000  # per stage: a busy day's text several times over


def article_chars(article) -> int:
    """The size of an article (raw or cleaned), in characters of its blocks."""
    return sum(len(block.text) for block in getattr(article, "blocks", ()))


class Memo:
    def __init__(self, entries: int = ENTRIES, max_chars: int = MAX_CHARS) -> None:
        self._entries = entries
        self._max_chars = max_chars
        self._stages: dict[str, OrderedDict] = {}
        self._chars: dict[str, int] = {}
        self._lock = threading.Lock()  # a service may build two editions at once
        self.enabled = False

    def map(self, stage: str, context: Hashable, work: Callable[[list[Item]], Sequence[Result]],
            items: Sequence[Item], size: Callable[[Item], int] = article_chars) -> list[Result]:
        """work(items) as a list, taking what is remembered for (context, item) and working out
        only the rest (in one call, in their order). `size` weighs an item against MAX_CHARS."""
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
                for key, result in fresh.items():
                    if key not in table:
                        self._chars[stage] = self._chars.get(stage, 0) + size(key[1])
                    table[key] = result
                while table and (len(table) > self._entries or self._chars.get(stage, 0) > self._max_chars):
                    (_, forgotten), _ = table.popitem(last=False)
                    self._chars[stage] -= size(forgotten)
        return [known[key] for key in keys]

    def clear(self) -> None:
        with self._lock:
            self._stages.clear()
            self._chars.clear()


MEMO = Memo()
