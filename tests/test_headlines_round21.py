"""Headline probe round 21 (hp-559 … hp-581): the rules its first look's misses led to, each from its real page
(benchmarks/probe/headlines.jsonl)."""

from __future__ import annotations

from test_headlines_round8 import _pages, assert_found, read_page, simplified  # the probe's pages, read as the checker reads them

from briefing.text.headlines import clean_decoration, find_in_lines, original_title
from briefing.text.junk import line_kind, strip_markup


def _headline(raw: str) -> str | None:
    found = find_in_lines([line for line in raw.split("\n") if line.strip()])
    return found.text if found is not None else None


def _raw(page_id: str) -> str:
    return _pages("probe/headlines.jsonl")[page_id]["raw"]


def test_a_portals_desk_and_its_writers_are_a_byline():
    # hp-567 (Yahoo TW): ` date 2025-12-27 即時中心／徐子為、黃彥翔報導` opens the page; it was taken for the headline
    assert line_kind("即時中心／徐子為、黃彥翔報導") == "byline"
    assert line_kind("即时中心／徐子为、黄彦翔报导") == "byline"
    assert line_kind("社會中心/新北報導") == "byline"  # hp-574's desk and the place it wrote from
    # normalizing drops the space between the crawler's date stamp and the line: the stamp goes all the same
    assert line_kind("date 2025-12-27即时中心／徐子为、黄彦翔报导") == "byline"


def test_a_headline_naming_a_centre_is_no_byline():
    assert line_kind("國家衛生研究院成立癌症研究中心") is None
    assert line_kind("疾管中心／流感疫苗今起開打") is None


def test_the_byline_alone_over_the_story_is_not_taken_for_its_headline():
    lines = [line for line in _raw("hp-567").split("\n") if line.strip() and not line.startswith("原文出處")]
    assert _headline("\n".join(lines)) != "即時中心／徐子為、黃彥翔報導"


def test_a_reposts_note_on_where_the_story_ran_names_its_headline():
    # hp-567: the title stands only in the closing `原文出處：快新聞／宜蘭外海規模7地震…` line
    title = "快新聞／宜蘭外海規模7地震「921、0403後最大」 氣象署：不排除有6.0餘震"
    assert original_title(_raw("hp-567").split("\n")) == title
    article = read_page("hp-567")
    assert simplified(article.title) == simplified(title)


def test_a_source_note_naming_an_outlet_or_an_english_original_names_no_headline():
    assert original_title(["台東今天凌晨起連續發生地震。", "原文出處：經濟日報"]) is None
    assert original_title(["原文出處:Largest virtual telescope operational in Chile[February 9, 2012]"]) is None
    assert_found("hp-564", "世界最大虛擬光學望遠鏡")  # pansci: its English 原文出處 leaves the page's own title


def test_a_gallerys_picture_number_goes_with_the_picture_mark():
    # hp-575 (Yahoo TW / 中央社): 二二八連假首日 國道湧車潮(3) (圖)
    assert clean_decoration("二二八連假首日 國道湧車潮（3） （圖）") == "二二八連假首日 國道湧車潮"
    assert strip_markup("二二八连假首日 国道涌车潮（3） （图）") == "二二八连假首日 国道涌车潮"
    assert_found("hp-575", "二二八連假首日 國道湧車潮")


def test_a_number_without_a_picture_mark_stays():
    assert clean_decoration("抗疫日記（3）") == "抗疫日記（3）"
    assert strip_markup("抗疫日记（3）") == "抗疫日记（3）"


def test_the_line_a_date_stamp_opens_is_the_headline_over_its_subtitle():
    # hp-578 (Yahoo TW): ` date 2025-11-26 香港新界住宅區發生大火 … 1消防員殉職` / `入夜升為最嚴重五級火警 大批居民暫住庇護所`
    # / the story; the model preferred the subtitle, nearer the story
    title = "香港新界住宅區發生大火 竹棚延燒多棟大樓已13死15傷 1消防員殉職"
    assert simplified(_headline(_raw("hp-578"))) == simplified(title)
    assert_found("hp-578", title)


def test_a_stamped_label_leaves_the_headline_under_it():
    # hp-581 (udn): ` date 2025-09-04 快訊` over the headline: the label is no headline, the line under it stays
    assert _headline(_raw("hp-581")) == "教育部新成員亮相 政務次長劉國偉：心情像轉學生"
    # hp-568: the stamp on the headline's own line, with no subtitle under it
    assert _headline(_raw("hp-568")) == "香港宏福苑大火 陸委會哀悼：但尚無台人受影響"


def test_a_date_stamp_glued_to_its_line_still_goes():
    # normalizing drops the space between the stamp's day and a Chinese line (hp-567's ` date 2025-12-27 即時中心／…`)
    assert line_kind("date 2025-12-27联合报／ 记者许维宁／台北即时报导") == "byline"
    assert line_kind("date 2025-12-27") == "dateline"
