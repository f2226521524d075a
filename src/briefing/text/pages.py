"""Split a document into articles at its headings.

A newspaper page pasted as text looks like Markdown: `#` article titles, `##` kickers (引题,
above a title) or subtitles (副题, right below it), `###` subheads inside an article. A `#`
heading with no body of its own (the page banner, 特别报道) is not an article. A document
without headings is one article whose title is its first short line, or the file name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..model import Block, Document, RawArticle
from .bylines import lead_byline
from .headlines import find_in_lines, page_roles
from .junk import trending_items
from .normalize import normalize_text, without_spaces
from .sentences import ends_sentence

# the space after the hashes is Markdown's (CommonMark's) own rule, and what tells a heading from a
# page's tag line: #要聞 under a Hong Kong story is its channel, not a story of its own
_HEADING = re.compile(r"^(#{1,6})\s+(.+?)\s*#*\s*$")
_HASHTAG = re.compile(r"^#[^#\s]{1,30}#")  # a #话题# tag, not a heading
MAX_TITLE = 60
MAX_SCRAP = 6  # characters
WRAPPED_AGAIN_WITHIN = 8  # lines under the headline: its wrapped copy stands over the story
ONE_LINE = 300  # characters: a line this long in a page of a few lines holds the whole page
SHORT_ONE_LINE = 120  # characters: a page of a single line this long is a flash with its furniture
MAX_ONE_LINE_PARTS = 3
_DATE = r"(?:(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?)"
# an information field and its value: 时间:2020-07-09, 来源：人民网, 作者：张三, 浏览次数：12
_FIELD_VALUE = re.compile(
    rf"(?:(?:发布|更新|发表)?(?:时间|日期)\s*[：:]\s*{_DATE}"
    r"|(?:来源|作者|责任编辑|编辑|责编|浏览(?:次数|量)?|阅读(?:数|量)?|点击(?:数|量)?|字号)\s*[：:]\s*[^\s，。；|｜]{0,20})"
    # (the outlet's name before the date, on a tag page's entry: 製茶師漸凋零 農會成立體驗茶坊傳承手藝 芋傳媒 2019-10-18 19:08
    # 製茶師隨歲月凋零… (probe-561: the title kept 芋传媒); the name goes with its date, not with the headline)
    rf"|(?<=\s)[\u4e00-\u9fff]{{1,6}}(?:传媒|傳媒|新闻网|新聞網|日报|日報|晚报|晚報|时报|時報|电视台|電視台)\s+{_DATE}(?=\s)"
    rf"|(?<=\s){_DATE}(?=\s)"
    # a bare month and day between spaces, with the page's print button after it: …本港競爭力 08月14日 列印 創科局副局長…
    # (hp-387); not a day inside a sentence that lost its punctuation (將於 8月14日 起發放)
    r"|(?<=\s)\d{1,2}月\d{1,2}日(?=\s+(?:列印|打印)(?:\s|$))"
    r"|(?<=\s)(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+\d{4}(?=\s)"
)
_PRINT_BUTTON = re.compile(r"(?<=\d日)\s+(?:列印|打印)(?=\s)")  # the page's print button after its date (hp-387)
_BAR = re.compile(r"\s*[|｜]\s*|\s{2,}|\u3000+")
_SENTENCE_GAP = re.compile(r"([。！？][”’」』）)]?)\s+")


@dataclass
class Line:
    level: int  # 0 for a paragraph, 1 title, 2 kicker or subtitle, 3.. subhead
    text: str



def split_document(doc: Document) -> list[RawArticle]:
    if doc.articles:  # a structured source (page, feed, JSONL, Word) already cut them out
        articles = list(doc.articles)
    else:
        articles = split_lines(_one_line_page(_lines(doc.text)), doc.source, doc.encoding)
    if doc.outlet:  # the operator's name for this source wins over the page's or feed's own
        articles = [replace(a, outlet=doc.outlet) for a in articles]
    return articles


def pasted_lines(doc: Document) -> list[str]:
    """The lines of a pasted page (a text document without `#` titles) as its headline is looked
    for among them (for tools/train_titles.py)."""
    return [line.text for line in _one_line_page(_lines(doc.text))]


def split_lines(lines: list[Line], source: str, encoding: str) -> list[RawArticle]:
    """Articles from heading-marked lines (text files, Word paragraphs with their styles)."""
    doc = Document(source=source, text="", encoding=encoding, kind="lines")
    if not any(line.level == 1 for line in lines):
        return _single_article(doc, lines)
    articles: list[RawArticle] = []
    for start, end in _title_spans(lines):
        title = lines[start].text
        kicker = _kicker_before(lines, start)
        body = lines[start + 1:end]
        subtitle = None
        if body and body[0].level == 2:
            subtitle, body = body[0].text, body[1:]
        body = _drop_trailing_kicker(body, lines, end)
        blocks = tuple(
            Block("para" if line.level == 0 else "subhead", line.text) for line in body
        )
        if not any(block.kind == "para" for block in blocks):
            continue  # a banner or an empty heading, not an article
        articles.append(RawArticle(doc.source, title, kicker, subtitle, blocks, doc.encoding, title_from="heading"))
    return articles


def _lines(text: str) -> list[Line]:
    lines = []
    for raw in text.splitlines():
        raw = raw.strip().lstrip("\ufeff")
        if not raw:
            continue
        raw = _without_trailing_bar(raw)
        match = None if _HASHTAG.match(raw) else _HEADING.match(raw)
        if match:
            lines.append(Line(len(match.group(1)), normalize_text(match.group(2))))
        else:
            lines.append(Line(0, raw))
    return lines


_TRAILING_BAR = re.compile(r"([^|｜]{6,}?)\s+[|｜]")


def _without_trailing_bar(line: str) -> str:
    """成渝地区双城经济圈建设全面提速 | -> the line without the table cell's bar (a nav bar, which
    has others, keeps it)."""
    match = _TRAILING_BAR.fullmatch(line)
    return match.group(1) if match else line


def _title_spans(lines: list[Line]) -> list[tuple[int, int]]:
    starts = [i for i, line in enumerate(lines) if line.level == 1]
    return [(s, starts[k + 1] if k + 1 < len(starts) else len(lines)) for k, s in enumerate(starts)]


def _kicker_before(lines: list[Line], title_index: int) -> str | None:
    before = lines[title_index - 1] if title_index else None
    return before.text if before is not None and before.level == 2 else None


def _drop_trailing_kicker(body: list[Line], lines: list[Line], end: int) -> list[Line]:
    """A `##` line right before the next `#` title is that title's kicker, not our subhead."""
    if body and body[-1].level == 2 and end < len(lines):
        return body[:-1]
    return body


