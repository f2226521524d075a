"""The six fixed sections, their default lexicon, the off-topic lexicon, and the word splitter.

Weights say how strongly a term points at a section; a term in the headline counts more (see
classify.py). Operators extend or replace the section lexicons in briefing.toml `[[sections]]`.

The off-topic lexicon describes what a 科技创新 briefing never prints (sports, entertainment,
property ads, weather): an article that reads more like one of these than like any section is
left out, with the kind named in the manifest.

Every term is also a word of the jieba dictionary we split text with, so 高技能人才 stays one
word and is not counted again as 人才.
"""

from __future__ import annotations

import gzip
import json
import logging
import math
import sys
import threading
import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DEFAULT_SECTIONS: list[dict] = [
    {
        "id": "collaboration",
        "title": "协同创新",
        "description": "regional and cross-organisation innovation",
        "keywords": {
            "协同创新": 3, "京津冀": 2, "创新联合体": 3, "协同发展": 2, "产业协作": 2,
            "成果转化": 1.5, "转移转化": 2, "技术转移": 2, "技术合同": 2, "技术交易": 1.5,
            "合作协议": 2, "框架协议": 2, "战略合作": 2, "签约": 1.5, "签署": 1, "签订": 1,
            "协同": 1, "一体化": 1.5, "长三角": 2, "粤港澳": 2, "大湾区": 2, "湾区": 1.5,
            "港澳": 1.5, "深港": 2, "穗港": 2, "津冀": 2, "三地": 1.5, "跨区域": 2, "区域": 0.5,
            "国际科技创新中心": 2, "联合攻关": 2, "产学研": 2, "科技合作": 2, "创新共同体": 3,
            "科创共同体": 3, "科技创新共同体": 3, "科创走廊": 2, "共建": 1.5, "联盟": 1,
            "对接": 1, "合作": 1, "融合创新": 2,
        },
    },
    {
        "id": "facilities",
        "title": "科技设施",
        "description": "major research infrastructure",
        "keywords": {
            "科学城": 3, "大科学装置": 3, "科技设施": 3, "科技基础设施": 3, "重大科技基础设施": 3,
            "科教基础设施": 3, "交叉研究平台": 3, "国家实验室": 2, "实验装置": 2, "装置": 1.5,
            "开放共享": 2, "国之重器": 2, "国家科学中心": 3, "综合性国家科学中心": 3,
            "研究所": 0.5, "科研设施": 2, "设施": 1.5, "同步辐射": 3, "光源": 2, "光束线": 3,
            "线站": 3, "实验站": 2.5, "加速器": 2, "中子源": 3, "对撞机": 3, "风洞": 2,
            "射电望远镜": 3, "望远镜": 2, "天眼": 3, "脉冲星": 2, "超算": 2, "超级计算机": 2,
            "实验室": 1, "国家验收": 2.5, "验收": 1, "科研平台": 1.5, "怀柔": 1.5, "张江": 1,
        },
    },
    {
        "id": "standards",
        "title": "标准化",
        "description": "international, national and group standards",
        "keywords": {
            "标准化": 3, "国际标准": 3, "国家标准": 2.5, "行业标准": 2.5, "团体标准": 2.5,
            "地方标准": 2.5, "标准体系": 2, "标准": 1.5, "标准委": 3, "国家标准委": 3,
            "国际标准化组织": 3, "国际电工委员会": 3, "标准提案": 3, "对标达标": 2, "制修订": 2,
            "技术委员会": 1.5, "ISO": 2, "IEC": 2, "ITU": 2, "技术指南": 1, "规范": 0.5,
            "计量": 1.5, "认证": 1, "市场监管": 1, "市场监管总局": 1.5,
        },
    },
    {
        "id": "biomedicine",
        "title": "生物医药",
        "description": "pharma and biotech industry, drugs, devices, licensing deals, trials",
        "keywords": {
            "生物医药": 3, "创新药": 3, "药企": 3, "医药": 2, "药物": 2, "新药": 2.5, "药品": 1.5,
            "药业": 2.5, "制药": 2.5, "生物制药": 3, "原料药": 2.5, "生物制品": 2, "生物技术": 2,
            "授权许可": 2.5, "对外授权": 3, "许可协议": 2.5, "首付款": 3, "里程碑": 2.5,
            "临床试验": 2.5, "临床": 1, "获批上市": 2, "管线": 2, "医疗器械": 2.5, "疫苗": 2,
            "抗体": 2, "双抗": 2.5, "ADC": 2.5, "小分子": 2, "靶点": 2, "药监局": 2.5,
            "医用机器人": 2.5, "手术机器人": 2.5, "License-out": 3, "BD": 1.5,
        },
    },
    {
        "id": "talent",
        "title": "人才发展",
        "description": "talent policy, skilled workforce, craftsmen, titles, recruitment",
        "keywords": {
            "人才": 2, "工匠": 3, "高技能": 3, "技能人才": 3, "高技能人才": 3, "技师": 2,
            "首席技师": 3, "技术能手": 3, "金牌工人": 3, "职称": 2.5, "人才引进": 3,
            "人才培养": 2.5, "人才工作": 3, "人才政策": 3, "高层次人才": 3, "专业技术人才": 3,
            "青年科技人才": 3, "技能": 1, "职业技能": 2.5, "技能培训": 2.5, "技能大赛": 2.5,
            "技能竞赛": 2.5, "学徒制": 2.5, "劳动模范": 1, "博士后": 2, "工程师": 1, "引才": 3,
            "育才": 2, "聚才": 2, "招才引智": 3, "技工": 2, "人社": 2, "人社部": 2,
            "人力资源社会保障": 2, "就业": 1, "院士专家工作站": 3, "院士工作站": 3, "专家工作站": 2.5,
        },
    },
    {
        "id": "health",
        "title": "卫生健康",
        "description": "public health, health services, healthy cities, smart medicine",
        "keywords": {
            "健康": 2, "卫生": 2, "卫健委": 3, "卫生健康委": 3, "医院": 2, "医疗": 1.5,
            "医疗服务": 2.5, "公共卫生": 3, "健康城市": 3, "城市健康": 3, "健康中国": 3,
            "爱国卫生": 3, "智慧医疗": 3, "互联网医院": 3, "疾控": 3, "流感": 2.5, "传染病": 2.5,
            "医保": 2.5, "医保局": 3, "医保目录": 3, "集采": 2.5, "患者": 1, "就医": 2, "看病": 2,
            "门诊": 2, "县医院": 3, "诊疗": 2, "预约诊疗": 2.5, "分级诊疗": 3, "家庭医生": 3,
            "医联体": 3, "基层医疗": 2.5, "妇幼": 2, "儿科": 2, "慢性病": 2, "影像": 1,
        },
    },
]

