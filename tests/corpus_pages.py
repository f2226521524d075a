"""Real pages for the tests: taken from the TUNE split of benchmarks/corpus only (the test split
is never looked at to shape rules), read the way the build reads a pasted page."""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from corpus import load_pages, main_article  # noqa: E402

from briefing.model import Article  # noqa: E402


@lru_cache(maxsize=1)
def _tune() -> dict[str, dict]:
    return {page["id"]: page for page in load_pages(split="tune")}


def tune_page(page_id: str) -> dict:
    pages = _tune()
    assert page_id in pages, f"{page_id} is not a tune-split page; tests use tune pages only"
    return pages[page_id]


def read_tune_page(page_id: str) -> Article:
    article = main_article(tune_page(page_id))
    assert article is not None, f"{page_id}: nothing read"
    return article