def _single_article(doc: Document, lines: list[Line]) -> list[RawArticle]:
    """A document without `#` titles: its headline is found among its lines (never the file
    name); the page furniture above the headline goes with it."""
    if not lines:
        return []
    if lines[0].level:
        title, origin, body = normalize_text(lines[0].text), "heading", lines[1:]
    else:
        trending = trending_items([line.text for line in lines])  # another story's headline by its Top 1
        lines = [line for k, line in enumerate(lines) if k not in trending]
        found = find_in_lines([line.text for line in lines])
        title, origin, body = "", "", lines
        if found is not None:
            title, origin = found.text, found.origin
            if found.index is not None:
                under = found.index + found.lines
                again = _wrapped_again([line.text for line in lines], title, under)
                body = [line for k, line in enumerate(lines)
                        if k >= under and k not in again and not _headline_again(line.text, title, k - under + 1)
                        or (k < found.index and _is_paragraph(line.text))]
        body = _with_roles(body)
        body = _without_scraps_above_the_story(body)
    blocks = tuple(Block("para" if l.level == 0 else "subhead", l.text) for l in body)
    return [RawArticle(doc.source, title, None, None, blocks, doc.encoding, title_from=origin)]


def _with_roles(lines: list[Line]) -> list[Line]:
    """The lines the headline finder knows for furniture or a byline (headlines.page_roles: a share
    box's prompt, a PDF's running header, a source field, a byline in toneless pinyin) go; the story's
    parallel subheads stand apart as subheads, not glued to the paragraph under them."""
    roles = page_roles([line.text for line in lines])
    return [Line(3, line.text) if roles.get(k) == "subhead" else line
            for k, line in enumerate(lines) if roles.get(k) not in ("furniture", "byline")]


def _headline_again(text: str, title: str, below: int) -> bool:
    """The headline said again right under it with the site's notice glued on (《表1…》 / 《表1…》
    提示：宽带有限…, probe-136): no story text."""
    text = normalize_text(text)
    return below == 1 and len(text) > len(title) and text.startswith(title) and not _is_paragraph(text)


def _wrapped_again(texts: list[str], title: str, start: int) -> set[int]:
    """The lines, from `start` on, of a headline wrapped over two lines said again over the story as on the
    page's head (an e-paper's announcement: 丽珠医药集团股份有限公司 / 关于药品注册批件的提示性公告, under its
    证券代码 field, hp-328): no story text, and glued to the story's first sentence if left in."""
    # (spaces aside: the line break takes the place of the space between the title's two phrases, 市一院启动“职业病
    # 防治法宣传周” 倡导 / 职业健康先行 under its copy on one line, hp-465)
    whole = without_spaces(title)
    for k in range(start, min(len(texts) - 1, start + WRAPPED_AGAIN_WITHIN)):
        first, second = normalize_text(texts[k]), normalize_text(texts[k + 1])
        if first and second and without_spaces(first + second) == whole:
            return {k, k + 1}
    return set()


