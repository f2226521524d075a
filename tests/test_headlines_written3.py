"""Headline-less pages of the written probe's round three (benchmarks/probe/written.jsonl) where the
finder took a line for the headline: a site's licence at its foot, a betting brand over the story, a
notice's attachment label. Each page is read as the checker reads it; its title must be written from
the story, and the line must reach neither the title nor the body."""

from __future__ import annotations

from test_headlines_written2 import written_page

from briefing.config import EditorialSettings
from briefing.editorial.titles import item_title
from briefing.text.headlines import usable
from briefing.text.junk import is_spam

CAP = EditorialSettings().title_max_chars


def test_a_sites_licence_line_is_furniture():
    # thepaper 澎湃号: …申请澎湃号请用电脑访问。 / 增值电信业务经营许可证:沪b2-2017116
    article = written_page("wp-087")
    assert "许可证" not in item_title(article, CAP) and "许可证" not in article.body
    # written from the lead (which of its clauses is the chooser's: 两款抗新冠…获批 or 浦东生物医药产业链…)
    assert any(word in item_title(article, CAP) for word in ("抗新冠", "浦东生物医药"))


def test_a_betting_brand_over_the_story_is_spam():
    # 365bet最新备用_中爱365APP_365heart / 发布于:2023-03-02 10:04:51来源:人社部 / 本报北京2月28日电 …
    article = written_page("wp-093")
    assert "365" not in item_title(article, CAP) and "365bet" not in article.body
    assert "技能大赛" in item_title(article, CAP)
    assert is_spam("365bet最新备用_中爱365APP_365heart")
    assert not is_spam("全年365天不打烊，市民可随时办理业务。")


def test_a_notices_attachment_label_is_no_headline():
    # 咸宁疾控's 倡议, its list of clinics under 附：咸宁市流感疫苗接种门诊一览表
    article = written_page("wp-109")
    assert not item_title(article, CAP).startswith("附")
    assert not usable("附：咸宁市流感疫苗接种门诊一览表")
    assert not usable("附件2：2019年团体标准应用示范项目名单")
    assert usable("咸宁疾控倡议市民及时接种流感疫苗")


def test_a_subhead_under_an_apps_byline_the_lead_and_a_pictures_placeholder_is_no_headline():
    # 北京日报客户端 | 记者 曲经纬 / 引进一个项目,…累计1080亿元。 / 【资料图】 / 据介绍,…44.79亿元。 /
    # 签订京津冀营商环境一体化框架协议 (the story's first subhead)
    article = written_page("wp-086")
    assert "营商环境一体化框架协议" not in item_title(article, CAP)
    assert "北三县" in item_title(article, CAP)
