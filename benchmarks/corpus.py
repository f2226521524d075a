"""The labelled corpus of raw pages (benchmarks/corpus/pages-*.jsonl, format in
benchmarks/corpus/README.md), read for the editorial benchmark and the classifier's training.

Every page goes through the real reading path of a pasted page — decoded as a text file,
converted to simplified characters when written in traditional ones, cut into articles, cleaned —
exactly as `briefing build inbox/` reads a saved `.txt`.

The split is fixed by the URL (CORPUS-FORMAT): `test` when sha1(url) % 3 == 0. It is checked
here, never taken on trust, so a page cannot move from test to tune by a typo.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from briefing.model import Article, Document
from briefing.sources.limits import Limits
from briefing.sources.text import read_text
from briefing.text.chinese import simplify_document, to_simplified
from briefing.text.clean import clean_article
from briefing.text.pages import split_document

CORPUS = Path(__file__).parent / "corpus"
OFF_TOPIC = "off_topic"


def split_of(url: str) -> str:
    return "test" if int(hashlib.sha1(url.encode("utf-8")).hexdigest(), 16) % 3 == 0 else "tune"


def half_of(url: str) -> str:
    """Which half of the tune split a page is in, by a second hash: rules are developed on one
    half and checked on the other (the test split is never looked at)."""
    return "tune-a" if int(hashlib.sha1(f"dev:{url}".encode("utf-8")).hexdigest(), 16) % 2 == 0 else "tune-b"


def load_pages(files: list[Path] | None = None, split: str = "all") -> list[dict]:
    """The pages of the corpus files (default: every benchmarks/corpus/pages-*.jsonl) in `split`
    (tune, test, all, or a half of tune: tune-a, tune-b), each checked against the split rule."""
    files = files or sorted(CORPUS.glob("pages-*.jsonl"))
    pages: list[dict] = []
    for path in files:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            page = json.loads(line)
            expected = split_of(page["url"])
            if page.get("split", expected) != expected:
                raise SystemExit(f"{path}:{number}: split {page.get('split')!r} but the URL's hash says {expected!r}")
            page["split"] = expected
            page["half"] = half_of(page["url"]) if expected == "tune" else None
            page["file"] = path.name
            if split in ("all", expected, page["half"]):
                pages.append(page)
    return pages


def read_page(page: dict) -> list[Article]:
    """The articles the build would read from this page saved as a .txt file."""
    source = f"{page['id']}.txt"
    documents, _ = read_text(page["raw"].encode("utf-8"), source, Limits())
    articles = []
    for document in documents:
        document: Document = simplify_document(document)
        articles.extend(clean_article(raw) for raw in split_document(document))
    return [a for a in articles if a.paragraphs]


def main_article(page: dict) -> Article | None:
    """The page's story: the article with the most text (a page is one story)."""
    articles = read_page(page)
    return max(articles, key=lambda a: len(a.body)) if articles else None


def label(page: dict) -> str:
    """The best section, or off_topic."""
    return page["sections"][0] if page["sections"] else OFF_TOPIC


def simplified(text: str) -> str:
    return to_simplified(text)
