"""Clean a raw article: normalise characters, move bylines, datelines, captions and information
lines to metadata, drop page furniture and spam, join broken paragraphs and drop repeated ones.

Every kind of source goes through here, so a copy-pasted page in a .txt file and a saved .html
page end up the same.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import groupby

from ..model import Article, Block, RawArticle, article_id
from . import bylines, junk
from .metadata import info_fields, is_info_line, iso_date
from .normalize import compact, compact_cjk_spaces, normalize_text, without_spaces
from .repair import TEASER_OPENING, RepeatFilter, join_broken
from .sentences import ends_sentence

# 一、总体要求 / （二）重点任务 / 第三部分: a numbered heading pasted as a paragraph of its own
# (1. 上楼看症, 1.1研究背景与意义 and (1)长三角医药产业链 too: a numbered step or section, not the sentence under it)
_NUMBERED_HEADING = re.compile(r"^(?:[一二三四五六七八九十]{1,3}、|（[一二三四五六七八九十]{1,3}）|[（(]\d{1,2}[）)](?=[\u4e00-\u9fff])|第[一二三四五六七八九十]{1,3}[部分章节]"
                               r"|\d{1,2}\s*[.．、]\s*(?!\d)|\d{1,2}(?:\.\d{1,2})+\s*(?![\d%％亿万千百元倍个]))")
MAX_HEADING = 30
_SUBTITLE = re.compile(r"^[—－-]{1,2}\s*[^—。！？]{4,36}$")  # a dash-led line with no sentence in it
MIN_STORY_ABOVE = 200  # characters of story read before a list of links ends it
_LIST_MARK = re.compile(r"^[•▪●○►]\s*")
# a one-line page's subhead run into the sentence that repeats it: …措施： 接种流感疫苗 接种流感疫苗是预防流感…
_HEADING_RUN_IN = re.compile(r"(?<![\u4e00-\u9fff])([\u4e00-\u9fff]{4,16}) \1(?=[\u4e00-\u9fff])")
# a teaser the page prints above the story, often cut short: 核心提示：中国医药化工网11月4日讯 11月3日，…
_TEASER = re.compile(r"^[【\[]?(?:核心提示|内容提要|内容摘要|提要)[】\]]?\s*[：:]")
MAX_CAPTION = 120  # characters: a longer "caption" is story text ending in a credit
# a gallery's counter opening each photo's caption: 1/8 这是“全球最大医院”… / 3/8 医院的手术量… (probe-158);
# each caption is a paragraph of its own (one that does not end its sentence is not joined to the next).
# Normalising took the space after the counter, so 1/3的居民… reads the same: the page needs several
# lines counting the same number of photos.
_GALLERY_COUNTER = re.compile(r"^(?P<n>\d{1,2})\s*/\s*(?P<of>\d{1,2})\s*(?=[\u4e00-\u9fff“「])(?![的以左])")  # not 1/3的受访者
MIN_GALLERY_COUNTERS = 3  # lines on the page, with the same total
# a feature's production credits, a line each: 总策划：刘海陵 林海利 / 统  筹：林兆均 王红虹 / 执  行：…记者 李妹妍 (probe-151)
_PRODUCTION_CREDIT = re.compile(r"^(?:总\s*策\s*划|策\s*划|统\s*筹|执\s*行|监\s*制|出\s*品|总\s*监\s*制|制\s*片)\s*[：:]\s*[^。！？，；：]{2,40}$")
# a table's or a figure's note on a line of its own: 注：有*标注的建设—运行起始时间为…的预期时间。(probe-136)
_NOTE = re.compile(r"^[（(]?(?:注|备注)\s*[0-9*＊]?\s*[）)]?\s*[：:]")
# an image's caption in brackets opening a paragraph: 【医院油画（源于网络）】“我顶你个肺！…(probe-162)
# a caption closed, after its full stop, by its photographer's credit in brackets, printed twice over the story that says it
# again (…耗资逾157亿，今天正式开幕。（记者蔡淑媛摄）, probe-508; a Taiwan paper's photo and its gallery). The normaliser takes
# bracketed credits out of sentences, so the line is judged by its text before that. A caption printed once stays for the
# title writer, who may take its words (科技股强势上攻，今日科创50指数狂飙7%。（记者章萝兰摄）, tune a-0072)
_CREDIT_CLOSED = re.compile(r"[。！？]\s*[（(]\s*(?:(?:摄影|特约|实习)?记者|通讯员)?\s*[\u4e00-\u9fff·]{2,4}\s*[/／]?\s*摄\s*[）)]\s*$")
_BRACKETED_CAPTION = re.compile(r"^【[^【】]{1,30}[（(](?:源于网络|来源于?网络|图片来源于?网络|网络图片|图源网络|资料图片?)[）)]\s*】\s*(?=\S)")
# a photo's caption and credit run into the paragraph under it, the page's newline lost: 10月28日，…在山东省烟台市闭幕。图为闭幕式
# 现场。国璇 摄人力资源和社会保障部…介绍，… (probe-464, 467: the caption taken into the summary and for the title)
_GLUED_CAPTION = re.compile(r"^[^。！？]{4,100}。图为[^。！？]{2,40}。\s*[\u4e00-\u9fff·]{2,4}\s*摄(?=[\u4e00-\u9fff“「])")
# a list page's item stamped at its end with its time and channels (…应尽速就医。 2025/12/16 18:37 生活 医药, probe-479): the
# stamp is the list's, and the next stamped line is another story
_ITEM_STAMP = re.compile(r"(?<=[。！？”」])\s*(?:19|20)\d{2}/\d{1,2}/\d{1,2}\s+\d{1,2}:\d{2}(?:\s*[\u4e00-\u9fff]{2,4}){1,3}$")
# the item's headline before its bracketed byline on the same line (糖尿病患者數年增18萬! 3大雷點導致… 【記者賴昀岫/台北報導】台灣…)
_HEADED_BRACKET_LEAD = re.compile(r"^[^【】。，]{6,60}?\s*(?=【[^【】]{2,30}[报報][道导導]】)")
# a structured abstract's part labels (目的：… / 方法：… / 结果与结论：…, probe-474; inline too, …提供建议。方法：…。结果：…, hp-457):
# the summary takes its sentences, not the labels; only on a page whose abstract has 目的 and another label
_ABSTRACT_PART = re.compile(r"(?:^|(?<=[。！？])|(?<=摘要[：:]))\s*(?P<label>目的|方法|结果(?:与结论)?|结论)\s*[：:]\s*(?=\S)")
# a repost's outlet and column label opening the text: 大公/评论：港区全国人大代表… (probe-133)
_COLUMN_LABEL = re.compile(r"^[\u4e00-\u9fff]{2,6}\s*/\s*(?:评论|社评|时评|快评|短评|评论员|观察|观点|专栏|社论)\s*[：:]\s*(?=\S)")
# A paper on a journal mirror (its apparatus found among its first lines: text/junk.py's
# front_matter) names its authors on a line of bare names (龚松柏 陈 兰, 吴亮*) and heads its abstract
# 摘要：or 目的：; the abstract stays, the best summary of the paper, without its label.
APPARATUS_WITHIN = 40  # blocks
DATELINE_WITHIN = 80  # blocks: as far down as the headline finder looks (headlines.LOOK_AHEAD)
_PAPER_AUTHORS = re.compile(r"^[\u4e00-\u9fff·]{1,4}[\d*＊]*(?:[\s,，、]+[\u4e00-\u9fff·]{1,4}[\d*＊]*){0,11}$")
MAX_PAPER_AUTHORS = 60  # characters (a dozen names: probe-111 has nine)
_EDITORS_NOTE = re.compile(r"^(?:[【\[]编者按[】\]]\s*[：:]?|编者按\s*[：:])\s*(?=\S)")
# an editor's note over the story that announces the page's column, not the story, its paragraphs down to
# the one that ends on the announcement: 2019年，《粤港澳大湾区发展规划纲要》正式发布，… / 为更好挖掘湾区创业故事，
# …南方+客户端开设《创业看松湖》专栏，将以系列报道的形式，刊发调研成果，敬请垂注！ (probe-211, its 编者按 label
# read as the page's); a page with no story under the note keeps it (its only text)
_COLUMN_NOTE = re.compile(r"(?:开设|推出|开辟|策划)[^。！？]{0,40}(?:专栏|专题|栏目|系列报道|系列)[^。！？]*?"
                          r"(?:敬请(?:垂注|关注|期待|留意)|欢迎(?:关注|阅读))[。！!]?$")
NOTE_WITHIN = 3  # paragraphs from the top
# a notice's bare label (温馨提示：): the paragraph under it is the site's notice to readers (a contest's call, probe-211)
_NOTICE_LABEL = re.compile(r"^温馨提示\s*[：:]?$")
# a page's date label opening the story's first line: date 2025-08-26 ▲地下700公尺深的… (ETtoday, hk01, probe-225)
# (or only its month: date 2024-12 CGTN …, hp-609)
_DATE_LABEL = re.compile(r"^(?i:date)\s*[:：]?\s*(?P<date>(?:19|20)\d{2}[-/.]\d{1,2}(?:[-/.]\d{1,2})?)\s+(?=\S)")
# a feature's section heading set off by a square: ■ 产业跃迁：从虹吸效应到溢出效应 (probe-231), never glued to the
# line under it (a list's bullets are others: •, ●)
_MARKED_HEADING = re.compile(r"^[■▌▍]\s*(?=\S)")
# a Taiwan outlet's writer before a spaced slash, opening the lead: 張秀娟 / 醫療系統聯盟(…)為表彰在醫療領域…
# (probe-277); and a financial wire's day before a bar, opening it: 11月5日丨白雲山(600332.SH)公佈,子公司… (格隆汇,
# probe-285). Only on the story's first paragraph (a headline-like line, 北京 / 上海 or 5月1日丨新规施行, stays whole)
_SLASH_WRITER = re.compile(r"^(?P<name>[\u4e00-\u9fff]{2,3}) / (?=[\u4e00-\u9fff「“（(])")
# The day is the story's own fact (a summary may keep it): only the bar goes, a comma takes its place.
_DAY_BAR = re.compile(r"^(?P<day>\d{1,2}月\d{1,2}日)\s*[丨|｜]\s*(?=[\u4e00-\u9fff])")
# a blog's copy of a paper's story on one line: its headline, the day and hour, and the writer and where he wrote
# before the text (媽祖醫院院慶 新醫療大樓將啟用 2015年11月17日 04:10 張朝欣/雲林報導 中國醫藥大學附設…, probe-390)
_HEADED_BYLINE = re.compile(r"^[^。！？，]{4,40}?\s*(?:19|20)\d{2}年\d{1,2}月\d{1,2}日\s*(?:\d{1,2}[:：]\d{2}\s*)?"
                            r"(?P<name>[\u4e00-\u9fff]{2,4})\s*[/／]\s*[\u4e00-\u9fff]{2,4}报[导道]\s+(?=\S)")
# a list page's item line: the day and the item's channel, nothing else (udn's search page: 2021-06-23 新冠肺炎.COVID-19疫苗
# over each headline and teaser, probe-279); under the story's text it opens the next item
_DATED_CHANNEL = re.compile(r"^(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}\s*(?=[\u4e00-\u9fff])[^\s，。；！？：:、“”]{2,24}$")
# (a label printed spaced, a space for its colon: 摘 要 人才振兴是乡村振兴的基础，…, fx361's copy, hp-459; and the
# 目的： it may head, both go: 摘 要 目的:為進一步完善…, probe-418)
# (a paper mirror's own label over the abstract's copy: 本文摘要：摘要：长三角区域基本形成了…, probe-454)
_ABSTRACT_LABEL = re.compile(r"^(?:(?:[【\[](?:摘\s*要|目\s*的)[】\]]\s*[：:]?|(?:本文)?(?:摘\s*要|目\s*的)\s*[：:]|摘\s+要\s+)\s*)+(?=\S)")
_STRAY_STOP = re.compile(r"(?<=[\u4e00-\u9fff”」》）)])\.$")
# the wire's end mark closing the story: what follows it is the page's (links, a video list)
_END_MARK = re.compile(r"\s*[（(](?:完|全文完|本文完)[）)]$")
# a paged story's page number after its headline, spaced inside its brackets: 林郑月娥宣布将建民间对话平台( 九 )
# (probe-242; a series' part without the spaces, 系列报道（九）, is the headline's)
_PAGE_NUMBER = re.compile(r"\s*[（(]\s+(?:[一二三四五六七八九十]{1,3}|\d{1,2})\s+[）)]$")
# where the story was printed, in brackets at the end of its last paragraph: …快速推进。（2015年1月9日《忻州日报》）,
# （来源：阳江市场监管）, 《光明日报》（2020年10月27日04版） stands on a line of its own (text/junk.py)
_DATE = r"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?"
_SOURCE_NOTE = re.compile(
    rf"(?<=[。！？”])\s*(?:[（(]\s*(?:(?:{_DATE})?\s*《(?P<paper>[^《》]{{2,15}})》\s*(?:{_DATE})?\s*(?:第?\s*[A-Za-z]?\d{{1,3}}\s*版)?"
    r"|(?:来源|稿源|转自|供稿)\s*[：:]\s*(?P<outlet>[^（）()：:]{2,20})"
    # …望远镜系统建设。（新华网）: the outlet alone
    r"|(?P<bare>[\u4e00-\u9fff]{1,8}(?:网|社|日报|晚报|早报|时报|报|台|客户端)))\s*[）)]"
    # …提出具体措施。《 人民日报 》（ 2024年03月29日 第 02 版）
    rf"|《\s*(?P<printed>[^《》]{{2,15}}?)\s*》\s*[（(]\s*{_DATE}\s*(?:第\s*)?[A-Za-z]?\d{{1,3}}\s*版\s*[）)])$"
)


# a pull quote's credit after its closing full stop, on the same line: …有咩佢哋都会尽量帮手。 九龙西医院联网
# 公营医疗收费改革统筹 张子峰 (the speaker's post, a space, the name): not the start of the next sentence
# (or a photo's credit after its caption: …与卫福部次长林静仪（前左3）等合影。中央社)
_QUOTE_CREDIT = re.compile(r"(?<=[。！？”」])(?:\s+[\u4e00-\u9fffA-Za-z（）()]{4,30}\s+[\u4e00-\u9fff·]{2,4}"
                           r"|\s*[\u4e00-\u9fff]{1,5}(?:社|网|报|台)|\s*视觉中国)$")


@dataclass
class _Found:
    """Metadata met in the body while cleaning it."""

    authors: list[str] = field(default_factory=list)
    editors: list[str] = field(default_factory=list)
    outlet: str | None = None
    published: str | None = None


def clean_article(raw: RawArticle) -> Article:
    found = _Found(authors=list(raw.authors))
    title = _PAGE_NUMBER.sub("", normalize_text(raw.title)).rstrip("。，；：")
    normalized = [normalize_text(b.text) for b in raw.blocks]  # spaces still separate the names in a byline
    brands = junk.injected_brands([title] + normalized)
    title = _without(brands, title)
    blocks = _clean_blocks(raw.blocks, [_without(brands, text) for text in normalized], title, found)
    body = "\n".join(b.text for b in blocks if b.kind == "para")
    # An outlet named in the dateline (新华社…电) is who wrote the story; the operator's or the
    # page's outlet is who carried it. The briefing cites the writer.
    outlet = found.outlet or raw.outlet
    return Article(
        id=article_id(raw.source, title, body),
        source=raw.source,
        title=title,
        kicker=normalize_text(raw.kicker) if raw.kicker else None,
        subtitle=normalize_text(raw.subtitle) if raw.subtitle else None,
        blocks=tuple(blocks),
        encoding=raw.encoding,
        authors=tuple(dict.fromkeys(found.authors)),
        outlet=outlet,
        published=raw.published or found.published,
        sources=(raw.source,),
        outlets=(outlet,) if outlet else (),
        url=raw.url,
        title_from=raw.title_from if title else "",
        editors=tuple(dict.fromkeys(found.editors)),
    )


def _without(brands: list[str], text: str) -> str:
    for brand in brands:
        text = text.replace(brand, "")
    return text


def _clean_blocks(raw_blocks: tuple[Block, ...], texts: list[str], title: str, found: _Found) -> list[Block]:
    """The page's blocks cleaned; `texts` are their texts normalized, a mirror's injected brands taken out."""
    blocks: list[Block] = []
    paragraphs: list[str] = []
    seen = RepeatFilter()  # one per article: repeats can straddle a subhead
    title_key = compact(title)
    bare_title_key = compact(_BRACKETED_TAIL.sub("", title)) or title_key  # 璧山区人才租房补贴标准一览(璧山区人才公寓)
    # (a headline line closed by a stray full stop the story's own copy of it has not: …5周年观察. / **…5周年观察**, probe-443)
    bare_title_key = _STRAY_STOP.sub("", bare_title_key)
    in_related = False

    def flush() -> None:
        for text in join_broken(paragraphs):
            fresh = seen.fresh_part(text)
            if fresh:
                blocks.append(Block("para", fresh))
        paragraphs.clear()

    captions: list[str] = []  # the text of a photo story, when it has no other
    ended = False  # the story's end mark was met
    after_related = False  # a list of links (相关新闻) was met after the story's text
    after_link = ""  # the line before, when it was a link of that list
    snippets: list[bool] = []  # whether the page is a list of cut snippets, judged when a line first asks
    paper: list[bool] = []  # whether the page is a paper, judged when a line first asks (rarely)
    dated: list[str] = []  # the dateline or byline the story's first dated paragraph opened with
    stamped: list[str] = []  # the list item read, when the page's items end on their time and channels
    if junk.is_spun(texts):
        return []  # a spun copy: no sentence of it can be trusted
    elsewhere = _menu_lines(raw_blocks) | junk.trending_items(texts) | junk.tag_pairs(texts) | junk.picture_captions(texts) \
        | _notes_and_notices(texts) | _headline_block(texts, title_key) | _caption_runs(texts) | _labelled_headline(texts) \
        | _ad_teasers(texts)
    doubled = {text for text, times in Counter(texts).items() if times > 1}
    gallery = _gallery_total(texts)
    structured = _is_structured_abstract(texts)
    texts = junk.strip_toneless_pinyin(texts)
    starts_below = _stated_dateline_at(texts, found)
    for index, block in enumerate(raw_blocks):
        # a menu, a trending list, what stands above a stated dateline: the page's, or another story's
        if index in elsewhere or index <= starts_below:
            continue
        text = texts[index]
        if not text:
            continue
        before_story = not paragraphs and not any(b.kind == "para" for b in blocks)
        if _DATED_CHANNEL.match(text) and _opens_list_item(texts, index):
            if sum(map(len, paragraphs)) + sum(len(b.text) for b in blocks if b.kind == "para") >= MIN_STORY_ABOVE:
                break  # the list's next item
            continue
        if before_story and _ABSTRACT_LABEL.match(text) \
                and _opens_alike(_ABSTRACT_LABEL.sub("", text), _ABSTRACT_LABEL.sub("", _next_text(texts, index))):
            continue  # a teaser cut from the story's first paragraph, under its label ([摘要] 9月5日,…举行的是 对, probe-317)
        if before_story:
            text = _above_the_story(text, raw_blocks, paper, found)
            if not text or _is_page_line_above(text, _next_text(texts, index)):
                continue
        if gallery and _gallery_of(text) == gallery:
            flush()
            text = _GALLERY_COUNTER.sub("", text)
        if (in_related and (junk.is_related_item(text) or _is_question_headline(text))) \
                or (ended and len(text) <= junk.MAX_RELATED_ITEM):
            after_link = text if in_related and after_related else ""
            continue  # (after the end mark even a link that ends in ！ is one)
        if after_link:
            after_link = ""
            if not junk.is_related_header(text) and not bylines.lead_byline(text):
                continue  # the teaser under a link's headline (相关推荐 / 海关监管创新助力… / 来自海关部门的统计显示，…, probe-098)
        end_mark = _END_MARK.search(text)
        if end_mark:
            ended, text = True, text[:end_mark.start()]
            if not text:
                continue
        in_related = junk.is_related_header(text)
        if in_related and sum(map(len, paragraphs)) + sum(len(b.text) for b in blocks if b.kind == "para") >= MIN_STORY_ABOVE:
            after_related = True  # (a list of links above the story, after a teaser or a subhead, is not its end)
        elif after_related and bylines.lead_byline(text):
            break  # another story's own dateline under the links (新闻推荐 … 新华社天津电（记者…）): the page's, not ours
        if in_related or _took_info_line(text, found) or _took_junk_line(text, found) \
                or _key(text) in (title_key, bare_title_key) or _title_phrase(text, title) \
                or (before_story and _labelled_title(_key(text), title_key)):
            continue
        if _TEASER.match(text) or _NOTE.match(text) or _PRODUCTION_CREDIT.match(text):
            continue  # the story under it tells it again, whole; a table's note, a feature's credits are no part of it
        if before_story:
            text = _COLUMN_LABEL.sub("", _without_glued_title(text, title_key))
        text = _GLUED_CAPTION.sub("", _BRACKETED_CAPTION.sub("", text))
        if structured:
            text = _ABSTRACT_PART.sub("", text)
        if stamp := _ITEM_STAMP.search(text):
            if stamped:
                break  # the list's next item
            stamped.append(text)
            text = text[:stamp.start()]
            if before_story:
                text = _HEADED_BRACKET_LEAD.sub("", text)
        cut = _cut_at(text)
        if cut is not None and not _opens_next(text, raw_blocks[index + 1:index + 2]):
            if not snippets:
                snippets.append(sum(_cut_at(t) is not None for t in texts) >= MIN_SNIPPETS)
            if snippets[0] and not _shares_run(text, title):
                continue  # an aggregator's snippet of another story (三星s9手机未发布… 三星S9 ..., probe-107)
            whole = text
            text = _before_cut(text, cut)
            if snippets[0] and text == whole:
                continue  # a snippet with no sentence before its cut: a fragment (…每天风雨不改地准备疫情记者会，大家在 ...全文, probe-456)
        if block.kind == "subhead" or _is_numbered_heading(text) or _is_marked_heading(text):
            flush()
            blocks.append(Block("subhead", _MARKED_HEADING.sub("", text)))  # a space may part its two phrases
            continue
        if bylines.is_caption(text) or (text in doubled and len(text) <= MAX_CAPTION and _CREDIT_CLOSED.search(block.text)):
            words_only = compact_cjk_spaces(bylines.strip_credit(text))
            if len(words_only) <= MAX_CAPTION:
                captions.append(words_only)
                continue
            text = words_only  # a paragraph of the story with a photo credit glued to its end
        if before_story:
            text = _without_handle(bylines.after_inner_dateline(text), found)
        if lead := bylines.lead_byline(text):
            dateline = _key(text[:len(text) - len(lead.rest)])
            if dated and dated[0] != dateline:
                break  # a list page's next story, under its own dateline (（亚洲经济通讯社记者粘超程/彰化报导）…, probe-199)
            if not dated and paragraphs and not ends_sentence(paragraphs[-1]) and len(paragraphs[-1]) <= MAX_DECK:
                # a line ending no sentence right over the lead's dateline is the headline's deck, not the first half
                # of the lead's sentence: 市茶协已收集22场国内外茶业博览会信息 / 本报讯（刘端莉）近日，… (probe-559,
                # glued into 市茶协已收集…信息近日，市茶业协会召开…)
                deck = paragraphs.pop()
                flush()
                blocks.append(Block("subhead", deck))
            dated.append(dateline)  # (the same dateline again opens the story under its teaser: 摘要：本报北京9月27日电…)
        text = _take_metadata(text, found)
        if len(text) > MAX_HEADING and (ends_sentence(text) or "。" in text):
            # a whole paragraph set as a list item: the mark is the page's layout (and so it is
            # when a photo's credit ends it: • 10月28日，…与师生合照。 香港中通社图片, probe-140)
            text = _LIST_MARK.sub("", text)
        if text and paragraphs and (_is_heading_between_paragraphs(text, paragraphs[-1])
                                    or _is_punctuated_heading(text, paragraphs[-1], _next_text(texts, index))):
            flush()
            blocks.append(Block("subhead", text))  # not glued to the paragraph under it
            continue
        if text:
            paragraphs.append(compact_cjk_spaces(_HEADING_RUN_IN.sub(r"\1", text)))
    flush()
    if not any(b.kind == "para" for b in blocks):  # a photo story: its captions are its text
        paragraphs.extend(c for c in captions if ends_sentence(c))
        flush()
    return _without_empty_subheads(blocks)


# a headline's bracketed tail: …补贴标准一览(璧山区人才公寓); the page says the headline again without it
# over the text (probe-203), no sentence of the story
_BRACKETED_TAIL = re.compile(r"\s*[（(][^（）()]{2,20}[）)]$")
MAX_PAGE_HEADLINE = 40  # characters
MAX_DECK = 40  # characters: a headline's deck over the lead's dateline is a headline's length


MAX_SERIES_LABEL = 12  # characters before the bar


def _labelled_title(key: str, title_key: str) -> bool:
    """The headline said again after its series' label and a bar: 创业看松湖⑤|中国散裂中子源：…之源 (probe-211)."""
    if len(title_key) < MIN_GLUED_TITLE // 2 or not key.endswith(title_key) or key == title_key:
        return False
    label = key[:-len(title_key)]
    return len(label) <= MAX_SERIES_LABEL and label[-1] in "|｜丨：:"


