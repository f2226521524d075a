"""The console's JSON API against a real server on 127.0.0.1: logins, roles, CSRF, throttling,
the approval gate with a real SMTP server, files and traversal, uploads, search, restarts."""

from __future__ import annotations

import http.client
import json
import os
import time

import pytest
from console_harness import (EMAILS, PASSWORDS, add_users, edited_draft, sample_articles, start_console,
                             write_console_config)
from docx import Document

from briefing.ledger import Ledger
from briefing.model import RunStatus

RECIPIENTS = [("leader@example.gov", ["pdf"]), ("editor@example.gov", ["docx", "pdf"])]


@pytest.fixture
def console(tmp_path):
    """A console with no mail server and no review: for what does not mail."""
    write_console_config(tmp_path)
    add_users(tmp_path / "briefing.toml")
    started = start_console(tmp_path)
    yield started
    started.stop()


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """A console and one issue built through POST /api/builds, shared by the tests of this module
    that leave them as they found them (a build takes a second or more)."""
    folder = tmp_path_factory.mktemp("console-built")
    write_console_config(folder)
    add_users(folder / "briefing.toml")
    started = start_console(folder)
    try:
        run = started.build(started.login("oscar"), date="2026-11-26")
        yield started, run["issue"]
    finally:
        started.stop()


def raw_get(base: str, path: str, cookie: str) -> tuple[int, bytes]:
    """A GET with the path exactly as given: HTTP clients tidy ../ away before sending, attackers do not."""
    host, port = base.removeprefix("http://").split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=30)
    try:
        connection.putrequest("GET", path, skip_accept_encoding=True)
        connection.putheader("Cookie", cookie)
        connection.endheaders()
        answer = connection.getresponse()
        return answer.status, answer.read()
    finally:
        connection.close()


def wait_for(condition, timeout: float = 60, message: str = "condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out waiting for {message}")


# -- logged out, logging in ---------------------------------------------------------------------


def test_logged_out_gets_401_on_every_api_call_and_the_login_page(console):
    anonymous = console.client()
    assert anonymous.get("/api/health").json() == {"ok": True}
    for method, path in (("GET", "/api/issues"), ("GET", "/api/issues/2026-11-26-daily-1"), ("GET", "/api/runs"),
                         ("GET", "/api/schedule"), ("POST", "/api/builds"),
                         ("POST", "/api/issues/2026-11-26-daily-1/approve"),
                         ("POST", "/api/issues/2026-11-26-daily-1/send"),
                         ("GET", "/api/issues/2026-11-26-daily-1/files/x.pdf")):
        answer = anonymous.request(method, path, json={})
        assert answer.status_code == 401, (method, path, answer.text)
        assert answer.json()["error"]
    page = anonymous.get("/issues/2026-11-26-daily-1")
    assert page.status_code == 303 and page.headers["location"] == "/login?next=/issues/2026-11-26-daily-1"
    assert anonymous.get("/login").status_code == 200


def test_a_bad_login_has_one_message_and_the_session_cookie_is_locked_down(console):
    client = console.client()
    wrong_password = client.post("/api/session", json={"username": "oscar", "password": "not-the-password"})
    no_such_user = client.post("/api/session", json={"username": "nobody", "password": "not-the-password"})
    assert wrong_password.status_code == no_such_user.status_code == 401
    assert wrong_password.json() == no_such_user.json(), "the answer never tells whether the name exists"

    ok = client.post("/api/session", json={"username": "oscar", "password": PASSWORDS["oscar"]})
    assert ok.status_code == 200
    assert ok.json()["user"] == "oscar" and ok.json()["roles"] == ["operator"] and len(ok.json()["csrf"]) > 30
    cookie = ok.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie and "secure" not in cookie
    with console.ledger() as ledger:
        stored = ledger._db.execute("SELECT id FROM sessions").fetchone()[0]
    assert stored not in ok.headers["set-cookie"], "the ledger keeps only a digest of the cookie"

    # behind the TLS proxy (a trusted 127.0.0.1 saying X-Forwarded-Proto: https) the cookie is Secure
    proxied = console.client().post("/api/session", json={"username": "oscar", "password": PASSWORDS["oscar"]},
                                    headers={"X-Forwarded-Proto": "https"})
    assert "secure" in proxied.headers["set-cookie"].lower()

    assert client.delete("/api/session", headers={"X-CSRF-Token": ok.json()["csrf"]}).status_code == 200
    assert client.get("/api/issues").status_code == 401, "logged out: the session is gone from the ledger"


