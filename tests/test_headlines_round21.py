"""Headline probe round 21 (hp-559 … hp-581): the rules its first look's misses led to, each from its real page
(benchmarks/probe/headlines.jsonl)."""

from __future__ import annotations

from test_headlines_round8 import assert_found, headline_found, probe_raw, read_page, simplified  # the probe's pages, read as the checker reads them

from briefing.text.headlines import clean_decoration, original_title
from briefing.text.junk import line_kind, strip_markup


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
    lines = [line for line in probe_raw("hp-567").split("\n") if line.strip() and not line.startswith("原文出處")]
    assert headline_found("\n".join(lines)) != "即時中心／徐子為、黃彥翔報導"


def test_a_reposts_note_on_where_the_story_ran_names_its_headline():
    # hp-567: the title stands only in the closing `原文出處：快新聞／宜蘭外海規模7地震…` line
    title = "快新聞／宜蘭外海規模7地震「921、0403後最大」 氣象署：不排除有6.0餘震"
    assert original_title(probe_raw("hp-567").split("\n")) == title
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
    assert simplified(headline_found(probe_raw("hp-578"))) == simplified(title)
    assert_found("hp-578", title)


def test_a_stamped_label_leaves_the_headline_under_it():
    # hp-581 (udn): ` date 2025-09-04 快訊` over the headline: the label is no headline, the line under it stays
    assert headline_found(probe_raw("hp-581")) == "教育部新成員亮相 政務次長劉國偉：心情像轉學生"
    # hp-568: the stamp on the headline's own line, with no subtitle under it
    assert headline_found(probe_raw("hp-568")) == "香港宏福苑大火 陸委會哀悼：但尚無台人受影響"


def test_a_date_stamp_glued_to_its_line_still_goes():
    # normalizing drops the space between the stamp's day and a Chinese line (hp-567's ` date 2025-12-27 即時中心／…`)
    assert line_kind("date 2025-12-27联合报／ 记者许维宁／台北即时报导") == "byline"
    assert line_kind("date 2025-12-27每日最新头条.有趣资讯") == "furniture"  # (a kind judged only on the whole line)
    assert line_kind("date 2025-12-27相关新闻") == "related"
    assert line_kind("date 2025-12-27") == "dateline"


def test_a_notice_boards_publishing_unit_is_no_headline():
    # hp-583 (a university's notice board): 發布單位:環安室衛生保健組 / 日期範圍:… under the notice's title; the
    # field was taken for the headline
    assert line_kind("發布單位:環安室衛生保健組") == "furniture"
    assert line_kind("发布单位：环安室卫生保健组") == "furniture"
    assert "环安室" not in simplified(read_page("hp-583").title)


def test_a_unit_named_in_a_headline_stays():
    assert line_kind("发布单位调整后首批公告今起施行") is None


def test_a_posts_title_run_into_its_date_field_ends_there():
    # hp-588 (speakout.hk): the title, `發表於 2017-01-09 08:00 分享 讚好 0` and the text, all on one line
    title = "黃錦輝:「港深創新及科技園」是本地創新及科技界的新年大禮"
    assert simplified(headline_found(probe_raw("hp-588"))) == simplified(title)
    assert_found("hp-588", title)


def test_an_ad_glued_after_the_bar_goes_whole():
    # hp-589 (a spam mirror): 香港特区政府:续与大湾区兄弟城市共推创科事业发展|国产偷人爽久久久久久老妇APP; the ad's first
    # words (no spam word of their own) stayed
    assert headline_found(probe_raw("hp-589")) == "香港特区政府：续与大湾区兄弟城市共推创科事业发展"
    assert_found("hp-589", "香港特区政府:续与大湾区兄弟城市共推创科事业发展")


def test_an_ad_glued_with_no_bar_is_still_cut_at_its_spam_word():
    # tune a-0151: 原创 探访中国科学院上海天文台天马望远镜新澳彩历史开奖记录大全查询 (no bar: the line is one part, and all of
    # it counts as spam; the headline is what stands before the spam word)
    article = read_page("a-0151", "corpus/pages-a.jsonl")
    assert article.title_from == "page"
    assert "天马望远镜" in article.title and "新澳彩" not in article.title
