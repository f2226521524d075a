"""`briefing publish`: an editor's edited draft becomes the final issue. The drafts are edited
here as an editor would in Word: paragraphs retyped, cut, pasted elsewhere, added, tracked
changes left in; then the real CLI publishes and the final PDF, DOCX, manifest and ledger are
read back."""

from __future__ import annotations

import copy
import json
import os
import re
import shutil
import sqlite3
import subprocess

import pytest
from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from documents_geometry import poppler

NEW_TEXT = "北京生物医药企业今年以来对外授权交易金额再创新高，多款创新药进入国际多中心临床试验阶段。"
ADDED_PARAGRAPH = "编辑补充：相关指数将每年更新一次，并向社会公开发布评价结果。"
FACILITIES_TITLE = "怀柔科学城发布8项代表性重大成果"
TALENT_TITLE = "首都产业一线科技人才规模达225万人"
BIOMEDICINE_TITLE = "北京药企全球化步伐加速"
HEALTH_TITLE = "北京居城市健康指数榜首"


@pytest.fixture
def built(cli, tmp_path):
    """A freshly built sample issue: (its folder, its manifest, a copy of its draft to edit)."""
    result = cli("build", "--date", "2026-11-26", "--formats", "docx", "--json")
    assert result.code == 0, result.stderr
    manifest = json.loads(result.stdout)
    folder = tmp_path / "out" / "2026-11-26-daily-1"
    draft = tmp_path / "edited.docx"
    shutil.copyfile(folder / manifest["outputs"]["docx"], draft)
    return folder, manifest, draft


# --- editing a draft as an editor would -----------------------------------------------------

def paragraph(doc, text, style=None):
    found = [p for p in doc.paragraphs if squash(p.text) == squash(text) and (style is None or p.style.name == style)]
    assert found, f"no paragraph {text!r}"
    return found[-1]


def item_block(doc, title):
    """The item title paragraph and the text and source paragraphs under it."""
    start = paragraph(doc, title, "简报-条目标题")._p
    block = [start]
    for sibling in start.itersiblings():
        style = sibling.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        name = doc.styles.get_by_id(style.get(qn("w:val")), 1).name if style is not None else "Normal"
        if name not in ("简报-正文", "简报-来源") or not "".join(sibling.itertext()).strip():
            break
        block.append(sibling)
    return block


def delete(elements):
    for element in elements:
        element.getparent().remove(element)


def move_before(elements, anchor):
    for element in elements:
        anchor.addprevious(element)


def as_paragraph(doc, element):
    from docx.text.paragraph import Paragraph

    return Paragraph(element, doc._body)


def retype(p, text):
    p.text = text  # python-docx keeps the paragraph and its style, like retyping in Word


def add_paragraph_after(p, text, style="简报-正文"):
    new = copy.deepcopy(p._p)
    for child in list(new):
        if child.tag != qn("w:pPr"):
            new.remove(child)
    p._p.addnext(new)
    from docx.text.paragraph import Paragraph

    added = Paragraph(new, p._parent)
    added.add_run(text)
    added.style = style
    return added


def squash(text):
    return re.sub(r"\s+", "", text)


def in_order(text, parts):
    """Each part found after the one before it (titles also appear earlier, in 本期要目)."""
    position = 0
    for part in parts:
        found = text.find(squash(part), position)
        assert found >= 0, f"{part!r} not found after position {position}"
        position = found + len(squash(part))
    return True


