"""Ordinary story sentences that this session's junk, caption, spun-copy and headline rules must leave alone.

A review of rounds 11–15 fed common news sentences to the new rules and found each of these lost or
mangled: a timeline's dated step ended the story, three everyday words made a page a spun copy, a
video posted by a netizen was taken for a site's note, a group photo the story tells of was taken for a
caption, a paragraph ending on its picture's credit was dropped whole, a district's page lost its place
name from its headline, a visit's headline gave way to the line above it. Each test holds such sentences
and the rule's own example beside them, so both halves of the rule are held."""

from __future__ import annotations

import sys
from pathlib import Path

from briefing.editorial.candidates import SENTENCE_PREFIX, candidates
from briefing.model import Block, RawArticle
from briefing.text import bylines, junk
from briefing.text.clean import clean_article

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from corpus import main_article  # noqa: E402  (the benchmark's reader: a page read as `briefing build` reads a .txt)

STORY = ("国家发展改革委近日印发方案，明确推进京津冀协同创新共同体建设的重点任务，提出到2025年基本形成"
         "协同创新格局，区域科技合作机制更加完善，创新要素流动更加顺畅，重大科技基础设施开放共享水平显著提升。")


def article(*paragraphs: str, title: str = "标题"):
    blocks = tuple(Block("para", p) for p in paragraphs)
    return clean_article(RawArticle("story.txt", title, None, None, blocks, "utf-8"))


def test_a_timelines_dated_step_is_no_list_item_and_the_story_goes_on():
    story = article(STORY, STORY.replace("国家发展改革委", "科技部"), STORY.replace("国家发展改革委", "工信部"),
                    "2021-03-15 项目正式启动", "2022-12-30 一期工程建成投用",
                    "此后，项目累计服务企业超过300家。")
    assert any("累计服务企业超过300家" in p for p in story.paragraphs)


def test_everyday_words_a_spinning_tool_also_uses_make_no_spun_copy():
    assert not junk.is_spun(["研究团队把卫星图形当作输入数据，将把数据共享当作长期任务来抓。", "此前的测验考试中成绩优异。"])
    assert junk.is_spun(["庆贺澳门回回故国20周年，市人年夜常委会主任出席。", "始终沿着准确标的目的进步。"])


def test_a_netizens_video_is_news_and_a_sites_note_on_readers_posts_is_furniture():
    assert junk.line_kind("该视频由网友上传至社交平台后引发热议，当地警方随即介入调查，涉事男子已被依法行政拘留十日。") is None
    assert junk.line_kind("注意:本站部分文字内容、图片由网友投稿,如侵权请联系删除") == "furniture"


def test_a_group_photo_the_story_tells_of_stays_and_a_caption_of_who_stands_where_goes():
    told = "会见结束后，习近平等在人民大会堂北大厅同大家亲切握手并在北大厅与代表们合影留念。活动结束后，全体参会人员在纪念碑前合影。"
    assert junk.without_group_photos(told) == told
    caption = ("澳门中联办宣文部部长万速成（左一），广州日报社社长江永忠（左二）在记者站揭牌仪式上合影。"
               "江永忠、陆波在记者站揭牌仪式上合影。陆波致辞时说：“今天非常高兴。”")
    assert junk.without_group_photos(caption) == "陆波致辞时说：“今天非常高兴。”"


def test_a_paragraph_ending_on_its_pictures_credit_is_no_caption():
    paragraph = STORY + "图/新华社"
    assert not bylines.is_caption(paragraph)
    assert bylines.is_caption("亚大医院丰中分院2日正式启用。图／亚大医院提供")


def test_a_credits_verb_and_a_photographed_work_stay_in_the_story():
    for sentence in ("该片摄于1998年，记录了当年抗洪的场景。", "他们摄下了这一珍贵画面。"):
        assert not SENTENCE_PREFIX.match(sentence), sentence
    assert SENTENCE_PREFIX.match("马二虎摄（人民图片）2024年，上海光源迎来新用户。")
    texts = [c.text for c in candidates(article("展览展出了摄影师张三历时十年拍摄的200余幅作品。",
                                                "张艺谋在1998年拍摄的影片获得多项国际大奖。"))]
    assert any("200余幅作品" in t for t in texts) and any("多项国际大奖" in t for t in texts)


def test_two_places_before_a_slash_are_no_writer():
    story = article("北京 / 上海两地今年联合开展试点，" + STORY)
    assert story.paragraphs[0].startswith("北京") and "北京" not in story.authors


def _headline(text: str) -> str | None:
    story = main_article({"id": "page", "raw": text})
    return story.title if story else None


def test_a_districts_name_over_its_dateline_stays_in_its_headline():
    page = "\n".join(["海淀举办科技创新大会", "海淀 2024-05-11 12:33:14 来源: 原创",
                      "5月10日，本区举办科技创新大会，发布支持科技企业发展的十条措施，" + STORY])
    assert _headline(page) == "海淀举办科技创新大会"


def test_a_visits_headline_with_who_went_along_is_the_headline():
    page = "\n".join(["全省经济工作会议在杭州召开", "李强在浙江调研 吴政隆陪同",
                      "新华社杭州5月10日电 国务院总理李强近日在浙江调研。" + STORY])
    assert _headline(page) == "李强在浙江调研 吴政隆陪同"
