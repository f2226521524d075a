"""Written headlines, the written probe's round four of rules (from round 3's pages, benchmarks/probe/written.jsonl):
a clause left as a bare copula once its day went as a time word, a page's date stamp over its lead, and a cut at the
cap that ends on a verb whose object it cut. Each page is read as check_written.py reads it."""

from __future__ import annotations

from test_headlines_round8 import read_page  # the probe's pages, read as the checker reads them

from briefing.config import EditorialSettings
from briefing.editorial.titles import item_title, plainly_unfit, title_origin, title_units

CAP = EditorialSettings().title_max_chars
WRITTEN = "probe/written.jsonl"


def written_page(page_id: str):
    """The page as the checker reads it; its title is written (wp-116's photo caption is found, and refused)."""
    article = read_page(page_id, WRITTEN)
    assert title_origin(article) == "written"
    return article


def title(page_id: str) -> str:
    return item_title(written_page(page_id), CAP)


def units(page_id: str) -> list[str]:
    return [u.text for u in title_units(written_page(page_id), CAP)]


def test_a_copula_whose_subject_was_the_day_is_no_headline():
    # wp-105: 10月14日是世界标准日。 loses its day as a time word and leaves 是世界标准日; the news is the minister's
    assert plainly_unfit("是世界标准日")
    assert title("wp-105") == "市场监管总局局长张工要准确把握以高标准促进高质量发展的着力点"


def test_a_copula_after_its_own_subject_stays_fit():
    assert not plainly_unfit("京津中关村科技城是北京和天津落实京津冀协同发展国家战略")


def test_a_date_stamp_over_the_lead_is_dropped():
    # wp-117: the lead opens `date 2025-11-04日前晟德（4123）集团旗下…`
    written = units("wp-117")
    assert written and not any("date" in u or "2025-11-04" in u for u in written)
    assert "date" not in title("wp-117")


def test_a_cut_never_ends_on_a_verb_without_its_object():
    # wp-116: …此次和曙光公司签署超级计算中心建设协议具有|非常重要的意义, cut at the cap
    assert not any(u.endswith("具有") for u in units("wp-116"))
    assert not title("wp-116").endswith("具有")


def test_the_second_of_two_joined_events_gives_way_at_the_cap():
    # wp-092: 第一届黄河流域职业技能大赛暨“技能中国行2024—走进山东（东营）”系列活动在山东东营开幕, past the cap: cut
    # inside its quotation, the lead's news was lost and a count from the sixth sentence chosen
    assert "第一届黄河流域职业技能大赛在山东东营开幕" in units("wp-092")
    assert title("wp-092") == "第一届黄河流域职业技能大赛在山东东营开幕"


def test_a_clause_pointing_back_at_a_kind_is_no_headline():
    # wp-053: …进行免费义诊，数百名居民享受到这种惠民医疗: the second clause points at the first's deed
    assert plainly_unfit("“名医面对面”进行免费义诊 数百名居民享受到这种惠民医疗")
    assert title("wp-053") == "镇江桃园新村一带“名医面对面”进行免费义诊"


def test_the_season_a_story_is_set_in_is_no_headline():
    # wp-110: 春节假期结束，北京市仍处于流感等呼吸道传染病高发期。北京市疾控中心发布提示…; wp-080: 眼下是…的关键时期
    assert plainly_unfit("北京市仍处于流感等呼吸道传染病高发期")
    assert plainly_unfit("眼下是高校毕业生离校前落实就业单位的关键时期")
    assert title("wp-110") == "北京市疾控中心积极接种流感疫苗"


def test_what_a_thing_means_is_no_headline():
    # tune a-0141: 标准对如期实现碳达峰碳中和目标具有重要意义 was chosen over …国家标准已有1800余项; tune a-0128
    assert plainly_unfit("标准对如期实现碳达峰碳中和目标具有重要意义")
    assert plainly_unfit("成渝地区双城经济圈加快现代化产业体系建设的步伐势在必行")
    assert not plainly_unfit("直接支撑碳达峰碳中和工作的国家标准已有1800余项")


def test_a_clause_pointing_back_at_this_one_is_no_headline():
    # tune a-0064: 今年我省高考继续沿用这一模式, chosen over 今年英语科目考试结束
    assert plainly_unfit("今年我省高考继续沿用这一模式")
    assert not plainly_unfit("今年英语科目考试结束")
