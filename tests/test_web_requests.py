"""What the console makes of what a client sends, against a real server on 127.0.0.1: request
bodies and query parameters checked (422 with the reason, never a 500 or a misread value), an
unexpected failure answered as JSON and logged, bearer tokens that do not write the ledger on
every read, the login redirect that keeps the whole address, and pages whose number of queries
does not grow with the number of runs or issues."""

from __future__ import annotations

import logging
from datetime import date, datetime, timedelta, timezone
from urllib.parse import quote

import pytest
from console_harness import PASSWORDS, add_users, start_console, write_console_config

from briefing.ledger import Ledger


@pytest.fixture
def console(tmp_path):
    write_console_config(tmp_path)
    add_users(tmp_path / "briefing.toml")
    started = start_console(tmp_path, start_worker=False)  # nothing queued here is built
    yield started
    started.stop()


def test_wrong_typed_or_wrong_valued_build_requests_are_refused_with_the_reason(console):
    operator = console.login("oscar")
    refused = [
        ({"date": 20261202}, "date"),
        ({"date": "20261202"}, "YYYY-MM-DD"),  # date.fromisoformat would take it
        ({"date": "2026-W48-4"}, "YYYY-MM-DD"),
        ({"date": "2026-02-30"}, "2026-02-30"),
        ({"date": "0001-01-01"}, "1900"),
        ({"special": "false"}, "special"),  # bool("false") is True: it must not queue a 增刊
        ({"special": 0}, "special"),
        ({"special": None}, "special"),
        ({"edition": ["daily"]}, "edition"),
        ({"edition": "weekly"}, "weekly"),
        ({"specal": True}, "specal"),  # a misspelt field is not silently a regular issue
    ]
    for body, reason in refused:
        answer = operator.post("/api/builds", json=body)
        assert answer.status_code == 422, (body, answer.status_code, answer.text)
        assert reason in answer.json()["error"], (body, answer.json())
    assert operator.post("/api/builds", content=b"[1, 2]", headers={"Content-Type": "application/json"}
                         ).status_code == 400
    with console.ledger() as ledger:
        assert ledger.runs() == [], "nothing was queued"

    queued = operator.post("/api/builds", json={"date": "2026-11-26", "edition": "daily", "special": False})
    assert queued.status_code == 202, queued.text
    special = operator.post("/api/builds", json={"date": "2026-11-26", "special": True})
    assert special.status_code == 202
    runs = {r["id"]: r for r in operator.get("/api/runs").json()["runs"]}
    assert runs[queued.json()["run"]]["special"] is False and runs[special.json()["run"]]["special"] is True


def test_year_and_edition_filters_are_checked_not_passed_to_sqlite(console):
    viewer = console.login("vera")
    for year in ("99999999999999999999999", "1899", "10000", "abc", "-5", "2026.0"):
        answer = viewer.get("/api/issues", params={"year": year})
        assert answer.status_code == 422, (year, answer.status_code, answer.text)
        assert "1900" in answer.json()["error"] and "9999" in answer.json()["error"]
        page = viewer.get("/archive", params={"year": year})
        assert page.status_code == 422 and "1900" in page.text, year
    assert viewer.get("/api/issues", params={"year": "2026"}).json() == {"issues": []}
    assert viewer.get("/api/issues", params={"year": ""}).status_code == 200
    assert viewer.get("/archive", params={"year": "2026"}).status_code == 200
    bad = viewer.get("/api/issues", params={"edition": "../daily"})
    assert bad.status_code == 422 and "edition" in bad.json()["error"]


def test_send_approve_and_login_bodies_are_checked(console):
    operator = console.login("oscar")
    send = "/api/issues/2026-11-26-daily-1/send"
    for body, reason in (({"to": "leader@example.gov"}, "to"), ({"to": [1]}, "to"),
                         ({"to": ["not an address"]}, "not an address"), ({"resend_unknown": "false"}, "resend_unknown"),
                         ({"resend_unknown": 1}, "resend_unknown"), ({"everyone": True}, "everyone")):
        answer = operator.post(send, json=body)
        assert answer.status_code == 422, (body, answer.status_code, answer.text)
        assert reason in answer.json()["error"], (body, answer.json())
    assert operator.post(send, json={"to": ["leader@example.gov"], "resend_unknown": False}).status_code == 404

    approver = console.login("alice")
    answer = approver.post("/api/issues/2026-11-26-daily-1/approve", json={"revision": 5})
    assert answer.status_code == 422 and "revision" in answer.json()["error"]

    client = console.client()
    answer = client.post("/api/session", json={"username": ["oscar"], "password": PASSWORDS["oscar"]})
    assert answer.status_code == 422 and "username" in answer.json()["error"]


def test_an_unexpected_failure_under_api_is_json_500_and_logged(console, caplog):
    operator = console.login("oscar")
    run = operator.post("/api/builds", json={"date": "2026-11-26"}).json()["run"]
    with console.ledger() as ledger:  # a row no version of briefing wrote: reading it fails
        ledger._db.execute("UPDATE runs SET status='bogus' WHERE id=?", (run,))
    with caplog.at_level(logging.ERROR, logger="briefing.web"):
        answer = operator.get("/api/runs")
        assert answer.status_code == 500
        assert answer.headers["content-type"].startswith("application/json")
        assert "error" in answer.json() and "bogus" not in answer.json()["error"], "no internals in the answer"
        again = operator.get(f"/api/runs/{run}")  # the same connection is still served
        assert again.status_code == 500 and again.json()["error"]
        page = operator.get("/")
        assert page.status_code == 500 and "text/html" in page.headers["content-type"]
    logged = [r for r in caplog.records if r.name == "briefing.web" and r.exc_info]
    assert logged and "bogus" in str(logged[0].exc_info[1]), "the traceback is in the log"


