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

import json
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, takewhile
from pathlib import Path

from .bylines import lead_byline
from .junk import (
    PROVINCES,
    SPAM_START,
    is_garbled,
    is_place_name,
    is_related_header,
    is_spam,
    line_kind,
    stated_in_dateline,
    picture_captions,
    tag_pairs,
    trending_items,
    without_spam,
)
from .normalize import normalize_text, without_spaces

MIN_HEADLINE, MAX_HEADLINE = 6, 64  # characters
LOOK_AHEAD = 80  # lines: the headline stands above the story, below at most a long menu (_reach)
MIN_PROSE = 40
STORY_LEAD = 300  # characters of the story a headline is compared with
STORY_MASS = 240  # characters: this much prose under a line is a story, not a snippet
_STATED = re.compile(r"^(?:标题|题目|文章标题)\s*[：:]\s*(.{4,80})$")
# a form's title field with its value on the next line: 3.新闻标题： (PTT's repost form), 标题：
_STATED_FIELD = re.compile(r"^(?:\d{1,2}\s*[.、．]\s*)?(?:新闻|文章)?(?:标题|题目)\s*[：:]$")
_DATED = re.compile(r"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}")
_FLASH = re.compile(r"^【([^【】]{8,40})】(?=\S)")
_HAN = re.compile("[\u4e00-\u9fff]")
_ORIGINAL_WORD = r"原(?:标题|题目?|文标题)"  # 原题目: a mirror's synonym-spun 原标题
_ORIGINAL = re.compile(rf"[（(【\[]?\s*{_ORIGINAL_WORD}\s*[：:]\s*(?P<title>[^）)】\]\n]{{4,80}}?)\s*[）)】\]]?\s*$")
_ORIGINAL_INLINE = re.compile(rf"[（(【\[]\s*{_ORIGINAL_WORD}\s*[：:]\s*(?P<title>[^）)】\]\n]{{4,80}}?)\s*[）)】\]]")
# (its day may be missing: date 2024-12 CGTN 發文介紹澳門…, a wire release's, hp-609)
_DATE_STAMP = r"^(?i:date)\s*[:：]?\s*(?:19|20)\d{2}[-/.]\d{1,2}(?:[-/.]\d{1,2})?\s*(?=\S)"
_DATE_LABEL = re.compile(_DATE_STAMP)
# the story's title as it first ran, in a repost's note on its source (an outlet's name alone, or an English
# original's title, is no Chinese headline: MIN_SOURCE_TITLE)
_ORIGINAL_SOURCE = re.compile(r"^原文出[处處]\s*[：:]\s*(?P<title>\S.{7,79})$")
MIN_SOURCE_TITLE = 8  # Chinese characters
TWICE_WITHIN = 2  # lines: a title an e-paper prints twice, its copies and the subtitle under it this close
STAMPED_SHARE = 0.5  # of the line under it's odds: a crawler's stamped line is the title over it (_stamped_title_over)
# decorations a portal adds to a headline: 标题（图）, 标题(组图), 标题【视频】, a forum thread's 标题 [复制链接]
# (in either script: a Hong Kong or Taiwan mirror's 標題（圖）, hp-551)
_DECORATION = re.compile(r"\s*(?:[（(]\d{1,2}[）)]\s*(?=[（(][图圖][）)]))?"  # a gallery's picture number: …車潮(3) (圖), hp-575
                         r"[（(【\[](?:[组組]?[图圖]|[视視][频頻]|[图圖]文|高清[组組][图圖]|附[视視][频頻]|多[图圖]|直播|音[频頻]"
                         r"|[复複][制製][链鏈]接)[）)】\]]\s*$"
                         r"|(?<=\S)\s+[（(]\d{1,2}[:：]\d{2}[）)]$"  # an instant-news page's time: …應急醫院 (19:36)
                         # where a column first ran: 中國散裂中子源(刊載於2019年9月11日《東周刊》) (a legislator's site, hp-265)
                         # (its verb and 于/自, or 原载/转载 alone: a kicker's （载誉归来） stays)
                         r"|(?<=\S)\s*[（(](?:(?:原|转|轉|刊)?[载載]|刊[登发發]|[发發]表)[于於自在][^（）()]{2,30}[）)]$"
                         r"|(?<=\S)\s*[（(](?:原|转|轉)[载載][^（）()]{2,30}[）)]$"
                         # a Yahoo page's date label on the headline's own line: date 2025-12-06 中市首座市立醫院今開幕！… (hp-207)
                         rf"|{_DATE_STAMP}"
                         # a content farm's reading label before the headline: 热读：博士后制度实施35周年… (probe-492,
                         # its footer's 标题：热读：… too)
                         r"|^(?:热读|必读|荐读|热文|精读)\s*[：:]\s*(?=\S)"
                         # … and its daily label: 每日资讯：学习套色剪纸 让中华优秀传统文化焕发新生机 (probe-545)
                         r"|^(?:每日|今日|每天)(?:资讯|快讯|看点|热点|热闻|推荐)\s*[：:]\s*(?=\S)"
                         # a province's government account and its counter, glued on by a copying site:
                         # 保健品宣传医疗功能被罚款数十万元湖南发布1 (c-0106; …在湖南发布 has no count after it)
                         rf"|(?<=[\u4e00-\u9fff”」》！？])(?:{PROVINCES})发布\d{{1,4}}$")
# (a hyphen inside a Latin name is no site's: 银河生物股价异动 CAR-T药物获临试批件, junk probe-226)
_SITE_PART = re.compile(r"\s*(?:[_|｜︱]|\s[-–—]\s|(?<![\d-])(?!(?<=[A-Za-z])-[A-Za-z])-{1,2}(?=[^-\d][^-]{0,13}$))\s*")
# a site's section named between a headline and the site (率先改革进行时-新闻专题-科学网, hp-392)
_CHANNEL = re.compile(r"(?:新闻|要闻|资讯|图片|视频)?(?:专题|专栏|频道|栏目)$")
# a release's serial number beside its headline: 天 气 稿 第 089 号 - 热带气旋警报 (info.gov.hk, c-0119)
_SERIAL = re.compile(r"^[\u4e00-\u9fff\s]{0,10}第\s*\d{1,5}\s*[号期]$")
_FRAGMENT_START = re.compile(r"^(?:[\u4e00-\u9fff][、，；。]|[，。、；：？！）》”’」』)\]])")
_LIST_MARK = re.compile(r"^[•·▪●○◆◇■□►]\s*")
_NUMBERED = re.compile(r"^(?:[一二三四五六七八九十]{1,3}[、.．]|（[一二三四五六七八九十]{1,3}）|\d{1,2}[、.．](?!\d)"
                       r"|第[一二三四五六七八九十百\d]{1,3}[章节篇部](?:分)?\s)")  # a chapter's heading: 第一章 创新要素…
# an ordered list's marker, a digit, a dot and a space, that a page's markup put before the one story title it
# holds (返回顶部 / 1. 总投资超千亿元 川渝科技创新中心项目建设正式开工 / 时间：… 来源：…, hp-509): not the title's
# own number, as a chapter's 三、 is
_LIST_ITEM_NUMBER = re.compile(r"^\d{1,2}[.．]\s+")
# a photo's caption or credit, never a headline: 这是…拍摄的…, 图1手术机器人…, …。图/资料照片, （…供稿）,
# 【医院油画（源于网络）】 (probe-162)
_CAPTION = re.compile(r"拍摄|^图\s*\d|^图为|图据|图源|(?:来)?源于网络|图片来[源自]|图\s*/|照片[）)]?$|供稿|^[（(][^（）()]*[）)]\s*[|｜]?\s*$"
                      r"|记者\s*[\u4e00-\u9fff]{2,4}\s*(?:[\u4e00-\u9fff]{2,3}\s*)?(?:报导|报道|摄)$"  # 记者曾博群台北报导
                      # a picture's credit after a bar: 九期一（甘露特钠）药盒样品及胶囊样品 | 图：上海药物研究所官网 (hp-260)
                      r"|[|｜丨]\s*图(?:片)?\s*[：:]"
                      # a comment box or a feed's end: 欢迎发表评论 取消回复, 没有更多内容
                      r"|发表评论|取消回复|没有更多|加载更多|查看更多|相关阅读|延伸阅读")
