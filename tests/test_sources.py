"""Every reader on real files: saved pages, Word files, RSS and Atom feeds, JSON Lines, folders.

The fixture corpus lives in tests/fixtures/sources/ (UTF-8, readable); encodings and Word files
are made here from it, so what is checked is the text that comes out of the whole read -> split ->
clean chain.
"""

from __future__ import annotations

from pathlib import Path

import docx

from briefing.config import SourceSettings
from briefing.model import Article
from briefing.sources import READERS, read_sources
from briefing.text.clean import clean_article
from briefing.text.pages import split_document

FIXTURES = Path(__file__).parent / "fixtures" / "sources"


def articles_from(*sources, settings: SourceSettings | None = None, outlets=None) -> tuple[list[Article], list]:
    documents, skipped = read_sources([str(s) for s in sources], settings, outlets)
    return [clean_article(raw) for doc in documents for raw in split_document(doc)], skipped


def by_title(articles: list[Article]) -> dict[str, Article]:
    return {a.title: a for a in articles}


# --- .html -------------------------------------------------------------------------------------

def test_saved_news_page_gives_main_text_title_date_outlet_and_author():
    (article,), skipped = articles_from(FIXTURES / "bjd-huairou.html")
    assert skipped == []
    assert article.title == "怀柔科学城发布8项代表性重大成果"  # not "…_北京日报网"
    assert article.published == "2025-11-25"
    assert article.outlet == "北京日报"  # from 来源：北京日报 under the headline
    assert article.authors == ("曲经纬",)
    assert article.paragraphs[0].startswith("大国科技，硬核登场。昨日，国家重大科技基础设施")
    assert [b.text for b in article.blocks if b.kind == "subhead"] == ["开放共享服务区域发展"]
    body = article.body
    assert "每年将保持200亿元左右的投资强度" in body
    for junk in ("首页", "相关文章", "北京发布人才新政", "网友评论", "未来可期", "版权所有", "ICP", "客户端",
                 "分享", "责任编辑", "常鸣", "/摄", "彩金", "vip888cash", "统计代码", "字号", "本报讯"):
        assert junk not in body, junk
    assert body.endswith("推动科技设施高效利用。")


def test_page_in_big5_in_traditional_characters_becomes_simplified(tmp_path):
    page = (FIXTURES / "hk-innovation.html").read_text(encoding="utf-8").encode("big5")
    path = tmp_path / "hk.html"
    path.write_bytes(page)
    (article,), _ = articles_from(path)
    assert article.encoding == "big5"
    assert article.title == "香港科学园公布生物医药研发新计划"
    assert article.outlet == "香港财经时报"
    assert article.authors == ("陈家明",)
    assert article.published == "2025-11-24"
    assert article.paragraphs[0] == ("香港科技园公司昨日公布一项生物医药研发支援计划，未来三年将投入十亿港元，"
                                     "协助初创企业建立临床前研究平台，并加强与内地大湾区城市的合作。")
    assert "相关新闻" not in article.body and "相關新聞" not in article.body
    assert "港府推出" not in article.body


def test_traditional_page_stays_traditional_when_conversion_is_off(tmp_path):
    path = tmp_path / "hk.html"
    path.write_bytes((FIXTURES / "hk-innovation.html").read_bytes())
    (article,), _ = articles_from(path, settings=SourceSettings(to_simplified=False))
    assert article.title == "香港科學園公佈生物醫藥研發新計劃"


def test_page_declared_gb2312_that_uses_gbk_characters_is_read(tmp_path):
    html = ("<html><head><meta http-equiv='Content-Type' content='text/html; charset=gb2312'>"
            "<title>朱镕基题词的科技馆开放</title></head><body><form id='form1'><div class='content'>"
            "<h1>朱镕基题词的科技馆开放</h1>"
            "<p>市科技馆新馆今天正式向公众开放,馆名由朱镕基同志题写。新馆展陈面积达两万平方米,设有人工智能、航空航天等八个主题展区。</p>"
            "<p>开馆首日,共接待参观者一万二千余人次,其中青少年约占六成。科技馆负责人表示,将常态化开展科普讲座和实验课程。</p>"
            "</div></form></body></html>")
    path = tmp_path / "notice.htm"
    path.write_bytes(html.encode("gbk"))  # 镕 is in GBK, not in GB2312
    (article,), skipped = articles_from(path)
    assert skipped == []
    assert article.encoding == "gb18030"  # read as the superset the writer really used
    assert article.title == "朱镕基题词的科技馆开放"
    assert "馆名由朱镕基同志题写。" in article.body
    assert "将常态化开展科普讲座和实验课程。" in article.body  # the <form> wrapper keeps its text


# --- .docx -------------------------------------------------------------------------------------

