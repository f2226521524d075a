"""What on a news page is not the article: one definition, used to clean bodies, to find the
headline among a page's lines, and to check that nothing of it reaches a title or a summary.

`line_kind` names the kind of furniture a whole line is (None for text):

    spam         老公阳痿www.…  网站建设-SEO优化  澳门娱乐场官网注册送彩金
    nav          美妇网 | 发型 | 着装 | 健康 |      首页 新闻 财经 体育 娱乐
    breadcrumb   人民网>>四川频道>>综合栏目          首页 > 国内 > 正文
    furniture    分享到  正在阅读  即时新闻  字号：默认超大 | 打印 |  ×  APP下载  版权所有 …
    counter      阅读量：1.2万   浏览次数：356   128人阅读   2020-10-12 社会 176阅读
    dateline     2021年03月22日   2021-03-22 09:46 星期一   发布时间：2021-03-22   财经网 2024/09/09
                 中央社／ 苗栗县9日电
    layout       第A2版:要闻   第A04版：   A3版   （上接第1版）   《人民日报》（2024年03月29日 第02版）
    credit       视觉中国/图   （资料图片）   新华社发   记者 常鸣/摄
    caption      图为…   ▲2月18日，游客在园区参观。   …（新华社记者 张三 摄）   …设施效果图
    byline       本报记者 张三   文/李四   作者：王五
    source_line  来源：人民日报   本文来源：北京日报客户端
    editor_line  责任编辑：张三   （责编：李四、王五）
    outlet       人民网   新华网   中国新闻网
    related      相关新闻   延伸阅读   (and the link lines below it: `is_related_item`)
    front_matter 天津市教科院学报 2020年2期   （西南政法大学，重庆 401120）   基金项目：…   作者简介：…
                 价格虚高；市场失灵；监管俘获   王忠海1*毛宗福1李滔2   [1]姚力.…[J].中外健康文摘,2012(1).

Only short lines are judged as a whole, so a real paragraph that mentions a 客户端 stays; spam
is also cut sentence by sentence out of a real paragraph (`without_spam`), and anti-scraping
pinyin annotations (创（chuàng）新) are taken out of any text (`strip_pinyin`).

The text is already normalised (full-width punctuation in Chinese context), except where a
function says it takes raw text.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from functools import lru_cache

from . import bylines
from .metadata import is_info_line
from .sentences import split_sentences

MAX_JUNK_LINE = 80
MAX_RELATED_ITEM = 40
KINDS = ("spam", "nav", "breadcrumb", "furniture", "counter", "dateline", "layout", "credit", "caption",
         "byline", "source_line", "editor_line", "outlet", "related", "front_matter")

_HAN = "\u4e00-\u9fff"

# ----------------------------------------------------------------------------- inline: pinyin

# 创（chuàng）新, 医(yī)药: a syllable with its tone mark (or tone number) in brackets right after
# a character. Latin in brackets without a tone (AI、ISO、CEO) is a real abbreviation and stays.
_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ"
_SYLLABLE = rf"[a-zü{_TONED}]*[{_TONED}][a-zü{_TONED}]*"
# (a mirror may annotate a character twice: 更好(hǎo)(hǎo), 7月(yuè)(yuè))
_ANNOTATION = rf"[（(]\s*(?:{_SYLLABLE}|[a-zü]{{1,6}}[1-5])(?:\s+(?:{_SYLLABLE}|[a-zü]{{1,6}}[1-5]))*\s*[）)]"
# The character before an annotation may be one that simplified script writes outside the basic block (縯(yan)
# becomes 𬙂(yan), 訢（xin） becomes 䜣（xin）, probe-356): extension A and the supplementary planes count too.
_ANNOTATED_HAN = "\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f"
_PINYIN = re.compile(
    rf"(?<=[{_ANNOTATED_HAN}])(?:\s?{_ANNOTATION})+"
    # after a Latin letter (a character the wrong encoding turned into one): tone marks only
    rf"|(?<=[A-Za-z])[（(]{_SYLLABLE}(?:\s+{_SYLLABLE})*[）)]"
)


# the character an annotation stands after (國 in 國(guó)家): a mirror that annotates characters may
# also write them in traditional script (text/chinese.py counts them)
ANNOTATED = re.compile(rf"[{_HAN}](?=\s?{_ANNOTATION})")


# Toneless pinyin after single characters (截至(zhi)12月10日，全(quan)球(qiu), probe-157's 每经 copy): a
# bracketed lowercase word after a character is often a real one (微信（wechat）, 世界卫生组织（WHO）,
# （Moderna）), so only a text with MIN_TONELESS or more annotations that each read as one syllable
# (an initial, vowels, a final n/ng/r) loses them.
_TONELESS = re.compile(rf"(?<=[{_ANNOTATED_HAN}])[（(](?:[bpmfdtnlgkhjqxrzcsyw]|[zcs]h)?[aeiouvü]{{1,3}}(?:ng|n|r)?[）)]")
MIN_TONELESS = 3  # in one text
MIN_TONELESS_PAGE = 6  # on one page


# An emoji in brackets a video mirror scatters between characters, also inside an annotation: 创新(😯)(xīn )协同,
# 北京首(shǒ(🛡)u )批 (probe-440); once it goes, the annotation stands after its character again.
_BRACKETED_EMOJI = re.compile(r"[（(]\s*[\U0001F000-\U0001FAFF\u2600-\u27BF\u2B00-\u2BFF]\ufe0f?\s*[）)]")


def strip_pinyin(text: str) -> str:
    """The text without anti-scraping pinyin annotations: 创（chuàng）新 -> 创新, 全(quan)球(qiu) -> 全球."""
    if "(" not in text and "（" not in text:
        return text
    text = _PINYIN.sub("", _BRACKETED_EMOJI.sub("", text))
    return _TONELESS.sub("", text) if len(_TONELESS.findall(text)) >= MIN_TONELESS else text


def strip_toneless_pinyin(texts: list[str]) -> list[str]:
    """A page's lines without toneless annotations when the page has MIN_TONELESS_PAGE of them (a line
    with one or two, 一(yi)家社区卫生服务中心, on a page annotated throughout, probe-157)."""
    if sum(len(_TONELESS.findall(t)) for t in texts if "(" in t or "（" in t) < MIN_TONELESS_PAGE:
        return texts
    return [_TONELESS.sub("", t) for t in texts]


# Characters news text never holds: the replacement mark, box drawing, bopomofo, private use;
# and a question mark run into a full stop: what is left of a page decoded with the wrong
# encoding somewhere (？。ㄒ唬┽t…).
_GARBLED = re.compile(r"[\ufffd\u2500-\u257f\u3100-\u312f\ue000-\uf8ff]|[？?][。，；、：,;:]"
                      # a pinyin annotation whose opening bracket the wrong encoding ate: 獲獎?wù)邅碜
                      rf"|[？?]{_SYLLABLE}[）)]"
                      # … and what is left of it once a sentence split took the ？ away: yàn)榇_信中国…
                      rf"|^{_SYLLABLE}[）)]"
                      # a closing quote turned into ？！ and the characters after it into others: …高地？！背啥贾嗅t药
                      # (news never puts a character right after ？！); ？？ between characters: 高？？萍纰
                      rf"|[？?]！(?=[{_HAN}])|(?<=[{_HAN}])[？?]{{2}}(?=[{_HAN}])")


def is_garbled(text: str) -> bool:
    """Text that went through the wrong encoding: never a title or a summary sentence."""
    return bool(_GARBLED.search(text))


# Markup a page pasted as Markdown keeps: ![](http://…/a.jpg), [文字](http://…), and the [1][2]
# reference marks of a digest.
# an ad slot's label (x 广告, 廣告), the slot's close button before it: alone on a line or glued before the ad's teaser,
# it marks what follows as the ad's, not the story's (probe-187)
AD_LABEL = re.compile(r"^(?:[x×✕]\s*)?(?:广告|廣告)")
_IMAGE = re.compile(r"!\[[^\]\n]{0,200}\]\([^)\s]{0,500}\)")
_LINK = re.compile(r"\[([^\]\n]{1,200})\]\((?:https?://|/)[^)\s]{0,500}\)")
_REFERENCES = re.compile(r"(?:\[\d{1,2}\])+")
# a paper's footnote run into its sentence, from its mark to its end: …全民覆盖[1]姚力,建立…制度[J].中外健康文摘,2012,(1)。
_CITATION = re.compile(r"\[\d{1,2}\][^\[\]。\n]{2,80}?\[[JMDCNRSPZ](?:/OL)?\]\s*[.．][^。\n]{0,80}?[。.．]")
# an address or a production credit in brackets inside a sentence: 澎湃新闻（www.thepaper.cn）,
# （记者孙自法制作徐妙巧）
_BRACKETED = re.compile(
    r"\s?[（(]\s*(?:(?:https?://|www\.)[^）)\s]{3,80}|(?:图\s*[/／]\s*)?(?:记者|编辑|制作|摄影|撰文|文字)[^（）()]{2,24}?(?:制作|摄|编辑|报道)[^（）()]{0,8})\s*[）)]"
    # a byline in brackets inside a sentence: …市卫健委（记者 张三 通讯员 李四）近日… (not the
    # dateline's own, 本报讯（记者 张三）/ …电（记者 张三）/ 云上咸宁报道（记者 李欣）, which names the authors: text/bylines.py)
    r"|(?<=[^\s讯电])(?<!报道)\s?[（(](?:本报|特约)?(?:记者|通讯员)\s*[\u4e00-\u9fff·]{2,4}"
    r"(?:[\s、，]*(?:(?:记者|通讯员|实习生)\s*)?[\u4e00-\u9fff·]{2,4}){0,4}\s*[）)]"
    # a photo's caption and credit in brackets: （表彰大会现场。李桂杰/摄）; a figure reference: （图1）, （组图）, a
    # gallery's picture number with it (二二八連假首日 國道湧車潮(3) (圖), hp-575)
    r"|\s?[（(][^（）()]{0,40}?[\u4e00-\u9fff·]{2,4}\s*[/／]\s*摄\s*[）)]|(?:[（(]\d{1,2}[）)]\s*)?[（(](?:组图|图\s*\d{0,2}|(?:网络|资料)?配图|网络图片|图片来自网络)[）)]"
    # a financial wire's editor's initials closing its paragraph: …自身免疫疾病。(js/a)~ (AASTOCKS, probe-228)
    r"|(?<=[。！？.!?])\s?[（(][a-z]{1,4}/[a-z]{1,4}[）)]~?"
)


# A forum's anti-scraping jammer: short runs of ASCII letters, digits and marks, spaced
# (os.tvboxnow.com$ `+ R8 }! c; S% [% @% h) ^' g, probe-206), the board's address glued at either end;
# a line the jammer both opens and closes is the board's own watermark (…TVBNOW 含有热门话题…资讯。).
_DOMAIN = r"(?:[A-Za-z0-9-]+\.)+(?i:com|net|org|cn|hk|tw)"
_JAMMER_RUN = re.compile(rf"(?:{_DOMAIN})?[!-~]{{1,3}}(?: [!-~]{{1,3}}){{4,}}(?:{_DOMAIN})?(?![!-~])")
_ASCII_MARK = re.compile(r"[^A-Za-z0-9\s]")
_LETTER = re.compile(r"[A-Za-z]")
MIN_JAMMER_TOKENS = 3  # with a mark, and two with a letter (a pager's [1 2 … 10] | or a table's | --- | has none)
MIN_JAMMER_SPACES = 4  # a run has five tokens: a line with fewer spaces is not searched
# what two runs wrap: the post's own words have clauses (R神隆等多家生技廠外,還有32家醫療器材業者進駐設廠;另竹科的新$ Z%, probe-313)
# and lose only the runs; the board's watermark has none, or names the board (pTVBNOW 含有熱門話題,…, probe-206)
_CLAUSE_MARK = re.compile(r"[,，;；。、:：]")
_BOARD_NAME = re.compile(r"[A-Za-z]{4,}")


def _is_jammer(run: str) -> bool:
    tokens = run.split()
    return sum(bool(_ASCII_MARK.search(t)) for t in tokens) >= MIN_JAMMER_TOKENS \
        and sum(bool(_LETTER.search(t)) for t in tokens) >= 2


def _without_jammer(text: str) -> str:
    lines = []
    for line in text.split("\n"):
        runs = [m for m in _JAMMER_RUN.finditer(line) if _is_jammer(m.group(0))]
        if len(runs) >= 2 and not line[:runs[0].start()].strip() and not line[runs[-1].end():].strip() \
                and _is_watermark(line[runs[0].end():runs[-1].start()]):
            line = ""  # the board's watermark between two runs
        for run in reversed(runs):
            line = line[:run.start()] + line[run.end():]
        lines.append(line)
    return "\n".join(lines)


def _is_watermark(wrapped: str) -> bool:
    """What two jammer runs wrap is the board's watermark when it names the board (pTVBNOW 含有熱門話題,…等資訊。,
    probe-206) or has no clause; the post's own hard-wrapped lines have their clauses and only Chinese (R神隆等多家
    生技廠外,還有32家醫療器材業者進駐設廠;另竹科的新 / 技廠商,讓三個科學園區生醫廠商累計達112家。, probe-313)."""
    return not _CLAUSE_MARK.search(wrapped) or bool(_BOARD_NAME.search(wrapped))


# A post's fields glued between its headline and its text on a tag page: …恐泡湯釋出於: 綜合2021-06-29標籤: 中國臺灣網
# 疫苗聯亞生技…恐泡湯。(圖片來源:愛提問“中時新聞網”)中國臺灣網6月29日訊… (probe-219): where it was posted and when,
# its tags run into the picture's caption, and the caption's source (or what of it a cut line keeps); an
# information line's 发布于：2021-06-29 has no tags after it and keeps its date
_POST_FIELDS = re.compile(r"(?:释出于|发布于|发表于)\s*[:：]\s*[^:：\s]{0,12}?(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}"
                          r"\s*标签\s*[:：][^。:：]{0,80}。(?:\s*[（(](?:(?:图片?来源|图源)\s*[:：][^）)]{1,30}[）)]|图片?(?:来源)?$))?")


# A quote a financial wire prints after a stock's code, inside the sentence: 華潤醫藥(03320.HK) -0.030 (-0.566%)
# 沽空 $6.92百萬; 比率 15.150% 公布,… (AASTOCKS, probe-227): the code stays, the price's move and the short
# selling go (the quote of that minute, no part of the news)
_QUOTE_AFTER_CODE = re.compile(r"(?<=[.．](?:HK|SH|SZ|SS|US)[)）])\s*[+-]?\d+(?:\.\d+)?\s*[(（][+-]?\d+(?:\.\d+)?%[)）]"
                               r"(?:\s*沽空\s*\$?\s*[\d.]+\s*[百千萬万億亿]*\s*[;；]\s*比率\s*[\d.]+%)? *")


# A financial wire's notice that its quotes are late, in brackets after the story, and its source line
# that leaves out the pictures: …開展臨床試驗。(港股報價延遲最少十五分鐘。沽空資料截至 2025-12-17 12:25。)
# (probe-266), (A股報價延遲最少十五分鐘。)新聞來源 (不包括新聞圖片): 格隆匯 (probe-285): the reader's, no part of the news
_QUOTE_DELAY = re.compile(r"\s?[（(]\s*(?:[A-Z]股|港股|美股|沪深)?(?:报价|報價)(?:延迟|延遲)(?:最少)?[^（）()]{1,8}(?:分钟|分鐘)[。.]?"
                          r"[^（）()]{0,40}[）)]"
                          r"|(?:新闻|新聞)(?:来源|來源)\s*[（(]\s*不包[括含](?:新闻|新聞)?(?:图片|圖片)\s*[）)]\s*[：:]\s*[^\s。，]{1,12}")


# A picture's label and caption opening the story's first line, its source in brackets: 首圖 衛福部部長陳時中
# (圖/衛福部疾管署YouTube) 中央流行疫情指揮中心今(7)日公布… (probe-278): the caption goes, the story stays
_LEAD_PHOTO = re.compile(r"(?m)^(?:首|顶|頂|头|頭)(?:图|圖)\s*[：:]?\s*[^。！？（）()\n]{0,40}?[（(]\s*(?:图|圖|图片|圖片)\s*[/／：:]"
                         r"[^（）()\n]{1,40}[）)]\s*(?=\S)")


# Symbols a mirror scatters through the text against scrapers: …批准◆■■◆，中科晶禾■■★、… (a
# mark that opens a line is a list bullet or a caption mark and stays)
_SCATTERED_SYMBOLS = re.compile(r"(?<=\S)[◆■★◇□☆]+")


# A betting site's name a mirror injects into sentences, even mid-word: …培育发展创新药、欧宝电竞官方网站医疗器械、…
# (or a casino's name with its site code, put where the school's name was: 3月25日，永利yl23411集团官网召开…, probe-167)
# (and 皇家royal1688唯一官网 for a hospital's name, in its source line and its sentences alike, probe-427)
_BRAND_CODE = r"[\u4e00-\u9fff]{2,4}[a-z]{1,6}\d{3,6}(?:集团|娱乐|国际)?(?:唯一)?(?:官方网站|官网)"
# (a betting site's web-version entrance where a school's news site's name was: 米兰网页版登录入口新闻网投稿须知, probe-430)
_INJECTED_BRAND = re.compile(r"[\u4e00-\u9fff]{2,4}(?:电竞|娱乐城|棋牌|彩票|体育)(?:官方网站|官网)(?:入口|登录|注册|下载|(?i:app))*"
                             r"|[\u4e00-\u9fff]{2,4}(?:网页版|官网|官方网站|手机版)登录入口"
                             rf"|{_BRAND_CODE}(?:入口|登录|注册|下载)*")


# A betting site's brand a mirror puts for a name all through the page, each time with its entrance word: 新金宝官方网站入口
# for 雄安 (高质量推进新金宝官方网站入口新区建设…, probe-499), 必威登录网址 in a copy's footer (probe-495). Where the brand begins
# is what every one of its places shares before the entrance word (推进新金宝… / 加强新金宝… / ，新金宝…); a site named once
# with its 官网入口 may be a real one, so it stays
_ENTRANCE = re.compile(r"(?:官方网站|官网|网址|网页版)(?:登录)?入口|登录网址")
MIN_BRAND_PLACES = 2
BRAND_CONTEXT = 6  # characters looked at before each entrance word


def injected_brands(texts: list[str]) -> list[str]:
    """Each brand-and-entrance string a mirror substituted into the page's lines two times or more."""
    before: dict[str, list[str]] = {}
    for text in texts:
        for match in _ENTRANCE.finditer(text):
            before.setdefault(match.group(0), []).append(text[max(0, match.start() - BRAND_CONTEXT):match.start()])
    brands = []
    for entrance, contexts in before.items():
        shared = os.path.commonprefix([context[::-1] for context in contexts])[::-1]
        brand = re.search(r"[\u4e00-\u9fff]{2,4}$", shared)
        if len(contexts) >= MIN_BRAND_PLACES and brand:
            brands.append(brand.group(0) + entrance)
    return brands