MAX_HEADLINE_BLOCK = 3  # lines: a kicker, a subtitle, the headline


def _headline_block(texts: list[str], title_key: str) -> set[int]:
    """The indexes of the headline-like lines (short, no sentence) right above the line that says the
    headline again, over the story: the headline's kicker and subtitle in the page's print form
    (横琴新区管委会昨到访本报 / 管委会一行访本报冀加强沟通合作 / 横琴民生事务与澳衔接 / 【本报消息】…,
    probe-207), which a paragraph of the story would otherwise open with."""
    block: set[int] = set()
    for index, text in enumerate(texts[:DATELINE_WITHIN]):
        if "。" in text:
            break  # the story has begun
        if not title_key or _key(text) != title_key:
            continue
        above = index
        while above > 0 and index - above < MAX_HEADLINE_BLOCK and _headline_like(texts[above - 1]):
            above -= 1
        block.update(range(above, index))
    return block


_NOT_WORD = re.compile(r"[^\u4e00-\u9fffA-Za-z0-9]+")


def _opens_alike(text: str, below: str) -> bool:
    """The line opens the same way as the line below it, punctuation and spaces aside (a teaser lost its quotes:
    与 共享湾区机遇,开放创新发展 的主题 / 与“共享湾区机遇,开放创新发展”的主题)."""
    key = _NOT_WORD.sub("", text)
    return len(key) >= TEASER_OPENING and _NOT_WORD.sub("", below).startswith(key[:TEASER_OPENING])


