"""Summaries, round 11 (issue 11): sentences that were thrown away though they state the news —
a quotation of figures, a list of who did it joined by 、 — and a claim of being the first of its
kind, which labellers keep. Real pages and sentences of the tune split (and one article of the
development set) only."""

from __future__ import annotations

from corpus_pages import read_tune_page

from briefing.editorial.candidates import _strip_framing, candidates
from briefing.editorial.summarize import Budget, _facts, summarize
from briefing.model import Block, RawArticle
from briefing.text.clean import clean_article

BUDGET = Budget(150, 250)


def test_a_quotation_of_the_figures_is_a_sentence_of_the_story():
    # c-0022: the year's figures are quoted (“…批准发布国家标准2902项…截至2023年底，国家标准共44499项…”),
    # their speaker named in the next sentence; the summary had none of them
    summary = summarize(read_tune_page("c-0022"), BUDGET)
    assert "2902项" in summary and "44499项" in summary and "93.7%" in summary, summary


def test_a_quotation_in_the_first_person_or_without_a_fact_stays_out():
    # a-0048: “我们港科大深港协同创新研究院成立于2020年5月，…” holds a date but speaks as 我们, whose
    # speaker a summary would lose; b-0150's quotations are a master's words, no fact in them
    texts = [c.text for c in candidates(read_tune_page("a-0048"), shortened=True)]
    assert not any(t.startswith("“我们港科大") for t in texts), texts
    texts = [c.text for c in candidates(read_tune_page("b-0150"), shortened=True)]
    assert not any(t.startswith("“") and t.endswith("”") for t in texts), texts
    # c-0124: the figures and the date quoted (“这个项目是全省47家中心卫生院升级项目之一，于2017年9月动工建设，…”)
    # are a sentence, its speaker named in the next one
    texts = [c.text for c in candidates(read_tune_page("c-0124"), shortened=True)]
    assert any(t.startswith("“这个项目是全省47家中心卫生院升级项目之一") for t in texts), texts


def test_a_list_joined_by_enumeration_commas_is_no_run_of_captions():
    # a-0054: 北京市、天津市和我省共同组织制定、分别发布《…》、《…》2项地方标准。 has no comma, and was
    # taken for photo captions glued together; it names the two standards the story is about
    summary = summarize(read_tune_page("a-0054"), BUDGET)
    assert "《老年护理常见风险防控要求》" in summary and "《电子不停车收费系统路侧单元应用技术规范》" in summary, summary


def _article(*paragraphs: str):
    return clean_article(RawArticle("t.txt", "上海光源", None, None, tuple(Block("para", p) for p in paragraphs), "utf-8"))


def test_a_first_of_its_kind_is_a_fact():
    # c-0132: 成为国际上首个运作的超大规模和超高精度中微子专用大科学装置 — the labeller's summary says it, ours
    # had two sentences of figures instead
    assert "国际上首个" in _facts("经过十余年的准备与建设，江门中微子实验成为国际上首个运作的超大规模和超高精度中微子专用大科学装置。")
    summary = summarize(read_tune_page("c-0132"), BUDGET)
    assert "国际上首个运作的超大规模和超高精度中微子专用大科学装置" in summary, summary
    assert summary.startswith("2025年8月26日，江门中微子实验（JUNO）成功完成2万吨液体闪烁体灌注"), summary
    assert not _facts("这个项目的第一步是选址。")  # (第一步 is no claim)
    # probe-192: a word quoted is no claim (看着又一个“首台”诞生，在场的人们难掩喜悦。 had closed the summary)
    assert not _facts("看着又一个“首台”诞生，在场的人们难掩喜悦。")


def test_a_sentence_set_on_a_day_before_its_pronoun_leans_on_the_one_before():
    # the development set's 上海光源 story: 6日，它迎来用户开放15岁“生日”。 had opened a summary, its 它 pointing at
    # nothing (the 鹦鹉螺 building of the sentence before)
    sentences = candidates(_article("在上海浦东新区张江高科技园区，有一个外形酷似“鹦鹉螺”的建筑。6日，它迎来用户开放15岁“生日”。"
                                    "它叫上海同步辐射光源（简称：上海光源），是中国大陆第一台第三代同步辐射光源装置。"), shortened=True)
    day = next(s for s in sentences if s.text.startswith("6日，它"))
    assert day.leans_back


def test_framing_that_states_no_fact_goes_from_inside_and_from_the_front_of_a_sentence():
    # a-0051: 数据显示，已实现的7478项共享标准中…; a-0091: 初步统计，本届产学研洽谈会共有…; b-0108: …当年，据悉，首台达芬奇…
    # — who says it is not named, so the framing carries nothing the sentence needs
    expected = {
        "a-0051": "已实现的7478项共享标准中，北京地标2131项、天津地标1033项、河北地标4314项。",
        "a-0091": "本届产学研洽谈会共有1000多家企业、60多个高校院所参会参展，专业观众超过2万人，展示规模为历届之最。",
        "b-0108": "2006年，首台达芬奇被引入中国市场，当年，首台达芬奇机器人（第二代）以超2000万元人民币的采购价进入中国市场，"
                  "远高于同期国际市场（折合人民币约1200万元）。",
    }
    for page_id, sentence in expected.items():
        assert sentence in [c.text for c in candidates(read_tune_page(page_id), shortened=True)], page_id


def test_a_photographers_credit_glued_to_the_front_of_a_sentence_goes():
    # b-0040: 中国网信网马𬱖 摄为探寻现代工业文明的足迹，…，11月28日至12月2日，中央网信办…联合开展了… — the credit
    # hid the story's news sentence, and the summary was the feature's scenery (千里烟波楚天阔…)
    texts = [c.text for c in candidates(read_tune_page("b-0040"), shortened=True)]
    assert not any("摄为探寻" in t for t in texts), texts
    summary = summarize(read_tune_page("b-0040"), BUDGET)
    assert summary.startswith("11月28日至12月2日，中央网信办网络新闻信息传播局与全国总工会宣教部联合开展了"), summary
    # probe-240: a bracketed credit, and the paper's own report as framing
    sentence = _strip_framing("（图／翻摄微信公众号「央视军事」）《人民日报》25日报导，今年以来，大陆「人造太阳」——"
                              "全超导托卡马克核聚变实验装置「东方超环」（EAST）取得重大突破。", first=False)
    assert sentence == "今年以来，大陆「人造太阳」——全超导托卡马克核聚变实验装置「东方超环」（EAST）取得重大突破。", sentence


def test_a_photos_caption_is_no_sentence_of_the_story():
    # a-0173: 马二虎摄（人民图片）2024年，无人机拍摄的位于上海市张江科学城的上海光源。 — a credit and a caption;
    # the numbered captions of hp-268's photos (图④：俯瞰中国散裂中子源。) are none either
    texts = [c.text for c in candidates(read_tune_page("a-0173"), shortened=True)]
    assert not any("拍摄的位于上海市张江科学城的上海光源" in t for t in texts), texts
    assert not candidates(_article("图④：俯瞰中国散裂中子源。", "这是12月18日拍摄的海口新海港（无人机照片）。"))
    assert candidates(_article("展览展出了摄影师张三历时十年拍摄的200余幅作品。"))  # (what was filmed is news)
