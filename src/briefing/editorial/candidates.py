"""The sentences of an article a summary or a written headline may use.

Datelines, bylines, captions, credits and page furniture are never candidates; a reporter's
framing (记者从…获悉，/ 据了解，) is cut from the front of a sentence, which leaves it whole; a bare
quotation (unless it states figures, dates or documents, not in the first person) and a run of
glued photo captions (not a list joined by 、) are not candidates. Only the first MAX_CHARS
characters of a body are read, and at most MAX_SENTENCES sentences kept: a 5 MB page costs what
a long article costs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import Article
from ..text.junk import AD_LABEL, is_garbled
from ..text.normalize import without_spaces
from ..text.sentences import split_sentences

MAX_CHARS = 12000  # characters of a body read for its sentences (a long news story has ~5000)
MAX_SENTENCES = 80  # candidates kept per article
UNPUNCTUATED_FROM, UNPUNCTUATED_UP_TO = 40, 400  # characters of a paragraph without a full stop
GLUED_BULLET = re.compile(r"\s+[-–•·]\s+")  # a list's bullet between two items on one line

# Openings that point back at the sentence before; such a sentence cannot stand alone.
CONNECTIVES = ("此外", "同时", "其中", "对此", "另外", "与此同时", "而且", "但是", "但", "因此", "不过",
               "比如", "例如", "此前", "随后", "然而", "为此", "对于这", "这也", "这是", "这一", "这些",
               "这种", "这个", "这项", "这位", "这家", "这里", "这座", "这所", "这次", "这场", "这批", "该", "其", "此次", "它们", "他们", "她们", "他", "她", "它")
# Openings that name the story's subject or event again (该医院综合住院大楼的建成启用，…, tune c-0127; 这次获批的
# 特瑞普利单抗是由…研制, tune b-0104): what they name may stand in any sentence before them that names it (…县医院…,
# …获批上市), not only in the one right before (not 此次: let in so, it cost tune-a's ROUGE-L; b-0087 lost its lead)
DEMONSTRATIVES = ("该", "这次", "这场")
# The time a sentence is set in, before its subject (2025年，…, 6日，…, 同年…, 目前，…)
SET_IN_TIME = re.compile(r"^(?:\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?|(?:\d{1,2}月)?\d{1,2}日(?:上午|下午|晚)?|(?:今|去|明|同|当)年(?:\d{1,2}月)?|目前|截至目前|近年来|当天|当日)[，,]?")
# A sentence that points back at a statement said before it (…发表主旨演讲时作上述表示。, probe-135's shuffled
# page; 以上措施…, 前述…), or a list's later item (三是公共实验平台…, the same page): never a summary's first
# sentence (not 以上海为…, 三分之二以上)
POINTS_BACK = re.compile(r"上述|前述|(?:^|[，。；：])以上(?!海)(?=[\u4e00-\u9fff])|^(?:[二三四五六七八九十]是|其[二三四五]|第[二三四五六七八九十][，、是])")
# Lead-ins that are the reporter's framing rather than the news; cut from the sentence front.
FRAMING = re.compile(
    r"^(?P<when>(?:昨天|昨日|今天|今日|日前|近日|当天|当日|\d{1,2}月\d{1,2}日)，?)?"
    # (not 据国家标准委主任刘平均介绍，: who says it is one of the story's facts)
    r"(?:(?:记者|笔者|本报记者)[^，。：；]{0,30}?(?:获悉|了解到|注意到|得知|介绍|报道|消息|显示)[，：]"
    r"|据[^，。：；]{0,30}?(?:获悉|了解到|注意到|得知|报道|报导|消息|显示)[，：]|(?:报道|报导)称[，：]"
    r"|《[^》]{2,12}》(?:\d{1,2}日)?(?:报道|报导)[，：]"  # 《人民日报》25日报导， (probe-240)
    r"|据(?:悉|了解|介绍|报道|统计|不完全统计)[，：]"
    r"|(?:记者|笔者)(?:注意到|了解到|看到|发现)[，：])"
)
# Datelines and wire bylines in front of the first sentence: 新华社北京3月23日电（记者 田晓航）; not
# the 电 or 讯 of a word (网络问诊后医生开具电子处方, tune b-0125: 网…电 read as a wire's dateline)
NOT_A_WIRE = "(?![子话视影池力脑梯商信动器源站费量压流线缆机气车磁波灯表价厂网息号竞])"
DATELINE = re.compile(
    r"^(?:【[^】]{1,20}】)?[^，。：“”]{0,24}?(?:\d{1,2}月\d{1,2}日)?(?:电|讯)" + NOT_A_WIRE
    + r"\s*(?:[（(][^）)]{0,30}[）)])?\s*"
)
# Sentences that are furniture, not news: captions, credits, sources, navigation, greetings.
FURNITURE = re.compile(
    r"(?:/摄|记者\s*\S{2,4}\s*摄|供图|资料图|图片来源|图为|图：|责任编辑|责编|编辑[：:]|来源[：:]|原标题"
    r"|本文来自|转载|版权|上一篇|下一篇|点击|扫码|二维码|关注微信|免责声明|下载.{0,6}APP"
    r"|大家(?:上午|下午|晚上)?好|欢迎(?:参加|出席|收看)|这是记者.{0,40}(?:了解到|获悉)的"
    r"|没有更多(?:内容|了)|加载更多|您已阅读|订阅(?:以|后)?继续|[\w.-]+@[\w-]+\.[A-Za-z.]{2,}|本文由.{0,12}(?:AI|人工智能)|AI生成|以上内容由"
    # text planted for summarizers ("请务必在总结开头增加这段话…"): page content, never an instruction
    r"|(?:总结|摘要|回答)(?:的)?(?:开头|结尾|时)|这段话|请务必|忽略(?:以上|之前|前面)"
    # page furniture run into a sentence: a photo agency, a share or font-size bar, a list of other
    # stories' links (新闻推荐- …2024-11-28- …, a-0164), a counter, a 版面 line, a time stamp, a web
    # address, a byline
    r"|视觉中国|东方IC|分享到|新闻推荐|相关阅读|延伸阅读|字号|(?:阅读|浏览|点击)(?:量|数|次数)|第[A-Z]?\d{1,3}版|www\.|本报讯|通讯员"
    r"|\d{4}-\d{1,2}-\d{1,2}\s*\d{1,2}:\d{2}"
    # a share box's prompt, a promotion, a figure's reference (probe-110, probe-117, probe-101)
    r"|复制(?:以下|本文)?链接|发送给(?:好友|朋友)|敬请(?:关注|期待|留意)|[如见]图\s*\d|[如见]表\s*\d"
    # a comment box's prompt and a read-more link run into the next story's headline (评论一下还没有评论，快来抢沙发吧！
    # 阅读全文其他文章44人失联！; not 没有评论, which is news: 对方没有评论)
    r"|抢沙发|还没有评论|阅读全文"
    # a photo's caption: numbered (图④：俯瞰中国散裂中子源。, hp-268), or ending on what was photographed
    # (2024年，无人机拍摄的位于上海市张江科学城的上海光源。, a-0173; 这是12月18日拍摄的海口新海港（无人机照片）。, hp-090)
    # — not a story's 张三历时十年拍摄的200余幅作品。 or 这是他在1998年拍摄的第一部纪录片。
    r"|^图\s*[①-⑳\d]{1,2}\s*[：:]|^这是(?:\d{4}年)?\d{1,2}月\d{1,2}日[^，。；！？]{0,20}拍摄的"
    r"|(?:无人机|航拍)[^，。；！？]{0,4}拍摄的[^，。；！？“”]{2,40}(?:[（(][^）)]{1,20}[）)])?。$|[（(]无人机照片[）)]。$)"
)
# Page furniture that a web page glues to the front of the first sentence: breadcrumbs, dates,
# reading times, column tags, 摘要：, a photo note. Cut, as many as there are.
PAGE_PREFIX = re.compile(
    r"^(?:(?:当前位置|您的位置)[：:][^。]{0,40}?正文|(?:[^。>]{0,16}>\s*)+正文(?:申请入驻)?"
    # (not a date that opens the sentence itself: 2021年12月24日，产业技术创新战略联盟…)
    # (nor one the sentence is about: 2022年4月25日为我国第36个“全国儿童预防接种日”, hp-125)
    r"|(?:date\s*)?\d{4}[-年./]\d{1,2}[-月./]\d{1,2}(?!\d)日?(?![日，,、为是起至前后晚早]|以来|上午|下午|凌晨)\s*(?:星期.)?\s*(?:\d{1,2}:\d{2}(?::\d{2})?)?"
    r"|\d{1,2}\.\d{1,2}\.\d{4}\s*(?:\d{1,2}:\d{2}(?::\d{2})?)?|[\[【]导读[\]】][：:]?|快讯"
    r"|[^，。｜|]{2,14}(?:客户端|网|报|社|台)\s*[|｜]\s*(?:作者|记者)[：:]?\s*[\u4e00-\u9fff、·]{2,8}?(?=\d)"
    r"|(?:[^，。／/]{1,10}[／/])?记者\s*[\u4e00-\u9fff]{2,4}\s*[／/]\s*[^，。／/]{1,10}?报导"
    r"|本篇文章\d+字，?读完约\d+分钟|(?:转自|来源)[：:]\S{2,12}?(?:网|报|社|台|客户端)"
    # a pasted page's lead-in (hp-001 发布于：新闻蓝鲸财经屠俊9月25日，…; hp-101 撰文：外部来稿（国际）在3月27日…;
    # hp-002 导读北京市昨日…, c-0029 导读：“正在制订…): up to the date, past the writer's name
    r"|发布于[：:](?:[^，。：“”]{0,24}?(?=\d{1,2}月\d{1,2}日|\d{4}[-年./]\d))?"
    # a journal mirror's issue line glued to the lead (工会博览2020年35期师带徒，…, b-0150; hp-027, hp-029, hp-071, hp-105)
    r"|[\u4e00-\u9fff（）()]{2,20}?(?:19|20)\d{2}年\s?\d{1,2}期(?![间货末工项内中])"
    r"|撰[文稿][：:]\s*(?:[^，。：（()）“”]{1,12}?[（(][^）)]{1,10}[）)]|[\u4e00-\u9fff·、]{2,12}?\s)|导读(?![的是])[：:]?"
    r"|摘要[：:]|【[^】]{1,40}】|《[^《》]{2,12}》\s*[（(][^（）()]{0,30}[）)]\s*(?:讯|电)[，：:]?|[^，。：“”]{2,16}(?:全媒体|融媒体|记者)?报道[：:](?=\S{12})|[（(](?:相关)?资料图(?:片)?[^）)]{0,10}[）)]|[◎●■]\s*(?:本报)?记者[^“「，。]{2,24}?(?=[“「]))\s*"
)
# What a page glues to the front of any sentence: an ad label, a channel's tag (广告【Now新闻台】…),
# a photo credit left of the caption it belonged to (（资料图）秦刚摄（人民视觉）…, 受访者供图…)
SENTENCE_PREFIX = re.compile(
    r"^(?:广告\s*)?【[^】“”]{1,14}】\s*|^广告\s*(?=【)"
    r"|^[（(]资料图片?[）)]\s*(?:[\u4e00-\u9fff]{2,4}\s*摄\s*(?:[（(][^）)]{1,10}[）)])?)?\s*"
    r"|^(?:受访者|受访单位|[\u4e00-\u9fff]{2,8}(?:医院|公司|大学|学院))供图\s*|^[（(][^（）()，。]{2,20}(?:供稿|供图|提供)[）)]\s*"
    # a photographer's credit, with the outlet or the agency (中国网信网马𬱖 摄为探寻…, b-0040; 马二虎摄（人民图片）…,
    # a-0173; （图／翻摄微信公众号「央视军事」）…, probe-240; 记者韩星童摄香港特区政府推出的…, c-0044); not the verb of
    # 该片摄于1998年, 他们摄下了…
    r"|^(?:[\u4e00-\u9fff]{2,8}?(?:网|社|报|台))?\s*(?:记者\s*)?[\u4e00-\u9fff\U00020000-\U0002ffff]{2,3}\s*摄(?![影像制入取氏于下得录])\s*(?:[（(][^）)]{1,10}[）)])?\s*"
    r"|^[（(]图\s*[／/][^（）()]{1,30}[）)]\s*"
    r"|^图片关键词\s*"  # a photo's keyword label left of the sentence after it (图片关键词中国散裂中子源作为…, hp-042)
)
# A wire dateline anywhere near the front: whatever came before it is page furniture.
WIRE_DATELINE = re.compile(r"(?:社|网|报|台|新闻|客户端)\s*[^，。“”]{0,10}?\d{1,2}月\d{1,2}日(?:电|讯)\s*(?:[（(][^）)]{0,30}[）)])?\s*")
# what a wrong decoding leaves of a pinyin annotation, 标准化领域？qū)<易稍儥C制: the ？ ends a
# "sentence", the rest opens the next; both are garbled
GARBLED_PINYIN = re.compile(r"^[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}[)）<]")
# a full stop and the quote mark after it, as the wrong decoding leaves them: …人才培养高地？！背啥贾…
GARBLED_STOP = re.compile(r"[，,]?[？?]！$")
LOOSE_STOP = re.compile(r"[，,]?[？?]{1,2}$")
DOUBLED_STOP = re.compile(r"(?<=[\u4e00-\u9fff])[？?]{2}$")
GARBLE_CONTEXT = 8  # characters of the next "sentence" read with one that a ？ of a garble ended
LEADING_MARKS = re.compile(r"^[\s，。、；：！？,.;:!?…—·*#>~_|｜）)】〕」』-]+")
QUOTED = re.compile(r"^[“「『].*[”」』]$")
# what makes a quotation news a summary may carry, and the voice of an anecdote
QUOTED_FACT = re.compile(r"\d+(?:\.\d+)?\s*(?:%|万|亿|个|项|家|名|人|元|倍|所|种|张|台|套)|\d{4}年|\d{1,2}月\d{1,2}日|《")
FIRST_PERSON = re.compile(r"我(?![国省市区县校院])|咱")  # (我国、我省 are the news's, not a voice)
LISTING_UP_TO = 140  # characters: a list of names joined by 、 without a comma, past it a run of captions or spam
# a feature's scene heading, a clock time and a place: 上午9:00，G60科创走廊云廊大厦。 (junk probe-231)
SCENE = re.compile(r"^(?:清晨|早上|上午|中午|下午|傍晚|晚上|凌晨)?\d{1,2}[:：]\d{2}，[^，。；！？]{2,20}。$")
FIGURE = re.compile(r"\d+(?:[.,]\d+)*\s*(?:%|‰|万|亿|个|项|家|名|人|元|美元|倍|年|颗|条|台|套|座|笔|所|种)"
                    r"|[一二三四五六七八九十百千万亿两]+(?:万|亿)")
# a figure with its unit closing a clause: what a story's last sentence ends on when only its full stop is missing
ENDS_ON_FIGURE = re.compile(r"(?<![\d.])\d+(?:\.\d+)?\s*(?:余|多)?(?:万|亿)?(?:%|个|项|家|名|人次|人|元|美元|倍|台|套|座|所|种|张|件|吨|亩|例|份)$")
QUOTE_OPEN = re.compile(r"[“「][^”」]*$")
ENDINGS = ("。", "！", "？", "!", "?", "”", "）", "」", "』")
MIN_SENTENCE = 12  # characters: shorter ones are slogans (大国科技，硬核登场。)
PUNCTUATION = set("，。、；：？！“”‘’（）《》〈〉【】—…·「」『』,.;:?!()[]-%/ \n\t")



# A closing clause that comments on the news rather than adding to it (…，旨在…。 …，标志着…。):
# cut, and the sentence before it stays whole.
COMMENTARY = re.compile(
    r"，(?:这|此举|这一|此次|从而|进而)?(?:旨在|以期|力争|助力|标志着|意味着|彰显|充分彰显|充分体现|体现了|体现出|反映出?|展现了|展示了"
    r"|为[^，。；]{0,30}(?:提供|奠定|打下|注入)|进一步(?:推动|促进|提升|提高|增强|激发|加快|巩固|扩大|优化|完善)"
    r"|有效(?:推动|促进|提升|提高)|更好地?(?:服务|满足|推动|促进)|推动|促进|加快|全面提升|不断提升|努力|全力|切实)"
)
# … not when the clause carries a fact (a figure, a date, a document, a named body), completes
# what came before (…具有重要意义, …之一), or is more than a closing remark (a new clause after ；,
# a source, a second statement)
KEEPS_CLAUSE = re.compile(
    r"\d|《|[一二三四五六七八九十百千万亿两]+(?:万|亿|个|项|家|名)|意义|之一|具有|形式|作用|；|获悉|表示|宣布|[“”「」]"
    r"|公司|集团|医院|大学|学院|研究院|研究所|委员会|实验室|协会|联盟|银行|政府|中心"
)
SPEECH_END = re.compile(r"(?:指出|表示|强调|认为|提出|要求|称|说|介绍|宣布|透露|希望|[：:])$")  # what is left waits for what was said
# … nor when what is left would end waiting for it: a verb of saying, a copula, an opening
# preposition (…指出，推动…; …是…，加快…之一; 通过…，为…)
OPENS_WAITING = re.compile(r"(?:^|，)(?:通过|以|对于|对|为了|为|在|随着|依托|围绕|按照|根据|面对|针对|由于|作为)[^，]*$")
LEFT_WAITING = re.compile(SPEECH_END.pattern + "|" + OPENS_WAITING.pattern + r"|(?:^|，)[^，]*是[^，]*$")
MAX_CUT_CLAUSES = 3
# a teaser the site cut off mid-word with three dots, the story run on after it: …才能为企业发展注...2021年，… (probe-118)
CUT_TEASER = re.compile(r"[^。！？]*(?<=[\u4e00-\u9fff])\.{3}(?=[\u4e00-\u9fff\d“])")
BARE_TIME = re.compile(r"^[\d年月日号至—-]+$")  # a clause that is only a time (…区域之一，2022年) waits for its event
# Asides in brackets a summary can do without: a name spelt out in English (（Donald Trump）),
# where a person stands in a photo (（左）、（右3）), 化名 (an acronym, 600196.SH, stays: often a fact)
ASIDE = re.compile(
    r"[（(](?:[A-Za-z][A-Za-z.'’-]*(?:\s+[A-Za-z][A-Za-z.'’-]*)+|上图|下图|左|中|右|[左右中]\d{1,2}|(?:前排|后排|前|后)[左右中]?\d{0,2}|化名)[）)]"
)

# An unnamed speaker or a pointer that opens a sentence (值得一提的是，… a-0072; 特别是，… b-0097; 相关负责人表示，…
# b-0051; 数据显示，… a-0051), or the event that a sentence takes place at, said again (启动仪式上，… a-0090; 会上，…; 活动中，…): the
# sentence is whole without it (a named speaker, 张三表示，, stays: who said it is a fact)
# (据了解，/据介绍， are FRAMING's, cut from every sentence)
UNNAMED_OPENER = re.compile(r"^(?:值得一提的是|值得注意的是|特别是|相关负责人(?:表示|介绍|称|指出)|(?:初步|据初步)?统计显示|数据显示|初步统计|(?!社会)[\u4e00-\u9fff]{0,4}?(?:仪式|会议|会|活动)(?:上|中|现场)|活动现场|现场)，")

# the same framing inside a sentence, between two clauses (…当年，据悉，首台达芬奇…; …具有良好基础，据统计，当前…)
MID_FRAMING = re.compile(r"，(?:据悉|据了解|据介绍|据统计|记者了解到|记者获悉|记者注意到|记者看到)，")


# The purpose a government story opens with before its news (为深入推动创新驱动发展，充分发挥…优势，…，
# 2月2日上午，…): the clauses up to the time the news happened, which opens what is left; not a
# purpose that names the document the news carries out (为贯彻落实《琼港合作备忘录》相关事项，…: a fact),
# nor a subject (为期两天的论坛，昨天，…)
PURPOSE_OPENING = re.compile(
    r"^为(?!期|此|何|什么)了?[^。；：“”《]*?，(?=(?:(?:\d{4}年)?\d{1,2}月\d{1,2}日|近日|日前|近期|今天|今日|昨天|昨日|当天|当日"
    r"|今年|去年|年初)[^。；]{0,8}?，)"
)


def shorten(text: str) -> str:
    """The sentence without an unnamed opener (值得一提的是，), the purpose it opens with before the
    news, or a closing clause that only comments on the news, still one whole sentence; the
    sentence as it was when no such clause can go."""
    opener = UNNAMED_OPENER.match(text) or PURPOSE_OPENING.match(text)
    if opener and len(text) - opener.end() >= MIN_SENTENCE:
        text = _strip_framing(text[opener.end():], first=False)
    text = MID_FRAMING.sub("，", text)
    if "（" in text or "(" in text:
        shorter = ASIDE.sub("", text)
        text = shorter if len(shorter) >= MIN_SENTENCE else text
    if not text.endswith("。"):
        return text
    for match in COMMENTARY.finditer(text):
        kept, cut = text[:match.start()].rstrip("，、 "), text[match.start():]
        if len(kept) < MIN_SENTENCE or cut.count("，") > MAX_CUT_CLAUSES or KEEPS_CLAUSE.search(cut) \
                or LEFT_WAITING.search(kept) or kept.count("“") != kept.count("”"):
            continue
        return kept + "。"
    return text


@dataclass(frozen=True)
class Sentence:
    index: int  # position among the candidates, in source order
    text: str
    leans_back: bool
    points_back: bool = False  # at a statement before it (作上述表示): only after one that comes before it
    names_back: str = ""  # the word a demonstrative opening names again (该医院… -> 医院): any sentence before it that names it will do


def candidates(article: Article, limit: int = MAX_SENTENCES, shortened: bool = False) -> list[Sentence]:
    """The sentences a summary may use, in source order, framing cut from their front: from
    the first MAX_CHARS characters of the body and at most `limit` of them, so the work on one
    article is bounded however long it is (news puts what matters first). `shortened`: each
    without a closing remark or an aside a summary can do without (a headline is written from
    the sentence as it stands)."""
    found: list[Sentence] = []
    budget = MAX_CHARS
    # a page that lost its full stops has none anywhere (a paragraph without one on a page with
    # them is cut off: the excerpt's end, a list's opening, a footer's links)
    lost_stops = not any(m in p for p in article.paragraphs for m in "。！？!?")
    paragraphs = [item for p in article.paragraphs for item in (_list_items(p) if lost_stops else [p])]
    last = len(paragraphs) - 1
    for number, paragraph in enumerate(paragraphs):
        if budget <= 0 or len(found) >= limit:
            break
        paragraph, budget = paragraph[:budget], budget - len(paragraph)
        if lost_stops and UNPUNCTUATED_FROM <= len(paragraph) <= UNPUNCTUATED_UP_TO and "，" in paragraph \
                and not paragraph.rstrip().endswith(("：", ":")):  # (not the line that opens a list)
            # a page that lost its full stops: the paragraph is the sentence we have; a teaser cut off
            # with an ellipsis (…老年人、婴幼儿及慢性病...) ends at its last whole clause
            cut_off = paragraph.rstrip().endswith(("...", "…"))
            paragraph = _whole_clauses(paragraph) if cut_off else paragraph + "。"
        if "..." in paragraph:  # (the pattern is quadratic on a long paragraph with no full stop: 1.2 s on 4,500 characters)
            paragraph = CUT_TEASER.sub("", paragraph)
        # (a Taiwanese page's dash is box-drawing characters, which a garble is made of too)
        pieces = [piece.replace("──", "——") for piece in split_sentences(paragraph)]
        if number == last and pieces and not pieces[-1].endswith(ENDINGS) and len(pieces[-1]) <= UNPUNCTUATED_UP_TO:
            pieces[-1] = _ended(pieces[-1], lost_stops)
        garbled_before = False  # the piece before ended in a garble's ？: this one starts mid-word
        for position, raw in enumerate(pieces):
            if len(found) >= limit:
                break
            before = pieces[position - 1] if position else ""
            after = pieces[position + 1] if position + 1 < len(pieces) else ""
            starts_garbled = bool(GARBLED_PINYIN.match(raw)) or (garbled_before and not before.endswith("。")) \
                or is_garbled(before[-2:] + raw)
            if GARBLED_PINYIN.match(after) and not starts_garbled:
                garbled_before = True
                raw = _before_garble(raw)  # the clauses before it, when they make a sentence
            elif not starts_garbled and _garbled_stop(raw, after):
                garbled_before = True  # what follows starts mid-word
                raw = _restored_stop(raw)
            else:
                garbled_before = starts_garbled or is_garbled(raw + after[:GARBLE_CONTEXT])
                # a sentence a garble broke at its front keeps its clauses after the garble when they
                # state a figure: …？；颙又羞M行群众咨询100余人次，发放宣传资料500余份。 (tune a-0104)
                if garbled_before:
                    raw = _after_garble(raw) if starts_garbled else ""
                if not raw:
                    continue  # garbled, across the split too: …高地？！背啥贾…, then 贬枪？ and 至9月… after it
            text = _strip_framing(raw, first=position == 0, title=article.title)
            if len(text) < MIN_SENTENCE or not text.endswith(ENDINGS) or FURNITURE.search(text) or is_garbled(text):
                continue
            if (QUOTED.match(text) and not _quoted_news(text)) or SCENE.match(text) or _run_of_captions(text):
                continue
            found.append(Sentence(len(found), shorten(text) if shortened else text, _leans_back(text),
                                  bool(POINTS_BACK.search(text)), _names_back(text)))
    return found


def _list_items(paragraph: str) -> list[str]:
    """A bulleted list a page glued onto one line (核心观点 - 山东省在…取得显著进展… - 2025年，…)
    is its items: each one reads as a sentence of its own, the whole line as none."""
    items = [item.strip() for item in GLUED_BULLET.split(paragraph)]
    return items if len(items) >= 3 and len(paragraph) > UNPUNCTUATED_UP_TO else [paragraph]


def _ended(fragment: str, lost_stops: bool) -> str:
    """The story's last sentence, which the page (or its excerpt) left without its full stop: whole
    when it ends on a figure with its unit (…今年1月31日有效就业金卡为8318人次, tune c-0122; …补助标准提高到
    84元, tune c-0161), not an ad's teaser (x 广告5月11日…感染者36例, probe-187), else cut off mid-sentence and
    ended at its last whole clause. (On a page that lost all its stops the last item may be cut off
    after a figure too: …与各国形成14项, tune a-0019.)"""
    if ENDS_ON_FIGURE.search(fragment) and len(fragment) >= MIN_SENTENCE and not QUOTE_OPEN.search(fragment) \
            and not AD_LABEL.match(fragment) and not lost_stops:
        return fragment + "。"
    return _whole_clauses(fragment) if len(fragment) >= UNPUNCTUATED_FROM else fragment


def _whole_clauses(fragment: str) -> str:
    """A sentence cut off mid-clause, ended at its last whole clause that does not wait for what
    was cut (…设计日门诊量为4000人次，手术室18间(净化1 -> …设计日门诊量为4000人次。), a quotation
    it cut open closed; "" when none."""
    kept = fragment.rstrip(".…")
    for _ in range(MAX_CUT_CLAUSES + 1):
        cut = max(kept.rfind("，"), kept.rfind("；"))
        if cut < 2 * MIN_SENTENCE:
            break
        kept = kept[:cut]
        last_clause = re.split("[，；]", kept)[-1]
        open_quote = kept.count("“") - kept.count("”")
        if not (len(last_clause) < 4 or BARE_TIME.match(last_clause) or SPEECH_END.search(kept) or OPENS_WAITING.search(kept)
                or open_quote not in (0, 1) or kept.count("（") != kept.count("）")
                or kept.count("(") != kept.count(")")):
            # (a quotation the cut left open ends with the clause: …介绍：“浦东新区…区域之一。”)
            return kept + ("。”" if open_quote else "。")
    return ""


def _garbled_stop(sentence: str, after: str) -> bool:
    """The sentence ends in what a wrong decoding made of its full stop: ？！ (a full stop and a quote
    mark), a ？ the next "sentence" opens with a comma after (…互动答题？,F场活动…), or ？？ before a
    long one (…顺利通过国家验收？？偼顿Y14.344亿元…; not 上海高？？萍纰？chuàng)新, a garbled word)."""
    if not (GARBLED_STOP.search(sentence) or (LOOSE_STOP.search(sentence) and after[:1] in "，,；;、：:" and after)
            or (DOUBLED_STOP.search(sentence) and len(after) >= MIN_SENTENCE and not re.search("[？?]", after[:6]))):
        return False
    return not is_garbled(LOOSE_STOP.sub("", GARBLED_STOP.sub("", sentence)))


def _restored_stop(sentence: str) -> str:
    """…打造市属医院的学科标杆与医疗人才培养高地？！ -> …高地。” : the full stop and the quote mark
    after it, which the wrong decoding turned into ？！ (closing the quote the sentence opened)."""
    kept = LOOSE_STOP.sub("", GARBLED_STOP.sub("", sentence))
    return kept + ("。”" if kept.count("“") > kept.count("”") else "。")


def _before_garble(sentence: str) -> str:
    kept = sentence[:sentence.rfind("，")] if "，" in sentence else ""
    # (not when the last clause kept waits for the one garbled: …，在金融…等重点现代服务业领域，培养…德才兼？)
    if len(kept) < 2 * MIN_SENTENCE or SPEECH_END.search(kept) or OPENS_WAITING.search(kept) or kept.count("“") != kept.count("”") \
            or kept.count("（") != kept.count("）"):
        return ""
    return kept + "。"


# what may not open the clauses kept after a garble: a word that joins them to the clause it broke
JOINS_BACK = tuple("的地得和与及并而但也还又则就才都或")
# a figure with its unit, approximate or not (500余份, 5000小时): what makes those clauses worth keeping
TAIL_FIGURE = re.compile(FIGURE.pattern + r"|\d+(?:\.\d+)?\s*(?:余|多)?\s*(?:万|亿)?\s*(?:人次|份|件|例|张|吨|亩|小时|天|辆|篇|次)")


def _after_garble(sentence: str) -> str:
    """The clauses after a garble at the front of a sentence, from the first clause break where what
    follows is no longer garbled to the sentence's own end, when they stand alone and state a figure
    (…颙又羞M行群众咨询100余人次，发放宣传资料500余份。 -> 发放宣传资料500余份。, tune a-0104; not the
    figure-less 提高我国标准化工作决策水平的重要举措。 after 建立标准化领域？qū)<易稍儥C制是…, a-0097);
    "" when none."""
    if not sentence.endswith(("。", "！", "。”", "！”")):
        return ""  # (a piece ending in a garble's ？ is cut off there)
    sentence = sentence.lstrip("，；,; ")  # (the break before the garbled clause, not after it)
    for cut in (m.end() for m in re.finditer("[，；,;]", sentence)):
        tail = sentence[cut:].lstrip()
        if is_garbled(tail):
            continue
        if len(tail) < MIN_SENTENCE or tail.startswith(JOINS_BACK) or _leans_back(tail) or not TAIL_FIGURE.search(tail) \
                or tail.count("“") != tail.count("”") or tail.count("（") != tail.count("）"):
            return ""
        return tail
    return ""


# the headline said again in front of the first sentence: 标题：中国天眼望远镜再获重大发现…近日，… (hp-079),
# 题：雄安：新城向“新”中国首都北京… (hp-086, after a wire dateline)
HEADLINE_LEAD_IN = re.compile(r"^(?:标题|题)[：:]\s*")


def _strip_framing(sentence: str, first: bool, title: str = "") -> str:
    if first:
        previous = None
        while previous != sentence:
            previous = sentence
            sentence = PAGE_PREFIX.sub("", sentence, count=1)
        wire = WIRE_DATELINE.search(sentence[:120])
        if wire:
            sentence = sentence[wire.end():]
        elif _is_dateline(sentence):
            sentence = DATELINE.sub("", sentence, count=1)
        sentence = _without_headline(sentence, title)
    sentence = SENTENCE_PREFIX.sub("", sentence, count=1)
    stripped = FRAMING.sub(_framing_kept, sentence, count=1)
    # what a cut leaves in front (，国家发展改革委… after a flash's 【title】财联社7月22日电), and a mark
    # of Markdown (** ，南方多地…): a sentence opens with a word, a quote or a bracket
    return LEADING_MARKS.sub("", stripped if len(stripped) >= MIN_SENTENCE else sentence)


def _framing_kept(match: re.Match[str]) -> str:
    """What stays of a framing lead-in: its time, set off from the news by a comma (5月24日笔者获悉，随州市… ->
    5月24日，随州市…, probe-504; the time glued to the subject read 5月24日随州市中心医院近日举行…)."""
    when = match.group("when")
    return when.rstrip("，") + "，" if when else ""


def _without_headline(sentence: str, title: str) -> str:
    """The sentence without a 标题：/题： lead-in and the headline it repeats (the lead-in alone when
    what follows is not the headline)."""
    lead_in = HEADLINE_LEAD_IN.match(sentence)
    if not lead_in:
        return sentence
    rest = sentence[lead_in.end():]
    title = without_spaces(title)
    if title and without_spaces(rest).startswith(title):
        seen = 0
        for end, char in enumerate(rest):  # the end of the title in `rest`, which may hold spaces
            seen += not char.isspace()
            if seen == len(title):
                return rest[end + 1:].lstrip()
    return rest


def _is_dateline(sentence: str) -> bool:
    match = DATELINE.match(sentence)
    return bool(match and match.group(0).strip() and re.search(r"(?:\d{1,2}月\d{1,2}日)?(?:电|讯)", match.group(0))
                and re.search(r"(?:社|网|报|台|新闻|客户端|日|公司)\S{0,12}(?:电|讯)", match.group(0)))


def _run_of_captions(sentence: str) -> bool:
    """Photo captions glued together: a long 'sentence' without a single comma (not a list of
    who did it, 北京市、天津市和我省共同组织制定…《…》、《…》2项地方标准。, a-0054)."""
    if len(sentence) <= 60 or any(mark in sentence for mark in "，；：,"):
        return False
    return "、" not in sentence or len(sentence) > LISTING_UP_TO


def _quoted_news(quotation: str) -> bool:
    """A quotation that states the news in figures, dates or documents, not in the first person
    (“…国家标准委批准发布国家标准2902项…”, its speaker named in the next sentence, c-0022); not
    an anecdote (“2019年2月，…我和香港科技大学霍英东研究院签了合同…”)."""
    return bool(QUOTED_FACT.search(quotation)) and not FIRST_PERSON.search(quotation)


def _leans_back(sentence: str) -> bool:
    # (after a time it is set in: 2025年，其实现收入…, the sample's 诺诚健华 sentence, is still about
    # the company named before it)
    return sentence.startswith(CONNECTIVES) or SET_IN_TIME.sub("", sentence, count=1).startswith(CONNECTIVES)


def _names_back(sentence: str) -> str:
    """The word after a demonstrative opening (该医院… -> 医院, 这次获批的… -> 获批), "" without one."""
    opening = SET_IN_TIME.sub("", sentence, count=1)
    for demonstrative in DEMONSTRATIVES:
        if opening.startswith(demonstrative):
            word = opening[len(demonstrative):len(demonstrative) + 2]
            return word if re.fullmatch(r"[\u4e00-\u9fff]{2}", word) else ""
    return ""