def make_docx(path: Path, paragraphs: list[tuple[str | None, str]], title: str | None = None) -> Path:
    document = docx.Document()
    if title is not None:
        document.core_properties.title = title
    for style, text in paragraphs:
        document.add_paragraph(text, style=style)
    document.save(str(path))
    return path


def test_word_press_release_gives_title_subtitle_subheads_and_paragraphs(tmp_path):
    path = make_docx(tmp_path / "release.docx", [
        ("Title", "北京市发布首都工匠培育若干措施"),
        ("Subtitle", "到2035年培养300名北京大工匠"),
        (None, "本报讯（记者 关一文）北京市日前发布《培育北京大工匠人才若干措施》,从思想引领、培育赋能、阵地打造、激励保障四个方面推出8项具体措施。"),
        ("Heading 2", "构建工匠人才成长梯队"),
        (None, "措施明确,实施工匠人才培养工程,以两年为周期,遴选培育50名左右北京大工匠。到2035年,"),
        (None, "实现培养造就30名大国工匠、300名北京大工匠的目标。"),
        (None, "（责任编辑：王五）"),
    ])
    (article,), skipped = articles_from(path)
    assert skipped == []
    assert article.title == "北京市发布首都工匠培育若干措施"
    assert article.subtitle == "到2035年培养300名北京大工匠"
    assert article.authors == ("关一文",)
    assert [(b.kind, b.text[:10]) for b in article.blocks] == [
        ("para", "北京市日前发布《培育"), ("subhead", "构建工匠人才成长梯队"), ("para", "措施明确，实施工匠人")]
    assert article.paragraphs[1].endswith("到2035年，实现培养造就30名大国工匠、300名北京大工匠的目标。")
    assert "责任编辑" not in article.body


def test_word_file_with_several_releases_gives_several_articles(tmp_path):
    path = make_docx(tmp_path / "two.docx", [
        ("Heading 1", "第一条：科技设施开放共享"),
        (None, "怀柔科学城17个科技设施面向全球开放,服务1000多家创新主体。"),
        ("Heading 1", "第二条：卫生健康服务提升"),
        (None, "本市30家社区卫生服务中心开设夜间门诊。"),
    ])
    articles, _ = articles_from(path)
    assert [a.title for a in articles] == ["第一条：科技设施开放共享", "第二条：卫生健康服务提升"]
    assert articles[1].paragraphs == ("本市30家社区卫生服务中心开设夜间门诊。",)


def test_word_file_without_heading_styles_takes_its_first_short_line_as_title(tmp_path):
    path = make_docx(tmp_path / "plain.docx", [
        (None, "关于开展2025年度职称评审工作的通知"),
        (None, "各有关单位：现将2025年度职称评审工作有关事项通知如下。"),
        (None, "一、评审范围"),
        (None, "本市各类企事业单位专业技术人员均可申报。"),
    ])
    (article,), _ = articles_from(path)
    assert article.title == "关于开展2025年度职称评审工作的通知"
    assert [b.kind for b in article.blocks] == ["para", "subhead", "para"]
    assert article.blocks[1].text == "一、评审范围"


# --- feeds -------------------------------------------------------------------------------------

def test_rss_feed_entries_become_articles_with_full_text_and_metadata():
    articles, skipped = articles_from(FIXTURES / "rss-kjrb.xml")
    titles = by_title(articles)
    assert set(titles) == {"国家药监局批准一款国产创新药上市", "首批“智慧医院”试点单位名单公布"}
    drug = titles["国家药监局批准一款国产创新药上市"]
    assert drug.source == "https://www.stdaily.example/2025/1125/drug.html"
    assert drug.url == drug.source
    assert drug.outlet == "科技日报"
    assert drug.authors == ("李明",)
    assert drug.published == "2025-11-25"
    # content:encoded is longer than the description, so the full text is used
    assert drug.paragraphs == (
        "国家药品监督管理局日前批准一款由北京企业自主研发的1类创新药上市，用于治疗复发或难治性淋巴瘤。",
        "该药物临床试验覆盖全国40余家医院，客观缓解率达到68%。企业负责人表示，公司将加快推进海外临床开发，力争早日惠及全球患者。",
    )
    hospital = titles["首批“智慧医院”试点单位名单公布"]
    assert len(hospital.paragraphs) == 2, "a <br/> in the summary parts two paragraphs"
    assert [(s.source, s.reason) for s in skipped] == [
        ("https://www.stdaily.example/2025/1125/untitled.html", "feed entry without a title")]


