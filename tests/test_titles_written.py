"""Written headlines (editorial/titles.py, pages without a headline of their own): what the
lead's clauses are made into, on real pages of the tune split."""

from __future__ import annotations

import re

from corpus_pages import read_tune_page

from briefing.editorial.titles import item_title, title_origin, title_units

CAP = 40


def units(page_id: str) -> list[str]:
    return [u.text for u in title_units(read_tune_page(page_id), CAP)]


def test_a_subsidiary_s_approval_names_the_maker_and_what_became_of_it():
    # 公司控股子公司复宏汉霖及其控股子公司自主研发的汉斯状®…的上市注册申请获国家药监局批准: not cut at the
    # cap in the middle of the drug's long name, and the maker by its own name
    article = read_tune_page("c-0032")
    assert title_origin(article) == "written"
    title = item_title(article, CAP)
    assert title == "复宏汉霖上市注册申请获国家药监局批准"
    assert not any(u.startswith("公司控股子公司") for u in units("c-0032"))


def test_who_spoke_is_reported_with_what_they_said():
    # 中国科学院院士高福在健康报刊文中表示，自今年9月以来，流感活动水平持续上升
    found = units("b-0026")
    assert "高福称流感活动水平持续上升" in found
    assert not any(u.endswith("表示") for u in found)  # the framing alone says nothing


def test_a_clause_that_says_nothing_is_never_a_candidate():
    # a purpose without its deed, a title and a name alone, the site talking to its reader
    assert "我院为了改善群众门诊就医拥挤状况" not in units("b-0069")  # (it may still open a pair with its deed)
    found = units("b-0079")
    assert not any(re.search(r"经理李立业$|^我们", u) for u in found)
    assert not any("经理李需要" in u for u in found)  # nor a name cut after its surname lent as a subject
    assert not any(u.startswith("请更新") for u in found)
    assert not re.search(r"经理李立业$|^我们|^请", item_title(read_tune_page("b-0079"), CAP))


def test_no_subject_is_lent_to_a_clause_that_turns_against_it_and_no_time_is_left_half_cut():
    # 辽宁省大连市公安机关…，但主犯赵建国潜逃; …于4月12日22时许在浙江省长兴县…
    found = units("b-0060")
    assert not any("公安机关但" in u for u in found)
    assert not any("于许" in u or u.startswith("许") for u in found)


def test_a_list_number_is_not_part_of_the_headline():
    found = units("b-0019")
    assert "持续推进医疗器械技术审查指导原则制修订" in found
    assert not any(re.match(r"\d\.", u) for u in found)


def test_the_event_is_told_with_its_key_figure():
    # 高校毕业生数量再创新高。…2017年全国高校毕业生达795万人，比上年度增加30万人: the event, a space, the
    # figure of a clause further on
    found = units("b-0119")
    assert "高校毕业生数量再创新高 2017年全国高校毕业生达795万人" in found
    assert not any("卢2017年" in u for u in found)  # who spoke lends no subject


def test_written_titles_are_the_same_every_time():
    for page_id in ("c-0032", "b-0026", "b-0119"):
        article = read_tune_page(page_id)
        assert len({item_title(article, CAP) for _ in range(3)}) == 1


def test_a_tip_received_or_a_place_stood_in_is_no_headline():
    # 东光县公安局接内蒙古赤峰市警方消息，…快速出击，抓获一名涉嫌电信诈骗的犯罪嫌疑人
    found = units("b-0059")
    assert not any(u.endswith("消息") for u in found)
    assert "沧州东光抓获一名涉嫌电信诈骗的犯罪嫌疑人" in found
    assert "中国在国际标准化舞台上" not in units("a-0017")
    # the place may still set the scene for the deed after it
    assert "中国在国际标准化舞台上 实现从“参与者和贡献者”到“推动者和引领者”的进阶" in units("a-0017")
