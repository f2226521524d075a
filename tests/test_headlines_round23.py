"""Headline probe round 23 (hp-611 … hp-642, traditional-script pages): the rules its first look's misses led to,
each from its real page (benchmarks/probe/headlines.jsonl), and furniture spelled in traditional script judged
as simplified script spells it (text/junk.py line_kind)."""

from __future__ import annotations

from test_headlines_round8 import assert_found, headline_found, probe_raw, read_page, simplified

from briefing.text.junk import line_kind


def test_the_line_a_feature_opens_on_over_its_numbered_parallel_subheads_is_its_title():
    # hp-629: 疫苗到底該不該打?四大防疫疑問醫師親自解答 / an intro / 疑問1:打三劑疫苗還是重症死亡?那幹嘛要打? / … /
    # 疑問2:… 疑問3:… 疑問4:…; the model rated the first subhead (0.23) over the title (0.07)
    assert_found("hp-629", "疫苗到底該不該打?四大防疫疑問醫師親自解答")


def test_a_numbered_kicker_is_a_subhead_among_its_siblings():
    # without its title line, the page's first numbered subhead is no headline (its siblings stand below it)
    raw = probe_raw("hp-629").split("\n", 1)[1]
    found = headline_found(raw)
    assert found is None or not simplified(found).startswith(simplified("疑問1"))


def test_a_page_that_opens_on_a_kicker_line_keeps_it():
    # guard (hp-471): 紧急通报：四川突发地震 opens the page over the story's own `灾情速报：…` subheads
    assert_found("hp-471", "紧急通报：四川突发地震")


def test_a_headline_over_three_named_subheads_still_stands():
    # guard (hp-298): the page's headline over 王应睐：… 张香桐：… 吴自良：…
    article = read_page("hp-298")
    assert article.title_from == "page" and not article.title.startswith("王应睐")


def test_traditional_furniture_is_judged_as_simplified_script_spells_it():
    # lines of the probe's traditional pages that the simplified patterns missed as they stand
    assert line_kind("相關新聞") == line_kind("相关新闻") == "related"  # hp-051, hp-216
    assert line_kind("延伸閱讀") == "related"  # hp-612 (經濟日報)
    assert line_kind("當前位置：首頁 > 新聞中心") == "breadcrumb"  # hp-160
    assert line_kind("記者封以恩/台北報導") == "byline"  # hp-052
    assert line_kind("關鍵詞：香港；流感；疫苗") == "front_matter"  # hp-624 (a pinyin mirror)


def test_a_traditional_headline_is_still_text():
    for headline in ("順藥新藥解盲 投資人不埋單", "【冬季流感】年初二多間醫院急症室輪候時間逾8小時",
                     "花蓮外海規模5.6地震!全台17縣市有感 最大震度2級", "折翼天使"):
        assert line_kind(headline) is None


def test_a_simplified_page_drops_its_traditional_related_label():
    # tune b-0011 (a simplified page): its `相關文章：` label stood in the story's body, unconverted (the page is
    # simplified, so nothing converts it) and unjudged
    article = read_page("b-0011", "corpus/pages-b.jsonl")
    assert not any("相關文章" in paragraph for paragraph in article.paragraphs)
    assert simplified(article.title) == simplified("黄山市3年引入高层次人才196名")


def test_a_breadcrumbs_label_in_the_familiar_you_is_a_breadcrumb():
    # hp-645 (second batch, ipim.gov.mo): 你現在的位置: 首頁Publications 第72期 – Oct. 2018 焦點澳門中醫藥發展前景廣闊,
    # its crumbs run together without marks, over 搜尋期數 and the title
    assert line_kind("你現在的位置: 首頁Publications 第72期 – Oct. 2018 焦點澳門中醫藥發展前景廣闊") == "breadcrumb"
    assert_found("hp-645", "澳門中醫藥發展前景廣闊")
    assert line_kind("您现在的位置是：首页 > 新闻中心") == "breadcrumb"  # the polite 您, as before


def test_a_sentence_about_where_you_stand_is_no_breadcrumb():
    assert line_kind("你现在的位置决定了你未来能走多远，这是很多年轻人在求职时忽略的问题。") is None
