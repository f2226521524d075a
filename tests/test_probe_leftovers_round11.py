"""What the eleventh round's probes left for the finder and the cleaner: a portal's line of date, author
and source over the story (hp-429), a headline ending on the bar of a menu cut away (probe-368, hp-381)."""

from __future__ import annotations

from test_headlines_round8 import read_page

from briefing.config import EditorialSettings
from briefing.editorial.titles import item_title
from briefing.text.headlines import clean_decoration
from briefing.text.junk import line_kind

CAP = EditorialSettings().title_max_chars


def test_a_portals_date_author_and_source_line_is_a_dateline():
    # 全国卫生健康工作会议召开:… / 2020-01-07 佚名 国家卫健委网站 / 国家卫健委网站1月7日消息,…
    article = read_page("hp-429")
    assert "佚名" not in article.body
    assert article.body.startswith("国家卫健委网站1月7日消息")
    assert line_kind("2020-01-07 佚名 国家卫健委网站") == "dateline"
    assert line_kind("2020-01-07 张三 国家卫健委网站") == "dateline"
    assert line_kind("2020-01-07 国家卫健委网站发布全国卫生健康工作会议召开的消息。") is None


def test_a_headline_loses_the_bars_it_ends_on():
    # 【新思想引领新征程】建设国之重器 筑牢科技自立自强根基| / 央视网消息(新闻联播):…
    article = read_page("probe-368", "probe/pages.jsonl")
    assert item_title(article, CAP) == "建设国之重器 筑牢科技自立自强根基"
    assert clean_decoration("上海“十一”国庆黄金周医院门诊时间排定 | |") == "上海“十一”国庆黄金周医院门诊时间排定"
    assert clean_decoration("科技日报丨嫦娥六号带回月背样品") == "科技日报丨嫦娥六号带回月背样品"  # a bar inside stays
