"""Metadata stated in the text of a page: dates, 来源 (outlet) and 作者 (author) fields.

News sites print an information line under the headline — `2026-11-25 08:30 来源：北京日报
作者：张三` — and copy-paste carries it into text files. It is metadata, not body text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from email.utils import parsedate_to_datetime

_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)\s*日?")
_NAME_RUN = r"[\u4e00-\u9fff·A-Za-z]{2,12}"
# (traditional forms too: a page's header is read before the article is converted)
_STOP = r"(?=[\s|｜/，,;；]|作者|[记記]者|[编編]辑|[责責]任|[时時]间|[发發]布|字[号號]|分享|[浏瀏]览|[阅閱][读讀]|[点點][击擊]|[来來]源|$)"
_OUTLET = re.compile(rf"(?:文章|信息|稿件)?[来來]源\s*[：:]\s*(?P<outlet>[^\s|｜/，,;；：:]{{2,20}}?){_STOP}")
_AUTHOR = re.compile(rf"(?:作者|[记記]者|撰文|文)\s*[：:/｜|]\s*(?P<names>{_NAME_RUN}(?:[ 、，,]{_NAME_RUN})*?){_STOP}")
_INFO_WORDS = re.compile(r"[来來]源|作者|[发發]布[时時]间|[发發]布日期|[时時]间|日期|字[号號]|[浏瀏]览|[阅閱][读讀]量|[点點][击擊]|分享|[编編][辑輯]")
MAX_INFO_LINE = 120


@dataclass(frozen=True)
class Info:
    outlet: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None


def iso_date(value: object) -> str | None:
    """YYYY-MM-DD from the usual ways a date is written (ISO, RFC 822, 2026年11月25日), else None."""
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.date().isoformat()
    text = str(value).strip()
    if not text:
        return None
    match = _DATE.search(text)
    if match:
        return _valid(*match.groups())
    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None


def _valid(year: str, month: str, day: str) -> str | None:
    try:
        return datetime(int(year), int(month), int(day)).date().isoformat()
    except ValueError:
        return None


def info_fields(text: str) -> Info:
    """What an information line (or a page's header text) says about outlet, authors, date."""
    outlet = _OUTLET.search(text)
    author = _AUTHOR.search(text)
    return Info(
        outlet=outlet.group("outlet") if outlet else None,
        authors=tuple(split_names(author.group("names"))) if author else (),
        published=iso_date(text) if _DATE.search(text) else None,
    )


def is_info_line(line: str) -> bool:
    """A short line made of a date and fields such as 来源 / 作者 / 字号, not a sentence."""
    if len(line) > MAX_INFO_LINE or line.rstrip().endswith(("。", "！", "？")):
        return False
    has_date = bool(_DATE.search(line))
    has_field = bool(_OUTLET.search(line) or _AUTHOR.search(line))
    if has_field and (has_date or len(line) <= 40 or _INFO_WORDS.search(line.split("：", 1)[-1])):
        return True
    if has_date:  # "2026-11-25 08:30:00" or "发布时间：2026年11月25日 字号：大 中 小"
        rest = _DATE.sub("", line)
        rest = re.sub(r"\d{1,2}:\d{2}(?::\d{2})?|[\s|｜:：/()（）\[\]【】-]", "", rest)
        return not rest or bool(_INFO_WORDS.fullmatch(rest)) or (
            len(rest) <= 16 and bool(_INFO_WORDS.search(rest)))
    return False


def split_names(text: str) -> list[str]:
    return [name for name in re.split(r"[\s、，,;；]+", text.strip()) if name]