def _without_scraps_above_the_story(lines: list[Line]) -> list[Line]:
    """A few characters on their own line above the first paragraph (a reporter's name, a
    column label) are not story text; left in, they would be glued to the first sentence."""
    first = next((k for k, line in enumerate(lines) if line.level == 0 and _is_paragraph(line.text)), 0)
    return [line for k, line in enumerate(lines)
            if k >= first or line.level or len(line.text) > MAX_SCRAP or ends_sentence(line.text)]


def _is_paragraph(text: str) -> bool:
    return len(text) > MAX_TITLE or ends_sentence(text)


def _one_line_page(lines: list[Line]) -> list[Line]:
    """A page saved as one long line (furniture, headline, dateline and story run together) is
    cut where the page had its parts: before an information field (时间：, 来源：, 作者：),
    after its value, at bars and wide gaps, and after each sentence that a space follows; so
    its furniture and headline stand on lines of their own, as in any pasted page; its pictures pasted as
    Markdown go with their captions."""
    longest = max((len(line.text) for line in lines), default=0)
    if len(lines) > MAX_ONE_LINE_PARTS or longest < (ONE_LINE if len(lines) > 1 else SHORT_ONE_LINE):
        return lines
    cut: list[Line] = []
    for line in lines:
        if line.level or len(line.text) < SHORT_ONE_LINE:
            cut.append(line)
            continue
        cut.extend(Line(0, part.strip()) for part in _cut_one_line(line.text).split("\n") if part.strip())
    return cut


# a portal's picture pasted as Markdown with its caption after it, up to the next space, on a page saved as one
# line (![]() 澳生骨干游览深圳特色文化街区南头古城 内地高校澳生考察琴深发展 【澳门日报消息】…)
_IMAGE_CAPTION = re.compile(r"!\[[^\]\n]{0,40}\]\([^)\n]{0,300}\)(?:\s+[^\s!【]{2,40})?")


def _cut_one_line(text: str) -> str:
    text = _FIELD_VALUE.sub(lambda m: f"\n{m.group(0).strip()}\n", text)
    text = _PRINT_BUTTON.sub("", text)
    text = _BAR.sub("\n", text)
    text = _SENTENCE_GAP.sub(lambda m: m.group(1) + "\n", text)
    text, images = _IMAGE_CAPTION.subn(lambda m: f"\n{m.group(0).strip()}\n", text)
    parts = [part for part in text.split("\n") if part.strip()] if images else text.split("\n")
    cut, k = [], 0
    for part in parts:
        if _IMAGE_CAPTION.fullmatch(part.strip()):
            continue  # a picture and its caption: neither the page's head nor the story
        cut.append(_headline_apart(part) if k < 3 else part)
        k += 1
    return "\n".join(cut)


_PROSE_AFTER_SPACE = re.compile(r" (?=[^ 。！？]{20,}?[。！？])")


def _headline_apart(part: str) -> str:
    """A headline run into the story's first sentence with one space between them (屯门医院…启用
    包括产房、急症室 新界西医院联网辖下的…启用。), near the top of the page: cut at the last space
    of the part's first MAX_HEADLINE characters after which the sentence runs on without one,
    when no comma or colon stands before it (that would be the sentence itself)."""
    if len(part) <= MAX_HEADLINE or " " not in part[:MAX_HEADLINE] or lead_byline(normalize_text(part[:2 * MAX_HEADLINE])):
        return part  # (the space after a dateline, 本报北京3月28日电 （记者…）, parts no headline from its story)
    cuts = [m.start() for m in _PROSE_AFTER_SPACE.finditer(part, 0, MAX_HEADLINE + 200)
            if MIN_HEADLINE_CUT <= m.start() <= MAX_HEADLINE and not re.search(r"[,，:：;；]", part[:m.start()])
            and not _STOCK_QUOTE_END.search(part[:m.start()])]
    return part if not cuts else part[:cuts[-1]] + "\n" + part[cuts[-1] + 1:]


# a financial wire's stock, its code and that minute's quote before the space: the subject of the sentence
# after it, not a headline (長春高新(000661.SZ) -0.750 (-0.577%) 公告稱,公司子公司…, wp-179; …(00719.HK) +0.010
# (+0.173%) 公布,…, wp-182)
_STOCK_QUOTE_END = re.compile(r"[(（]\d{4,6}[.．](?:HK|SH|SZ|SS)[)）](?:\s*[+-]?\d+(?:\.\d+)?\s*[(（][+-]?\d+(?:\.\d+)?%[)）])?$")
MAX_HEADLINE = 64  # characters (text/headlines.py)
MIN_HEADLINE_CUT = 6
