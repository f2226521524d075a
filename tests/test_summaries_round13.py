"""Summaries, round 13: key facts that were lost before a summary could choose them. The real
examples: tune pages read from the corpus file (c-0122, c-0161, a-0019, c-0044, b-0155, a-0171, c-0029,
a-0043, c-0127, b-0104; the tests quote them only in comments) and probe pages (probe-187, hp-090, hp-042)."""

from __future__ import annotations

from corpus_pages import read_tune_page
from test_headlines_round8 import read_page

from briefing.editorial.candidates import candidates
from briefing.editorial.summarize import Budget, _facts, summarize

BUDGET = Budget(150, 250)


def _candidate_with(article, words: str) -> str:
    found = [s.text for s in candidates(article, shortened=True) if words in s.text]
    assert found, f"no candidate holds {words!r}"
    return found[0]


def test_a_storys_last_sentence_without_its_full_stop_is_whole_when_it_ends_on_a_figure():
    # c-0122 ends …今年1月31日有效就业金卡为8318人次 and c-0161 …补助标准提高到84元: the page lost only the
    # full stop, and the figure is one of the labelled key facts
    for page_id, words in (("c-0122", "8318人次"), ("c-0161", "84元")):
        article = read_tune_page(page_id)
        assert _candidate_with(article, words).endswith(words + "。")
        assert words in summarize(article, BUDGET), page_id
    # … not on a page that lost all its stops, whose last item may be cut off after a figure (a-0019:
    # …精细陶瓷技术委员会年会上，与各国形成14项)
    assert not any(s.text.endswith("形成14项。") for s in candidates(read_tune_page("a-0019"), shortened=True))
    # … nor an ad's teaser for another story: probe-187 (青岛工匠日) ends x 广告5月11日15时至12日15时，北京新增…感染者36例
    article = read_page("probe-187", "probe/pages.jsonl")
    assert not any("广告" in s.text or "感染者" in s.text for s in candidates(article, shortened=True))
    assert "感染者" not in summarize(article, BUDGET)


def test_a_reporters_photo_credit_glued_to_a_sentence_is_cut_and_the_sentence_kept():
    # c-0044: 记者韩星童摄香港特区政府推出的“高才通计划”于2022年12月28日接受申请。 (the date is a key fact);
    # hp-090: …新华社记者杨冠宇摄从2018年探索建设，到2025年封关运作，…
    sentence = _candidate_with(read_tune_page("c-0044"), "2022年12月28日")
    assert sentence.startswith("香港特区政府推出的"), sentence
    sentence = _candidate_with(read_page("hp-090"), "从2018年探索建设")
    assert sentence.startswith("从2018年探索建设"), sentence
    assert not any("摄" in s.text[:12] for s in candidates(read_page("hp-090"), shortened=True))


def test_a_person_named_with_a_surname_the_list_lacked_or_a_date_before_what_they_said():
    # b-0155 人力资源社会保障部副部长颜清辉26日表示，…; a-0171 …副经理邰仁忠介绍说，…; c-0029 …秘书助理桑珍在上海…;
    # a-0043 …台湾矿工医院院长萧润生、… : each name is a labelled key fact
    for page_id, name in (("b-0155", "颜清辉"), ("a-0171", "邰仁忠"), ("c-0029", "桑珍"), ("a-0043", "萧润生")):
        sentence = _candidate_with(read_tune_page(page_id), name)
        assert name in _facts(sentence), (page_id, _facts(sentence))
    # … and not a common word before 在 (包括在, 温度在): those surnames stay out of the list
    assert not any(w in _facts("，包括在内的多项指标达标。") for w in ("包括", "包括在"))


def test_a_sentence_naming_the_storys_subject_again_may_follow_any_sentence_before_it():
    # c-0127: 该医院综合住院大楼的建成启用，可新增住院床位250张，… names the building of the lead (…镇安县医院住院
    # 综合大楼建成…), two sentences before it; b-0104: 这次获批的特瑞普利单抗是由苏州众合生物医药股份有限公司研制
    # 开发的… the drug the lead says was approved (…17日获批上市)
    for page_id, fact in (("c-0127", "250张"), ("b-0104", "苏州众合生物医药股份有限公司")):
        summary = summarize(read_tune_page(page_id), BUDGET)
        assert fact in summary, (page_id, summary)
    # … but never opens a summary, and a connective (此外、同时…) still needs the sentence right before it
    leaning = [s for s in candidates(read_tune_page("c-0127"), shortened=True) if s.text.startswith("该医院")]
    assert leaning and leaning[0].leans_back and leaning[0].names_back == "医院"
    assert not any(s.names_back for s in candidates(read_tune_page("c-0127"), shortened=True) if s.text.startswith(("此外", "同时")))
    assert not summarize(read_tune_page("c-0127"), BUDGET).startswith("该")


def test_a_photos_keyword_label_is_cut_from_the_sentence_it_is_glued_to():
    # hp-042: …投入正式运行。图片关键词中国散裂中子源作为我国首台散裂中子源、… (hp-041, the same story, has no label)
    article = read_page("hp-042")
    assert not any("图片关键词" in s.text for s in candidates(article, shortened=True))
    assert any(s.text.startswith("中国散裂中子源作为我国首台散裂中子源") for s in candidates(article, shortened=True))
    assert "图片关键词" not in summarize(article, BUDGET)
