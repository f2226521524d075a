"""Junk the junk probe's round 9 found by eye (benchmarks/probe/pages.jsonl, probe-206 … probe-240):
kinds of furniture, caption, credit, spam, notes and quotes that reached a title or a summary on
pages no rule was written from. Each test holds a short excerpt of the page's own lines."""

from __future__ import annotations

import pytest
from test_junk import probe_outputs  # the probe's pages, read as the build reads a pasted page

from briefing.model import Block, RawArticle
from briefing.text.bylines import is_caption, strip_credit
from briefing.text.chinese import to_simplified
from briefing.text.clean import clean_article
from briefing.text.junk import is_spam, line_kind
from briefing.text.normalize import normalize_text


def body(paragraphs: list[str], title: str = "") -> str:
    raw = RawArticle("probe.txt", title, None, None, tuple(Block("para", p) for p in paragraphs), "utf-8")
    return clean_article(raw).body


def kind(line: str) -> str | None:
    return line_kind(normalize_text(to_simplified(line)))


@pytest.mark.parametrize("line, expected", [
    ("人民日报海外版 2021年10月09日 星期六", "dateline"),  # probe-209: an e-paper's masthead and day, taken as the headline
    ("卢锦烈摄", "credit"),  # probe-209: the photographer alone under the caption, glued to the lead
    ("编辑丨好了你不要再说了、普通酱", "editor_line"),  # probe-216: a WeChat post's credits, 丨 for a colon
    ("题图丨pixabay", "credit"),
    ("您现在所在的位置:", "breadcrumb"),  # probe-211
    ("020-29820-234", "furniture"),  # probe-238: a phone number over the story, glued to its first line
    ("温馨提示:", "furniture"),  # probe-211: a notice's label
    # probe-217: an aggregator's template around the post it copied, taken as the title and the lead
    ("雖然這篇緊急採購要件鄉民發文沒有被收入到精華區:在緊急採購要件這個話題中,我們另外找到其它相關的精選爆讚文章", "furniture"),
    ("在 緊急採購要件產品中有9篇Facebook貼文,粉絲數超過0的網紅,也在其Facebook貼文中提到, 【天下雜誌】 國產疫苗能快速上市嗎? "
     "獨家文件揭露,食藥署去年做一個大膽決定 高端解盲之後, #台灣最快可望7月開打這個全球第一款未經三期臨床試驗,而是以「免疫橋接」"
     "通過緊急使用授權許可(EUA)的新冠疫苗。", "furniture"),
    ("緊急採購要件 在 Facebook 的最佳貼文", "furniture"),
])
def test_round_nine_furniture_lines_are_named(line, expected):
    assert kind(line) == expected


@pytest.mark.parametrize("line", [
    "人民日报发布2021年度十大科技新闻",  # a headline naming the paper
    "天气预报10月9日",  # a notice's name ending in 报, no paper
    "摄影师王亚宏的镜头下，上海光源的建设历程一览无余。",  # a sentence about a photographer
    "全国统一服务热线开通",  # a headline about a hotline, no number
    "2021年10月9日，横琴粤澳深度合作区管理委员会召开会议。",  # a dated lead
    "高端疫苗在Facebook上引发热议，食药署回应质疑。",  # a story that names Facebook
])
def test_lines_like_them_that_are_text_stay(line):
    assert kind(line) is None


def test_a_forums_anti_scraping_jammer_goes_and_the_watermark_it_wraps_too():
    # probe-206: os.tvboxnow.com$ `+ R8 }! c; S% … after a sentence; a watermark line wrapped in jammer runs
    assert normalize_text("同時確立大灣區建設中的合作重點,包括推進基礎設施互聯互通。os.tvboxnow.com$ `+ R8 }! c; S% [% @% h) ^' g") \
        == "同時確立大灣區建設中的合作重點，包括推進基礎設施互聯互通。"
    assert normalize_text(") I8 A! q& D- V/ P% b u2 pTVBNOW 含有熱門話題,最新最快電視,軟體,遊戲,電影,動漫及日常生活及興趣交流等資訊。"
                          ") r0 w4 a# Y$ R5 |: \\& }8 A ?") == ""
    assert normalize_text("4 H) E' c* X6 T. _") == ""
    # a pager, a markdown table's rule and plain Latin keep their text
    assert normalize_text("下一页 [1 2 3 4 5 6 7 8 9 10] |").startswith("下一页 [1 2 3")
    assert normalize_text("| --- | --- | --- |") == "| --- | --- | --- |"
    assert normalize_text("the A B C of it: a B2B app") == "the A B C of it: a B2B app"