def test_repeated_failed_logins_are_throttled_with_429(console):
    client = console.client()
    for _ in range(5):
        assert client.post("/api/session", json={"username": "oscar", "password": "guess"}).status_code == 401
    throttled = client.post("/api/session", json={"username": "oscar", "password": PASSWORDS["oscar"]})
    assert throttled.status_code == 429, "even the right password waits once the name is throttled"
    assert int(throttled.headers["retry-after"]) > 0
    assert client.post("/api/session", json={"username": "vera", "password": PASSWORDS["vera"]}).status_code == 200
    with console.ledger() as ledger:
        assert any(e.action == "login throttled" and e.actor == "oscar" for e in ledger.audit_log())


def test_the_login_form_needs_its_own_token(console):
    client = console.client()
    refused = client.post("/login", data={"username": "vera", "password": PASSWORDS["vera"], "next": "/"})
    assert refused.status_code == 403 and "briefing_session" not in refused.headers.get("set-cookie", "")
    form = client.get("/login?next=//evil.example/x")
    token = form.text.split('name="login_token" value="')[1].split('"')[0]
    ok = client.post("/login", data={"username": "vera", "password": PASSWORDS["vera"], "next": "//evil.example/x",
                                     "login_token": token})
    assert ok.status_code == 303 and ok.headers["location"] == "/", "never redirected off the site"
    assert client.get("/").status_code == 200


# -- roles and CSRF -----------------------------------------------------------------------------


def test_each_role_may_only_what_it_may(built):
    console, issue = built
    path = f"/api/issues/{issue}"
    forbidden = {
        "vera": [("POST", "/api/builds"), ("POST", f"{path}/send"), ("POST", f"{path}/approve"),
                 ("POST", f"{path}/publish"), ("GET", "/api/audit")],
        "eddie": [("POST", "/api/builds"), ("POST", f"{path}/send"), ("POST", f"{path}/approve")],
        "alice": [("POST", "/api/builds"), ("POST", f"{path}/send"), ("POST", f"{path}/publish")],
        "oscar": [("POST", f"{path}/approve"), ("POST", f"{path}/publish")],
    }
    for name, calls in forbidden.items():
        client = console.login(name)
        assert client.get(path).status_code == 200, f"{name} may read"
        for method, url in calls:
            answer = client.request(method, url, json={}) if not url.endswith("publish") else \
                client.post(url, files={"file": ("x.docx", b"PK\x03\x04", "application/octet-stream")})
            assert answer.status_code == 403, (name, method, url, answer.text)
    admin = console.login("ada")
    try:
        assert admin.post(f"{path}/approve").status_code == 200
    finally:  # the issue is shared: leave it unapproved, as the other tests find it
        with console.ledger() as ledger:
            ledger._db.execute("DELETE FROM approvals WHERE issue=?", (issue,))
    assert admin.get("/api/audit").status_code == 200


def test_a_write_with_a_session_needs_the_csrf_token_and_a_bearer_token_does_not(console, cli):
    operator = console.login("oscar")
    csrf = operator.headers.pop("X-CSRF-Token")
    assert operator.post("/api/builds", json={"date": "2026-11-26"}).status_code == 403
    assert operator.post("/api/builds", json={"date": "2026-11-26"},
                         headers={"X-CSRF-Token": csrf[:-2] + "xx"}).status_code == 403
    assert operator.post("/api/builds", json={"date": "2026-11-26"}, headers={"X-CSRF-Token": csrf}).status_code == 202

    made = cli("token", "add", "ci-robot", "--role", "operator", "--config", str(console.folder / "briefing.toml"))
    assert made.code == 0, made.stderr
    token = made.stdout.strip()
    robot = console.client(headers={"Authorization": f"Bearer {token}"})
    queued = robot.post("/api/builds", json={"date": "2026-11-27"})
    assert queued.status_code == 202, queued.text
    assert robot.post("/api/issues/x/approve").status_code == 403, "the token has only its roles"
    wrong = console.client(headers={"Authorization": "Bearer " + "x" * 43})
    assert wrong.get("/api/issues").status_code == 401
    with console.ledger() as ledger:
        assert token not in json.dumps([t.__dict__ for t in ledger.tokens()]), "only the digest is kept"
        assert any(e.actor == "token:ci-robot" for e in ledger.audit_log())


# -- builds, runs, files ------------------------------------------------------------------------