MAX_CAPTION_LINE = 60  # characters
MIN_CAPTION_RUN = 4  # lines
MIN_CAPTIONS_IN_RUN = 2


def _caption_runs(texts: list[str]) -> set[int]:
    """The indexes of a run of short lines with no sentence end, MIN_CAPTIONS_IN_RUN of them captions: a gallery's
    captions listed over the story (「慧眼」试验队与整装待发的「慧眼」卫星 / 西藏羊八井国际宇宙线观测站 /
    高海拔宇宙线观测站项目模拟图 / …, probe-320), which the story's first paragraph would otherwise open with."""
    lines: set[int] = set()
    run: list[int] = []
    for index, text in enumerate(texts + [""]):
        kind = junk.line_kind(text) if text else "end"
        if text and len(text) <= MAX_CAPTION_LINE and not ends_sentence(text) and kind in (None, "caption"):
            run.append(index)
            continue
        captions = sum(junk.line_kind(texts[j]) == "caption" for j in run)
        if len(run) >= MIN_CAPTION_RUN and captions >= MIN_CAPTIONS_IN_RUN:
            lines.update(run)
        run = []
    return lines


_HEADLINE_LABEL = re.compile(r"^[（(【\[][^（）()【】\[\]]{1,10}[）)】\]]\s*(?=\S)")