# An app ad a mirror puts in front of a real line, before a colon: 杏彩体育app下载：我国大科学装置发展的…
# (the line after the colon stays; without it, the ad made the whole headline line furniture)
_AD_PREFIX = re.compile(r"(?m)^[\u4e00-\u9fffA-Za-z]{2,8}?(?i:app)(?:下载|官网|登录|注册|入口)+\s*[：:]\s*(?=\S{8})")


# A social post's hashtags opening its text or closing it, with the platform's counters after them:
# #挺醫護要疫苗新冠肺炎持續肆虐,不斷上升的… / …做他們的後盾。#哲彰很感謝… #台灣需要疫苗 Tags: 9 comments 297 likes…
# (probe-170; a tag runs to the first space or mark; a Weibo topic, #话题#, is closed by its second #, text/pages.py)
_TAG = r"#(?=[^\s#]*[\u4e00-\u9fffA-Za-z])[^\s#，。！？、；：,.!?;:「」“”]{2,30}"
_LEADING_TAGS = re.compile(rf"^(?:{_TAG}(?=[\s，、,])[\s，、,]*)+(?=\S)")
_TRAILING_TAGS = re.compile(rf"(?<=[。！？!?])\s*(?:{_TAG}(?=\s|$)\s*)+(?:Tags?\s*:.*)?$|\s*\bTags?\s*:\s*\d+\s+comments?\b.*$")
# a WeChat article's prompt over its text: “点击蓝字 关注我们 (probe-194)
_FOLLOW_PROMPT = re.compile(r"^[“\"]?\s*点击(?:上方)?蓝字\s*[，,]?\s*关注我们\s*")
# an ad business's keyword a mirror puts before the page's first line, spaced off: 四川資陽墻體廣告 據測算,… (probe-181)
_AD_KEYWORD = re.compile(r"(?m)^[\u4e00-\u9fff]{0,8}(?:墙体广告|墻體廣告|刷墙广告|墙体彩绘|墻體彩繪)\s+(?=\S)")


# a line's indentation that a wrong encoding turned into question marks: ????一批卫生大项目已开工建设
_LOST_INDENT = re.compile(r"(?m)^[?？]{2,}(?=\S)")
# Markdown's bold marks a page pasted as text: **成渝双城经济圈**是以重庆市和成都市为核心… (probe-443); not a paywall's
# masked digits, 需先登录**月**日 (hp-345, one character between)
_BOLD = re.compile(r"\*\*(?=\S)([^*\n]{2,200}?)(?<=\S)\*\*")
# An anti-scraping mirror's random run of ASCII opening each line before the text: ?8YbTn1f) 華中科技大學同濟醫學院…,
# lT_dzO 單位, mXI'=Vo!S 1955 年由上海…, x5b .^75p$ 同濟醫院… (probe-439): both cases of letters and a mark no word holds,
# with a digit or a second mark, or two marks no code holds (a model's name, GPT-4o, an app's, iOS/macOS, a ward's,
# A&E, a title's Dr.Wang's, have neither).
_SCRAMBLE_PREFIX = re.compile(r"^(?P<run>[!-~]{2,12}(?: [!-~]{1,12})?) +(?=[\u4e00-\u9fff\d])")
_WORDLESS_MARK = re.compile(r"[!\"#$&'()*,:;<=>?@\[\]^_`{|}~]")
_CODELESS_MARK = re.compile(r"[$^~|{}<>=!&#@\\`]")
_HAN_NUMBERED = re.compile(r"[一二三四五六七八九十]{1,3}、")


def _without_scramble_prefix(text: str) -> str:
    match = _SCRAMBLE_PREFIX.match(text)
    if not match:
        return text
    run = match["run"]
    if " " in run and not _WORDLESS_MARK.search(run.split(" ")[1]):
        run = run.split(" ")[0]  # (the number after it is the text's: }$#PIyz 2014 年門診量…)
    if re.fullmatch(r"[A-Za-z]{2,4}", run) and _HAN_NUMBERED.match(text, match.end()):
        return text[match.end():]  # (letters alone before a numbered heading: KJ 一、醫院簡介, probe-439; no word stands there)
    marks = len(_WORDLESS_MARK.findall(run))
    mixed = re.search("[a-z]", run) and re.search("[A-Z]", run) and marks and (re.search(r"[\d_]", run) or marks >= 2)
    if not mixed and len(_CODELESS_MARK.findall(run)) < 2:
        return text
    return text[len(run):].lstrip()


# Markup a page pasted as text still carries: an image element (<image>data:image/png;base64,…</image>),
# a tag, a tag the site escaped (\u003cdiv class=…\u003e), an image's file name (微信图片_20190906220058.jpg)
# (a spam mirror's own tags too: <menu id="e6yuu"></menu><rt id="e6yuu"></rt>)
# a journal database's mark before an abstract's first words (<正>4个一线城市全部加入…, probe-352)
_ABSTRACT_MARK = re.compile(r"<正>\s*")
_HTML = re.compile(r"<image>[^<]{0,4000}</image>|</?[A-Za-z][A-Za-z0-9]{0,10}(?:\s[^<>]{0,300})?/?>|\\u003c.{0,300}?\\u003e")
# (a CDN's name of hash and key runs past 60 characters: f046678a…f860_wKgEHmYdwemAa_iNAAOhLjEpoa8192.png, hp-451)
_IMAGE_FILE = re.compile(r"(?<![A-Za-z0-9_./-])(?:[\u4e00-\u9fff]{1,6}[_-])?[A-Za-z0-9_-]{1,100}\.(?i:jpe?g|png|gif|webp|bmp)(?![A-Za-z0-9])")
# a photo's credit left in the text after its caption, spaced off: …授牌仪式。人民网 陈博摄 人民网厦门6月24日电
_PHOTO_CREDIT = re.compile(r"(?<=[。！？\s])\s*[\u4e00-\u9fff]{1,8}(?:网|社|报|台)\s*(?:记者\s*)?[\u4e00-\u9fff·]{2,4}\s*摄(?=\s+\S)")
# a social post's link to what it quotes, closing it: …上海浦东生物医... 网页链接
_LINK_LABEL = re.compile(r"\s*网页链接\s*$", re.MULTILINE)
# a copying site's stamp glued before the story's dateline: its address, the day and a counter whose number
# was lost (52fw.cn 02-24 次遇见四川在线消息…, probe-259)
_SITE_STAMP = re.compile(rf"(?m)^(?:{_DOMAIN})\s+\d{{1,2}}-\d{{1,2}}\s*\d*\s*次(?:遇见|浏览|阅读|围观|查看)\s*(?=\S)")
# a site's prompts to scan its code, on the headline's line on either side of it (掃描二維碼訪問中評網移動版 林全新竹視察
# 臺灣光子源及“國家太空中心” 掃描二維碼訪問中評社微信, 中评社, probe-530: the headline lost with its line), in either script
_SCAN_PROMPT = re.compile(r"\s*(?:扫描|掃描|扫一扫|掃一掃)(?:二维码|二維碼)?(?:访问|訪問|关注|關注|下载|下載)[\u4e00-\u9fff]{1,10}?"
                          r"(?:移动版|移動版|手机版|手機版|微信|客户端|客戶端|(?i:app))\s*")
# a WeChat post's reprint note glued before its first words, closed by the cover picture's source and a space (本文来自微信公众号:
# 放大灯(ID: guokr233),作者:李拓,题图来自:图虫 美东时间2019年11月21日，…, probe-541: a teaser repeating the lead)
_REPRINT_NOTE = re.compile(r"^本文来自(?:微信)?公众号\s*[：:][^，。,\n]{1,40}[，,]\s*作者\s*[：:][^，。,\n]{1,20}[，,]\s*"
                           r"(?:题图|头图|封面)(?:来自|来源)\s*[：:]\s*[^\s，。,]{1,16}\s+(?=\S)")