# What a 科技创新 briefing leaves out, whatever a section's lexicon says.
OFF_TOPIC: dict[str, dict[str, float]] = {
    "sports": {
        "比赛": 2, "赛事": 2, "联赛": 3, "夺冠": 2.5, "冠军": 2, "亚军": 2.5, "季军": 2.5,
        "决赛": 3, "半决赛": 3, "小组赛": 3, "晋级": 2, "比分": 3, "进球": 3, "主教练": 3,
        "球队": 3, "女排": 3, "男篮": 3, "足球": 3, "中超": 3, "乒乓球": 3, "世锦赛": 3,
        "世界杯": 2.5, "奥运会": 2.5, "马拉松": 3, "赛季": 3, "运动员": 2, "选手": 1.5,
    },
    "entertainment": {
        "票房": 3, "电影": 2.5, "影片": 2.5, "上映": 3, "导演": 2, "主演": 2.5, "首映": 3,
        "档期": 3, "春节档": 3, "影院": 2.5, "演唱会": 3, "综艺": 3, "明星": 2.5, "歌手": 2.5,
        "电视剧": 3, "剧集": 3, "娱乐": 2, "影迷": 3,
    },
    "property": {
        "楼盘": 3, "开盘": 3, "售楼": 3, "户型": 3, "样板间": 3, "房价": 3, "购房": 3,
        "楼市": 3, "商品房": 3, "二手房": 3, "房企": 3, "置业": 3, "首付": 3, "别墅": 2.5,
        "洋房": 3, "园林": 1.5, "业主": 2, "住宅": 2, "房地产": 2.5, "均价": 2, "精装": 2,
    },
    "weather": {
        "气象台": 3, "天气": 2.5, "寒潮": 3, "降温": 3, "气温": 3, "最低气温": 3, "降雨": 3,
        "降雪": 3, "暴雨": 3, "暴雪": 3, "大风": 2.5, "阵风": 3, "冷空气": 3, "台风": 3,
        "蓝色预警": 3, "气象": 2,
    },
}


