"""Junk the junk probe's round 12 found by eye (benchmarks/probe/pages.jsonl, probe-301 … probe-333):
a jammed forum post's own words, a flipbook's page label, a column's post count, a programme's credit
and call for comments, a paper's print note, a bare 提要 label, a broadcaster's promo, a share bar, a
Taiwan writer's line and a blog's Latin by-line, a gallery's captions over the story, a spinning tool's
words, a teaser cut from the story under 摘要, an e-paper's labelled headline said twice under its
banner, and in-story headings of two phrases, on pages no rule was written from. Each test holds a
short excerpt of the page's own lines (traditional where the page is)."""

from __future__ import annotations

import pytest

from briefing.model import Block, RawArticle
from briefing.text.chinese import to_simplified
from briefing.text.clean import clean_article
from briefing.text.junk import line_kind
from briefing.text.normalize import normalize_text


def article(paragraphs: list[str], title: str = ""):
    blocks = tuple(Block("para", to_simplified(p)) for p in paragraphs)
    return clean_article(RawArticle("probe.txt", to_simplified(title), None, None, blocks, "utf-8"))


def kind(line: str) -> str | None:
    return line_kind(normalize_text(to_simplified(line)))


@pytest.mark.parametrize("line, expected", [
    ("Page 77 - 《圖解灣區綱要》2022", "furniture"),  # probe-314: taken for the headline
    ("P. 77", "furniture"),
    ("“这是价值事务所的第1955篇原创文章”", "furniture"),  # probe-321: taken for the headline
    ("由《直播港澳台》团队出品", "furniture"),  # probe-315: opening the summary
    ("参与评论请在新浪微博@直新闻", "furniture"),
    ("(全文刊登于《城市規劃學刊》2020年第4期)", "furniture"),  # probe-324: in the summary
    ("提要", "furniture"),  # probe-324: glued before the lead (提要我国各区域…)
    # probe-325: a broadcaster's promo closing the summary
    ("东方卫视、上视新闻综合频道和看看新闻APP在12-27—12-27,推出《向更高质量再出发——长三角一体化发展特别报道》,敬请收看。",
     "furniture"),
    ("分享到Facebook分享到LINE分享到Twitter分享到Wechat", "furniture"),  # probe-309: glued before the lead
    ("波新聞-林冬生/苗栗", "byline"),  # probe-309
    ("by Ernest Chiu", "byline"),  # probe-312: the title 'by鼓励港澳医务人员…'
    ("高海拔宇宙線觀測站項目模擬圖", "caption"),  # probe-320
])
def test_round12_lines_are_furniture(line: str, expected: str) -> None:
    assert kind(line) == expected


@pytest.mark.parametrize("line", [
    "这是我市第15篇入选全国的典型案例",  # a count in a sentence, no post
    "参与评论的网友认为政策落地要快",  # 参与评论 as a sentence's subject
    "医院推出新服务,敬请市民留意",  # a call, not to watch a programme
    "by 2025年",
    "分享到微信",  # one bar word alone is judged as before
])
def test_round12_story_lines_stay(line: str) -> None:
    assert kind(line) != "furniture" and kind(line) != "byline"


def test_jammed_forum_post_keeps_its_words() -> None:
    # probe-313: the board's runs open and close each hard-wrapped line of the post; the line had gone whole
    line = normalize_text(to_simplified("7 A* g5 o9 @% ?5 |$ R神隆等多家生技廠外,還有32家醫療器材業者進駐設廠;另竹科的新$ Z% v% V E5 F\" N/ k- C$ l"))
    assert line.startswith("神隆等多家生技厂外") and line.endswith("另竹科的新")
    # a wrapped line that ends its sentence between the runs is the post's too (the line above left its word open)
    line = normalize_text(to_simplified("\" G- ~7 e5 n; f: F7 l技廠商,讓三個科學園區生醫廠商累計達112家。: [: X k8 D8 [) E. H y"))
    assert line.startswith("技厂商") and line.endswith("累计达112家。")


def test_spun_copy_of_another_tool_is_no_story() -> None:
    # probe-316: 扳談 for 攀談, 配景 for 背景, 不雅觀眾 for 觀眾
    spun = article([
        "僅僅從扳談的口音判斷,便能察覺與會者配景的差別。“只能讓你們聽香港人講的普通話了。”作為主持人的香港科技大學校長陳繁昌對在場不雅觀眾打趣道。",
    ])
    assert spun.paragraphs == ()
    story = article(["园林设计中的配景植物要与建筑协调，市民与设计师攀谈后提出建议。"])
    assert story.paragraphs