def _labelled_headline(texts: list[str]) -> set[int]:
    """The indexes of an e-paper's headline said twice, the first time after its column's label in brackets
    ((新聞小語)深合區構建澳人宜居環境 / 深合區構建澳人宜居環境, probe-330), and of the short lines above them (the
    page's banner, its date, its page line and links: 中銀全幣種信用卡 / 2022年09月14日 / 第A09版:澳聞 / 澳門虛擬圖書館)."""
    for index, text in enumerate(texts[:DATELINE_WITHIN - 1]):
        if "。" in text:
            break  # the story has begun
        label = _HEADLINE_LABEL.match(text)
        below = _next_text(texts, index)
        if label and 0 < len(below) <= MAX_PAGE_HEADLINE and _key(text[label.end():]) == _key(below):
            below_index = texts.index(below, index + 1)
            above = index
            while above > 0 and (not texts[above - 1] or (len(texts[above - 1]) <= MAX_PAGE_HEADLINE
                                                          and not re.search(r"[。！？，；]", texts[above - 1]))):
                above -= 1
            return set(range(above, below_index + 1))
    return set()


def _headline_like(text: str) -> bool:
    return bool(text) and len(text) <= MAX_PAGE_HEADLINE and not re.search(r"[。！？，；]", text) \
        and junk.line_kind(text) is None