# a closing tag that lost its < to a mirror's undecoded bytes, the run of ? and ! they left where the sentence's end
# mark stood: …中国民间文化艺术（剪纸）之乡?!?/p> (probe-548: closing the summary as 之乡？!?); the full stop back
_TAG_TAIL = re.compile(r"(?<=[\u4e00-\u9fff”」）)])[?？!！]{1,4}/(?:p|div|span|li|td|font|strong|b|h[1-6])>")
# a row of counters run into the text: 发布于：新闻转发：0回复：0喜欢：0蓝鲸财经…
_COUNTER_RUN = re.compile(r"(?:(?:转发|回复|喜欢|评论|点赞|收藏|阅读|浏览|分享)\s*[：:]\s*\d+\s*){2,}")


def strip_markup(text: str) -> str:
    """The text without Markdown images and HTML tags left in it, with link texts for links,
    without [1] marks and the footnotes after them, image file names, photo credits after their
    captions, a post's closing 网页链接, runs of counters, addresses and production credits in
    brackets, and without scattered anti-scraping symbols, a forum's jammer runs, a stock's
    quote after its code, a tag page's post fields or injected betting-site names."""
    if "◆" in text or "■" in text or "★" in text:
        text = _SCATTERED_SYMBOLS.sub("", text)
    if text.count(" ") >= MIN_JAMMER_SPACES and _JAMMER_RUN.search(text):
        text = _without_jammer(text)
    if ("分钟" in text or "分鐘" in text or "不包" in text) and _QUOTE_DELAY.search(text):
        text = _QUOTE_DELAY.sub("", text)
    if ("图" in text or "圖" in text) and _LEAD_PHOTO.search(text):
        text = _LEAD_PHOTO.sub("", text)
    if "%" in text and _QUOTE_AFTER_CODE.search(text):
        text = _QUOTE_AFTER_CODE.sub("", text)
    if "于" in text and _POST_FIELDS.search(text):
        text = _POST_FIELDS.sub(" ", text)
    if "官" in text or "登录入口" in text:
        text = _INJECTED_BRAND.sub("", text)
    if "/" in text and ">" in text:
        text = _TAG_TAIL.sub("。", text)
    if "<" in text or "\\u003c" in text:
        text = _HTML.sub("", _ABSTRACT_MARK.sub("", text))
    if "." in text:
        text = _IMAGE_FILE.sub("", text)
    if ":" in text or "：" in text:
        text = _COUNTER_RUN.sub("", _AD_PREFIX.sub("", text))
    if "?" in text or "？" in text:
        text = _LOST_INDENT.sub("", text)
    if "**" in text:
        text = _BOLD.sub(r"\1", text)
    if text[:1].isascii() and text[:1] > " ":
        text = _without_scramble_prefix(text)
    if "#" in text:
        text = _TRAILING_TAGS.sub("", _LEADING_TAGS.sub("", text))
    if ("二维码" in text or "二維碼" in text or "扫一扫" in text or "掃一掃" in text) and _SCAN_PROMPT.search(text):
        text = _SCAN_PROMPT.sub(" ", text).strip()
    if text.startswith("本文来自"):
        text = _REPRINT_NOTE.sub("", text)
    if "蓝字" in text:
        text = _FOLLOW_PROMPT.sub("", text)
    if "广告" in text or "廣告" in text or "彩" in text:
        text = _AD_KEYWORD.sub("", text)
    if "摄" in text:
        text = _PHOTO_CREDIT.sub("", text)
    if "网页链接" in text:
        text = _LINK_LABEL.sub("", text)
    if "次" in text and "." in text:
        text = _SITE_STAMP.sub("", text)
    if "（" in text or "(" in text:
        text = _BRACKETED.sub("", text)
    if "[" not in text:
        return text
    if "]." in text or "]．" in text:
        text = _CITATION.sub("", text)
    return _REFERENCES.sub("", _LINK.sub(r"\1", _IMAGE.sub("", text)))


# ----------------------------------------------------------------------------- spam

_SPAM = re.compile(
    r"送彩金|百家乐|六合彩|时时彩|真人娱乐|娱乐场官[网方]|博彩(?:网站|平台|官网)|澳门(?:赌场|葡京|威尼斯人)|赌场|棋牌游戏"
    r"|代开(?:增值税)?发票|办假证|办证刻章|代孕|延时喷剂|性功能(?:保健|药)|看片|成人(?:网站|视频|电影)"
    # words that are bait in an ad and plain medicine in a drug approval (…气雾剂，适用于治疗成年男性原发性
    # 早泄，注册分类属化学药品3类): spam only beside an ad's cue (老公阳痿www.…, 早泄怎么办, 丰胸哪家好)
    r"|(?:老公|老婆|男人)(?:阳痿|早泄)|(?:阳痿|早泄|壮阳|伟哥|丰胸|包皮)(?=[^。！？；\n]{0,12}?(?:www\.|https?://|\.com|\.cn|哪家|怎么|多少钱|最好|偏方|秘方|专科|咨询|电话|微信|(?i:qq)|医院|$))"
    r"|黄色(?:网站|视频)|一夜情|约炮|小姐上门|裸聊|信用卡套现|网贷口子|刷单|网站建设|网站优化|(?<![A-Za-z])(?i:seo)(?![A-Za-z])|关键词排名|整站优化"
    r"|快速排名|外链代发|私服|外挂|代写论文|论文代发|加(?:微信|微|VX|vx|V信|QQ|扣扣)\s*[：:]?\s*[A-Za-z0-9_-]{5,}"
    # (a porn site's list over a copied story, its first item closed by a full stop: 中文字幕一级黄色A级片|免费特级毛片。…, probe-474)
    # (not 三级片段, a spam word glued to hp-364's headline that the headline finder cuts off, nor a plan's A级片区)
    r"|(?<![A-Za-z])[Aa]级片(?!区)|一级黄色|毛片"
    r"|在线观看|免费观看|免费播放|无遮挡|黄色片|国产精品|久久久|亚洲乱|一区二区|(?<![A-Za-z])(?i:av)(?![A-Za-z])|无码|高清无"
    # a porn site's name and its address between 一一 marks before a copied story (中文字幕最新在线专区高清::[一一91pio.com一一]
    # 2月22日，天津，…, probe-539); a Mark Six site's bait (香港正版免费图库大全, probe-537: the page's title)
    r"|(?:中文字幕)?(?:在线|最新|无码|高清)+专区|[\[［【]一一[^\]］】\s]{2,30}一一[\]］】]|正版(?:免费)?图库|(?:香港|澳门|新澳)(?:正版|免费)*资料大全"
    r"|新?澳彩|开奖(?:记录|结果|直播|号码)|彩票(?:网|平台|官网|走势)|蜜桃|成人(?:一区|二区|视频|网站|影院)"
    r"|(?:QQ|qq|微信|电话|手机|热线)\s*[：:]?\s*\d{5,}|(?<!\d)1[3-9]\d{9}(?!\d)"
    r"|[A-Za-z0-9-]+\.(?i:cc|vip|xyz|top|bet|app|club|wang|live)\b|免费污"
    # a betting brand over the story: 365bet最新备用_中爱365APP_365heart (wp-093)
    r"|(?i:365bet|bet365)"
    # a gambling brand glued to the end of a real sentence: …交互或共同流行的风险。彩神平台注册登录
    rf"|彩神|(?:平台|官网)注册登录(?![\u4e00-\u9fff])|{_BRAND_CODE}"
    # a gossip site's bait pasted above a story: 近年来，娱乐圈频频出现“吃瓜黑料”的现象… (probe-190)
    r"|吃瓜黑料|黑料(?:网|社|不打烊|正能量|吃瓜)|吃瓜(?:网|群众网)"
    # a sex-service site's names glued to a feature's lines (上海龙凤阿拉后花园, 上海花千坊龙凤, 上海龙凤419杨浦, probe-230/231;
    # not 龙凤呈祥, 龙凤胎, 大庆龙凤区)
    r"|[\u4e00-\u9fff]{2}龙凤(?=419|阿拉|后花园|论坛|楼凤|\s*■)|花千坊|阿拉后花园|楼凤"
    # and a tea-house's, between a feature's bullets (夜上海最新论坛 - 中试转化…, 上海品茶网 2. 苏州-嘉兴…, probe-396;
    # not 品茶 at a tea fair)
    r"|品茶网|夜上海(?:最新)?论坛"
    # kana: a Japanese novel pasted into a Chinese page to fool a search engine (ある日僕は学校から…)
    r"|[\u3041-\u3096\u30a1-\u30fa]{3,}"
    # a cloaking key glued into the text: QOrRLA-V2cM2Ipw9TnX38M0FaJTR (long, upper, lower and digits mixed)
    r"|(?<![A-Za-z0-9])(?=[A-Za-z0-9-]{20})(?=[A-Za-z0-9-]{0,40}[a-z][A-Za-z0-9-]{0,40}[A-Z])(?=[A-Za-z0-9-]{0,40}[0-9])"
    r"(?=[A-Za-z0-9-]{0,40}[A-Z][A-Za-z0-9-]{0,40}[a-z])[A-Za-z0-9]{6,}(?:-[A-Za-z0-9]{6,})+"
)
# An address in the middle of Chinese text: injected links (阳痿www.xxx.com, 网站建设-www.xxx.cn)
_INLINE_WWW = re.compile(r"(?:https?://|www\.)[A-Za-z0-9.-]+\.[a-z]{2,6}\S*", re.IGNORECASE)
MAX_SPAM_LINE = 60
MAX_LINK_LABEL = 24  # characters beside an address on a line of its own


SPAM_START = _SPAM  # where an ad glued to a real line begins


def is_spam(text: str) -> bool:
    """(A paragraph's answer is remembered: the cleaner asks of it both as a line and as text to
    clean, and the pattern is the costliest one read over every paragraph. A longer text, a page
    on one line, is not kept in memory.)"""
    return _remembered_spam(text) if len(text) <= MAX_REMEMBERED_SPAM else bool(_SPAM.search(text))


MAX_REMEMBERED_SPAM = 4000  # characters


@lru_cache(maxsize=1024)
def _remembered_spam(text: str) -> bool:
    return bool(_SPAM.search(text))


# the provinces and regions, as a page names them alone (北京 / 上海两地…, 北京 2024-05-11): a place, never a person
PROVINCES = ("北京|天津|上海|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|海南|四川|贵州"
             "|云南|陕西|甘肃|青海|内蒙古|广西|西藏|宁夏|新疆|香港|澳门|台湾")
_PLACE_NAME = re.compile(rf"^(?:{PROVINCES})$|[省市县区州镇乡村]$")


def is_place_name(name: str) -> bool:
    return bool(_PLACE_NAME.search(name))


# A spun copy (伪原创): a tool swapped each word for a "synonym", character by character, so the page reads 年夜湾区
# for 大湾区, 回回故国 for 回归祖国, 平易近族 for 民族, 当作就 for 成就, 客不雅 for 客观, 师长教师 for 先生 (probe-294, 300):
# words no writer uses (not 年夜饭, 大年夜, 平易近人, 不雅观). A page with MIN_SPUN_KINDS of them, MIN_SURELY_SPUN of those
# never written by a person, is unreadable whole.
_SURELY_SPUN = re.compile(r"(?<![大除过守吃团])年夜(?![饭里晚])|本家儿|不雅(?:察|点|众|念|测)"
                          r"|(?:客|宏|微|主|乐|悲|直|壮)不雅|平易近(?!人)|标的目的|师长教师|体系体例|回回故国|练习近平"
                          # another tool's: 扳谈 for 攀谈, 不雅观众 for 观众, 配景的差别 for 背景的差别 (probe-316)
                          r"|扳谈|不雅观众|配景(?=的?(?:差别|差异|不同))"
                          # and 迷信院 for 科学院, 留念病院 for 纪念医院 (中山年夜学孙逸仙留念病院, 中国迷信院院士, probe-438)
                          r"|迷信(?:院|界)|留念病院")
# the tool's for 成就, 成长, 成果, 图形成, 测试 — which a writer may say too: 把创业当作就业的出路, 把…当作长期任务,
# 把卫星图形当作输入, 此前的测验考试中
_MAYBE_SPUN = re.compile(r"当作(?:就|长|果)|形当作|测验考试")
MIN_SPUN_KINDS = 3
MIN_SURELY_SPUN = 2


def is_spun(texts: list[str]) -> bool:
    """A page whose lines hold MIN_SPUN_KINDS different words of a spinning tool, MIN_SURELY_SPUN of them
    words no writer uses."""
    surely: set[str] = set()
    maybe: set[str] = set()
    for text in texts:
        surely.update(_SURELY_SPUN.findall(text))
        maybe.update(_MAYBE_SPUN.findall(text))
        if len(surely) >= MIN_SURELY_SPUN and len(surely) + len(maybe) >= MIN_SPUN_KINDS:
            return True
    return False


def without_spam(paragraph: str) -> str:
    """The paragraph with every spam sentence taken out ("" when it was all spam)."""
    if not is_spam(paragraph) and not (_INLINE_WWW.search(paragraph) and len(paragraph) <= MAX_SPAM_LINE):
        return paragraph
    return "".join(s for s in split_sentences(paragraph) if not _SPAM.search(s) and not _spam_link(s)).strip()


# a group photo's caption pasted into a paragraph as a sentence: 澳門中聯辦宣文部部長萬速成(左一),…溫能漢(右一)在廣州日報社
# 澳門記者站揭牌儀式上合影。 / 廣州日報社社長江永忠,澳門日報社社長陸波在…揭牌儀式上合影。 (probe-290, a forum's copy of a
# photo story): who stands where, at what — the caption's, not the story's (a story's 合影留念，喊响… goes on to say more).
# The bare `…在…上合影。` is a caption only beside one that says who stands where: alone it is the story's
# (活动结束后，全体参会人员在纪念碑前合影。)
_PLACED_GROUP_PHOTO = re.compile(r"[（(](?:左|右|中)[一二三四五六七八九十\d]?[）)][^。！？]*合影(?:留念)?[。！]?$")
_GROUP_PHOTO_AT = re.compile(r"在[^。！？，]{2,40}合影(?:留念)?[。！]?$")


