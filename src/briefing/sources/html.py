"""Saved news pages (.html, .htm): the article's main text, title, date, outlet and author.

trafilatura finds the main text and leaves out navigation, comments, related-article lists and
footers; what it lets through (an app-download line, an editor's credit) is removed by the
cleaning stage, which treats every kind of source alike. The page is parsed by lxml with the
network off: nothing it points at (images, stylesheets, frames, file:// links) is fetched, and
its own entity declarations are not expanded.
"""

from __future__ import annotations

import copy
import logging
import re
from functools import lru_cache

import lxml.etree as etree
import lxml.html

from ..model import Block, Document, RawArticle, Skipped
from ..text.decode import xml_declared_encoding
from ..text.headlines import Headline, choose_html_title, original_title
from ..text.metadata import info_fields, iso_date, split_names
from .errors import SourceError
from .limits import Limits
from .text import decode

_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
# what a browser does not show: the place of text planted for search engines and scrapers
_HIDDEN = (".//*[@hidden] | .//*[@aria-hidden='true'] | "
           ".//*[contains(translate(@style, ' ', ''), 'display:none')] | "
           ".//*[contains(translate(@style, ' ', ''), 'visibility:hidden')]")
# (not <form>: ASP.NET sites, common among government pages, wrap the whole page in one)
_NOT_TEXT = ("script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas",
             "button", "select", "textarea")
_BLOCKS = {"p", "div", "section", "article", "blockquote", "li", "tr", "dd", "dt", "pre", "center",
           "table", "ul", "ol", "dl", "figure", "figcaption", "h1", "h2", "h3", "h4", "h5", "h6", "br"}
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_SUBHEAD_MARK = "\ue000"  # a private-use character: never in real text
MIN_PROSE = 40

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)


def looks_like_html(data: bytes) -> bool:
    head = data[:2048].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<html" in head or b"<body" in head


def read_html(data: bytes, source: str, limits: Limits) -> tuple[list[Document], list[Skipped]]:
    text, encoding = decode(data, declared_charset(data))
    tree = parse_page(text)
    extracted = _extract(tree)
    page_text = _visible_text(tree)
    blocks = _body_blocks(extracted.body) if extracted is not None and extracted.body is not None else []
    if not any(block.kind == "para" and _is_prose(block.text) for block in blocks):
        raise SourceError("no article text found in the page (only navigation, links or scripts)")
    header = _header_text(page_text, next(b.text for b in blocks if b.kind == "para"))
    stated = info_fields(header)
    headline = _headline(tree, extracted.title or None, blocks)
    authors = tuple(split_names(extracted.author.replace(";", "、"))) if extracted.author else ()
    raw = RawArticle(
        source=source,
        title=headline.text if headline else "",
        kicker=None,
        subtitle=None,
        blocks=tuple(blocks),
        encoding=encoding,
        authors=authors or stated.authors,
        published=iso_date(extracted.date) or stated.published,
        outlet=stated.outlet or extracted.sitename or None,
        url=extracted.url or None,
        title_from=headline.origin if headline else "",
    )
    return [Document(source=source, text="", encoding=encoding, kind="html", articles=(raw,))], []


def _is_prose(text: str) -> bool:
    """A paragraph, not a link label: a sentence, or a long run of text."""
    return len(text) >= MIN_PROSE or text.rstrip("”’」』）)").endswith(("。", "！", "？", ".", "!", "?"))


def declared_charset(data: bytes) -> str | None:
    head = data[:4096]
    declared = xml_declared_encoding(head)
    if declared:
        return declared
    match = _CHARSET.search(head)
    return match.group(1).decode("ascii") if match else None