def _notes_and_notices(texts: list[str]) -> set[int]:
    """The indexes of an editor's note announcing the page's column (its paragraphs from the top down to
    the one ending 敬请垂注, when story follows) and of a notice under its bare 温馨提示 label (the label's
    line and the paragraph under it)."""
    lines: set[int] = set()
    prose = [j for j, text in enumerate(texts) if len(text) > MAX_PAGE_HEADLINE and ends_sentence(text)]
    end = next((j for j in prose[:NOTE_WITHIN] if _COLUMN_NOTE.search(texts[j])), None)
    if end is not None and sum(len(texts[j]) for j in prose if j > end) >= MIN_STORY_ABOVE:
        lines.update(j for j in prose if j <= end)
    for index, text in enumerate(texts):
        if _NOTICE_LABEL.match(text):
            below = next((j for j in range(index + 1, len(texts)) if texts[j].strip()), None)
            lines.add(index)
            if below is not None and junk.line_kind(texts[below]) is None:
                lines.add(below)
    return lines


def _ad_teasers(texts: list[str]) -> set[int]:
    """The indexes of a line without a full stop under an ad slot's label alone on its line (junk.AD_LABEL): the
    ad's teaser (x 广告 / 5月11日15时至12日15时，北京新增本土新冠肺炎病毒感染者36例 under a 青岛工匠日 story, probe-187);
    a paragraph of the story under the label ends on its full stop and stays."""
    return {index + 1 for index, text in enumerate(texts[:-1])
            if junk.AD_LABEL.fullmatch(text.strip()) and texts[index + 1].strip() and not ends_sentence(texts[index + 1].strip())}


def _opens_list_item(texts: list[str], index: int) -> bool:
    """A day-and-channel line over a headline-like line: a list's item (udn's search page), not a dated
    step of a timeline (2021-03-15 项目正式启动 over the next step or the story's next paragraph)."""
    below = _next_text(texts, index)
    return _headline_like(below) and not _DATED_CHANNEL.match(below)


def _next_text(texts: list[str], index: int) -> str:
    return next((t for t in texts[index + 1:index + 4] if t.strip()), "")