def test_a_bearer_token_marks_its_use_at_most_once_a_minute(console, cli):
    made = cli("token", "add", "nightly", "--role", "viewer", "--config", str(console.folder / "briefing.toml"))
    assert made.code == 0, made.stderr
    robot = console.client(headers={"Authorization": f"Bearer {made.stdout.strip()}"})

    def last_used() -> str | None:
        with console.ledger() as ledger:
            return ledger._db.execute("SELECT last_used FROM tokens WHERE name='nightly'").fetchone()[0]

    assert robot.get("/api/issues").status_code == 200
    first = last_used()
    assert first is not None
    recent = (datetime.now(timezone.utc) - timedelta(seconds=20)).isoformat(timespec="seconds")
    with console.ledger() as ledger:
        ledger._db.execute("UPDATE tokens SET last_used=? WHERE name='nightly'", (recent,))
    for _ in range(3):
        assert robot.get("/api/runs").status_code == 200
    assert last_used() == recent, "read within the minute: the ledger is not written"
    stale = (datetime.now(timezone.utc) - timedelta(minutes=2)).isoformat(timespec="seconds")
    with console.ledger() as ledger:
        ledger._db.execute("UPDATE tokens SET last_used=? WHERE name='nightly'", (stale,))
    assert robot.get("/api/runs").status_code == 200
    assert last_used() > stale, "older than a minute: marked used again"


def test_the_login_redirect_keeps_the_path_and_its_query(console):
    anonymous = console.client()
    wanted = "/archive?q=%E4%BA%BA%E6%89%8D&year=2026"  # /archive?q=人才&year=2026, as a browser sends it
    answer = anonymous.get(wanted)
    assert answer.status_code == 303
    assert answer.headers["location"] == "/login?next=" + quote(wanted, safe="/")
    form = anonymous.get(answer.headers["location"])
    token = form.text.split('name="login_token" value="')[1].split('"')[0]
    next_field = form.text.split('name="next" value="')[1].split('"')[0]
    logged_in = anonymous.post("/login", data={"username": "vera", "password": PASSWORDS["vera"],
                                               "next": next_field.replace("&amp;", "&"), "login_token": token})
    assert logged_in.status_code == 303
    assert logged_in.headers["location"] == wanted


# -- queries per page ---------------------------------------------------------------------------


@pytest.fixture
def statements(monkeypatch):
    """Every SQL statement any Ledger in this process runs, as the server's threads run them."""
    seen: list[str] = []
    opened = Ledger.__init__

    def traced(self, state_dir):
        opened(self, state_dir)
        self._db.set_trace_callback(seen.append)

    monkeypatch.setattr(Ledger, "__init__", traced)
    return seen


def test_listing_runs_asks_the_ledger_the_same_number_of_times_for_3_runs_as_for_30(console, statements):
    operator = console.login("oscar")

    def queries_for(path: str) -> int:
        statements.clear()
        assert operator.get(path).status_code == 200
        return sum(1 for s in statements if "queued_runs" in s)

    with console.ledger() as ledger:
        for day in range(3):
            ledger.queue_run("daily", date(2026, 11, 1 + day), False, "oscar", datetime.now(timezone.utc))
    few = queries_for("/api/runs"), queries_for("/"), queries_for("/fragments/runs")
    with console.ledger() as ledger:
        for day in range(27):
            ledger.queue_run("daily", date(2026, 12, 1 + day), day % 2 == 0, "oscar", datetime.now(timezone.utc))
    many = queries_for("/api/runs"), queries_for("/"), queries_for("/fragments/runs")
    assert many == few, (few, many)
    runs = operator.get("/api/runs").json()["runs"]
    assert len(runs) == 30 and sum(r["special"] for r in runs) == 14 and {r["requested_by"] for r in runs} == {"oscar"}


def test_the_dashboard_asks_the_ledger_the_same_number_of_times_for_one_issue_as_for_two(tmp_path, cli, statements):
    write_console_config(tmp_path)
    add_users(tmp_path / "briefing.toml", ["vera"])
    config = str(tmp_path / "briefing.toml")
    console = start_console(tmp_path, start_worker=False)
    try:
        viewer = console.login("vera")

        def dashboard_queries() -> int:
            viewer.get("/")  # the archive's index catches up with a new issue first
            statements.clear()
            page = viewer.get("/")
            assert page.status_code == 200
            return sum(1 for s in statements if "outbox" in s or "approvals" in s)

        assert cli("build", "--date", "2026-11-26", "--config", config).code == 0
        one = dashboard_queries()
        assert cli("build", "--date", "2026-11-27", "--config", config).code == 0
        two = dashboard_queries()
        assert 0 < one == two, (one, two)
        assert viewer.get("/").text.count('class="no"') == 2
    finally:
        console.stop()