def without_group_photos(paragraph: str) -> str:
    """The paragraph without the sentences that caption a group photo."""
    if "合影" not in paragraph:
        return paragraph
    sentences = split_sentences(paragraph)
    if not any(_PLACED_GROUP_PHOTO.search(s) for s in sentences):
        return paragraph
    return "".join(s for s in sentences if not _PLACED_GROUP_PHOTO.search(s) and not _GROUP_PHOTO_AT.search(s)).strip()


def _spam_link(sentence: str) -> bool:
    """A short sentence built around a web address is an ad, not news."""
    return len(sentence) <= MAX_SPAM_LINE and bool(_INLINE_WWW.search(sentence))


# ----------------------------------------------------------------------------- whole lines

_RELATED = re.compile(
    r"^[【\[]?(?:相关(?:文章|阅读|新闻|链接|报道|推荐|专题|稿件|内容)|延伸阅读|推荐阅读|新闻推荐|为你推荐|热门(?:文章|推荐|新闻|排行)|猜你喜欢"
    # (a box's label too: 視頻更 多 over the video box's headlines, probe-362)
    r"|(?:视频|图片|图集|评论|来论|论坛)?\s*更\s*多(?:精彩|内容|新闻|阅读|报道|视频)?(?=[】\]]?$)|更多(?:精彩|内容|新闻|阅读|报道)|视频$|往期(?:回顾|推荐)|热点推荐|今日推荐|精彩推荐|热点新闻|最新(?:新闻|文章)|排行榜?|点击排行"
    # a blog's box of the site's hot posts (全站热搜, probe-169), a portal's 你可能还会想看 (probe-183)
    r"|全站热搜|你可能(?:还会|也会)?(?:想看|喜欢|感兴趣))"
    # (or glued to the first link's headline when that opens on its column's tag: 相關內容《大行》大摩更新石藥…, probe-266)
    r"[】\]]?(?:[：:\s《【]|$)"
)
_FURNITURE = re.compile(
    r"版权所有|版权归|版权声明|(?i:copyright|all rights reserved)|©|未经(?:书面)?(?:授权|许可)|不得转载|禁止转载"
    # (and a site's licences at its foot: 增值电信业务经营许可证:沪b2-2017116, wp-087)
    r"|转载请注明|ICP(?:备|证)|公网安备|(?:增值电信业务|网络文化|互联网新闻信息服务)(?:经营)?许可证|违法和不良信息举报|举报电话|网站地图|联系我们|关于我们|广告服务|投稿邮箱"
    r"|(?:下载|打开|安装)[^，。！]{0,12}(?:客户端|(?i:app))|(?i:app)下载|扫(?:码|描二维码|一扫)|长按(?:识别)?二维码"
    r"|关注[^，。！]{0,12}(?:公众号|微信号|视频号|官方微博)|点击(?:进入|查看|阅读|关注|下载|收听|播放|这里)"
    r"|^分享(?:到|至)?(?:[：:]|$|\s)|^[【\[]?(?:纠错|打印|关闭|收藏|返回)[】\]]|返回(?:顶部|首页|列表|前页|上一?页)|关闭窗口|打印本页"
    r"|^(?:阅读|查看)(?:原文|全文)|^更多\s*(?:>>|»|$)|字号\s*[：:]?\s*(?:大\s*中\s*小|T|默认|[大中小]|A)|^(?:上一篇|下一篇)[：:]"
    r"|^[（(]?原(?:标题|题目?|文标题)\s*[：:]|^正在阅读|^(?:即时|滚动|实时)新闻$|^(?:我要)?(?:评论|纠错|投稿|打印)$|^(?:手机|移动)版"
    # (the field in brackets too: a forum post's 【关键字】：… under its title, hp-473)
    r"|^[【\[]?(?:栏目|频道|分类|所属(?:地区|栏目|分类)|来源专题|所属专题|标签|关键[词字]|TAG|相关(?:企业|公司|股票|个股|概念|标签|话题))[】\]]?\s*[：:]|^【[^】]{1,20}】$|^[（(]?此件公开发布[）)]?$"
    # a gov 信息公开 page's table (索引号: | 3070…/2024… | 发布机构: | |), a forum's buttons (发新话题 回复该主题)
    r"|^(?:索\s*引\s*号|名\s*称|发布机构|生效日期|废止日期|文\s*号|所属主题|主题分类)\s*[：:]|发新话题|回复该主题|^只看楼主$"
    # a school's or an office's notice board: 發布單位:環安室衛生保健組 (hp-583, taken for the headline), in either script
    r"|^(?:发布单位|發布單位|發布機構)\s*[：:]"
    r"|本篇文章\d+字|读完约\d+分钟|阅读时长|^(?:地址|网址|链接|原文链接|本文链接)\s*[：:]\s*(?:https?://|www\.)|^导读[：:]?$|^正文$|^目录$"
    r"|\d+\s*(?:分钟|小时|天)前\s*$|^专栏名称[：:]|^[（(]?原载(?:于|自)?\s*《"
    r"|复制(?:以下|本文)?链接|发送给(?:好友|朋友)"
    r"|该文档总共\s*\d+\s*页|超出免费预览|(?:就|请)下载吧"
    # a document-sharing page: 上传人：wj 文档编号：…, 中国…办法.docx_第1页, 第1页 / 共27页; a hashtag alone (#TMHK20210929)
    r"|^上传(?:人|者|时间)\s*[：:]|文档编号\s*[：:]|\.(?i:docx?|pdf|pptx?|xlsx?|wps)_第\d+页$|^第\s*\d+\s*页\s*[/／]\s*共\s*\d+\s*页$|^#[^\s#]{2,40}$"
    # a video list's item: a headline, a bar, the channel's label and its hashtag (…撞断号志灯杆！|👉小编推新闻 20260312#shorts,
    # 民主国家不愿武装 正中侵略者下怀?|@华视三国演议 #shorts, probe-121)
    r"|[|｜][^|｜]{1,30}#[A-Za-z\u4e00-\u9fff][^\s#]{1,30}$"
    # a picture set's placeholder where the images were (打开文本图片集, b-0117) and a column's standing
    # note and source (摘录自联合报苗栗报导 / 本单元由编辑部摘录每日重要新闻，让读者能快速掌握…, c-0090)
    r"|^(?:打开文本图片集|点击查看大图)$|^本(?:单元|栏目|专栏)由编辑部|^摘[录錄]自[^，。！？\s]{2,20}$"
    r"|本文字数\s*[：:]\s*\d|^(?i:pages?)\s*[：:]\s*\d+(?:\s+\d+)*$|^(?:导语|提要|内容提要)[：:]?$|^发布于\s*[\u4e00-\u9fff]{2,8}$|手机(?:端|上)(?:查看|观看|阅读)"
    r"|(?i:open\s*/\s*close menu|skip to (?:main )?content|toggle navigation)"
    # (and the skip link in Chinese, a gov page's first line: 按 Enter 到主內容區 over its :::, wp-183; 跳到主要内容)
    r"|^(?i:按\s*enter\s*)?(?:到|跳到|跳至|跳转到?|前往)主要?内容(?:区块?|区域)?$"
    # a release's kind over it, the listing's label: 105年衛生福利部新聞 (an agency's year of releases, wp-183),
    # 景氣動向調查新聞稿 (wp-201); not a story's headline, which says what the release said
    r"|^\d{2,3}年[\u4e00-\u9fff]{2,12}新闻稿?$|^[\u4e00-\u9fff]{2,12}新闻稿$"
    # a logo's alt text on a line of its own where the picture was (衛福部LOGO, wp-183: glued to the lead's first words;
    # not news of a logo: 央视发布新LOGO)
    r"|^(?![^，]*(?:发布|启用|更换|换|征集|新|设计|亮相|曝光))[\u4e00-\u9fff]{1,10}\s*(?i:logo)$"
    # an English page's furniture on a line of its own (a slide-sharing site's Slides: / Advertisements /
    # Similar presentations, probe-161)
    r"|^(?i:slides?|advertisements?|similar presentations|related (?:posts|articles|presentations|videos)"
    r"|sponsored(?: content)?|loading\.*|share(?: this)?|print|comments?|read more|see also)\s*:?$"
    r"|^[\u4e00-\u9fff]{1,12}[〔［\[][12]\d{3}[〕］\]]\s*\d{1,4}\s*号$"
    # a bookmark prompt (设为书签Ctrl+D将本页面保存为书签…), a comment box (欢迎发表评论 取消回复), the
    # end of a feed (没有更多内容), an app's channel label (军事APP), a link's label (原文报道链接：https://…)
    r"|满18岁\s*(?:方可(?:浏览|进入|观看)|进入)|^(?:未满18岁|限制级|我同意)$|或不同意本条款"  # an age gate
    r"|设为(?:书签|首页)|保存为书签|加入收藏夹|(?i:ctrl\s*\+\s*d\b)|欢迎发表评论|取消回复|发表(?:您|你)的(?:评论|看法)|设为辩论话题|隐藏地址|^我要发布|推广服务$|登录后才(?:可以|能)(?:发布)?评论|(?:打开|进入|前往)[^，。！]{0,6}小程序|小程序[^，。！]{0,8}(?:评论|查看|阅读|观看)"
    # a machine-written note's disclaimer (以上内容为证券之星据公开信息整理，由AI算法生成（网信算备…号），不构成投资建议)
    r"|不构成(?:任何)?投资建议|^以上内容[^。]{0,30}(?:整理|生成|提供)|网信算备|(?:市场|股市|投资)有风险[，,\s]*(?:投资|入市)需谨慎"
    # a browser warning (我们并不支援你正使用的浏览器, 为达至最佳浏览效果 请更新至最新的浏览器版本)
    # — said to the reader, so browser news stays (谷歌更新Chrome浏览器, 新版系统支持国产浏览器)
    r"|(?:不|无法|未能)(?:支援|支持|兼容)(?:你|您)?(?:正在?|目前)?使用的浏览器|请[^，。]{0,6}(?:更新|升级|更换)[^，。]{0,10}浏览器"
    r"|(?:更新|升级)(?:至|到)最新(?:版本)?的?浏览器|最佳浏览效果|浏览器版本过低"
    r"|^(?:没有更多(?:内容|数据|了)?|加载更多|暂无(?:评论|更多))$|^[\u4e00-\u9fff]{1,8}\s*(?i:app)$"
    r"|(?:地址|网址|链接|出处)\s*[：:]\s*(?:https?://|www\.)"
    r"|^(?:本文|文章|稿件)?(?:来源|转自)[：:][^。]*(?:网站|公众号|客户端)[）)]?$"
    # the editor's note under a headline a letter or a speech did not have: *标题由编辑所加, （标题为编者所加）
    r"|^[*＊（(]?\s*(?:本文)?(?:标题|题目)(?:为|系|由)?(?:编者|编辑)所?(?:加|拟)[）)]?$"
    # an image's alt text or an icon's name left as a line (big screen image small screen image, probe-184;
    # arrow, probe-169), a template's markers (The Beginning / THE END, probe-203), a blog post's footer
    # (MINT'S SKY 发表在 痞客邦 留言(0) 人气(), probe-169), a text-message subscription (移动用户编辑短信CD到
    # 106580009009，即可免费订阅30天中国日报双语手机报, probe-200), a citation box (※ 标题, 出处, https://…
    # (最后浏览日:2026/01/20) / 引注此篇文章) and a project's note (本文为「经济部产业技术司科技专案成果」, probe-183)
    r"|^(?i:(?:[a-z]+\s+){0,3}(?:image|icon|logo|banner|arrow)s?(?:\s+|$))+$|^(?i:the beginning|the end)$"
    r"|发表在\s*\S{1,12}\s*(?:留言|评论)\s*[（(]\s*\d*\s*[）)]|(?:编辑|发送)短信[^，。]{0,12}到\s*\d{4,}|订阅[^，。]{0,16}手机报"
    r"|^引注此篇文章$|^本文(?:为|系)「[^」]{2,30}」$"
    # a telephone number on a line of its own, over the story (020-29820-234, probe-238), a notice's bare label
    # (温馨提示：, the notice under it is the site's: probe-211)
    r"|^(?:(?:电话|热线|咨询电话|联系电话|服务热线|客服|(?i:tel))\s*[：:]?\s*)?(?:[（(]?0\d{2,3}[）)]?|400|800)[-—\s]\d{3,8}(?:[-—\s]\d{1,8})?$"
    r"|^温馨提示\s*[：:]?$"
    # a column's sign-off to its reader: 央视网《联播+》特梳理总书记关于…的要求，与您一同学习。 (probe-250)
    r"|[，,]\s*与(?:您|你)一(?:同|起)(?:学习|分享|回顾)[。！!]?$"
    # a site's note that its readers posted what it shows: 注意：本站部分文字内容、图片由网友投稿，如侵权请联系删除，
    # 联系邮箱：… (probe-275)
    r"|本站部分(?:文字)?内容|^(?:注意[：:])?本站.{0,12}(?:由|系)网友(?:投稿|上传)|如(?:有)?侵权[^，。]{0,4}联系(?:删除|本站|我们)|侵删"
    # a flipbook's page label (Page 77 - 《图解湾区纲要》2022 / P. 77, probe-314), a WeChat column's count of its posts
    # (“这是价值事务所的第1955篇原创文章”, probe-321), a programme's credit and its call for comments (由《直播港澳台》团队
    # 出品 / 参与评论请在新浪微博@直新闻, probe-315), a paper's note where it was printed (（全文刊登于《城市规划学刊》2020年第4期）,
    # probe-324), a broadcaster's promo closing on its call to watch (…推出《…特别报道》，敬请收看。, probe-325)
    r"|^(?i:page)\s*\d{1,4}\s*[-–—]\s*\S|^(?i:p)\.\s*\d{1,4}$|^[“\"]?这是[^，。！？“”]{1,20}的第\s*\d+\s*篇(?:原创)?(?:文章|推送)[”\"]?$"
    r"|^由《[^》]{1,20}》[^，。！？]{0,6}出品$|^参与(?:评论|讨论|互动)请"
    # a news site's comment count under the story (參與互動(0) | 【編輯:吳歆】 |, chinanews, wp-135) and an in-body ad slot's
    # marker (我是廣告 請繼續往下閱讀, ETtoday, wp-128)
    r"|^参与互动\s*[（(]\d+[)）]|^我是广告\s*请继续往下阅读"
    # a share bar of one word and each network's name, run together (分享到Facebook分享到LINE分享到Twitter分享到Wechat, probe-309)
    r"|^(?:分享(?:到|至)\s*(?i:facebook|line|twitter|x|wechat|weibo|whatsapp|telegram|plurk|email|微信|微博|qq|qq空间|朋友圈)\s*){2,}$"
    # a site's search box and its hot words (搜全站 热搜: LED LED照明 led展…, probe-347); a template's contact card
    # (邮箱:admin@youweb.com / 手机:13800000000 / 地址:广东省广州市天河区88号 over a copied story, probe-336): a label and
    # an address with no clause of its own
    r"|^搜(?:全站|索)\s*热搜\s*[：:]|^(?:当前)?热搜\s*[：:]|^(?:联系)?地址\s*[：:]\s*[^，。；！？,;:：\s]{4,40}$"
    r"|^(?:电子)?(?:邮箱|信箱|(?i:e-?mail))\s*[：:]\s*\S+@\S+$"
    r"|^[（(](?:全文|本文|原文)(?:刊登|刊发|刊载|发表|载)(?:于|在)《[^》]{2,20}》[^）)]{0,16}[）)]$|[，,]\s*敬请(?:收看|收听|垂注)[。！!]?$"
    # a browser notice that the page needs scripts (您的浏览器不支援 JavaScript 功能，可能会造成部分网页功能无法正常使用, probe-413),
    # a forum post's header, the poster's masked name and count of posts (f**********a 发帖数: 72 | 1, probe-393), a
    # magazine site's teaser cut at its paywall (今年第四届“成都(试读)..., probe-409), a feature's note of its own length
    # ((全文共计3870字，含56组数据、22个企业案例…), probe-396), a video transcript's speaker label (【同期】香港特区政府医务卫生局
    # 局长 卢宠茂, probe-424: the speaker is the title's; what he says follows)
    r"|(?:不|无法|未能)(?:支援|支持)\s*(?i:javascript)|(?:开启|启用)[^，。]{0,6}(?i:javascript)"
    r"|^\S{1,30}\s+发帖数\s*[：:]\s*\d+|[（(]试读[）)]\s*(?:\.{2,}|…+)?$|^[（(]全文共计\s*\d+\s*字|^【同期声?】[^。！？]{0,30}$"
    # a journal database's note on the day it put the paper online, its page count and the paper's pages under the abstract
    # (2018-10-31（万方平台首次上网日期，不代表论文的发表时间） / 共2页 / 50-51, probe-471: glued to the summary's end)
    r"|首次上网日期|^共\s*\d{1,4}\s*页$|^\d{1,4}\s*[-–]\s*\d{1,4}$"
    # a picture's name left where it stood, a time stamp of ten digits or more (1732261265859, probe-536: glued to the
    # paragraph under it); a Q&A site's label over its doctor (參與醫生, probe-524)
    r"|^\d{10,}$|^(?:参与|回答|解答|答疑|审核|审稿|讲解)(?:医生|专家|医师)\s*[：:]?$"
    # a content farm's greeting over what it copied: 今天神州网小怡分享福建漳浦剪纸「浦江剪纸」一文，希望对您有帮助。
    # (probe-546: opening the summary); a newsletter's consent line: 订阅即表示你同意SBS的服务使用条款私隐保障政策，包括
    # 接收来自SBS的电子邮件通讯。 (probe-554: closing it) — said to the reader, so a story on a policy or a mail stays
    r"|^今天[^，。！？]{1,16}(?:分享|整理|介绍)[^。！？]{1,60}(?:一文|文章)[，,]\s*希望(?:对|能)(?:您|你|大家)"
    r"|(?:订阅|注册|登录|登入)(?:即|即表示|就表示|代表)(?:您|你)?(?:已)?(?:同意|接受)|接收来自[^，。！？]{1,20}的电子邮件"
    # (and its pitch over it: 订阅SBS中文电子报，接收最新新闻资讯。 / 立即订阅SBS中文电子报, a line of it alone)
    r"|^(?:立即|马上|免费)?订阅[^，。！？]{1,20}电子(?:报|邮件|杂志)(?:[，,]\s*(?:接收|获取|收到)[^，。！？]{1,20})?[。！!]?$"
)
# An aggregator's template around what it copied, however long the line (虽然这篇…乡民发文没有被收入到精华区：…
# 我们另外找到其它相关的精选爆赞文章 / 在 …中有9篇Facebook贴文，粉丝数超过0的网红，… / …在 Facebook 的最佳贴文, probe-217)
_AGGREGATOR = re.compile(r"没有被收入到精华区|精选爆赞文章|中有\d+篇(?i:facebook|instagram|youtube)(?:贴文|影片)|粉丝数超过\d+的网红"
                         r"|在\s*(?i:facebook|instagram|youtube)\s*的最佳(?:贴文|影片)")