@lru_cache(maxsize=1)
def default_terms() -> frozenset[str]:
    """Every term of the built-in lexicons."""
    terms = {t for s in DEFAULT_SECTIONS for t in s["keywords"]}
    terms |= {t for kind in OFF_TOPIC.values() for t in kind}
    return frozenset(terms)


def words(text: str, extra_terms: Iterable[str] = ()) -> list[str]:
    """Split Chinese text into words (jieba, dictionary only, so the same text always splits the
    same way), keeping every lexicon term whole. A sentence is split once: the summary, the
    written headline and the classifier ask for the same sentences."""
    terms = _with_defaults(frozenset(extra_terms))
    if len(text) <= MAX_CACHED:
        return list(_cached_words(text, terms))
    return _cut(text, terms)


MAX_CACHED = 400  # characters: sentences and clauses, not whole bodies


@lru_cache(maxsize=16384)
def _cached_words(text: str, terms: frozenset[str]) -> tuple[str, ...]:
    return tuple(_cut(text, terms))


# A day's intake of this many articles or more is cut by rjieba, jieba's Rust port: the same words
# (tests/test_fast_cuts.py compares them on every probe page; only a run of one repeated character, 久久久久久 in
# a spam line, may be cut the other of two equally likely ways), a tenth of the time, but
# loading our dictionary into it takes a tenth of a second, which a build of a few articles would
# only lose (the bundled sample's six).
FAST_BATCH = 48
_FAST = {"on": False}


def cut_fast_from_now(extra_terms: Iterable[str] = ()) -> bool:
    """Cut with rjieba from now on in this process (and the children it forks), its dictionary loaded
    here, before the work is split; False where rjieba is not installed (jieba goes on cutting)."""
    _FAST["on"] = _fast_tokenizer(_with_defaults(frozenset(extra_terms))) is not None
    return _FAST["on"]


def _cut(text: str, terms: frozenset[str]) -> list[str]:
    fast = _fast_tokenizer(terms) if _FAST["on"] else None
    if fast is not None:
        return fast.cut(text, False)
    return _tokenizer(terms).lcut(text, HMM=False)


@lru_cache(maxsize=8)
def _fast_tokenizer(terms: frozenset[str]):
    """rjieba with our dictionary and the lexicon's terms added as `_tokenizer` adds them (the same
    order, the same suggested frequency), or None without rjieba."""
    try:
        import rjieba
    except ImportError:
        return None
    dictionary = _dictionary()
    tokenizer = rjieba.Jieba.empty()
    for word, tag in zip(dictionary.words, dictionary.tag_list):
        tokenizer.add_word(word, dictionary.freq[word], tag or None)
    for term in sorted(terms):
        if " " not in term:
            tokenizer.add_word(term, None, None)
    return tokenizer


def tagged(text: str) -> list[tuple[str, str]]:
    """Words with their part of speech from jieba's dictionary (n…, v, p …; `x` for lexicon terms
    and words it does not know, `m` for numbers, `eng` for Latin, `w` for punctuation), dictionary only."""
    tags = _tags()
    return [(w, tags.get(w) or ("m" if w.isdigit() else "eng" if w.isascii() and w.isalpha()
                                else "w" if not any(c.isalnum() for c in w) else "x"))
            for w in words(text)]


@lru_cache(maxsize=1)
def _tags() -> dict[str, str]:
    """word -> part of speech, from our dictionary (jieba.posseg reads its own in half a second)."""
    dictionary = _dictionary()
    return {w: t for w, t in zip(dictionary.words, dictionary.tag_list) if t}