@pytest.mark.parametrize("raw, expected", [
    # probe-227: a stock's quote after its code inside the sentence (the code stays)
    ("華潤醫藥(03320.HK) -0.030 (-0.566%) 沽空 $6.92百萬; 比率 15.150% 公布,集團參股公司永泰生物製藥(06978.HK) -0.030 (-0.679%) "
     "的核心產品候選藥物EAL近期取得重要進展。",
     "华润医药（03320.HK）公布，集团参股公司永泰生物制药（06978.HK）的核心产品候选药物EAL近期取得重要进展。"),
    # probe-228: a wire's editor's initials closing the paragraph
    ("上述產品潛在可用於治療系統性紅斑狼瘡(SLE)等自身免疫疾病。(js/a)~", "上述产品潜在可用于治疗系统性红斑狼疮（SLE）等自身免疫疾病。"),
    # probe-219: a tag page's post fields, its tags run into the caption, and the caption's source
    ("島內7月開打自產疫苗目標恐泡湯釋出於: 綜合2021-06-29標籤: 中國臺灣網疫苗聯亞生技臺自產疫苗廠島內7月開打自產疫苗目標恐泡湯。"
     "(圖片來源:愛提問“中時新聞網”)", "岛内7月开打自产疫苗目标恐泡汤"),
])
def test_a_quote_initials_and_post_fields_inside_a_line_go(raw, expected):
    assert normalize_text(to_simplified(raw)) == expected


@pytest.mark.parametrize("text", [
    "恒生指数（HSI）收涨1.2%，医药股领涨。",  # a percentage in the story
    "采用了CAR-T (car/t) 技术。",  # Latin in brackets inside a sentence
    "该文发布于2021-06-29的周刊上。",  # a date after 发布于 in a sentence
])
def test_text_like_them_stays(text):
    assert normalize_text(text) == text


def test_an_information_lines_date_stays():
    assert normalize_text("发布于：2021-06-29 10:00 来源：人民网").startswith("发布于：2021-06-29")


@pytest.mark.parametrize("spam, text", [
    ("上海龙凤阿拉后花园 3. 沪苏湖绿色生态带", "大庆市龙凤区举办人才招聘会。"),  # probe-230, a district's name
    ("上海龙凤419杨浦 ■ 生态共治：一江清水共同守护", "龙凤胎宝宝在新院区顺利出生。"),  # probe-231
    ("上海花千坊龙凤 1. 交通同城化", "龙凤呈祥的剪纸作品亮相文化节。"),
])
def test_a_sex_service_sites_names_are_spam_and_words_with_longfeng_are_not(spam, text):
    assert is_spam(spam)
    assert not is_spam(text)


def test_a_caption_closed_by_an_archive_label_or_a_bar_and_its_source_is_a_caption():
    # probe-210: 中国散裂中子源科研团队在工作中。资料图片 (the title and the summary's lead)
    assert is_caption("中国散裂中子源科研团队在工作中。资料图片")
    assert strip_credit("中国散裂中子源科研团队在工作中。资料图片") == "中国散裂中子源科研团队在工作中。"
    # probe-216: 九期一（甘露特钠）药盒样品及胶囊样品 | 图：上海药物研究所官网 (the title)
    assert is_caption("九期一（甘露特钠）药盒样品及胶囊样品 | 图：上海药物研究所官网")
    assert not is_caption("研究所提供的资料图片显示，装置已完成安装。")


def test_the_pages_date_label_goes_and_the_caption_behind_it_with_it():
    # probe-225: date 2025-08-26 ▲地下700公尺深的「江門中微子實驗」(JUNO)正式啟用。(圖/翻攝央視,下同)
    raw = RawArticle("probe.txt", "", None, None, (
        Block("para", normalize_text(to_simplified("date 2025-08-26 ▲地下700公尺深的「江門中微子實驗」(JUNO)正式啟用。(圖/翻攝央視,下同)"))),
        Block("para", "大陆重大基础科研设施「江门中微子实验」（JUNO）今（26）日正式启用，完成2万吨液体闪烁体灌注并开始运行取数。"),
    ), "utf-8")
    article = clean_article(raw)
    assert article.body.startswith("大陆重大基础科研设施")
    assert article.published == "2025-08-26"


def test_the_headlines_kicker_and_subtitle_above_its_repeat_are_no_part_of_the_story():
    # probe-207: 橫琴新區管委會昨到訪本報 / 管委會一行訪本報冀加強溝通合作 / 橫琴民生事務與澳銜接 / 【本報消息】…
    text = body(["横琴新区管委会昨到访本报", "管委会一行访本报冀加强沟通合作", "横琴民生事务与澳衔接",
                 "【本报消息】横琴新区管委会主任牛敬一行四人昨访本报，交流横琴与澳门未来的发展路向。"], title="横琴民生事务与澳衔接")
    assert text.startswith("横琴新区管委会主任牛敬") or text.startswith("【本报消息】横琴新区管委会主任")
    assert "冀加强沟通合作" not in text
    # without the headline said again, a short first line is the story's own (a broken first line)
    kept = body(["横琴新区管委会昨到访本报", "交流横琴与澳门未来的发展路向。"], title="横琴民生事务与澳衔接")
    assert kept.startswith("横琴新区管委会昨到访本报")