MAX_AGGREGATOR_LINE = 400
# Words that a bar of page furniture is made of: a line of nothing but these is furniture.
_FURNITURE_WORDS = frozenset(
    "分享 分享到 分享至 打印 关闭 收藏 评论 点赞 纠错 返回 顶部 字号 默认 超大 大 中 小 标准 放大 缩小 "
    "A+ A- T 微信 微博 QQ QQ空间 朋友圈 空间 复制链接 链接 扫一扫 手机看 手机版 客户端 APP 订阅 关注 "
    "举报 相关 下载资源 资源描述 登录 注册 首页 正在阅读 即时新闻 新闻 更多 推荐 × x X 繁体 简体 繁 简 无障碍 长者模式 "
    "保存 下载 字体 背景色 我要 投稿 转发 赞 踩 全文 阅读 原文 打印纸张 字号选择 行高 带图打印 返回原文 收藏本站 设为首页 "
    # (a font-size bar in traditional script too: 字體：放大 還原 縮小, hp-371; an ad slot's label said twice
    # on a line, 廣告 廣告, probe-387)
    "字体大小 字号大小 还原 字體 字號 字體大小 字號大小 縮小 還原 默認 標準 广告 "
    # (中评社's bar: 【CNML格式】 【 】 【打 印】, its 打印 letter-spaced, probe-530: glued to the lead)
    "CNML格式".split()
)
# (a breadcrumb's label in the familiar 你 too: 你现在的位置: 首页Publications 第72期 – … 焦点澳门中医药发展前景广阔, ipim.gov.mo,
# hp-645)
_BREADCRUMB = re.compile(
    r"^(?:[您你](?:的|当前的|现在的|现在所在的|所在的)位置是?|当前位置|当前所在|所在位置|首页)\s*[：:>＞»/›]"
    r"|^\S{1,12}(?:\s*(?:>>?|＞|»|›|→)\s*\S{1,12}){2,}\s*$"
    r"|^\S{1,12}\s*(?:>>?|＞|»|›|→)\s*(?:正文|首页|\S{1,8}(?:频道|栏目|新闻|要闻|动态))\s*$"
    r"|^首页\s*[-－–—]\s*\S{2,8}(?:\s*[-－–—]\s*\S{2,8})*$"  # 首页-新闻资讯 (wp-148)
)
_END_MARK = re.compile(r"^[（(【\[]?(?:完|全文完|本文完|END)[）)】\]]?$", re.IGNORECASE)
_EDITOR = re.compile(
    r"^[（(【\[]?(?:(?:责任编辑|值班编辑|实习编辑|网络编辑|编辑|责编|校对|审核|审校|监制|统筹|制图|设计|终审|初审|二审|三审"
    r"|策划|出品|主编|编审|编校|[编編][辑輯]|[责責]任[编編][辑輯]"
    # any production role: 审编、美编、排版、签发、复审 … (one or two characters before 编/审/校 …)
    r"|[\u4e00-\u9fff]{0,4}(?:编辑|编|審|审核|审|校对|校|签发|排版|监制|制作)|编译者?|译者"
    r")\s*[：:/｜|丨]\s*[^：:]{0,16}?\s*)+[）)】\]]?$"
)
_SOURCE = re.compile(r"^[（(]?(?:文章|信息|稿件|本文|新闻)?(?:来源|[来來]源|转自|稿源|供稿|源自|(?:论坛)?出处)\s*[：:]\s*\S.{0,40}$")
_URL_ONLY = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
_COUNTER = re.compile(
    r"(?:阅读|浏览|点击|访问|播放|围观|评论|点赞|转发|收藏|赞)(?:量|数|次数|人数)?\s*[：:(（]?\s*\d[\d,.]*\s*[万wW千kK+]?\s*(?:次|人)?[)）]?"
    r"|\d[\d,.]*\s*[万wW千kK+]?\s*(?:人|次)(?:阅读|浏览|看过|参与|围观|点赞|已读)"
    r"|(?<![\d.])\d[\d,.]*\s*[万wW千kK+]?\s*(?:阅读|浏览)(?:量|数)?$"
)
# a post's counters under its headline: the channel, a heat in degrees and the comments (四川 75℃ 0, probe-258;
# not a weather line, which has a range: 北京 5℃~12℃)
_HEAT_COUNTER = re.compile(r"^[\u4e00-\u9fff]{2,6}\s*\d{1,7}\s*℃\s+\d{1,7}$")
# a post's view count beside the day it went up, under its headline: 417 5月14日 (智通财经, probe-284)
_COUNT_AND_DAY = re.compile(r"^\d{1,7}\s+\d{1,2}月\d{1,2}日$")
_DATE = r"(?:(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?|\d{1,2}月\d{1,2}日)"
_TIME = r"\d{1,2}[:：]\d{2}(?:[:：]\d{2})?"
_WEEKDAY = r"(?:星期|周|礼拜)[一二三四五六日天]"
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATE_TIME = re.compile(rf"(?:{_DATE}|(?<!\d)\d{{1,2}}-\d{{1,2}})\s*{_TIME}|\b{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}\b")
_DATELINE = re.compile(
    rf"^(?:(?:发布|更新|发表|录入|编辑|时间|日期|发布时间|发布日期|更新时间|来源时间)\s*[：:]?\s*)?[\[【（(]?\s*{_DATE}"
    rf"(?:\s*{_TIME})?(?:\s*{_WEEKDAY})?\s*[\]】）)]?\s*(?:{_WEEKDAY})?\s*[,，]?$"
    rf"|^{_TIME}$|^{_WEEKDAY}$"
    # an e-paper's field of the day without its year: 日期:10-21
    r"|^(?:日期|时间)\s*[：:]\s*\d{1,2}-\d{1,2}$"
    # a post's stamp with the hour after 上午 / 下午 and the unit that posted it (張貼.2013/08/14 上午 08:56:25 祕書室媒體公關組 .,
    # a university's news page, probe-529: glued between its headline and the lead)
    rf"|^(?:张贴|发布|发表|更新|上传)(?:时间|日期|于)?\s*[.．:：]?\s*{_DATE}\s*(?:[上下]午\s*)?{_TIME}(?:\s*[{_HAN}]{{1,20}})?[\s.．]*$"
    # a journal mirror's date with the authors' names run into it: 2022-03-01龚松柏, 2024-09-02 00:00:00宋杰; a
    # portal's date, author and source: 2020-01-07 佚名 国家卫健委网站 (hp-429); a view count glued to the source:
    # 2019-11-13 科技日報823 (probe-429)
    rf"|^(?:19|20)\d{{2}}[-/.]\d{{1,2}}[-/.]\d{{1,2}}(?:\s*{_TIME})?\s*[{_HAN}·]{{1,12}}(?:\s+[{_HAN}·]{{2,12}})?(?:\s*\d{{1,7}})?$"
)
_LAYOUT = re.compile(
    rf"^(?:{_DATE}\s*)?(?:[（(【\[]?\s*)?第?\s*(?:[A-Za-z]?\d{{1,3}}|[一二三四五六七八九十]{{1,3}})\s*版\s*(?:[（(][^）)]{{0,8}}[）)])?\s*[：:|｜]?\s*\S{{0,10}}\s*[）)】\]]?$"
    r"|^(?:版面|版次|版名)\s*[：:]|^(?:上一版|下一版|版面导航|本版责编|本版编辑)"
    # the page the reader is on: 当前版：02版 over the date and the title (天门日报, hp-464)
    r"|^当前版(?:面)?\s*[：:]\s*第?\s*[A-Za-z]?\d{1,3}\s*版?$"
    # an e-paper's column name: 潍坊新闻·焦点, 要闻·综合
    r"|^[\u4e00-\u9fff]{0,6}(?:新闻|要闻|时评|专刊|副刊|综合)·[\u4e00-\u9fff]{2,4}$"
    r"|^[（(]\s*[上下](?:接|转)\s*第?\s*[A-Za-z]?\d{1,3}\s*版\s*[）)]$"
    # (the year lost from the issue's date by a copying site: 《人民日报》（年12月08日13版）, probe-492)
    rf"|^《\s*[^《》]{{2,12}}\s*》\s*[（(]\s*(?:年\s*)?{_DATE}\s*(?:第\s*)?[A-Za-z]?\d{{1,3}}\s*版\s*[）)]$"
)
_CREDIT = re.compile(
    r"^[（(【\[]?\s*(?:(?:图|图片|摄影|摄|供图|制图|图文|视频)\s*[/／|｜：:]\s*(?:[A-Za-z]+(?: [A-Za-z]+){1,2}|\S{1,16})|\S{1,16}\s*[/／]\s*(?:图|摄|供图|图片)"
    r"|\S{0,16}供图|(?:\S{1,8}(?:社|网|报|台))\s*(?:记者\s*\S{2,4}\s*)?(?:发|摄)|资料图片?|资料照片"
    # a photographer's name alone under the caption (卢锦烈摄, probe-209), a WeChat post's 题图丨pixabay (probe-216)
    r"|[\u4e00-\u9fff·](?:\s?[\u4e00-\u9fff·]){1,3}\s*[/／]?\s*摄|(?:题图|头图|封面图?)\s*[丨|｜：:/／]\s*\S{1,20}"
    r"|图片来源\s*[：:]\s*\S{0,20}|图源\s*[：:]\s*\S{0,20}"
    r"|(?:新华社|中新社|视觉中国|东方IC|IC\s*(?i:photo)|图虫创意|人民视觉|CFP)\S{0,10})\s*[）)】\]]?$"
)
# a citation box's entry, longer than a line of furniture: ※ Me Too医疗器材上市前许可指引，资讯工业策进会科技法律
# 研究所，https://stli.iii.org.tw/…（最后浏览日：2026/01/20） (probe-183)
# an epigraph's source under the quote, on a line of its own: ——《论语·卫灵公》 (probe-434; left, it is glued to the
# story's first paragraph)
_EPIGRAPH_SOURCE = re.compile(r"^[—–]{1,2}\s*《[^《》]{2,24}》$")
# a WeChat post's contributors after a bar, on a line of their own: |中国科学院物理研究所 李存东 秦晓宇 成蒙 供稿 (probe-434)
_CONTRIBUTED = re.compile(r"^[|｜丨]?\s*[^。！？，；：|｜丨]{2,50}?\s*供稿$")
_CITATION_BOX = re.compile(r"^※[^。]{0,160}(?:https?://|www\.)|最后浏览日\s*[：:]\s*(?:19|20)\d{2}")
MAX_CITATION_LINE = 240
# a video's production credits, a role and its names a line (主播：欧阳晨雨 / 剪辑：柴枫桔 白凯 / 包装：刘雨薇 /
# 三维：向茂槐 杨希典, probe-179; _EDITOR has the editors' and producers' roles)
_VIDEO_CREDIT = re.compile(r"^(?:主播|剪辑|包装|三维|摄像|摄制|配音|后期|导演|文案|动画|动效|海报|航拍|调色|字幕|灯光|美术|视频|音频)"
                           r"\s*[：:]\s*[\u4e00-\u9fff·]{2,4}(?:[\s、，,]+[\u4e00-\u9fff·]{2,4}){0,5}$")