def test_a_build_goes_through_the_run_ledger_and_its_files_are_served(built):
    console, issue = built
    viewer = console.login("vera")
    runs = viewer.get("/api/runs").json()["runs"]
    (run,) = [r for r in runs if r["issue"] == issue]
    assert run["kind"] == "manual" and run["state"] == "done" and run["requested_by"] == "oscar"
    assert run["edition"] == "daily" and run["date"] == "2026-11-26" and run["error"] is None
    with console.ledger() as ledger:
        assert ledger.run_by_id(run["id"]).status == RunStatus.DONE

    detail = viewer.get(f"/api/issues/{issue}").json()
    assert detail["issue"]["number"] == 1 and detail["status"] == "built" and detail["review"]["required"] is False
    assert {a["status"] for a in detail["articles"]} >= {"used"} and detail["approvals"] == []
    pdf_name = detail["outputs"]["pdf"]
    pdf = viewer.get(f"/api/issues/{issue}/files/{pdf_name}")
    assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
    assert pdf.content == (console.config.output_dir / issue / pdf_name).read_bytes()
    docx = viewer.get(f"/api/issues/{issue}/files/{detail['outputs']['docx']}")
    assert docx.status_code == 200 and docx.headers["content-disposition"].startswith("attachment;")

    listed = viewer.get("/api/issues").json()["issues"]
    assert [i["id"] for i in listed] == [issue] and listed[0]["title"] == "科技创新动态"
    assert set(listed[0]) >= {"id", "edition", "date", "year", "number", "special", "status", "title", "outputs"}
    page = viewer.get(f"/issues/{issue}/pages/1.png")
    assert page.status_code == 200 and page.content.startswith(b"\x89PNG")
    assert viewer.get(f"/issues/{issue}/pages/99.png").status_code == 404
    schedule = viewer.get("/api/schedule").json()
    assert schedule["build_editions"] == ["daily"]


def test_a_failed_build_is_a_failed_run_with_its_reason(tmp_path):
    write_console_config(tmp_path, sources="empty/")
    (tmp_path / "empty").mkdir()
    add_users(tmp_path / "briefing.toml", ["oscar"])
    console = start_console(tmp_path)
    try:
        operator = console.login("oscar")
        queued = operator.post("/api/builds", json={"date": "2026-11-26"})
        run = console.wait_run(operator, queued.json()["run"])
        assert run["state"] == "failed" and run["error"] and run["issue"] is None
        bad = operator.post("/api/builds", json={"date": "2026-02-30"})
        assert bad.status_code == 422 and "YYYY-MM-DD" in bad.json()["error"]
        assert operator.post("/api/builds", json={"edition": "weekly"}).status_code == 422
    finally:
        console.stop()


def test_files_come_only_from_the_issue_folder(built, tmp_path):
    console, issue = built
    viewer = console.login("vera")
    folder = console.config.output_dir / issue
    pdf_name = viewer.get(f"/api/issues/{issue}").json()["outputs"]["pdf"]
    pdf = (folder / pdf_name).read_bytes()
    try:
        _files_come_only_from_the_issue_folder(console, viewer, issue, folder, pdf_name, tmp_path)
    finally:  # the issue is shared: put back what was spoilt
        (folder / "notes.txt").unlink(missing_ok=True)
        (folder / pdf_name).unlink(missing_ok=True)
        (folder / pdf_name).write_bytes(pdf)


def _files_come_only_from_the_issue_folder(console, viewer, issue, folder, pdf_name, tmp_path):
    (folder / "notes.txt").write_text("not an output", encoding="utf-8")
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", encoding="utf-8")
    cookie = "; ".join(f"{k}={v}" for k, v in viewer.cookies.items())
    for name in ("manifest.json", "notes.txt", "..%2F..%2Fbriefing.toml", "%2E%2E%2Fsecret.txt", "..", ".",
                 "%2Fetc%2Fpasswd", "..%5C..%5Cbriefing.toml", "../../briefing.toml", "..%00.pdf"):
        status, body = raw_get(console.base, f"/api/issues/{issue}/files/{name}", cookie)
        assert status == 404, (name, status)
        assert b"TOP SECRET" not in body and b"[sources]" not in body
    for bad_issue in ("..%2F..%2Fetc", "2026-11-26-daily-1%2F..", "..", "2026-11-26-daily-99", "../../etc"):
        status, body = raw_get(console.base, f"/api/issues/{bad_issue}/files/manifest.json", cookie)
        assert status == 404, (bad_issue, status)
        assert raw_get(console.base, f"/issues/{bad_issue}", cookie)[0] == 404, bad_issue
    status, body = raw_get(console.base, f"/api/issues/{issue}/files/../../../../etc/passwd", cookie)
    assert status == 404 and b"root:" not in body

    # an output swapped for a symlink to a file outside: not served
    (folder / pdf_name).unlink()
    (folder / pdf_name).symlink_to(secret)
    answer = viewer.get(f"/api/issues/{issue}/files/{pdf_name}")
    assert answer.status_code == 404 and "TOP SECRET" not in answer.text


