"""Clean a raw article: normalise characters, move bylines and captions to metadata, join
broken paragraphs and drop repeated ones."""

from __future__ import annotations

import re

from ..model import Article, Block, RawArticle, article_id
from .normalize import compact_cjk_spaces, normalize_text
from .repair import RepeatFilter, join_broken

_NAME = r"[\u4e00-\u9fff·]{2,5}"
_NAMES = rf"{_NAME}(?:[ 、，]+{_NAME})*"

# 本报讯（记者 曲经纬）… / 新华社北京11月25日电（记者 张三 李四）…
_LEAD_BYLINE = re.compile(rf"^(?P<outlet>[^，。（]{{0,24}}?)(?:讯|电)（(?:本报)?记者\s*(?P<names>{_NAMES})）")
# 本报记者 张群琛 / 记者 张三 李四 (a paragraph of its own)
_BYLINE = re.compile(rf"^(?:本报)?(?:记者|通讯员|文)[：:\s]*(?P<names>{_NAMES})$")
# photo captions and credits: …。记者 常鸣/摄, 图为…（新华社发）, （摄影：××）
_CAPTION = re.compile(r"(?:记者|摄影|摄|图)?\s*[\u4e00-\u9fff·]{2,5}\s*/\s*摄\s*$|^图为|（[^）]{0,20}(?:摄|供图|发)）$")
_EDITOR = re.compile(r"^[（(]?(?:责任编辑|编辑|校对|审核)[：:][^）)]*[）)]?$")


def clean_article(raw: RawArticle) -> Article:
    authors: list[str] = []
    outlet: str | None = None
    blocks: list[Block] = []
    paragraphs: list[str] = []
    seen = RepeatFilter()  # one per article: repeats can straddle a subhead

    def flush() -> None:
        for text in join_broken(paragraphs):
            fresh = seen.fresh_part(text)
            if fresh:
                blocks.append(Block("para", fresh))
        paragraphs.clear()

    for block in raw.blocks:
        if block.kind == "subhead":
            flush()
            blocks.append(Block("subhead", normalize_text(block.text)))
            continue
        text = normalize_text(block.text)  # spaces still separate the names in a byline
        if _EDITOR.match(text) or _CAPTION.search(text):
            continue
        byline = _BYLINE.match(text)
        if byline:
            authors.extend(_names(byline.group("names")))
            continue
        lead = _LEAD_BYLINE.match(text)
        if lead:
            authors.extend(_names(lead.group("names")))
            outlet = outlet or _outlet(lead.group("outlet"))
            text = text[lead.end():].lstrip("，, ")
        paragraphs.append(compact_cjk_spaces(text))
    flush()
    body = "\n".join(b.text for b in blocks if b.kind == "para")
    title = normalize_text(raw.title).rstrip("。，；：")
    return Article(
        id=article_id(raw.source, title, body),
        source=raw.source,
        title=title,
        kicker=raw.kicker,
        subtitle=raw.subtitle,
        blocks=tuple(blocks),
        encoding=raw.encoding,
        authors=tuple(dict.fromkeys(authors)),
        outlet=outlet,
        sources=(raw.source,),
    )


def _names(text: str) -> list[str]:
    return [name for name in re.split(r"[ 、，]+", text) if name]


def _outlet(text: str) -> str | None:
    """新华社北京11月25日 -> 新华社; 本报 names no outlet (the operator's source settings do)."""
    text = re.sub(r"\d{1,2}月\d{1,2}日$", "", text.strip())
    if not text or text.startswith("本报"):
        return None
    named = re.match(r"^.+?(?:社|网|报|台|客户端)", text)
    return named.group(0) if named else text