# a Q&A site's doctor under the question, the hospital, the spaced name and the title (中南大學湘雅醫院 唐勇軍 主任醫師, probe-524:
# glued to the answer's first words)
_DOCTOR_CREDIT = re.compile(r"^[\u4e00-\u9fff]{2,24}(?:医院|卫生院|医学院|大学|中心)(?:\s+[\u4e00-\u9fff]{2,10}科)?\s+[\u4e00-\u9fff·]{2,4}"
                            r"\s+(?:主任|副主任|主治|住院)?(?:医师|医生|教授|副教授|研究员|主任|护士长)$")
# an interview's credits, a role and a slash (主办/镜报基金, 主持/周伯展医生 镜报顾问, 访谈者/陈肇始 食物及卫生局局长, 视频播放/「镜新闻
# YouTube频道」、Facebook、微博, probe-457: the last taken for the title)
_ROLE_CREDIT = re.compile(r"^(?:主办|协办|主持|访谈者|受访者|嘉宾|视频播放|播出平台)\s*[/／]\s*[^。！？]{1,60}$")
# a WeChat copy's line of the paper's first author, 等, and the journal, under its date (2017-12-14 白莉华,等 中国医学伦理学,
# probe-478: glued into the abstract under it)
_AUTHOR_AND_JOURNAL = re.compile(rf"^(?:(?:19|20)\d{{2}}-\d{{1,2}}-\d{{1,2}}\s*)?[{_HAN}·]{{2,4}}\s*[,，]\s*等\s*[{_HAN}]{{2,16}}$")
# a photo's caption placing its people, with no sentence: 陈肇始局长（右）及周伯展医生（左） (probe-457)
_PLACED_PEOPLE = re.compile(r"^(?:[^。！？，；：]{1,20}[（(][左右中][一二三四五六七八九\d]?[）)]){2,4}$")
# a copy's reprint line naming the outlet and the day it ran the story: 参考消息网2026-03-04号报道 (probe-188),
# 中新网3月2日电, 环球网3月4日报道 (the headline is above it, or nowhere)
_REPRINT = re.compile(r"^[\u4e00-\u9fff]{2,10}(?:网|社|报|台|客户端)\s*(?:(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?"
                      r"|\d{1,2}月\d{1,2}日)\s*号?\s*(?:报道|消息|讯|电)$")
# an outlet's name in brackets on a line of its own, under a photo or a paragraph: （美国《美中报道》图片）
_BRACKETED_OUTLET = re.compile(r"^[（(][^（）()《》]{0,8}《[^《》]{2,12}》(?:图片|供图|报道|资料)?[）)]$")
# a wire dateline standing alone: 中央社／ 苗栗县9日电, 新华社北京11月25日电; an e-paper's masthead with
# the day of the issue: 人民日报海外版 2021年10月09日 星期六 (probe-209; not a notice's 天气预报10月9日)
_DATELINE_ALONE = re.compile(
    rf"^[{_HAN}A-Za-z]{{1,10}}(?:社|网|报|台)\s*[／/|｜]?\s*(?:记者\s*[{_HAN}·]{{2,4}}\s*)?[{_HAN}]{{2,6}}(?:\d{{1,2}}月)?\d{{1,2}}日电$"
    rf"|^[{_HAN}]{{2,10}}(?<![警预简喜通捷海汇情电])(?:报|刊)(?:[{_HAN}]{{1,3}}版)?\s*{_DATE}\s*(?:{_WEEKDAY})?$"
)
# a feature's title stated in its wire dateline: 中新网上海5月6日电 题:中国大陆第一台…上海光源迎用户开放15岁“生日”
# (the dateline alone, _DATELINE_ALONE, with 题: and the title after it; what stands above such a line is the page's)
_STATED_IN_DATELINE = re.compile(
    rf"^(?P<dateline>[{_HAN}]{{1,10}}(?:社|网|报|台)[{_HAN}]{{2,6}}(?:\d{{1,2}}月)?\d{{1,2}}日电)\s*题\s*[：:]\s*(?P<title>[^。]{{4,80}})$")


def stated_in_dateline(text: str) -> tuple[str, str]:
    """The wire dateline and the title it states (中新网上海5月6日电, 中国大陆第一台…), or two empty strings."""
    match = _STATED_IN_DATELINE.match(text)
    return (match["dateline"], match["title"].strip()) if match else ("", "")


# a full date after a few short labels or an outlet, and at most a number after it: 产业资讯 健康国策2050
# 2023-02-10 4594, 财经网 2024/09/09 (not a headline with a date in it: 2024年7月1日起 一批新规施行)
_FULL_DATE = re.compile(r"(?<!\d)(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?!\d)")
MAX_DATE_LABELS_LINE = 40
# the label under a picture: 高能同步辐射光源和多模态跨尺度生物医学成像设施效果图
_PICTURE_LABEL = re.compile(r"(?:效果图|示意图|规划图|设计图|鸟瞰图|航拍图|全景图|实景图|平面图|模拟图)$")
# (a picture's place on the page as its label: 顶图：第三届粤港澳大湾区主流媒体甘肃行启动, probe-293)
_CAPTION = re.compile(r"^(?:图为|图\s*[0-9一二三四五六七八九十]?\s*[：:]|[▲△↑↓▼◆]|上图|下图|左图|右图|组图|（图|\(图"
                      r"|(?:首|顶|头|尾)图\s*[：:])")
# a photo's caption on a line of its own: 这是9月30日在巴西里约热内卢拍摄的…里约换流站（无人机照片）, 这是1月23日
# 拍摄的建设中的河套深港科技创新合作区香港园区。 (the wire's form, even with its full stop); 从空中拍摄的上海65米射电
# 天文望远镜建设工地 (no sentence)
_PLACE = r"[（(](?:前排|后排)?(?:[左右][一二三四五六七八九十\d]{0,2}|中)[）)]"  # （右三）, （前排左五）, （中）
_PHOTO_CAPTION = re.compile(r"^这是[^，。！？；：]{0,40}(?:拍摄|航拍)的[^，。！？；：]{2,60}。?$|[（(](?:无人机|手机|航拍|资料)(?:照片|拍摄|图片?)[）)]$"
                            # the day the photo was taken in the caption's brackets: 空中俯瞰位于上海张江科学城的上海光源
                            # （2024年2月27日摄，无人机照片）。 (probe-249)
                            rf"|[（(]\s*{_DATE}\s*摄\s*(?:[，,]\s*(?:无人机|手机|航拍|资料)(?:照片|图片?)\s*)?[）)]。?$"
                            # a dated caption naming who stands where: 2024年4月6日，在…，团队成员朱健和（左）在和同事讨论…
                            # (probe-248, 249; a story's sentence names no one by the picture's left and right)
                            rf"|^{_DATE}[^。！？]{{0,12}}，[^。！？]{{4,120}}[（(](?:左|右|中|前排|后排)[一二三四五六七八九十\d]?[）)]"
                            # one sentence placing two people or more by where they stand: 卢宠茂（右三）与特区政府代表在
                            # 政府总部与赖志鸿（左三）及其率领的代表团举行会议。 (probe-490, over the story that says it again)
                            rf"|^[^。！？]{{2,40}}{_PLACE}[^。！？]{{2,60}}{_PLACE}[^。！？]{{0,60}}[。！]?$")
# a figure's or table's numbered label on a line of its own: 图1-4 长三角地区医药行业产业链 (probe-101), 表2 主要指标
_FIGURE_LABEL = re.compile(rf"^[图表]\s*\d{{1,2}}(?:\s*[-－.．]\s*\d{{1,2}})?\s*[{_HAN}][^。！？，；：]{{1,40}}$")
_PHOTO_LABEL = re.compile(r"^[^，。！？；：]{0,30}(?:拍摄|航拍|抓拍)的[^，。！？；：]{2,50}$"
                          # a group photo's short label under the picture: 参观留影, 集体合影, 合影留念 (probe-564: glued
                          # before the paragraph under it); no more than four characters before it, so a headline that
                          # names who posed with whom (习近平同代表们合影) is no label
                          r"|^[\u4e00-\u9fff]{0,4}(?:留影|合影)(?:留念)?$")
_OUTLET = re.compile(
    rf"^[{_HAN}A-Za-z]{{1,10}}(?:网|报|社|台|客户端|新闻|频道|日报|晚报|早报|时报|商报|在线|头条|视频|新闻网|电视台|广播)$"
)
# a word ending in 报 that names a kind of notice, not a paper: 热带气旋警报 is a headline (tune c-0119), so are
# 暴雨预报, 高考喜报, 情况通报
_NOTICE_WORD = re.compile(r"(?:警|预|简|喜|通|捷|海|汇|情|电)报$")
_OUTLETS = frozenset(
    "人民网 新华网 新华社 央视网 央视新闻 中国新闻网 中新网 光明网 中国网 环球网 澎湃新闻 界面新闻 第一财经 财新网 "
    "凤凰网 网易新闻 新浪新闻 搜狐新闻 腾讯新闻 今日头条 科技日报 人民日报 光明日报 经济日报 北京日报 解放日报 文汇报 "
    "南方日报 健康报 医药经济报 中国科学报 学习强国 千龙网 北青网 东方网 红网 大众网 央广网 国际在线 中国日报网".split()
)
# a mirror's outlet in English on a line of its own: People Daily over the lead (wn.com, probe-145)
_LATIN_OUTLET = re.compile(r"^(?:People'?s? Daily|Xinhua(?: News Agency)?|China Daily|Global Times|CGTN|China News Service"
                           r"|Guangming Daily|Economic Daily|Science and Technology Daily|South China Morning Post)(?: Online)?$",
                           re.IGNORECASE)
