"""Junk the junk probe's round 15 found by eye (benchmarks/probe/pages.jsonl, probe-425 … probe-454): a casino's name
with its site code where a hospital's was, a betting site's web-version entrance where a school news site's was, a
date line with the outlet's view count glued on, a WeChat post's contributors line and an epigraph's source, a
picture's word with its dotted caption, a spun copy's 迷信院 and 留念病院, an anti-scraping mirror's random ASCII
before each line, emoji in brackets between a pinyin-annotated mirror's characters, Markdown's bold marks, a list of
hyphened figures and a column writer's bracketed byline taken for the headline, a wire's 央视网消息： lead, and a
paper mirror's 本文摘要： label. Each test holds the page's own lines (traditional where the page is), or reads the
probe page as the checker does."""

from __future__ import annotations

import pytest
from test_headlines_round8 import read_page  # a probe page, read as the checker reads it
from test_junk_round12 import article, kind  # the same reading of a probe page's lines

from briefing.text.bylines import lead_byline
from briefing.text.headlines import find_in_lines
from briefing.text.normalize import normalize_text


@pytest.mark.parametrize("line, expected", [
    ("2019-11-13 科技日報823", "dateline"),  # probe-429: glued before the summary as 科技日报823科技部发布…
    ("|中国科学院物理研究所 李存东 秦晓宇 成蒙 供稿", "credit"),  # probe-434: opening the summary
    ("——《论语·卫灵公》", "credit"),  # probe-434: glued before the story's first paragraph
])
def test_round15_lines_are_furniture(line: str, expected: str) -> None:
    assert kind(line) == expected


# the story's own lines with the same words, none of them furniture (each rule's guard)
STORY_LINES = ("2019-11-13 科技部发布通知，批准建设4个国家重点实验室。", "本刊欢迎各界人士供稿，来稿请注明联系方式。",
               "——访中国科学院院士王贻芳", "图片展示了产业园的全貌", "●粤澳合作中医药科技产业园注册企业达238家。")


def test_round15_story_lines_stay() -> None:
    assert [line for line in STORY_LINES if kind(line) is not None] == []


def test_a_casinos_name_with_its_site_code_where_the_hospitals_was_goes() -> None:
    # probe-427: 512,皇家royal1688唯一官网院士专家工作站揭牌仪式举行 (the hospital's name, 市五医院, replaced)
    text = normalize_text("512,皇家royal1688唯一官网院士专家工作站揭牌仪式举行,中国工程院院士于金明受聘为驻站院士。")
    assert "royal1688" not in text and "官网" not in text
    assert text.startswith("512，院士专家工作站揭牌仪式举行")
    assert normalize_text("本网站为医院唯一官网。") == "本网站为医院唯一官网。"


def test_a_betting_sites_web_version_entrance_goes_from_the_headline() -> None:
    # probe-430: 米兰网页版登录入口新闻网投稿须知, a school's 新闻网 notice with a betting site's name
    assert normalize_text("米兰网页版登录入口新闻网投稿须知") == "新闻网投稿须知"
    assert normalize_text("市民可通过网上办事大厅的登录入口申请。") == "市民可通过网上办事大厅的登录入口申请。"


def test_a_picture_word_and_its_dotted_caption_go_from_the_title_and_the_summary() -> None:
    # probe-437: 圖片 / ●粵澳合作中醫藥科技產業園 taken for the headline, 图片●不同版本包装的张权破痛油 in the summary
    from briefing.text.junk import picture_captions  # (new in this round: imported here, so the other tests run)

    assert picture_captions(["图片", "●粤澳合作中医药科技产业园", "这一煲中药熬至今日，历久弥香。"]) == {0, 1}
    assert picture_captions(["图片", "主持人：各位观众大家好。"]) == set()  # a transcript's speaker under the word stays
    assert picture_captions(["图片", "●产业园", "正文。", "图片", "血余、何首乌……"]) == {0, 1, 3}
    page = read_page("probe-437", "probe/pages.jsonl")
    assert page.title == "“澳门药、横琴造”，看琴澳如何携手叩开世界之门"
    assert "图片" not in page.body and "●" not in page.body


def test_a_spun_copys_words_for_science_and_memorial_make_it_unreadable() -> None:
    # probe-438: 中山年夜学孙逸仙留念病院, 中国迷信院院士 (and 包养网 inserted mid-word): nothing of it can be trusted
    from briefing.text.junk import is_spun

    assert is_spun(["中山年夜学孙逸仙留念病院迎来185周年", "中国迷信院院士宋尔卫表现，践行“年夜卫生”不雅念"])
    assert not is_spun(["他批评封建迷信的做法", "市民前往纪念馆留念，并在年夜饭桌上谈起此事"])