@lru_cache(maxsize=65536)
def specificity(word: str) -> float:
    """How specific a word is, from its frequency in jieba's dictionary (a general corpus):
    0 for the commonest words, about 1 for a rare name or term."""
    tokenizer = _tokenizer(default_terms())
    frequency = tokenizer.FREQ.get(word) or 1
    return min(1.0, max(0.0, math.log(tokenizer.total / frequency) / 16))


@lru_cache(maxsize=8)
def _with_defaults(extra: frozenset[str]) -> frozenset[str]:
    return extra | default_terms()


WORDS = Path(__file__).with_name("words.txt")
# words.txt made ready for jieba by tools/build_wordlist.py (tests/test_editorial.py checks they agree)
DICTIONARY = Path(__file__).with_name("dictionary.json.gz")


@dataclass(frozen=True, eq=False)
class Dictionary:
    """jieba's prefix dictionary of words.txt, as jieba would build it: every word with its
    frequency, every prefix of a word that is no word itself with 0, the frequencies' total."""

    freq: dict[str, int]
    total: int
    words: tuple[str, ...]
    tag_list: tuple[str, ...]  # the part of speech of each word ("" when words.txt gives none)


@lru_cache(maxsize=1)
def _dictionary(path: Path = DICTIONARY) -> Dictionary:
    """Read in a fiftieth of a second, where jieba takes a sixteenth to build it from words.txt
    on every start (or reads it back from a marshal file in a shared temporary folder, which
    anyone on the machine could plant). JSON: reading it runs no code."""
    with gzip.open(path, "rb") as handle:
        data = json.loads(handle.read())
    words = data["words"].split("\n")
    freq = dict.fromkeys(data["prefixes"].split("\n") if data["prefixes"] else (), 0)
    freq.update(zip(words, data["freq"]))
    return Dictionary(freq, data["total"], tuple(words), tuple(data["tags"].split(" ")))


def dictionary_data(words_txt: str) -> dict:
    """What DICTIONARY holds, made from the text of words.txt ("word frequency tag" lines) the way
    jieba builds its prefix dictionary (tools/build_wordlist.py writes it; a test compares)."""
    freq: dict[str, int] = {}
    tags: dict[str, str] = {}
    total = 0
    for line in words_txt.splitlines():
        parts = line.split(" ")
        if len(parts) < 2:
            continue
        word, count = parts[0], int(parts[1])
        freq[word] = count
        total += count
        if len(parts) == 3:
            tags[word] = parts[2]
        for end in range(1, len(word)):
            freq.setdefault(word[:end], 0)
    words = [w for w, f in freq.items() if f]
    prefixes = [w for w, f in freq.items() if not f]
    return {"total": total, "words": "\n".join(words), "freq": [freq[w] for w in words],
            "tags": " ".join(tags.get(w, "") for w in words), "prefixes": "\n".join(prefixes)}


def _import_jieba():
    """jieba 0.42 imports the deprecated pkg_resources, if present, only to open its own files:
    a twentieth of a second and a warning. Without it jieba opens them directly. The module table
    is changed for the whole process, so only while no other thread could import meanwhile."""
    if "pkg_resources" in sys.modules or threading.active_count() > 1:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            import jieba
        return jieba
    sys.modules["pkg_resources"] = None  # `import pkg_resources` now raises ImportError
    try:
        import jieba
    finally:
        del sys.modules["pkg_resources"]
    return jieba


@lru_cache(maxsize=8)
def _tokenizer(terms: frozenset[str]):
    jieba = _import_jieba()

    jieba.setLogLevel(logging.WARNING)  # jieba announces loading its dictionary on stderr
    # jieba's dictionary without its rarest words (tools/build_wordlist.py), its prefix
    # dictionary precomputed: jieba never builds one, nor reads or writes its shared cache file
    dictionary = _dictionary()
    tokenizer = jieba.Tokenizer(dictionary=str(WORDS))
    tokenizer.FREQ, tokenizer.total = dict(dictionary.freq), dictionary.total  # a copy: terms are added
    tokenizer.initialized = True
    for term in sorted(terms):
        if " " not in term:
            tokenizer.add_word(term)
    return tokenizer
