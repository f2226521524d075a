"""Who gets what, and the message itself: subject, plain and HTML bodies from templates/,
attachments with their Chinese file names, and a Message-ID that is the same at every resend.
And the message that tells approvers an issue waits for them."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP as SMTP_POLICY
from email.utils import format_datetime, make_msgid, parseaddr
from pathlib import Path
from zoneinfo import ZoneInfo

from ..config import EMAIL_ADDRESS, DeliverySettings
from ..errors import UsageError
from ..model import StoredIssue
from ..output import read_issue_file
from ..render.layout import section_prefix
from ..resources import templates_dir

ATTACHMENT_TYPES = {
    "pdf": ("application", "pdf"),
    "docx": ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document"),
}


@dataclass(frozen=True)
class Target:
    email: str
    gets: tuple[str, ...]


def targets(settings: DeliverySettings, to: Iterable[str] = ()) -> list[Target]:
    """The configured recipients, or only those named with --to (an unlisted address gets the PDF)."""
    configured = {r.email.lower(): Target(r.email, tuple(dict.fromkeys(r.gets))) for r in settings.recipients}
    wanted = [e.strip() for item in to for e in item.split(",") if e.strip()]
    if not wanted:
        return list(configured.values())
    chosen = []
    for email in dict.fromkeys(wanted):
        if not re.match(EMAIL_ADDRESS, email):
            raise UsageError(f"--to {email!r}: not an email address")
        chosen.append(configured.get(email.lower(), Target(email, ("pdf",))))
    return chosen


def subject_of(stored: StoredIssue) -> str:
    m = stored.issue.masthead
    return f"{m.title} {m.number_line}（{m.date_line}）"


def message_id(stored: StoredIssue, email: str, sender: str) -> str:
    """The same Message-ID every time this issue goes to this person: a resend is recognisable."""
    domain = sender.rpartition("@")[2] or "briefing.invalid"
    local = re.sub(r"[^A-Za-z0-9.-]", "-", stored.outbox_key.replace("/", "."))
    digest = hashlib.sha256(email.strip().lower().encode("utf-8")).hexdigest()[:16]
    return f"<briefing.{local}.{digest}@{domain}>"


def _new_message(subject: str, from_header: str, to: str, timezone: str, now: datetime | None) -> EmailMessage:
    name, sender = parseaddr(from_header)
    msg = EmailMessage(policy=SMTP_POLICY)
    msg["Subject"] = subject
    msg["From"] = Address(display_name=name, addr_spec=sender) if name else sender
    msg["To"] = to
    msg["Date"] = format_datetime(now or datetime.now(ZoneInfo(timezone)))
    msg["Auto-Submitted"] = "auto-generated"  # RFC 3834: no vacation auto-replies to this
    return msg


def compose_message(stored: StoredIssue, target: Target, from_header: str, timezone: str,
                    now: datetime | None = None) -> EmailMessage:
    msg = _new_message(subject_of(stored), from_header, target.email, timezone, now)
    msg["Message-ID"] = message_id(stored, target.email, parseaddr(from_header)[1])
    attachments = [(kind, stored.output(kind)) for kind in target.gets]
    text, html = _render_bodies(_template_context(stored, [path.name for _, path in attachments]))
    msg.set_content(text, subtype="plain", charset="utf-8", cte="base64")
    msg.add_alternative(html, subtype="html", charset="utf-8", cte="base64")
    for kind, path in attachments:
        _attach(msg, kind, path)
    return msg


def _attach(msg: EmailMessage, kind: str, path: Path) -> None:
    maintype, subtype = ATTACHMENT_TYPES[kind]
    # Chinese file names: RFC 2231 (filename*=utf-8''…) in both the disposition and the type
    msg.add_attachment(read_issue_file(path.parent, path.name), maintype=maintype, subtype=subtype,
                       filename=path.name, params={"name": path.name})


def review_message(stored: StoredIssue, address: str, from_header: str, link: str, timezone: str,
                   now: datetime | None = None) -> EmailMessage:
    """What an approver is told when an issue waits for approval: the link to it in the console,
    and its PDF."""
    msg = _new_message(f"待审批：{subject_of(stored)}", from_header, address, timezone, now)
    msg["Message-ID"] = make_msgid("briefing.review", parseaddr(from_header)[1].rpartition("@")[2] or None)
    m = stored.issue.masthead
    msg.set_content(
        f"{m.title} {m.number_line}（{m.date_line}）已生成，等待您审批。\n\n"
        f"在控制台审阅并批准：\n{link}\n\n"
        "批准后即发送给收件人；批准前不会发给任何收件人。附件为本期 PDF。\n",
        charset="utf-8", cte="base64")
    pdf = stored.output("pdf")
    if pdf is not None and pdf.is_file():
        _attach(msg, "pdf", pdf)
    return msg


def _template_context(stored: StoredIssue, attachment_names: list[str]) -> dict:
    m = stored.issue.masthead
    sections = [{"prefix": section_prefix(index), "title": s.title, "titles": [item.title for item in s.items]}
                for index, s in enumerate(s for s in stored.issue.sections if s.items)]
    return {"briefing": m.title, "number_line": m.number_line, "date_line": m.date_line,
            "issuer": m.issuer, "sections": sections, "attachments": attachment_names}


def _render_bodies(context: dict) -> tuple[str, str]:
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    env = Environment(loader=FileSystemLoader(str(templates_dir())), trim_blocks=True, lstrip_blocks=True,
                      autoescape=select_autoescape(enabled_extensions=("html.j2",), default_for_string=False))
    text = env.get_template("email.txt.j2").render(context)
    html = env.get_template("email.html.j2").render(context)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n", html