def test_pages_escape_what_articles_say(tmp_path):
    write_console_config(tmp_path)
    # markup the cleaner leaves (it takes well-formed tags out of a pasted page): what stays must be escaped
    hostile = "<svg/onload=alert('x')>北京高技能人才队伍建设取得新进展"
    text = (tmp_path / "inbox" / "zgc-forum-2026.txt").read_text(encoding="utf-8")
    (tmp_path / "inbox" / "zgc-forum-2026.txt").write_text(
        text.replace("# 首都产业一线科技人才规模达225万人", f"# {hostile}")
        .replace("# 京津冀协同创新联合体呼之欲出", "# <b/x>京津冀</b/x>协同创新联合体呼之欲出"), encoding="utf-8")
    add_users(tmp_path / "briefing.toml", ["oscar"])
    console = start_console(tmp_path)
    try:
        operator = console.login("oscar")
        issue = console.build(operator, date="2026-11-26")["issue"]
        script, bold = "&lt;svg/onload=alert(&#39;x&#39;)&gt;", "&lt;b/x&gt;京津冀&lt;/b/x&gt;"
        # the issue's articles and items; the first headlines on the dashboard and in the archive;
        # the headlines a search found
        for path, shown in ((f"/issues/{issue}", (script, bold)), ("/", (bold,)), ("/archive", (bold,)),
                            ("/archive?q=alert", (script,))):
            page = operator.get(path)
            assert page.status_code == 200, path
            assert "<svg/onload" not in page.text and "<b/x>京津冀" not in page.text, path
            assert all(text in page.text for text in shown), path
            csp = page.headers["content-security-policy"]
            assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "frame-ancestors 'none'" in csp
            assert page.headers["x-content-type-options"] == "nosniff"
    finally:
        console.stop()


# -- the approval gate, with a real SMTP server -------------------------------------------------


def test_nothing_is_mailed_before_approval_and_once_after(tmp_path, mail_server):
    server = mail_server()
    write_console_config(tmp_path, mail_port=server.port, review=True, recipients=RECIPIENTS)
    add_users(tmp_path / "briefing.toml")
    console = start_console(tmp_path)
    try:
        operator, approver = console.login("oscar"), console.login("alice")
        issue = console.build(operator, date="2026-11-26")["issue"]
        run = [r for r in operator.get("/api/runs").json()["runs"] if r["issue"] == issue][0]
        assert "waiting for approval" in run["message"] and EMAILS["alice"] in run["message"]

        # the approver was told: a link to the issue and its PDF; no recipient has anything
        (notice,) = server.mailbox.parsed()
        assert notice["To"] == EMAILS["alice"] and notice["Subject"].startswith("待审批：")
        assert f"https://briefing.example.gov/issues/{issue}" in notice.get_body(("plain",)).get_content()
        (attachment,) = list(notice.iter_attachments())
        assert attachment.get_content_type() == "application/pdf"

        refused = operator.post(f"/api/issues/{issue}/send", json={})
        assert refused.status_code == 409 and "approval" in refused.json()["error"]
        assert server.mailbox.recipients() == [EMAILS["alice"]]
        detail = operator.get(f"/api/issues/{issue}").json()
        assert detail["review"]["approved"] is False and detail["review"]["notified"] == [EMAILS["alice"]]

        approved = approver.post(f"/api/issues/{issue}/approve")
        assert approved.status_code == 200 and approved.json()["approved_by"] == "alice"
        accepted = operator.post(f"/api/issues/{issue}/send", json={})
        assert accepted.status_code == 202 and accepted.json()["to"] == [r for r, _ in RECIPIENTS]
        wait_for(lambda: len(server.mailbox.messages) == 3, message="the two recipients' mail")
        again = operator.post(f"/api/issues/{issue}/send", json={})
        assert again.status_code == 202
        wait_for(lambda: [e["action"] for e in operator.get("/api/audit").json()["audit"]].count("send finished") == 2,
                 message="the second send to finish")
        assert sorted(server.mailbox.recipients()) == sorted([EMAILS["alice"], *[r for r, _ in RECIPIENTS]]), \
            "each recipient got the issue once"
        detail = operator.get(f"/api/issues/{issue}").json()
        assert {d["recipient"]: d["status"] for d in detail["outbox"]} == {r: "sent" for r, _ in RECIPIENTS}
        (approval,) = detail["approvals"]
        assert approval["approver"] == "alice" and approval["current"] is True and approval["approved_at"]

        # the editor publishes a corrected final issue: a new revision, which needs a new approval
        editor = console.login("eddie")
        draft = edited_draft(console, issue, "编辑改写：北京稳居城市健康指数大城市组综合榜首。")
        with draft.open("rb") as handle:
            published = editor.post(f"/api/issues/{issue}/publish", files={"file": (draft.name, handle)})
        assert published.status_code == 200, published.text
        assert operator.post(f"/api/issues/{issue}/send", json={}).status_code == 409
        assert len(server.mailbox.messages) == 3
        detail = operator.get(f"/api/issues/{issue}").json()
        assert detail["approvals"][0]["current"] is False and detail["review"]["approved"] is False

        actions = [(e["actor"], e["action"]) for e in operator.get("/api/audit").json()["audit"]]
        for expected in (("oscar", "build"), ("alice", "approve"), ("oscar", "send"), ("eddie", "publish")):
            assert expected in actions, expected
    finally:
        console.stop()