@pytest.mark.parametrize("line, expected", [
    # probe-439: each line of the 同濟醫院 page opened by a random run
    ("?8YbTn1f) 華中科技大學同濟醫學院附屬同濟醫院 1900 年由德國醫師埃里希·寶隆創建于上海,", "华中科技大学同济医学院"),
    ("mXI'=Vo!S 1955 年由上海遷至武漢。", "1955年由上海迁至武汉。"),
    ("lT_dzO 單位”、“全國職工職業道德建設十佳單位”", "单位”"),
    ("x5b .^75p$ 同濟醫院作為衛生部直屬的三級甲等醫院,", "同济医院作为"),
    ("}$#PIyz 2014 年門診量達到 428 萬人次,", "2014年门诊量"),
])
def test_an_anti_scraping_runs_opening_each_line_goes(line: str, expected: str) -> None:
    from briefing.text.chinese import to_simplified

    assert normalize_text(to_simplified(line)).startswith(expected)


@pytest.mark.parametrize("line", ["GPT-4o 模型发布", "iOS/macOS 系统更新", "A&E 急症室轮候时间缩短", "Dr.Wang's 团队获奖",
                                  "COVID-19 疫苗接种"])
def test_a_lines_own_latin_opening_stays(line: str) -> None:
    assert normalize_text(line).startswith(line.split()[0])  # (the space after a digit is a typesetting one)


def test_emoji_in_brackets_and_the_pinyin_beside_them_go() -> None:
    # probe-440: 创新(😯)(xīn )协同往深处扎根(🔌)、… 北京首(shǒ(🛡)u )批疏解高校…
    assert normalize_text("创新(😯)(xīn )协同往深处扎根(🔌)、产业(yè )融合结出硕果") == "创新协同往深处扎根、产业融合结出硕果"
    assert normalize_text("北京首(shǒ(🛡)u )批疏解高校雄安校区(🛶)一期项目") == "北京首批疏解高校雄安校区一期项目"


def test_markdown_bold_marks_go_and_the_headlines_copy_with_them() -> None:
    # probe-443: **共同唱好新时代西部“双城记”——…5周年观察** under its headline line (closed by a stray .)
    assert normalize_text("**成渝双城经济圈**是以重庆市和成都市为核心的区域协作发展模式") \
        == "成渝双城经济圈是以重庆市和成都市为核心的区域协作发展模式"
    assert normalize_text("2**3等于8") == "2**3等于8"
    page = read_page("probe-443", "probe/pages.jsonl")
    assert page.body.startswith("在新时代的中国地图上")


def test_hyphened_figures_and_a_column_writers_byline_are_no_headline() -> None:
    # probe-448: - 大气污染联防联控达标率提升至92.6% was taken for the headline, then 【区域观察员 陈思】
    lines = ["本报道历时三个月跨区域调研,覆盖上海及苏州、嘉兴、南通等周边8个城市,采访127位政府官员、企业代表和普通市民。",
             "【区域观察员 陈思】早晨7:15,昆山花桥地铁站,数以千计的跨城通勤族正排队换乘上海轨交11号线。",
             "■ 2025长三角一体化关键数据:", "- 跨城通勤人数达87万(较2020年增长212%)", "- 异地医保即时结算覆盖率100%",
             "上海龙凤论坛419 - 产业园区共建项目累计投资破万亿", "- 大气污染联防联控达标率提升至92.6%"]
    headline = find_in_lines(lines)
    assert headline is None or (not headline.text.startswith("-") and "陈思" not in headline.text)
    assert lead_byline("【区域观察员 陈思】早晨7:15，昆山花桥地铁站") is not None
    assert lead_byline("【区域观察】早晨7:15，昆山花桥地铁站") is None


def test_a_wires_news_lead_goes_from_the_summary() -> None:
    # probe-452: 央视网消息：今年是澳门回归25周年… (the title was written 央视网消息是横琴…)
    byline = lead_byline("央视网消息：今年是澳门回归25周年，也是横琴粤澳深度合作区成立3周年。")
    assert byline is not None and byline.outlet == "央视网" and byline.rest.startswith("今年是澳门回归25周年")
    assert lead_byline("有关部门消息称，活动将延期。") is None
    page = read_page("probe-452", "probe/pages.jsonl")
    assert page.body.startswith("今年是澳门回归25周年")


def test_a_paper_mirrors_own_abstract_label_goes_with_its_cut_copy() -> None:
    # probe-454: 本文摘要:摘要:长三角区域基本形成了… 本文通过总结 / 摘要:长三角区域基本形成了… (the whole abstract)
    page = read_page("probe-454", "probe/pages.jsonl")
    assert page.body.startswith("长三角区域基本形成了以上海港和宁波舟山港为主体")
    assert "摘要" not in page.body[:40]


def test_a_paywalls_masked_digits_are_no_bold_marks() -> None:
    # hp-345: 查看隐藏内容（*）需先登录**月**日，辉县市举行… (the day masked, one character between the marks)
    assert "**月**日" in normalize_text("需先登录**月**日，辉县市举行第二届职业技能人才暨创业创新大赛启动仪式。")


def test_a_pages_search_keywords_opening_on_one_place_are_no_headline() -> None:
    # probe-451: 北京團體標準申請條件 北京團體標準申請流程費用 北京認證機構 was the title
    assert kind("北京團體標準申請條件 北京團體標準申請流程費用 北京認證機構") == "furniture"
    assert kind("北京市发布通知 北京市召开会议") is None  # (two phrases are a headline's)
    assert kind("京津冀协同发展 长三角一体化 粤港澳大湾区建设") is None
