"""manifest.json: one writer, one strict reader, and the two are inverses."""

from __future__ import annotations

import json
import shutil

import pytest

from briefing.errors import ManifestError
from briefing.manifest import MANIFEST, manifest_json, read_issue
from briefing.model import ArticleStatus


def _copy(sample_build, tmp_path):
    issue_dir, _ = sample_build
    target = tmp_path / "out" / issue_dir.name
    shutil.copytree(issue_dir, target)
    return target


def _spoil(folder, change) -> None:
    path = folder / MANIFEST
    data = json.loads(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def test_reading_a_manifest_back_gives_the_same_manifest(sample_build, tmp_path):
    folder = _copy(sample_build, tmp_path)
    stored = read_issue(folder)

    assert manifest_json(stored) == json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    assert stored.issue.masthead.number_line == "第1期" and stored.issue.item_count == 6
    assert {a.status for a in stored.issue.articles} == {ArticleStatus.USED}
    assert stored.output("pdf").is_file() and stored.outbox_key == "daily/2026/1"


@pytest.mark.parametrize("change, complaint", [
    (lambda m: m.update(edition="../../../evil"), "edition"),
    (lambda m: m["outputs"].update(pdf="/etc/passwd"), "outputs.pdf"),
    (lambda m: m["outputs"].update(pdf="../other/x.pdf"), "outputs.pdf"),
    (lambda m: m.update(date="2026-13-45"), "date"),
    (lambda m: m["issue"].update(number="1"), "issue.number"),
    (lambda m: m.update(sections={"id": "health"}), "sections"),
    (lambda m: m["articles"][0].update(status="published"), "articles.0.status"),
])
def test_a_manifest_that_briefing_did_not_write_is_refused_by_name(sample_build, tmp_path, change, complaint):
    folder = _copy(sample_build, tmp_path)
    _spoil(folder, change)

    with pytest.raises(ManifestError) as refused:
        read_issue(folder)
    assert str(refused.value).startswith(f"{folder / MANIFEST}: {complaint}")
    assert "rebuild the issue" in str(refused.value)


def test_send_of_a_spoilt_manifest_is_one_line_and_mails_nothing(sample_build, tmp_path, cli, mail_server):
    from smtp_servers import write_config

    server = mail_server()
    write_config(tmp_path, server.port)
    folder = _copy(sample_build, tmp_path)
    _spoil(folder, lambda m: m.update(edition="../../../evil"))

    result = cli("send", str(folder))
    assert result.code == 1
    assert result.stderr.count("\n") == 1 and "edition" in result.stderr and "Traceback" not in result.stderr
    assert server.mailbox.transactions == 0
    assert not list(tmp_path.glob("**/evil*"))