def snapshot(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def ledger_status(tmp_path):
    with sqlite3.connect(tmp_path / ".briefing" / "ledger.sqlite3") as db:
        return db.execute("SELECT status FROM issues").fetchall()


def pdf_text(pdf):
    return squash(poppler("pdftotext", str(pdf), "-"))


# --- the round trip -------------------------------------------------------------------------

def test_publish_takes_the_editors_version_as_the_truth(built, cli, tmp_path):
    folder, manifest, draft = built
    doc = Document(str(draft))
    old_text = item_block(doc, BIOMEDICINE_TITLE)[1]
    old_summary = as_paragraph(doc, old_text).text
    # 1. a summary rewritten
    retype(paragraph(doc, old_summary, "简报-正文"), NEW_TEXT)
    # 2. an item deleted, with its now empty section
    delete(item_block(doc, TALENT_TITLE) + [paragraph(doc, "五、人才发展", "简报-一级标题")._p])
    # 3. an item moved to the top of another section, its old heading deleted
    move_before(item_block(doc, FACILITIES_TITLE), paragraph(doc, HEALTH_TITLE, "简报-条目标题")._p)
    delete([paragraph(doc, "二、科技设施", "简报-一级标题")._p])
    # 4. a paragraph added to an item
    add_paragraph_after(as_paragraph(doc, item_block(doc, HEALTH_TITLE)[1]), ADDED_PARAGRAPH)
    doc.save(str(draft))

    result = cli("publish", "edited.docx")
    assert result.code == 0, result.stderr
    assert "published 科技创新动态 第1期" in result.stdout

    published = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    pdf = folder / published["outputs"]["pdf"]
    text = pdf_text(pdf)
    assert squash(NEW_TEXT) in text and squash(old_summary)[:30] not in text
    assert squash(TALENT_TITLE) not in text and "、人才发展" not in text
    assert "、科技设施" not in text and "本期暂无" not in text
    order = ["一、协同创新", "二、标准化", "三、生物医药", squash(NEW_TEXT), "四、卫生健康", FACILITIES_TITLE,
             HEALTH_TITLE, ADDED_PARAGRAPH, "报：市委办公厅"]
    assert in_order(text, order)
    contents = text[text.find("本期要目"):text.find("一、协同创新")]
    assert squash(TALENT_TITLE) not in contents and contents.find(FACILITIES_TITLE) < contents.find(HEALTH_TITLE)

    # the manifest: the contract keys, the final sections, and exactly the edits made
    assert {"briefing", "edition", "date", "issue", "outputs", "sections", "articles", "skipped",
            "timings_ms"} <= set(published)
    assert published["published"] is True
    assert [s["id"] for s in published["sections"]] == ["collaboration", "standards", "biomedicine", "health"]
    health = published["sections"][-1]["items"]
    assert [squash(i["title"]) for i in health] == [FACILITIES_TITLE, HEALTH_TITLE]
    assert health[1]["summary"].endswith("\n" + ADDED_PARAGRAPH)
    changes = published["publication"]["changes"]
    assert sorted(c["change"] for c in changes) == ["deleted", "moved", "section_removed", "section_removed",
                                                   "text", "text"]
    by_kind = {}
    for change in changes:
        by_kind.setdefault(change["change"], []).append(change)
    assert [(c["section"], squash(c["title"])) for c in by_kind["deleted"]] == [("talent", TALENT_TITLE)]
    assert [(c["from"], c["to"]) for c in by_kind["moved"]] == [("facilities", "health")]
    assert sorted(squash(c["title"]) for c in by_kind["text"]) == sorted([BIOMEDICINE_TITLE, HEALTH_TITLE])
    assert sorted(c["section"] for c in by_kind["section_removed"]) == ["facilities", "talent"]
    by_id = {a["id"]: a for a in published["articles"]}
    talent_article = next(i["article"] for s in manifest["sections"] if s["id"] == "talent" for i in s["items"])
    facilities_article = next(i["article"] for s in manifest["sections"] if s["id"] == "facilities" for i in s["items"])
    assert by_id[talent_article]["status"] == "dropped" and "editor" in by_id[talent_article]["reason"]
    assert by_id[facilities_article]["section"] == "health" and health[0]["article"] == facilities_article

    # the clean final DOCX says the same, the added paragraph as a paragraph of its own
    final = Document(str(folder / published["outputs"]["docx"]))
    bodies = [p.text for p in final.paragraphs if p.style.name == "简报-正文"]
    assert ADDED_PARAGRAPH in bodies and NEW_TEXT in bodies
    assert (folder / published["publication"]["edited_copy"]).read_bytes() == draft.read_bytes()
    assert ledger_status(tmp_path) == [("published",)]


def test_publishing_the_final_docx_again_changes_nothing(built, cli, tmp_path):
    folder, manifest, draft = built
    first = cli("publish", "edited.docx", "--json")
    assert first.code == 0, first.stderr
    assert json.loads(first.stdout)["publication"]["changes"] == []
    again = tmp_path / "again.docx"
    shutil.copyfile(folder / manifest["outputs"]["docx"], again)
    second = cli("publish", "again.docx", "--json")
    assert second.code == 0, second.stderr
    published = json.loads(second.stdout)
    assert published["publication"]["changes"] == []
    assert published["sections"] == json.loads(first.stdout)["sections"]


def test_tracked_changes_are_read_as_accepted(built, cli):
    folder, manifest, draft = built
    doc = Document(str(draft))
    title = paragraph(doc, HEALTH_TITLE, "简报-条目标题")
    run = title.runs[0]._r
    deleted = OxmlElement("w:del")
    deleted.set(qn("w:id"), "901"), deleted.set(qn("w:author"), "编辑")
    removed = copy.deepcopy(run)
    removed.find(qn("w:t")).tag = qn("w:delText")
    deleted.append(removed)
    inserted = OxmlElement("w:ins")
    inserted.set(qn("w:id"), "902"), inserted.set(qn("w:author"), "编辑")
    new_run = copy.deepcopy(run)
    new_run.find(qn("w:t")).text = "北京城市健康指数居全国大城市首位"
    inserted.append(new_run)
    run.addprevious(deleted), run.addprevious(inserted)
    run.getparent().remove(run)
    doc.save(str(draft))

    result = cli("publish", "edited.docx", "--json")
    assert result.code == 0, result.stderr
    published = json.loads(result.stdout)
    assert published["sections"][-1]["items"][0]["title"] == "北京城市健康指数居全国大城市首位"
    assert [(c["change"], c["from"]) for c in published["publication"]["changes"]] == [("title", HEALTH_TITLE)]


def test_a_draft_saved_by_libreoffice_publishes(built, cli, tmp_path):
    folder, manifest, draft = built
    soffice = shutil.which("soffice")
    if soffice is None:
        if os.environ.get("CI"):
            pytest.fail("soffice is not installed; .ci/run installs libreoffice-writer-nogui")
        pytest.skip("LibreOffice (soffice) is not installed")
    saved = tmp_path / "saved"
    done = subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                           "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(saved), str(draft)],
                          capture_output=True, text=True, timeout=240, env={**os.environ, "HOME": str(tmp_path)})
    assert done.returncode == 0, done.stderr
    result = cli("publish", "saved/edited.docx", "--json")
    assert result.code == 0, result.stderr
    published = json.loads(result.stdout)
    assert published["publication"]["changes"] == []
    assert [i["article"] for s in published["sections"] for i in s["items"]] == \
           [i["article"] for s in manifest["sections"] for i in s["items"]]