def _is_page_line_above(text: str, below: str) -> bool:
    """A line above the story that is the page's, not the story's first words:
    - a headline-like line (short, no sentence) right over a dateline, a byline, an editor's line or
      an information line: the page's headline slot, here another page's headline (新疆妇幼保健院入园
      体检预约挂号流程 / 2023-01-31 / 更新时间：…作者：佚名 over a talent policy, probe-201) — the title
      is never in the body anyway;
    - a paragraph with spam in it right over the paragraph that opens with the story's dateline: a
      spam mirror's bait pasted above the story, whole (近年来，娱乐圈频频出现“吃瓜黑料”的现象… /
      本报北京4月22日电（记者王美华）…, probe-190)."""
    if not below:
        return False
    if len(text) <= MAX_PAGE_HEADLINE and not ends_sentence(text) and not re.search(r"[。！？]", text):
        # (or over the credits: 中国商人的失忆解药丨放大灯 / 作者丨阿肯 / 编辑丨…, a WeChat post's, probe-216)
        return is_info_line(below) or junk.line_kind(below) in ("dateline", "byline", "editor_line")
    return junk.is_spam(text) and bylines.lead_byline(below) is not None


def _stated_dateline_at(texts: list[str], found: _Found) -> int:
    """The line of a wire dateline stating the feature's title (中新网上海5月6日电 题:…), where the
    story starts, whatever gave the article its title: what stands above it is the page's (a spam
    line, a menu), unless a sentence stands there (then the line is no dateline over the story).
    -1 when there is none; the dateline names the outlet."""
    at, dateline = next(((i, d) for i, t in enumerate(texts[:DATELINE_WITHIN])
                         if (d := junk.stated_in_dateline(t)[0])), (-1, ""))
    if any("。" in t for t in texts[:max(at, 0)]):
        return -1
    if dateline and (wire := bylines.lead_byline(dateline)):
        found.outlet = found.outlet or wire.outlet
    return at


# a blog's author, said twice before the text of a one-line page: Liheyun, Liheyun 随着2025年冬春…
_HANDLE_TWICE = re.compile(r"^(?P<handle>[A-Za-z][A-Za-z0-9_.-]{2,20})(?:\s*[,，、]\s*(?P=handle))+\s+(?=[\u4e00-\u9fff\d])")


# a tab or menu bar set one label a line: 成渝新图景 / 凰家对话录 / 凤观经济圈 / 联动谋双赢 (probe-109's 专题 page),
# 推荐资讯 / 相关文章 / 栏目更新; three such lines in a row are the page's, a story's text has none
_LABEL_LINE = re.compile(r"^[\u4e00-\u9fff]{2,8}$")
MIN_MENU = 3  # lines


def _menu_lines(raw_blocks: tuple[Block, ...]) -> set[int]:
    """The indexes of the blocks that are runs of MIN_MENU or more bare labels."""
    menu: set[int] = set()
    for labels, run in groupby(range(len(raw_blocks)), key=lambda k: bool(_LABEL_LINE.match(raw_blocks[k].text.strip()))):
        indexes = list(run)
        if labels and len(indexes) >= MIN_MENU:
            menu.update(indexes)
    return menu


# a snippet cut off mid-sentence: …截至2月2日已累计盘点286个点位。獐子岛信息披露 ... (not the writer's ……)
# (a search page's link after the cut: …黎德荣行医逾30年, ...全文, probe-456)
_CUT_MARK = re.compile(r"\s*(?<![.…])(?:\.{3}|…)(?:\s*全文)?$")
# a clause that only names who spoke: cut before what was said (…卢宠茂今早（29日）在电台节目表示，本港 ..., probe-455),
# it says nothing on its own
_SPEECH_VERB_END = re.compile(r"(?:表示|指出|说|称|认为|强调|透露|介绍|坦言|直言|提到)$")
MIN_SNIPPETS = 2  # cut lines on a page of snippets (an aggregator's results)
MIN_CUT_CLAUSE = 8  # characters of the last whole clause before the cut, to keep it
SHARED_RUN = 3  # characters a snippet of the story shares with its title, at least once


def _cut_at(text: str) -> int | None:
    """Where a line cut off mid-sentence by its page (`…袁国勇说 ...`) is cut, or None."""
    mark = _CUT_MARK.search(text)
    return mark.start() if mark and not ends_sentence(text[:mark.start()]) else None


def _opens_next(text: str, following: tuple[Block, ...]) -> bool:
    """Whether the cut line is a teaser of the story under it, which begins the same way (repair drops it)."""
    return bool(following) and len(text) >= TEASER_OPENING \
        and _key(normalize_text(following[0].text)).startswith(_key(text)[:TEASER_OPENING])


def _before_cut(text: str, cut: int) -> str:
    """The snippet without the clause cut off at its end: up to its last whole clause when that is
    long enough to say something (…，主要建设11台中子谱仪和实验终端，并新增国内首台 ..., a-0008), else
    up to its last full stop (…也都可以维持。袁国勇说 ..., probe-107); kept whole when it has no full stop."""
    end = max(text.rfind(stop, 0, cut) for stop in "。！？")
    if end < 0:
        return text  # (a teaser cut in its first sentence: the summary takes none of it, probe-118)
    clause = max(text.rfind(mark, 0, cut) for mark in "，；")
    if clause > end and clause - max(end, text.rfind("，", 0, clause), text.rfind("；", 0, clause)) > MIN_CUT_CLAUSE \
            and not _SPEECH_VERB_END.search(text[:clause]):
        return text[:clause] + "。"
    return text[:end + 1]


def _shares_run(text: str, title: str) -> bool:
    """Whether the text has a run of SHARED_RUN characters of the title (医管局, in a snippet of its story)."""
    key = _key(title)
    return not key or any(key[k:k + SHARED_RUN] in text for k in range(len(key) - SHARED_RUN + 1))


def _is_structured_abstract(texts: list[str]) -> bool:
    labels = {m["label"][:2] for text in texts for m in _ABSTRACT_PART.finditer(text)}
    return "目的" in labels and len(labels) >= 2


def _without_handle(text: str, found: _Found) -> str:
    handle = _HANDLE_TWICE.match(text)
    if not handle:
        return text
    found.authors.append(handle.group("handle"))
    return text[handle.end():]


def _is_paper(raw_blocks: tuple[Block, ...]) -> bool:
    return any(len(b.text) <= junk.MAX_APPARATUS_LINE and junk.is_front_matter(normalize_text(b.text).strip())
               for b in raw_blocks[:APPARATUS_WITHIN])


