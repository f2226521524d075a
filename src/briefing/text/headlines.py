"""Find a page's real headline: among the lines of a pasted page, or among a saved page's
og:title, <h1> and <title>.

A page copied as the site serves it opens with furniture — the outlet, a nav bar, a breadcrumb,
APP下载 — then the headline, then a dateline or 来源 line, then the story. The headline is the
line before the story that is no furniture (text/junk.py), is headline-sized, is not a sentence,
and shares its words with the story's lead; a dateline or source line right under it, or a
`原标题：` naming it, confirms it. When no line passes, the page has no headline, and the
editorial stage writes one from the lead (editorial/titles.py): never a file name, an outlet, a
date or a navigation line.

Where each title came from is kept (`title_from`) and listed in the manifest:

    heading         a `#` line of a text/Markdown file, a Word Title style
    page            found among a pasted page's lines
    og:title, h1, title     a saved HTML page's (title: <title> without the site name)
    feed, jsonl     the entry's or record's own title
    original_title  the 原标题： the page quotes, when the page's own is not found
    written         written from the lead by the editorial stage
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .junk import is_related_header, line_kind
from .normalize import normalize_text

MIN_HEADLINE, MAX_HEADLINE = 5, 64  # characters
LOOK_AHEAD = 80  # lines: the headline stands above the story, below at most a long menu
MIN_PROSE = 40
_HAN = re.compile("[\u4e00-\u9fff]")
_ORIGINAL = re.compile(r"[（(【\[]?\s*原标题\s*[：:]\s*(?P<title>[^）)】\]\n]{4,80}?)\s*[）)】\]]?\s*$")
_ORIGINAL_INLINE = re.compile(r"[（(【\[]\s*原标题\s*[：:]\s*(?P<title>[^）)】\]\n]{4,80}?)\s*[）)】\]]")
# decorations a portal adds to a headline: 标题（图）, 标题(组图), 标题【视频】
_DECORATION = re.compile(r"\s*[（(【\[](?:组?图|视频|图文|高清组图|附视频|多图|直播|音频)[）)】\]]\s*$")
_SITE_PART = re.compile(r"\s*(?:[_|｜]|\s[-–—]\s|-{1,2}(?=[^-]{1,14}$))\s*")
_NUMBERED = re.compile(r"^(?:[一二三四五六七八九十]{1,3}[、.．]|（[一二三四五六七八九十]{1,3}）|\d{1,2}[、.．](?!\d))")


@dataclass(frozen=True)
class Headline:
    text: str
    origin: str  # see the module's docstring
    index: int | None = None  # the line it stands on, for a pasted page


def original_title(lines: list[str]) -> str | None:
    """The 原标题： a page quotes (the title the story first ran under), if any."""
    for line in lines[:80]:
        text = normalize_text(line)
        match = _ORIGINAL.match(text) if "原标题" in text[:6] else _ORIGINAL_INLINE.search(text)
        if match and usable(match.group("title")):
            return clean_decoration(match.group("title"))
    return None


def find_in_lines(lines: list[str]) -> Headline | None:
    """The headline among a pasted page's lines (raw, one per line, blank lines removed)."""
    texts = [normalize_text(line) for line in lines]
    kinds = [line_kind(t) for t in texts]
    prose = next((i for i, t in enumerate(texts) if kinds[i] is None and _is_prose(t)), len(texts))
    lead = "".join(t for i, t in enumerate(texts[prose:prose + 6], prose) if kinds[i] is None)[:600]
    original = original_title(lines)
    best: tuple[float, int] | None = None
    in_related = False
    for i in range(min(prose, LOOK_AHEAD)):
        if in_related and len(texts[i]) <= 40:
            continue  # the links under 相关新闻 are other stories' headlines
        in_related = is_related_header(texts[i]) or (in_related and len(texts[i]) <= 40)
        candidate = clean_decoration(texts[i])
        if kinds[i] is not None and line_kind(candidate) is not None or not usable(candidate):
            continue
        score = _score(candidate, i, prose, texts, kinds, lead, original)
        if score > 0 and (best is None or score > best[0]):
            best = (score, i)
    if best is None:  # a notice: its title stands under the covering letter that names it in 《》
        whole = "\n".join(texts[:prose + 40])
        best = next(((1.0, i) for i in range(prose, min(prose + 12, len(texts)))
                     if usable(texts[i]) and f"《{texts[i]}》" in whole), None)
    if best is not None:
        return Headline(without_site_name(clean_decoration(texts[best[1]])), "page", best[1])
    if original:
        return Headline(original, "original_title")
    return None