def test_atom_feed_entries_keep_subheads_authors_and_local_dates():
    articles, skipped = articles_from(FIXTURES / "atom-health.atom")
    assert skipped == []
    city, night = articles
    assert city.title == "北京启动健康城市建设三年行动"
    assert city.outlet == "健康时报"
    assert city.authors == ("王芳",)
    assert city.published == "2025-11-25"  # 06:30 in Beijing, not the day before in UTC
    assert city.blocks[0].kind == "subhead" and city.blocks[0].text == "十项重点任务"
    assert night.published == "2025-11-24"
    assert night.paragraphs == ("本市30家社区卫生服务中心开设夜间门诊，方便上班族就医。",)


def test_feed_declared_gb2312_with_gbk_characters_is_decoded(tmp_path):
    feed = ('<?xml version="1.0" encoding="gb2312"?><rss version="2.0"><channel><title>北京晚报</title>'
            "<item><title>朱镕基科技馆开放</title><description>市科技馆新馆今天开放,馆名由朱镕基同志题写。</description>"
            "</item></channel></rss>")
    path = tmp_path / "wb.rss"
    path.write_bytes(feed.encode("gbk"))
    (article,), skipped = articles_from(path)
    assert skipped == []
    assert article.title == "朱镕基科技馆开放"
    assert article.paragraphs == ("市科技馆新馆今天开放，馆名由朱镕基同志题写。",)
    assert article.encoding == "gb18030"  # read as the superset the writer really used


def test_feed_file_without_a_feed_suffix_is_recognised_when_named(tmp_path):
    path = tmp_path / "feed"
    path.write_bytes((FIXTURES / "rss-kjrb.xml").read_bytes())
    articles, _ = articles_from(path)
    assert len(articles) == 2


# --- .jsonl ------------------------------------------------------------------------------------

def test_jsonl_lines_become_articles_and_bad_lines_are_skipped_with_their_number():
    articles, skipped = articles_from(FIXTURES / "articles.jsonl")
    talent, forum = articles
    assert talent.title == "北京发布人才新政"
    assert talent.source == "https://news.example/talent.html"
    assert talent.outlet == "北京日报" and talent.authors == ("张三",) and talent.published == "2025-11-25"
    assert talent.paragraphs == ("北京市今天发布青年科技人才支持措施，提出建设一批青年人才公寓。",
                                 "措施还明确，对承担国家重大科研任务的青年人才给予项目经费支持。")
    assert forum.published == "2025-11-24"  # from 2025年11月24日
    assert forum.paragraphs == ("国际标准化论坛昨日在京举行，来自30个国家的代表参会。", "论坛发布了智能制造领域的三项国际标准提案。")
    reasons = {s.source.rsplit(":", 1)[1]: s.reason for s in skipped}
    assert set(reasons) == {"4", "5", "6", "7"}
    assert reasons["4"] == 'no "text"'
    assert reasons["5"].startswith("not valid JSON")
    assert reasons["6"].startswith("not a JSON object")
    assert reasons["7"] == '"text" must be text, not dict'


# --- folders, registry, outlets ----------------------------------------------------------------

def test_every_common_kind_has_a_reader():
    assert {".txt", ".md", ".html", ".htm", ".docx", ".xml", ".rss", ".atom", ".jsonl"} <= set(READERS)


def test_folder_is_read_recursively_hidden_and_unsupported_files_reported(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "story.md").write_text("# 标题一\n\n正文第一段。", encoding="utf-8")
    (tmp_path / "a" / "story.txt").write_text("# 标题二\n\n正文第二段。", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config.txt").write_text("# 不读\n\n不读。", encoding="utf-8")
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (tmp_path / "scan.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "notes").write_text("没有后缀的文件", encoding="utf-8")
    documents, skipped = read_sources([tmp_path, tmp_path / "a" / "story.txt"])  # story.txt named twice
    assert sorted(Path(d.source).name for d in documents) == ["story.md", "story.txt"]
    reasons = {Path(s.source).name: s.reason for s in skipped}
    assert reasons == {".git": "hidden folder, not read", ".DS_Store": "hidden file, not read",
                       "scan.pdf": "unsupported kind of file '.pdf'", "notes": "unsupported kind of file '(no suffix)'"}


def test_outlet_of_a_source_folder_names_articles_that_only_say_benbao(tmp_path):
    folder = tmp_path / "inbox" / "bjrb"
    folder.mkdir(parents=True)
    (folder / "a.txt").write_text("# 北京发布人才新政\n\n本报讯（记者 王小明）北京今天发布人才新政。\n", encoding="utf-8")
    (folder / "b.txt").write_text("# 外电\n\n新华社北京11月25日电（记者 张三）国家卫健委今天发布新规。\n", encoding="utf-8")
    articles, _ = articles_from(folder, outlets={str(tmp_path / "inbox" / "bjrb"): "北京日报",
                                                 str(tmp_path / "inbox"): "收件箱"})
    named = {a.title: a.outlet for a in articles}
    assert named == {"北京发布人才新政": "北京日报", "外电": "新华社"}  # the dateline names the wire