def test_the_headline_again_after_its_series_label_is_no_part_of_the_story():
    # probe-211: 创业看松湖⑤|中国散裂中子源：大科学装置点亮创新之源, glued to the note under it
    text = body(["创业看松湖⑤|中国散裂中子源：大科学装置点亮创新之源",
                 "“若干年后，在松山湖畔，偶遇世界级的科学家将不会是意外。”几年前，中科院院士陈和生向来访者讲出这句话。"],
                title="中国散裂中子源：大科学装置点亮创新之源")
    assert text.startswith("“若干年后")


def test_an_editors_note_announcing_the_column_and_a_notice_under_its_label_go():
    # probe-211: the note's two paragraphs, the last ending 敬请垂注！, then 温馨提示： and the contest's call
    story = "“若干年后，在松山湖畔，偶遇世界级的科学家将不会是意外。”几年前，当中科院院士、中国散裂中子源工程总指挥陈和生向来访者" \
            "讲出这句话时，人们对于这个深藏在广东东莞腹地深山中的“大家伙”究竟蕴含着多少能量尚不明了。但短短数年间，随着中国散裂中子源" \
            "的身形逐渐显现，开始像一块磁石一样吸引着全球各地的名流政要、专家学者及其他社会人士纷至沓来。"
    text = body([
        "2019年，《粤港澳大湾区发展规划纲要》正式发布，为大湾区未来发展指明方向。作为重要节点区域，松山湖已成为全球创业者的乐园。",
        "为更好挖掘湾区创业故事，2019年11月起，南方+客户端开设《创业看松湖》专栏，将以系列报道的形式，刊发调研成果，敬请垂注！",
        "温馨提示：",
        "2019年创新松湖创业大赛正在面向全球征集创业项目，单个项目最高奖励300万元！赶紧点击页面上方横幅海报报名吧！",
        story,
    ])
    assert text.startswith("“若干年后")
    # a 专题 page whose only text is the note keeps it
    only = body(["为做实做优“大国工匠”品牌，全国总工会于2022年9月2日在长沙举办首届“大国工匠论坛”。新湖南客户端特推出专题报道，敬请关注。"])
    assert only.startswith("为做实做优")


def test_a_headline_like_line_over_the_posts_credits_is_no_part_of_the_story():
    # probe-216: 中国商人的失忆解药丨放大灯 / 编辑丨… over the lead (its 作者丨 line read as the page's)
    text = body(["中国商人的失忆解药丨放大灯", "编辑丨好了你不要再说了、普通酱", "题图丨pixabay",
                 "12月29日是个星期天，中科院上海药物研究所召开发布会，宣布即日起即可持处方在全国各大专业药房购买甘露特钠。"])
    assert text.startswith("12月29日是个星期天")


def test_a_features_square_marked_heading_is_a_subhead_not_glued_to_the_line_under_it():
    # probe-231: ■ 交通革命：轨道上的长三角 / 中午12:30，沪苏通铁路二期施工现场。
    raw = RawArticle("probe.txt", "", None, None, (
        Block("para", "本报记者历时四个月走访上海及周边12个城市，全景呈现长三角世界级城市群建设成果。"),
        Block("para", "■ 交通革命：轨道上的长三角"),
        Block("para", "中午12:30，沪苏通铁路二期施工现场。"),
    ), "utf-8")
    blocks = clean_article(raw).blocks
    assert [(b.kind, b.text) for b in blocks[1:]] == [("subhead", "交通革命：轨道上的长三角"), ("para", "中午12:30，沪苏通铁路二期施工现场。")]


# ----------------------------------------------------------------------------- the pages themselves

def test_probe_pages_of_round_nine_give_titles_and_summaries_without_their_junk():
    checks = {
        "probe-206": ("tvboxnow", "r0 w4", "$", "TVBNOW"),
        "probe-207": ("冀加强沟通合作", "到访本报管委会"),
        "probe-209": ("人民日报海外版", "星期六", "卢锦烈摄"),
        "probe-210": ("科研团队在工作中", "资料图片"),
        "probe-211": ("创业看松湖⑤", "敬请垂注", "创业大赛", "编者按"),
        "probe-216": ("药盒样品", "图：", "放大灯丨"),
        "probe-217": ("精华区", "爆赞", "Facebook", "网红"),
        "probe-219": ("释出于", "标签", "日讯"),
        "probe-225": ("▲", "翻摄", "date"),
        "probe-227": ("-0.030", "沽空", "比率", "%"),
        "probe-228": ("js/a", "~"),
        "probe-238": ("020-29820-234", "|"),
    }
    for page_id, junk in checks.items():
        title, summary = probe_outputs(page_id)
        for word in junk:
            assert word not in title and word not in summary, (page_id, word, title, summary)
