"""Edits an editor makes to the 报头, the 报尾 and a section's last item, published with the
real CLI; and an OpenDocument file given to publish by mistake."""

from __future__ import annotations

import json
import zipfile

from docx import Document

from test_publish import built, delete, item_block, paragraph, pdf_text, retype  # noqa: F401  (built is a fixture)

FACILITIES = "怀柔科学城发布8项代表性重大成果"


def _publish_without_the_facilities_item(built, cli) -> dict:
    """科技设施's only item deleted in the draft, published; the published manifest."""
    folder, manifest, draft = built
    doc = Document(str(draft))
    delete(item_block(doc, FACILITIES))
    doc.save(str(draft))
    result = cli("publish", "edited.docx", "--json")
    assert result.code == 0, result.stderr
    return json.loads(result.stdout)


def test_deleting_a_sections_only_item_leaves_the_section_out(built, cli):
    folder = built[0]
    published = _publish_without_the_facilities_item(built, cli)
    assert "facilities" not in [s["id"] for s in published["sections"]]
    assert {"change": "section_removed", "section": "facilities", "title": "科技设施"} in \
        published["publication"]["changes"]
    text = pdf_text(folder / published["outputs"]["pdf"])
    assert "本期暂无" not in text and "科技设施" not in text and "二、标准化" in text


def test_a_section_emptied_by_the_editor_keeps_its_placeholder_when_configured(built, cli, tmp_path):
    folder = built[0]
    (tmp_path / "briefing.toml").write_text('[editorial]\nempty_sections = "placeholder"\n', encoding="utf-8")
    published = _publish_without_the_facilities_item(built, cli)
    assert next(s for s in published["sections"] if s["id"] == "facilities")["items"] == []
    assert "二、科技设施本期暂无。" in pdf_text(folder / published["outputs"]["pdf"])


def test_tail_names_typed_with_a_dunhao_print_as_typed(built, cli):
    folder, manifest, draft = built
    doc = Document(str(draft))
    retype(paragraph(doc, "送：市政府办公厅", "简报-报尾"), "送：市政府办公厅、市政协办公厅")
    retype(paragraph(doc, "发：各区科委", "简报-报尾"), "发：各区科委，各高校")
    doc.save(str(draft))
    result = cli("publish", "edited.docx", "--json")
    assert result.code == 0, result.stderr
    published = json.loads(result.stdout)
    text = pdf_text(folder / published["outputs"]["pdf"])
    assert "送：市政府办公厅、市政协办公厅" in text and "发：各区科委，各高校" in text
    final = Document(str(folder / published["outputs"]["docx"]))
    assert [p.text for p in final.paragraphs if p.style.name == "简报-报尾"][1:3] == \
        ["送：市政府办公厅、市政协办公厅", "发：各区科委，各高校"]


def test_edits_to_the_masthead_and_the_tail_are_listed_as_changes(built, cli):
    folder, manifest, draft = built
    doc = Document(str(draft))
    retype(paragraph(doc, "科技创新动态", "简报-报头"), "科技创新简报")
    retype(paragraph(doc, "××办公室\t2026年11月26日", "简报-编印单位"), "市科委办公室\t2026年11月26日")
    retype(paragraph(doc, "报：市委办公厅", "简报-报尾"), "报：市委办公厅，市人大常委会办公厅")
    retype(paragraph(doc, "（共印60份）", "简报-报尾"), "\t（共印45份）")
    doc.save(str(draft))
    result = cli("publish", "edited.docx")
    assert result.code == 0, result.stderr
    changes = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))["publication"]["changes"]
    assert changes == [
        {"change": "masthead", "field": "title", "from": "科技创新动态", "to": "科技创新简报"},
        {"change": "masthead", "field": "issuer", "from": "××办公室", "to": "市科委办公室"},
        {"change": "distribution", "line": "报", "from": ["市委办公厅"], "to": ["市委办公厅", "市人大常委会办公厅"]},
        {"change": "distribution", "line": "copies", "from": 60, "to": 45},
    ]
    # the terminal lists them too
    assert "科技创新动态 -> 科技创新简报" in result.stdout and "copies: 60 -> 45" in result.stdout


def test_an_opendocument_file_is_refused_with_how_to_save_it_as_docx(built, cli, tmp_path):
    odt = tmp_path / "edited.odt"
    with zipfile.ZipFile(odt, "w") as package:
        package.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        package.writestr("content.xml", "<office:document-content xmlns:office="
                                        "'urn:oasis:names:tc:opendocument:xmlns:office:1.0'/>")
    result = cli("publish", "edited.odt")
    assert result.code == 2
    assert "OpenDocument" in result.stderr and "Word 2007–365 (.docx)" in result.stderr
    assert "Traceback" not in result.stderr and "content type" not in result.stderr
