"""Item titles: the page's headline, cleaned and kept within `title_max_chars`; or, when the page
has none, a headline written from the story's lead.

A found headline loses its column tags (`【权威发布】`), outlet names (`…_中国新闻网`), document
numbers (`【沪科合〔2022〕18号】`) and trailing punctuation. Past the cap its bracketed asides go
(`（2024—2025年）`), then the main title is chosen over its kicker (the part after `：` or `｜`) or its subtitle (before `——`), then the first
clause; only then is it cut, between two words.

A written headline is the most telling clause of the lead: among the clauses of the first
sentences, the one whose words the rest of the story repeats most (the subject and what happened
to it), early clauses first; time words (近日、日前) and a page's date stamp (date 2025-11-04), the day inside a clause (…研究院29日在广州揭牌,
not a day to come: 将于5月26日起), a done deed's 了, brackets and the reporter's framing are
dropped, a short clause takes the next one with it, a long one loses the second of two events joined by 暨, and the result is cut between two words,
never inside a quotation or a 《title》. It never holds anything text/junk.py calls furniture, and
while the lead offers anything else it is never a bare attribution whose fact follows (…数据显示,
…表示), a photo's caption (签约仪式现场), a numbered list's item (3.…), a first-person or
anecdotal opening (我院…, 每次…, 如今…), a list's or a clause's tail (以及…, 包括…, 得益于…, 覆盖…), a bare
place or circumstance (在…车间, 随着…, 为推动…), the season it is set in (…处于…高发期), what something means (…具有重要意义) or a transcript's speaker label; it never points at a table
(…见表2-1), ends on a conjunction (…因为), nor is a subject lent that is none (a possessor, 广东省的…; a
name cut after its surname; a span of time, 中国科学家十年) or to a clause about what the one before counted (…项目，覆盖…),
to another speaker's words, to a list going on (以及…) or across 而 to a clause with its own subject (…，而vivo…).
Nor does it open pointing back (但…, 就…, 另…, 这样的…, 这种…, 这一…) or on a copula whose subject went as a time (是世界标准日), concede or ask (就算…, 如何…呢), only quote a line, end on a
preposition whose verb is lost (…与港澳地区8所高校) or be a roll of offices and names; a unit cut at the cap is taken
back to where a phrase ends (never …取得重要, …开始正式, …将于8, …协议具有, before the quotation its verb governs, inside a list of
modifiers).
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path
from typing import TYPE_CHECKING

from ..model import Article
from ..parallel import map_articles
from ..text.junk import is_garbled, line_kind
from .candidates import CONNECTIVES, FIGURE, candidates
from .lexicon import specificity, tagged, words

if TYPE_CHECKING:
    from ..config import EditorialSettings

OUTLET_SUFFIX = re.compile(
    r"\s*(?:[_｜|]|\s[-—–]\s|——)\s*[^_｜|—]{1,14}(?:网|报|社|台|客户端|新闻|日报|晚报|频道|周刊|头条|号)\s*$"
)
COLUMN_PREFIX = re.compile(r"^\s*(?:【[^】]{1,12}】|\[[^\]]{1,12}\]|原创\s*|独家\s*[|｜]?|快讯\s*[|｜：:]?)\s*")
# a paper's column after the headline: …技能照亮前程（新时代画卷）, …（经济新方位·走进集群看创新）;
# not a document's status (征求意见稿, 试行, 2022年版) or a date
TRAILING_COLUMN = re.compile(r"(?<=[\u4e00-\u9fff”》])\s*[（(](?P<column>[^（）()\d]{4,16})[）)]\s*$")
DOCUMENT_STATUS = re.compile(r"稿|试行|草案|修订|暂行|版|全文|附件|公告|通知|目录|细则|解读|图")
DOCUMENT_NUMBER = re.compile(r"\s*[【\[（(][^】\]）)]{0,12}〔\d{4}〕\s*\d+\s*号[】\]）)]\s*$")
TRAILING = "。，、；：！？!?,.;:… \u3000"
# nothing opens a headline with these: what a mirror left of a lost character (《湖北日報》|?加力提速…, probe hp-211),
# or the bar a column tag stood before
LEADING = "？?，,、。；;：:|｜!！)）】」』 \u3000"
MIN_TITLE = 6
# a cut title never ends on one: a word that leans on the next, a conjunction that waits for its clause
# (…大药厂有能力做研发因为, probe-147's hard-wrapped forum lines joined into one)
DANGLING = frozenset("的 之 和 与 及 或 并 在 对 为 将 把 被 从 向 以 于 由 等 暨 因为 由于 但是 但 并且 而且 以及 或者 所以 因此 "
                     "如果 虽然 尽管 然而 不过 而 还是 只要 只有 除了".split())
# nor on a verb that is nothing without its object (…签署超级计算中心建设协议具有|非常重要的意义, probe wp-116)
NEEDS_OBJECT = frozenset("具有 具备 拥有 成为 属于 位于 包含 含有 作为 涵盖 享有 富有".split())
NO_CUT_AFTER = DANGLING | NEEDS_OBJECT  # (one set, not a union built for every word a cut tries)

# Written headlines
LEAD_SENTENCES = 6  # the clauses of this many first sentences are considered
POSITION_DECAY = 4.0  # sentences: a later sentence needs more to win
# a clause that opens with its verb has its subject elsewhere: 是…、旨在…、标志着…
VERB_FIRST = ("是", "旨在", "标志着", "标志著", "甫", "并", "且", "还", "也", "即", "系", "为", "将", "已", "正在", "以及", "包括")
ADVERBIAL = re.compile(r"^(?:为了?|根据|按照|依据|结合|随着|截至|截止|在[^，]{0,20}(?:下|中|上|期间|方面|时)|通过|经过|围绕|对于|关于|针对|作为|基于|当|自从?|从[^，]{0,20}(?:来看|看)|其中|其他|其余)")
# (a page's date stamp over its lead is a time too: date 2025-11-04日前晟德集团旗下…, probe wp-117)
TIME_WORDS = re.compile(
    r"^(?:(?i:date)?\s*\d{4}[-/]\d{1,2}[-/]\d{1,2}(?!\d)|近日|日前|近期|目前|当前|今天|今日|昨天|昨日|前日|日内|当天|当日|今年以来|此前|本周|上周|近年来|近年|\d{4}年\d{1,2}月\d{1,2}日"
    r"|\d{1,2}月\d{1,2}日(?:上午|下午|晚间|晚|早间|凌晨)?|(?:上午|下午|晚间))\s*[，,]?"
)
# a day inside a clause is the story's, not the headline's: 研究院29日在广州高新区揭牌, FDA又于10月18日批准…
# (not a date to come: 将于5月26日起试运行; nor a span of days: 近5日吸金, 连续3日上涨, 5日内)
INNER_DATE = re.compile(r"(?<=[\u4e00-\u9fffA-Za-z])(?<!将)(?<!将于)(?<![近续共每])(?<!历时)于?(?:\d{4}年)?(?:\d{1,2}月)?\d{1,2}日(?:\d{1,2}[时点](?:\d{1,2}分)?)?"
                        r"(?:上午|下午|晚间|晚上|早间|凌晨)?(?=[\u4e00-\u9fffA-Za-z])(?!起|前|后|至|到|开始|截止|零时|内|来|间)")
PARTICLE = re.compile(r"(?<=[\u4e00-\u9fff])(?<![为除罢])了(?![解结却然断得不])(?=[\u4e00-\u9fffA-Za-z0-9“《「])")  # 完成了主机总装 -> 完成主机总装
INNER_TIME = re.compile(r"(?<=[\u4e00-\u9fff])(?:日前|近日|近期|最近|今天|昨天|当天)(?=[\u4e00-\u9fff])")
BRACKETS = re.compile(r"[（(][^（）()]{0,40}[）)]")
ASIDE = re.compile(r"（[^（）]{1,40}）")  # a headline's aside, in the full-width brackets normalize_text gives its text
OPENERS = re.compile(r"^(?:(?:为此|对此|此外|同时|另外|其中|目前|如今|当前|近年来|与此同时)[，,]|(?:据悉|据了解|据介绍|据报道|记者了解到|记者获悉|值得一提的是|值得注意的是)[，,]?"
                     r"|(?:记者)?从[^，。]{2,40}(?:获悉|了解到|得知)[，,]?)")
PAIRS = {"“": "”", "《": "》", "「": "」", "『": "』", "（": "）", "【": "】", "‘": "’"}
STOP_WORDS = frozenset("的 了 和 与 及 在 是 将 为 对 等 也 并 已 把 被 从 向 以 于 其 该 这 那 有 中 上 下 个 年 月 日 我 你 他 她 它 们".split())


def item_titles(articles: list[Article], settings: EditorialSettings) -> dict[str, str]:
    """Item title per article id: the cleaned headline within the cap, or one written from the lead."""
    tagged("")  # the dictionary's parts of speech, loaded once before the work is split
    return dict(zip((a.id for a in articles), map_articles(partial(item_title, cap=settings.title_max_chars), articles)))


def title_origin(article: Article) -> str:
    """Where the item title of this article comes from: the place its headline was found, or
    `written` when there was none to find."""
    return article.title_from or "page" if _headline(article) else "written"


def _headline(article: Article) -> str:
    """The article's headline cleaned, or "" when it has none, is garbled, is a photo's caption
    (签约仪式现场), or is furniture once cleaned (人民网 left of 【专题】人民网). A title the source declares (a `#` heading, a feed's)
    that reads like furniture before any cleaning is the source's word, and kept."""
    title = clean_title(article.title)
    if not title or is_garbled(title) or CAPTION.search(title):  # 签约仪式现场 under the page's photo
        return ""
    return "" if line_kind(title) is not None and line_kind(article.title) is None else title


FILE_EXTENSION = re.compile(r"\.(?i:docx?|pdf|pptx?|xlsx?|wps|txt)$")  # a shared file's name as its page's title (probe-130)


def clean_title(title: str) -> str:
    """The headline without column tags, outlet names, document numbers or trailing punctuation."""
    title = FILE_EXTENSION.sub("", DOCUMENT_NUMBER.sub("", COLUMN_PREFIX.sub("", title)))
    column = TRAILING_COLUMN.search(title)
    if column and not DOCUMENT_STATUS.search(column.group("column")) and column.start() >= MIN_TITLE:
        title = title[:column.start()]
    previous = None
    while previous != title:
        previous = title
        title = COLUMN_PREFIX.sub("", OUTLET_SUFFIX.sub("", title)).rstrip(TRAILING).lstrip(LEADING)
    return title.strip()


def item_title(article: Article, cap: int) -> str:
    """The cleaned headline; past the cap it loses its bracketed asides, then the main title is
    chosen over its kicker (the part before a colon or bar) and over its subtitle (after a dash),
    then the first clause or the longer of two halves side by side, and only then is it cut, at a word boundary. Without a headline, one written from the lead."""
    title = _headline(article)
    if not title:
        return written_title(article, cap)
    if len(title) <= cap:
        return title
    # an aside in brackets goes first: 贯彻实施《国家标准化发展纲要》行动计划（2024—2025年）
    title = without_asides if len(without_asides := ASIDE.sub("", title)) >= MIN_TITLE else title
    if len(title) <= cap:
        return title
    for part in _main_parts(title):
        if MIN_TITLE <= len(part) <= cap and _balanced(part) == part:  # never a part that leaves 《… open
            return part
    return _cut_at_word(title, cap)


def written_title(article: Article, cap: int) -> str:
    """A headline for a page that has none: of the clauses of its lead, the one the title model
    (titles_model.json, trained on the tune split by tools/train_titles.py) ranks first."""
    units = title_units(article, cap)
    if not units:  # nothing fit among the lead's clauses: the first clause of the text that does
        clauses = (_tidy(c) for p in article.paragraphs[:20] for c in _clauses(p))
        usable = [(c, _cut_at_word(c, cap)) for c in clauses if len(c) >= MIN_TITLE and not _unfit(c) and line_kind(c) is None]
        fit = (text for clause, text in usable if not plainly_unfit(text) and _at_phrase_end(clause, text) == text)
        return next(fit, usable[0][1] if usable else "（无标题）")
    return choose_unit(units).text


def choose_unit(units: list[Unit], weights: tuple[float, ...] | None = None) -> Unit:
    """The unit the title model ranks first among those that are no furniture (judged only as
    far down the ranking as needed: line_kind is the costly part)."""
    weights = weights or _title_weights()
    ranked = sorted(units, key=lambda u: (-sum(w * x for w, x in zip(weights, u.features)), u.order))
    fit = [u for u in ranked if not plainly_unfit(u.text)] or ranked
    return next((u for u in fit if line_kind(u.text) is None), fit[0])


def choosable(units: list[Unit]) -> list[int]:
    """The indexes of the units choose_unit can pick, every one judged (what tools/train_titles.py
    weighs against each other): no plainly unfit clause (unless every one is) and no furniture
    (unless every one left is)."""
    kept = [i for i, u in enumerate(units) if not plainly_unfit(u.text)] or list(range(len(units)))
    return [i for i in kept if line_kind(units[i].text) is None] or kept


# never chosen while another unit is there: a clause that only says who spoke or what shows it, the
# fact in what follows (中国汽车工业协会发布的最新数据显示, 中国科学院院士高福在健康报刊文中表示)
# (…在本台节目《时事全方位》指, a Hong Kong report's 指 for 指出, tune b-0079; not 手指, 首屈一指)
ATTRIBUTION = re.compile(r"(?:显示|表示|指出|(?<![手意所屈一])指|介绍|称|说|透露|获悉|了解到|得知|表明|认为|强调|坦言|提到|宣布)$")
# a photo's caption (签约仪式现场, 双方合影, 图为…) and an item of a numbered list (3.持续推进…, （二）…)
# (…综合研究设施（CRAFT）园区外景 under a photo, tune a-0173)
CAPTION = re.compile(r"^(?:图为|图\s*\d*\s*[：:])|(?:仪式|会议|大会|活动|典礼|论坛|比赛|发布会|开幕式|揭牌|签约|颁奖|会)(?:现场|合影|留影)$"
                     r"|合影(?:留念)?$|(?:外景|全景|鸟瞰图?|俯瞰图?|效果图|航拍图)$")
LIST_ITEM = re.compile(r"^(?:\d{1,2}\s*(?:[.．](?!\d)|[、)）])|[（(](?:\d{1,2}|[一二三四五六七八九十]{1,3})[）)]|[一二三四五六七八九十]{1,3}是)")
# an anecdote's or a speaker's opening, no news: 每次看老妈炒菜…, 我院为了改善…, 如今的中国不仅…
FIRST_PERSON = re.compile(r"^(?:我(?![国省市区县州军])|我们|每次|如今)")
# the tail of a list or a clause: 以及正在建设中的高能同步辐射光源这一第四代光源 (probe-103), 包括在科学和科技创新领域的合作
# (probe-132; not 包括…在内的…, which opens its own subject, but 包括…在内 alone, probe-213's 包括…中国散裂中子源在内)
CONJUNCTION_FIRST = re.compile(r"^(?:以及|并且|而且|或者|但是|然而|并(?![购网联])|及|而(?!今)|(?:其中)?包括(?![^，]{1,30}在内.))")
# a place and nothing done there: 在未元大健康产业园发酵生产车间 (probe-142, the lead's 在…车间，工作人员正…)
BARE_PLACE = re.compile(r"^在[^，。 ]{2,30}?(?:车间|现场|园区|产业园|基地|工厂|厂区|厂房|实验室|会场|展厅|展区|展馆|展台|街头|一线|病房|门诊|诊室"
                        r"|工地|大厅|广场|会议室|生产线|流水线|田间|码头|港口|校园|课堂|教室|社区|村|里|内|中|上|旁|前|外|间|处)$")
# a circumstance and nothing that happened in it, waiting for its clause: 随着联发科和高通相继发布新一代旗舰芯片
# (tune c-0072), 为推动全市劳动者技能就业、技能增收 (b-0007), 经省人社厅推荐、全国博士后管理委员会办公室批准 (b-0073)
CIRCUMSTANCE_ONLY = re.compile(r"^(?:为了|根据|按照|依据|随着|伴随着?|由于|因为|虽然|尽管|如果|为(?=推动|促进|加快|进一步|深入|全面|切实|更好|确保|落实|贯彻|提升|提高|加强)"
                               r"|经[^ ]{2,40}(?:批准|推荐|同意|审定|审核|评审|研究|认定)$)"
                               # (not when its own clause follows: 由于暴雨导致…停运, 为推动高质量发展出台20条措施)
                               r"(?![^ ]*(?:导致|出台|印发|提升|提高了|增长|下降|实现了|达到|突破|停运|获批))[^ ]*$")
# a clause that ends on where or under what something happened, and the something is in the next clause:
# …行业状况在《国民经济行业分类》（GBI47542017）中，食品制造包括7个中类… (probe-153), 在慎终如始抓好疫情防控的前提下
# (not a state: 正在筹划中, 保持在98%以上, 处在…中; nor a deed to come whose verb the cap cut: …有望在国内)
WHERE_ONLY = re.compile(r"(?<![正保持处位望])在[^ ，在]{1,30}(?<!以)(?:中|上|下|内|里|期间|之中|当中)$")
# a report received, the story's start, its deed in what follows: 东光县公安局接内蒙古赤峰市警方消息 (tune b-0059),
# 惠州市博罗县公安局接到民众举报
REPORT_RECEIVED = re.compile(r"(?:接到?|接获|收到)[^ ]{0,20}(?:消息|报警|报案|举报|线索|求助|电话)$")
# how fast or hard a body moved, its deed in the next clause: 沧州东光县公安局快速出击，抓获一名… (tune b-0059), 消防救援站迅速出动
MANNER_ONLY = re.compile(r"(?:快速|迅速|火速|主动|重拳|果断|立即|闻令|闻警|第一时间)(?:出击|行动|出动|反应|响应|而动|处置)$")
# the season or phase the story is set in, nothing that happened: 北京市仍处于流感等呼吸道传染病高发期 (probe wp-110),
# 眼下是高校毕业生离校前落实就业单位的关键时期 (probe wp-080)
PERIOD_ONLY = re.compile(r"(?:是|处于|正值|正处|进入|迎来)[^，]*(?:时期|高发期|多发期|高峰期|关键期|窗口期|流行期|流行季|旺季|淡季)$")
# what the thing means, not what happened: 标准对如期实现碳达峰碳中和目标具有重要意义 (tune a-0141), …建设的步伐势在必行
# (tune a-0128), …签署超级计算中心建设协议具有非常重要的意义 (probe wp-116)
EVALUATION = re.compile(r"(?:具有|具备|有着|发挥着?)[^，\s]{0,8}(?:意义|基础|作用|价值|优势)$|意义(?:重大|深远)$|势在必行$")
COPULA = re.compile(r"[为是]")
ENDS_ON_TIME = re.compile(r"(?:\d{2,4}年|\d{1,2}月|\d{1,2}日|上午|下午)$")
# a pointer to a table or figure (…情况见表2-1, probe-153; …如图1-4所示): the page's furniture, no news
FIGURE_REFERENCE = re.compile(r"(?:[如见]|详见|参见)附?[表图]\s*[\d一二三四五六七八九十]|如[上下]?[表图]所示")


# a word that points back or turns against what came before, opening the clause: 但作为一个经济区域却… (probe-110),
# 就有一个这样的… (probe-210), 另整理于… (probe-184), 则包括…, 同时确立… (probe-206) (by the dictionary's word, so
# 就业、同时期、另外 are not it)
POINTING_BACK = frozenset("但 却 就 便 才 则 另 又 那么 也就是说 可是 不过 同时 于是 因而 从而 进而".split())
# an adverb before the verb, the subject left in the clause before: 即将在东莞松山湖科学城开工建设 (probe-213),
# 以捕捉宇宙中的幽灵粒子——中微子 (probe-223, the purpose of the deed before)
# and the copula whose subject was a time, dropped as one: 10月14日是世界标准日 leaves 是世界标准日 (probe wp-105)
SUBJECT_BEFORE = frozenset("以 即将 将 已 已经 正在 仍 仍然 也 还 均 都 亦 随即 随后 是".split())
# what the clause before it said, pointed at: 一个这样的“超级显微镜” (probe-210)
# (or of that kind: …数百名居民享受到这种惠民医疗, probe wp-053)
DEMONSTRATIVE = re.compile(r"(?:这样|那样|这般)的|这种|这类|此类")
# a concession or a question, not news: 就算是不起眼的一粒沙子, 如何才能看到沙子里面的世界呢, 有没有一个“超级显微镜”
CONCESSION = re.compile(r"^(?:就算|即使|即便|哪怕|纵然|无论|不管)")
QUESTION = re.compile(r"^(?:如何|怎么样|怎样|怎么|为什么|为何|有没有|是不是)|[呢吗]$")
# a quotation and nothing said of it: a poem's line, “一花一世界、一树一菩提” (probe-210)
QUOTATION_ONLY = re.compile(r"^[“「『][^”」』]*[”」』]$")
# a preposition whose verb is lost with the rest of the clause: 散裂中子源科学中心与港澳地区8所高校 (probe-213),
# …分别与25家 (tune b-0170), …向现场, 框架协议提出以 (probe-206)
PREPOSITIONS = frozenset("与 向 对 在 于 以 从 把 被 由 跟 同 给 往 朝 自 按 据 将".split())

# a roll of offices and names, nothing said of them: 厦门大学能源学院党委书记孙梓光 (probe-054), 澳门特区行政长官崔世安、
# 香港特区行政长官林郑月娥 (probe-212, the signatories cut from what they signed), 能源学院林鹿副院长
# (not a phrase before 的: 接任卫福部长的石崇良)
OFFICES = ("书记|副?院长|主任|局长|处长|部长|长官|省长|市长|区长|县长|主席|董事长|总经理|校长|所长|厅长|司长|秘书长|"
           "教授|研究员|院士|总裁|会长|理事长|委员")
ROLL_ITEM = re.compile(rf"[^、\s]{{0,24}}?(?:{OFFICES})(?:[\u4e00-\u9fff·]{{2,4}})?")


def plainly_unfit(text: str) -> bool:
    """A unit no headline should be while the lead offers another: an attribution (alone, or the
    first of two clauses) whose fact is in the next clause, a photo's caption, a numbered list's
    item, a first-person or anecdotal opening, the tail of a list or a clause (以及…, 包括…, 得益于…, 覆盖…),
    a bare place or circumstance (在…车间, 随着…, 经…批准, …在…的带领下), a report received (…公安局接…警方消息),
    how fast a body moved (…公安局快速出击) or a name and a time with nothing said (国家药监局2024年)."""
    return (any(ATTRIBUTION.search(half) for half in text.split(" ")) or bool(CAPTION.search(text))
            or bool(REPORT_RECEIVED.search(text)) or bool(MANNER_ONLY.search(text)) or _name_and_time(text) or bool(WHERE_ONLY.search(text))
            or bool(LIST_ITEM.match(text)) or bool(FIRST_PERSON.match(text)) or bool(CONJUNCTION_FIRST.match(text))
            or bool(NOT_THE_SUBJECTS.match(text)) or bool(CIRCUMSTANCE_ONLY.match(text)) or _bare_place(text)
            or bool(PERIOD_ONLY.search(text)) or bool(EVALUATION.search(text))
            or any(_leans_elsewhere(half) for half in text.split(" ")) or _roll_of_names(text))


def _roll_of_names(text: str) -> bool:
    return "的" not in text and all(ROLL_ITEM.fullmatch(item) for half in text.split(" ") for item in half.split("、"))


def _leans_elsewhere(clause: str) -> bool:
    """A clause that holds no statement of its own: it opens with a word pointing back (但…, 就…, 另…) or points at
    what came before (这样的…), concedes or asks (就算…, 如何…呢), is a quotation alone, ends on a word that leans on
    the next (…发布的, …清单」及) or holds a preposition whose verb is lost (…与港澳地区8所高校)."""
    tags = tagged(clause)
    if not tags:
        return False
    if tags[0][0] in POINTING_BACK or tags[0][0] in SUBJECT_BEFORE or DEMONSTRATIVE.search(clause) or _this_one(tags) \
            or CONCESSION.match(clause) \
            or QUESTION.search(clause) or QUOTATION_ONLY.match(clause) or tags[-1][0] in DANGLING:
        return True
    return _open_preposition(tags)


def _this_one(tags: list[tuple[str, str]]) -> bool:
    """这一… as a verb's object points at what came before: 今年我省高考继续沿用这一模式 (tune a-0064); after the name
    it renames it points at nothing (成渝这一对双子星城市, 中微子这一幽灵粒子)."""
    return any(w == "这" and tags[k + 1][0].startswith("一") and tags[k - 1][1].startswith("v")
               for k, (w, _) in enumerate(tags[1:-1], 1))


def _open_preposition(tags: list[tuple[str, str]]) -> bool:
    """The last preposition's verb is not there: 向现场, 与25家, 与港澳地区8所高校."""
    # (not a verb's complement, 融合为一体, 保持在98%以上; a predicate after its object is no loss: …与…经济区紧密相连)
    last_preposition = max((k for k, (w, t) in enumerate(tags) if w in PREPOSITIONS and t.startswith("p")
                            and not (k and tags[k - 1][1] == "v")), default=None)
    if last_preposition is None:
        return False
    governed = [t for w, t in tags[last_preposition + 1:] if w.strip()]
    # (the dictionary calls many a deed a noun — 揭|牌, 落地, 交流 — so only a lone word or a count is taken for the
    # whole of what follows: 向现场, 与25家, 与港澳地区8所高校; not 在广州高新区揭牌)
    return not any(t.startswith(("v", "a", "d")) for t in governed) and (len(governed) <= 1 or "m" in governed)


def _name_and_time(text: str) -> bool:
    """A name and a time, nothing said of them (国家药监局2024年, vivo随后11月21日): what the clause was about
    is in the next one (not a statement of when: 试点周期为2025年2月至9月)."""
    return bool(ENDS_ON_TIME.search(text)) and not COPULA.search(text) and not any(t.startswith("v") for _, t in tagged(text))


def _bare_place(text: str) -> bool:
    """在 + a place, nothing done there (在…产业园发酵生产车间); not 在建… (a word of its own)."""
    if not BARE_PLACE.match(text):
        return False
    words = tagged(text)
    if words[:1] != [("在", "p")]:
        return False
    # a deed done there, told in a clause before 的, is something done (在全国率先建成5G全覆盖的智慧港口)
    before_de = next((k for k, (w, t) in enumerate(words) if w == "的"), None)
    return before_de is None or not any(t.startswith("v") for _, t in words[1:before_de])


@dataclass(frozen=True)
class Unit:
    """A clause (or two) of the lead that could be the written headline, and what it is like."""

    text: str
    order: int  # in reading order
    features: tuple[float, ...]  # in the order of TITLE_FEATURES


TITLE_FEATURES = (
    "value", "value_share", "early", "first_sentence", "place_in_sentence", "own_subject", "lent_subject",
    "two_clauses", "bare_clause", "cut", "length", "length_squared", "figure", "names", "verb_first",
    "particle_first", "circumstance", "connective", "salient_share", "salient_count", "speech", "quotation",
    "specificity", "in_story", "in_lead", "spread", "spread_mass", "de", "name_first", "ends_in_verb",
    "ends_in_noun", "space", "has_verb", "framing", "copula", "sentence_clauses", "digit_share", "lone_figure",
    "de_head", "bare_verb_first", "magnitude",
)
SPEECH = re.compile(r"表示|指出|认为|说|称")
# a clause that only says who spoke or what shows it: 中国汽车工业协会发布的最新数据显示, 国家药监局宣布
FRAMING = re.compile(r"(?:表示|指出|认为|说|称|宣布|透露|介绍|显示|表明|获悉|了解到|发布消息|消息|报道|提到|强调|坦言|指|看来|公布)$")
# a circumstance the adverbial list does not hold: 经省人社厅推荐…, 在…的带领下, 当…时, 继…后, 伴随…
CIRCUMSTANCE = re.compile(r"^(?:经(?!济|营|费|验|理|典)|在.{1,24}(?:下|后|前|之际|之后|以来)$|当.{1,30}时|继.{1,30}(?:后|之后)|伴随|由于|因为|虽然|尽管|如果)")
NAMED = ("ns", "nr", "nt", "nz")
# a figure of the size a headline gives (签约金额达103亿元, 出货量突破3500万台, 增长2.2倍, 增长7.1%), not a count
# of rooms or a date
MAGNITUDE = re.compile(r"\d[\d.,]*\s*(?:万|亿|倍|%|％)")


def title_units(article: Article, cap: int) -> list[Unit]:
    """Every clause (or clause pair, or clause lent the subject before it) of the first
    LEAD_SENTENCES candidate sentences that could be a headline within the cap, with its features:
    what tells a headline from the rest — how much of the story it names (its words' salience and
    specificity, its character pairs in the other sentences), where it stands, how it opens and
    ends, its length."""
    sentences = [s.text for s in candidates(article, limit=40)] or list(article.paragraphs[:3])
    salience = _salience(sentences)
    salient = {w for w, _ in salience.most_common(8)}
    pairs = [_bigrams(s) for s in sentences[:20]]
    spread_of = Counter(g for grams in pairs for g in grams)  # in how many sentences each pair stands
    lead = _bigrams("".join(sentences[:2]))
    raw: list[tuple[str, int, int, float, bool, float]] = []
    for index, sentence in enumerate(sentences[:LEAD_SENTENCES]):
        clauses = [c for c in (_tidy(c) for c in _clauses(SPEAKER_LABEL.sub("", sentence))) if c]
        for place, (unit, factor) in enumerate(_units(clauses, cap)):
            unit = _first_event(unit) if len(unit) > cap else unit
            text = _at_phrase_end(unit, _cut_at_word(unit, cap)) if len(unit) > cap else unit
            # (a cut that leaves a quotation open — “要加快建设…，着力打造我 — is no headline, tune c-0014)
            if len(text) >= MIN_TITLE and _balanced(text) == text and not _unfit(text):
                raw.append((text, index, place, factor, len(unit) > cap, _clause_value(text, salience), len(clauses)))
    top = max((r[5] for r in raw), default=0.0) or 1.0
    units = []
    for order, (text, index, place, factor, cut, value, in_sentence) in enumerate(raw):
        tags = tagged(text)
        content = [w for w in words(text) if _content_word(w)]
        grams = _bigrams(text)
        own = pairs[index] if index < len(pairs) else set()
        elsewhere = [spread_of[g] - (g in own) for g in grams]  # the other sentences holding each pair
        others = len(pairs) - (index < len(pairs))
        spread = sum(elsewhere) / max(1, len(grams)) / max(1, others)
        first_tag, last_tag = (tags[0][1], tags[-1][1]) if tags else ("", "")
        features = (
            value, value / top, math.exp(-index / POSITION_DECAY), float(index == 0), place / 4,
            float(factor == 1.0), float(factor == 0.95), float(factor == 0.9), float(factor == 0.7), float(cut),
            len(text) / 30, (len(text) / 30) ** 2, float(bool(FIGURE.search(text))),
            float(any(t.startswith(NAMED) for _, t in tags)), float(first_tag.startswith("v")),
            float(first_tag.startswith(("p", "c", "d"))), float(bool(ADVERBIAL.match(text))),
            float(text.startswith(CONNECTIVES)), sum(w in salient for w in content) / max(1, len(content)),
            len(set(content) & salient) / 8, float(bool(SPEECH.search(text))), float("“" in text),
            sum(specificity(w) for w in content) / max(1, len(content)),
            sum(n > 0 for n in elsewhere) / max(1, len(grams)), len(grams & lead) / max(1, len(grams)), spread,
            spread * len(grams) / 20, text.count("的") / max(1, len(text)) * 10, float(first_tag.startswith(NAMED)),
            float(last_tag.startswith("v")), float(last_tag.startswith("n")), float(" " in text),
            float(any(t.startswith("v") for _, t in tags)),
            float(bool(FRAMING.search(text))), float(any(w == "是" for w, _ in tags)), min(1.0, in_sentence / 8),
            sum(c.isdigit() for c in text) / len(text), float(len(text) <= 12 and bool(FIGURE.search(text))),
            float(_de_head(text, tags)),
            float(first_tag.startswith("v") and factor == 0.7), float(bool(MAGNITUDE.search(text))),
        )
        units.append(Unit(text, order, features))
    return units


OPENING_QUOTES = ("《", "“", "「", "『")
WHOLE_WORDS = ("n", "v", "x", "eng", "j", "l", "i", "f")  # parts of speech a phrase can end on
NOUN_LIKE = ("n", "x", "eng", "j", "vn")  # the next word completes the phrase: its head or object
OBJECT_OPENERS = ("a", "m", "b", "q")
# a list of modifiers goes on to its head: …最高|、创新能力最强的区域之一 (not a list of things, one of them with its
# own 的: …在风险投资、首次公开发行以及与海外制药公司的许可交易中, tune c-0088)
MODIFIERS_LEFT = re.compile(r"[^，、 ]*(?:、[^，、 ]*)*、[^，。 、及与和]{1,12}的")  # …or opens a verb's object: 取得|重要进展, 完成|146.3万辆


def _at_phrase_end(unit: str, text: str) -> str:
    """A unit cut at the cap, taken back to where a phrase ends (or "" when none is left): never before the
    quotation or title its verb governs (…印发《…》, …公告「…」), on a word that modifies or governs the next
    (…EAL近期取得重要|进展, probe-227; …开始正式|运行; …提交附|条件, …的中国散裂|中子源, probe-213), on a
    word that leans on the next (…将于|8月), before a count (…产销分别完成|146.3万辆), after a
    preposition whose verb is cut (…正式通过由国家发展|和改革委员会…) or inside a list of modifiers (…最具活力、开放程度最高|、…的区域之一,
    probe-232)."""
    start = unit.find(text)
    if start < 0 or text == unit:
        return text
    tags, ends, position = tagged(unit), [], 0
    for word, _ in tags:
        position += len(word)
        ends.append(position)
    k = max((i for i, e in enumerate(ends) if e <= start + len(text)), default=-1)
    while k >= 0 and ends[k] - start >= MIN_TITLE:
        last, following = tags[k][1], next((t for w, t in tags[k + 1:] if w.strip()), "")
        continued = following.startswith(NOUN_LIKE + (OBJECT_OPENERS if last.startswith("v") else ()))
        inside_list = bool(MODIFIERS_LEFT.match(unit[ends[k]:]))
        if last.startswith(WHOLE_WORDS) and not continued and not inside_list and tags[k][0] not in NO_CUT_AFTER \
                and not unit[ends[k]:].lstrip().startswith(OPENING_QUOTES) and not _open_preposition(tags[:k + 1]):
            # (what is left is no list of who with nothing said: 忠县人民医院、忠县中医院|分别与25家…, tune b-0170)
            kept = unit[start:ends[k]].rstrip(TRAILING)
            return "" if "、" in kept and not any(t.startswith("v") for _, t in tags[:k + 1]) else kept
        k -= 1
    return ""


# the event held with the one named first, its name too long for the headline: 第一届黄河流域职业技能大赛暨“技能中国行
# 2024—走进山东”系列活动在山东东营开幕 (probe wp-092: cut at the cap, the quotation left open, the clause was lost)
JOINED_EVENT = re.compile(r"(?<=[\u4e00-\u9fff]{4})暨[^，。 在于]{2,40}?(?=在|于)")


def _first_event(unit: str) -> str:
    """A clause past the cap without the second of two events joined by 暨 (the first named, and where it happened)."""
    return JOINED_EVENT.sub("", unit, count=1)


def _de_head(text: str, tags: list[tuple[str, str]]) -> bool:
    """A clause that ends on a thing named after its last 的, no verb there, and opens with no verb:
    “上海光源”具有建设60条以上光束线和上百个实验站的能力, a name set out as a phrase (我国迄今为止最大的大科学装置和
    大科学平台——上海同步辐射光源, tune c-0013); not a deed (推动…的发展 opens with its verb, …的合作正式启动 ends on one)."""
    if "的" not in text or (tags and tags[0][1].startswith("v")):
        return False
    head = text.rsplit("的", 1)[1]
    return bool(head) and not any(t.startswith("v") for _, t in tagged(head))


# a transcript's speaker over the quotation: 医院管理局总行政经理李立业：「我都是意见上…」 (tune b-0079): no
# headline, no subject to lend
SPEAKER_LABEL = re.compile(r"^[^，。：「“]{2,30}[：:](?=[「“])")
# a piece cut out of a list (门、骨干产业…), a clause leaning on a word it does not hold (该药品…)
FRAGMENT = re.compile(r"^(?:[\u4e00-\u9fff][、，]|[^\u4e00-\u9fffA-Za-z0-9“《「（]|(?:该|其|此|这)(?=[\u4e00-\u9fff]))")


def _unfit(text: str) -> bool:
    """Never a headline, whatever it says: a fragment, garbled text."""
    return bool(FRAGMENT.match(text)) or bool(FIGURE_REFERENCE.search(text)) or is_garbled(text) \
        or len(re.findall("[\u4e00-\u9fff]", text)) < MIN_HAN


MIN_HAN = 4  # Chinese characters: CN52-0013代号65-1 says nothing

TITLE_MODEL = Path(__file__).with_name("titles_model.json")


@lru_cache(maxsize=1)
def _title_weights() -> tuple[float, ...]:
    data = json.loads(TITLE_MODEL.read_text(encoding="utf-8"))
    return tuple(float(data["weights"].get(name, 0.0)) for name in TITLE_FEATURES)


def _bigrams(text: str) -> set[str]:
    chars = [c for c in text if "\u4e00" <= c <= "\u9fff" or c.isalnum()]
    return {a + b for a, b in zip(chars, chars[1:])}


def _units(clauses: list[str], cap: int) -> list[tuple[str, float]]:
    """What a headline may be made of, with a factor for how natural it reads: a clause; a
    clause with the next one; a clause that opens with its verb, given the subject of the
    clause before it (苏州聚焦…，以创新联合体作为… -> 苏州以创新联合体作为…)."""
    units = []
    subject = None
    for k, clause in enumerate(clauses):
        pronoun = PRONOUN.match(clause)
        if pronoun and subject:  # 该公司今日收到… -> 微芯生物今日收到…
            clause = subject + clause[pronoun.end():]
        own = _subject(clause)
        if own:
            units.append((clause, 1.0))
            subject = own if _lendable(clause, own) else None
        elif subject and not ADVERBIAL.match(clause) and not NOT_THE_SUBJECTS.match(clause) \
                and not NOT_LENT.match(clause) and not _subject_of_its_own(clause) and len(subject) + len(clause) <= cap + 8:
            units.append((subject + LINKING.sub("", clause), 0.95))  # …公安机关，并抓获… -> …公安机关抓获…
        else:
            units.append((clause, 0.7))
        if ATTRIBUTION.search(clause) and not own:  # another speaker's words follow, their subject their own
            subject = None  # (…而陈时中部长也表示，除了高端疫苗，联亚疫苗… never becomes 中央联亚疫苗…, probe-218)
        if k + 1 < len(clauses) and len(clause) + len(clauses[k + 1]) + 1 <= cap:
            units.append((f"{clause} {clauses[k + 1]}", 0.9))
    return units


NOUNS = ("n", "nr", "ns", "nt", "nz", "x", "eng", "j", "l")
# the clause's own subject, though jieba calls it a pronoun: 我国新能源汽车…, 我省高考…
PLACE_PRONOUNS = frozenset("我国 我省 我市 我区 我县 我州 本市 本省 本区 全国 全省 全市 全区".split())
# a clause about what the clause before said or counted, not about its subject: …，得益于… (the statement's
# cause, probe-133), 我国已确定…125个…项目，覆盖所有…省份 (the projects' reach, probe-137): lent no subject,
# and no headline alone
NOT_THE_SUBJECTS = re.compile(r"^(?:这|此|主要|均|都|也|还)?(?:得益于|得益|归功于|归因于|源于|源自|缘于|覆盖|涵盖|涉及|惠及|遍及|遍布|辐射|囊括|总投资|总面积|占地)")
# a clause about the whole statement before it (这是青州市获批设立的第一家…, probe-086) or turning against it
# (…早已存在，但作为一个经济区域却…, probe-110): the subject before is not its subject
NOT_LENT = re.compile(r"^(?:这|那|但|然而|不过|可是|却|以及|或者|及(?!时))")
LINKING = re.compile(r"^(?:并且|并|且|还|也|同时|而且|而)(?=[\u4e00-\u9fff])")
# (其中, 其他, 其实, 其次, 此外, 此前 … are words of their own, not the pronoun: 其中就包括鹿新弟 never
# becomes 全国中就包括鹿新弟, probe-118)
PRONOUN = re.compile(r"^(?:该(?:公司|企业|集团|院|校|医院|机构|项目|市|省|区)?|其(?![中他它余后次实间])|此(?![外前后时次间]))(?=[\u4e00-\u9fff])")


SPAN_OF_TIME = re.compile(r"[\d一二三四五六七八九十百几多]+(?:年|个月|月|天|日|周)")


def _subject_of_its_own(clause: str) -> bool:
    """A clause whose linking word stands before a subject of its own: …高通骁龙8，而vivo X200标准版的价格也相应上调
    (tune c-0072) is about vivo, never 高通骁龙8而vivo…; …，而陈时中部长也表示 (probe-218)."""
    linked = LINKED.match(clause)
    return bool(linked) and bool(_subject(clause[linked.end():]) or LATIN_NAME.match(clause, linked.end()))


LINKED = re.compile(r"^(?:并且|而且|同时|而)")
LATIN_NAME = re.compile(r"[A-Za-z]{2,}")


def _lendable(clause: str, subject: str) -> bool:
    """Whether the subject a clause opens with can be lent to the next: not a possessor (广东省的科技实力…
    处于领先地位，得益于… never becomes 广东省得益于…, probe-133), nor a name cut after its surname, the
    given name taken for other words (医院管理局总行政经理李|立|业在…指，需要… never becomes …经理李需要…,
    tune b-0079)."""
    if clause[len(subject):].startswith("的") or CIRCUMSTANCE.match(subject) or ADVERBIAL.match(subject):
        return False  # (经人社部、…研究决定 says by whose leave, not who did it: probe-086)
    last = tagged(subject)[-1:]
    # nor a subject that ends on a time, the subject of a phrase before 的 (中国科学家十年|磨一剑建设的江门中微子实验
    # 大科学装置…，以捕捉… never becomes 中国科学家十年以捕捉…, probe-223)
    return not (last and ((len(last[0][0]) == 1 and last[0][1] == "nr") or SPAN_OF_TIME.fullmatch(last[0][0])))


def _subject(clause: str) -> str:
    """The noun phrase a clause opens with (its subject), or "" when it opens with a verb, a
    preposition or an adverb."""
    taken = []
    for word, flag in tagged(clause):
        if flag.startswith(NOUNS) or (not taken and word in PLACE_PRONOUNS) or (taken and flag in ("m", "q", "b", "a")) or (word in "-·" and taken):
            taken.append(word)
            continue
        break
    subject = "".join(taken)
    return subject if len(subject) >= 2 and re.search("[\u4e00-\u9fffA-Za-z]", subject) else ""


def _salience(sentences: list[str]) -> Counter:
    """How often the story says each word: what it is about is what it repeats."""
    counts: Counter = Counter()
    for sentence in sentences:
        counts.update(list(dict.fromkeys(w for w in words(sentence) if _content_word(w))))  # in order: ties stay put
    return counts


def _content_word(word: str) -> bool:
    return len(word) >= 2 and word not in STOP_WORDS and bool(_LETTER.search(word))


_LETTER = re.compile(r"[\u4e00-\u9fffA-Za-z]")


def _clause_value(clause: str, salience: Counter) -> float:
    """The story's own, specific words per character: a word counts by how often the story
    repeats it and how rare it is in general text (苏州、创新联合体 more than 创新、发展). A
    figure counts; a clause that is only a circumstance (为了…、根据…、截至…) or leans on
    another (该、其、这) counts little."""
    found = [w for w in words(clause) if _content_word(w)]
    if not found:
        return 0.0
    weight = sum(math.log(1 + salience.get(w, 1)) * (0.2 + specificity(w)) for w in found)
    value = weight / math.sqrt(max(len(clause), 12))
    if FIGURE.search(clause):
        value *= 1.15
    if ADVERBIAL.match(clause) or CIRCUMSTANCE.match(clause) or clause.startswith(VERB_FIRST):
        value *= 0.5
    if clause.startswith(CONNECTIVES):
        value *= 0.6
    if len(clause) < 10:
        value *= 0.8
    return value


def _clauses(sentence: str) -> list[str]:
    """The sentence's clauses, cut at ，；： outside quotations and brackets."""
    clauses, depth, start = [], 0, 0
    for i, ch in enumerate(sentence):
        if ch in PAIRS:
            depth += 1
        elif ch in PAIRS.values():
            depth = max(0, depth - 1)
        elif ch in "，；：。！？" and depth == 0:
            clauses.append(sentence[start:i])
            start = i + 1
    clauses.append(sentence[start:])
    return [c.strip() for c in clauses if c.strip()]


# an outlet and a day, the whole clause: the story's dateline without 电 (新华网11日，2012中国…, probe-008)
OUTLET_DAY = re.compile(r"^[\u4e00-\u9fff]{1,10}(?:网|社|报|台|客户端)(?:[\u4e00-\u9fff]{2,6})?(?:\d{1,2}月)?\d{1,2}日(?:电|讯)?$")


def _tidy(clause: str) -> str:
    """The clause as headline words: no time words, brackets, framing, dateline, file extension or end marks."""
    if OUTLET_DAY.match(clause.strip()):
        return ""
    text = FILE_EXTENSION.sub("", BRACKETS.sub("", clause).strip())  # a shared file's name as the page's text (probe-130)
    previous = None
    while previous != text:
        previous = text
        text = OPENERS.sub("", TIME_WORDS.sub("", text.strip()))
    text = PARTICLE.sub("", INNER_DATE.sub("", INNER_TIME.sub("", text)))
    return _balanced(text.strip().rstrip(TRAILING).lstrip(TRAILING))


def _balanced(text: str) -> str:
    """Cut before a quotation or bracket that is opened and not closed."""
    stack: list[tuple[str, int]] = []
    for i, ch in enumerate(text):
        if ch in PAIRS:
            stack.append((ch, i))
        elif stack and ch == PAIRS[stack[-1][0]]:
            stack.pop()
    return text[:stack[0][1]].rstrip(TRAILING) if stack else text


# a speaker and their words as a headline's second half: 港深创科园…大楼落成 李家超：将优化制度衔接… (probe-195);
# the colon is no kicker's, and the quote without its speaker says nothing of who spoke
SPEAKER_QUOTE = re.compile(r"^[\u4e00-\u9fff·]{2,8}[：:](?=\S)")


def _main_parts(title: str) -> list[str]:
    parts = []
    first, _, second = title.partition(" ")
    if second and SPEAKER_QUOTE.match(second.strip()):  # the event before a speaker's words
        parts.append(first.strip())
    for mark in ("：", "｜", "|", ":"):  # kicker：main title
        if mark in title:
            parts.append(title.split(mark, 1)[1].strip())
    for mark in ("——", "—", " - "):  # main title——subtitle
        if mark in title:
            parts.append(title.split(mark, 1)[0].strip())
    if "，" in title:  # the first clause of a long one-line headline
        parts.append(title.split("，", 1)[0].strip())
    if " " in title:  # of two halves side by side, the longer (中慧生物-B现涨逾3% 四价流感病毒…获批)
        parts.extend(sorted((h.strip() for h in title.split(" ", 1)), key=len, reverse=True))
    return [clean_title(p) for p in parts]


def _cut_at_word(title: str, cap: int) -> str:
    """The longest run of whole words within the cap, never ending inside a quotation or on a
    word that leans on the next (…发展规划的, …签约与)."""
    kept: list[str] = []
    split = words(title)
    for word in split:
        if sum(map(len, kept)) + len(word) > cap:
            break
        kept.append(word)
    following = split[len(kept)] if len(kept) < len(split) else ""
    kept = _before_unknown_name(kept, following)
    while len(kept) > 1 and kept[-1] in DANGLING:
        kept.pop()
    text = "".join(kept)
    if len(text) < len(title.rstrip(TRAILING)):
        text = _at_last_mark(text)
    return _balanced(clean_title(text)) or title[:cap]


NAME_PIECES = 3  # one-character words in a row across the cut: a name the dictionary does not know


def _before_unknown_name(kept: list[str], following: str) -> list[str]:
    """A cut never falls inside a name the dictionary splits into single characters (利|多|卡|因|丙|胺|卡|因|气|雾|剂,
    a drug's name, tune b-0037: …签发的利多卡因丙胺卡 is cut before the name)."""
    def piece(word: str) -> bool:
        return len(word) == 1 and "\u4e00" <= word <= "\u9fff" and word not in DANGLING
    run = 0
    while run < len(kept) and piece(kept[-1 - run]):
        run += 1
    if not piece(following) or run + 1 < NAME_PIECES or sum(map(len, kept[:-run])) < MIN_TITLE:
        return kept
    return kept[:-run]


CUT_MARKS = "、，；"
MARK_SHARE = 0.6  # of the cut title: a mark this far on ends it; the piece after is a list's or a clause's stub


def _at_last_mark(text: str) -> str:
    """A cut title ends at its last 、，； when that stands late in it: …行业的竞争力、透过香港认可 keeps
    …行业的竞争力, not a list member cut in two (probe hp-200)."""
    mark = max(text.rfind(m) for m in CUT_MARKS)
    return text[:mark] if mark >= max(MIN_TITLE, len(text) * MARK_SHARE) else text