def test_teaser_cut_from_the_story_under_its_label_goes() -> None:
    # probe-317: the [摘要] teaser, cut and without its quotes, glued before the story it repeats
    story = article([
        "[摘要] 9月5日,第十二届泛珠三角区域合作与发展论坛在广州举办。与 共享湾区机遇,开放创新发展 的主题相映成趣的是,当天下午,举行的是 对",
        "9月5日,第十二届泛珠三角区域合作与发展论坛在广州举办。与“共享湾区机遇,开放创新发展”的主题相映成趣的是,当天下午,举行的是“对话粤港澳大湾区”活动,探讨湾区的科技、文化与人才。",
    ], title="共建粤港澳大湾区,腾讯怎样做好“行动派”?")
    assert story.paragraphs[0].count("9月5日") == 1
    assert "对话粤港澳大湾区" in story.paragraphs[0]


@pytest.mark.parametrize("lines, opening", [
    # probe-320: a gallery's captions listed under the dateline, glued into the lead
    (["「慧眼」試驗隊與整裝待發的「慧眼」衛星", "2018年3月,《中國科學》封面文章報導「慧眼」對雙中子星併合產生引力波的觀測結果",
      "西藏羊八井國際宇宙線觀測站", "高海拔宇宙線觀測站項目模擬圖", "阿里原初引力波觀測站", "江門中微子實驗項目模擬圖",
      "太空中,550公裡外的近地軌道,「慧眼」衛星(HXMT)巡視宇宙,追逐黑洞的蹤影。"], "太空中"),
    # probe-330: an e-paper's banner (an ad), day, page line and link, then the headline after its column's label and again
    (["中銀全幣種信用卡", "2022年09月14日", "第A09版:澳聞", "澳門虛擬圖書館", "(新聞小語)深合區構建澳人宜居環境",
      "深合區構建澳人宜居環境", "中秋假期過後,九月十七日迎來橫琴粵澳深度合作區成立一周年。"], "中秋假期过后"),
])
def test_the_pages_lines_over_the_story_go(lines: list[str], opening: str) -> None:
    assert article(lines).paragraphs[0].startswith(opening)


def test_in_story_headings_of_two_phrases_are_not_glued() -> None:
    # probe-331: 往來渠道更暢通,跨境執業更便捷 glued before the quote under it; probe-308: 艱難地獲批:從科學到市場的漫長十年
    story = article([
        "截至今年9月底,在合作區生活就業的澳門居民超過七千人,澳資企業逾五千家。",
        "往來渠道更暢通,跨境執業更便捷",
        "“我住在澳門,在橫琴工作,下班回家20分鐘就夠了。”AHA港澳青年孵化中心創辦人鄭益偉笑言,常常是住在珠海市區的同事還沒到家。",
        "當下一個被證實有效的公共健康工具出現時,我們會主動迎接,還是再次被動追趕?",
        "艱難地獲批:從科學到市場的漫長十年",
        "HPV疫苗在中國的軌跡,與它在世界其他地方的命運截然不同。",
    ])
    assert not any(p.startswith(("往来渠道", "艰难地获批")) for p in story.paragraphs)
    assert any(p.startswith("“我住在澳门") for p in story.paragraphs)
    assert any(p.startswith("HPV疫苗在中国的轨迹") for p in story.paragraphs)


def test_broken_sentence_under_a_paragraph_is_still_joined() -> None:
    # probe-330: a line ending on an open quote is a sentence's first half, joined to the next
    story = article([
        "這一年,橫琴由廣東省政府以及澳門特區政府共同管理,管委會雙主任共同統籌協調、高效決策深合區發展重大事項,落實“",
        "共商共建共管共享”這一深合區獨有的新體制。",
    ])
    assert len(story.paragraphs) == 1 and "落实“共商共建共管共享”" in story.paragraphs[0]


def test_comma_spaced_off_its_clause_is_a_chinese_comma() -> None:
    # probe-319: 广州向南 , 100多公里 in the summary (the page spaces every mark)
    assert "，100多公里" in normalize_text("广州向南 , 100多公里即到深圳 。")
    assert normalize_text("Hello , world") == "Hello , world"
    # a letter-spaced page keeps its spacing as before (tune c-0119)
    assert normalize_text("暴 风 信 号 , 现 正 生 效 。") == "暴 风 信 号 ，现 正 生 效 。"


def test_sentence_cut_inside_a_word_is_still_joined() -> None:
    # the sample page (zgc-forum-2026): a short opener before its comma, the word's end on the line below
    story = article([
        "昨天,“清華城市健康指數”最新研究成果在中關村論壇年會世界數字健康論壇發布。",
        "论坛上,空间智能一体化影像系统发",
        "布。该成果直击当前医学影像行业痛点,将为基层医院带来更精准的诊断。",
    ])
    assert any("空间智能一体化影像系统发布。" in p for p in story.paragraphs)