def choose_html_title(og_title: str | None, h1s: list[str], title: str | None) -> Headline | None:
    """A saved page's headline: og:title when the page agrees with it, else the <h1> that the
    <title> confirms, else the <title> without the site name, else what stands at all."""
    og = _html_candidate(og_title)
    heads = [h for h in (_html_candidate(h) for h in h1s) if h]
    page_title = _html_candidate(title)
    if og and (not heads and not page_title or any(_agrees(og, h) for h in heads) or _agrees(og, page_title or "")):
        return Headline(og, "og:title")
    for head in heads:
        if page_title and _agrees(head, page_title) or og and _agrees(head, og):
            return Headline(head, "h1")
    if page_title:
        return Headline(page_title, "title")
    if og:
        return Headline(og, "og:title")
    if heads:
        return Headline(heads[0], "h1")
    return None


def usable(text: str) -> bool:
    """Could be a headline: headline-sized Chinese text that is no furniture, date or outlet."""
    text = text.strip()
    if not MIN_HEADLINE <= len(text) <= MAX_HEADLINE or len(_HAN.findall(text)) < 4:
        return False
    if line_kind(text) is not None or _NUMBERED.match(text):
        return False
    return not text.endswith(("。", "；", "，", "：", "、"))


def clean_decoration(text: str) -> str:
    return _DECORATION.sub("", text.strip())


def without_site_name(title: str) -> str:
    """怀柔科学城发布8项成果_北京日报网 -> 怀柔科学城发布8项成果 (the longest part when unclear)."""
    parts = [p for p in _SITE_PART.split(title) if p]
    if len(parts) <= 1:
        return title
    kept = [p for p in parts if line_kind(p) != "outlet" and not _is_site_part(p)]
    if not kept:
        return parts[0]
    return kept[0] if len(kept[0]) >= 6 else max(kept, key=len)


def _is_site_part(part: str) -> bool:
    return bool(re.search(r"(?:网|频道|首页|门户|官网|客户端|新闻中心|政府|日报|晚报)$", part)) and len(part) <= 14


def _html_candidate(text: str | None) -> str | None:
    if not text:
        return None
    text = clean_decoration(without_site_name(" ".join(normalize_text(text).split())))
    return text if usable(text) else None


def _agrees(a: str, b: str) -> bool:
    return bool(a and b) and (a in b or b in a or _bigram_share(a, b) >= 0.6)


def _is_prose(text: str) -> bool:
    return len(text) >= MIN_PROSE and ("，" in text or "。" in text) or (len(text) >= 20 and text.endswith("。"))


def _score(candidate: str, index: int, prose: int, texts: list[str], kinds: list[str | None], lead: str,
           original: str | None) -> float:
    """How much the line looks like the headline of the story below it (0 or less: not at all)."""
    # a share of few pairs is luck (医疗医药业 shares 医疗 with any hospital story): scaled down
    overlap = (_bigram_share(candidate, lead) if lead else 0.0) * min(1.0, len(_bigrams(candidate)) / 8)
    following = next((kinds[j] for j in range(index + 1, min(index + 4, len(texts)))), None)
    meta_below = following in ("dateline", "source_line", "byline", "layout", "counter", "furniture")
    named = bool(original) and _agrees(candidate, original)
    score = 2.0 * overlap + (0.6 if meta_below else 0.0) + (1.0 if named else 0.0)
    score += 0.2 * (1 - (prose - index) / max(prose, 1))  # nearer the story
    if not (overlap >= 0.15 or meta_below or named or (index == 0 and prose <= 2)):
        return 0.0
    return score


def _bigrams(text: str) -> set[str]:
    chars = [c for c in text if _HAN.match(c) or c.isalnum()]
    return {a + b for a, b in zip(chars, chars[1:])}


def _bigram_share(part: str, whole: str) -> float:
    """The share of `part`'s character pairs that occur in `whole`."""
    grams = _bigrams(part)
    return len(grams & _bigrams(whole)) / len(grams) if grams else 0.0