# a photo's caption by its label or its lender, on its own line over the story: photo 塩野義製藥與國立感染症研究所等
# 共同開發中的新型冠狀病毒疫苗(由塩野義製藥提供) (wp-063); a sentence of the story may end on its lender, so not in one
_PHOTO_CAPTION = re.compile(r"^photo\s|^[^。]{4,80}[（(]由[^（）()]{2,20}提供[）)]$", re.IGNORECASE)
# a site's contact line, never a headline: ※ 有關作品版權事宜請聯系:0591-87523908 郵箱:qzce@163.com (wp-076, wp-077)
_CONTACT = re.compile(r"(?<!\d)0\d{2,3}-\d{7,8}(?!\d)|[A-Za-z0-9_.-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
# an attachment's label under a notice: 附：咸宁市流感疫苗接种门诊一览表 (wp-109), 附件2：…
_ATTACHMENT = re.compile(r"^附(?:件\s*\d{0,2}|表\s*\d{0,2})?\s*[：:]")
_BREADCRUMB = re.compile(r"\s-*>\s*\S|>>|＞＞|»")  # 首页 -> 头条
_CRUMB_MARK = re.compile(r"\s*(?:-*>+|＞+|»)\s*")
_DASHED = re.compile(r"^-(?!-)\s*(.{6,}?)\s*(?<!-)-$")  # gov.mo's flash: -記者會快訊(…)-
_FOOTNOTE = re.compile(r"(?<=[\u4e00-\u9fff）)”》])[*＊]+$")  # a journal title's note mark: …回顾与思考*
# a paper's title with its note mark (…的构建与实施路径①, hp-436), the note being its 基金项目 at the foot; a
# series' part number (…四年印记②) stands over no 摘要
_CIRCLED_NOTE = re.compile(r"(?<=[\u4e00-\u9fff）)”》])[①②③④⑤⑥⑦⑧⑨⑩]$")
_ABSTRACT = re.compile(r"^(?:【|\[)?(?:摘\s*要|内容摘要|关键词|關鍵詞)(?:】|\])?\s*[：:]?")
# a notice's serial number glued after its kind (关于全市各级各类学校开学安排的通告第10号, hp-443): the notice's
# number, as 第N期 is an issue's, not its title
_DOCUMENT_NUMBER = re.compile(r"(?:(?<=通告)|(?<=公告)|(?<=通知))\s*[（(]?第\s*\d{1,4}\s*号[）)]?$")
# 河套香港园区下半年开园分享到：; a bar left of a menu cut away: …筑牢科技自立自强根基| (probe-368)
_GLUED_BAR = re.compile(r"\s*(?:分享到|分享至|(?:分享|字号)(?=[：:]))[：:]?\s*$|(?<=[^\s|｜丨])(?:\s*[|｜丨])+\s*$")
_COUNTER_TAIL = re.compile(r"(?<=[\u4e00-\u9fff」』”）)！？])\s+(\d{1,3})\s*$")  # …不定時評鑑 23
_DOUBLED = re.compile(r"^(.{6,}?)\s+\1$")  # 新盘「顶烂市」 楼价又跌 新盘「顶烂市」 楼价又跌
# a visit's 副题 under its headline, the officials who went along and no verb of their own (姚民声来虞考察 /
# 任其良温暖赵畅吕军陪同, an e-paper's 上虞日报, hp-377): the headline is the line above it — not a headline that
# says the visit itself and who went along (李强在浙江调研 吴政隆陪同)
_ESCORT_SUBTITLE = re.compile(r"^(?![^陪]*(?:在|调研|考察|视察|出席|会见|主持|召开|看望|慰问|参观|检查))"
                              r"[\u4e00-\u9fff、，·\s]{2,40}?(?:等)?(?:一同|一起)?陪同$")
# a meeting's 副题 under its headline, who chaired it and who attended, each name with no verb but its role
# (市委人才工作领导小组召开会议 / 曹路宝主持并讲话 吴庆文出席, 苏州日报, hp-504): the headline is the line above it —
# not a headline that says where the official spoke (李强在全国科技大会上讲话)
_ROLE = r"(?:主持(?:会议)?(?:并讲话|并致辞)?|出席(?:会议|活动)?(?:并(?:发表)?(?:重要)?讲话|并致辞)?|讲话|致辞|陪同|参加)"
_ATTENDANCE_SUBTITLE = re.compile(rf"^(?!.*(?:在|召开|举行|调研|考察|视察|会见|看望|慰问))"
                                  rf"(?:[\u4e00-\u9fff·、]{{2,16}}?{_ROLE}[\s，]*){{1,4}}$")
# a line that only names a body: a notice's issuer or signature (中共廊坊市委, 重庆市高技能人才工作联席会办公室),
# a company's name over its news list (上药控股有限公司); never a headline
_BODY = re.compile(r"^(?:中共)?[\u4e00-\u9fff（）()·]{2,24}(?:人民政府|办公厅|办公室|委员会|常委会|市委|省委|县委|区委|党委|党组|工委"
                   r"|管委会|有限公司|有限责任公司|集团)$")
# … or a body and its verb, what it announced on the lines under it: a post's sentence broken into short lines
# (近日 / 中华全国总工会公布 / 100家重点支持工匠学院名单 / 徐工技师学院榜上有名, wp-191); a headline says what it
# announced (…名单公布), never only who did
_BODY_ANNOUNCES = re.compile(r"^(?:中共)?[\u4e00-\u9fff（）()·]{2,24}(?:总工会|工会|委员会|人民政府|政府|办公厅|办公室|部|局|厅|署|委|院|中心"
                             r"|集团|公司)(?:近日|日前|今天|今日|正式)?(?:公布|发布|宣布|印发|通报)$")
_CUT_ENTITY = re.compile(r"&(?:[A-Za-z]{0,6}|#\d{0,5})$")  # a headline the site cut inside &quot;: 200名工匠获&
# a field of a programme's or a meeting's card, never a headline: 主持人：张凤萍, 嘉 宾：梁万年 国家卫生健康委…,
# 地 点：安徽省铜陵市, 编导：陈颢之、张凤萍
_FIELD = re.compile(r"^(?:主\s*持\s*人?|嘉\s*宾|主讲(?:人|嘉宾)?|发\s*言\s*人|地\s*点|时\s*间|会议(?:时间|地点)|编\s*导|导\s*演"
                    r"|摄\s*像|出\s*品\s*人?|主办(?:单位|方)?|承办(?:单位|方)?|协办(?:单位|方)?|(?:记者|作者)署名)\s*[：:]")
# a government page's 信息公开 table, two of its fields to a line, never a headline: 信息分类：通知 发布机构：太湖县
# 人民政府办公室, 废止时间：2020-01-23名称：太湖县人民政府关于印发…的通知 (hp-410)
_INFO_FIELD = re.compile(r"(?:索引号|分类|机构|日期|时间|文号|字号|来源|关键词|名称|有效性|概述)\s*[：:]")
# a collection's numbered piece under the collection's own headline: 签约服务实施方案集合（精选3篇） / … /
# 签约服务实施方案集合 篇1 (a 范文 page, hp-403)
_NUMBERED_PIECE = re.compile(r"^(?P<stem>.{4,}?)\s*篇\s*[\d一二三四五六七八九十]{1,2}$")
# an op-ed's author before a slash (蘇益仁/台灣生醫產業 不要以管窺天): the byline under it names them again
_AUTHOR_SLASH = re.compile(r"^([\u4e00-\u9fff·]{2,4})\s*[/／]\s*(?=\S.{5})")
# a headline a page glued to its metadata on one line: 京津冀协同创新共同体发展研究*时间: 2019-10-15信息来源:…,
# or to the site's notice: 《表1…部分设施》 提示：宽带有限、当前游客访问压缩模式 (probe-136)
_GLUED_META = re.compile(r"^(?P<head>.{6,64}?)(?:(?:[*＊\s|｜]+|(?<=[？！?!”」》]))(?:发布)?(?:时间|日期|来源|作者|提示)|\s*(?:发布时间|发布日期|信息来源|文章来源))\s*[：:]\s*\S")
# an image's placeholder on a line of its own, where a pasted page had a picture: 图片, [图片], ![](…)
_IMAGE_ONLY = re.compile(r"^(?:[\[【（(]?(?:图片|图像|圖片|image)[\]】）)]?|!\[[^\]]*\]\([^)]*\))$", re.IGNORECASE)
# a source's name in 【】 before a headline glued to its metadata: 【中国医疗保险】从进博之窗到谈判桌，… 来源：中国医疗保险
_SOURCE_LABEL = re.compile(r"^【([^【】]{2,16})】\s*")
# a wire dateline over the story with the headline after it, a genre before a colon (…日电 综述：…), not 题：
_WIRE_DATELINE = re.compile(r"^[\u4e00-\u9fff]{1,10}(?:社|网|报|台)[\u4e00-\u9fff]{2,6}(?:\d{1,2}月)?\d{1,2}日电\s+(?=\S)")
# … or to its lead, when a mirror lost the line breaks: 排队数小时等待漂流…补偿措施 本报讯（记者李丰）贵州省…
_GLUED_LEAD = re.compile(r"^(?P<head>\S.{7,63}?)\s+(?=(?:本报讯|本网讯|本台讯|[\u4e00-\u9fff]{2,8}(?:社|网|报|台)[\u4e00-\u9fff]{2,8}"
                         r"\d{1,2}月\d{1,2}日电|据[\u4e00-\u9fff]{2,10}报道)[（(，]?)")
# … or to the English text of a bilingual page: 我国在疫苗接种方面迈出了一大步From offering the world's first…
# (a sentence's first word and four more, with no Chinese character among them)
_GLUED_POST = re.compile(r"^(?P<head>\S.{5,63}?)\s+(?:发表于|發表於|发布于|發佈於|發布於)\s*[：:]?\s*(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}")
_GLUED_ENGLISH = re.compile(r"^(?P<head>[^A-Za-z]{6,64}?[\u4e00-\u9fff”」》！？!?])\s*(?=[A-Z][a-z'’]*(?:[\s,]+[A-Za-z'’-]+){4})")
# a guest list's or a caption's person: 马伟杭 浙江省卫生健康委巡视员 (a name, a space, an office)
_NAME_AND_OFFICE = re.compile(r"^[\u4e00-\u9fff·]{1,3}\s?[\u4e00-\u9fff·]{1,2}\s+[\u4e00-\u9fff（）()、]{2,30}"
                              r"(?:主任|司长|局长|厅长|处长|部长|市长|省长|区长|县长|书记|巡视员|院长|校长|所长|董事长|总经理|主席"
                              r"|教授|院士|研究员|总监|秘书长|发言人|会长|理事长)$")
# the editor's note that the headline above it is the editor's: *标题由编辑所加 (a letter had none)
_TITLE_NOTE = re.compile(r"(?:标题|题目)(?:为|系|由)?(?:编者|编辑)所?(?:加|拟)")
_BULLETED = re.compile(r"^[•·▪●○◆◇■□►]")
_MENU_MARK = re.compile(r"^[*＊•·▪●○◆◇■□►]+\s*")  # a menu item's bullet, a Markdown list's `*` among them
MIN_LINK_LIST = 3  # bulleted lines in a row: a list of other stories' links
# an e-paper reader's own header, never a headline: 电子报阅读机 / 2026-01-26 / 星期一 / 当前报纸名称：劳动午报,
# and its page's bar: 15版 信息披露 查看版面PDF (上海证券报, hp-328)
_READER = re.compile(r"^(?:(?:电子|数字)(?:报|报纸|报刊|版)(?:阅读[机器]|阅览[器室]?|平台|系统)$"
                     r"|当前(?:报纸|报刊|期刊|版面|期次|期数)(?:名称)?\s*[：:])|(?:^|\s)查看版面\s*(?:PDF|大图)$"
                     # a document site's label over the excerpt it shows: 论文部分内容阅读 (wp-052)
                     r"|^(?:论文|文章|全文|原文|正文|文档)?(?:部分)?内容(?:阅读|预览)$")
# a repost's column kicker 分享 before its bar, which text/junk.py takes for a share button's label:
# 分享 | 突发公共卫生事件智慧应急发展探讨 (hp-353); the headline is what follows the bar
# a search page's header (搜索结果, 搜尋結果：共 12 筆) and the bare quoted query under it, in either script
_SEARCH_HEADER = re.compile(r"^(?:搜索|搜尋|搜寻|检索|檢索|查询|查詢)(?:结果|結果)(?:\s*[：:]?\s*[^，。！？]{0,16})?$")
_QUERY_ECHO = re.compile(r"^[「“『\"][^「」“”『』\"]{1,30}[」”』\"]$")
_SHARE_KICKER = re.compile(r"^分享\s*[|｜丨]\s*(?=\S{6})")
# a repost's note of where it was taken from, over the text: 本文选自中国工程院院刊《中国工程科学》2021年第5期 (hp-353)
_REPOST_NOTE = re.compile(r"^(?:本文|此文|文章)(?:选自|转自|转载自|摘自|节选自|来源于)[^。，]{2,40}$")
# a listed company's announcement header, never a headline: 证券代码：000597证券简称：东北制药 公告编号：2024-030
_STOCK_HEADER = re.compile(r"^(?:证券|股票)代码\s*[：:].{0,40}?(?:证券|股票)简称\s*[：:]")
# an e-paper article's head: its title over a block of 日期：10-21 / 字号： / 版面：07：人物 上一篇 下一篇
_EPAPER_META = re.compile(r"^(?:日期|字号|版面|版次|版名|期数|作者|来源)\s*[：:]")
_EPAPER_ONLY = re.compile(r"^(?:字号|版面|版次|版名|期数)\s*[：:]")  # fields no story's byline block has
MIN_EPAPER_META = 2  # metadata lines in a row under an e-paper article's title
# a share box's prompt, never a headline: 分享至好友和朋友圈, 分享到微信朋友圈 (under 用微信扫码二维码, probe-134)
_SHARE_BOX = re.compile(r"^(?:一键)?(?:分享|转发)(?:到|至|给)?(?:[\u4e00-\u9fff]{0,4}(?:好友|朋友圈|微信|微博|QQ空间|QQ|空间)){1,3}$")
# what a paywall's pitch offers with the subscription: 立即畅读, VIP 好文, 订阅送…
_PAYWALL = re.compile(r"(?:现在|立即|马上)订阅|立即畅读|订阅(?:送|享|即享)|VIP\s*(?:好文|文章|会员)|不限方案")
MAX_PROMO = 80  # characters
# a story's length on a line of its own, under udn's headline: 本文共659字 (hp-250), 全文共3200字，阅读约8分钟
_WORD_COUNT = re.compile(r"^(?:本文|全文)共?\s*\d{2,6}\s*字(?:[，,]?\s*(?:预计)?阅读(?:时间|需要)?约?\s*\d{1,3}\s*分钟)?$"
                         r"|^文章字数\s*[：:]\s*\d{1,6}$")  # an e-paper's field under the title (天门日报, hp-464)
# a periodical's running page header, which a PDF's text runs into its sentences: 立法院公报 第103卷
# 第25期 委员会纪录 (probe-154); a volume and an issue number together, which no headline carries
_RUNNING_HEADER = re.compile(r"第\s*\d{1,4}\s*卷\s*第\s*\d{1,4}\s*期")
MAX_RUNNING_HEADER = 40  # characters: 立法院公報 第 103 卷 第 25 期 委員會紀錄
# toneless pinyin a mirror put after each of some characters: 记（ji）者, 每经记者（zhe）
_TONELESS = re.compile(r"(?<=[\u4e00-\u9fff])\s?[（(][a-z]{1,6}[）)]")
# a forum poster's name ending in digits, or a latin handle, over a bare timestamp: 技能成才12 / 2025-06-20 16:24:42
_POSTER = re.compile(r"^(?:[\u4e00-\u9fffA-Za-z_]{1,12}\d{1,8}|[A-Za-z][A-Za-z0-9_.-]{2,19})$")
_TIMESTAMP = re.compile(r"^(?:19|20)\d{2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}\s+\d{1,2}[:：]\d{2}(?:[:：]\d{2})?$")
# a WeChat article's credits under its title, a bar after each role: 作者丨阿肯 / 编辑丨好了你不要再说了、普通酱 /
# 题图丨pixabay (hp-260); text/junk.py knows 作者丨 but not a nickname nor a cover picture's credit
_CREDIT_BAR = re.compile(r"^(?:作者|编辑|责编|主编|题图|头图|封面图?|配图|图片|摄影|排版|美编|校对|审校|审核|监制|出品|策划|统筹|撰文|文|图)"
                         r"\s*[丨|｜]\s*[^。！？]{1,30}$")
# a column's headline wholly in 【】 with its author's note after it: 【三分鐘的健保，台灣健保的幸福與悲哀】
# （文：徐國峰醫師，臺灣針刀醫學會理事） (hp-299); the note says it is a headline, not a section's label
_BRACKETED_BY_AUTHOR = re.compile(r"^【(?P<title>[^【】]{6,40})】\s*[（(](?:文|作者|撰文)\s*[：:/／][^（）()]{2,30}[）)]$")
# an outlet's name before the headline, a space between (大众网海报新闻 齐鲁医院举行…, hp-285), which the lead
# under it opens with as its dateline's source: 大众网·海报新闻济南讯10月18日，…
_OUTLET_HEAD = re.compile(r"^(?P<outlet>[\u4e00-\u9fff·]{3,12})\s+(?=\S)")
_DATELINE_AFTER = re.compile(r"^[\u4e00-\u9fff]{0,6}(?:讯|电|消息|报道)|^\s*[（(]\s*记者")
# the name a dateline opens with, before its date: 三级片段 2024-05-11 12:33:14 来源: 原创 (a spam template's keyword, hp-364)
MIN_INJECTED_NAME = 4  # characters: a template's keyword (三级片段), longer than a district's name (海淀, 朝阳)
_DATELINE_NAME = re.compile(r"^(?P<name>[\u4e00-\u9fff]{2,6})\s*(?=(?:19|20)\d{2}\s*[-/.年])")
_OUTLET_END = ("报", "网", "社", "台", "刊", "号", "端")  # an outlet's name, which a headline may open with
# a column's kicker closed by a lone 》: 健康網》台大住院醫招募曝隱憂 醫：健保制度傷醫護 (自由時報, hp-300)
_CLOSED_KICKER = re.compile(r"^[\u4e00-\u9fff]{2,5}》(?=[^《》]+$)")
# a column's genre after a bar or a dot, which names no author: …|高质量发展调研行·记者手记 (hp-171)
_GENRE_KICKER = re.compile(r"(?<=[|｜·・])(?:记者|采访|编辑|编者)(?:手记|札记|笔记|观察)$")
RESTATED = 8  # characters of a headline's end that a teaser glued to it says again
SHORT_HEADLINE = 4  # characters: a shorter line over the dateline is a headline only as a last resort
FIRST_LINE_SHARE = 0.5  # of its character pairs in the text under it: the page's first line is its title
MIN_PARALLEL_SUBHEADS = 3  # `kicker：…` subheads of one shape: a feature set out in parts (_title_over_parallel_subheads)
PICTURE_COPIES = 2  # copies of the first line between the story's paragraphs: a mirror printed it at each picture
PICTURE_TITLE_SHARE = 0.125  # of its character pairs the story need say then (_title_at_every_picture)


@dataclass(frozen=True)
class Headline:
    text: str
    origin: str  # see the module's docstring
    index: int | None = None  # the line it stands on, for a pasted page
    lines: int = 1  # how many: a title wrapped over two lines stands on both


def original_title(lines: list[str]) -> str | None:
    """The 原标题： a page quotes (the title the story first ran under), if any."""
    for line in lines[:80]:
        text = _LIST_MARK.sub("", normalize_text(line))  # • 原标题:北京官方:…
        match = (re.search(_ORIGINAL_WORD, text[:6]) and _ORIGINAL.match(text)) or _ORIGINAL_INLINE.search(text)
        if match and usable(match.group("title")):
            return clean_decoration(match.group("title"))
    for line in lines[-20:]:  # a repost's closing note on where it ran: 原文出處：快新聞／宜蘭外海規模7地震… (hp-567)
        match = _ORIGINAL_SOURCE.match(normalize_text(line))
        if match and usable(match.group("title")) and len(_HAN.findall(match.group("title"))) >= MIN_SOURCE_TITLE:
            return clean_decoration(match.group("title"))
    return None


def page_candidates(lines: list[str]) -> tuple[list[CandidateLine], int]:
    """The candidate lines of a pasted page and where its story starts (for tools/train_titles.py)."""
    texts = [normalize_text(line) for line in lines[:_reach(lines, LOOK_AHEAD + 20)]]
    kinds = _line_kinds(texts)
    story = _story_start(texts, kinds)
    return candidate_lines(texts, kinds, original_title(lines), story), story


def find_in_lines(lines: list[str]) -> Headline | None:
    """The headline among a pasted page's lines (raw, one per line, blank lines removed).

    Every headline-like line of the first LOOK_AHEAD is weighed by the headline model (learned
    on the tune split: what the line shares with the story under it, how much story follows it —
    a teaser in a list of links has a snippet under it, the headline has the story —, whether a
    dateline or source line stands under it, whether the 原标题 names it, its shape and place);
    the links under 相关新闻 are passed over, a subtitle (——…, or a visit's …陪同) gives way to the line above it,
    a collection's numbered piece (…集合 篇1) to the collection's headline above it.
    `标题：…` is taken as said, and so is a feature's title in its wire dateline (`…日电 题:…`, whose
    line then stands for the headline), the line under a form's empty `3.新闻标题：` field, and a column's
    `【title】` with its author's `（文：…）` beside it. An outlet's name before the headline goes when the
    lead under it opens with that outlet as its source (`大众网海报新闻 …` / `大众网·海报新闻济南讯`). A line under
    the dateline block gives way to the one above it (a subhead under 来源, not the headline), an
    op-ed's `作者/` goes. Without a likely line: a flash's
    【…】, a notice's 《title》, the 原标题, the first line when the text under it names it, a line said
    twice running over the story that names it."""
    texts = [normalize_text(line) for line in lines[:_reach(lines, LOOK_AHEAD + 20)]]
    kinds = _line_kinds(texts)
    original = original_title(lines)
    in_dateline = next(((i, stated) for i, t in enumerate(texts[:LOOK_AHEAD])
                        if (stated := stated_in_dateline(t)[1]) and usable(stated)), None)
    if in_dateline:  # the line stands for the headline: what is above it is the page's, not the story's
        return Headline(without_site_name(clean_decoration(in_dateline[1])), "page", in_dateline[0])
    stated = next((m.group(1).strip() for t in texts if (m := _STATED.match(t)) and usable(m.group(1).strip())), None) \
        or _stated_below(texts)
    if stated:
        return Headline(without_site_name(clean_decoration(stated)), "page")
    bylined = next(((i, m.group("title")) for i, t in enumerate(texts[:LOOK_AHEAD])
                    if (m := _BRACKETED_BY_AUTHOR.match(t)) and usable(m.group("title"))), None)
    if bylined:  # a column's 【title】 with its author's note: as plainly a headline as 标题：… is
        return Headline(bylined[1], "page", bylined[0])
    story = _story_start(texts, kinds)
    lines_found = candidate_lines(texts, kinds, original, story)
    best = choose_line(lines_found, story)
    if best is not None:
        best = _over_its_subhead(best, lines_found, texts, kinds)
        best = _stamped_title_over(best, lines_found, texts)
        best = _printed_twice_over(best, lines_found)
    epaper = _title_over_epaper_meta(texts, kinds)
    if epaper is not None and (best is None or best.index < epaper.index):
        return epaper  # the e-paper article's own head; what stands above it is the reader's
    if original and (best is None or not _agrees(best.text, original)):
        return Headline(original, "original_title")  # the story's own title, as it first ran
    if best is not None:
        index, text, spans = best.index, best.text, best.lines
        if index + 1 < len(texts) and _browser_title_over(text, texts[index + 1]):
            index, text, spans = index + 1, clean_decoration(texts[index + 1]), 1  # the headline the title bar names
        elif (main := _main_title_under_kicker(best, lines_found, texts)) is not None:
            index, text, spans = main.index, main.text, main.lines  # the 主题 under its 引题
        elif text.startswith(("——", "—")) and index and usable(texts[index - 1]):
            index, text, spans = index - 1, clean_decoration(texts[index - 1]), 1  # the subtitle's headline, above it
        elif (_ESCORT_SUBTITLE.match(text) or _ATTENDANCE_SUBTITLE.match(text)) and index and not kinds[index - 1] \
                and usable(texts[index - 1]):
            index, text, spans = index - 1, clean_decoration(texts[index - 1]), 2  # … and the 副题 goes with it
        elif (piece := _NUMBERED_PIECE.match(text)) and (whole := next(
                (line for line in lines_found if line.index < index and line.text.startswith(piece.group("stem"))
                 and line.text != text), None)):
            index, text, spans = whole.index, whole.text, whole.lines  # the collection's headline, not its piece's
        under = index + spans
        text = _without_outlet(_without_author(text, texts[under:under + 3]), texts[under:under + 3])
        below = texts[under:under + 11]
        text = _without_category_label(_without_injected_phrase(text, below), "".join(texts[under:]))
        text = _without_dateline_name(text, texts[under] if under < len(texts) else "", "".join(texts[under + 1:]))
        text = _without_paper_note_mark(text, texts[under:under + 4])
        text = _without_counter(text, lines[index], "".join(texts[under:]))
        return Headline(_without_injected_tail(without_site_name(text), below), "page", index, spans)
    # (not a writer's byline in the brackets: 【区域观察员 陈思】早晨7:15，… probe-448)
    flash = next((m for t in texts[:6] if (m := _FLASH.match(t)) and not lead_byline(t)), None)
    if flash and usable(flash.group(1)):  # 【中老签署标准化合作谅解备忘录】市场监管总局消息，…
        return Headline(flash.group(1), "page")
    whole = "\n".join(texts)  # a notice: its title stands under the covering letter that names it in 《》
    named = next((i for i, t in enumerate(texts[:40]) if usable(t) and f"《{t}》" in whole), None)
    if named is not None:
        return Headline(texts[named], "page", named)
    if original:
        return Headline(original, "original_title")
    return _first_line_title(texts, kinds) or _short_title_over_dateline(texts, kinds) \
        or _numbered_title_over_dateline(texts, kinds) or _credit_shaped_title_over_dateline(texts, kinds) \
        or _title_said_between_paragraphs(texts, kinds) or _title_said_twice(texts, kinds) \
        or _body_shaped_title_over_dateline(texts, kinds) or _title_at_every_picture(texts, kinds) \
        or _title_over_parallel_subheads(texts, kinds)


def _title_over_parallel_subheads(texts: list[str], kinds: list[str | None]) -> Headline | None:
    """A feature set out as parallel subheads (疑问1：… 疑问2：… 疑问3：… 疑问4：…, which _not_a_headline passes over):
    the line the page opens on, over the intro and those subheads, is its title when it is no sentence, no subhead
    itself, and the text under it says a word of it (疫苗到底该不该打？四大防疫疑问医师亲自解答, hp-629). The model
    rates such a title low, for the intro under it says little of it; the first subhead it rated higher."""
    first = next((i for i, k in enumerate(kinds) if k is None), None)
    if first is None:
        return None
    text = clean_decoration(texts[first])
    if not usable(text) or _is_prose(text) or _SUBHEAD.match(text):
        return None
    subheads = [j for j in range(first + 1, min(len(texts), LOOK_AHEAD)) if kinds[j] is None
                and not _is_prose(texts[j]) and _SUBHEAD.match(texts[j])]
    if not subheads or _sibling_subheads(subheads[0], texts[subheads[0]], texts, kinds) < MIN_PARALLEL_SUBHEADS - 1:
        return None
    under = "".join(t for t, k in zip(texts[first + 1:], kinds[first + 1:]) if k is None)
    if len(under) < STORY_MASS or not _bigrams(text) - _FUNCTION_PAIRS & _bigrams(under):
        return None
    return Headline(without_site_name(text), "page", first)


def _title_at_every_picture(texts: list[str], kinds: list[str | None]) -> Headline | None:
    """A mirror that printed the page's title where each of the story's pictures stood (the picture's alt
    text): the page's first line said again at least twice further down, each copy with a paragraph of the
    story between it and the one before (美國“光速”研發疫苗，是拔苗助長還是另有隱情（圖） over the lead and after
    every third paragraph, hp-551), found only when nothing else is. The copies are the evidence, so the story
    need say only a few of its words (PICTURE_TITLE_SHARE: 美國, 疫苗); copies stacked over the story are
    another story's headline a mirror repeated (c-0087), and a line the story says nothing of is no title."""
    first = next((i for i, k in enumerate(kinds) if k is None), None)
    if first is None or _is_prose(texts[first]) or not usable(clean_decoration(texts[first])):
        return None
    title, copies, prose_since = texts[first], 0, False
    for text, kind in zip(texts[first + 1:LOOK_AHEAD], kinds[first + 1:LOOK_AHEAD]):
        if text == title:
            copies += prose_since
            prose_since = False
        elif kind is None and _is_prose(text):
            prose_since = True
    under = _story_prose(texts[first + 1:], kinds[first + 1:], without=title)
    if copies < PICTURE_COPIES or len(under) < STORY_MASS or _bigram_share(title, under) < PICTURE_TITLE_SHARE:
        return None
    return Headline(without_site_name(clean_decoration(title)), "page", first)


def _main_title_under_kicker(best: CandidateLine, lines: list[CandidateLine], texts: list[str]) -> CandidateLine | None:
    """A newspaper's 引题 over its 主题, the story right under both and no dateline: the kicker runs in clauses
    (4个省会城市和12个观察员城市共同签署协议，铺排6个方面63项重点合作事项), the main title under it is one short phrase
    (长江中游城市群锚定“牵手”蓝图, hp-449)."""
    meta = HEADLINE_FEATURES.index("meta_below")
    under = next((line for line in lines if line.index == best.index + best.lines), None)
    if under is None or best.features[meta] or "，" not in best.text or best.text.endswith("。") \
            or "，" in under.text or len(under.text) >= len(best.text):
        return None
    below = under.index + under.lines
    return under if below < len(texts) and _is_prose(texts[below]) else None


def _browser_title_over(text: str, below: str) -> bool:
    """A page's browser title (site name - headline页面) over the headline it names: 中国罕见病综合云服务平台官方网站 -
    述评|罕见病用药保障现状与挑战页面 / 述评|罕见病用药保障现状与挑战 (hp-456). The line under it is the headline; the
    title bar adds only the site's name."""
    if below == text or below not in text or not usable(below):
        return False
    return bool(_SITE_PART.search(text.replace(below, " ", 1)))


def _title_said_between_paragraphs(texts: list[str], kinds: list[str | None]) -> Headline | None:
    """A mirror that lost the headline above its lead and put it, as a line of its own, between the story's
    paragraphs twice or more (本篇文章594字… / 新华社合肥12月6日电… / 【快讯】长江中游四省会城市“抱团”快速发展… / 据介绍，… /
    the same line again, hp-448): as a last resort, the line said twice, with the story's paragraphs above it and
    between its copies, whose words the story says. Copies stacked over the story are another story's headline a
    mirror repeated (c-0087)."""
    ahead = texts[:LOOK_AHEAD]
    paragraphs = [kind is None and _is_prose(text) for text, kind in zip(ahead, kinds)]
    for i, text in enumerate(ahead):
        if kinds[i] is not None or _is_prose(text) or not usable(text) or text not in ahead[i + 1:]:
            continue
        again = ahead.index(text, i + 1)
        if text in ahead[:i] or not any(paragraphs[:i]) or not any(paragraphs[i + 1:again]):
            continue
        under = "".join(t for t, k in zip(texts, kinds) if k is None and t != text)[:2000]
        if _story_names(text, under, mass=STORY_MASS):
            return Headline(without_site_name(clean_decoration(text)), "page", i)
    return None


def _stated_below(texts: list[str]) -> str | None:
    """A repost form's empty title field with the title on the next line (PTT's `3.新聞標題:` over
    the headline, then `4.新聞內文:`, probe-148): the title as the form states it."""
    for i, text in enumerate(texts[:-1]):
        if _STATED_FIELD.match(text) and usable(texts[i + 1].strip()):
            return texts[i + 1].strip()
    return None


def _reach(lines: list[str], count: int) -> int:
    """How many of a page's first lines hold `count` lines of three characters or more: a menu's
    one-word items and a calendar's days one a line (本地 / 國際 / 1 / 2 … 31 over RTHK's headline,
    hp-173) do not use up the look-ahead, as they do not push the headline down (candidate_lines)."""
    seen = 0
    for i, line in enumerate(lines):
        seen += len(line.strip()) > 2
        if seen >= count:
            return i + 1
    return len(lines)


def _line_kinds(texts: list[str]) -> list[str | None]:
    """Each line's kind (text/junk.py): a trending list's rank label and the headline beside it are
    related (another story's: junk.trending_items), and two more kinds a pasted page has: an e-paper
    reader's own header (电子报阅读机, 当前报纸名称：劳动午报) is furniture, and a forum poster's name
    over the bare timestamp of the post (技能成才12 / 2025-06-20 16:24:42, the thread's title under
    them) is a byline."""
    trending = trending_items(texts)
    return [line_kind(text) or ("related" if i in trending else _own_kind(texts, i)) for i, text in enumerate(texts)]


def page_roles(lines: list[str]) -> dict[int, str]:
    """What the finder knows some of a pasted page's lines to be that text/junk.py does not, for the
    reader (text/pages.py) to drop or set apart: "furniture" or "byline" (an e-paper reader's header, a
    share box's prompt, a subscription box's pitch, a story's word count, a periodical's running header
    anywhere in a PDF's text, a source field and its value, a byline annotated with toneless pinyin, a forum
    poster), "subhead" (one of the story's parallel `kicker：…` subheads under its lead,
    _sibling_subheads; a collection's numbered piece, …集合 篇1)."""
    texts = [normalize_text(line) for line in lines]
    roles = {i: kind for i in range(len(texts)) if (kind := _own_kind(texts, i))}
    ahead = texts[:_reach(texts, LOOK_AHEAD)]
    kinds = None
    prose_above = 0
    for i, text in enumerate(ahead):
        if _NUMBERED_PIECE.match(text) and not _is_prose(text) and i not in roles:
            roles[i] = "subhead"  # a collection's piece heading (…集合 篇1): not glued to the piece's first paragraph
        elif _SUBHEAD.match(text) and not _is_prose(text) and prose_above >= MIN_PROSE and i not in roles:
            kinds = kinds or _line_kinds(ahead)
            if kinds[i] is None and _sibling_subheads(i, text, ahead, kinds):
                roles[i] = "subhead"
        prose_above += len(text) if _is_prose(text) else 0
    return roles


def _own_kind(texts: list[str], i: int) -> str | None:
    if _READER.search(texts[i]) or _STOCK_HEADER.match(texts[i]) \
            or _REPOST_NOTE.match(texts[i]) or _SHARE_BOX.match(texts[i]) or _PHOTO_CAPTION.search(texts[i]) \
            or _SOURCE_FIELD.search(texts[i]) or _is_paywall_promo(texts[i]) or _WORD_COUNT.match(texts[i]) \
            or (_RUNNING_HEADER.search(texts[i]) and len(texts[i]) <= MAX_RUNNING_HEADER):  # (a sentence may cite an issue)
        return "furniture"
    if i and _SOURCE_FIELD.search(texts[i - 1]) and not _is_prose(texts[i]):
        return "furniture"  # the value of a source field above it: 本系列图表出处文件名：… / 《…》 (probe-136)
    if _SEARCH_HEADER.match(texts[i]) or i and _SEARCH_HEADER.match(texts[i - 1]) and _QUERY_ECHO.match(texts[i]):
        return "furniture"  # a search page's header and the query it echoes: 搜索結果 / 「香港大埔宏福苑火災」 (hp-599)
    if _TONELESS.search(texts[i]):  # a byline a mirror annotated with toneless pinyin: 每经记者（zhe）|陈（chen）星
        kind = line_kind(_TONELESS.sub("", texts[i]))
        if kind in ("byline", "editor_line", "credit", "dateline", "source_line"):
            return kind
    if i + 1 < len(texts) and _POSTER.match(texts[i]) and _TIMESTAMP.match(texts[i + 1]) or _CREDIT_BAR.match(texts[i]):
        return "byline"
    return None


def _is_paywall_promo(text: str) -> bool:
    """A subscription box's pitch, never a headline nor story: 关税风暴接踵而来，快看专家如何解析…！现在订阅，立即畅读
    经济 VIP 好文… / ⭐不限方案订阅送7-11 100元 (udn's, twice over the headline, hp-250)."""
    return "订阅" in text and len(text) <= MAX_PROMO and not text.endswith("。") and bool(_PAYWALL.search(text))


def _title_over_epaper_meta(texts: list[str], kinds: list[str | None]) -> Headline | None:
    """An e-paper article's title: the short line right over its block of fields (开栏的话 / 日期：10-21
    / 字号： / 版面：07：人物 上一篇 下一篇), however short; a 字号 or 版面 field tells the block from a
    story's own byline block."""
    for i, text in enumerate(texts[:_reach(texts, LOOK_AHEAD)]):
        block = list(takewhile(lambda t: bool(_EPAPER_META.match(t)), texts[i + 1:i + 8]))
        if kinds[i] is not None or _EPAPER_META.match(text) or len(block) < MIN_EPAPER_META \
                or not any(_EPAPER_ONLY.match(t) for t in block):
            continue
        title = clean_decoration(text)
        if 2 <= len(_HAN.findall(title)) and len(title) <= MAX_HEADLINE and not title.endswith("。") \
                and not _CAPTION.search(title) and not _BREADCRUMB.search(title):
            return Headline(title, "page", i)
    return None


def _over_its_subhead(best: CandidateLine, lines: list[CandidateLine], texts: list[str],
                      kinds: list[str | None]) -> CandidateLine:
    """The line above the dateline or source block rather than the one below it: 多个景区游客被困！…
    / 创始人 / 2025-06-01 11:15:49 / 转自：上观新闻 / 云南雨崩遭遇强降雨关闭景区 / 5月31日，… — the
    dateline confirms the headline it stands under; the line between it and the story, however much
    of the story it names, is the story's first subhead."""
    meta = HEADLINE_FEATURES.index("meta_below")
    if best.features[meta]:
        return best
    model = _headline_model()
    above = [line for line in lines if line.index < best.index and line.features[meta]
             and headline_probability(line, model) >= model.threshold]
    if not above:
        return best
    headline = max(above, key=lambda line: (headline_probability(line, model), line.index))
    between = range(headline.index + 1, best.index)
    if any(kinds[j] is None and usable(texts[j]) for j in between):
        return best  # another headline-like line between them: the dateline is not the headline's
    if not any(kinds[j] in ("dateline", "source_line", "byline") for j in between):
        return best
    return headline


def _stamped_title_over(best: CandidateLine, lines: list[CandidateLine], texts: list[str]) -> CandidateLine:
    """The line a crawler's date stamp opens (` date 2025-11-26 香港新界住宅區發生大火 … 1消防員殉職`, a Yahoo page's
    title, hp-207) rather than the line right under it (`入夜升為最嚴重五級火警 大批居民暫住庇護所`, its subtitle, hp-578):
    the stamp stands on the page's title line; the model, weighing the two, may prefer the one nearer the story."""
    if best.index == 0 or not _DATE_LABEL.match(texts[best.index - 1]) or _spelled_in_link(best.text, texts):
        return best
    model = _headline_model()
    above = next((line for line in lines if line.index + line.lines == best.index), None)
    if above is None:
        return best
    odds = headline_probability(above, model)
    # a stamped line the model rates far under the line below is a topic's label, not the title
    # (宏福苑五級火｜純文字重點 不帶災場畫面 at 0.18 over its story's headline at 0.999, hp-602)
    return above if odds >= model.threshold and odds >= STAMPED_SHARE * headline_probability(best, model) else best


def _printed_twice_over(best: CandidateLine, lines: list[CandidateLine]) -> CandidateLine:
    """The line an e-paper prints twice right over the chosen one, its writer's name between (跨城博覽促澳珠科技交流 /
    劉 英 / 跨城博覽促澳珠科技交流 / 元宇宙企業或落戶澳門, a 澳門日報 page, hp-610): the title said twice is the headline,
    the line under its second copy its subtitle."""
    above = [line for line in lines if best.index - TWICE_WITHIN <= line.index < best.index]
    for second in reversed(above):
        first = next((line for line in lines if second.index - TWICE_WITHIN <= line.index < second.index
                      and line.text == second.text), None)
        if first is not None and second.text != best.text and best.index - second.index - second.lines < TWICE_WITHIN:
            return second
    return best


def _spelled_in_link(text: str, texts: list[str]) -> bool:
    """Whether a link on the page spells the line in its address, its spaces as hyphens: a repost's note on where it
    ran (原文刊登於 AM730 https://…/遇火警逃命要冷靜-逃生三寶不可少/622542, hp-598) names the story's own title."""
    slug = re.sub(r"\s+", "-", text.strip())
    return len(_HAN.findall(slug)) >= MIN_SOURCE_TITLE and any("http" in t and slug in t for t in texts)


def _without_author(text: str, below: list[str]) -> str:
    """蘇益仁/台灣生醫產業 不要以管窺天 -> 台灣生醫產業 不要以管窺天, when the byline under it names 蘇益仁."""
    match = _AUTHOR_SLASH.match(text)
    if match and any(match.group(1) in line for line in below) and usable(text[match.end():]):
        return text[match.end():]
    return text


def _without_outlet(text: str, below: list[str]) -> str:
    """大众网海报新闻 齐鲁医院举行建院130周年院士论坛 -> 齐鲁医院举行建院130周年院士论坛, when a lead under it
    opens with that outlet as its dateline's source (大众网·海报新闻济南讯…); a name the lead merely starts
    with (樊明武 … / 樊明武今年80岁了) is the headline's own."""
    match = _OUTLET_HEAD.match(text)
    if not match or not usable(text[match.end():]):
        return text
    outlet = match.group("outlet").replace("·", "")
    for line in below:
        lead = line.replace("·", "").replace(" ", "")
        if lead.startswith(outlet) and _DATELINE_AFTER.match(lead[len(outlet):]):
            return text[match.end():]
    return text


def _first_line_title(texts: list[str], kinds: list[str | None]) -> Headline | None:
    """A page whose story starts under its first line, with no dateline between: that line is its
    title when the text under it names it (重磅年度药品审评报告发布 / 今日，国家药监局重磅发布《年度药品
    审评报告》…), or the head of a first line the mirror glued to its lead (…补偿措施 本报讯（记者…）."""
    first = next((i for i, k in enumerate(kinds) if k is None), None)
    if first is None:
        return None
    text = clean_decoration(texts[first])
    glued = _GLUED_LEAD.match(text)
    if glued and usable(glued.group("head")) and len(text) - glued.end() >= MIN_PROSE:
        return Headline(glued.group("head"), "page")
    posted = _GLUED_POST.match(text)  # a post's title run into its date and its text: …新年大禮 發表於 2017-01-09 … (hp-588)
    if posted and usable(posted.group("head")) and len(text) - posted.end() >= MIN_PROSE:
        return Headline(posted.group("head"), "page")
    english = _GLUED_ENGLISH.match(text)  # a bilingual page's headline run into its English text (hp-210)
    if english and usable(english.group("head")) and len(text) - english.end() >= MIN_PROSE:
        return Headline(english.group("head"), "page")
    # the text under it, its copies aside: a mirror's line said again over the story, glued to its lead, names nothing
    under = "".join(t.replace(text, "") for t, k in zip(texts[first + 1:], kinds[first + 1:]) if k is None)[:STORY_LEAD]
    restated = _head_restated(text) if len(under) < MIN_PROSE else None  # a page of one line
    if restated:
        return Headline(restated, "page")  # the teaser, glued to it, stays the body
    if usable(text) and _story_names(text, under):
        return Headline(without_site_name(text), "page", first)
    if usable(text) and len(under) >= MIN_PROSE and first + 1 < len(texts) and _IMAGE_ONLY.match(texts[first + 1]):
        # a WeChat-style article: its title, its cover image, its text (医保改革破局天价药 / 图片 / 2026年初，…,
        # hp-215), when the text says a word of it somewhere
        text_under = "".join(t for t, k in zip(texts[first + 2:], kinds[first + 2:]) if k is None)
        if _bigrams(text) - _FUNCTION_PAIRS & _bigrams(text_under):
            return Headline(without_site_name(text), "page", first)
    return None


def _head_restated(text: str) -> str | None:
    """The head of a one-line page glued to a teaser that says the headline's last clause again
    (揭榜挂帅，建设…改革“试验田”打破产学研壁垒，建设…改革“试验田”。): the headline ends where that
    clause's first copy ends, glued to the teaser's first word, and the second copy, whole, closes
    one of the teaser's clauses (a sentence that only says some of its words again is no teaser)."""
    for end in range(min(MAX_HEADLINE, len(text) - 2 * RESTATED), MIN_HEADLINE - 1, -1):
        head, rest = text[:end], text[end:]
        tail = re.split(r"[，；：！？]", head)[-1]  # the headline's last clause
        if not _HAN.match(rest[0]) or len(tail) < RESTATED or len(_HAN.findall(tail)) < RESTATED // 2 \
                or not usable(head):
            continue
        if _closes_a_clause(tail, rest):
            return head
    return None


def _closes_a_clause(words: str, text: str) -> bool:
    """Whether `words` stand in `text` right before a clause's end (，。；！？ or the text's)."""
    start = text.find(words)
    while start != -1:
        end = start + len(words)
        if end == len(text) or text[end] in "，。；！？":
            return True
        start = text.find(words, start + 1)
    return False


def _short_title_over_dateline(texts: list[str], kinds: list[str | None]) -> Headline | None:
    """A headline shorter than MIN_HEADLINE, found only when nothing else is: four or five Chinese
    characters right over the page's dateline or source line, whose words the story under it says
    (首页 收藏本站 / 当前所在：要闻速递 / 再过伶丁洋 / 2024.01.29 来源：卞眼观天下 / 笔者第一次过珠江囗
    伶丁洋…); a column's label over the dateline (要闻速递) names none of the story."""
    for i, text in enumerate(texts[:min(len(texts) - 1, _reach(texts, LOOK_AHEAD))]):
        if kinds[i] is not None or not SHORT_HEADLINE <= len(text) < MIN_HEADLINE \
                or len(_HAN.findall(text)) != len(text) or kinds[i + 1] not in ("dateline", "source_line"):
            continue
        under = _story_prose(texts[i + 2:], kinds[i + 2:])
        if _story_names(text, under):
            return Headline(text, "page", i)
    return None


def _numbered_title_over_dateline(texts: list[str], kinds: list[str | None]) -> Headline | None:
    """A series' chapter published as a page of its own, found only when nothing else is: the page's
    first numbered line, right over its dateline and above the story, whose words the story under it
    says (手机版 / 三、专业体系建设逐步完善，技术支撑能力不断提高 / 2012-02-07 / 经过十年的发展，…技术支撑能力
    不断提高。), or a lone story title in a page's ordered list, its 1. dropped (hp-509). A numbered line is
    otherwise a subhead (`_NUMBERED`); under the story's first prose, or after another numbered line, it still is."""
    for i, text in enumerate(texts[:min(len(texts) - 1, _reach(texts, LOOK_AHEAD))]):
        if _is_prose(text) and len(text) > MAX_HEADLINE:
            return None  # the story has begun
        if not _NUMBERED.match(text):
            continue
        heading = _NUMBERED.sub("", text, count=1)
        if kinds[i + 1] != "dateline" or kinds[i] is not None or not usable(heading):
            return None
        under = _story_prose(texts[i + 2:], kinds[i + 2:])
        if _story_names(heading, under):
            return Headline(_LIST_ITEM_NUMBER.sub("", text), "page", i)  # a list's 1. goes, a chapter's 三、 stays
        return None
    return None


def _credit_shaped_title_over_dateline(texts: list[str], kinds: list[str | None]) -> Headline | None:
    """A headline that reads like a credit, found only when nothing else is: the page's first line
    below its furniture, taken for a byline for a word after 通讯员 or 记者 (中国工程院举办《院士通讯》地方通讯员培训活动, hp-400), right
    over its dateline or source line and above the story, is the page's headline when at least half its
    character pairs are the story's; a real byline names a person the lead hardly says again."""
    first = next((i for i, k in enumerate(kinds) if k not in ("furniture", "nav", "outlet")), None)
    if first is None or first + 1 >= len(texts) or kinds[first] != "byline" \
            or kinds[first + 1] not in ("dateline", "source_line"):
        return None
    text = texts[first]
    if not MIN_HEADLINE <= len(text) <= MAX_HEADLINE or len(_HAN.findall(text)) < MIN_HEADLINE or not _balanced(text) \
            or re.search(r"[：:，,。；/／|｜]", text):
        return None  # (记者 张三 通讯员 李四, 文/张三: a byline's own marks)
    under = _story_prose(texts[first + 2:], kinds[first + 2:])
    if _story_names(text, under):
        return Headline(clean_decoration(text), "page", first)
    return None


def _title_said_twice(texts: list[str], kinds: list[str | None]) -> Headline | None:
    """A headline the page prints twice running, found only when nothing else is: its title bar's copy
    over the article's own (颱風山陀兒來襲，台灣各地停班停課標準引發關注 twice, under a bulleted menu of other
    stories, hp-478) is the headline when half its character pairs are the story's under it, its copies aside:
    another story's headline a mirror stacked over this one and glued to its lead names nothing of it
    (国家高新区“攀高逐新”实现开门红 ×3 over the CD47 story, c-0087); a menu's item is not said twice over a story."""
    for i in range(min(len(texts) - 1, _reach(texts, LOOK_AHEAD))):
        text = texts[i]
        if kinds[i] is not None or kinds[i + 1] is not None or texts[i + 1] != text or not usable(text):
            continue
        under = _story_prose(texts[i + 2:], kinds[i + 2:], without=text)
        if _story_names(text, under):
            return Headline(without_site_name(clean_decoration(text)), "page", i, 2)
    return None


def _body_shaped_title_over_dateline(texts: list[str], kinds: list[str | None]) -> Headline | None:
    """A headline that reads like a body's name (`_BODY`), found only when nothing else is: the page's
    first line, a committee's name the site cut its title down to (第三届全国工业过程测量和控制标准化技术委员会,
    hp-476), right over its dateline or source line, is the page's headline when the lead's first sentence
    says it whole and goes on (…委员会（SAC/TC124…）委员第三次全体会议在浙江杭州…开幕); a notice's issuer signs
    under its text and a company's name stands over its list of links, neither over a dateline and a lead."""
    first = next((i for i, k in enumerate(kinds) if k not in ("furniture", "nav", "outlet")), None)
    if first is None or first + 1 >= len(texts) or kinds[first] is not None \
            or kinds[first + 1] not in ("dateline", "source_line"):
        return None
    text = texts[first]
    if not _BODY.match(text) or not MIN_HEADLINE <= len(text) <= MAX_HEADLINE:
        return None
    lead = next((t for t, k in zip(texts[first + 2:], kinds[first + 2:]) if k is None and _is_prose(t)), "")
    sentence = re.split(r"[。！？]", lead, maxsplit=1)[0]
    at = sentence.find(text)
    if at == -1 or len(sentence) - at - len(text) < MIN_HEADLINE:
        return None
    return Headline(text, "page", first)


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
    if line_kind(_GENRE_KICKER.sub("", text)) is not None or _NUMBERED.match(text) or not _balanced(text) \
            or is_garbled(text):
        return False
    if _FRAGMENT_START.match(text):
        return False  # the rest of a sentence the excerpt begins inside (门、骨干产业…)
    if _CAPTION.search(text) or _BREADCRUMB.search(text) or "。" in text.rstrip("。"):
        return False  # a caption, a breadcrumb, two sentences (…预报图。图据中央气象台网站)
    if len(_INFO_FIELD.findall(text)) >= 2 or _CONTACT.search(text) or _ATTACHMENT.match(text):
        return False  # an information table's fields, a contact line's telephone number or address, an attachment
    if _BODY.match(text) or _BODY_ANNOUNCES.match(text) or _CUT_ENTITY.search(text) or _FIELD.match(text) \
            or _NAME_AND_OFFICE.match(text):
        return False  # a notice's issuer, a headline cut short inside an HTML entity, a card's field, a guest
    return not text.endswith(("。", "；", "，", "：", "、"))


def _balanced(text: str) -> bool:
    """Every bracket and quotation opened is closed: a fragment cut out of a sentence is not."""
    if text.endswith(("…", "...")):
        return True  # a headline the site cut short (…原来具有这样的“火车头……)
    text = _CLOSED_KICKER.sub("", text)
    return all(text.count(a) == text.count(b) for a, b in ("（）", "()", "《》", "“”", "【】", "「」"))


def _without_counter(text: str, raw_line: str, story: str) -> str:
    """A page's counter printed after the headline on its line, a space before it (醫院評鑑改6年一次有例外！
    石崇良：「低空飛過的」不定時評鑑 23, a Yahoo page's comments, hp-513), goes when the story under it never says
    the number: the page's count, not the headline's words (normalizing took the space away)."""
    counter = _COUNTER_TAIL.search(raw_line)
    if counter is None or not text.endswith(number := counter.group(1)) \
            or re.search(rf"(?<!\d){number}(?!\d)", story):
        return text
    return text[:-len(number)].rstrip()


def _without_paper_note_mark(text: str, below: list[str]) -> str:
    """A paper's title loses the note mark its 摘要 a line or two under it shows it to be."""
    if _CIRCLED_NOTE.search(text) and any(_ABSTRACT.match(line) for line in below):
        return _CIRCLED_NOTE.sub("", text)
    return text


def clean_decoration(text: str) -> str:
    text = _DOCUMENT_NUMBER.sub("", _DECORATION.sub("", _GLUED_BAR.sub("", text.strip())))
    text = _FOOTNOTE.sub("", _DASHED.sub(r"\1", text))
    doubled = _DOUBLED.match(text)
    return doubled.group(1) if doubled else text


def without_site_name(title: str) -> str:
    """怀柔科学城发布8项成果_北京日报网 -> 怀柔科学城发布8项成果 (the longest part when unclear)."""
    parts = [p for p in _SITE_PART.split(title) if p]
    if len(parts) <= 1:
        return title
    kept = [p for p in parts if line_kind(p) != "outlet" and not _is_site_part(p) and not _SERIAL.match(p)]
    if not kept:  # (热带气旋警报 ends like an outlet's name, 报; the serial number beside it is none)
        return next((p for p in parts if not _SERIAL.match(p)), parts[0])
    said_again = next((p for p in kept[1:] if kept[0] in p), None)
    if said_again:  # a topic's kicker the headline says again: 长三角一体化|…代表委员热议长三角一体化:…
        return said_again
    if len(kept) == 2 == len(re.split(r"[|｜]", title)) and len(kept[1]) > len(kept[0]):
        return kept[1]  # a column's kicker before a bar, the headline after it (瞭望·治国理政纪事|加快形成…)
    chosen = kept[0] if len(kept[0]) >= 6 else max(kept, key=len)
    inner = [p for p in _SITE_PART.split(chosen) if p]
    if len(inner) > 1 and _is_channel(inner[-1]) and len(chosen) - len(inner[-1]) > MIN_HEADLINE:
        return without_site_name(chosen)  # a channel's name between the headline and the site's: 率先改革进行时-新闻专题-科学网
    return chosen


def _is_channel(part: str) -> bool:
    return bool(_CHANNEL.search(part)) and len(part) <= 8


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


@dataclass(frozen=True)
class CandidateLine:
    """A line of a pasted page that could be its headline, and what it is like."""

    index: int
    text: str
    features: tuple[float, ...]  # in the order of HEADLINE_FEATURES
    lines: int = 1  # it stands on: a title wrapped over two is read as one


HEADLINE_FEATURES = (
    "overlap", "overlap_raw", "pairs", "meta_below", "named", "comma_long", "comma", "mass", "prose_below",
    "place", "repeated", "above", "distance", "inside", "length", "colon", "bar", "dash", "space",
    "exclaims", "whole_overlap", "furniture_above", "scrap_above", "dated", "document", "latin", "symbol",
    "headline_below", "headline_above", "prose_before", "prose_after_share", "crumb", "overlap_behind",
)
_DOCUMENT_KINDS = ("通知", "意见", "办法", "规定", "决定", "公告", "通告", "批复", "方案", "函", "报告", "细则", "规划", "计划")
_DOCUMENT_KIND = f"(?:{'|'.join(_DOCUMENT_KINDS)})"
_DOCUMENT_TITLE = re.compile(rf"^关于.{{2,60}}的{_DOCUMENT_KIND}")
# a document's title as an issuer's name and 关于…: 丽珠医药集团股份有限公司关于药品注册批件的提示性公告,
# 国务院关于推动内蒙古高质量发展奋力书写中国式现代化新篇章的意见 (no comma, stop or space in it)
# or with no issuer before it, as a notice's own page gives it (关于做好全市…中小学幼儿园 / 开学工作的通知, hp-444)
_ISSUED_DOCUMENT = re.compile(rf"^(?:[\u4e00-\u9fff][\u4e00-\u9fff（）()·]{{1,29}}?)?关于[^，。；：:\s]{{2,60}}{_DOCUMENT_KIND}$")
# an issuer's name alone, over its document's 关于…: 丽珠医药集团股份有限公司, 国家卫生健康委办公厅
_ISSUER = re.compile(r"^[\u4e00-\u9fff][\u4e00-\u9fff（）()·]{1,29}(?:公司|集团|政府|办公厅|办公室|委员会|委|局|厅|部|署|院|中心"
                     r"|联合会|协会|学会|银行|大学)$")
_ODD_SYMBOL = re.compile(r"[^\u4e00-\u9fffA-Za-z0-9\s，。、；：？！“”‘’（）《》—…·「」『』【】%.\-:|｜_/+&()~～]")


def candidate_lines(texts: list[str], kinds: list[str | None], original: str | None, story: int) -> list[CandidateLine]:
    """Every line of the first LOOK_AHEAD that could be a headline (usable, not among the links
    under a 相关新闻 below some prose nor in a bulleted run of links; a headline wrapped over two
    lines inside its brackets is read as one; a breadcrumb's last part is one too; one glued to its
    时间：/来源： is read without them), with what tells the headline from the rest: how
    much it shares with the story under it and with the whole text, and how far that falls behind
    the best line's, how much story follows, whether a dateline or source line stands under it,
    whether the 原标题 or a breadcrumb names it, where it stands (in lines of text, so that a menu
    one item a line does not push it down) and against the story's start, its shape (length,
    commas, a colon, a bar, a dash, a space) and what stands around it."""
    counts = Counter(texts)
    listed = _link_list(texts) | trending_items(texts) | tag_pairs(texts) | picture_captions(texts) | _dash_items(texts)
    # a line only this module knows for furniture or a byline (_line_kinds): a reader's header, a poster
    # (line_kind judged again only for the rare line of those kinds: it is the costly part)
    listed |= {i for i, k in enumerate(kinds) if k is not None and _own_kind(texts, i) and line_kind(texts[i]) is None}
    kinds = [k or ("related" if i in listed else None) for i, k in enumerate(kinds)]
    whole = "".join(t for t, k in zip(texts, kinds) if k is None and _is_prose(t))[:2000]
    found: list[CandidateLine] = []
    prose = [len(t) if k is None and _is_prose(t) else 0 for t, k in zip(texts, kinds)]
    all_prose = sum(prose) or 1
    ahead = _reach(texts, LOOK_AHEAD)
    crumb_at = [_crumb_tail(t) for t in texts[:ahead]]
    crumbs = [tail for tail in crumb_at if tail]
    # a line's place is counted in lines of text above it, not in lines: a menu of thirty items
    # one a line, a share bar, a login box do not push the headline down
    # (a menu's item keeps its bullet: `* 政府评论`, 76 such lines over news.gov.hk's headline, hp-200)
    text_above = list(accumulate((k is None and len(_MENU_MARK.sub("", t)) >= MIN_HEADLINE for t, k in zip(texts, kinds)),
                                 initial=0))
    prose_above = list(accumulate(prose, initial=0))
    in_related = False
    tails: set[int] = set()
    for i in range(min(len(texts), ahead)):
        if in_related and len(texts[i]) <= 40:
            continue  # the links under 相关新闻 below the story are other stories' headlines
        # (above any prose, 视频 or 相关新闻 is as often a menu's item, and the model judges what follows)
        in_related = prose_above[i] > 0 and is_related_header(texts[i]) or (in_related and len(texts[i]) <= 40)
        if i in listed:
            continue
        # (a lone bulleted line is read without its bullet: • 世界级大科学装置落户怀柔, an e-paper's 即时新闻, hp-283)
        candidate = crumb_at[i] or clean_decoration(_LIST_MARK.sub("", _without_spam_parts(_SHARE_KICKER.sub("", texts[i]))))
        wire = _WIRE_DATELINE.match(candidate)  # 新华社新加坡11月6日电 综述：新加坡同中国的…合作潜力大 (hp-232)
        if wire and usable(candidate[wire.end():]) and "。" not in candidate:
            candidate = candidate[wire.end():]
        glued = _GLUED_META.match(candidate)
        meta_beside = False  # the dateline on the headline's own line confirms it as one under it does (hp-212)
        if glued and usable(glued.group("head").strip()):
            candidate = _without_source_label(glued.group("head").strip(), candidate[glued.end("head"):])
            meta_beside = kinds[i] in ("dateline", "source_line")
        if i in tails:
            continue  # the second half of a document's title wrapped over two lines, read with the first
        joined = _wrapped_document(candidate, texts[i + 1], kinds[i + 1]) if i + 1 < len(texts) else candidate
        spans = 1 + (joined != candidate)  # lines it stands on
        candidate = joined
        if not usable(candidate):
            wrapped = _wrapped(candidate, texts[i + 1]) if i + 1 < len(texts) else candidate
            if wrapped == candidate or not usable(wrapped):
                continue
            candidate, spans = wrapped, 2
        if _not_a_headline(i, candidate, texts, kinds, prose_above[i]):
            continue
        after = _story_after(i, texts, kinds)
        overlap = _bigram_share(candidate, after[:STORY_LEAD])
        pairs = min(1.0, len(_bigrams(candidate)) / 8)  # a share of few pairs is luck
        below = i + spans
        if below + 1 < len(texts) and kinds[below] is None \
                and (len(texts[below]) <= MIN_HEADLINE or texts[below].startswith("——")):
            below += 1  # a label or the subtitle between the headline and its dateline (医疗医药业, ——从产业分工走向…)
        meta_below = below < len(texts) and (kinds[below] in ("dateline", "source_line", "byline", "layout", "counter")
                                             or (kinds[below] is not None and bool(_DATED.search(texts[below])))
                                             or bool(_TITLE_NOTE.search(texts[below]))) or meta_beside
        features = (
            overlap * pairs, overlap, pairs, float(meta_below), float(bool(original) and _agrees(candidate, original)),
            float("，" in candidate and len(candidate) > 30), float("，" in candidate),
            min(1.0, len(after) / STORY_MASS), float(i + 1 < len(texts) and _is_prose(texts[i + 1])),
            min(2.0, text_above[i] / 10), float(counts[texts[i]] > 1 and texts[i] != texts[i - 1]), float(i < story),
            (story - i) / 10 if i < story else 0.0, float(i > story), len(candidate) / 30,
            float("：" in candidate or ":" in candidate), float(bool(re.search(r"[|｜_]", candidate))),
            float(candidate.startswith("—")), float(" " in candidate), float(candidate.endswith(("？", "！", "?", "!"))),
            _bigram_share(candidate, whole), float(i > 0 and kinds[i - 1] is not None),
            float(i > 0 and len(texts[i - 1]) <= MIN_HEADLINE), float(bool(_DATED.search(candidate))),
            float(bool(_DOCUMENT_TITLE.match(candidate))),
            sum(c.isascii() and c.isalpha() for c in candidate) / len(candidate), float(bool(_ODD_SYMBOL.search(candidate))),
            float(i + 1 < len(texts) and usable(texts[i + 1]) and not _is_prose(texts[i + 1])),
            float(i > 0 and usable(texts[i - 1]) and not _is_prose(texts[i - 1])),
            min(1.0, prose_above[i] / 500), sum(prose[i + 1:]) / all_prose,
            float(bool(crumbs) and any(_agrees(candidate, tail) for tail in crumbs)),
        )
        found.append(CandidateLine(i, candidate, features, spans))
        if spans > 1:
            tails.add(i + 1)
    # how far each line's share of the story falls behind the best line's: a kicker or an
    # issuer above the headline names less of the story than the headline does
    best = max((line.features[0] for line in found), default=0.0)
    return [CandidateLine(line.index, line.text, line.features + (line.features[0] - best,), line.lines) for line in found]


def _without_source_label(head: str, meta: str) -> str:
    """A headline glued to its metadata, without the source's name in 【】 before it when the
    metadata names that source (【中国医疗保险】从进博之窗到谈判桌，… 发布日期：… 来源：中国医疗保险, hp-212)."""
    label = _SOURCE_LABEL.match(head)
    if label and label.group(1) in meta and usable(head[label.end():]):
        return head[label.end():]
    return head


def _not_a_headline(i: int, candidate: str, texts: list[str], kinds: list[str | None], prose_above: int) -> bool:
    """A headline-like line that a page without a headline shows in its place (the tune split's
    pages labelled with none): a topic page's label (2022全国两会, over the story, b-0009); a lead's
    sentence of many clauses (七月的温度让人感受到热量，我国新能源汽车行业…，热度持续升温，销量突破2万大关！,
    c-0102); under the story's first prose, a chart's title (2024年第14周 电影票房周榜（04/01-04/07）,
    a-0157) or any line under a news lead's opening (重庆日报消息，12月17日，… / 助推西部科学城加快形成
    全链条创新体系, a subhead, c-0007); another story's headline a mirror repeated over this one, glued
    to its lead, whose words the story under it, those copies aside, does not say (国家高新区“攀高逐新”
    实现开门红 ×3 over the CD47 story, c-0087)."""
    if _TOPIC_LABEL.match(candidate) or _CLAUSES.search(candidate):
        return True
    if candidate.endswith("的") and i + 1 < len(texts) and usable(texts[i + 1]) and not _is_prose(texts[i + 1]):
        return True  # a heading cut over two lines: 五大中心建设标准的 / 政策背景与研究意义 (probe-160)
    if prose_above and (_CHART_TITLE.search(candidate)
                        or any(k is None and _is_prose(t) and _NEWS_LEAD.match(t) for t, k in zip(texts[:i], kinds[:i]))):
        return True
    if _under_the_opening_prose(i, texts, kinds) or (prose_above >= OPENING_PROSE and _goes_on_under(i, texts, kinds)):
        return True
    if _SUBHEAD.match(candidate):
        siblings = _sibling_subheads(i, candidate, texts, kinds)
        # one of the story's parallel subheads (通州提速：… … 雄安蜕变：…, probe-149), under its lead or, above
        # any prose, the first of three or more (王应睐：… 张香桐：… 吴自良：…, under the page's headline, hp-298)
        if (siblings >= 2 and not _opens_the_page(i, kinds)) or siblings and prose_above >= MIN_PROSE:
            return True
    said_again = sum(candidate in t for j, t in enumerate(texts) if j != i and kinds[j] is None)
    under = "".join(t.replace(candidate, "") for t, k in zip(texts[i + 1:], kinds[i + 1:]) if k is None)
    if len(under) < STORY_MASS or len(_HAN.findall(under[:2000])) < MIN_CHINESE_STORY * len(under[:2000]):
        return False  # (a story in English under a bilingual page's Chinese headline says none of its words, hp-226)
    share = _bigram_share(candidate, under[:2000])
    if not said_again:  # over the story, a long headline it says no word of is another story's (probe-162)
        own = {pair for pair in _bigrams(candidate) - _FUNCTION_PAIRS
               if len(_HAN.findall(pair)) == 2 and "丨" not in pair}  # words (丨 is a column's bar: …解药丨放大灯, hp-260)
        return not prose_above and len(own) >= ALIEN_PAIRS and not own & _bigrams(under[:2000])
    return share < ALIEN_SHARE


def _opens_the_page(i: int, kinds: list[str | None]) -> bool:
    """Nothing but furniture above the line: a `kicker：…` line the page opens on is its headline, however many of
    the story's subheads under the lead share its shape (紧急通报：四川突发地震 / 就在10分钟前，… / 地震瞬间：… /
    灾情速报：… / 救援行动：…, hp-471); hp-298's first subhead has the page's headline above it."""
    return all(kind == "furniture" for kind in kinds[:i])


# a paragraph that goes on from the one before it: no story opens on it
_GOES_ON = re.compile(r"^(?:另外|此外|另一方面|与此同时|同时|而且|并且|不过|然而|但是|因此|所以|对此)[，,]")


def _goes_on_under(i: int, texts: list[str], kinds: list[str | None]) -> bool:
    """The paragraph under the line goes on from the story's prose above it: the line is a subhead between
    two paragraphs (date 2025-08-16 第二季整体货物出口…将成关键指标。 / 倘抢出口减弱 影响下半年经济 / 另外，服务输出…,
    wp-153), not a headline over its story's first paragraph."""
    below = next(((t, k) for t, k in zip(texts[i + 1:], kinds[i + 1:]) if t.strip()), None)
    return below is not None and below[1] is None and _is_prose(below[0]) and bool(_GOES_ON.match(below[0]))


def _under_the_opening_prose(i: int, texts: list[str], kinds: list[str | None]) -> bool:
    """A subhead of a page that opens in its story: only the lead's prose and its byline (a dateline) above
    it (川报观察记者 刘春华 / 近日，在省人社厅的组织下，…招引1603名博士后进站工作。… / 38家设站单位拟招博士后1603名,
    wp-050; the lead, then ■记者 王智芳 通讯员 黄林凤, then 部分企业50%以上的计划岗位专供应届毕业生, wp-081).
    A headline stands over its story: what stands above it is furniture or another story's, seldom the lead."""
    # (a picture's placeholder between the paragraphs aside: 【资料图】; an app's name before its reporter is a
    # byline: 北京日报客户端 | 记者 曲经纬, wp-086)
    above = [(t, "byline" if k == "outlet" and _REPORTER.search(t) else k)
             for t, k in zip(texts[:i], kinds[:i]) if t.strip() and k != "furniture"]
    # (a lead's paragraph ends on its full stop; a teaser, a promo or a headline run into its site's name does not)
    if not above or not all(k in _BESIDE_THE_LEAD if k else _is_prose(t) and _FULL_STOP_END.search(t) for t, k in above):
        return False
    # (and the story's byline among them, which stands under the headline: without it, prose over a line may be a
    # summary over its headline, b-0105's 三款血液恶性肿瘤创新药或今年上市 aside; a dateline strip may stand over
    # both, 鉅亨網's date 2025-10-23… / the summary / 一个月17家申请上市！… 港股医药股IPO迎罕见热潮, probe-042)
    return any(k == "byline" for _, k in above) and sum(len(t) for t, k in above if k is None) >= OPENING_PROSE


def _sibling_subheads(i: int, candidate: str, texts: list[str], kinds: list[str | None]) -> int:
    """How many lines further down have the same `kicker：…` shape, their kicker as long: they and it
    are the story's subheads (通州提速：交通织网融圈… and 雄安蜕变：从“一片地”到…, under the story's lead)."""
    size = _SUBHEAD.match(candidate).end()
    return sum(1 for j, t in enumerate(texts[i + 1:], i + 1)
               if kinds[j] is None and not _is_prose(t) and (m := _SUBHEAD.match(t)) and m.end() == size)


# a field naming a source above its value: 本系列图表出处文件名：随高清版一同展现 (a chart page, probe-136)
_SOURCE_FIELD = re.compile(r"(?:出处|出自|源)文件(?:名|名称)?\s*[：:]|(?:出处|资料来源|数据来源)\s*[：:]\s*$")
# a topic page's label: a year and an event (2022全国两会, 2023世界人工智能大会), no news of its own
_TOPIC_LABEL = re.compile(r"^(?:19|20)\d{2}年?[\u4e00-\u9fff]{0,8}(?:两会|大会|峰会|论坛|博览会|进博会|年会|专题|特别报道|系列报道|专栏)$")
# a sentence's clauses, not a headline's: three commas and no space (a long headline's parts stand
# apart by a space: 排队数小时等待漂流，又排队数小时等待接驳车 贵州一景区游客滞留，当地采取…, hp-006)
_CLAUSES = re.compile(r"^(?:[^，,\s]*[，,]){3}\S*$")
# a chart's or a table's title inside a story: a week's number or a range of dates (04/01-04/07)
_CHART_TITLE = re.compile(r"\d{1,2}/\d{1,2}\s*[-–~至]\s*\d{1,2}/\d{1,2}|第\d{1,2}周")
# a news lead's opening: the story has begun, its headline stands above it
_NEWS_LEAD = re.compile(r"^(?:本报讯|本网讯|本台讯|[\u4e00-\u9fff]{2,10}(?:消息|讯)[，,]|新华社.{0,12}电"
                        r"|[\u4e00-\u9fff]{2,8}(?:社|网|报|台)[\u4e00-\u9fff]{0,8}\d{1,2}月\d{1,2}日电|据.{2,12}报道)")
_BESIDE_THE_LEAD = ("byline", "dateline", "source_line")  # a story's own lines about its lead
_REPORTER = re.compile(r"记者\s*[\u4e00-\u9fff]{2,4}")
_FULL_STOP_END = re.compile(r"。[”’」』）)]*\s*$")
OPENING_PROSE = 80  # characters of prose at least, above a line, for the page to open in its story
MIN_CHINESE_STORY = 0.2  # of the text under a line in Chinese characters, at least, for its words to be compared
ALIEN_SHARE = 0.05  # of a repeated line's character pairs, at most, in the text under it (its copies aside)
# a line said once, over the story: this many pairs of Chinese characters at least, none of them the story's, save
# function words (娇小妹子穿长裙不好看？那是因为你不会穿 over a hospital diary that says 因为, probe-162); a
# short, figurative headline (他们是“追光者”) may share none with its story, a long one shares a word
# (给猫开眼角、给乌龟接生：宠物界“协和”到底有多厉害？ shares only 宠物, b-0115)
ALIEN_PAIRS = 12
_FUNCTION_PAIRS = frozenset("因为 所以 但是 如果 不是 没有 什么 这个 那个 一个 我们 你们 他们 自己 可以 就是 还是 已经 这样 "
                            "那样 怎么 为什么 时候 不会 那是 这是 的是 了一 是一 不能 还有 只是 而是 也是 都是".split())
# a subhead's kicker before a colon: 通州提速：…, or numbered: 疑问1：打三剂疫苗还是重症死亡？… 疑问2：… (hp-629)
_SUBHEAD = re.compile(r"^[\u4e00-\u9fff]{2,6}\d{0,2}[：:]")


def _link_list(texts: list[str]) -> set[int]:
    """The lines of every run of MIN_LINK_LIST or more bulleted lines (• 金秀賢榮獲…, ◆ 陳國樑/…): a
    list of other stories' links, however headline-like each is, and no text above the headline."""
    listed: set[int] = set()
    run: list[int] = []
    for i, text in enumerate(texts + [""]):
        if _BULLETED.match(text.strip()) and len(text) <= MAX_HEADLINE + 2:
            run.append(i)
            continue
        if len(run) >= MIN_LINK_LIST:
            listed.update(run)
        run = []
    return listed


# a feature's list of figures set with hyphens, an item a line: - 跨城通勤人数达87万（较2020年增长212%） / - 异地医保… /
# - 大气污染联防联控达标率提升至92.6% (probe-448): a fact under the story's heading, never its headline
_DASH_ITEM = re.compile(r"^-\s+(?=\S)")
DASH_LIST_REACH = 3  # lines: another item this near makes a list (a spam word pasted before one may hide its dash)


def _dash_items(texts: list[str]) -> set[int]:
    """The lines set as hyphened items with another such item near them."""
    items = [i for i, text in enumerate(texts) if _DASH_ITEM.match(text)]
    return {i for i in items if any(0 < abs(i - j) <= DASH_LIST_REACH for j in items)}


def _crumb_tail(text: str) -> str | None:
    """The last part of a breadcrumb, when it is headline-like: 首页 » 常识 » 诊断 » 我国最新批准上市的
    两种新冠肺炎疫苗 names the page's own story (首页 > 工作动态 names a column, and is no headline)."""
    if not _BREADCRUMB.search(text):
        return None
    parts = [p for p in _CRUMB_MARK.split(text.strip()) if p.strip()]
    tail = clean_decoration(parts[-1]) if len(parts) >= 2 else ""
    return tail if usable(tail) else None


@dataclass(frozen=True)
class HeadlineModel:
    weights: tuple[float, ...]
    bias: float
    threshold: float  # below this probability no line is the headline (the page has none)


HEADLINE_MODEL = Path(__file__).with_name("headline_model.json")


@lru_cache(maxsize=1)
def _headline_model() -> HeadlineModel:
    """Learned on the tune split by tools/train_titles.py."""
    data = json.loads(HEADLINE_MODEL.read_text(encoding="utf-8"))
    return HeadlineModel(tuple(float(data["weights"].get(n, 0.0)) for n in HEADLINE_FEATURES),
                         float(data["bias"]), float(data["threshold"]))


def choose_line(lines: list[CandidateLine], story: int, model: HeadlineModel | None = None) -> CandidateLine | None:
    """The likeliest headline among the lines above the story (a line inside it, however apt,
    is one of its subheads), or among all when none stands above; None when even that one is
    less likely than the model's threshold: the page has no headline."""
    model = model or _headline_model()
    above = [line for line in lines if line.index < story] or lines
    best = max(above, key=lambda line: (headline_probability(line, model), -line.index), default=None)
    return best if best is not None and headline_probability(best, model) >= model.threshold else None


def headline_probability(line: CandidateLine, model: HeadlineModel | None = None) -> float:
    model = model or _headline_model()
    z = model.bias + sum(w * x for w, x in zip(model.weights, line.features))
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def _wrapped(text: str, below: str) -> str:
    """A headline wrapped over two lines inside a bracket (关于印发《廊坊市中长期人才发展规划纲要 /
    （2010—2020年）》的通知): the two read as one when the first leaves a bracket open."""
    if not any(text.count(a) > text.count(b) for a, b in ("《》", "（）", "()", "“”", "「」", "【】")):
        return text
    return text + below.strip() if len(below) <= MAX_HEADLINE - len(text) else text


def _wrapped_document(text: str, below: str, below_kind: str | None) -> str:
    """A document's title wrapped over two lines, the issuer's name over 关于…的公告 (丽珠医药集团股份有限公司 /
    关于药品注册批件的提示性公告, hp-328) or its subject cut before the document's kind (国务院关于推动内蒙古高质量发展 /
    奋力书写中国式现代化新篇章的意见, hp-337): the two read as one when neither is a title alone and together they
    are one."""
    below = below.strip()
    if below_kind is not None or text.endswith(_DOCUMENT_KINDS) or not below.endswith(_DOCUMENT_KINDS):
        return text
    if not ("关于" in text and "关于" not in below or _ISSUER.match(text) and below.startswith("关于")):
        return text
    joined = text + below
    return joined if len(joined) <= MAX_HEADLINE and _ISSUED_DOCUMENT.match(joined) else text


def _story_start(texts: list[str], kinds: list[str | None]) -> int:
    """Where the story begins: the first run of prose long enough to be a story, not a teaser."""
    for start in range(len(texts)):
        if kinds[start] is not None or not _is_prose(texts[start]):
            continue
        mass = 0
        for j in range(start, len(texts)):
            if kinds[j] is not None:
                continue
            if not _is_prose(texts[j]):
                break
            mass += len(texts[j])
            if mass >= STORY_MASS:
                return start
    return len(texts)


def _story_after(index: int, texts: list[str], kinds: list[str | None]) -> str:
    """The story text under a line: its prose lines, up to the next headline-like line."""
    story = []
    for j in range(index + 1, min(index + 14, len(texts))):
        if kinds[j] is not None:
            continue
        if _is_prose(texts[j]):
            story.append(texts[j])
        elif story and usable(texts[j]) and len(texts[j]) >= 8:
            break  # the next teaser's title
        if sum(map(len, story)) >= STORY_MASS:
            break
    return "".join(story)


def _without_injected_tail(headline: str, below: list[str]) -> str:
    """An injected word glued to the end of the headline and to the start of the story under it
    (…已完成85%赛博体育 / 赛博体育新京报快讯…): the page's spam, not the headline's words. A tail the
    story says after the headline's own words is the headline's: …散裂中子源今日通过国家验收 over
    …项目顺利通过国家验收 and 国家验收委员会专家认为…."""
    story = "".join(below)
    compact_story = without_spaces(story)
    for line in below:
        for size in range(8, 3, -1):  # four characters at least: a headline ending in 开园 over 开园仪式… keeps it
            tail = headline[-size:]
            if len(headline) - size >= MIN_HEADLINE and _HAN.match(tail[0]) and line.startswith(tail) \
                    and not line.startswith(headline) and story.count(tail) <= 2 \
                    and _words_before(headline, size) not in compact_story:  # a word the story keeps using is its own
                return headline[:-size].rstrip()
    return headline


def _words_before(headline: str, size: int) -> str:
    """The headline's last `size` characters and the two before them, spaces aside: a title the page wraps over
    two lines under its copy on one (…宣传周” 倡导 职业健康先行 over …宣传周” 倡导 / 职业健康先行, hp-465) says its
    tail after its own words, without the space between them."""
    return without_spaces(headline[:-size])[-2:] + without_spaces(headline[-size:])


def _without_dateline_name(headline: str, dateline: str, story: str) -> str:
    """A word glued before the headline that the dateline under it opens with as its author and the story never
    says (三级片段总投资9亿元 广东肇庆高新区中心人民医院开工 / 三级片段 2024-05-11 12:33:14 来源: 原创, hp-364): a spam
    template's keyword put in both slots, not the headline's. An outlet's name (…报, …网) may open a headline."""
    name = _DATELINE_NAME.match(dateline)
    if not name or not headline.startswith(name.group("name")) or name.group("name").endswith(_OUTLET_END) \
            or len(name.group("name")) < MIN_INJECTED_NAME or is_place_name(name.group("name")):
        return headline  # (a district's page, 海淀举办… over 海淀 2024-05-11 …, keeps its place)
    rest = headline[len(name.group("name")):].strip()
    return rest if usable(rest) and name.group("name") not in story else headline


def _without_injected_phrase(headline: str, below: list[str]) -> str:
    """A phrase a spam mirror injected inside the headline, splitting its words: a lottery's name
    (工信部：生产未动标新粤彩100准先行 …, hp-156; …实施质2023年澳门必中一肖一码量强县战略, hp-157) the story
    never says, or the mirror's keyword it also quotes before the headline's copy under it
    (…大赛诞生135块金妹妹为何会这样牌 over “妹妹为何会这样”北京市…诞生135块金妹妹为何会这样牌, hp-094)."""
    story = "".join(below)
    tail = _LOTTERY_TAIL.search(headline)
    if tail and tail.start() > 0 and usable(headline[:tail.start()]) and tail.group(0) not in story:
        return _without_injected_phrase(headline[:tail.start()].rstrip(), below)
    for match in [*SPAM_START.finditer(headline), *_LOTTERY.finditer(headline)]:
        phrase = _LOTTERY_RUN.search(headline, max(0, match.start() - 7))  # with its year and number
        start, end = (phrase.start(), phrase.end()) if phrase and phrase.start() <= match.start() \
            and phrase.end() >= match.end() else match.span()
        if 0 < start and end < len(headline) and headline[start:end] not in story:
            return _without_injected_phrase(headline[:start] + headline[end:], below)
    for line in below:
        quoted = _QUOTED_KEY.match(line)
        if quoted and line[quoted.end():] == headline:
            phrase = quoted.group(1)
            start = headline.find(phrase)
            if 0 < start and start + len(phrase) < len(headline) and story.count(phrase) == line.count(phrase):
                return headline[:start] + headline[start + len(phrase):]
    return headline


# a lottery's or a tipster's name (新粤彩100, 2023年澳门必中一肖一码), or a sugar-daddy site's keyword (查包養app),
# which text/junk.py's spam does not know
_LOTTERY = re.compile(r"新?[澳粤港]彩|一肖一码|必中一肖|包[养養]")
_LOTTERY_RUN = re.compile(r"(?:(?:19|20)\d{2}年)?(?:澳门|香港)?(?:新?[澳粤港]彩|(?:必中)?一肖一码)\d*"
                          r"|[查找]?包[养養](?:网|平台)?(?:app|APP|App)?")
# a tipster's keyword glued to the headline's end (…开湾区医疗合作新篇香港最真正最准资料, probe-423): no headline ends
# on its 资料
_LOTTERY_TAIL = re.compile(r"(?:澳门|香港|新澳|澳彩)?(?:最真正|最快|最全)?最准(?:的)?(?:资料|一肖|一码)(?:大全)?$")
_QUOTED_KEY = re.compile(r"^“([^“”]{3,12})”(?=\S)")
# a channel's name (养生保健, 健康资讯, 国内新闻, 社会热点): a word of what the site files under
_CATEGORY_LABEL = re.compile(r"^([\u4e00-\u9fff]{0,4}(?:保健|健康|养生|资讯|新闻|要闻|动态|财经|科技|教育|社会|国际|国内|娱乐|体育"
                             r"|生活|文化|旅游|军事|时政|热点|综合|科普))\s+(?=\S)")


def _without_category_label(headline: str, under: str) -> str:
    """A site's category word run onto the headline's line (养生保健 流感高发期将至！…, a one-line page,
    hp-158): a channel's name before a space, none of whose character pairs the text under it says
    (a kicker before the space is the headline's: 停四转三 优先接种高危人群 …, 号称全球第一 陆中微子…)."""
    label = _CATEGORY_LABEL.match(headline)
    rest = headline[label.end():] if label else ""
    if label and usable(rest) and _bigram_share(label.group(1), under[:2000]) == 0 and _bigram_share(rest, under) > 0:
        return rest
    return headline


def _without_spam_parts(text: str) -> str:
    """A headline with an ad glued on after a bar (…技能培训|蜜桃17c…): the parts without spam."""
    if not is_spam(text):
        return text
    kept = []
    for part in re.split(r"\s*[|｜]\s*|\s{2,}", text):
        if kept and not without_spam(part).strip():  # a part after the headline that is all ad goes whole:
            break  # …共推創科事業發展|国产偷人爽久久… (hp-589; cut at its spam word, 国产偷人爽 stayed)
        match = SPAM_START.search(part)
        part = part[:match.start()].strip() if match else part.strip()
        if part:
            kept.append(part)
        if match:
            break  # what follows the ad is the ad
    return " ".join(kept)


@lru_cache(maxsize=64)  # a page's story text is compared with each of its candidate lines
def _bigrams(text: str) -> frozenset[str]:
    chars = [c for c in text if c.isalnum()]  # (a Chinese character is a letter: isalnum holds)
    return frozenset(a + b for a, b in zip(chars, chars[1:]))


def _story_prose(texts: list[str], kinds: list[str | None], without: str = "") -> str:
    """The story's lead as a last-resort finder weighs a line against it: the prose lines of no kind, with a
    copy of the line itself cut out (a mirror's copy glued to the lead would otherwise name it)."""
    prose = (t.replace(without, "") if without else t for t, k in zip(texts, kinds) if k is None and _is_prose(t))
    return "".join(prose)[:STORY_LEAD]


def _story_names(text: str, under: str, mass: int = MIN_PROSE) -> bool:
    """Whether the story under a line is long enough to judge by and says at least FIRST_LINE_SHARE of the
    line's character pairs: the test every last-resort finder puts to the line it would take."""
    return len(under) >= mass and _bigram_share(text, under) >= FIRST_LINE_SHARE


def _bigram_share(part: str, whole: str) -> float:
    """The share of `part`'s character pairs that occur in `whole`."""
    grams = _bigrams(part)
    return len(grams & _bigrams(whole)) / len(grams) if grams else 0.0
