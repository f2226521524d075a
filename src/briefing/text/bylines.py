"""Bylines, datelines and photo credits: who wrote it and where it was filed, out of the body.

    本报讯（记者 曲经纬）大国科技……        lead byline: 曲经纬, outlet 本报 (the operator names it)
    新华社北京11月25日电（记者 张三 李四）……  dateline: 新华社; 张三, 李四
    中新网北京4月30日电(中新财经记者 吴家驹)…  dateline with a desk before 记者
    【环球时报报道 记者 王五】……             bracketed lead
    本报记者 张群琛 / （记者 张三 通讯员 李四） / 文/赵六     a byline paragraph of its own
    ……。记者 常鸣/摄 / （新华社记者 张三 摄） / 图为…… / 视觉中国供图    photo captions and credits

The text is already normalised (full-width brackets and colons in Chinese context).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_HAN = "\u4e00-\u9fff"
NAME = rf"[{_HAN}·]{{2,5}}"
# a two-character name a photo credit prints spaced: 新华社记者 牟 宇摄 (probe-263)
_CREDITED = rf"(?:{NAME}|[{_HAN}] [{_HAN}](?=\s*摄))"
ROLES = ("摄影记者", "特约记者", "见习记者", "首席记者", "实习记者", "记者", "通讯员", "实习生", "报道员", "特约撰稿")
_ROLE = "|".join(ROLES)
_ROLE_SPLIT = re.compile(rf"({_ROLE})")
_OUTLET = rf"[{_HAN}A-Za-z]{{1,10}}?(?:通讯社|社|网|报|台|客户端|新闻|财讯|财经APP|财经|资讯|APP)"
_DATE = r"\d{1,2}月\d{1,2}日"
_LEAD = re.compile(
    rf"^据?(?:(?P<dated>本报|{_OUTLET})(?:[{_HAN}]{{2,8}}?)?{_DATE}(?:电|讯)"
    rf"|(?P<paper>本报)讯"
    rf"|(?P<wire>{_OUTLET})(?:[{_HAN}]{{2,4}}?)?(?:电|讯)(?=[\s（，：])"  # 新华社电（…）, 据新华社北京电 日前…, not 广播电视台电影频道
    rf"|(?P<news>{_OUTLET})消息(?=\s*：)"  # 央视网消息：今年是澳门回归25周年… (probe-452)
    # an app's or a site's name and 报道 before the reporter in brackets: 云上咸宁报道（记者 李欣）10月28日下午，… (probe-503)
    rf"|(?P<reported>[{_HAN}]{{2,8}}?)报道(?=\s*（(?:{_ROLE}))"
    rf"|(?:本报)?记者\s*(?P<reporter>[{_HAN}]{{2,3}})(?={_DATE})"  # 记者陈丽平3月29日，由…
    # the reporter's name after a space, the story straight after it, under the copy's source and the outlet's 讯: 消息来源：上海证券报
    # 上证报中国证券网讯记者 宋薇萍作为长三角一体化发展的重要平台之一，… (probe-397)
    rf"|(?:消息来源\s*[：:]\s*[^\s：:]{{2,12}}\s+)?(?:[{_HAN}]{{2,12}}讯)?记者\s+(?P<spaced>[{_HAN}]{{2,3}}?)(?=作为|在|从|近日|日前|今天|今日|昨天|昨日|获悉|了解到|随着))"
    r"\s*(?:（(?P<credit>[^（）]{1,40})）)?[ ，：]*"
)
# the reporter's bare name in the dateline's brackets: 人民网厦门6月24日电（陈博）
_BARE_NAMES = re.compile(rf"(?!.*(?:报道|综合|消息|记者|电))[{_HAN}]{{2,3}}(?:[、 ][{_HAN}]{{2,3}}){{0,2}}")
# a wire dateline inside the opening of a paragraph: what stands before it is a caption or a
# headline glued on (…重获新生中新网成都1月13日电（记者王鹏）深夜的手术室里…; a paper's undated
# 本报讯 too: …当地采取整改补偿措施本报讯（记者李丰）贵州省黔东南州…)
_WIRES = r"新华社|中新社|中新网|人民网|央视网|央广网|光明网|国际在线|环球网|澎湃新闻|央视新闻|人民财讯|本报"
_INNER_DATELINE = re.compile(rf"(?:{_WIRES}|[{_HAN}]{{2,4}}(?:日报|晚报|商报))[{_HAN}]{{0,8}}?{_DATE}(?:电|讯)|本报讯")
# 【环球时报报道 记者 王五】, （香港文汇网记者 章萝兰 上海报道）, 〔记者陈永吉／台北报导〕
_BRACKET_LEAD = re.compile(r"^(?:【(?P<inner>[^【】]{2,40}?)】|[〔（(](?P<round>[^〔〕（）()]{2,40}?)[〕）)])\s*")
_WRITER = re.compile(rf"^[（]?(?:文|撰文|作者)\s*[/｜|：]\s*(?P<names>{NAME}(?:[ 、，]+{NAME})*)"
                     rf"(?:\s*(?:图|摄影|摄)\s*[/｜|：]\s*{NAME}(?:[ 、，]+{NAME})*)?[）]?$")
_CAPTION = re.compile(
    rf"{NAME}\s*/\s*摄\s*[）]?$"                                   # 记者 常鸣/摄
    rf"|(?:记者|通讯员|摄影)\s*{_CREDITED}(?:[ 、，]+{_CREDITED})*\s*摄\s*[）]?$"  # 新华社记者 张三 摄
    r"|^图为|^图\s*[：/｜|]|^（?资料图(?:片)?）?$|^图片?来源\s*[：]|^图源\s*[：]"
    r"|（[^（）]{0,30}(?:摄|供图|发|图)）$|(?:供图|视觉中国|东方IC)[）]?$"
    # (one sentence of a caption's length before the credit: a story's paragraph ending …。图/新华社 is no caption)
    r"|^[^。！？]{2,60}[。！？]\s*(?:图源|图片来源|来源)\s*[：:]\s*\S{2,16}$"  # 窦靖童演唱会已通过报批。图源：南方都市报
    # a picture's source in brackets closing the caption: …法遵与监管趋势。（图片来源/侒可传媒） (probe-185)
    r"|[。！？]\s*（(?:图片?来源|图源|图片提供|照片来源)\s*[/／：:]\s*[^（）]{1,20}）$"
    rf"|[。！？]\s*[{_HAN}](?:\s?[{_HAN}]){{1,3}}\s*摄$"  # 裁判员在评判。 张 琮摄
    # …授牌仪式。人民网 陈博摄; a wire's photo sent out under its name: …携手主持典礼。 中新社发 邓庆乐 摄 (probe-517)
    rf"|[。！？]\s*[{_HAN}]{{1,8}}(?:网|社|报|台)发?\s*{_CREDITED}\s*摄$"
    # a photo story's caption closed by the archive's label: 中国散裂中子源科研团队在工作中。资料图片 (probe-210);
    # a WeChat post's caption and the picture's source after a bar: …药盒样品及胶囊样品 | 图：上海药物研究所官网 (probe-216)
    r"|[。！？]\s*资料(?:图片?|照片)$|\s[|｜]\s*(?:图|图片|图源)\s*[：:/／]\s*\S{2,20}$"
    # a Taiwan paper's credit after the caption's full stop: …豐中分院2日正式啟用。圖／亞大醫院提供 (udn, probe-270, 271),
    # or after a colon: …於新屋分院一樓藝文走廊開放參觀。圖：部桃提供 (probe-387)
    r"|^[^。！？]{2,60}[。！？]\s*图\s*[/／：:]\s*[^\s。，！？/／]{2,20}$"
    # a short caption without a stop and the photographer's name after a space: 中國散裂中子源加速器(局部)  李子鋒攝 (probe-386)
    rf"|^[^。！？，,\s]{{2,30}}\s+[{_HAN}]{{2,3}}\s*摄$"
    # a one-sentence caption and its contributor: 2019年广东“众创杯”博士博士后创新赛决赛现场。何健欢   供稿 (probe-465: glued to the
    # paragraph under it, and its credit into the summary)
    rf"|^[^。！？]{{2,60}}[。！？]\s*[{_HAN}]{{2,4}}\s*供稿$"
)


# the credit at the end of a caption: 新华社记者 裴鑫 摄, 记者 常鸣/摄, （视觉中国供图）
_TRAILING_CREDIT = re.compile(
    rf"\s*(?:[（(][^（）()]{{0,30}}(?:摄|供图|发|图)[）)]|(?:[{_HAN}]{{0,8}}(?:记者|通讯员|摄影|网|社|报|台))?\s*{_CREDITED}"
    rf"(?:[ 、，]+{_CREDITED})*\s*/?\s*摄|(?<=[。！？])\s*图\s*[/／：:]\s*[^\s。，！？/／]{{2,20}}|[^\s。，！？]{{0,10}}供图|[{_HAN}]{{1,6}}社发|视觉中国|东方IC"
    r"|(?:图源|图片来源)\s*[：:]\s*\S{2,16}|[（(](?:图片?来源|图源|图片提供|照片来源)\s*[/／：:]\s*[^（）()]{1,20}[）)]"
    r"|(?<=[。！？])\s*资料(?:图片?|照片)|(?<=[。！？])\s*[\u4e00-\u9fff]{2,4}\s*供稿)\s*$"
)


@dataclass(frozen=True)
class Byline:
    authors: tuple[str, ...]
    outlet: str | None  # None for 本报: the operator's source settings name the outlet
    rest: str  # the paragraph without its lead


def lead_byline(text: str) -> Byline | None:
    """The byline or dateline a body paragraph opens with, and the paragraph without it."""
    match = _LEAD.match(text)
    credit = match and match.group("credit")
    if match and (credit is None or credit_names(credit) is not None or _BARE_NAMES.fullmatch(credit)):
        authors = credit_names(credit or "") or (tuple(re.split(r"[、 ]", credit)) if credit else ()) \
            or ((match.group("reporter") or match.group("spaced"),) if match.group("reporter") or match.group("spaced") else ())
        outlet = match.group("dated") or match.group("paper") or match.group("wire") or match.group("news") \
            or match.group("reported")
        return Byline(tuple(authors), None if outlet == "本报" else outlet, text[match.end():])
    bracket = _BRACKET_LEAD.match(text)
    inner = bracket and (bracket.group("inner") or bracket.group("round"))
    # (a column's writer by the title his column gives him: 【区域观察员 陈思】早晨7:15，昆山花桥地铁站… probe-448)
    if inner and re.search(rf"报道|{_ROLE}|讯|电|(?:观察员|特派员|评论员)\s*{NAME}$" if bracket.group("inner")
                           else rf"(?:{_ROLE}).*报[道导]$", inner):
        inner = re.sub(rf"(?<=[{_HAN}])\s*[／/]?\s*[{_HAN}]{{0,4}}报[道导]$", "", inner) if bracket.group("round") else inner
        names = credit_names(inner[inner.find(_first_role(inner)):]) if _first_role(inner) else None
        outlet = re.match(rf"^({_OUTLET})", inner)
        return Byline(tuple(names or ()), outlet.group(1) if outlet and outlet.group(1) != "本报" else None,
                      text[bracket.end():])
    return None


def after_inner_dateline(text: str, within: int = 200) -> str:
    """The paragraph from its wire dateline on, when one stands inside its opening; else as it is."""
    match = _INNER_DATELINE.search(text, 1, within)
    if match and text[match.end():match.end() + 1] in ("（", "(", " ", "，", "：") and lead_byline(text[match.start():]):
        return text[match.start():]
    return text


def byline_paragraph(text: str) -> tuple[str, ...] | None:
    """The authors, when the whole paragraph is a byline (本报记者 张群琛), else None."""
    stripped = text.strip().removeprefix("（").removesuffix("）").strip()
    stripped = re.sub(r"\s*报道$", "", stripped)
    writer = _WRITER.match(text.strip())
    if writer:
        return tuple(_names(writer.group("names")))
    if not re.match(rf"^(?:本报|新华社|[{_HAN}]{{0,6}}?)(?:{_ROLE})", stripped):
        return None
    names = credit_names(stripped)
    return tuple(names) if names else None


def credit_names(credit: str) -> list[str] | None:
    """记者 张三 李四 通讯员 王五 -> [张三, 李四, 王五]; None when it is not a credit."""
    parts = _ROLE_SPLIT.split(credit.strip())
    if len(parts) < 3:
        return None
    lead = parts[0].strip()
    # 本报 / 新华社 / 中新财经 / 中青报·中青网 (its · lost to a ？) before the role
    if lead and not re.fullmatch(rf"[{_HAN}·？?]{{0,12}}", lead):
        return None
    names: list[str] = []
    for role_text in parts[2::2]:
        found = _names(role_text)
        if role_text.strip() and not found:
            return None
        names.extend(found)
    return names or None


def is_caption(text: str) -> bool:
    return bool(_CAPTION.search(text))


# A credit is a few dozen characters at most. Searching only the caption's tail keeps a one-line page
# that ends on a credit from costing minutes: from each earlier start, the chain of space-separated
# "names" in _TRAILING_CREDIT would run across the whole line (130 s on 5,000 characters).
_CREDIT_WINDOW = 120


def strip_credit(caption: str) -> str:
    """The caption without the photographer's credits at its end (its words stay)."""
    previous = None
    while previous != caption:
        previous = caption
        match = _TRAILING_CREDIT.search(caption, max(0, len(caption) - _CREDIT_WINDOW))
        caption = (caption[: match.start()] if match else caption).strip()
    return caption


def _names(text: str) -> list[str]:
    names = [n for n in re.split(r"[\s、，：]+", text.strip()) if n]
    return names if all(re.fullmatch(NAME, n) for n in names) else []


def _first_role(text: str) -> str | None:
    match = _ROLE_SPLIT.search(text)
    return match.group(1) if match else None


_EDITOR_ROLE = re.compile(r"(?:责任编辑|值班编辑|实习编辑|网络编辑|编辑|责编|校对|审核|审校|监制|统筹|终审|初审|二审|三审|主编|编审)\s*[：:/｜|]\s*")


def editor_names(line: str) -> list[str]:
    """（责任编辑：张三、李四） -> [张三, 李四]: the editors credited on a line."""
    names: list[str] = []
    for part in _EDITOR_ROLE.split(line.strip().strip("（）()【】[]"))[1:]:
        names.extend(n for n in re.split(r"[\s、，,;；]+", part.strip()) if re.fullmatch(NAME, n))
    return names
