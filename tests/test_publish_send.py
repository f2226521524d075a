"""`briefing publish EDITED.docx --send`: the final issue is mailed, also to those who had the
issue as built; the same final text is never mailed twice, a corrected one is."""

from __future__ import annotations

import json

from docx import Document

from conftest import SAMPLE
from console_harness import rewrite_health_item
from smtp_servers import write_config

EDITED = "编辑改写：北京稳居城市健康指数大城市组综合榜首，清华城市健康指数最新研究成果在论坛发布。"


def test_publish_send_mails_the_final_pdf_once(cli, tmp_path, mail_server):
    server = mail_server()
    write_config(tmp_path, server.port, recipients=[("leader@example.gov", ["pdf"])])
    built = cli("build", str(SAMPLE), "--date", "2026-11-26", "--send", "--json")
    assert built.code == 0, built.stderr
    manifest = json.loads(built.stdout)
    assert [m["To"] for m in server.mailbox.parsed()] == ["leader@example.gov"]

    folder = tmp_path / "out" / "2026-11-26-daily-1"
    draft = rewrite_health_item(folder, tmp_path / "edited.docx", EDITED)

    published = cli("publish", str(draft), "--send", "--json")
    assert published.code == 0, published.stderr
    assert json.loads(published.stdout)["delivery"]["recipients"][0]["status"] == "sent"
    messages = server.mailbox.parsed()
    assert len(messages) == 2, "the final issue goes out as a second message"
    assert messages[0]["Message-ID"] != messages[1]["Message-ID"]
    (attachment,) = list(messages[1].iter_attachments())
    assert attachment.get_content() == (folder / manifest["outputs"]["pdf"]).read_bytes()

    again = cli("publish", str(draft), "--send", "--json")
    assert again.code == 0, again.stderr
    assert len(server.mailbox.parsed()) == 2, "publishing the same text again mails nobody twice"
    resend = cli("send", str(folder))
    assert resend.code == 0 and len(server.mailbox.parsed()) == 2, "a plain send knows the final went out"

    doc = Document(str(draft))
    health = [p for p in doc.paragraphs if p.style.name == "简报-正文" and EDITED[:10] in p.text][0]
    health.runs[0].text = EDITED + "相关指数每年更新。"
    doc.save(str(draft))
    corrected = cli("publish", str(draft), "--send")
    assert corrected.code == 0, corrected.stderr
    assert len(server.mailbox.parsed()) == 3, "a corrected final issue goes out again"
