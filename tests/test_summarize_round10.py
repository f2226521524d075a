"""Summaries, round 10 (issue 11): rules meant to hold on pages no rule was written from — page
furniture that no story has, a reporter's framing in the spelling Taiwan and Hong Kong use. Real
pages and sentences of the tune split only."""

from __future__ import annotations

from corpus_pages import read_tune_page

from briefing.editorial.candidates import candidates, shorten
from briefing.editorial.summarize import Budget, summarize

BUDGET = Budget(150, 250)


def test_a_comment_box_prompt_is_no_sentence_of_the_story():
    # b-0173: the page's comment box (评论一下还没有评论，快来抢沙发吧！) closed the summary
    summary = summarize(read_tune_page("b-0173"), BUDGET)
    assert "抢沙发" not in summary and "评论" not in summary, summary
    assert "13家企业" in summary and "9家企业" in summary, summary


def test_a_read_more_link_run_into_another_story_is_no_sentence():
    # c-0051: 阅读全文 and the list of other stories (其他文章44人失联！) read as the last sentence
    summary = summarize(read_tune_page("c-0051"), BUDGET)
    assert "阅读全文" not in summary and "失联" not in summary, summary
    assert summary.startswith("新界西医院联网辖下的屯门医院手术室扩建大楼陆续投入服务"), summary


def test_a_report_named_in_the_taiwanese_spelling_is_framing():
    # c-0132: 据《观察者网》报导， and 报导称， are the reporter's framing, as 据…报道， is
    texts = [c.text for c in candidates(read_tune_page("c-0132"), shortened=True)]
    assert "江门中微子实验侦测器位于广东省江门市附近的地下700公尺处，可以侦测53公里外台山和阳江核电厂产生的中微子，" \
           "并以前所未有的精度测量它们的能谱。" in texts
    assert "江门中微子实验是中国科学院高能物理研究所主导的重大国际合作项目。" in texts
    assert not any(t.startswith(("据《观察者网》", "报导称")) for t in texts)


def test_the_purpose_a_story_opens_with_gives_way_to_its_news():
    # a-0088: 为深入推动创新驱动发展，充分发挥四川大学…的优势，…，2月2日上午，四川大学与自贡市人民政府…签订
    # 战略合作框架协议。 — five clauses of purpose before the news; the labeller's summary opens on the news
    first = candidates(read_tune_page("a-0088"), shortened=True)[0].text
    assert first.startswith("2月2日上午，四川大学与自贡市人民政府在学校望江校区明德楼贵宾厅签订战略合作框架协议"), first
    summary = summarize(read_tune_page("c-0084"), BUDGET)
    assert summary.startswith("近日，成都中医药大学与成都市卫生健康委员会举行深化校地合作签约仪式。"), summary


def test_a_purpose_naming_a_document_or_a_subject_stays():
    # a-0162: the document the news carries out is one of its facts (labelled: 《琼港合作备忘录》)
    first = candidates(read_tune_page("a-0162"), shortened=True)[0].text
    assert first.startswith("为贯彻落实《琼港合作备忘录》相关事项，"), first
    assert shorten("为期3天的第十届产学研合作洽谈会，昨天，在武汉闭幕，累计实现技术项目对接1078个。").startswith("为期3天")
    assert shorten("社会上，很多人对这一政策表示欢迎并积极参与。").startswith("社会上")  # no event


def test_the_event_said_again_in_front_of_a_sentence_goes():
    # a-0090: 启动仪式上，出席活动的嘉宾… and 活动现场，安徽博士鸿创科技有限公司… after the lead that named the event
    summary = summarize(read_tune_page("a-0090"), BUDGET)
    assert "出席活动的嘉宾共同为中国（安徽）科交会线上展厅按下启动按钮" in summary, summary
    assert "启动仪式上" not in summary and "活动现场，" not in summary, summary
    assert "1000余项" in summary and "10家单位" in summary, summary


def test_a_features_scene_heading_and_a_dangling_demonstrative_stay_out():
    from test_junk_papers import read_junk_probe_page

    # junk probe-231, a feature in scenes: 上午9:00，G60科创走廊云廊大厦。 is a heading, not news, and
    # 这个流经三地的水源地，… says which only after 沪苏浙环保人员正进行月度水质会商。
    summary = summarize(read_junk_probe_page("probe-231"), BUDGET)
    assert "9:00" not in summary and "云廊大厦。" not in summary, summary
    assert "这个流经三地" not in summary or "水质会商。这个流经三地" in summary, summary
    assert "2.3万家" in summary and "147家" in summary, summary  # the corridor's figures stay
