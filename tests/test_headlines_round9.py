"""Headlines on real pages the finder missed in round nine (benchmarks/probe/headlines.jsonl), one kind
of page a test: a WeChat mirror's title over its `作者丨` / `编辑丨` / `题图丨` credits and a photo caption
with its `| 图：` credit, a column's headline with a note of where it first ran, a headline bulleted on
an e-paper's 即时新闻 page."""

from __future__ import annotations

import pytest
from test_headlines_round8 import assert_found, read_page, simplified  # the probe's pages, read as the checker reads them

from briefing.text.headlines import clean_decoration, find_in_lines, page_roles, usable


@pytest.mark.parametrize("page_id, headline", [
    # freewechat: the title, 作者丨… / 编辑丨… / 题图丨…, the lead, a photo's caption … | 图：上海药物研究所官网
    ("hp-260", "中国商人的失忆解药丨放大灯"),
    # a legislator's site: Articles / 中國散裂中子源(刊載於2019年9月11日《東周刊》) / the column in Cantonese
    ("hp-265", "中國散裂中子源"),
    # 北京日报's e-paper page: 即时新闻 / • 世界级大科学装置落户怀柔 / 本报讯（记者 王可心）…
    ("hp-283", "世界级大科学装置落户怀柔"),
])
def test_round_nine_misses_are_found(page_id, headline):
    assert_found(page_id, headline)


WECHAT_HEAD = [
    "中国商人的失忆解药丨放大灯",
    "作者丨阿肯",
    "编辑丨好了你不要再说了、普通酱",
    "题图丨pixabay",
    "12月29日是个星期天，中科院上海药物研究所召开发布会，宣布即日起即可持处方在全国各大专业药房购买甘露特钠。",
    "九期一（甘露特钠）药盒样品及胶囊样品 | 图：上海药物研究所官网",
    "消息显示，规格为150mg×14粒×3板的甘露特钠胶囊，定价为895元。医药媒体“药融圈”计算后发现，使用甘露特钠治疗轻中度"
    "阿尔兹海默症的患者，月支出超过3500元人民币。作为对比，国内现有治疗阿尔兹海默症的相关药物费用约为1500元/月。",
    "在发布会现场，耿美玉对“有条件批准”的争议也做出了回应，称：“有条件”批准上市，是因为甘露特钠的大鼠长期致癌性试验"
    "正式报告未按规提交，根据国家药监局“3个月内补交资料”的要求，报告已于12月26日补上。",
]


def test_a_photo_caption_with_its_credit_after_a_bar_is_no_headline():
    assert not usable("九期一（甘露特钠）药盒样品及胶囊样品 | 图：上海药物研究所官网")
    assert usable("九期一（甘露特钠）药盒样品及胶囊样品")  # the caption's words alone could be a headline


def test_wechat_credits_after_a_bar_are_bylines_and_leave_the_body():
    roles = page_roles(WECHAT_HEAD)
    assert roles.get(2) == roles.get(3) == "byline"  # 编辑丨 a nickname, 题图丨 a picture's credit
    assert 0 not in roles and 4 not in roles  # the headline and the lead stay


def test_a_column_bar_makes_no_word_pair_of_a_figurative_headline():
    # twelve character pairs, two of them across 丨; the story says none: without the bar's pairs it is
    # too short to be called another story's headline, and the credits under it confirm it
    found = find_in_lines(WECHAT_HEAD)
    assert found is not None and found.text == "中国商人的失忆解药丨放大灯" and found.index == 0


@pytest.mark.parametrize("line, headline", [
    ("中國散裂中子源(刊載於2019年9月11日《東周刊》)", "中國散裂中子源"),
    ("中国散裂中子源（原载于《人民日报》）", "中国散裂中子源"),
    ("财经观察（转载自新华网）", "财经观察"),
])
def test_a_note_of_where_a_column_first_ran_is_no_part_of_its_headline(line, headline):
    assert clean_decoration(line) == headline


def test_a_headline_that_names_a_paper_in_brackets_keeps_it():
    assert clean_decoration("习近平在《求是》发表重要文章（附全文）") == "习近平在《求是》发表重要文章（附全文）"
    assert clean_decoration("女排世界杯夺冠（载誉归来）") == "女排世界杯夺冠（载誉归来）"


def test_a_lone_bulleted_headline_is_read_without_its_bullet():
    lines = [
        "即时新闻",
        "• 世界级大科学装置落户怀柔",
        "本报讯（记者 王可心）昨日上午，怀柔科学城首个大科学装置——综合极端条件实验装置正式启动建设，这也是该科学城"
        "第一个开工的国家重大科技基础设施。工程拟通过5年左右时间，建成国际上首个集极低温、超高压、强磁场和超快光场等极端"
        "条件为一体的用户装置，极大提升我国在物质科学及相关领域的基础研究与应用基础研究综合实力。",
    ]
    found = find_in_lines(lines)
    assert found is not None and found.text == "世界级大科学装置落户怀柔"


def test_a_hyphen_inside_a_latin_name_is_no_site_names_dash():
    from briefing.text.headlines import without_site_name

    # junk probe-226 (中国证券网): the headline was cut at CAR-T, `-T药物获临试批件` read as a site's name
    assert without_site_name("银河生物股价异动 CAR-T药物获临试批件") == "银河生物股价异动 CAR-T药物获临试批件"
    assert without_site_name("银河生物股价异动 CAR-T药物获临试批件-中国证券网") == "银河生物股价异动 CAR-T药物获临试批件"