# --- drafts that cannot be published ------------------------------------------------------

def heading_deleted(doc):
    delete([paragraph(doc, "二、科技设施", "简报-一级标题")._p])


def first_heading_deleted(doc):
    delete([paragraph(doc, "一、协同创新", "简报-一级标题")._p])


def text_before_first_item(doc):
    add_paragraph_after(paragraph(doc, "三、标准化", "简报-一级标题"), "本节导语：标准化工作稳步推进。")


def text_removed_from_item(doc):
    delete(item_block(doc, HEALTH_TITLE)[1:2])


def unknown_section(doc):
    heading = paragraph(doc, "四、生物医药", "简报-一级标题")
    for bookmark in list(heading._p.iter(qn("w:bookmarkStart"))):
        bookmark.getparent().remove(bookmark)
    retype(heading, "四、其他动态")


def text_after_distribution(doc):
    add_paragraph_after(doc.paragraphs[-1], "此页无正文。")


BROKEN = {
    heading_deleted: r"paragraph \d+: the section heading “科技设施” is missing, but its items \(“怀柔科学城.*”\) "
                     r"are still there, now under “协同创新”; put the heading back",
    first_heading_deleted: r"paragraph \d+ \(“京津冀协同创新联合体呼之欲出”\): an item title before the first section heading",
    text_before_first_item: r"paragraph \d+ \(“本节导语：标准化工作稳步推进。”\): body text under 标准化 before its first item title",
    text_removed_from_item: r"paragraph \d+ \(“北京居城市健康指数榜首”\): the item under 卫生健康 has a title but no text",
    unknown_section: r"paragraph \d+ \(“四、其他动态”\): the heading '其他动态' is not one of the briefing's sections",
    text_after_distribution: r"paragraph \d+ \(“此页无正文。”\): text after the 报尾",
}


