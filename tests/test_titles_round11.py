"""Item titles, eleventh round: written headlines an official could not read — a clause that opens
pointing back (但…, 就有一个这样的…, 另…, 同时…), concedes, asks or only quotes, ends on a word or a
preposition that waits for the rest, a roll of offices and names, a subject lent where it is none, and a
cut at the cap that ends inside a phrase."""

from __future__ import annotations

import pytest

from briefing.config import EditorialSettings
from briefing.editorial.titles import item_title, plainly_unfit, title_units

from test_junk_papers import read_junk_probe_page

CAP = EditorialSettings().title_max_chars


def title(page_id: str) -> str:
    return item_title(read_junk_probe_page(page_id), CAP)


def units(page_id: str) -> list[str]:
    return [u.text for u in title_units(read_junk_probe_page(page_id), CAP)]


@pytest.mark.parametrize("clause", [
    "但作为一个经济区域却至今尚待进一步成长",  # probe-110: turns against the clause before
    "就有一个这样的“超级显微镜”——中国散裂中子源",  # probe-210: opens mid-thought, points back
    "另整理于「废止或改版之原采认医疗器材标准清单」",  # probe-184
    "同时确立大湾区建设中的合作重点 包括推进基础设施互联互通",  # probe-206: its subject (协议) left behind
    "即将在东莞松山湖科学城开工建设",  # probe-213
    "以捕捉宇宙中的幽灵粒子——中微子",  # probe-223: the purpose of the deed before
    "“一花一世界、一树一菩提” 就算是不起眼的一粒沙子",  # probe-210: a poem's line and a concession
    "如何才能看到沙子里面的世界呢",  # probe-210: a question
    "怎么样促进长三角地区率先发展、一体化发展",  # probe-232
    "根据国家食品药品监督管理总局药品审评中心发布的",  # probe-229: a circumstance ending on 的
    "公告「109年度医疗器材标准采认清单」及",  # probe-184: ends on a conjunction
    "散裂中子源科学中心与港澳地区8所高校",  # probe-213: 与's verb (签订) lost
    "忠县人民医院、忠县中医院分别与25家",  # tune b-0170
    "包括目前已进入二期项目建设阶段的中国散裂中子源在内",  # probe-213: 包括…在内 alone
    "厦门大学能源学院党委书记孙梓光",  # probe-054: an office and a name
    "澳门特区行政长官崔世安、香港特区行政长官林郑月娥",  # probe-212: the signatories without what they signed
])
def test_a_clause_that_says_nothing_of_its_own_is_plainly_unfit(clause):
    assert plainly_unfit(clause)


@pytest.mark.parametrize("clause", [
    "成渝这一对双子星城市始终难以融合为一体",  # 为 the verb's complement, no open preposition
    "粤港澳大湾区协同创新研究院在广州高新区揭牌",  # the dictionary calls 揭|牌 no verb: not a lone word after 在
    "向东向南经过西南出海通道与南贵昆经济区紧密相连",  # a predicate after 与's object
    "松山湖科学城世界级大科学装置集群正加速成型",
    "大罢免后于行政院内阁小改组中接任卫福部长的石崇良",  # an office before 的 is no roll of names
])
def test_a_clause_that_makes_its_own_statement_stays_fit(clause):
    assert not plainly_unfit(clause)


def test_written_headlines_of_the_junk_probe_no_longer_open_mid_thought():
    assert title("probe-110") == "成渝地区作为一个相对完整的地理区域早已存在"
    assert title("probe-213") == "松山湖科学城世界级大科学装置集群正加速成型"
    # probe-054: no roll of offices and names (厦门大学能源学院党委书记孙梓光) but one of the lead's statements (which one
    # is the chooser's: 三方将开展…战略合作 or, learned with the probes, 工程技术中心将重点建设…实验室)
    assert "孙梓光" not in title("probe-054") and title("probe-054").endswith(("战略合作", "实验室"))
    assert not title("probe-206").startswith("同时")
    assert not title("probe-184").startswith("另")
    assert "这样的" not in title("probe-210") and "“" not in title("probe-210")


def test_a_subject_is_not_lent_across_another_speakers_words():
    # probe-218: 中央指挥中心…公布…，而陈时中部长也表示，除了高端疫苗，联亚疫苗的EUA也正在补件中: the words after
    # 陈时中部长也表示 are his, and 中央 (the dictionary's cut of 中央|指挥中心) is not their subject
    assert title("probe-218") == "联亚疫苗的EUA也正在补件中"
    assert not any(u.startswith("中央联亚") for u in units("probe-218"))


def test_a_subject_ending_on_a_span_of_time_is_not_lent():
    # probe-223: 中国科学家十年磨一剑建设的江门中微子实验大科学装置开始正式运行了，以捕捉… : 中国科学家十年 is no subject
    assert not any(u.startswith("中国科学家十年以") for u in units("probe-223"))
    assert "以捕捉" not in title("probe-223")


def test_a_subject_is_not_lent_to_a_list_going_on():
    # probe-054: …能源研究院刘运权副院长、张正泓副院长，…以及厦门大学能源学院师生代表等共同见证…
    assert not any(u.startswith("能源研究院以及") for u in units("probe-054"))


def test_a_cut_at_the_cap_ends_where_a_phrase_ends():
    # probe-227: …候选药物EAL近期取得重要|进展: never on the adjective, nor on the verb whose object is cut
    assert not any(u.endswith(("取得重要", "取得")) for u in units("probe-227"))
    # probe-223: …大科学装置开始正式|运行
    assert not any(u.endswith("开始正式") for u in units("probe-223"))
    # probe-232: 长三角地区是我国经济最具活力、开放程度最高、创新能力最强的区域之一 (a list of modifiers cut from its head)
    assert not any(u.startswith("长三角地区是我国经济最具活力") for u in units("probe-232"))
    assert title("probe-232") == "长三角地区是“一带一路”和长江经济带的重要交汇点"
    # probe-184: 卫生福利部食品药物管理署于109年9月2日公告「109年度医疗器材标准采认清单」…: never the verb without
    # the document it governs
    assert "卫生福利部食品药物管理署于109年公告" not in units("probe-184")


def test_a_cut_keeps_a_long_clause_to_its_whole_phrases():
    from corpus_pages import read_tune_page

    # tune a-0089: …成果对接系列活动将于8|月中旬… is taken back to the event, never to 将于8
    written = [u.text for u in title_units(read_tune_page("a-0089"), CAP)]
    assert "山东省科技创新促进新旧动能转换产业技术成果对接系列活动" in written
    assert not any(u.endswith("将于8") for u in written)
    # tune b-0170: 忠县人民医院、忠县中医院分别与25家… leaves only who, and goes
    assert not any(u.startswith("忠县人民医院、忠县中医院") for u in (x.text for x in title_units(read_tune_page("b-0170"), CAP)))



def test_a_subject_is_not_lent_across_a_linking_word_to_a_clause_with_its_own():
    from corpus_pages import read_tune_page

    # tune c-0072: …率先搭载高通骁龙8，而vivo X200标准版的价格也相应上调: vivo is that clause's subject
    written = [u.text for u in title_units(read_tune_page("c-0072"), CAP)]
    assert not any(u.startswith("高通骁龙8而") for u in written)
