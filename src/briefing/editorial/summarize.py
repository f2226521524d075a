"""Extractive, deterministic summaries made of whole sentences in source order, keeping the
story's key facts: who, what, the figures.

1. Candidate sentences (editorial/candidates.py): no datelines, bylines, captions, credits or
   page furniture; the reporter's framing cut from the front, a closing remark (…，旨在…) and an
   English or photo-position aside from the sentence, which stays whole; at most MAX_SENTENCES of
   them from the first MAX_CHARS characters, so one huge article costs what a long one does.
2. Each sentence is scored by a strong prior for early sentences (news puts the point first;
   the lead sentence gets a little more, unless it is long),
   likeness to the whole story (cosine to the centroid of the TF-IDF vectors of its sentences,
   linear in their number), likeness to the headline, and the facts it carries: amounts, counts,
   percentages (also in Chinese numerals), dates, named bodies (…公司、…医院、…研究院), people
   named (何良平介绍, 副巡视员黄伟在…, 局长李利日前…, 联络组李新男秘书长), 《titles》 and a claim of
   being the first of its kind (国际上首个…, 全球首例…); a sentence
   without a single fact is commentary and scores less.
3. Sentences are picked one at a time by value — score, plus the facts not yet in the summary,
   minus likeness to what is already picked (MMR) — until the minimum length is met, then
   while a sentence that still fits brings a fact the summary lacks. A sentence that opens with
   a connective pointing back (此外、同时、其中 …) is picked only after the one it leans on (a
   demonstrative, 该医院…, after any sentence before it that names it: …县医院…), one
   that points back at a statement (作上述表示, 以上措施) does not open the summary (it is chosen
   again without it, up to MAX_BARRED times: a story of nothing else keeps its summary).
   The greedy pick is then improved by exchanges (one sentence out, one or two in) while the
   summary holds more relevance and facts in the same budget (_improve), and more so where it then
   says who (a person named) and when (a date to the day); a sentence's facts count
   up to SENTENCE_FACTS (a list of shares is not five stories), and an exchange may bring the lead
   in ahead of a summary that opened later.
4. The picked sentences are printed in source order; a summary never ends mid-sentence and
   never exceeds the maximum (unless a single sentence does, which is then used alone).

benchmarks/bench_editorial.py measures this against a lead of the same length.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, replace
from functools import partial
from typing import TYPE_CHECKING

from ..model import Article
from ..parallel import map_articles
from .candidates import FIGURE, PUNCTUATION, Sentence, candidates
from .lexicon import tagged, words
from .titles import item_titles  # noqa: F401  (build.py takes item titles from here)

if TYPE_CHECKING:
    from ..config import EditorialSettings

# Weights of the sentence score and of the selection; set on the tune split of the corpus.
CENTRALITY, LEAD, HEADLINE, FACTS = 0.7, 1.2, 0.8, 0.15  # round 8: centrality 0.5 -> 0.7 (tune-a and tune-b: facts up, ROUGE-L margin the same)
LEAD_DECAY = 2.5  # sentences: the lead prior halves about every 1.7 sentences
FIRST = 0.3  # the lead sentence says what happened (tune split: ROUGE-L up, facts kept the same)
MMR_LAMBDA = 0.8  # 1.0 ignores repetition, 0.0 only avoids it
NEW_FACT = 0.25  # value of each fact a sentence adds to the summary
FILL_RELEVANCE = 0.2  # past the minimum, a sentence must be at least this relevant (top = 1; tune-a: 0.3 -> 0.2 kept more facts)
MIN_FILL_FACTS = 1.0  # … and bring at least a figure, a date or a document the summary lacks
REPEATS = 0.8  # cosine of two sentences' words: past it the second says the first again
TOO_LONG = 140  # characters: a sentence this long crowds out the rest of the summary
BARE = 0.5  # a sentence without a single fact: commentary, not news
MAX_BARRED = 3  # openings pointing back a summary is chosen again without, at most
SUMMARY_SENTENCES = 40  # candidates a summary chooses among (the first ones)
SWAPS = 3  # exchanges that may improve on the greedy pick (tune: facts kept 0.687 -> 0.691, ROUGE-L 0.513 -> 0.516)
SENTENCE_FACTS = 10.0  # weight of the facts one sentence may bring to a summary: a list of shares is not five stories (tune-a: facts 0.696 -> 0.699)
MENU_REPEATS = 4  # the opening two characters this often in the first 40: a menu, not a sentence
SWAP_FACT = 0.25  # worth of a fact's weight against a sentence's relevance (top = 1) when exchanging
# worth of each of who and when being in the summary at all, when exchanging: of what the patterns find
# in the first 12 candidates on the tune split a labeller keeps ~75 % of the people named and of the
# dates to the day, of the years alone and the 《documents》 a quarter or less (tune-a and tune-b: facts
# up, ROUGE-L margin the same at 0.3; at 0.4 tune-a's margin drops)
WHO_AND_WHEN = 0.3

# A count in Chinese numerals is a figure too (二十家企业, 十年, 第三届); 一项, 一家 … are not.
CN_AMOUNT = (r"|(?<![一二三四五六七八九十百千万两])(?![一两][项家名位批届年种条所个款场大])[一二三四五六七八九十百千两]{1,4}"
             r"(?:项|家|名|位|批|届|年|种|条|所|个|款|场|大)"
             r"|第[一二三四五六七八九十百\d]{1,4}(?:届|批|次|期)")
SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
            "姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
            "赖岑裴樊柳阴宣甘苑丛谷翟聂庞乔柴殷耿祝邢俞詹倪祁傅鲍卓滕凌佟阎葛牟辛"
            "颜萧邰桑鲁戚骆饶伍艾喻")  # (not 包、温、游、单…: 包括在, 温度在, 游客在 read as a name before what they did)
SAID = (r"介绍|表示|说|指出|认为|强调|称|坦言|透露|提到|解释|建议|感叹|同志|在|：|出席|主持|报告|致辞|讲话|回忆|告诉"
        r"|宣布|发言|回应|谈到|直言|呼吁|寄语|坦承|笑称")
SAID_AT = re.compile(SAID)
# a person named where a story names one: after a role (副巡视员黄伟), or opening a clause, before
# what they said or did (何良平介绍, 陈建德感叹, 李学勇同志, 冯新岩：, 副主委高仙桂今天表示), or before
# a role in a list of who came (联络组李新男秘书长，…联盟协发网程学忠秘书长)
PERSON = re.compile(
    rf"(?:(?<=[师员授长任家者士生官记委手理，。、：“”])|^)[{SURNAMES}](?:(?![在说称今昨日近])[\u4e00-\u9fff]){{1,2}}"
    rf"(?=(?:今天|今日|昨天|昨日|日前|近日|\d{{1,2}}日)?(?:{SAID}))"
    rf"|(?<=[组网司处局部会院所校，、])[{SURNAMES}][\u4e00-\u9fff]{{1,2}}"
    rf"(?=(?:副|常务副)?(?:秘书长|调研员|主任|董事长|总经理|院士|教授|研究员|处长|局长|司长|部长|理事长|会长)(?:[，、。]|{SAID}))"
)

# What a labeller calls a key fact: figures, dates, named bodies, titles of documents. A figure is
# an amount, a count or a share with its unit, approximate or not (1000余项, 200多人, 230亩).
AMOUNT = re.compile(
    FIGURE.pattern + r"|\d+(?:[.,]\d+)*\s*(?:余|多)?\s*(?:万|亿)?(?:亩|平方公里|平方米|公顷|公里|千米|米|吨|张|次|人次|岁|天"
    r"|小时|分钟|宗|枚|位|篇|件|辆|架|户|床|批|届|周年|万|亿|个|项|家|名|人|元|美元|倍|颗|条|台|套|座|笔|所|种|公尺|秒|款|场|栋|例|份)"
    r"|\d+\s*(?:余|多)年|\d+大(?=[\u4e00-\u9fff]|$)"  # 工作40多年: a span, not a year; 12大领域
    r"|百分之[零一二三四五六七八九十百点]+"  # 百分之百合格, 增加百分之三
    + CN_AMOUNT
)
DAY = re.compile(r"(?:\d{4}年)?\d{1,2}月\d{1,2}[日号](?:至\d{1,2}(?:月\d{1,2})?日)?")  # a date to the day
DATE_OR_TITLE = re.compile(r"\d{4}年(?:\d{1,2}月)?(?:\d{1,2}[日号])?|\d{1,2}月\d{1,2}[日号](?:至\d{1,2}(?:月\d{1,2})?日)?"
                           r"|《[^》]{2,40}》")
FACT = re.compile(
    DATE_OR_TITLE.pattern + "|" + AMOUNT.pattern
    + r"|\d+(?:\.\d+)?"
    r"|[^\W\d_的了在由是为将把被日月年向从对]{2,16}?(?:公司|集团|医院|大学|学院|研究院|研究所|委员会|管委会|实验室|协会|联盟|药业|制药|银行"
    r"|人民政府|卫健委|药监局|监管局|科技局|科技厅|人社局|人社厅)"
)
# a person named after a role (副教授黄明欣成为…, 局长李利日前…), whatever the surname when what they
# said follows (主任果尚志：)
ROLE_NAME = re.compile(
    r"(?:书记|市长|省长|院士|教授|主任|局长|部长|厅长|董事长|总经理|院长|校长|首席执行官|创始人|主席|副总裁|所长|司长|署长"
    r"|秘书长|理事长|会长|行政长官|巡视员|检验师|工程师)"
    rf"([{SURNAMES}](?:(?![在说称今昨日近等和与的为是对向从也都将])[\u4e00-\u9fff]){{1,2}}"
    rf"|[\u4e00-\u9fff·]{{2,3}}?(?=(?:今天|今日|昨天|昨日|日前|近日)?(?:{SAID})))"
)

# A claim of being the first of its kind (国际上首个运作的…装置, 全球首例…手术, 第一个国际标准): one reference
# summary in seven repeats one, and the sentence that makes it is news, not commentary (not a word quoted,
# 看着又一个“首台”诞生)
FIRST_OF_ITS_KIND = re.compile(r"(?:全国|全球|国内|国际上?|世界|亚洲|我国|全省|全市)?(?<![“「])(?:首(?:个|次|台|款|座|家|例|部)|第一(?:个|台|家))(?![”」])")

# A definition aside: a unit or a term explained (1阿秒等于10的负18次方秒，…, the sample's 怀柔 story,
# after 突破到50阿秒以下 in the sentence before it); it explains the sentence before it and says nothing alone
DEFINES = re.compile(r"^\d*(?:\.\d+)?[\u4e00-\u9fffA-Za-z]{1,6}(?:等于|约等于|相当于|是指|指的是)")

# Weights of a fact's kind (_facts): of what the patterns find on the tune split, a labeller keeps
# about half the figures, 40 % of the dates and documents, 80 % of the people and 15 % of the bodies;
# a first of its kind weighs more than a date and less than a figure (tune-a and tune-b: ROUGE-L margin
# and facts up at 1.5, the same at 2)
W_FIGURE, W_DATE, W_NUMBER, W_BODY, W_PERSON, W_FIRST = 2.0, 1.0, 0.5, 0.5, 0.85, 1.5


@dataclass(frozen=True)
class Budget:
    min_chars: int = 150
    max_chars: int = 250


def summarize_articles(articles: list[Article], settings: EditorialSettings) -> dict[str, str]:
    """Summary per article id."""
    budget = Budget(settings.summary_min_chars, settings.summary_max_chars)
    tagged("")  # the dictionary's parts of speech, loaded once before the work is split
    return dict(zip((a.id for a in articles), map_articles(partial(summarize, budget=budget), articles)))


def summarize(article: Article, budget: Budget = Budget()) -> str:
    sentences = [replace(s, leans_back=True) if DEFINES.match(s.text) else s
                 for s in candidates(article, limit=SUMMARY_SENTENCES, shortened=True)]
    if not sentences:
        return ""
    terms = [_terms(s.text) for s in sentences]
    frequency = Counter(w for t in terms for w in set(t))
    vectors = [_tfidf(t, frequency, len(sentences)) for t in terms]
    summed: Counter = Counter()
    for vector in vectors:
        summed.update(vector)
    centroid = Vector(summed)
    headline = _tfidf(_terms(" ".join(t for t in (article.kicker, article.title, article.subtitle) if t)),
                      frequency, len(sentences))
    facts = [_facts(s.text) for s in sentences]
    scores = [
        CENTRALITY * _cosine(vectors[i], centroid)
        + LEAD * math.exp(-i / LEAD_DECAY)
        + HEADLINE * _cosine(vectors[i], headline)
        + FACTS * min(sum(facts[i].values()), 4)
        - (0.5 if len(s.text) > TOO_LONG else 0.0)
        + (FIRST if i == 0 and len(s.text) <= TOO_LONG else 0.0)
        - (BARE if not facts[i] and i > 0 else 0.0)  # the lead is the news, figures or not
        for i, s in enumerate(sentences)
    ]
    chosen = _select(sentences, vectors, scores, facts, budget)
    barred: frozenset[int] = frozenset()
    # (until the opening is one already barred: with nothing else to hold, the choice gives it back, and a story of one
    # sentence saying 上述 would loop for ever)
    while sentences[min(chosen)].points_back and min(chosen) not in barred and len(barred) < MAX_BARRED:
        # a summary does not open on a sentence pointing back at what it does not hold (…作上述表示。,
        # probe-135): chosen again without it
        barred |= {min(chosen)}
        chosen = _select(sentences, vectors, scores, facts, budget, barred) or chosen
    return "".join(sentences[i].text for i in sorted(chosen))


def _select(sentences: list[Sentence], vectors: list[Vector], scores: list[float], facts: list[dict[str, float]],
            budget: Budget, barred: frozenset[int] = frozenset()) -> set[int]:
    top = max(scores) or 1.0
    relevance = [s / top for s in scores]
    chosen: list[int] = []
    covered: set[str] = set()
    length = 0
    while True:
        best, best_value = None, -math.inf
        for s in sentences:
            i = s.index
            if i in chosen or i in barred or length + len(s.text) > budget.max_chars:
                continue
            if s.leans_back and not _leaned_on(s, chosen, sentences):
                continue
            fresh = sum(weight for fact, weight in facts[i].items() if fact not in covered)
            if length >= budget.min_chars and (fresh < MIN_FILL_FACTS or relevance[i] < FILL_RELEVANCE):
                continue  # past the minimum, only for a fact the summary lacks
            redundancy = max((_cosine(vectors[i], vectors[j]) for j in chosen), default=0.0)
            if redundancy >= REPEATS:
                continue  # the same sentence again (a caption repeating the lead, probe-119): never twice
            value = MMR_LAMBDA * relevance[i] - (1 - MMR_LAMBDA) * redundancy + NEW_FACT * min(fresh, 4)
            if length >= budget.min_chars:  # filling up: the most new facts for the room they take
                value = fresh / math.sqrt(len(s.text)) * (0.5 + relevance[i])
            if value > best_value:
                best, best_value = i, value
        if best is None:
            break
        chosen.append(best)
        covered |= facts[best].keys()
        length += len(sentences[best].text)
    if not chosen:  # every sentence is longer than the budget: the best whole one that stands alone
        standalone = [s.index for s in sentences if not (s.leans_back or s.points_back or s.index in barred)] or [s.index for s in sentences]
        chosen.append(max(standalone, key=lambda i: (scores[i], -i)))
        return set(chosen)
    return _improve(set(chosen), sentences, vectors, relevance, facts, budget, barred)


def _worth(chosen: set[int], relevance: list[float], facts: list[dict[str, float]]) -> float:
    """What a summary holds: the relevance of its sentences, the weight of the facts they state
    (each fact once), and whether it says who and when (a-0111: 2006年9月26日，EAST首轮物理实验成功…
    in for 历经8年艰苦奋斗…; c-0136: 标准委主任田世宏…进行了15场会谈 in for a sentence of years and a
    term)."""
    covered: set[str] = set()
    total = 0.0
    for i in sorted(chosen):
        total += min(SENTENCE_FACTS, sum(w for f, w in facts[i].items() if f not in covered))
        covered |= facts[i].keys()
    said = {kind for i in chosen for fact, weight in facts[i].items() if (kind := _who_or_when(fact, weight))}
    return sum(MMR_LAMBDA * relevance[i] for i in chosen) + SWAP_FACT * total + WHO_AND_WHEN * len(said)


def _who_or_when(fact: str, weight: float) -> str:
    """Whether a fact says who (a person named) or when (a date to the day: 9月26日, 2006年9月26日,
    9月16日至20日), the two kinds a labeller keeps most; "" for any other."""
    if weight == W_PERSON:  # (_facts gives no other kind this weight)
        return "who"
    return "when" if DAY.fullmatch(fact) else ""


def _improve(chosen: set[int], sentences: list[Sentence], vectors: list[Vector], relevance: list[float],
             facts: list[dict[str, float]], budget: Budget, barred: frozenset[int]) -> set[int]:
    """Exchange one picked sentence for one or two left out, or add one or two, where the summary
    then holds more (_worth) within the budget: the greedy pick may spend the room on one long
    sentence where two short ones state more of the story's facts. Each sentence let in
    brings a fact the rest lack, the summary opens where it did or on the lead (an earlier sentence
    may be an aside, …经理朱龙潜日前对记者说。; the lead is not when it is the page's menu run into
    the first sentence, a-0115), and the rules of the greedy pick hold (no sentence twice, none
    leaning on one left out)."""
    lengths = {s.index: len(s.text) for s in sentences}
    pool = [s.index for s in sentences if s.index not in barred and facts[s.index] and relevance[s.index] >= FILL_RELEVANCE]
    floor = min(budget.min_chars, sum(lengths[i] for i in chosen))
    opening = min(chosen)
    cosines: dict[tuple[int, int], float] = {}

    def cos(i: int, j: int) -> float:
        key = (i, j) if i < j else (j, i)
        if key not in cosines:
            cosines[key] = _cosine(vectors[i], vectors[j])
        return cosines[key]

    def valid(picked: set[int]) -> bool:
        length = sum(lengths[i] for i in picked)
        if not floor <= length <= budget.max_chars:
            return False
        if any(sentences[i].leans_back and not _leaned_on(sentences[i], picked, sentences) for i in picked):
            return False
        return not any(cos(i, j) >= REPEATS for i in picked for j in picked if i < j)

    def covered_by(picked: set[int]) -> set[str]:
        return {f for k in picked for f in facts[k]}

    best_worth = _worth(chosen, relevance, facts)
    # the lead may open a summary that opened later (a-0090: the date, the event and 1000余项 were left
    # out for two sentences of figures), unless it is the page's menu run into the first sentence
    # (a-0115: 即时新闻即时港闻即时热点…【明报社评】国家科学技术部批准…)
    lead = 0 if not (0 in barred or sentences[0].points_back or _menu_like(sentences[0].text)) else opening
    for _ in range(SWAPS):
        best, opening = None, min(chosen)
        outside = [j for j in pool if j not in chosen]
        for i in [None, *chosen]:
            base = chosen - {i}
            room = budget.max_chars - sum(lengths[k] for k in base)
            fits = [j for j in outside if lengths[j] <= room]
            options = [{j} for j in fits] + [{j, k} for a, j in enumerate(fits) for k in fits[a + 1:] if lengths[j] + lengths[k] <= room]
            for extra in options:
                if min(base | extra) not in (opening, lead):
                    continue  # the summary opens where it did
                if any(sum(w for f, w in facts[j].items() if f not in covered_by(base | extra - {j})) < MIN_FILL_FACTS
                       for j in extra):
                    continue  # each sentence let in brings a fact the rest lack
                picked = base | extra
                worth = _worth(picked, relevance, facts)
                if worth > best_worth + 1e-9 and valid(picked):
                    best, best_worth = picked, worth
        if best is None:
            break
        chosen = best
    return chosen


def _leaned_on(sentence: Sentence, picked: set[int] | list[int], sentences: list[Sentence]) -> bool:
    """What a sentence that leans back leans on is in the summary: the sentence right before it, or
    for one naming the story's subject again (该医院…) a sentence before it that names it (…县医院…)."""
    i, word = sentence.index, sentence.names_back
    return i - 1 in picked or bool(word and any(j < i and word in sentences[j].text for j in picked))