def _above_the_story(text: str, raw_blocks: tuple[Block, ...], paper: list[bool], found: _Found) -> str:
    """A line above the story's first paragraph as the story keeps it: "" for the title's subtitle
    (——从产业分工走向功能分工, hp-047) and for a paper's line of bare names (龚松柏 陈 兰, taken as its
    authors; 一、引言 is its first heading, no author); an abstract without its 摘要：/目的： label, an
    editor's note without its 编者按： label, a line without the page's date label (date 2025-08-26 …,
    the date taken).
    `paper` holds whether the page is a paper once a line has asked."""
    if _SUBTITLE.match(text):
        return ""
    label = _DATE_LABEL.match(text)
    if label:
        found.published = found.published or iso_date(label.group("date"))
        text = text[label.end():]
    if len(text) > MAX_PAGE_HEADLINE and "。" in text:
        if (writer := _SLASH_WRITER.match(text) or _HEADED_BYLINE.match(text)) \
                and not junk.is_place_name(writer.group("name")):
            found.authors.append(writer.group("name"))
            text = text[writer.end():]
        text = _DAY_BAR.sub(r"\g<day>，", text)
    text = _after_inline_apparatus(text)
    text = _EDITORS_NOTE.sub("", text)  # the note stays, its label goes (编者按：1月22日，四川省…, hp-190)
    authors = len(text) <= MAX_PAPER_AUTHORS and _PAPER_AUTHORS.match(text) and not _NUMBERED_HEADING.match(text)
    if not authors and not _ABSTRACT_LABEL.match(text):
        return text
    if not paper:
        paper.append(_is_paper(raw_blocks))
    if paper[0] and authors:
        found.authors.extend(_paper_names(text))
        return ""
    return _ABSTRACT_LABEL.sub("", text) if paper[0] or text.lstrip("【[").startswith("摘") else text


# a paper pasted on one line, its apparatus before its abstract: …以第一或通信作者发表国内外期刊论文60余篇。欧洲联合
# 临床评估实践及对我国的启示 PPS 李惟妙1，韩晟2，…（1. 北京大学药学院…，北京100191,2.…，北京100191）[摘要] 欧洲联合临床
# 评估（…）制度是… (probe-194: a WeChat copy, the author's bio first): the abstract is where the text starts
_INLINE_ABSTRACT = re.compile(r"[【\[]摘\s*要[】\]]\s*[：:]?\s*|(?<=[）)\s])摘\s*要\s*[：:]\s*")
_INLINE_POSTCODE = re.compile(r"[\u4e00-\u9fff][，,\s]*[0-8]\d{5}(?![\d万亿元人个%])")
MAX_INLINE_APPARATUS = 800  # characters before the label


def _after_inline_apparatus(text: str) -> str:
    label = _INLINE_ABSTRACT.search(text, 0, MAX_INLINE_APPARATUS + 8)
    if not label or not _INLINE_POSTCODE.search(text, 0, label.start()) or len(text) - label.end() < MIN_STORY_ABOVE // 2:
        return text
    return text[label.end():]


def _paper_names(text: str) -> list[str]:
    """金晓雨,张 婷 -> 金晓雨, 张婷; 龚松柏 陈 兰 -> 龚松柏, 陈兰 (a two-character name is printed spaced)."""
    names: list[str] = []
    for part in re.split(r"[,，、]+", text):
        tokens = [t.strip("0123456789*＊") for t in part.split()]
        if "," in text or "，" in text or "、" in text:
            tokens = ["".join(tokens)]
        pending = ""
        for token in filter(None, tokens):
            if len(token) == 1:
                pending += token
                if len(pending) == 2:
                    names.append(pending)
                    pending = ""
            else:
                names.append(token)
    return [n for n in names if len(n) >= 2]


def _take_metadata(text: str, found: _Found) -> str:
    """The paragraph without its byline, dateline or information line ("" when that was all)."""
    names = bylines.byline_paragraph(text)
    if names:
        found.authors.extend(names)
        return ""
    lead = bylines.lead_byline(text)
    if lead:
        found.authors.extend(lead.authors)
        found.outlet = found.outlet or _outlet_name(lead.outlet)
        text = lead.rest
    credit = _QUOTE_CREDIT.search(text)
    if credit:
        text = text[:credit.start()]
    note = _SOURCE_NOTE.search(text)
    if note:
        found.outlet = found.outlet or note.group("paper") or note.group("printed") or note.group("bare") \
            or _outlet_name(note.group("outlet"))
        text = text[:note.start()]
    return junk.without_group_photos(junk.without_spam(text))


def _took_info_line(text: str, found: _Found) -> bool:
    """2025-11-25 08:30　来源：北京日报　作者：曲经纬: metadata, taken before the line is judged as junk."""
    if not is_info_line(text):
        return False
    info = info_fields(text)
    found.authors.extend(info.authors)
    found.outlet = found.outlet or _outlet_name(info.outlet)
    found.published = found.published or info.published
    return True


def _took_junk_line(text: str, found: _Found) -> bool:
    """A line of page furniture; who carried, edited and wrote it (来源：人民日报 / 责任编辑：张三 /
    本报记者 张三) and its date taken as metadata. (The line is judged once: judging is the cleaner's
    costliest step.)"""
    kind = junk.line_kind(text)
    if kind is None:
        return False
    if kind == "source_line":
        found.outlet = found.outlet or _outlet_name(info_fields(text).outlet)
    elif kind == "editor_line":
        found.editors.extend(bylines.editor_names(text))
    elif kind == "byline":
        found.authors.extend(bylines.byline_paragraph(text) or info_fields(text).authors)
    elif kind == "dateline":  # 四川在线 2022年10月10日: the date the page gives is the article's
        found.published = found.published or iso_date(text)
    return True


def _title_phrase(text: str, title: str) -> bool:
    """One phrase of a two-phrase headline on a line of its own (推进军民协同创新, under 推进军民协同创新
    创新中心首次亮相): the page's kicker repeating the headline, not the story."""
    return " " in title and len(text) <= MAX_HEADING and _key(text) in {compact(p) for p in title.split() if len(p) >= 4}


def _key(normalized: str) -> str:
    """`compact` of a text normalised already (normalising again is the cost, not the result)."""
    return without_spaces(normalized)


MAX_UNMARKED_HEADING = 24  # characters
# a link headline that names its speaker: 唐良智：推动双城经济圈建设开好局起好步 (a 专题 page's list, probe-109)
_SPEAKER_KICKER = re.compile(r"^[\u4e00-\u9fff]{2,4}[：:](?=[\u4e00-\u9fff])")
# a few words quoted inside a heading are no punctuation of a sentence: 从“一条路”“一座桥”看基础设施的互联互通
# (probe-258), 一位首席技师的“匠心”; a line opening on the quote may be a heading's broken first half
# (“社会共治”是药品安全 / 治理战略的重大变革, probe-004) and stays punctuated
_QUOTED_WORDS = re.compile(r"(?<=.)“([^“”，,。；！？]{1,8})”")
_PUNCTUATED = re.compile(r"[，,。、；;：:！!？?“”\"「」（）()《》…—]|\d")


