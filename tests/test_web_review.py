"""The review in the console, against a real server on 127.0.0.1: every page says the same
about whether the current revision is approved, an approval names the revision its approver
saw (409 when the issue changed meanwhile), and "revision" means one thing in the whole API."""

from __future__ import annotations

import pytest
from console_harness import add_users, edited_draft, start_console, write_console_config

from briefing.delivery.release import review_state
from briefing.manifest import read_issue


@pytest.fixture
def reviewed(tmp_path, cli):
    """[review] required, no mail server (the approvers cannot be told), one issue built by the CLI."""
    write_console_config(tmp_path, review=True)
    add_users(tmp_path / "briefing.toml")
    config = str(tmp_path / "briefing.toml")
    built = cli("build", "--date", "2026-11-26", "--config", config)
    assert built.code == 0, built.stderr
    console = start_console(tmp_path, start_worker=False)
    yield console, "2026-11-26-daily-1", lambda: cli("build", "--date", "2026-11-26", "--config", config)
    console.stop()


def dashboard_review_badges(client, issue: str) -> list[str]:
    page = client.get("/")
    assert page.status_code == 200
    row = page.text.split(f'href="/issues/{issue}"')[1].split("</li>")[0]
    return [word for word in ("已审批", "待审批") if word in row]


def test_the_dashboard_says_waiting_once_the_approved_revision_was_replaced(reviewed):
    console, issue, rebuild = reviewed
    viewer, approver = console.login("vera"), console.login("alice")
    assert dashboard_review_badges(viewer, issue) == ["待审批"]
    assert approver.post(f"/api/issues/{issue}/approve").status_code == 200
    assert dashboard_review_badges(viewer, issue) == ["已审批"]

    assert rebuild().code == 0  # the same issue, built again: a new revision, not approved
    assert dashboard_review_badges(viewer, issue) == ["待审批"], "an earlier revision's approval is not this one's"
    detail = viewer.get(f"/api/issues/{issue}").json()
    assert detail["review"]["approved"] is False and len(detail["approvals"]) == 1
    assert "当前版本待审批" in viewer.get(f"/issues/{issue}").text


def test_an_approval_names_the_revision_its_approver_saw(reviewed):
    console, issue, rebuild = reviewed
    approver = console.login("alice")
    page = approver.get(f"/issues/{issue}").text
    form = page.split(f'action="/issues/{issue}/approve"')[1].split("</form>")[0]
    seen = form.split('name="revision" value="')[1].split('"')[0]
    assert seen == approver.get(f"/api/issues/{issue}").json()["revision"]

    assert rebuild().code == 0  # published or rebuilt between the page and the click
    stale = approver.post(f"/issues/{issue}/approve", data={"csrf": approver.headers["X-CSRF-Token"],
                                                            "revision": seen})
    assert stale.status_code == 409 and "新版本" in stale.text
    answer = approver.post(f"/api/issues/{issue}/approve", json={"revision": seen})
    assert answer.status_code == 409 and seen in answer.json()["error"]
    assert approver.get(f"/api/issues/{issue}").json()["approvals"] == [], "nothing was approved"

    current = approver.get(f"/api/issues/{issue}").json()["revision"]
    assert current != seen
    answer = approver.post(f"/api/issues/{issue}/approve", json={"revision": current})
    assert answer.status_code == 200 and answer.json()["revision"] == current
    form_page = approver.get(f"/issues/{issue}").text
    current_field = form_page.split('name="revision" value="')[1].split('"')[0]
    again = approver.post(f"/issues/{issue}/approve", data={"csrf": approver.headers["X-CSRF-Token"],
                                                            "revision": current_field})
    assert again.status_code == 303, "the form with the current revision approves"
    assert approver.post(f"/api/issues/{issue}/approve").status_code == 200, "no revision: the current one"
    with console.ledger() as ledger:
        state = review_state(console.config, ledger, read_issue(console.config.output_dir / issue))
    assert state.approved and {a.revision for a in state.history} == {current}


def test_revision_is_the_approval_digest_everywhere_in_the_api(reviewed):
    console, issue, _ = reviewed
    editor, approver = console.login("eddie"), console.login("alice")
    before = editor.get(f"/api/issues/{issue}").json()
    assert before["revision"] == before["review"]["revision"] and before["manifest_revision"] is None

    draft = edited_draft(console, issue, "编辑改写：北京城市健康指数再居榜首，相关研究成果在论坛发布。")
    with draft.open("rb") as handle:
        published = editor.post(f"/api/issues/{issue}/publish", files={"file": (draft.name, handle)})
    assert published.status_code == 200, published.text
    answer = published.json()
    assert answer["manifest_revision"].startswith("final-")
    detail = editor.get(f"/api/issues/{issue}").json()
    assert answer["revision"] == detail["revision"] == detail["review"]["revision"] != before["revision"]
    assert detail["manifest_revision"] == answer["manifest_revision"]

    approved = approver.post(f"/api/issues/{issue}/approve", json={"revision": answer["revision"]})
    assert approved.status_code == 200 and approved.json()["revision"] == answer["revision"]
    (approval,) = approver.get(f"/api/issues/{issue}").json()["approvals"]
    assert approval["revision"] == answer["revision"] and approval["current"] is True


def test_an_upload_is_read_once_and_a_draft_of_another_issue_refused_by_publish_itself(reviewed, monkeypatch):
    from briefing.draft import final, reader
    from briefing.draft.final import WrongIssue, publish_draft

    console, issue, _ = reviewed
    draft = edited_draft(console, issue, "编辑改写：北京城市健康指数再居榜首。")
    manifest = (console.config.output_dir / issue / "manifest.json").read_bytes()
    with pytest.raises(WrongIssue) as refused:
        publish_draft(console.config, draft, expected_issue="2026-11-27-daily-2")
    assert refused.value.found == issue and "2026-11-27-daily-2" in str(refused.value)
    assert (console.config.output_dir / issue / "manifest.json").read_bytes() == manifest, "nothing was touched"

    reads: list[str] = []
    original = reader.read_draft

    def counted(path, *args, **kwargs):
        reads.append(path.name)
        return original(path, *args, **kwargs)

    monkeypatch.setattr(reader, "read_draft", counted)
    monkeypatch.setattr(final, "read_draft", counted)
    editor = console.login("eddie")
    with draft.open("rb") as handle:
        misplaced = editor.post("/api/issues/2026-11-27-daily-2/publish", files={"file": (draft.name, handle)})
    assert misplaced.status_code == 404, "no such issue: nothing is read"
    with draft.open("rb") as handle:
        published = editor.post(f"/api/issues/{issue}/publish", files={"file": (draft.name, handle)})
    assert published.status_code == 200, published.text
    assert reads == [draft.name], "the uploaded draft is read once"
