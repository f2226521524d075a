"""Email delivery against a real SMTP server on 127.0.0.1: TLS, attachments, the outbox, faults."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from briefing.config import load_config
from briefing.delivery.message import message_id
from briefing.delivery.outbox import send_issue
from briefing.delivery.ready import load_issue
from briefing.errors import DeliveryError
from briefing.ledger import Ledger
from smtp_servers import PASSWORD, USER, copy_issue, write_config

LEADER, EDITOR, THIRD = "leader@example.gov", "editor@example.gov", "third@example.gov"


@pytest.fixture
def issue(sample_build, tmp_path) -> Path:
    issue_dir, _ = sample_build
    return copy_issue(issue_dir, tmp_path)


def outbox(config) -> dict[str, dict]:
    with Ledger(config.state_dir) as ledger:
        rows = ledger._db.execute("SELECT * FROM outbox").fetchall()
    return {row["recipient"]: dict(row) for row in rows}


def test_starttls_login_and_what_each_recipient_gets(issue, tmp_path, mail_server, ca_file, monkeypatch):
    server = mail_server(tls="starttls", auth=True)
    config = load_config(write_config(tmp_path, server.port, starttls=True,
                                      extra_delivery=f'username = "{USER}"\nca_file = "{ca_file.name}"'))
    monkeypatch.setenv("BRIEFING_SMTP_PASSWORD", PASSWORD)

    report = send_issue(config, issue)

    assert report.complete and [o.status for o in report.outcomes] == ["sent", "sent"]
    manifest = json.loads((issue / "manifest.json").read_text(encoding="utf-8"))
    by_rcpt = {m["To"]: m for m in server.mailbox.parsed()}
    assert sorted(by_rcpt) == [EDITOR, LEADER]
    for rcpt, message in by_rcpt.items():
        assert message["Subject"] == "科技创新动态 第1期（2026年11月26日）"
        assert message["Auto-Submitted"] == "auto-generated"
        assert message["Message-ID"] == message_id(load_issue(issue), rcpt, "briefing@example.gov")
        assert message["From"].addresses[0].display_name == "科技创新动态"
        text = message.get_body(("plain",)).get_content()
        html = message.get_body(("html",)).get_content()
        for section in manifest["sections"]:
            for item in section["items"]:
                assert item["title"] in text and item["title"] in html
        assert "本期要目" in text and "一、协同创新" in text
    pdf_name = manifest["outputs"]["pdf"]
    leader_files = {a.get_filename(): a for a in by_rcpt[LEADER].iter_attachments()}
    editor_files = {a.get_filename() for a in by_rcpt[EDITOR].iter_attachments()}
    assert list(leader_files) == ["科技创新动态（2026年第1期）.pdf"] == [pdf_name]
    assert editor_files == {pdf_name, manifest["outputs"]["docx"]}
    assert leader_files[pdf_name].get_content() == (issue / pdf_name).read_bytes()
    raw = next(content for rcpts, content in server.mailbox.messages if rcpts == [LEADER])
    assert b"filename*0*=utf-8''%E7%A7%91" in raw  # RFC 2231, not raw UTF-8 bytes in the header
    rows = outbox(config)
    assert {r: (row["status"], row["attempts"]) for r, row in rows.items()} == {LEADER: ("sent", 1), EDITOR: ("sent", 1)}
    written = [path for path in tmp_path.rglob("*") if path.is_file() and PASSWORD.encode() in path.read_bytes()]
    assert written == [], "the password was written to disk"


def test_implicit_tls_and_two_sends_deliver_each_message_once(issue, tmp_path, mail_server, ca_file, cli):
    server = mail_server(tls="implicit")
    write_config(tmp_path, server.port, scheme="smtps", extra_delivery=f'ca_file = "{ca_file}"')

    first = cli("send", str(issue))
    second = cli("send", str(issue), "--json")

    assert first.code == 0, first.stderr
    assert "sent     leader@example.gov" in first.stdout
    assert second.code == 0, second.stderr
    report = json.loads(second.stdout)
    assert [r["note"].startswith("already sent") for r in report["recipients"]] == [True, True]
    assert server.mailbox.recipients() == [EDITOR, LEADER]
    assert server.mailbox.transactions == 2


def test_an_untrusted_certificate_is_refused(issue, tmp_path, mail_server, cli):
    server = mail_server(tls="implicit")  # signed by the test CA, which nobody told the client about
    config = load_config(write_config(tmp_path, server.port, scheme="smtps"))

    result = cli("send", str(issue))

    assert result.code == 1
    assert "not trusted" in result.stderr and "ca_file" in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) <= 3
    assert server.mailbox.transactions == 0
    assert {row["status"] for row in outbox(config).values()} == {"failed"}


def test_starttls_is_required_unless_turned_off_explicitly(issue, tmp_path, mail_server):
    server = mail_server(tls=None)  # offers no STARTTLS
    config = load_config(write_config(tmp_path, server.port, starttls=True))

    with pytest.raises(DeliveryError, match="does not offer STARTTLS"):
        send_issue(config, issue)
    assert server.mailbox.transactions == 0

    plain = load_config(write_config(tmp_path, server.port, starttls=False))
    assert send_issue(plain, issue).complete
    assert server.mailbox.recipients() == [EDITOR, LEADER]


def test_server_down_then_back_up(issue, tmp_path, mail_server):
    from smtp_servers import free_port

    port = free_port()
    config = load_config(write_config(tmp_path, port))
    waits: list[float] = []

    report = send_issue(config, issue, sleep=waits.append)

    assert not report.complete
    rows = outbox(config)
    assert {r: (row["status"], row["attempts"]) for r, row in rows.items()} == {LEADER: ("failed", 3), EDITOR: ("failed", 3)}
    assert all(f"cannot reach 127.0.0.1:{port}" in row["last_reply"] for row in rows.values())
    assert waits == [0, 0]  # retry_base_seconds = 0: backoff 0·2⁰, 0·2¹ between three attempts

    server = mail_server(port=port)
    assert send_issue(config, issue).complete
    assert server.mailbox.recipients() == [EDITOR, LEADER]
    assert {row["attempts"] for row in outbox(config).values()} == {4}


def test_a_451_is_retried_with_backoff_and_then_delivered(issue, tmp_path, mail_server):
    server = mail_server()
    server.mailbox.data_replies.append("451 4.3.0 Try again later")
    config = load_config(write_config(tmp_path, server.port, recipients=[(LEADER, ["pdf"])]))
    waits: list[float] = []

    report = send_issue(config, issue, sleep=waits.append)

    assert report.complete
    row = outbox(config)[LEADER]
    assert (row["status"], row["attempts"]) == ("sent", 2)
    assert server.mailbox.recipients() == [LEADER] and server.mailbox.transactions == 2
    assert len(waits) == 1


def test_backoff_doubles(issue, tmp_path, mail_server):
    server = mail_server()
    server.mailbox.data_replies += ["451 busy", "451 busy"]
    path = write_config(tmp_path, server.port, recipients=[(LEADER, ["pdf"])])
    path.write_text(path.read_text(encoding="utf-8").replace("retry_base_seconds = 0", "retry_base_seconds = 30"),
                    encoding="utf-8")
    waits: list[float] = []

    assert send_issue(load_config(path), issue, sleep=waits.append).complete
    assert waits == [30, 60]


def test_a_550_for_one_of_three_is_not_retried_and_a_second_send_leaves_the_others_alone(issue, tmp_path,
                                                                                          mail_server, cli):
    server = mail_server()
    server.mailbox.reject_rcpt[THIRD] = "550 5.1.1 no such user"
    config = load_config(write_config(tmp_path, server.port,
                                      recipients=[(LEADER, ["pdf"]), (EDITOR, ["pdf"]), (THIRD, ["pdf"])]))

    first = cli("send", str(issue))

    assert first.code == 1
    assert f"{THIRD}: failed after 1 attempt(s): 550 5.1.1 no such user" in first.stderr
    rows = outbox(config)
    assert {r: (row["status"], row["attempts"], row["permanent"]) for r, row in rows.items()} == {
        LEADER: ("sent", 1, 0), EDITOR: ("sent", 1, 0), THIRD: ("failed", 1, 1)}

    del server.mailbox.reject_rcpt[THIRD]  # the mailbox has been created
    second = cli("send", str(issue))

    assert second.code == 0, second.stderr
    assert server.mailbox.recipients() == sorted([LEADER, EDITOR, THIRD])
    assert {r: row["attempts"] for r, row in outbox(config).items()} == {LEADER: 1, EDITOR: 1, THIRD: 2}


def test_a_line_dropped_before_the_reply_leaves_unknown_and_is_not_resent_blindly(issue, tmp_path, mail_server, cli):
    server = mail_server()
    server.mailbox.drop_after_data_for.add(EDITOR)
    config = load_config(write_config(tmp_path, server.port,
                                      recipients=[(LEADER, ["pdf"]), (EDITOR, ["pdf"]), (THIRD, ["pdf"])]))

    first = cli("send", str(issue))

    assert first.code == 1
    assert f"{EDITOR}: may or may not have arrived" in first.stderr and "--resend-unknown" in first.stderr
    rows = outbox(config)
    assert {r: row["status"] for r, row in rows.items()} == {LEADER: "sent", EDITOR: "unknown", THIRD: "sent"}
    assert "before the server answered" in rows[EDITOR]["last_reply"]

    again = cli("send", str(issue), "--json")

    assert again.code == 1
    assert {r["email"]: r["status"] for r in json.loads(again.stdout)["recipients"]}[EDITOR] == "unknown"
    assert server.mailbox.transactions == 3  # nothing was handed over a second time

    resend = cli("send", str(issue), "--to", EDITOR, "--resend-unknown")

    assert resend.code == 0, resend.stderr
    assert server.mailbox.recipients() == sorted([LEADER, EDITOR, THIRD])
    assert outbox(config)[EDITOR]["status"] == "sent"


def test_a_send_interrupted_mid_message_becomes_unknown(issue, tmp_path, mail_server):
    server = mail_server()
    config = load_config(write_config(tmp_path, server.port))
    folder = load_issue(issue)
    with Ledger(config.state_dir) as ledger:  # what a process killed during DATA leaves behind
        ledger.enqueue(folder.outbox_key, None, str(issue), LEADER, message_id(folder, LEADER, "briefing@example.gov"))
        ledger.set_outbox(folder.outbox_key, LEADER, "sending")

    report = send_issue(config, issue)

    assert {o.email: o.status for o in report.outcomes} == {LEADER: "unknown", EDITOR: "sent"}
    assert server.mailbox.recipients() == [EDITOR]
    assert "interrupted while sending" in outbox(config)[LEADER]["last_reply"]


def test_an_empty_or_broken_issue_is_never_mailed(issue, tmp_path, mail_server, cli):
    server = mail_server()
    write_config(tmp_path, server.port)
    manifest_path = issue / "manifest.json"
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    pdf = issue / manifest["outputs"]["pdf"]
    good_pdf = pdf.read_bytes()

    pdf.write_bytes(good_pdf[: len(good_pdf) // 3])
    broken = cli("send", str(issue))
    pdf.write_bytes(good_pdf)
    manifest_path.write_text(json.dumps({**manifest, "sections": []}, ensure_ascii=False), encoding="utf-8")
    empty = cli("send", str(issue))

    assert broken.code == 1 and "the PDF does not open" in broken.stderr and "Traceback" not in broken.stderr
    assert empty.code == 1 and "the issue has no items" in empty.stderr
    assert server.mailbox.transactions == 0


def test_dry_run_writes_the_messages_into_the_issue_folder(issue, tmp_path, cli):
    (tmp_path / "briefing.toml").write_text(
        '[delivery]\nrecipients = [{ email = "leader@example.gov", gets = ["pdf", "docx"] }]\n', encoding="utf-8")

    result = cli("send", str(issue), "--dry-run")

    assert result.code == 0, result.stderr
    import email
    import email.policy

    (eml,) = issue.glob("*.eml")
    message = email.message_from_bytes(eml.read_bytes(), policy=email.policy.default)
    assert message["To"] == LEADER and message["Auto-Submitted"] == "auto-generated"
    assert sorted(a.get_filename() for a in message.iter_attachments()) == [
        "科技创新动态（2026年第1期）.docx", "科技创新动态（2026年第1期）.pdf"]
    assert not (tmp_path / ".briefing" / "ledger.sqlite3").exists() or not outbox(load_config(tmp_path / "briefing.toml"))


@pytest.mark.parametrize("setup, expected", [
    ("", "no recipients"),
    ('[delivery]\nrecipients = [{ email = "a@example.gov" }]\n', "[delivery] smtp is not set"),
    ('[delivery]\nsmtp = "smtp://127.0.0.1:1"\nfrom = "b@example.gov"\nusername = "u"\n'
     'recipients = [{ email = "a@example.gov" }]\n', "BRIEFING_SMTP_PASSWORD is not set"),
])
def test_settings_mistakes_are_one_line_and_exit_2(issue, tmp_path, cli, setup, expected):
    (tmp_path / "briefing.toml").write_text(setup, encoding="utf-8")

    result = cli("send", str(issue))

    assert result.code == 2
    assert expected in result.stderr and "Traceback" not in result.stderr


def test_not_an_issue_folder(tmp_path, cli):
    result = cli("send", str(tmp_path), "--to", LEADER)
    assert result.code == 2 and "no manifest.json" in result.stderr


def test_sent_issue_is_marked_and_a_partly_mailed_issue_keeps_its_number(tmp_path, mail_server):
    from briefing.build import BuildRequest, build
    from datetime import date
    from conftest import REPO

    server = mail_server()
    server.mailbox.drop_after_data_for.add(EDITOR)
    config = load_config(write_config(tmp_path, server.port, extra=f'[sources]\npaths = ["{REPO / "sample"}"]\n'))

    first = build(config, BuildRequest(date=date(2026, 11, 26), formats=("pdf", "docx"), send=True))
    assert {o.email: o.status for o in first.delivery.outcomes} == {LEADER: "sent", EDITOR: "unknown"}
    rebuilt = build(config, BuildRequest(date=date(2026, 11, 27), formats=("pdf",)))
    again = build(config, BuildRequest(date=date(2026, 11, 26), formats=("pdf", "docx")))

    # a copy of 第1期 is out there: rebuilding that date makes a new issue instead of overwriting it
    assert again.issue.masthead.number.number == 3 and rebuilt.issue.masthead.number.number == 2
    with Ledger(config.state_dir) as ledger:
        assert [row.status for row in ledger.issues()] == ["built", "built", "built"]
    assert send_issue(config, first.folder, to=[EDITOR], resend_unknown=True).complete
    with Ledger(config.state_dir) as ledger:
        assert ledger.issues()[0].status == "sent"


# -- faults: a connection the server reset, AUTH in clear text, what stderr shows ------------------


@pytest.fixture(params=["plain", "implicit TLS"])
def any_server(request, tmp_path, mail_server, test_ca):
    """(server, scheme, extra [delivery] lines): the same misbehaviour without and with TLS, where
    a reset looks like any other end of the connection to the TLS layer."""
    if request.param == "plain":
        return mail_server(), "smtp", ""
    test_ca.cert_pem.write_to_path(str(tmp_path / "ca.pem"))
    return mail_server(tls="implicit"), "smtps", 'ca_file = "ca.pem"'


def test_a_server_that_resets_instead_of_answering_cannot_have_accepted_it_and_is_retried(issue, tmp_path,
                                                                                          any_server, cli):
    server, scheme, extra = any_server
    server.mailbox.reset_after_message_for.add(EDITOR)  # the whole message went out; a reset came back
    config = load_config(write_config(tmp_path, server.port, scheme=scheme, extra_delivery=extra,
                                      recipients=[(LEADER, ["pdf"]), (EDITOR, ["pdf"]), (THIRD, ["pdf"])]))

    result = cli("send", str(issue))

    assert result.code == 0, result.stderr
    rows = outbox(config)
    assert {r: (row["status"], row["attempts"]) for r, row in rows.items()} == {
        LEADER: ("sent", 1), EDITOR: ("sent", 2), THIRD: ("sent", 1)}
    assert server.mailbox.recipients() == sorted([LEADER, EDITOR, THIRD]) and server.mailbox.transactions == 4


def test_a_server_that_reads_200_bytes_and_resets_is_retried(issue, tmp_path, any_server):
    server, scheme, extra = any_server
    server.mailbox.reset_mid_message_for[LEADER] = 200
    config = load_config(write_config(tmp_path, server.port, scheme=scheme, extra_delivery=extra,
                                      recipients=[(LEADER, ["pdf"]), (EDITOR, ["pdf"])]))

    report = send_issue(config, issue)

    assert report.complete, report.problems()
    assert {r: (row["status"], row["attempts"]) for r, row in outbox(config).items()} == {
        LEADER: ("sent", 2), EDITOR: ("sent", 1)}
    assert server.mailbox.recipients() == [EDITOR, LEADER]


def test_a_clean_close_after_the_whole_message_stays_unknown_over_tls_too(issue, tmp_path, any_server):
    server, scheme, extra = any_server
    server.mailbox.drop_after_data_for.add(LEADER)  # it read the message, then closed without answering
    config = load_config(write_config(tmp_path, server.port, scheme=scheme, extra_delivery=extra,
                                      recipients=[(LEADER, ["pdf"])]))

    report = send_issue(config, issue)

    assert [o.status for o in report.outcomes] == ["unknown"]
    assert server.mailbox.transactions == 1  # not handed over a second time


def test_no_answer_to_the_whole_message_is_unknown_and_the_rest_still_go(issue, tmp_path, mail_server):
    server = mail_server()
    server.mailbox.silent_after_message_for.add(LEADER)
    path = write_config(tmp_path, server.port, recipients=[(LEADER, ["pdf"]), (EDITOR, ["pdf"])])
    path.write_text(path.read_text(encoding="utf-8").replace("timeout_seconds = 10", "timeout_seconds = 0.5"),
                    encoding="utf-8")

    report = send_issue(load_config(path), issue)

    assert {o.email: o.status for o in report.outcomes} == {LEADER: "unknown", EDITOR: "sent"}
    assert "no answer to the whole message" in outbox(load_config(path))[LEADER]["last_reply"]
    assert server.mailbox.recipients() == [EDITOR]


def test_a_password_is_never_sent_in_clear_text_to_another_host(issue, tmp_path, cli):
    settings = 'smtp = "smtp://mail.example.gov:587"\nstarttls = false\nusername = "briefing"\nfrom = "b@example.gov"\n'
    (tmp_path / "briefing.toml").write_text(
        f'[delivery]\n{settings}recipients = [{{ email = "{LEADER}" }}]\n', encoding="utf-8")

    refused = cli("send", str(issue), env={"BRIEFING_SMTP_PASSWORD": PASSWORD})
    doctor = cli("doctor", "--json")

    assert refused.code == 2 and "Traceback" not in refused.stderr
    assert "clear text" in refused.stderr and "insecure_plaintext_login" in refused.stderr
    (check,) = [c for c in json.loads(doctor.stdout) if c["name"] == "smtp login"]
    assert check["status"] == "fail" and "clear text" in check["detail"]

    (tmp_path / "briefing.toml").write_text(
        f'[delivery]\n{settings}insecure_plaintext_login = true\nrecipients = [{{ email = "{LEADER}" }}]\n',
        encoding="utf-8")
    (check,) = [c for c in json.loads(cli("doctor", "--json").stdout) if c["name"] == "smtp login"]
    assert check["status"] == "warn" and "insecure_plaintext_login = true" in check["detail"]


def test_a_login_over_loopback_needs_no_tls(tmp_path, monkeypatch):
    from briefing.delivery.smtp import check_settings, cleartext_login

    for host in ("127.0.0.1", "127.0.0.2", "[::1]", "localhost"):
        assert not cleartext_login(f"smtp://{host}:25", starttls=False)
    assert cleartext_login("smtp://10.0.0.5:25", starttls=False) and cleartext_login("smtp://relay:25", False)
    assert not cleartext_login("smtps://relay:465", False) and not cleartext_login("smtp://relay:587", True)
    monkeypatch.setenv("BRIEFING_SMTP_PASSWORD", PASSWORD)
    check_settings(load_config(write_config(tmp_path, 2525, extra_delivery='username = "briefing"')))  # 127.0.0.1


def test_send_off_a_terminal_writes_each_problem_as_a_briefing_line(issue, tmp_path, mail_server, cli):
    server = mail_server()
    server.mailbox.data_replies.append("451 4.3.0 try again later")
    write_config(tmp_path, server.port, recipients=[(LEADER, ["pdf"])])

    result = cli("send", str(issue))

    assert result.code == 0, result.stderr
    lines = result.stderr.splitlines()
    assert lines and all(line.startswith("briefing: ") for line in lines), lines
    assert any("451 4.3.0 try again later" in line and LEADER in line for line in lines)


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")  # the test's own server
def test_the_connection_itself_refuses_a_clear_text_login_whatever_asked_for_it(tmp_path, mail_server, monkeypatch):
    """check_settings is not the only guard: a path that forgets it (the approvers' notice once
    did) still cannot send the password unencrypted to another host."""
    import briefing.delivery.smtp as smtp
    from briefing.errors import ConfigError

    server = mail_server(auth=True)  # offers AUTH without TLS
    config = load_config(write_config(tmp_path, server.port, starttls=False, extra_delivery=f'username = "{USER}"'))
    monkeypatch.setenv("BRIEFING_SMTP_PASSWORD", PASSWORD)
    monkeypatch.setattr(smtp, "_is_loopback", lambda host: False)  # as if 127.0.0.1 were another machine

    with pytest.raises(ConfigError, match="clear text"):
        smtp.connect(config)
    assert server.mailbox.logins == 0
    monkeypatch.setattr(smtp, "_is_loopback", lambda host: True)
    smtp.connect(config).quit()  # on loopback the same login goes ahead
    assert server.mailbox.logins == 1


def test_an_output_that_is_a_link_is_never_opened_nor_mailed(issue, tmp_path, mail_server, cli):
    server = mail_server()
    write_config(tmp_path, server.port)
    secret = tmp_path / "elsewhere.pdf"
    shutil.copyfile(next(issue.glob("*.pdf")), secret)  # a real PDF, so only the link itself is wrong
    pdf = next(issue.glob("*.pdf"))
    pdf.unlink()
    pdf.symlink_to(secret)

    result = cli("send", str(issue))

    assert result.code == 1 and "Traceback" not in result.stderr
    assert "not a regular file in the issue folder" in result.stderr
    assert result.stderr.count("\n") == 1  # no library chatter beside the one line
    assert server.mailbox.transactions == 0