@pytest.mark.parametrize("edit", BROKEN, ids=lambda f: f.__name__)
def test_a_broken_draft_is_refused_with_its_reason_and_nothing_changes(built, cli, tmp_path, edit):
    folder, manifest, draft = built
    doc = Document(str(draft))
    edit(doc)
    doc.save(str(draft))
    before = snapshot(folder)

    result = cli("publish", "edited.docx")

    assert result.code == 2
    assert "Traceback" not in result.stderr
    message = result.stderr.strip()
    assert message.startswith("briefing: error: edited.docx:") and len(message.splitlines()) == 1, message
    assert re.search(BROKEN[edit], message), message
    assert snapshot(folder) == before
    assert ledger_status(tmp_path) == [("built",)]
    assert not [p for p in folder.parent.iterdir() if p.name.startswith(".")], "staging folder left behind"


def test_a_document_that_is_not_a_draft_is_refused(built, cli, tmp_path):
    folder, _, _ = built
    letter = Document()
    letter.add_paragraph("关于召开年度工作会议的通知")
    letter.save(str(tmp_path / "letter.docx"))
    (tmp_path / "notes.docx").write_text("这不是Word文件", encoding="utf-8")
    before = snapshot(folder)

    not_draft = cli("publish", "letter.docx")
    not_docx = cli("publish", "notes.docx")
    missing = cli("publish", "nowhere.docx")

    assert (not_draft.code, not_docx.code, missing.code) == (2, 2, 2)
    assert "letter.docx: not a briefing draft (no BriefingIssue property" in not_draft.stderr
    assert "notes.docx: not a DOCX file (not a ZIP package)" in not_docx.stderr
    assert "nowhere.docx: no such file" in missing.stderr
    assert snapshot(folder) == before


def test_a_draft_of_an_issue_the_ledger_does_not_know_is_refused(built, cli, tmp_path):
    folder, _, draft = built
    (tmp_path / "other").mkdir()
    (tmp_path / "other" / "briefing.toml").write_text('[briefing]\nstate_dir = "state"\n', encoding="utf-8")
    before = snapshot(folder)
    result = cli("publish", "edited.docx", "--config", "other/briefing.toml")
    assert result.code == 2
    assert "belongs to issue 2026-11-26-daily-1, which the ledger" in result.stderr
    assert "--config the issue was built with" in result.stderr
    assert snapshot(folder) == before


def test_an_item_the_editor_writes_and_an_edited_distribution_are_published(built, cli):
    folder, manifest, draft = built
    doc = Document(str(draft))
    last_text = item_block(doc, "“十四五”北京牵头制定国际标准超500项")[-1]
    title = add_paragraph_after(as_paragraph(doc, last_text), "本市发布首批团体标准培育名单", style="简报-条目标题")
    body = add_paragraph_after(title, "市市场监管局发布首批团体标准培育名单，涉及人工智能、生物医药等领域。")
    add_paragraph_after(body, "（来源：人民日报）", style="简报-来源")
    retype(paragraph(doc, "发：各区科委", "简报-报尾"), "发：各区科委，各高校")
    retype(paragraph(doc, "（共印60份）", "简报-报尾"), "\t（共印80份）")
    doc.save(str(draft))

    result = cli("publish", "edited.docx", "--json")
    assert result.code == 0, result.stderr
    published = json.loads(result.stdout)
    standards = next(s for s in published["sections"] if s["id"] == "standards")["items"]
    assert [(i["title"], i["article"]) for i in standards][-1] == ("本市发布首批团体标准培育名单", None)
    assert [c for c in published["publication"]["changes"]] == [
        {"change": "added", "section": "standards", "title": "本市发布首批团体标准培育名单"},
        {"change": "distribution", "line": "发", "from": ["各区科委"], "to": ["各区科委", "各高校"]},
        {"change": "distribution", "line": "copies", "from": 60, "to": 80}]
    text = pdf_text(folder / published["outputs"]["pdf"])
    assert in_order(text, ["二、科技设施", "三、标准化", "本市发布首批团体标准培育名单", "涉及人工智能、生物医药等领域。",
                           "（来源：人民日报）", "四、生物医药"])
    assert in_order(text, ["本期要目", "本市发布首批团体标准培育名单", "一、协同创新"])
    assert in_order(text, ["报：市委办公厅", "发：各区科委，各高校", "（共印80份）"])
