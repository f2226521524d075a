"""Headlines, kind by kind: found in pasted pages (under a menu, above a dateline, in a one-line
page, quoted as 原标题), in Markdown, in saved HTML (og:title, <h1>, <title> without the site
name) and in feeds; written from the lead when the page has none; never a file name, an outlet,
a date or a navigation line. Pages are from the tune split of benchmarks/corpus (ids given), or
built from the issue's own examples."""

from __future__ import annotations

import json

import pytest

from briefing.config import EditorialSettings
from briefing.editorial.titles import item_title, title_origin
from briefing.sources import read_sources
from briefing.text.chinese import to_simplified
from briefing.text.clean import clean_article
from briefing.text.junk import line_kind
from briefing.text.normalize import normalize_text
from briefing.text.pages import split_document

from conftest import run_cli
from corpus_pages import read_tune_page, tune_page

CAP = EditorialSettings().title_max_chars
STORY = ("北京市科委今天发布《北京市概念验证平台建设方案》，提出到2027年建设50个概念验证平台，"
         "推动高校院所科技成果转化。方案明确，市级财政每年安排资金2亿元予以支持。")


def read(tmp_path, name: str, text: str):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    documents, skipped = read_sources([path])
    assert skipped == []
    return [clean_article(raw) for document in documents for raw in split_document(document)]


def simplified(text: str) -> str:
    return normalize_text(to_simplified(text))


@pytest.mark.parametrize("page_id", [
    "a-0032",  # under a breadcrumb (您当前的位置:首页 > 新闻中心 > 国内新闻), above its dateline
    "b-0036",  # under a stock site's 35-item menu, above 编辑 / 发布时间 / 来源 / 阅读数
    "b-0015",  # a category label (医疗医药业) between it and its dateline
    "a-0010",  # under an injected spam line, in traditional characters
    "b-0147",  # confirmed by the 原标题 that repeats it
])
def test_the_headline_of_a_pasted_page_is_found_among_its_furniture(page_id):
    page = tune_page(page_id)
    article = read_tune_page(page_id)
    assert article.title_from == "page"
    assert simplified(page["headline"]) in article.title


def test_a_column_tag_and_an_outlet_tag_leave_the_printed_title():
    article = read_tune_page("a-0008")  # 【科技日报】中国散裂中子源二期工程首栋建筑单体完工
    assert item_title(article, CAP) == "中国散裂中子源二期工程首栋建筑单体完工"


def test_a_one_line_page_is_read_and_its_headline_found():
    page = tune_page("b-0165")  # the whole page, dateline included, on one line
    assert "\n" not in page["raw"].strip()
    article = read_tune_page("b-0165")
    assert article.title.startswith("2087名学生感染")
    assert "2025-09-08" not in article.body and article.body.startswith("今天")


def test_a_one_line_page_whose_headline_runs_into_its_first_sentence_after_one_space():
    page = tune_page("c-0051")  # 屯門醫院…啟用 包括產房、急症室 新界西醫院聯網轄下的…將於本月15日啟用。…
    assert "\n" not in page["raw"].strip()
    article = read_tune_page("c-0051")
    assert article.title == "屯门医院手术室扩建部分本月15日启用 包括产房、急症室"
    assert article.body.startswith("新界西医院联网辖下的屯门医院")


def test_a_mirrors_spun_original_title_is_read_as_one():
    page = tune_page("c-0130")  # 原题目：… where the mirror spun 标题 into 题目
    assert "原题目" in page["raw"]
    article = read_tune_page("c-0130")
    assert article.title_from == "original_title" and article.title.startswith("上海往年严重工程投资不低于1350亿")


def test_the_original_title_a_page_opens_with_is_its_title():
    page = tune_page("c-0113")  # 原标题:远赴马来西亚…, then two deck lines (住别墅吃榨菜…)
    assert page["raw"].startswith("原标题")
    article = read_tune_page("c-0113")
    assert article.title == "远赴马来西亚万里出击，浙江警方破获特大电信诈骗案"
    assert article.title_from == "original_title"