def parse_page(text: str) -> lxml.html.HtmlElement:
    """The page as an lxml tree with the network off; SourceError when it cannot be used."""
    parser = lxml.html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True)
    try:
        tree = lxml.html.document_fromstring(_XML_DECLARATION.sub("", text, count=1), parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise SourceError(f"not a readable web page ({exc})")
    for error in parser.error_log:
        if error.type_name == "ERR_RESOURCE_LIMIT" or "depth" in error.message.lower():
            raise SourceError("HTML nested too deeply (over 256 levels): a broken or hostile page, not read")
    drop_hidden(tree)
    return tree


def drop_hidden(root: lxml.html.HtmlElement) -> None:
    """Take out what a reader never sees: hidden elements (where sites plant spam for search
    engines), scripts, styles, frames and form controls."""
    for element in root.xpath(_HIDDEN) + [e for tag in _NOT_TEXT for e in root.iter(tag)]:
        if element.getparent() is not None:
            element.drop_tree()


@lru_cache(maxsize=1)
def _trafilatura_config():
    from trafilatura.settings import use_config

    config = use_config()
    # trafilatura's minimum of 250 characters is set for European text; a short Chinese story
    # says as much in 150, and below the minimum trafilatura falls back to the page's whole text.
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", "60")
    config.set("DEFAULT", "EXTENSIVE_DATE_SEARCH", "off")
    return config


def _extract(tree: lxml.html.HtmlElement):
    from trafilatura import bare_extraction  # heavy import; only pages need it

    try:
        return bare_extraction(
            copy.deepcopy(tree), include_comments=False, include_tables=False, include_images=False,
            include_links=False, with_metadata=True, deduplicate=False, config=_trafilatura_config(),
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except RecursionError:
        raise SourceError("HTML nested too deeply to read: a broken or hostile page, not read")


def _body_blocks(body: etree._Element) -> list[Block]:
    """trafilatura's body (<p>, <head>, <list><item>, <quote>, <lb/>) as paragraphs and subheads."""
    for lb in body.iter("lb"):
        lb.tail = "\n" + (lb.tail or "")
    blocks: list[Block] = []
    for element in body:
        if element.tag == "list":
            parts = ["".join(item.itertext()) for item in element.iter("item")]
        else:
            parts = ["".join(element.itertext())]
        kind = "subhead" if element.tag == "head" else "para"
        for part in parts:
            for line in part.split("\n"):
                if line.strip():
                    blocks.append(Block(kind, line.strip()))
    return blocks


def fragment_blocks(markup: str) -> list[Block]:
    """An HTML fragment (a feed entry's content) as paragraphs and subheads, with breaks kept."""
    if not re.search(r"<[a-zA-Z!/]", markup):
        return [Block("para", line.strip()) for line in markup.splitlines() if line.strip()]
    parser = lxml.html.HTMLParser(no_network=True, remove_comments=True, remove_pis=True)
    try:
        root = lxml.html.fragment_fromstring(markup, create_parent="div", parser=parser)
    except (etree.ParserError, ValueError):
        return []
    drop_hidden(root)
    for element in root.iter(*_BLOCKS):
        if element.tag in _HEADINGS:
            element.text = _SUBHEAD_MARK + (element.text or "")
        element.tail = "\n" + (element.tail or "")
        if element.tag != "br":
            element.text = "\n" + (element.text or "")
    blocks = []
    for line in root.text_content().split("\n"):
        line = line.strip()
        if line.strip(_SUBHEAD_MARK):
            kind = "subhead" if line.startswith(_SUBHEAD_MARK) else "para"
            blocks.append(Block(kind, line.strip(_SUBHEAD_MARK).strip()))
    return blocks


def _visible_text(tree: lxml.html.HtmlElement) -> str:
    body = tree.find("body")
    root = body if body is not None else tree
    for element in root.iter(*_BLOCKS):
        element.tail = "\n" + (element.tail or "")
    return root.text_content()


def _header_text(page_text: str, first_paragraph: str) -> str:
    """The page text above the article body: where the information line stands."""
    at = page_text.find(first_paragraph[:12])
    return page_text[:at] if at > 0 else page_text[:2000]


def _headline(tree: lxml.html.HtmlElement, extracted: str | None, blocks: list[Block]) -> Headline | None:
    """og:title, <h1> or <title> without the site name (text/headlines.py); then trafilatura's
    guess; then a 原标题： in the text. None when the page has no headline."""
    og = tree.xpath("//meta[@property='og:title' or @name='og:title' or @name='twitter:title']/@content")
    h1s = [h.text_content() for h in tree.iter("h1")]
    titles = [t.text_content() for t in tree.iter("title")]
    found = choose_html_title(og[0] if og else None, h1s, titles[0] if titles else None)
    if found is None and extracted:
        found = choose_html_title(None, [extracted], None)
    if found is None:
        original = original_title([b.text for b in blocks])
        found = Headline(original, "original_title") if original else None
    return found
