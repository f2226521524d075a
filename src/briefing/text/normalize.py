"""Character-level normalisation of Chinese news text.

Half-width punctuation inside Chinese text becomes full-width, full-width digits and Latin
letters become half-width, and whitespace is tidied. Numbers (5.95万亿元, 1,000, 10:30), URLs
and English phrases keep their ASCII punctuation.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .junk import strip_markup, strip_pinyin

# Ideographs, CJK punctuation and full-width forms: "Chinese context" for punctuation rules.
CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\u2018-\u201d\u2026\u2014\u300a-\u300f"
_CJK_CHAR = re.compile(f"[{CJK}]")
IDEOGRAPH = re.compile("[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")

_FULLWIDTH_ALNUM = {
    **{chr(c): chr(c - 0xFEE0) for c in range(0xFF10, 0xFF1A)},
    **{chr(c): chr(c - 0xFEE0) for c in range(0xFF21, 0xFF3B)},
    **{chr(c): chr(c - 0xFEE0) for c in range(0xFF41, 0xFF5B)},
}
# Kangxi radicals written for the characters they look like (我国科技⼈才队伍, ⼤中型⼯业企业, probe-335: a PDF's
# text layer): the same character to a reader, another to every word and repeat match
_RADICALS = {chr(c): unicodedata.normalize("NFKC", chr(c)) for c in range(0x2F00, 0x2FD6)}
# the division and fraction slashes a Taiwan byline may write for its slash (記者陳金龍∕台中報導, probe-401): the
# byline patterns know / and ／
_SLASHES = {"\u2215": "/", "\u2044": "/"}
_FULLWIDTH_TABLE = str.maketrans({**_FULLWIDTH_ALNUM, **_RADICALS, **_SLASHES})

# control characters (tab and line breaks aside), and code points that are no characters: they
# print as nothing or as boxes, and XML (the DOCX) cannot hold them at all
_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")
_HAN_DIGIT_SPACE = re.compile("(?<=[\u4e00-\u9fff]) +(?=[0-9])|(?<=[0-9]) +(?=[\u4e00-\u9fff])")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
_SIMPLE_PUNCT = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！"}
_HALF_WIDTH = re.compile("[,:;?!]")
_NEXT_WORD = re.compile(" *(.)", re.DOTALL)
# a comma or a list comma a mirror doubled: 能源学院，、建瓯市, 孙梓光，，能源学院, 签约仪式，。
_DOUBLED_MARKS = re.compile("[，、]+(?=[，、。；！？])")
_SPACE_RUN = re.compile(r"[ \u3000]{2,}")


MAX_REMEMBERED = 1000  # characters: lines and paragraphs, not a one-line page


def normalize_text(text: str) -> str:
    """Normalise one paragraph or title. A pasted page's line is normalised by the headline
    finder, the page reader and the cleaner in turn: lines are remembered, not worked out thrice."""
    return _remembered(text) if len(text) <= MAX_REMEMBERED else _normalize(text)


@lru_cache(maxsize=4096)
def _remembered(text: str) -> str:
    return _normalize(text)


def _normalize(text: str) -> str:
    # annotations first: the pinyin of 称(chēng), would make the comma after it look English
    text = _NOT_TEXT.sub("", text)
    text = strip_pinyin(strip_markup(unicodedata.normalize("NFC", text).translate(_FULLWIDTH_TABLE)))
    text = text.replace("\u00a0", " ").replace("\t", " ")
    if " " in text or "\u3000" in text:
        text = _SPACE_RUN.sub(" ", text).strip(" \u3000")
        text = _HAN_DIGIT_SPACE.sub("", text)  # "发布 8项": a typesetting artefact, not content
    if "─" in text:
        text = _BOX_DASH.sub("——", text)
    text = _fullwidth_punctuation(text)
    if "(" in text:
        text = _fullwidth_parentheses(text)
    if "，" in text or "、" in text:
        text = _DOUBLED_MARKS.sub("", text)
    return _curly_quotes(text)


# a Hong Kong page's dash typed as box-drawing lines between two words (推行三層檢測──訪食物及衛生局陳肇始局長, probe-457): a
# headline's dash, not a garbled table's border
_BOX_DASH = re.compile(r"(?<=[\u4e00-\u9fff”」》）)])─{1,2}(?=[\u4e00-\u9fff“「《])")


def compact_cjk_spaces(text: str) -> str:
    """Drop stray spaces between two Chinese characters (copy-paste artefacts in body text)."""
    return re.sub(f"(?<=[{CJK}]) +(?=[{CJK}])", "", text)


def _is_cjk(ch: str) -> bool:
    return bool(ch) and bool(_CJK_CHAR.match(ch))


_CODE_BEFORE = re.compile(r"(.)[A-Za-z0-9.:%\-]{1,20}$", re.DOTALL)
_CODE_AFTER = re.compile(r"[A-Za-z0-9.:%\-]{1,20}(.)", re.DOTALL)


def _between_chinese(text: str, i: int) -> bool:
    """A comma between two runs of Latin letters and digits that Chinese stands on either side of."""
    before = _CODE_BEFORE.search(text, max(0, i - 21), i)
    after = _CODE_AFTER.match(text, i + 1)
    return bool(before and after) and _is_cjk(before.group(1)) and _is_cjk(after.group(1))


def _fullwidth_punctuation(text: str) -> str:
    if not _HALF_WIDTH.search(text):
        return text

    def swap(match: re.Match[str]) -> str:
        i, ch = match.start(), match.group(0)
        before = text[i - 1] if i else ""
        after = text[i + 1:i + 2]
        if ch in ",:" and before.isdigit() and after.isdigit():
            return ch  # 1,000 and 10:30
        if ch == ":" and text[i + 1:i + 3] == "//":
            return ch  # URLs
        following = _NEXT_WORD.match(text, i + 1)  # the next character after spaces
        after_word = following.group(1) if following else ""
        if (_is_cjk(before) or _is_cjk(after_word)) and not _ends_english_phrase(text, i):
            return _SIMPLE_PUNCT[ch]
        if ch == "," and _between_chinese(text, i):
            return "，"  # 上午9:00,G60科创走廊 (junk probe-231): a Chinese sentence's comma between two codes
        if ch == "," and before == " " and _is_cjk(text[i - 2:i - 1]) and _is_cjk(text[i - 3:i - 2]):
            # a comma spaced off the Chinese clause it closes: 广州向南 , 100多公里 (junk probe-319); not on a
            # letter-spaced page (信 号 , 现 正 生 效, tune c-0119), whose spaces go with the letters'
            return "，"
        return ch

    # a full-width mark carries its own spacing
    return re.sub(r"([，：；？！]) +", r"\1", _HALF_WIDTH.sub(swap, text))


def _ends_english_phrase(text: str, index: int) -> bool:
    """Hello, world! 同台: the mark closes words of English (two or more since the last Chinese
    character), not a Chinese clause; AI, 大数据 is one Latin word inside Chinese."""
    start = index
    while start > 0 and index - start < 80 and not _is_cjk(text[start - 1]):
        start -= 1
    return len(_LATIN_WORD.findall(text, start, index)) >= 2 and not _is_cjk(text[index - 1:index])


def _fullwidth_parentheses(text: str) -> str:
    def swap(match: re.Match[str]) -> str:
        inner = match.group(1)
        start = match.start()
        before = text[start - 1] if start else ""
        if IDEOGRAPH.search(inner) or _is_cjk(before):
            return f"（{inner}）"
        return match.group(0)

    return re.sub(r"\(([^()\n]*)\)", swap, text)


# a closing quote typed where the line's quotation opens (”关注小环境，共享大健康”——第30个爱国卫生月活动, probe-471: read as no
# headline for its unbalanced quotes, and glued to the lead)
_OPENING_CLOSER = re.compile(r"^”(?=[^“”]{1,40}”)")


def _curly_quotes(text: str) -> str:
    if text.startswith("”"):
        text = _OPENING_CLOSER.sub("“", text)
    if '"' not in text or not IDEOGRAPH.search(text) or text.count('"') % 2:
        return text
    parts = text.split('"')
    out = [parts[0]]
    for index, part in enumerate(parts[1:]):
        out.append("“" if index % 2 == 0 else "”")
        out.append(part)
    return "".join(out)


_WHITESPACE = re.compile(r"\s+")  # \s takes the ideographic space (U+3000) too


def without_spaces(text: str) -> str:
    """The text with every run of whitespace taken out: how two copies of a Chinese line compare when a line
    break or a wide space fell in one of them."""
    return _WHITESPACE.sub("", text)


def compact(text: str) -> str:
    """A comparison key: no whitespace, no punctuation differences."""
    return without_spaces(normalize_text(text))