@pytest.mark.parametrize("page_id, not_the_title", [
    ("a-0125", "门、骨干产业技术创新战略联盟"),  # the excerpt begins inside a sentence
    ("b-0098", "CN52-0013"),  # 国内统一刊号:CN52-0013 代号65-1 above the kicker and the headline
])
def test_a_fragment_or_a_publication_code_is_never_a_title(page_id, not_the_title):
    title = item_title(read_tune_page(page_id), CAP)
    assert not_the_title not in title
    assert len([c for c in title if "\u4e00" <= c <= "\u9fff"]) >= 4


def test_written_headlines_do_not_depend_on_the_hash_seed(tmp_path):
    """Sets of words iterate in an order that changes from one process to the next; nothing a
    briefing prints may depend on it."""
    import os
    import subprocess
    import sys

    from conftest import REPO

    script = ("import sys; sys.path[:0] = ['tests']; from corpus_pages import read_tune_page;"
              "from briefing.editorial.titles import written_title;"
              "print([written_title(read_tune_page(p), 30) for p in ('a-0005', 'b-0026', 'b-0030', 'a-0039')])")
    outputs = {subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, check=True,
                              env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2", "3")}
    assert len(outputs) == 1 and "苏州" in outputs.pop()


def test_both_title_models_weigh_every_feature():
    """A feature the models do not name would silently weigh nothing: retrain
    (tools/train_titles.py) whenever the features change."""
    from briefing.editorial.titles import TITLE_FEATURES, TITLE_MODEL
    from briefing.text.headlines import HEADLINE_FEATURES, HEADLINE_MODEL

    for model, features in ((HEADLINE_MODEL, HEADLINE_FEATURES), (TITLE_MODEL, TITLE_FEATURES)):
        assert sorted(json.loads(model.read_text(encoding="utf-8"))["weights"]) == sorted(features), model.name


def test_a_page_without_a_headline_gets_one_written_from_its_lead():
    page = tune_page("a-0005")
    assert not page["headline_in_text"]
    article = read_tune_page("a-0005")
    title = item_title(article, CAP)
    assert article.title == "" and title_origin(article) == "written"
    assert len(title) <= CAP and line_kind(title) is None
    assert title.startswith("苏州") and "创新联合体" in title  # what the story is about, from its lead
    assert title.count("“") == title.count("”")


@pytest.mark.parametrize("furniture", [
    "2021年03月22日", "第A2版:要闻", "人民网", "人民网>>四川频道>>综合栏目", "分享到", "正在阅读", "即时新闻",
    "字号：默认超大 | 打印 |", "美妇网 | 发型 | 着装 | 健康 |", "视觉中国/图", "（资料图片）", "×",
])
def test_furniture_above_a_story_is_never_its_title(tmp_path, furniture):
    """The issue's examples of what was printed as item titles, placed where pages put them."""
    (article,) = read(tmp_path, "collab-06.txt", f"{furniture}\n\n北京发布概念验证平台建设方案\n\n2025-03-22 09:46\n\n{STORY}\n")
    assert article.title == "北京发布概念验证平台建设方案"
    (bare,) = read(tmp_path, "bio-04.txt", f"{furniture}\n\n{STORY}\n")
    title = item_title(bare, CAP)
    assert title not in ("bio-04", furniture) and line_kind(title) is None
    assert "概念验证平台" in title


def test_the_original_title_is_used_when_the_page_shows_no_headline(tmp_path):
    (article,) = read(tmp_path, "page.txt", f"分享到\n\n（原标题：北京发布概念验证平台建设方案）\n\n{STORY}\n")
    assert article.title == "北京发布概念验证平台建设方案" and article.title_from == "original_title"


def test_markdown_headings_are_headlines(tmp_path):
    (article,) = read(tmp_path, "page.md", f"# 北京发布概念验证平台建设方案\n\n{STORY}\n")
    assert article.title == "北京发布概念验证平台建设方案" and article.title_from == "heading"


def page_html(og: str | None, h1: str | None, title: str | None) -> str:
    meta = f'<meta property="og:title" content="{og}">' if og else ""
    head = f"<h1>{h1}</h1>" if h1 else ""
    return (f"<html><head><meta charset='utf-8'><title>{title or ''}</title>{meta}</head><body>"
            f"<div class='nav'><a href='/'>首页</a> | <a href='/a'>要闻</a></div>{head}"
            f"<div class='article'><p>{STORY}</p><p>{STORY}</p></div></body></html>")


@pytest.mark.parametrize("og, h1, title, expected, origin", [
    ("北京发布概念验证平台建设方案", "北京发布概念验证平台建设方案", "北京发布概念验证平台建设方案_北京日报网",
     "北京发布概念验证平台建设方案", "og:title"),
    (None, "北京发布概念验证平台建设方案", "北京发布概念验证平台建设方案 - 千龙网",
     "北京发布概念验证平台建设方案", "h1"),
    (None, "北京日报", "北京发布概念验证平台建设方案_首页_北京日报网", "北京发布概念验证平台建设方案", "title"),
])
def test_a_saved_page_takes_og_title_h1_or_title_without_the_site_name(tmp_path, og, h1, title, expected, origin):
    path = tmp_path / "page.html"
    path.write_text(page_html(og, h1, title), encoding="utf-8")
    documents, skipped = read_sources([path])
    (raw,) = documents[0].articles
    assert raw.title == expected and raw.title_from == origin


def test_feed_entries_keep_their_titles(tmp_path):
    feed = tmp_path / "feed.xml"
    feed.write_text(
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>北京日报</title>'
        f"<item><title>北京发布概念验证平台建设方案</title><link>https://example.org/1</link>"
        f"<description>{STORY}</description></item></channel></rss>", encoding="utf-8")
    documents, _ = read_sources([feed])
    (raw,) = documents[0].articles
    assert raw.title == "北京发布概念验证平台建设方案" and raw.title_from == "feed"


def test_the_manifest_records_where_each_title_came_from(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "found.txt").write_text(tune_page("b-0036")["raw"], encoding="utf-8")
    (inbox / "none.txt").write_text(tune_page("a-0005")["raw"], encoding="utf-8")
    result = run_cli("build", str(inbox), "--date", "2026-11-26", "--formats", "docx", "--json", cwd=tmp_path)
    assert result.code == 0, result.stderr
    manifest = json.loads(result.stdout)
    origins = {record["source"].rsplit("/", 1)[-1]: record["title_from"] for record in manifest["articles"]}
    assert origins == {"found.txt": "page", "none.txt": "written"}
    titles = [item["title"] for section in manifest["sections"] for item in section["items"]]
    assert "复星医药关于控股子公司获药品临床试验申请受理的公告" in titles
    assert not any(t in ("found", "none") for t in titles)


@pytest.mark.parametrize("page_id, title", [
    # 从“资金回笼”到“能力反哺” 中国创新药出海激活产业升级正循环: the news is the longer half
    ("b-0001", "中国创新药出海激活产业升级正循环"),
    # 停四转三 优先接种高危人群 甲流高发!世卫组织调整…计划: the rest after the first space fits whole
    ("b-0029", "优先接种高危人群 甲流高发！世卫组织调整流感疫苗接种计划"),
])
def test_a_long_headline_in_halves_side_by_side_gives_its_longer_half(page_id, title):
    assert item_title(read_tune_page(page_id), CAP) == title


def test_a_feature_title_stated_in_its_wire_dateline_is_the_headline(tmp_path):
    # the development set's 上海光源 story, as 中新网 served it: a spam line of a trending list
    # above, then the dateline with the feature's title after 题:
    page = ("第1 iphone14欧美日韩版本男生高考英语分老师激动摸头拍背\n"
            "中新网上海5月6日电 题:中国大陆第一台第三代同步辐射装置上海光源迎用户开放15岁“生日”\n"
            "中新网记者 郑莹莹\n"
            "在上海浦东新区张江高科技园区，有一个外形酷似“鹦鹉螺”的建筑。6日，它迎来用户开放15岁“生日”。"
            "中国科学院上海高等研究院院长黄政仁表示，经过两期建设，上海光源目前共有34条光束线和46个实验站对用户开放。\n")
    [article] = read(tmp_path, "shanghai-light-source.txt", page)
    title = item_title(article, CAP)
    assert title.startswith("中国大陆第一台第三代同步辐射装置上海光源")
    assert "电" not in title and "题" not in title
    assert "iphone" not in article.body and "题:" not in article.body and "题：" not in article.body
    assert article.body.startswith("在上海浦东新区张江高科技园区")