# -- uploads ------------------------------------------------------------------------------------


def test_an_edited_draft_is_published_or_refused_with_the_reason(console):
    issue = console.build(console.login("oscar"), date="2026-11-26")["issue"]  # its own: this test publishes it
    editor = console.login("eddie")
    url = f"/api/issues/{issue}/publish"

    draft = edited_draft(console, issue, "编辑改写：北京城市健康指数再居榜首，相关研究成果在论坛发布。")
    with draft.open("rb") as handle:
        published = editor.post(url, files={"file": ("我的编辑稿.docx", handle)})
    assert published.status_code == 200, published.text
    answer = published.json()
    assert answer["manifest_revision"].startswith("final-") and any(c["change"] == "text" for c in answer["changes"])
    detail = editor.get(f"/api/issues/{issue}").json()
    assert detail["status"] == "published" and detail["publication"]["draft"] == "我的编辑稿.docx"
    assert "编辑改写" in json.dumps(detail["sections"], ensure_ascii=False)
    edited = editor.get(f"/api/issues/{issue}/files/{detail['publication']['edited_copy']}")
    assert edited.status_code == 200 and edited.content == draft.read_bytes()

    not_docx = editor.post(url, files={"file": ("notes.docx", b"just some text", "text/plain")})
    assert not_docx.status_code == 422 and "不是 Word 文档" in not_docx.json()["error"]
    wrong_suffix = editor.post(url, files={"file": ("draft.pdf", b"%PDF-1.7", "application/pdf")})
    assert wrong_suffix.status_code == 422 and ".docx" in wrong_suffix.json()["error"]
    assert editor.post(url, files={}).status_code == 422

    # the same refusal `briefing publish` gives for a draft whose heading was deleted
    doc = Document(str(draft))
    heading = [p for p in doc.paragraphs if p.style.name == "简报-一级标题"][1]
    heading._p.getparent().remove(heading._p)
    broken = console.folder / "broken.docx"
    doc.save(str(broken))
    with broken.open("rb") as handle:
        refused = editor.post(url, files={"file": ("broken.docx", handle)})
    assert refused.status_code == 422 and "heading" in refused.json()["error"]
    assert str(console.config.state_dir) not in refused.json()["error"], "no server path in the answer"

    # a draft of another issue is refused on this issue's page
    other = console.build(console.login("oscar"), date="2026-11-27")["issue"]
    with draft.open("rb") as handle:
        misplaced = editor.post(f"/api/issues/{other}/publish", files={"file": ("edited.docx", handle)})
    assert misplaced.status_code == 422 and issue in misplaced.json()["error"]
    assert not list((console.config.state_dir / "uploads").iterdir()), "no upload is left behind"


def test_an_upload_larger_than_the_limit_is_refused_unread(tmp_path):
    write_console_config(tmp_path, extra="max_upload_mb = 1")
    add_users(tmp_path / "briefing.toml", ["eddie"])
    console = start_console(tmp_path)
    try:
        editor = console.login("eddie")
        big = b"PK\x03\x04" + os.urandom(1024 * 1024 + 10)
        answer = editor.post("/api/issues/2026-11-26-daily-1/publish", files={"file": ("big.docx", big)})
        assert answer.status_code == 413
        assert not (console.config.state_dir / "uploads").exists()
    finally:
        console.stop()


