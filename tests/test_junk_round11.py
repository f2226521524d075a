"""Junk the junk probe's round 11 found by eye (benchmarks/probe/pages.jsonl, probe-261 … probe-300):
a financial wire's quote-delay notice and a related link's label, a post's view count beside its day,
a site's note on readers' posts, pictures' labels and captions (首圖 / 頂圖, 圖／…, a spaced
photographer's name, a group photo's who-stands-where), a Taiwan writer before a slash, a wire's day
and bar, a search page's next item and a spun copy, on pages no rule was written from. Each test holds
a short excerpt of the page's own lines (traditional where the page is)."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.model import Block, RawArticle
from briefing.text import bylines
from briefing.text.chinese import to_simplified
from briefing.text.clean import clean_article
from briefing.text.junk import line_kind
from briefing.text.normalize import normalize_text

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"


def article(paragraphs: list[str], title: str = ""):
    blocks = tuple(Block("para", to_simplified(p)) for p in paragraphs)
    return clean_article(RawArticle("probe.txt", to_simplified(title), None, None, blocks, "utf-8"))


def kind(line: str) -> str | None:
    return line_kind(normalize_text(to_simplified(line)))


def text_of(line: str) -> str:
    return normalize_text(to_simplified(line))


@pytest.mark.parametrize("line, expected", [
    ("417 5月14日", "counter"),  # probe-284: the post's views and its day, glued to the lead 智通财经APP获悉…
    ("頂圖:第三屆粵港澳大灣區主流媒體甘肅行啟動", "caption"),  # probe-293: taken for the headline
    # probe-275: the site's note, taken for the headline
    ("注意:本站部分文字内容、图片由网友投稿,如侵权请联系删除,联系邮箱:happy56812@qq.com", "furniture"),
    # probe-266: another story's link under the label, glued to it, taken for the headline
    ("相關內容《大行》大摩更新石藥(01093.HK)風險回報評估 目標價下調至10.4元", "related"),
])
def test_round11_lines_are_furniture(line: str, expected: str) -> None:
    assert kind(line) == expected


@pytest.mark.parametrize("line", [
    "417家企业5月14日集中签约",  # a number and a day in a headline
    "相关内容将于5月14日向社会公布",  # 相关内容 as a sentence's subject
    "首图馆藏古籍数字化工程启动",  # 首图 (首都图书馆) with no colon
])
def test_round11_story_lines_stay(line: str) -> None:
    assert kind(line) is None


def test_quote_delay_notice_leaves_the_story() -> None:
    # probe-266: the notice closing the summary; probe-285: the notice and the source line that leaves out the pictures
    closing = text_of("今年11月,該產品已獲中國國家藥品監督管理局批准在中國開展臨床試驗。(港股報價延遲最少十五分鐘。沽空資料截至 2025-12-17 12:25。)")
    assert closing.endswith("開展臨床試驗。") or closing.endswith("开展临床试验。")
    assert text_of("(A股報價延遲最少十五分鐘。)新聞來源 (不包括新聞圖片): 格隆匯") == ""


def test_lead_photo_label_and_caption_leave_the_lead() -> None:
    # probe-278: 首圖, the picture's caption and its source in brackets, opening the first sentence
    lead = text_of("首圖 衛福部部長陳時中(圖/衛福部疾管署YouTube) 中央流行疫情指揮中心今(7)日公布國內的新冠肺炎疫苗接種最新統計。")
    assert lead.startswith("中央流行疫情指挥中心")


@pytest.mark.parametrize("caption, words", [
    # probe-263: the photographer's two-character name printed spaced
    ("市民在河北雄安新区容城县县城道路上骑行。 新华社记者 牟 宇摄", "市民在河北雄安新区容城县县城道路上骑行。"),
    # probe-270, 271: a Taiwan paper's 圖／ credit after the caption's full stop (the caption said twice over the lead)
    ("亞洲大學附屬醫院豐中分院2日正式啟用。圖／亞大醫院提共", "亚洲大学附属医院丰中分院2日正式启用。"),
])
def test_captions_with_their_credits(caption: str, words: str) -> None:
    text = text_of(caption)
    assert bylines.is_caption(text)
    assert bylines.strip_credit(text) == words


def test_a_story_sentence_with_a_slash_is_no_caption() -> None:
    assert not bylines.is_caption(text_of("他说。图/表"))


def test_captions_said_twice_leave_the_lead() -> None:
    # probe-270: the caption, twice, then the lead that says it again
    story = article([
        "亞洲大學附屬醫院豐中分院2日正式啟用。圖／亞大醫院提共",
        "亞洲大學附屬醫院豐中分院2日正式啟用。圖／亞大醫院提共",
        "亞洲大學附屬醫院豐中分院今天正式啟用，亞大醫療體系在中部醫療版圖再添重要據點。",
    ])
    assert story.paragraphs[0].startswith("亚洲大学附属医院丰中分院今天正式启用")


def test_writer_before_a_slash_leaves_the_lead() -> None:
    # probe-277: 張秀娟 / opening the lead, in the summary
    story = article(["張秀娟 / 醫療系統聯盟(Healthcare Systems Consortium, HSC)為表彰在醫療領域與教育行政優秀的個人及團體,"
                     "2024年首度舉辦醫療科技系列獎項評選,其中「醫療科技傑出貢獻獎」由中山醫學大學校長黃建寧獲得。"])
    assert story.paragraphs[0].startswith("医疗系统联盟")
    assert "张秀娟" in story.authors


def test_wires_bar_leaves_the_lead_and_its_day_stays() -> None:
    # probe-285: 11月5日丨 before the company, the written title 丨白云山公布; the day is the story's fact
    story = article(["11月5日丨白雲山(600332.SH) -0.030 (-0.103%) 公佈,子公司廣州白雲山奇星藥業有限公司收到廣東省藥品監督管理局"
                     "核准簽發的《藥品生產許可證》。"])
    assert story.paragraphs[0].startswith("11月5日，白云山")
    assert "丨" not in story.paragraphs[0]


def test_search_pages_next_item_ends_the_story() -> None:
    # probe-279: udn's search page, a day and a channel over each item's headline and teaser
    story = article([
        "2021-06-23 新冠肺炎.COVID-19疫苗",
        "開放疫苗自由選 陳時中:到現場決定要或不要",
        "美國贈台莫德納疫苗,第一批配送110萬劑,將於7月1日起開始分送至各縣市,屆時不限廠牌,可自由挑選。但外界好奇,自由選擇疫苗是到現場還是"
        "事先選擇?指揮中心指揮官陳時中表示,到現場有哪一種疫苗「就是要或不要」,會先造冊分流到不同場所。由於一瓶疫苗可打不只十人,有人建議疫苗"
        "殘劑可比照韓國推出「殘餘疫苗地圖」,只要先預約若有剩餘殘劑便可讓年輕人施打。陳時中則表示,目前希望對於最後一瓶剩餘的殘劑,接種到"
        "符合施打對象上。",
        "-",
        "2021-06-23 新冠肺炎.COVID-19疫苗",
        "增25例疫苗接種後死亡個案 婦4天後腸穿孔手術無效",
        "國內接種疫苗後疑似不良反應事件導致猝死案件頻傳。",
    ], title="開放疫苗自由選 陳時中:到現場決定要或不要")
    assert story.paragraphs[0].startswith("美国赠台莫德纳疫苗")
    assert not any("死亡个案" in p or "猝死" in p for p in story.paragraphs)


def test_group_photos_caption_leaves_the_paragraph() -> None:
    # probe-290: a forum's copy of a photo story, the captions run into its one paragraph (the written title was one)
    story = article(["5月9日,廣州日報報業集團與澳門日報社在澳門簽署戰略合作框架協議。澳門中聯辦宣文部部長萬速成(左一),廣州日報社社長"
                     "江永忠(左二),澳門日報社社長陸波(右二)在廣州日報社澳門記者站揭牌儀式上合影。廣州日報社社長江永忠,澳門日報社社長陸波"
                     "在廣州日報社澳門記者站揭牌儀式上合影。澳門日報社社長陸波致辭時說道:“今天非常高興。”"])
    text = "".join(story.paragraphs)
    assert "合影" not in text
    assert text.startswith("5月9日") and "致辞" in text


def test_spun_copy_is_no_story() -> None:
    # probe-294: a spinning tool's words for 大 (年夜), 归祖国 (回回故国), 方向 (标的目的), 民族 (平易近族)
    spun = article([
        "南边网讯(记者 刘泽琦)今天上午,“粤澳齐心 逐梦湾区”庆贺澳门回回故国20周年收集主题采访勾当在广东珠海正式启动。",
        "珠海市委书记、市人年夜常委会主任郭永航等带领出席启动典礼。",
        "始终沿着准确标的目的进步,配合书写实现中华平易近族伟年夜回复中国梦的华彩篇章。",
    ])
    assert spun.paragraphs == ()
    # one such word is a real one: 年夜饭, 平易近人
    story = article(["除夕夜，医护人员在病房里吃上了年夜饭。院长平易近人，与值班医生一一握手。"])
    assert story.paragraphs


def test_checker_reads_reporter_as_subject_as_no_byline(monkeypatch) -> None:
    monkeypatch.syspath_prepend(str(BENCHMARKS))
    monkeypatch.syspath_prepend(str(BENCHMARKS / "probe"))
    from check_junk import junk_kinds
    # probe-231: the story's own sentence, counted as a byline by the benchmark's pattern
    assert junk_kinds("本报记者历时四个月走访上海及周边12个城市,从苏州工业园区到南通新机场。", "probe-231") == []
    assert junk_kinds("本报记者从市卫健委获悉，全市新增三家区域医疗中心。", "x") == []
    # a byline that names the reporter still counts
    assert junk_kinds("本报记者 张三", "x") == ["byline"]
    assert junk_kinds("（本报记者 张三 李四）本报记者从市卫健委获悉，", "x") == ["byline"]
