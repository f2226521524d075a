"""Lines a news page carries that are not the article: related links, copyright notices, app
download prompts, share bars, editor credits, end marks, and injected spam.

Only short lines are judged as a whole (a real paragraph that mentions 客户端 stays); spam is
removed sentence by sentence, since it is often pasted into the end of a real paragraph.
The text is already normalised (full-width punctuation in Chinese context).
"""

from __future__ import annotations

import re

from .sentences import split_sentences

MAX_JUNK_LINE = 80
MAX_RELATED_ITEM = 40

_RELATED = re.compile(
    r"^[【\[]?(?:相关(?:文章|阅读|新闻|链接|报道|推荐|专题)|延伸阅读|推荐阅读|热门(?:文章|推荐|新闻)|猜你喜欢"
    r"|更多(?:精彩|内容|新闻|阅读)|往期(?:回顾|推荐)|热点推荐|今日推荐)[】\]]?(?:[：:\s]|$)"
)
_JUNK = re.compile(
    r"版权所有|版权归|版权声明|copyright|©|all rights reserved|未经(?:书面)?(?:授权|许可)|不得转载|禁止转载"
    r"|转载请注明|ICP(?:备|证)|公网安备|违法和不良信息举报|举报电话"
    r"|(?:下载|打开|安装)[^，。！]{0,12}(?:客户端|APP)|扫(?:码|描二维码|一扫)|长按(?:识别)?二维码"
    r"|关注[^，。！]{0,12}(?:公众号|微信号|视频号|官方微博)|点击(?:进入|查看|阅读|关注|下载|收听|播放)"
    r"|^分享(?:到|至)?(?:[：:]|$)|^[【\[]?(?:纠错|打印|关闭|收藏|返回)[】\]]|返回(?:顶部|首页|列表)|关闭窗口|打印本页"
    r"|^(?:阅读|查看)(?:原文|全文)|^更多\s*(?:>>|»|$)|字号\s*[：:]?\s*(?:大\s*中\s*小|T)|^(?:上一篇|下一篇)[：:]|^[（(]?原标题\s*[：:]"
    r"|^(?:本文|文章|稿件)?(?:来源|转自)[：:][^。]*(?:网站|公众号|客户端)[）)]?$",
    re.IGNORECASE,
)
_BREADCRUMB = re.compile(r"^(?:您的位置|当前位置|所在位置|首页)\s*[：:>＞»/]|^\S{1,8}(?:\s*[>＞»]\s*\S{1,8}){2,}$")
_END_MARK = re.compile(r"^[（(【\[]?(?:完|全文完|本文完|END)[）)】\]]?$", re.IGNORECASE)
_CREDITS = re.compile(
    r"^[（(【\[]?(?:(?:责任编辑|值班编辑|实习编辑|编辑|责编|校对|审核|审校|监制|统筹|制图|设计|终审|初审|二审|三审"
    r"|策划|出品|主编)\s*[：:/｜|]\s*[^：:]{0,16}?\s*)+[）)】\]]?$"
)
_SPAM = re.compile(
    r"送彩金|百家乐|六合彩|时时彩|真人娱乐|娱乐场官[网方]|博彩(?:网站|平台|官网)|代开(?:增值税)?发票|办假证"
    r"|加(?:微信|微|VX|vx|V信|QQ|扣扣)\s*[：:]?\s*[A-Za-z0-9_-]{5,}|[a-z0-9-]+\.(?:cc|vip|xyz|top|bet)\b",
    re.IGNORECASE,
)
_URL_ONLY = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)


def is_related_header(line: str) -> bool:
    """相关文章 / 延伸阅读: the links that follow it are not the article either."""
    return len(line) <= MAX_JUNK_LINE and bool(_RELATED.match(line))


def is_related_item(line: str) -> bool:
    """A headline in a list of links: short and not a sentence."""
    return len(line) <= MAX_RELATED_ITEM and not line.rstrip().endswith(("。", "！", "？", "”"))


def is_junk(line: str) -> bool:
    if _URL_ONLY.match(line) or _END_MARK.match(line) or _CREDITS.match(line):
        return True
    if len(line) <= MAX_JUNK_LINE and _BREADCRUMB.match(line):
        return True
    return len(line) <= MAX_JUNK_LINE and bool(_JUNK.search(line) or _RELATED.match(line))


def without_spam(paragraph: str) -> str:
    """The paragraph with every spam sentence taken out ("" when it was all spam)."""
    if not _SPAM.search(paragraph):
        return paragraph
    return "".join(s for s in split_sentences(paragraph) if not _SPAM.search(s)).strip()
