"""Sections and summaries on real raw pages (tune split of benchmarks/corpus, ids given): a story
that fits two sections is placed in the better one with the runner-up named, never dropped; an
off-topic page that shares the sections' vocabulary is left out; a one-line page and a 5 MB
one-line article are summarized; the operator's keywords still steer; --explain shows why."""

from __future__ import annotations

import json
from datetime import date

from briefing.config import EditorialSettings, load_config
from briefing.editorial.classify import classify, classify_one
from briefing.editorial.compose import compose
from briefing.editorial.summarize import Budget, summarize
from briefing.editorial.titles import item_titles
from briefing.model import Block, Distribution, IssueNumber, Masthead, RawArticle, SectionSpec
from briefing.text.clean import clean_article
from briefing.text.sentences import split_sentences

from conftest import REPO, run_cli
from corpus_pages import read_tune_page, tune_page

SETTINGS = EditorialSettings()
SECTIONS = load_config(None, cwd=REPO).sections
BUDGET = Budget(SETTINGS.summary_min_chars, SETTINGS.summary_max_chars)


def test_a_story_of_two_sections_is_placed_in_the_better_one_and_names_the_runner_up():
    page = tune_page("b-0015")  # 京张医疗合作再深化: hospitals (health) across a region (collaboration)
    assert page["sections"] == ["health", "collaboration"]
    article = read_tune_page("b-0015")
    result = classify_one(article, SECTIONS, SETTINGS.min_score, SETTINGS.min_margin)
    assert result.section == "health" and result.runner_up == "collaboration", result.reason
    issue = compose(
        briefing="科技创新动态", edition="daily",
        masthead=Masthead("科技创新动态", "××办公室", date(2026, 11, 26), IssueNumber(2026, 1, None, False)),
        sections=SECTIONS, articles=[article], classifications={article.id: result},
        summaries={article.id: summarize(article, BUDGET)}, titles=item_titles([article], SETTINGS), merged={},
        all_articles=[article], distribution=Distribution(), skipped=[], settings=SETTINGS, contents=True,
    )
    (record,) = issue.articles
    assert record.status == "used" and record.section == "health" and record.runner_up == "collaboration"
    assert [s.id for s in issue.sections] == ["health"] and issue.sections[0].items[0].article_id == article.id


def test_every_two_section_page_of_the_tune_split_is_placed_in_one_of_its_sections():
    from corpus import load_pages, main_article

    pages = [p for p in load_pages(split="tune") if len(p["sections"]) == 2]
    assert len(pages) >= 10
    for page in pages:
        result = classify_one(main_article(page), SECTIONS, SETTINGS.min_score, SETTINGS.min_margin)
        assert result.section in page["sections"], (page["id"], result.reason)
        assert result.runner_up is not None


def test_hard_negatives_sharing_the_sections_vocabulary_are_off_topic():
    for page_id in ("a-0056", "a-0061"):  # a rocket launch; industrial output figures
        page = tune_page(page_id)
        assert page["sections"] == [] and page["hard_negative"]
        result = classify_one(read_tune_page(page_id), SECTIONS, SETTINGS.min_score, SETTINGS.min_margin)
        assert result.section is None, result.reason
        assert result.best_section is not None and "below the threshold 4" in result.reason


def test_a_one_line_page_is_read_classified_and_summarized():
    page = tune_page("a-0039")
    assert page["shape"] == "one-line" and "\n" not in page["raw"].strip()
    article = read_tune_page("a-0039")
    assert classify_one(article, SECTIONS, SETTINGS.min_score).section in page["sections"]
    summary = summarize(article, BUDGET)
    assert summary and summary.endswith("。") and len(summary) <= BUDGET.max_chars
    assert "12家" in summary


def test_a_huge_one_line_article_is_summarized():
    """Issue 15: a 5 MB single line of sentences once kept the summarizer busy for minutes."""
    sentences = ["区域科技创新中心建设持续推进，第{}批重大科技基础设施项目落地，带动投资{}亿元。".format(i, i % 97)
                 for i in range(60000)]
    line = "".join(sentences)
    assert len(line.encode("utf-8")) > 5 * 2**20
    article = clean_article(RawArticle("huge.txt", "", None, None, (Block("para", line),), "utf-8"))
    (result,) = classify([article], SECTIONS, SETTINGS)
    summary = summarize(article, BUDGET)
    assert BUDGET.min_chars <= len(summary) <= BUDGET.max_chars
    assert all(s in sentences for s in split_sentences(summary))
    assert result.best_section is not None
    assert item_titles([article], SETTINGS)[article.id].startswith("区域科技创新中心")


def test_operator_keywords_steer_a_real_page_into_a_section():
    article = read_tune_page("a-0061")  # industrial output: off-topic with the built-in settings
    steered = [SectionSpec(s.id, s.title, {**s.keywords, "工业增加值": 3.0, "规模以上工业": 3.0})
               if s.id == "collaboration" else s for s in SECTIONS]
    result = classify_one(article, steered, SETTINGS.min_score, SETTINGS.min_margin)
    assert result.section == "collaboration", result.reason
    assert "规模以上工业" in result.terms


def test_explain_prints_the_deciding_terms_and_the_runner_up(tmp_path):
    page = tmp_path / "jingzhang.txt"
    page.write_text(tune_page("b-0015")["raw"], encoding="utf-8")
    result = run_cli("build", str(page), "--date", "2026-11-26", "--formats", "docx", "--explain", "--json", cwd=tmp_path)
    assert result.code == 0, result.stderr
    (record,) = json.loads(result.stdout)["articles"]
    assert record["section"] == "health" and record["runner_up"] == "collaboration"
    assert record["terms"] and any(term in result.stderr for term in record["terms"][:5])
    assert "collaboration" in result.stderr


def test_a_date_that_opens_the_lead_sentence_stays_in_it_and_the_lead_is_summarized():
    """A page's date line is cut from the front of its first sentence, but a date the sentence
    itself opens with (2021年12月24日，…) is part of it: cutting it left a sentence that began
    with a comma, and a summary without its lead."""
    article = read_tune_page("a-0126")  # 2021年12月24日，产业技术创新战略联盟协同发展网…第六次理事会…
    summary = summarize(article, BUDGET)
    assert summary.startswith("2021年12月24日，产业技术创新战略联盟协同发展网")
    for page_id in ("a-0126", "c-0132", "a-0090", "b-0015"):
        for sentence in split_sentences(summarize(read_tune_page(page_id), BUDGET)):
            assert sentence[0] not in "，。、；：？！", (page_id, sentence)
