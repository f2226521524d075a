"""Reading, splitting and cleaning text, on the real sample and on small real-world cases."""

from __future__ import annotations

from pathlib import Path

from briefing.model import Block, RawArticle
from briefing.sources import read_sources
from briefing.text.clean import clean_article
from briefing.text.normalize import normalize_text
from briefing.text.pages import split_document
from briefing.text.repair import drop_repeats, join_broken
from briefing.text.sentences import split_sentences

from conftest import SAMPLE


def sample_articles():
    documents, skipped = read_sources([SAMPLE])
    assert skipped == []
    return [clean_article(raw) for raw in split_document(documents[0])]


def test_sample_splits_into_six_articles_with_real_titles_and_kickers():
    articles = sample_articles()
    assert [a.title for a in articles] == [
        "京津冀协同创新联合体呼之欲出",
        "怀柔科学城发布8项代表性重大成果",  # the space between 布 and 8 is dropped
        "“十四五”北京牵头制定国际标准超500项",
        "北京药企全球化步伐加速",
        "首都产业一线科技人才规模达225万人",
        "北京居城市健康指数榜首",
    ]
    assert articles[0].kicker == "聚生态向未来协同创新引领未来"
    assert articles[1].kicker == "为京津冀科研创新搭台"
    assert articles[2].subtitle == "包括干细胞数据、工业5G等领域全球首个国际标准"
    assert articles[3].kicker == "国产药对外授权交易创纪录"
    subheads = [b.text for b in articles[4].blocks if b.kind == "subhead"]
    assert subheads == ["一线科技人才占就业人口20%", "探索技术技能人才“一评双证”新模式", "构建首都工匠人才成长梯队"]


def test_sample_repeats_captions_and_bylines_are_removed():
    articles = sample_articles()
    facilities = articles[1]
    body = facilities.body
    assert body.count("能为科学家观测微观世界") == 1, "the mid-sentence repeat must go"
    assert body.count("地球系统数值模拟装置") == 1
    standards = articles[2].body
    assert standards.count("317个路口日均优化3.5万次") == 1, "the paragraph printed three times must appear once"
    collaboration = articles[0]
    assert "常鸣/摄" not in collaboration.body
    assert "本报记者" not in collaboration.body
    assert collaboration.authors == ("张群琛",)
    assert facilities.authors == ("曲经纬",)
    assert not facilities.paragraphs[0].startswith("本报讯")


def test_paragraphs_cut_in_half_are_joined():
    articles = sample_articles()
    health = articles[5].body
    assert "空间智能一体化影像系统发布。" in health
    talent = articles[4].body
    assert "“产业一线与人工智能的融合是人才培养的关键方向。" in talent
    assert "首都劳动奖章等，并积极推荐" in talent


def test_half_width_punctuation_becomes_full_width_but_numbers_stay():
    assert normalize_text("今天,2026中关村论坛:聚焦(京津冀)创新;好吗?") == "今天，2026中关村论坛：聚焦（京津冀）创新；好吗？"
    assert normalize_text("区域经济总量5.95万亿元,增长5.4%,超1,000家") == "区域经济总量5.95万亿元，增长5.4%，超1,000家"
    assert normalize_text("会议10:30开始,详见https://example.org/a") == "会议10:30开始，详见https://example.org/a"
    assert normalize_text("AI(人工智能)与Hello, world") == "AI（人工智能）与Hello, world"
    assert normalize_text("他说\"你好\"。") == "他说“你好”。"
    assert normalize_text("２０２６年ＡＩ") == "2026年AI"
    # between two codes in a Chinese sentence (junk probe-231: 上午9:00,G60科创走廊云廊大厦), not in English
    assert normalize_text("上午9:00,G60科创走廊") == "上午9:00，G60科创走廊"
    assert normalize_text("新冠COVID-19,SARS等病毒") == "新冠COVID-19，SARS等病毒"
    assert normalize_text("型号A,B") == "型号A,B"


def test_sentences_keep_closing_quotes_and_do_not_split_on_decimals_or_ellipsis():
    text = "他说：“我们到了。”随后离开。增长5.95万亿元……仍在继续！对吗？"
    assert split_sentences(text) == ["他说：“我们到了。”", "随后离开。", "增长5.95万亿元……仍在继续！", "对吗？"]


def test_repeat_filter_and_joiner():
    paragraphs = ["第一段说了一件很重要的事情。第二句也很重要而且很长。", "第二句也很重要而且很长。新的一句话在这里出现。",
                  "句也很重要而且很长。", "第一段说了一件很重要的事情。第二句也很重要而且很长。"]
    assert drop_repeats(paragraphs) == ["第一段说了一件很重要的事情。第二句也很重要而且很长。", "新的一句话在这里出现。"]
    assert join_broken(["论坛上，空间智能一体化影像系统发", "布。该成果直击痛点。"]) == ["论坛上，空间智能一体化影像系统发布。该成果直击痛点。"]


def test_text_without_headings_is_one_article_titled_by_its_first_line(tmp_path: Path):
    path = tmp_path / "news.txt"
    path.write_text("北京发布人才新政\n\n本报讯（记者 王小明）北京今天发布人才新政，吸引青年科技人才。\n", encoding="utf-8")
    documents, _ = read_sources([path])
    (raw,) = split_document(documents[0])
    article = clean_article(raw)
    assert article.title == "北京发布人才新政"
    assert article.paragraphs == ("北京今天发布人才新政，吸引青年科技人才。",)
    assert article.authors == ("王小明",)


def test_gb18030_and_utf16_files_are_decoded(tmp_path: Path):
    text = "# 标准化工作取得新进展\n\n本市制定发布地方标准1299项。"
    (tmp_path / "gbk.txt").write_bytes(text.encode("gb18030"))
    (tmp_path / "utf16.txt").write_bytes(text.encode("utf-16"))
    documents, skipped = read_sources([tmp_path])
    assert skipped == []
    assert {d.encoding for d in documents} == {"gb18030", "utf-16"}
    assert all("地方标准1299项" in d.text for d in documents)


def test_bad_sources_are_skipped_with_a_reason(tmp_path: Path):
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff")
    (tmp_path / ".hidden.txt").write_text("# 隐藏\n\n不应读取。", encoding="utf-8")
    documents, skipped = read_sources([tmp_path, tmp_path / "missing.txt"])
    assert documents == []
    reasons = {Path(s.source).name: s.reason for s in skipped}
    assert set(reasons) == {"empty.txt", "binary.txt", "photo.jpg", "missing.txt", ".hidden.txt"}
    assert "empty" in reasons["empty.txt"]
    assert "hidden" in reasons[".hidden.txt"]
    assert "binary" in reasons["binary.txt"] or "not readable" in reasons["binary.txt"]
    assert "unsupported" in reasons["photo.jpg"]
    assert "not found" in reasons["missing.txt"]


def test_clean_article_drops_editor_credit_lines():
    raw = RawArticle("x.txt", "标题", None, None, (
        Block("para", "新华社北京11月25日电（记者 张三 李四）国家卫健委今天发布公共卫生新规。"),
        Block("para", "（责任编辑：王五）"),
    ), "utf-8")
    article = clean_article(raw)
    assert article.paragraphs == ("国家卫健委今天发布公共卫生新规。",)
    assert article.authors == ("张三", "李四")
    assert article.outlet == "新华社"