# 政策长文：开放变革、三个导向 迎接…: a word ending in 文 before a colon is a headline's label, not the
# byline's 文：张三 (which stands first, or after a space or a bar; 撰文：and 图文：are fields too)
_WORD_ENDING_IN_WEN = re.compile(rf"(?<=[{_HAN}])(?<![撰图])文\s*[：:]")
_BULLET = re.compile(r"^[•·▪●○◆◇■□►]\s*(?=\S.{4,})")  # a list mark before a line long enough to judge
# 作者：张三 / 文/图 金羊网记者 文聪 / 记者 张三 通讯员 李四 (a short line that ends in a name)
_BYLINE = re.compile(
    rf"^[（(]?(?:(?:作者|撰文|记者|通讯员)\s*[：:]\s*[{_HAN}·、， ]{{2,20}}"
    rf"|(?:文|图|文/图|图/文|文图|文字|摄影)?\s*[/｜|：:]?\s*[{_HAN}A-Za-z]{{0,12}}(?:记者|通讯员|特约撰稿人?)\s*[{_HAN}·]{{2,4}}"
    rf"(?:[ 、，]+[{_HAN}·]{{2,4}})*"
    # a Taiwan outlet's writer and where he wrote: 波新聞-林冬生/苗栗 (probe-309)
    rf"|[{_HAN}]{{1,6}}(?:新闻|新闻网|日报|时报|晚报|电视台?)\s*[-－–]\s*[{_HAN}·]{{2,4}}(?:[、，][{_HAN}·]{{2,4}})*\s*[/／]\s*[{_HAN}]{{2,4}}(?:报导|报道)?"
    # a portal's desk and its writers (or the place they wrote from): 即時中心／徐子為、黃彥翔報導 (hp-567, taken
    # for the headline), 社會中心/新北報導
    rf"|[{_HAN}]{{1,6}}中心\s*[/／]\s*[{_HAN}·]{{2,4}}(?:[、，][{_HAN}·]{{2,4}})*\s*(?:报导|报道|報導|報道)"
    # a blog's post line, its date read apart: 發表於 2019-03-19 / by Ernest Chiu (probe-312)
    r"|(?i:by)\s+[A-Z][A-Za-z.'-]*(?: [A-Z][A-Za-z.'-]*){0,3}"
    # a writer and the paper he wrote for (倪思潔/中國科學報, probe-386: taken for the headline)
    rf"|[{_HAN}·]{{2,4}}\s*[/／]\s*《?[{_HAN}]{{2,10}}(?:报|日报|网|社|杂志)》?"
    # the outlets, the writer and the place he wrote from (21世纪经济报道 21财经APP 卢常乐 上海报道, probe-399: the headline)
    # (normalizing drops the space between 报道 and 21)
    rf"|[{_HAN}A-Za-z0-9]{{2,12}}(?:\s*[{_HAN}A-Za-z0-9]{{2,12}}){{0,2}}\s+[{_HAN}·]{{2,4}}\s+(?:{PROVINCES}|[{_HAN}]{{1,4}}[市县区])(?:报道|报导)"
    r")[）)]?$"
)
# A credit inside a short line that is no sentence: 联合报／ 记者胡蓬生／苗栗即时报导,
# 央视新闻客户端 | 作者 万灵 宋小勇, （撰稿：劳程剑）, （资料图片仅供参考）, …医生（左） 图源：…
_CREDIT_INSIDE = re.compile(
    rf"(?:作者|撰稿|撰文|通讯员|记者)\s*[：:／/|｜]?\s*[{_HAN}·]{{2,4}}(?:[\s、，／/|｜）)]|$)"
    r"|图源\s*[：:]|图片来源|资料(?:图片?|照片)|[（(](?:撰稿|作者|文|摄影?)\s*[：:／/]|[／/]\s*(?:摄|图)(?:\s|$)|即时报[导道]$"
)
MAX_CREDIT_LINE = 40
# a page's weather box: 泰州 阵雨转多云18℃~11℃
_WEATHER_WIDGET = re.compile(r"-?\d{1,2}\s*[℃°]C?\s*[~～/-]\s*-?\d{1,2}\s*[℃°]")
_NAV_SEPARATORS = re.compile(r"\s*[|｜丨│¦•·]\s*|\s{2,}|\u3000+")
# a page's tags, a word each, spaced: 技工教育 技术技能人才 工匠精神 世界技能大赛 参赛选手
_TAGS = re.compile(rf"^(?:[{_HAN}]{{2,8}} ){{3,}}[{_HAN}]{{2,8}}$")
MAX_TAGS_LINE = 40  # characters: a longer line of spaced words is a flash that lost its punctuation, not tags
# a page's search keywords over its text, each phrase opening on the same place: 北京團體標準申請條件 北京團體標準申請
# 流程費用 北京認證機構 (probe-451, taken for the headline)
_SEARCH_KEYWORDS = re.compile(rf"^(?P<head>[{_HAN}]{{2}})[{_HAN}]{{3,12}}(?: (?P=head)[{_HAN}]{{3,12}}){{2,}}$")
MAX_KEYWORDS_LINE = 60


# A journal mirror (cnki, fx361, a 范文网) prints a paper's apparatus above its text, a line each:
# the issue (天津市教科院学报 2020年2期, 中国食品药品监管Issue(12):134-141), the authors with their
# affiliation marks (王忠海1*毛宗福1李滔2), the affiliations with their postcodes ((西南政法大学,重庆 401120),
# 1.华中科技大学同济医学院… 湖北武汉 430030, 1.2601 School of Demography,…), headed fields (基金项目：…,
# 作者简介：…, 中图分类号：…), the keywords (价格虚高；市场失灵；监管俘获), a reference ([J].).
_ISSUE = re.compile(r"^[\u4e00-\u9fffA-Za-z（）()·\s]{2,30}?\s*(?:19|20)\d{2}\s*年\s*第?\s*\d{1,3}\s*期$"
                    r"|Issue\s*[（(]\d{1,3}[）)]\s*[：:]\s*\d|^DOI\s*[：:]|\bDOI\s*[：:]?\s*10\.\d{4}")  # (DOI 10.6039/…, probe-418)
_APPARATUS_FIELD = re.compile(r"^[*＊]?\s*(?:基金项目|作者简介|通[信讯]作者|收稿日期|修回日期|中图分类号|文献标识码|文章编号|引用本文|复制引用"
                              r"|关\s*键\s*词|Key\s?words?|Abstract|作者信息)(?:\s*[：:]|$)|^[【\[]?摘\s*要[】\]]?$"
                              # the keywords with a space for their colon, no sentence (关键词 乡村人才振兴；农村职业教育；…, hp-459)
                              r"|^关\s*键\s*词\s+(?=\S)[^。！？]*$"
                              # …or in brackets: 【关键词】京津冀 高质量发展 【中图分类号】F20, [作者简介] 刘冬梅,…
                              r"|^[【\[](?:基金项目|作者简介|通[信讯]作者|收稿日期|中图分类号|文献标识码|文章编号|关\s*键\s*词)[】\]]"
                              # …or with a space for the colon: 中圖分類號 R951 文獻標志碼 A…, 關鍵詞 國家藥品質量通告制度;藥品質量
                              # (probe-418)
                              r"|^中图分类号\s+[A-Z]{1,2}\d|^关\s*键\s*词\s+[^。！？]{2,80}[;；]")
_POSTCODE = r"(?<![\d.．])[0-8]\d{5}(?![\d万亿元人个%.．])"
_INSTITUTION = r"大学|学院|研究院|研究所|中心|医院|学校|局|委员会|公司"
_AFFILIATION = re.compile(
    rf"[（(][^（）()]{{0,60}}?[{_HAN}][，,\s]*{_POSTCODE}\s*[）)][。.]?$"  # (西南政法大学,重庆 401120)
    rf"|(?:{_INSTITUTION})[^。！？]{{0,40}}?[{_HAN}][，,\s]*{_POSTCODE}(?=\s*$|\s*\d[.．])"  # …学院 湖北武汉 430030
    rf"|^\d{{1,2}}\s*[.．]?\s*\d{{4,6}}\s*(?:[A-Z][a-z]|[{_HAN}]{{2,8}}[省市])"  # 1.2601 School of…, 2.068250 河北省…
)
_MARKED_AUTHORS = re.compile(rf"^(?:[{_HAN}·](?:\s?[{_HAN}·]){{1,3}}\s*\d{{1,2}}\s*[*＊]?[\s,，、]*){{2,}}$")
_KEYWORDS = re.compile(rf"^[{_HAN}A-Za-z0-9]{{2,12}}(?:\s*[;；]\s*[{_HAN}A-Za-z0-9]{{2,12}}){{2,7}}[;；]?$"
                       r"|^[A-Za-z][A-Za-z -]{1,40}(?:/[A-Za-z][A-Za-z -]{1,40}){2,}$")
_REFERENCE = re.compile(r"\[[JMDCNRSPZ](?:/OL)?\]\s*[.．]")
MAX_APPARATUS_LINE = 300
_DIGIT = re.compile(r"\d")


def is_front_matter(text: str) -> bool:
    """A line of a journal paper's apparatus (a normalised line, stripped)."""
    if len(text) > MAX_APPARATUS_LINE:
        return False
    if _APPARATUS_FIELD.match(text) or ("[" in text and _REFERENCE.search(text)) \
            or (("；" in text or ";" in text or "/" in text) and _KEYWORDS.match(text)):
        return True
    if len(text) > 160 or not _DIGIT.search(text):  # (an issue, a postcode, an affiliation mark: all have digits)
        return False
    if _AFFILIATION.search(text):
        return True
    return not _ends_sentence(text) and bool(_ISSUE.search(text) or _MARKED_AUTHORS.match(text))



# a platform's disclaimer, however long: 特别声明：以上内容…为自媒体平台“网易号”用户上传并发布
_DISCLAIMER = re.compile(r"^[【\[]?(?:特别声明|免责声明|版权声明|声明)[】\]]?\s*[：:]?.{0,300}(?:观点|立场|信息存储|转载|版权|责任|无关)")


_KANA = re.compile(r"[\u3040-\u309f\u30a0-\u30ff]")
MIN_KANA = 20  # kana on a line: more is no Japanese name or quoted word in a Chinese story
KANA_SHARE = 0.2  # of a long paragraph (probe-026: 0.27): a Chinese story quoting a Japanese title stays


# Notices of any length that are the site's, not the story's: a Taiwan portal's age-rating note (根據「電腦網路內容分級處理辦法」
# 修正條文第六條第三款規定，已於網站首頁或各該限制級網頁，依台灣網站分級推廣基金會規定作標示。…, probe-034) and a document
# site's line about its upload (《….docx》由会员分享，可在线阅读，更多相关《…》请在冰豆网上搜索。, probe-342)
_SITE_NOTICE = re.compile(r"网路内容分级处理办法|网站分级推广基金会|由会员分享[，,]\s*可在线阅读|更多相关《[^》]{1,120}》请在\S{1,10}上搜索"
                          # a portal's call for tips and its note on readers' comments under a copied story (想爆料？请登录《阳光连线》、
                          # 拨打新闻热线…提供新闻线索。齐鲁网广告热线…, 网友评论仅供网友表达个人看法…, probe-475)
                          r"|^想爆料|网友评论仅供网友表达个人看法"
                          # a video player's messages left as lines when its video did not load (Video Player is loading. / This is a
                          # modal window. / The media could not be loaded, either because…, probe-455)
                          r"|^(?i:video player is loading|this is a modal window|the media could not be loaded|beginning of dialog window"
                          r"|end of dialog window|current time \d|duration \d|remaining time -?\d)")
MAX_SITE_NOTICE = 300
# A portal's tagline, a line of nothing but what it serves (每日最新頭條.有趣資訊 over the headline, hp-558; 实时新闻 · 热门资讯):
# phrases of an adjective and a kind of news, in either script (the finder reads a page before it is converted)
_TAGLINE_PHRASE = (r"(?:每日|每天|天天|[即实實][时時]|24小[时時])?(?:最新|最[热熱]|[热熱][门門]|精彩|有趣|好看|[独獨]家|[权權]威)?"
                   r"(?:[头頭][条條]|[资資][讯訊]|新[闻聞]|快[讯訊]|[热熱]点|[热熱]點)")
_TAGLINE = re.compile(rf"^{_TAGLINE_PHRASE}(?:(?:\s*[.．·・|｜、，,]\s*|\s+){_TAGLINE_PHRASE})+$")
# a caption under its ▲, longer than a line of furniture (▲ 香港医管局提供的月薪，普通驻院医生(Resident)为 72,824~147,649
# 港元；副顾问医生…的为 151,372~174,399 港元。, probe-421: glued into the summary)
_MARKED_CAPTION = re.compile(r"^[▲△]\s*\S")
MAX_MARKED_CAPTION = 160
# a crawler's stamp before a page's first line ( date 2020-07 【有線新聞】, probe-364; date 2026-02-19 為達最佳瀏覽效果…)
# (normalizing drops the space between its day and a Chinese line: date 2025-12-27即時中心／…, hp-567)
_DATE_STAMP = re.compile(r"^date\s+(?:19|20)\d{2}-\d{1,2}(?:-\d{1,2})?(?!\d)\s*")


def line_kind(line: str) -> str | None:
    """The kind of page furniture the whole line is (one of KINDS), or None when it is text.

    The patterns are spelled in simplified script, and a traditional page is read before it is converted
    (chinese.simplify_article runs on the article found): a line that converting changes is judged again as
    simplified script spells it (相關新聞, 當前位置：首頁 > 新聞中心, 記者封以恩/台北報導, 聲明：以上內容為本網站轉自…),
    with what normalizing takes off a simplified line taken off it too (a headline's inline （圖） mark, which the
    caption patterns would otherwise read as a picture's, hp-551)."""
    kind = _kind_as_spelled(line)
    if kind is None and (simplified := as_simplified(line)) != line:
        kind = _kind_as_spelled(strip_markup(simplified))
    return kind


@lru_cache(maxsize=8192)
def as_simplified(text: str) -> str:
    """The text in simplified script, to match patterns against: OpenCC's t2s, as chinese.to_simplified converts an
    article (its own converter here: chinese imports this module, and no import may run back)."""
    return _t2s().convert(text)


@lru_cache(maxsize=1)
def _t2s():
    import opencc  # a compiled library: loaded only when a line needs it

    return opencc.OpenCC("t2s")