def _menu_like(text: str) -> bool:
    """A run of menu items (即时新闻即时港闻即时热点…): the opening two characters again and again."""
    return bool(re.match(r"[\u4e00-\u9fff]{2}", text)) and text[:40].count(text[:2]) >= MENU_REPEATS


def _facts(sentence: str) -> dict[str, float]:
    """The facts a sentence states, each with its weight: a figure (an amount, a count, a share,
    a span: 40多年) 2, a date (2006年9月26日 is one) or a document 1, a person named 0.85 (a labeller
    keeps most of the people a story names, and few of its bodies), a named body or a bare number 0.5."""
    found: dict[str, float] = {}
    numbers: list[str] = []
    for fact in FACT.findall(sentence):
        if DATE_OR_TITLE.fullmatch(fact):
            found[fact] = W_DATE
        elif AMOUNT.fullmatch(fact):
            found[fact] = W_FIGURE
        elif fact[0].isdigit():
            numbers.append(fact)
        else:
            found[fact] = W_BODY
    # a bare number once, and not again where it is already a figure or a date (3 in 3个特色产业)
    found.update((n, W_NUMBER) for n in numbers if n not in found and not any(f.startswith(n) for f in found))
    found.update((name, W_PERSON) for name in PERSON.findall(sentence) if name not in found)
    found.update((claim, W_FIRST) for claim in FIRST_OF_ITS_KIND.findall(sentence) if claim not in found)
    for match in ROLE_NAME.finditer(sentence):
        name = match.group(1)
        if len(name) == 3 and SAID_AT.match(sentence, match.end(1) - 1):  # 校长张翔认为: 张翔
            name = name[:2]
        if not any(name.startswith(n) or n.startswith(name) for n in found):
            found[name] = W_PERSON
    return found


def _terms(text: str) -> list[str]:
    return [w for w in words(text) if w.strip() and not set(w) <= PUNCTUATION]


def _tfidf(terms: list[str], frequency: Counter, count: int) -> Vector:
    """TF-IDF vector of a sentence's words, with document frequencies over the article's sentences."""
    return Vector({w: tf * math.log(1 + count / frequency.get(w, 1)) for w, tf in Counter(terms).items()})


class Vector(dict):
    """A TF-IDF vector that knows its length (cosines are taken many times per sentence)."""

    def __init__(self, values: dict[str, float]):
        super().__init__(values)
        self.norm = math.sqrt(sum(v * v for v in self.values()))


def _cosine(a: Vector, b: Vector) -> float:
    if not a or not b or not a.norm or not b.norm:
        return 0.0
    if len(a) > len(b):
        a, b = b, a
    dot = sum(v * b[w] for w, v in a.items() if w in b)
    return dot / (a.norm * b.norm)