def _is_heading_between_paragraphs(text: str, previous: str) -> bool:
    """A short line with no punctuation at all after a paragraph that ended its sentence: an
    in-story heading (增聘千名服务大使以助病人适应新安排), not the first half of a broken paragraph,
    which would be joined to the next one."""
    words = _QUOTED_WORDS.sub(r"\1", _SPEAKER_KICKER.sub("", text))
    return (len(text) <= MAX_UNMARKED_HEADING and ends_sentence(previous) and not _PUNCTUATED.search(words)
            and len(re.findall(r"[\u4e00-\u9fff]", words)) >= 6)


MIN_PARAGRAPH_BELOW = 40  # characters of the line under a heading (or fewer, when it ends its sentence): a paragraph
_OPEN_END = re.compile(r"[，,、：:；;“「（(《—…]$")


def _is_punctuated_heading(text: str, previous: str, below: str) -> bool:
    """A short line with a comma or colon inside, after a paragraph that ended its sentence and over a long one,
    closing no sentence and leaving no quote or clause open: an in-story heading of two phrases
    (往來渠道更暢通,跨境執業更便捷 / “馬路兩邊,一邊研學,一邊創業”, probe-331; 艱難地獲批:從科學到市場的漫長十年,
    probe-308), not a broken sentence's first half, which ends open (落實“ / 共商共建…, probe-330) or sits on a
    page wrapped into short lines."""
    below_is_paragraph = len(below) > MIN_PARAGRAPH_BELOW or (len(below) > MAX_UNMARKED_HEADING and ends_sentence(below))
    return (len(text) <= MAX_UNMARKED_HEADING and ends_sentence(previous) and below_is_paragraph
            and not _WORD_CUT_BELOW.match(below) and _two_phrases(text.strip("“”「」")) and not _OPEN_END.search(text)
            and not re.search(r"[。！？!?；;]", text)
            and text.count("“") == text.count("”") and text.count("「") == text.count("」")
            and len(re.findall(r"[\u4e00-\u9fff]", text)) >= 6)


# the line under a sentence cut inside a word opens on the word's end (论坛上,空间智能一体化影像系统发 / 布。该成果…, sample)
_WORD_CUT_BELOW = re.compile(r"^[^，,。；;！!？?、：:“”「」]?[，,。；;！!？?、：:]")
MAX_PHRASE_RATIO = 2  # a heading's phrases either side of its commas are of a length (往來渠道更暢通,跨境執業更便捷)


def _two_phrases(text: str) -> bool:
    """Phrases a heading sets side by side: around a colon, or around commas with none more than twice as long as
    another (a sentence opens on a short adverbial before its comma: 论坛上,空间智能一体化影像系统发…)."""
    if re.search(r"[：:]", text):
        return all(len(part) >= 2 for part in re.split(r"[：:]", text, maxsplit=1))
    parts = [len(part) for part in re.split(r"[，,]", text)]
    return len(parts) >= 2 and min(parts) >= 2 and max(parts) <= MAX_PHRASE_RATIO * min(parts)


def _gallery_of(text: str) -> int:
    """How many photos the gallery counter opening the line counts (3/8 -> 8), 0 when none."""
    counter = _GALLERY_COUNTER.match(text)
    return int(counter.group("of")) if counter and 0 < int(counter.group("n")) <= int(counter.group("of")) else 0


def _gallery_total(texts: list[str]) -> int:
    """The number of photos of the page's gallery, when MIN_GALLERY_COUNTERS of its lines count them, else 0."""
    counted = Counter(t for t in map(_gallery_of, texts) if t).most_common(1)
    return counted[0][0] if counted and counted[0][1] >= MIN_GALLERY_COUNTERS else 0


# a list's headline that asks or exclaims (（全国两会）如何解读2026年政府工作报告的涉台内容？, probe-140's
# 视频 / 更多 list): a headline as much as one without a mark; a sentence of a story has a clause before it
def _is_question_headline(text: str) -> bool:
    if len(text) > junk.MAX_RELATED_ITEM or not text.endswith(("？", "！")):
        return False
    # (a comma in it too when a column's bar opens it: 印度大選|如果贏家是莫迪,中印關係會如何?, probe-526's 視頻 / 更 多 list)
    return not re.search(r"[。，；]" if not _COLUMN_BAR.match(text) else r"[。；]", text[:-1])


_COLUMN_BAR = re.compile(r"^[^|｜，。]{2,8}[|｜](?=\S)")


MIN_GLUED_TITLE = 12  # characters


def _without_glued_title(text: str, title_key: str) -> str:
    """The lead without the page's headline glued to its start with no break at all (张文宏：预计新冠肺炎疫苗
    最快2021年3至6月面市上海市新冠肺炎医疗救治专家组组长…, probe-165); a lead that says the headline
    and goes on after a mark (…面市，他说) is the lead's own sentence."""
    if len(title_key) < MIN_GLUED_TITLE or not text.startswith(title_key):
        return text
    rest = text[len(title_key):]
    return rest if re.match(r"[\u4e00-\u9fff“「]", rest) and len(rest) > len(title_key) else text


def _is_marked_heading(text: str) -> bool:
    return len(text) <= MAX_HEADING and bool(_MARKED_HEADING.match(text)) and not ends_sentence(text)


def _is_numbered_heading(text: str) -> bool:
    return len(text) <= MAX_HEADING and bool(_NUMBERED_HEADING.match(text)) and not ends_sentence(text)


def _outlet_name(text: str | None) -> str | None:
    """新华社北京 -> 新华社; 本报 names no outlet (the operator's source settings do)."""
    if not text:
        return None
    text = re.sub(r"\d{1,2}月\d{1,2}日$", "", text.strip())
    if not text or text.startswith("本报"):
        return None
    named = re.match(r"^.+?(?:通讯社|社|网|报|台|客户端)", text)
    return named.group(0) if named else text


def _without_empty_subheads(blocks: list[Block]) -> list[Block]:
    """A subhead whose section lost all its text (a repeat, a caption) goes too."""
    kept: list[Block] = []
    for index, block in enumerate(blocks):
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if block.kind == "subhead" and (following is None or following.kind == "subhead"):
            continue
        kept.append(block)
    return kept