def _kind_as_spelled(line: str) -> str | None:
    text = _BULLET.sub("", line.strip()) or line.strip()
    if not text:
        return None
    if len(text) <= 400 and _DISCLAIMER.match(text):
        return "furniture"
    if len(text) <= MAX_AGGREGATOR_LINE and _AGGREGATOR.search(text):
        return "furniture"
    if len(text) <= MAX_SITE_NOTICE and _SITE_NOTICE.search(text):
        return "furniture"
    if _TAGLINE.match(text):
        return "furniture"
    if text.startswith("date") and (stamp := _DATE_STAMP.match(text)):
        rest = text[stamp.end():]
        return "dateline" if not rest else line_kind(rest)
    if is_spam(text) or (_INLINE_WWW.search(text) and re.search(f"[{_HAN}]", text) and len(text) <= MAX_SPAM_LINE):
        if not _has_news_left(without_spam(text)):
            return "spam"  # (a real paragraph with an ad pasted in keeps its news: without_spam)
    if _INLINE_WWW.search(text) and len(_INLINE_WWW.sub("", text).strip(" ：:|｜")) <= MAX_LINK_LABEL \
            and not re.search(r"[，。；！？]", _INLINE_WWW.sub("", text)):
        return "furniture"  # an address with its label, however long the address: 原文报道链接：https://…
    if is_front_matter(text):
        return "front_matter"
    if _KANA.search(text) and (kana := len(_KANA.findall(text))) >= MIN_KANA \
            and (len(text) <= MAX_JUNK_LINE or kana >= KANA_SHARE * len(text)):
        return "spam"  # Japanese on a Chinese page: a spam mirror's injected text (男女免费污しかし彼は…, probe-026), a language menu
    if len(text) <= MAX_CITATION_LINE and _CITATION_BOX.search(text):
        return "furniture"
    if len(text) <= MAX_MARKED_CAPTION and _MARKED_CAPTION.match(text):
        return "caption"
    if len(text) > MAX_JUNK_LINE:
        return None
    if _URL_ONLY.match(text) or _END_MARK.match(text) or not re.search(rf"[{_HAN}A-Za-z0-9]", text):
        return "furniture"  # a bare address, （完）, or a lone × or ▲
    if _RELATED.match(text):
        return "related"
    if _EDITOR.match(text):
        return "editor_line"
    if _LAYOUT.match(text):
        return "layout"
    if _DATELINE.match(text) or (_DATE_TIME.search(text) and len(text) <= 60 and not _ends_sentence(text)
                                 and not re.search(r"[，。；！？]", text)):
        return "dateline"  # (with an outlet or a counter beside it: 上证报APP 2019-03-13 11:56)
    if _DATELINE_ALONE.match(text) or _REPRINT.match(text) or _date_among_labels(text):
        return "dateline"
    if _BREADCRUMB.match(text):
        return "breadcrumb"
    if (_COUNTER.search(text) and len(_COUNTER.sub("", text).strip(" |｜:：")) <= 12) or _HEAT_COUNTER.match(text) \
            or _COUNT_AND_DAY.match(text):
        return "counter"
    if _FURNITURE.search(text) or _only_furniture_words(text) or (len(text) <= 30 and _WEATHER_WIDGET.search(text)):
        return "furniture"
    if _SOURCE.match(text) and not _ends_sentence(text):
        return "source_line"
    if text in _OUTLETS or (_OUTLET.match(text) and len(text) <= 8 and not _NOTICE_WORD.search(text)) or _outlet_and_label(text) or _LATIN_OUTLET.match(text):
        return "outlet"
    if bylines.byline_paragraph(text) or _BYLINE.match(text):
        return "byline"
    if ((_CREDIT.match(text) or _BRACKETED_OUTLET.match(text)) and len(text) <= 24) or _VIDEO_CREDIT.match(text) \
            or _CONTRIBUTED.match(text) or _EPIGRAPH_SOURCE.match(text) or _ROLE_CREDIT.match(text) or _DOCTOR_CREDIT.match(text):
        return "credit"
    if _AUTHOR_AND_JOURNAL.match(text):
        return "byline"
    if _PLACED_PEOPLE.match(text):
        return "caption"
    if _CAPTION.match(text) or _FIGURE_LABEL.match(text) or (len(text) <= MAX_CREDIT_LINE and _PICTURE_LABEL.search(text)) \
            or _PHOTO_CAPTION.search(text) or (_PHOTO_LABEL.match(text) and not _ends_sentence(text)):
        return "caption"
    if bylines.is_caption(text) and not text.startswith(("据", "本报")):
        return "credit" if len(text) <= 16 else "caption"
    if len(text) <= MAX_CREDIT_LINE and _CREDIT_INSIDE.search(text) and not re.search(r"[。！？]", text):
        return "credit" if re.search(r"图|摄|照片", _CREDIT_INSIDE.search(text).group(0)) else "byline"
    if _is_nav(text):
        return "nav"
    if len(text) <= MAX_TAGS_LINE and _TAGS.match(text):  # (after the byline: 光明日报记者 严圣禾 唐一歌 吴春燕 is spaced words too)
        return "furniture"
    if len(text) <= MAX_KEYWORDS_LINE and _SEARCH_KEYWORDS.match(text):
        return "furniture"
    if is_info_line(_WORD_ENDING_IN_WEN.sub("文 ", text)):  # 2021-03-22 09:46 来源：人民网 作者：张三
        return "dateline"
    return None


def is_junk(line: str) -> bool:
    """A whole line of page furniture, of any kind."""
    return line_kind(line) is not None


def is_related_header(line: str) -> bool:
    """相关文章 / 延伸阅读: the links that follow it are not the article either."""
    return len(line) <= MAX_JUNK_LINE and bool(_RELATED.match(line.strip()))


def is_related_item(line: str) -> bool:
    """A headline in a list of links: short and not a sentence."""
    return len(line) <= MAX_RELATED_ITEM and not _ends_sentence(line)


# a trending list's rank label (Top 1, TOP 2, No.3): it and the headline-like line on either side of it are
# the list's, another story's (巴士的報: 林作鍾培生百萬擂台戰合約曝光… / Top 1 / the vaccine story, probe-105)
RANK_LABEL = re.compile(r"^(?:top|no\.?)\s*\d{1,2}(?:\s*[:：.]\s*|\s+|$)", re.IGNORECASE)  # not TOP10城市…


def trending_items(lines: list[str]) -> set[int]:
    """The indexes of a trending list's lines: each rank label (alone, or before a headline on its
    line), and beside a label alone the line that is a related item (short, no sentence)."""
    items: set[int] = set()
    for index, line in enumerate(lines):
        label = RANK_LABEL.match(line)
        if label and (label.end() == len(line) or is_related_item(line[label.end():])):
            items.add(index)  # (No.1 北京：2023年GDP达4.38万亿元，…。 is a ranking story's own paragraph)
            if RANK_LABEL.fullmatch(line):
                items.update(j for j in (index - 1, index + 1) if 0 <= j < len(lines) and is_related_item(lines[j]))
    return items


# a post's tags, two words said twice running over its headline (槟榔州福建会馆 / 陈坤海 / 槟榔州福建会馆 / 陈坤海, a
# Malaysian paper's page, probe-385: the tag box and its copy); a headline is no word of a dozen characters said twice
MAX_TAG_WORD = 12


def tag_pairs(lines: list[str]) -> set[int]:
    """The indexes of every pair of short lines with no sentence end said twice running (A, B, A, B)."""
    pairs: set[int] = set()
    for index in range(len(lines) - 3):
        first, second = lines[index], lines[index + 1]
        if first and second and first != second and lines[index + 2] == first and lines[index + 3] == second \
                and max(len(first), len(second)) <= MAX_TAG_WORD and not _ends_sentence(first) and not _ends_sentence(second):
            pairs.update(range(index, index + 4))
    return pairs


# A picture's place left as its word, with the picture's caption under it set off by a dot: 圖片 / ●粵澳合作中醫藥科技
# 產業園 (a gov.mo page's, probe-437). The word alone may stand over a transcript's speakers (a-0027), so it goes only
# on a page that pairs it with such a caption somewhere (there, the word alone is a picture without one: 圖片 / 血餘、…).
_PICTURE_WORD = re.compile(r"^(?:图片|圖片)$")
_DOT_CAPTION = re.compile(r"^●\s*[^。！？!?]{2,40}$")


def picture_captions(lines: list[str]) -> set[int]:
    """The indexes of every picture's word and the dotted caption right under it, and of the word alone on a page
    that has such a pair."""
    pairs: set[int] = set()
    for index in range(len(lines) - 1):
        if _PICTURE_WORD.match(lines[index].strip()) and _DOT_CAPTION.match(lines[index + 1].strip()):
            pairs.update((index, index + 1))
    if not pairs:
        return pairs
    return pairs | {index for index, line in enumerate(lines) if _PICTURE_WORD.match(line.strip())}


def _ends_sentence(text: str) -> bool:
    return text.rstrip().rstrip("”’」』）)").endswith(("。", "！", "？", "!", "?"))


def _date_among_labels(text: str) -> bool:
    if len(text) > MAX_DATE_LABELS_LINE or re.search(r"[，。；！？、：]", text):
        return False
    date = _FULL_DATE.search(text)
    if not date:
        return False
    before, after = text[:date.start()].split(), text[date.end():].split()
    if len(before) > 3 or any(len(t) > 8 for t in before) or not all(t.isdigit() for t in after):
        return False  # (words after the date are a headline's: 2024年7月1日起 一批新规施行)
    # (a bare number before it is the page's view count: 120 2025-04-19, probe-162)
    return len(before) != 1 or after != [] or before[0] in _OUTLETS or bool(_OUTLET.match(before[0])) or before[0].isdigit()


def _only_furniture_words(text: str) -> bool:
    text = _LETTER_SPACED.sub("", text)  # (打 印 is 打印)
    tokens = [t for t in re.split(r"[\s|｜丨│/·•:：,，、\[\]【】()（）<>《》]+", text) if t]
    return bool(tokens) and all(t in _FURNITURE_WORDS for t in tokens)


_LETTER_SPACED = re.compile(rf"(?<![{_HAN}][{_HAN}])(?<=[{_HAN}]) (?=[{_HAN}](?![{_HAN}]))")  # one character, a space, one character


MIN_LONG_MENU = 6  # spaced items: a menu whose items may be longer than four characters
_MENU_ITEM = re.compile(rf"[{_HAN}A-Za-z]{{2,6}}")  # (not a letter-spaced sentence's 220 公 里 , 东 经 116.0 度, tune c-0119)


def _items_share_words(items: list[str]) -> bool:
    """A menu's long items come in families (即时新闻 即时港闻 即时热点, 国内新闻 国际新闻); a flash
    that lost its punctuation to spaces (国家卫健委 今日发布 新冠疫苗 接种指南) does not repeat itself."""
    ends = Counter(t[:2] for t in items if len(t) > 2) + Counter(t[-2:] for t in items if len(t) > 2)
    in_family = sum(1 for t in items if len(t) > 2 and (ends[t[:2]] > 1 or ends[t[-2:]] > 1))
    return in_family * 2 >= len(items)


# a site's menu opening on its home link, however long its items (首 頁 資訊 產業動態 發明·創新 探索·發現 科學麻辣燙 …, a
# spam mirror's copy of a science portal, probe-536: glued to the lead); a line of the story does not open on 首页 and
# three bare words more
_HOME_MENU = re.compile(rf"^首\s?页(?:\s+[{_HAN}A-Za-z·]{{2,6}}){{3,}}$")


def _is_nav(text: str) -> bool:
    """美妇网 | 发型 | 着装 | 健康 |, 首页 新闻 财经 体育, • 重大事项: link labels."""
    if _ends_sentence(text) or re.search(r"[，。；！？]", text):
        return False
    if re.match(r"^[•·▪●○◆◇■□►»›>\-–]\s*\S{1,10}$", text) or re.match(r"^\S{0,8}(?:新闻|评论|焦点|导航|导读|要闻|专题|时评|视点|频道|栏目)\s*[|｜]$", text):
        return True  # one item of a menu list, or of a bar (新闻评论 |)
    if _HOME_MENU.match(text):
        return True
    tokens = [t for t in _NAV_SEPARATORS.split(text) if t.strip()]
    if len(tokens) < 3 and not (len(tokens) >= 2 and re.search(r"[|｜丨│]\s*$", text)):
        spaced = text.split()
        if len(spaced) >= 4 and all(len(t) <= 4 for t in spaced):
            return True  # 首页 新闻 财经 体育 娱乐
        if len(spaced) >= MIN_LONG_MENU and all(_MENU_ITEM.fullmatch(t) for t in spaced) and _items_share_words(spaced):
            return True  # 即时新闻 即时港闻 … 专题报道 图辑 即时新闻总览 (明报, tune a-0115: run into the lead once joined)
        return False
    return all(len(t) <= 8 for t in tokens) and sum(len(t) for t in tokens) / len(tokens) <= 5


def _outlet_and_label(text: str) -> bool:
    """中国小康网 独家专稿, 人民网 | 原创: the outlet's name beside a column label, nothing more."""
    tokens = [t for t in re.split(r"\s+|\s*[|｜]\s*", text) if t]
    if not 2 <= len(tokens) <= 3 or any(len(t) > 8 for t in tokens) or re.search(r"[，。；！？：:]", text):
        return False
    return any(t in _OUTLETS or re.fullmatch(rf"[{_HAN}A-Za-z]{{1,8}}(?:网|日报|晚报|早报|时报|商报|新闻|客户端|电视台)", t)
               for t in tokens)


def _has_news_left(text: str) -> bool:
    """Something of a sentence remains once the spam is cut out."""
    return len(re.findall(f"[{_HAN}]", text)) >= 8 and _ends_sentence(text)