# -- the archive --------------------------------------------------------------------------------


def test_the_archive_is_searched_in_chinese_words(tmp_path, cli):
    write_console_config(tmp_path)
    add_users(tmp_path / "briefing.toml", ["vera"])
    articles = sample_articles(tmp_path / "articles")
    config = str(tmp_path / "briefing.toml")
    # three issues: collaboration + facilities, standards + biomedicine (a 增刊), talent + health (next year)
    for date, files, special in (("2026-11-26", articles[0:2], False), ("2026-11-27", articles[2:4], True),
                                 ("2027-01-05", articles[4:6], False)):
        built = cli("build", *map(str, files), "--date", date, "--config", config, *(["--special"] if special else []))
        assert built.code == 0, built.stderr
    console = start_console(tmp_path)
    try:
        viewer = console.login("vera")

        def found(**params):
            answer = viewer.get("/api/issues", params=params)
            assert answer.status_code == 200, answer.text
            return [i["id"] for i in answer.json()["issues"]]

        assert found() == ["2027-01-05-daily-1", "2026-11-27-daily-s1", "2026-11-26-daily-1"]
        assert found(q="怀柔科学城") == ["2026-11-26-daily-1"]
        assert found(q="国际标准") == ["2026-11-27-daily-s1"]
        assert found(q="人才") == ["2027-01-05-daily-1"], "a two-character word inside jieba's longer words"
        assert found(q="城市健康指数") == ["2027-01-05-daily-1"]
        assert found(q="京津冀 协同创新") == ["2026-11-26-daily-1"]
        assert found(q="人才", year="2026") == []
        assert found(year="2026") == ["2026-11-27-daily-s1", "2026-11-26-daily-1"]
        assert found(q="火星移民") == []
        assert found(q='"); DROP TABLE archive; --') == []
        page = viewer.get("/archive", params={"q": "人才"})
        assert page.status_code == 200 and "首都产业一线科技人才规模达225万人" in page.text
        assert "怀柔科学城" not in page.text.split('id="results"')[1]
    finally:
        console.stop()


# -- restarts -----------------------------------------------------------------------------------


def test_a_queued_build_survives_a_restart(tmp_path):
    write_console_config(tmp_path)
    add_users(tmp_path / "briefing.toml", ["oscar"])
    stopped = start_console(tmp_path, start_worker=False)  # a process that dies before its worker gets to it
    try:
        operator = stopped.login("oscar")
        run_id = operator.post("/api/builds", json={"date": "2026-11-26"}).json()["run"]
        assert operator.get(f"/api/runs/{run_id}").json()["state"] == "queued"
    finally:
        stopped.stop()
    with Ledger(stopped.config.state_dir) as ledger:  # and one that died in the middle of a build
        interrupted = ledger.queue_run("daily", __import__("datetime").date(2026, 11, 27), False, "oscar",
                                       __import__("datetime").datetime.now(__import__("datetime").timezone.utc))
        ledger.start_queued_run(interrupted.id)
        assert ledger.run_by_id(interrupted.id).status == RunStatus.RUNNING

    restarted = start_console(tmp_path)
    try:
        operator = restarted.login("oscar")
        first, second = restarted.wait_run(operator, run_id), restarted.wait_run(operator, interrupted.id)
        assert first["state"] == second["state"] == "done"
        assert {first["issue"], second["issue"]} == {"2026-11-26-daily-1", "2026-11-27-daily-2"}
    finally:
        restarted.stop()


def test_an_interrupted_run_is_shown_as_waiting_to_resume():
    from dataclasses import replace
    from datetime import date, datetime, timezone
    from pathlib import Path

    from briefing.ledger import RunEntry
    from briefing.web.api import run_json

    stopped = RunEntry(7, "daily", datetime(2026, 11, 26, 23, 30, tzinfo=timezone.utc), date(2026, 11, 27),
                       "schedule", RunStatus.INTERRUPTED, Path("out/2026-11-27-daily-3"), 1,
                       "interrupted by a service stop", "", "")
    assert run_json(stopped)["state"] == "queued"  # one of the contract's states, resumed at the next start
    assert run_json(replace(stopped, status=RunStatus.BUILT))["state"] == "running"
