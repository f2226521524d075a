"""Cleaning, rule by rule, on text files read the way an operator's inbox is read: every encoding,
traditional characters, punctuation, broken and repeated paragraphs, bylines, datelines, captions,
credits, information lines, page furniture and spam. And the bundled sample, as the issue asks.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from briefing.model import Article
from briefing.sources import read_sources
from briefing.text.clean import clean_article
from briefing.text.normalize import compact, normalize_text
from briefing.text.pages import split_document

from conftest import SAMPLE

SIMPLIFIED = "# 北京发布人才新政\n\n北京市今天发布青年科技人才支持措施，提出建设一批青年人才公寓。“十四五”期间，全市引进高层次人才3.2万人。\n"
TRADITIONAL = "# 臺灣半導體產業持續成長\n\n臺灣半導體產業協會昨日發表報告，預計今年產值將成長百分之十五，帶動相關設備與材料廠商擴大投資。\n"


def read_articles(tmp_path: Path, name: str, data: bytes) -> tuple[list[Article], list]:
    path = tmp_path / name
    path.write_bytes(data)
    documents, skipped = read_sources([path])
    return [clean_article(raw) for doc in documents for raw in split_document(doc)], skipped


def clean_text(tmp_path: Path, text: str) -> Article:
    (article,), skipped = read_articles(tmp_path, "story.txt", text.encode("utf-8"))
    assert skipped == []
    return article


# --- encodings ---------------------------------------------------------------------------------

@pytest.mark.parametrize("encoding, data, reported", [
    ("utf-8", SIMPLIFIED.encode("utf-8"), "utf-8"),
    ("utf-8 with BOM", b"\xef\xbb\xbf" + SIMPLIFIED.encode("utf-8"), "utf-8"),
    ("utf-16 LE with BOM", SIMPLIFIED.encode("utf-16"), "utf-16"),
    ("utf-16 BE with BOM", b"\xfe\xff" + SIMPLIFIED.encode("utf-16-be"), "utf-16"),
    ("utf-16 LE without BOM", SIMPLIFIED.encode("utf-16-le"), "utf-16-le"),
    ("utf-16 BE without BOM", SIMPLIFIED.encode("utf-16-be"), "utf-16-be"),
    ("gb2312", SIMPLIFIED.encode("gb2312"), "gb18030"),
    ("gbk", (SIMPLIFIED + "朱镕基同志题写馆名。\n").encode("gbk"), "gb18030"),
    ("gb18030", (SIMPLIFIED + "〇𠀀\n").encode("gb18030"), "gb18030"),
], ids=lambda value: value if isinstance(value, str) and len(value) < 30 else "")
def test_simplified_text_in_every_encoding_is_read_exactly(tmp_path, encoding, data, reported):
    (article,), skipped = read_articles(tmp_path, "news.txt", data)
    assert skipped == []
    assert article.encoding == reported
    assert article.title == "北京发布人才新政"
    assert article.paragraphs[0] == ("北京市今天发布青年科技人才支持措施，提出建设一批青年人才公寓。"
                                     "“十四五”期间，全市引进高层次人才3.2万人。")


@pytest.mark.parametrize("codec", ["big5", "utf-8", "gb18030", "utf-16"])
def test_traditional_text_is_read_and_converted_to_simplified(tmp_path, codec):
    (article,), skipped = read_articles(tmp_path, "tw.txt", TRADITIONAL.encode(codec))
    assert skipped == []
    assert article.encoding == codec
    assert article.title == "台湾半导体产业持续成长"
    assert article.paragraphs == ("台湾半导体产业协会昨日发表报告，预计今年产值将成长百分之十五，带动相关设备与材料厂商扩大投资。",)


def test_simplified_text_quoting_a_traditional_name_is_left_alone(tmp_path):
    article = clean_text(tmp_path, "# 书法展开幕\n\n展览展出了书法家的作品《蘭亭序》临本，吸引众多市民前来参观，现场气氛热烈。\n")
    assert "《蘭亭序》" in article.body


def test_a_simplified_page_whose_pinyin_annotated_characters_are_traditional_is_converted(tmp_path):
    # probe-048: a mirror writes the characters it annotates in traditional script, the rest simplified
    article = clean_text(tmp_path, "# 关于印发贯彻实施《國(guó)家标准化发展纲要》行动计划的通知\n\n"
                                   "经國(guó)務(wù)院同意,现将《贯彻实施〈國(guó)家标准化发展纲要〉行动计划》印发给你们,请认真贯彻实施。"
                                   "為(wèi)更好发挥标准化在推进國(guó)家治理(lǐ)體(tǐ)系和治理(lǐ)能(néng)力现代化中的作用,制定本行动计划。\n")
    assert article.title == "关于印发贯彻实施《国家标准化发展纲要》行动计划的通知"
    assert article.body.startswith("经国务院同意，现将《贯彻实施〈国家标准化发展纲要〉行动计划》") and "为更好发挥" in article.body
    assert "国家治理体系" in article.body


# --- punctuation -------------------------------------------------------------------------------

def test_punctuation_in_chinese_text_becomes_full_width_and_numbers_urls_english_stay(tmp_path):
    article = clean_text(tmp_path, (
        "# 标题\n\n"
        "今天,论坛开幕:主题为\"创新引领未来\";你来吗?来!(现场)区域经济总量5.95万亿元,增长5.4%,超1,000家。\n\n"
        "会议10:30开始,详见https://example.org/a?b=1,c=2。AI(人工智能)与Hello, world! 同台。\n\n"
        "２０２６年ＡＩ大会在京举行，ＣＥＯ致辞。\n"))
    first, second, third = article.paragraphs
    assert first == ("今天，论坛开幕：主题为“创新引领未来”；你来吗？来！（现场）区域经济总量5.95万亿元，增长5.4%，超1,000家。")
    assert "10:30" in second and "https://example.org/a?b=1,c=2" in second and "Hello, world!" in second
    assert "AI（人工智能）" in second
    assert third == "2026年AI大会在京举行，CEO致辞。"
    for text in article.paragraphs:
        assert not re.search(r"[\u4e00-\u9fff][,:;?!][\u4e00-\u9fff]", text)


# --- repair ------------------------------------------------------------------------------------

def test_lines_broken_mid_sentence_are_joined(tmp_path):
    article = clean_text(tmp_path, (
        "# 标题\n\n论坛上，空间智能一体化影像系统发\n\n布。该成果直击当前医学影像行业痛点。\n\n"
        "“产业一线与人工智能的融合是人才培养的\n关键方向。”陈伟表示。\n"))
    assert article.paragraphs == ("论坛上，空间智能一体化影像系统发布。该成果直击当前医学影像行业痛点。",
                                  "“产业一线与人工智能的融合是人才培养的关键方向。”陈伟表示。")


def test_repeated_paragraphs_blocks_and_mid_sentence_repeats_are_dropped(tmp_path):
    one = "发布会上，8项具有代表性的重大突破性成果集中亮相，能为科学家观测微观世界提供关键支撑。"
    two = "中国科学院大气物理研究所的地球系统数值模拟装置，能实现全球气象要素精准预报。"
    three = "展望未来，怀柔科学城将持续发力，每年保持200亿左右的投资强度。"
    text = "\n\n".join(["# 标题", one, two, three, one[10:], two, three, three]) + "\n"
    article = clean_text(tmp_path, text)
    assert article.paragraphs == (one, two, three)


def test_numbered_heading_pasted_as_a_paragraph_is_a_subhead_not_joined(tmp_path):
    article = clean_text(tmp_path, "# 通知\n\n现将有关事项通知如下。\n\n一、总体要求\n\n各区要高度重视。\n\n（二）重点任务\n\n加快推进。\n")
    assert [(b.kind, b.text) for b in article.blocks] == [
        ("para", "现将有关事项通知如下。"), ("subhead", "一、总体要求"), ("para", "各区要高度重视。"),
        ("subhead", "（二）重点任务"), ("para", "加快推进。")]


def test_a_numbered_step_is_a_subhead_not_joined_to_the_sentence_under_it(tmp_path):
    # probe-044 (HK01): 2. 上樓看症 / 登記後，專科門診病人便會上樓看症。 (not 5.95亿元, a figure)
    article = clean_text(tmp_path, "# 流程\n\n病人先登记。\n\n2. 上楼看症\n\n登记后，专科门诊病人便会上楼看症。\n\n"
                                   "5.95亿元的项目\n\n今年开工。\n")
    assert [(b.kind, b.text) for b in article.blocks] == [
        ("para", "病人先登记。"), ("subhead", "2. 上楼看症"), ("para", "登记后，专科门诊病人便会上楼看症。"),
        ("para", "5.95亿元的项目今年开工。")]


# --- bylines, datelines, captions, credits, information lines ----------------------------------

@pytest.mark.parametrize("lead, authors, outlet", [
    ("本报讯（记者 曲经纬）", ("曲经纬",), None),
    ("本报讯(记者 曲经纬 通讯员 王五)", ("曲经纬", "王五"), None),
    ("新华社北京11月25日电（记者 张三 李四）", ("张三", "李四"), "新华社"),
    ("中新网北京4月30日电(中新财经记者 吴家驹)", ("吴家驹",), "中新网"),
    ("【环球时报报道 记者 王五】", ("王五",), "环球时报"),
    ("本报北京11月25日讯 ", (), None),
    ("新华社电 ", (), "新华社"),
])
def test_lead_bylines_and_datelines_leave_the_body_and_become_metadata(tmp_path, lead, authors, outlet):
    article = clean_text(tmp_path, f"# 标题\n\n{lead}国家卫健委今天发布公共卫生新规，涉及传染病防控。\n")
    assert article.paragraphs == ("国家卫健委今天发布公共卫生新规，涉及传染病防控。",)
    assert article.authors == authors
    assert article.outlet == outlet


def test_byline_paragraphs_captions_and_credits_leave_the_body(tmp_path):
    body = "\n\n".join([
        "# 标题",
        "2025-11-25 08:30:00　来源：北京日报　作者：曲经纬　字号：大 中 小",
        "本市今天发布科技设施开放共享新政，17个科技设施将面向全球开放。",
        "发布会现场。记者 常鸣/摄",
        "11月25日，观众在展区参观。（新华社记者 张三 摄）",
        "图为怀柔科学城全景。",
        "视觉中国供图",
        "新政明确，设施开放情况将纳入年度绩效评价。",
        "本报记者 张群琛",
        "（记者 赵六 通讯员 孙七）",
        "文/钱八",
        "（责任编辑：王五）",
        "编辑：李雷 校对：韩梅",
        "（完）",
    ]) + "\n"
    article = clean_text(tmp_path, body)
    assert article.paragraphs == ("本市今天发布科技设施开放共享新政，17个科技设施将面向全球开放。",
                                  "新政明确，设施开放情况将纳入年度绩效评价。")
    assert article.authors == ("曲经纬", "张群琛", "赵六", "孙七", "钱八")
    assert article.outlet == "北京日报"
    assert article.published == "2025-11-25"


def test_sentences_that_mention_reporters_stay(tmp_path):
    article = clean_text(tmp_path, "# 标题\n\n记者从市科委获悉，本市将新建三个概念验证平台。\n\n记者换算得知，1阿秒等于10的负18次方秒。\n")
    assert article.paragraphs == ("记者从市科委获悉，本市将新建三个概念验证平台。", "记者换算得知，1阿秒等于10的负18次方秒。")
    assert article.authors == ()


# --- page furniture and spam -------------------------------------------------------------------

def test_page_furniture_in_a_pasted_page_is_dropped(tmp_path):
    body = "\n\n".join([
        "# 北京启动健康城市建设三年行动",
        "首页 > 健康 > 正文",
        "（原标题：北京印发健康城市建设方案）",
        "北京市日前印发健康城市建设三年行动方案，提出到2027年全市居民健康素养水平达到45%以上。",
        "分享到：微信 微博 QQ空间",
        "下载北京日报客户端，随时随地看新闻",
        "扫码关注北京健康公众号",
        "相关文章：",
        "北京发布人才新政 吸引青年科技人才",
        "社区医院开设夜间门诊",
        "方案明确了全民健身、慢病防控、健康环境等十项重点任务。",
        "Copyright © 2025 北京日报网 版权所有 未经授权禁止转载",
        "京ICP备00000000号",
        "返回顶部",
    ]) + "\n"
    article = clean_text(tmp_path, body)
    assert article.paragraphs == ("北京市日前印发健康城市建设三年行动方案，提出到2027年全市居民健康素养水平达到45%以上。",
                                  "方案明确了全民健身、慢病防控、健康环境等十项重点任务。")
    for junk in ("原标题", "分享", "客户端", "公众号", "相关文章", "人才新政", "夜间门诊", "版权", "ICP", "返回顶部"):
        assert junk not in article.body, junk


def test_injected_spam_is_cut_out_of_a_real_paragraph(tmp_path):
    article = clean_text(tmp_path, ("# 标题\n\n科技设施开放共享水平持续提升，服务创新主体超过一千家。澳门娱乐场官网注册送彩金！"
                                    "加微信 vip888cash 领取。园区还设立了百亿级科创基金。\n\n百家乐真人娱乐 www.lucky.vip\n"))
    assert article.paragraphs == ("科技设施开放共享水平持续提升，服务创新主体超过一千家。园区还设立了百亿级科创基金。",)


def test_the_title_repeated_as_the_first_paragraph_is_dropped(tmp_path):
    article = clean_text(tmp_path, "# 社区医院开设夜间门诊\n\n社区医院开设夜间门诊\n\n本市30家社区卫生服务中心开设夜间门诊。\n")
    assert article.paragraphs == ("本市30家社区卫生服务中心开设夜间门诊。",)


# --- the bundled sample ------------------------------------------------------------------------

@pytest.fixture(scope="module")
def sample() -> list[Article]:
    documents, skipped = read_sources([SAMPLE])
    assert skipped == []
    return [clean_article(raw) for doc in documents for raw in split_document(doc)]


def test_sample_has_exactly_six_articles_with_their_real_titles(sample):
    assert [a.title for a in sample] == [
        "京津冀协同创新联合体呼之欲出", "怀柔科学城发布8项代表性重大成果", "“十四五”北京牵头制定国际标准超500项",
        "北京药企全球化步伐加速", "首都产业一线科技人才规模达225万人", "北京居城市健康指数榜首"]


def test_sample_has_no_paragraph_twice(sample):
    keys = [compact(p) for a in sample for p in a.paragraphs]
    assert len(keys) == len(set(keys))
    for article in sample:  # nor a paragraph that is part of another (the mid-sentence repeat)
        paragraphs = [compact(p) for p in article.paragraphs]
        for i, text in enumerate(paragraphs):
            assert not any(text in other for j, other in enumerate(paragraphs) if j != i), text[:30]


def test_sample_has_no_half_width_comma_or_colon_between_chinese_characters(sample):
    for article in sample:
        for text in (article.title, *(b.text for b in article.blocks)):
            assert not re.search(r"[\u4e00-\u9fff][,:][\u4e00-\u9fff]", text), text


def test_sample_bodies_carry_no_byline_or_photo_credit(sample):
    credit = re.compile(r"本报讯|本报记者|（记者|记者\s*[\u4e00-\u9fff]{2,4}\s*/\s*摄|/摄|责任编辑")
    for article in sample:
        assert not credit.search(article.body), article.title
    assert [a.authors for a in sample] == [("张群琛",), ("曲经纬",), ("张楠",), ("赵鹏",), ("关一文",), ("孙乐琪",)]


def test_normalising_twice_changes_nothing():
    text = "今天,2026中关村论坛:聚焦(京津冀)创新;\"好\"吗?５.９５万亿元"
    assert normalize_text(normalize_text(text)) == normalize_text(text)


def test_a_list_of_links_above_the_story_does_not_end_it_and_one_below_it_does(tmp_path):
    story = "新华社北京3月1日电（记者张三）国家医保局1日发布通知，今年起全国统一医保药品目录将新增111种药品，平均降价61.7%。"
    above = clean_text(tmp_path, "# 医保目录新增111种药品\n\n医保新政今起实施。\n\n相关新闻\n\n去年医保基金运行平稳\n\n" + story + "\n")
    assert any("新增111种药品" in p for p in above.paragraphs)
    first = "".join(f"国家医保局1日发布第{n}号通知，今年起全国统一医保药品目录将新增{n}批药品，平均降价{n}成。"
                    for n in range(1, 6))
    below = clean_text(tmp_path, "# 医保目录新增111种药品\n\n" + first + "\n\n相关新闻\n\n另一条新闻的标题\n\n"
                       "新华社天津3月1日电（记者李四）在行星合月中，最具观赏性的非金星合月莫属。\n")
    assert not any("金星合月" in p for p in below.paragraphs)


def test_above_a_wire_dateline_stating_the_title_is_the_pages_even_when_the_record_gives_the_title(tmp_path):
    # the development set's 上海光源 record as a feed or JSONL line carries it: the title is the
    # record's, and the text still opens with a trending list's spam line and the dateline's 题:
    import json

    text = ("第1 iphone14欧美日韩版本男生高考英语分老师激动摸头拍背\n"
            "中新网上海5月6日电 题:中国大陆第一台第三代同步辐射装置上海光源迎用户开放15岁“生日”\n"
            "中新网记者 郑莹莹\n"
            "在上海浦东新区张江高科技园区,有一个外形酷似“鹦鹉螺”的建筑。6日,它迎来用户开放15岁“生日”。"
            "中国科学院上海高等研究院院长黄政仁表示,经过两期建设,上海光源目前共有34条光束线和46个实验站对用户开放。\n")
    record = {"title": "中国大陆第一台第三代同步辐射装置上海光源迎用户开放15岁“生日”", "text": text}
    [article], skipped = read_articles(tmp_path, "day.jsonl", (json.dumps(record, ensure_ascii=False) + "\n").encode())
    assert not skipped
    assert article.body.startswith("在上海浦东新区张江高科技园区")
    assert "iphone" not in article.body and "题" not in article.body.split("。")[0]
    assert article.outlet == "中新网" and "郑莹莹" in article.authors


def test_a_story_above_a_line_shaped_like_a_stated_dateline_is_kept(tmp_path):
    # a day's feed whose paragraphs were run together from several stories (bench_scale's day): the
    # line with 中新网上海5月6日电 题: comes last, under prose and holding a sentence of another story
    import json

    text = ("当日,我国迄今为止最大的大科学装置和大科学平台——上海同步辐射光源顺利通过国家验收。\n"
            "跨境License-out共发生110笔交易,43笔交易公布了首付款金额,共计50.07亿美元。\n"
            "中新网上海5月6日电 题:中国大陆第一台第三代同步辐射装置上海光源迎用户开放15岁“生日”。"
            "这是国内创新药出海交易中,单个ADC资产首笔最大的里程碑付款。\n")
    record = {"title": "综合消息416", "text": text}
    [article], _ = read_articles(tmp_path, "day.jsonl", (json.dumps(record, ensure_ascii=False) + "\n").encode())
    assert article.body.startswith("当日，我国迄今为止最大的大科学装置")
    assert "50.07亿美元" in article.body
