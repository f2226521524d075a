"""Email delivery of a built issue: SMTP over verified TLS, one message per recipient, an outbox
in the ledger so that each recipient gets each issue exactly once.

`send_issue(config, issue_dir)` is the one entry point; `briefing send`, `build --send`, the
scheduled runs and `publish --send` all call it.

What happens, in order:
1. The issue folder is checked (manifest, items, the PDF opens and has pages and text, the DOCX
   opens). A failed or empty issue is never mailed.
2. Under the (edition, date) lock, one outbox row per (issue, recipient) is made 'pending'; rows
   a crashed run left 'sending' become 'unknown'.
3. For each recipient not yet sent: MAIL, RCPT, DATA. The row turns 'sending' just before the
   message is handed over, then 'sent' (2xx), 'failed' (5xx, permanent) or back to pending for
   a retry (4xx, lost connection before the message was handed over). A connection lost after
   the message was handed over and before the server answered leaves the row 'unknown': it may
   have arrived, so it is not resent unless the operator says so.
4. Temporary failures are retried with exponential backoff up to max_attempts; what is still
   undelivered then is 'failed'.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import smtplib
import ssl
import time
import zipfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date as Date, datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP as SMTP_POLICY
from email.utils import format_datetime, parseaddr
from pathlib import Path
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from .build import BuildError, UsageError
from .config import EMAIL_ADDRESS, Config, ConfigError, DeliverySettings
from .ledger import Ledger
from .locks import issue_lock
from .publish import MANIFEST, read_manifest
from .render.layout import section_prefix
from .resources import templates_dir

log = logging.getLogger("briefing.deliver")

PASSWORD_VARIABLE = "BRIEFING_SMTP_PASSWORD"
MAX_BACKOFF_SECONDS = 900
ATTACHMENT_TYPES = {
    "pdf": ("application", "pdf"),
    "docx": ("application", "vnd.openxmlformats-officedocument.wordprocessingml.document"),
}

Progress = Callable[[str], None]


class DeliveryError(BuildError):
    """The issue could not be mailed (exit code 1, like a failed build); the message says why."""


# -- the issue folder ---------------------------------------------------------------------------


@dataclass(frozen=True)
class IssueFolder:
    path: Path
    manifest: dict
    revision: str = ""

    @property
    def edition(self) -> str:
        return self.manifest["edition"]

    @property
    def day(self) -> Date:
        return Date.fromisoformat(self.manifest["date"])

    @property
    def number(self) -> dict:
        return self.manifest["issue"]

    @property
    def key(self) -> str:
        """The outbox's name for this issue: edition/year/number (s1 for 增刊第1期)."""
        n = self.number
        key = f"{self.edition}/{n['year']}/{'s' if n['special'] else ''}{n['number']}"
        return f"{key}/{self.revision}" if self.revision else key

    @property
    def masthead(self) -> dict:
        m = self.manifest.get("masthead") or {}
        n = self.number
        number_line = m.get("number_line") or (f"增刊第{n['number']}期" if n["special"] else f"第{n['number']}期")
        d = self.day
        return {"title": m.get("title") or self.manifest.get("briefing", ""), "issuer": m.get("issuer", ""),
                "number_line": number_line, "date_line": m.get("date_line") or f"{d.year}年{d.month}月{d.day}日"}

    @property
    def item_count(self) -> int:
        return sum(len(s.get("items", [])) for s in self.manifest.get("sections", []))

    def output(self, kind: str) -> Path | None:
        name = (self.manifest.get("outputs") or {}).get(kind)
        return self.path / name if name else None


def load_issue(issue_dir: Path, revision: str | None = None) -> IssueFolder:
    path = Path(issue_dir)
    manifest_path = path / MANIFEST
    if not path.is_dir():
        raise UsageError(f"{path}: no such issue folder; give the folder `briefing build` wrote, e.g. out/2026-11-26-daily-1")
    if not manifest_path.exists():
        raise UsageError(f"{path}: no {MANIFEST}; give the folder `briefing build` wrote, e.g. out/2026-11-26-daily-1")
    manifest = read_manifest(path, required=("edition", "date", "issue", "outputs", "sections"))
    return IssueFolder(path.resolve(), manifest, manifest.get("revision", "") if revision is None else revision)


def check_issue(issue: IssueFolder, formats: Iterable[str]) -> None:
    """Refuse to mail an issue that failed or is empty: no items, or a PDF/DOCX that does not open."""
    if issue.item_count == 0:
        raise DeliveryError(f"{issue.path}: the issue has no items; an empty issue is never mailed")
    for kind in sorted(set(formats)):
        path = issue.output(kind)
        if path is None or not path.is_file():
            raise DeliveryError(f"{issue.path}: a recipient gets the {kind.upper()} but the issue has none; "
                                f"rebuild with --formats docx,pdf or change their `gets`")
        (_check_pdf if kind == "pdf" else _check_docx)(path)


def _check_pdf(path: Path) -> None:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(path)
        pages = len(reader.pages)
        text = reader.pages[0].extract_text() if pages else ""
    except (PyPdfError, OSError, ValueError, KeyError) as exc:
        raise DeliveryError(f"{path}: the PDF does not open ({exc}); rebuild the issue")
    if pages == 0:
        raise DeliveryError(f"{path}: the PDF has no pages; rebuild the issue")
    if not text.strip():
        raise DeliveryError(f"{path}: the PDF's first page has no text; rebuild the issue")


def _check_docx(path: Path) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            body = archive.read("word/document.xml")
    except (zipfile.BadZipFile, KeyError, OSError) as exc:
        raise DeliveryError(f"{path}: the DOCX does not open ({exc}); rebuild the issue")
    if b"<w:t" not in body:
        raise DeliveryError(f"{path}: the DOCX has no text; rebuild the issue")


# -- who gets what ------------------------------------------------------------------------------


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


# -- the message --------------------------------------------------------------------------------


def subject_of(issue: IssueFolder) -> str:
    m = issue.masthead
    return f"{m['title']} {m['number_line']}（{m['date_line']}）"


def message_id(issue: IssueFolder, email: str, sender: str) -> str:
    """The same Message-ID every time this issue goes to this person: a resend is recognisable."""
    domain = sender.rpartition("@")[2] or "briefing.invalid"
    local = re.sub(r"[^A-Za-z0-9.-]", "-", issue.key.replace("/", "."))
    digest = hashlib.sha256(email.strip().lower().encode("utf-8")).hexdigest()[:16]
    return f"<briefing.{local}.{digest}@{domain}>"


def compose_message(issue: IssueFolder, target: Target, from_header: str, timezone: str,
                    now: datetime | None = None) -> EmailMessage:
    name, sender = parseaddr(from_header)
    msg = EmailMessage(policy=SMTP_POLICY)
    msg["Subject"] = subject_of(issue)
    msg["From"] = Address(display_name=name, addr_spec=sender) if name else sender
    msg["To"] = target.email
    msg["Date"] = format_datetime(now or datetime.now(ZoneInfo(timezone)))
    msg["Message-ID"] = message_id(issue, target.email, sender)
    msg["Auto-Submitted"] = "auto-generated"  # RFC 3834: no vacation auto-replies to this
    attachments = [(kind, issue.output(kind)) for kind in target.gets]
    context = _template_context(issue, [path.name for _, path in attachments])
    text, html = _render_bodies(context)
    msg.set_content(text, subtype="plain", charset="utf-8", cte="base64")
    msg.add_alternative(html, subtype="html", charset="utf-8", cte="base64")
    for kind, path in attachments:
        maintype, subtype = ATTACHMENT_TYPES[kind]
        # Chinese file names: RFC 2231 (filename*=utf-8''…) in both the disposition and the type
        msg.add_attachment(path.read_bytes(), maintype=maintype, subtype=subtype, filename=path.name,
                           params={"name": path.name})
    return msg


def _template_context(issue: IssueFolder, attachment_names: list[str]) -> dict:
    m = issue.masthead
    sections = [{"prefix": section_prefix(index), "title": s.get("title", ""),
                 "titles": [item.get("title", "") for item in s.get("items", [])]}
                for index, s in enumerate(s for s in issue.manifest.get("sections", []) if s.get("items"))]
    return {"briefing": m["title"], "number_line": m["number_line"], "date_line": m["date_line"],
            "issuer": m["issuer"], "sections": sections, "attachments": attachment_names}


def _render_bodies(context: dict) -> tuple[str, str]:
    from jinja2 import Environment, FileSystemLoader, select_autoescape

    env = Environment(loader=FileSystemLoader(str(templates_dir())), trim_blocks=True, lstrip_blocks=True,
                      autoescape=select_autoescape(enabled_extensions=("html.j2",), default_for_string=False))
    text = env.get_template("email.txt.j2").render(context)
    html = env.get_template("email.html.j2").render(context)
    return re.sub(r"\n{3,}", "\n\n", text).strip() + "\n", html


# -- the report ---------------------------------------------------------------------------------


@dataclass
class Outcome:
    email: str
    status: str  # sent | failed | unknown | written (dry run)
    attempts: int = 0
    reply: str = ""
    note: str = ""  # e.g. "already sent on …", "not resent: may have arrived"


@dataclass
class DeliveryReport:
    issue_dir: Path
    issue_key: str
    subject: str
    outcomes: list[Outcome] = field(default_factory=list)
    dry_run: bool = False

    @property
    def complete(self) -> bool:
        return bool(self.outcomes) and all(o.status in ("sent", "written") for o in self.outcomes)

    def problems(self) -> list[str]:
        lines = []
        for o in self.outcomes:
            if o.status == "failed":
                lines.append(f"{o.email}: failed after {o.attempts} attempt(s): {o.reply}")
            elif o.status == "unknown":
                lines.append(f"{o.email}: may or may not have arrived ({o.reply}); check with the recipient, then "
                             f"`briefing send {self.issue_dir} --to {o.email} --resend-unknown`")
        return lines

    def as_dict(self) -> dict:
        return {"issue_dir": str(self.issue_dir), "issue": self.issue_key, "subject": self.subject,
                "dry_run": self.dry_run, "complete": self.complete,
                "recipients": [o.__dict__ for o in self.outcomes]}


# -- SMTP ---------------------------------------------------------------------------------------


class ConnectionProblem(Exception):
    """The server could not be reached or refused us as a whole (not one recipient)."""

    def __init__(self, reply: str, permanent: bool):
        super().__init__(reply)
        self.reply = reply
        self.permanent = permanent


class LostBeforeHandover(Exception):
    """The connection broke before the whole message was handed over: it cannot have arrived."""


@dataclass(frozen=True)
class Result:
    status: str  # sent | temporary | permanent | unknown
    reply: str


def check_settings(config: Config, to: Iterable[str] = ()) -> None:
    """Everything a real send needs from briefing.toml and the environment, or a ConfigError."""
    d = config.delivery
    where = config.path or "briefing.toml"
    if not targets(d, to):
        raise ConfigError(f"{where}: no recipients; set [delivery] recipients or pass --to")
    if not d.smtp:
        raise ConfigError(f"{where}: [delivery] smtp is not set; set smtps://host:465 or smtp://host:587")
    if not parseaddr(d.from_)[1] or "@" not in parseaddr(d.from_)[1]:
        raise ConfigError(f"{where}: [delivery] from is not set to an address; e.g. from = \"简报 <briefing@example.gov>\"")
    if d.username and not os.environ.get(PASSWORD_VARIABLE):
        raise ConfigError(f"{PASSWORD_VARIABLE} is not set; [delivery] username = {d.username!r} in {where} needs "
                          "its password in that environment variable")
    if d.ca_file and not config.resolve(d.ca_file).is_file():
        raise ConfigError(f"{where}: [delivery] ca_file {str(config.resolve(d.ca_file))!r} not found")


def tls_context(config: Config) -> ssl.SSLContext:
    """Certificates are always verified; ca_file adds an internal CA to the system's."""
    context = ssl.create_default_context()
    if config.delivery.ca_file:
        try:
            context.load_verify_locations(cafile=str(config.resolve(config.delivery.ca_file)))
        except (OSError, ssl.SSLError) as exc:
            raise ConfigError(f"{config.path or 'briefing.toml'}: [delivery] ca_file cannot be loaded ({exc})")
    return context


def connect(config: Config) -> smtplib.SMTP:
    """An SMTP connection, encrypted (unless starttls = false on smtp://) and logged in."""
    d = config.delivery
    url = urlsplit(d.smtp)
    host, implicit = url.hostname, url.scheme == "smtps"
    port = url.port or (465 if implicit else 587)
    where = f"{host}:{port}"
    context = tls_context(config)
    try:
        return _open(config, host, port, implicit, context)
    except ssl.SSLCertVerificationError as exc:
        raise ConnectionProblem(f"the certificate of {where} is not trusted ({exc.verify_message}); "
                                "set [delivery] ca_file to your mail server's CA bundle", permanent=True)
    except smtplib.SMTPNotSupportedError:
        raise ConnectionProblem(f"{where} does not offer STARTTLS; use smtps:// or, only for a trusted "
                                "local relay, set starttls = false in [delivery]", permanent=True)
    except smtplib.SMTPAuthenticationError as exc:
        raise ConnectionProblem(f"{where} refused the login as {d.username!r} ({_reply(exc.smtp_code, exc.smtp_error)}); "
                                f"check [delivery] username and {PASSWORD_VARIABLE}", permanent=exc.smtp_code >= 500)
    except smtplib.SMTPResponseException as exc:  # e.g. a 421 or 554 greeting
        raise ConnectionProblem(f"{where} refused the connection ({_reply(exc.smtp_code, exc.smtp_error)})",
                                permanent=exc.smtp_code >= 500)
    except (OSError, smtplib.SMTPException) as exc:  # refused, timed out, reset, TLS handshake failed
        raise ConnectionProblem(f"cannot reach {where} ({exc or type(exc).__name__})", permanent=False)


def _open(config: Config, host: str, port: int, implicit: bool, context: ssl.SSLContext) -> smtplib.SMTP:
    d = config.delivery
    if implicit:
        smtp = smtplib.SMTP_SSL(host, port, timeout=d.timeout_seconds, context=context)
    else:
        smtp = smtplib.SMTP(host, port, timeout=d.timeout_seconds)
    try:
        if not implicit and d.starttls:
            smtp.starttls(context=context)  # SMTPNotSupportedError when the server does not offer it
        smtp.ehlo_or_helo_if_needed()
        if d.username:
            smtp.login(d.username, os.environ.get(PASSWORD_VARIABLE, ""))
    except BaseException:
        smtp.close()
        raise
    return smtp


def _reply(code: int, text: bytes | str) -> str:
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    return f"{code} {text}".strip()


def _classify(code: int, text: bytes | str) -> Result:
    reply = _reply(code, text)
    if 200 <= code < 300:
        return Result("sent", reply)
    return Result("permanent" if code >= 500 else "temporary", reply)


def transmit(smtp: smtplib.SMTP, sender: str, recipient: str, data: bytes,
             handing_over: Callable[[], None]) -> Result:
    """One SMTP transaction. Calls handing_over() just before the message is handed over."""
    try:
        for code, text in (smtp.mail(sender), smtp.rcpt(recipient)):
            if code not in (250, 251):
                smtp.rset()
                return _classify(code, text)
        code, text = smtp.docmd("DATA")
        if code != 354:
            smtp.rset()
            return _classify(code, text)
    except (OSError, smtplib.SMTPServerDisconnected) as exc:
        raise LostBeforeHandover(f"connection lost before the message was sent ({exc or type(exc).__name__})")
    handing_over()
    try:
        smtp.send(_dot_stuffed(data))
    except (OSError, smtplib.SMTPServerDisconnected) as exc:
        # the terminating "." never went out, so the server cannot have accepted the message
        raise LostBeforeHandover(f"connection lost while sending the message ({exc or type(exc).__name__})")
    try:
        code, text = smtp.getreply()
    except (OSError, smtplib.SMTPServerDisconnected) as exc:
        return Result("unknown", f"connection lost after the message was sent, before the server answered "
                                 f"({exc or type(exc).__name__})")
    return _classify(code, text)


def _dot_stuffed(data: bytes) -> bytes:
    data = re.sub(rb"(?m)^\.", b"..", data)
    if not data.endswith(b"\r\n"):
        data += b"\r\n"
    return data + b".\r\n"


# -- sending ------------------------------------------------------------------------------------


def send_issue(config: Config, issue_dir: Path, *, to: Iterable[str] = (), dry_run: bool = False,
               resend_unknown: bool = False, revision: str | None = None, progress: Progress | None = None,
               sleep: Callable[[float], None] = time.sleep) -> DeliveryReport:
    """Mail the issue in issue_dir to each recipient who has not had it yet.

    to: only these addresses (default: [delivery] recipients). dry_run: write .eml files into the
    issue folder instead of sending. resend_unknown: also send to recipients whose earlier send
    ended 'unknown' (the operator has checked it did not arrive). revision: a name for a second
    version of the same issue (e.g. "final" for `publish --send`), mailed separately from the
    first; default: the manifest's "revision", or none.
    """
    issue = load_issue(issue_dir, revision)
    chosen = targets(config.delivery, to)
    if not chosen:
        raise ConfigError(f"{config.path or 'briefing.toml'}: no recipients; set [delivery] recipients or pass --to")
    if not dry_run:
        check_settings(config, to)
    check_issue(issue, {kind for t in chosen for kind in t.gets})
    report = DeliveryReport(issue.path, issue.key, subject_of(issue), dry_run=dry_run)
    with issue_lock(config.state_dir, issue.edition, issue.day, purpose=f"send {issue.path.name}",
                    wait_seconds=config.service.lock_wait_seconds, on_wait=progress):
        if dry_run:
            report.outcomes = _write_eml(config, issue, chosen)
            return report
        with Ledger(config.state_dir) as ledger:
            _send_all(config, ledger, issue, chosen, resend_unknown, report, progress, sleep)
    return report


def _write_eml(config: Config, issue: IssueFolder, chosen: list[Target]) -> list[Outcome]:
    sender = config.delivery.from_ or f"{issue.masthead['title']} <briefing@localhost>"
    outcomes = []
    for target in chosen:
        message = compose_message(issue, target, sender, config.briefing.timezone)
        path = issue.path / f"mail-{re.sub(r'[^A-Za-z0-9@._-]', '_', target.email)}.eml"
        path.write_bytes(message.as_bytes())
        outcomes.append(Outcome(target.email, "written", note=str(path)))
    return outcomes


def _send_all(config: Config, ledger: Ledger, issue: IssueFolder, chosen: list[Target], resend_unknown: bool,
              report: DeliveryReport, progress: Progress | None, sleep: Callable[[float], None]) -> None:
    d = config.delivery
    n = issue.number
    issue_row = ledger.find_issue(issue.edition, n["year"], n["number"], n["special"])
    issue_id = issue_row["id"] if issue_row is not None else None
    sender = parseaddr(d.from_)[1]
    for target in chosen:
        ledger.enqueue(issue.key, issue_id, str(issue.path), target.email, message_id(issue, target.email, sender))
    if ledger.settle_interrupted(issue.key):
        log.warning("%s: a send was interrupted mid-message; those recipients are marked unknown", issue.path)

    todo = []
    for target in chosen:
        row = ledger.outbox_row(issue.key, target.email)
        if row["status"] == "sent":
            report.outcomes.append(Outcome(target.email, "sent", row["attempts"], row["last_reply"] or "",
                                           note=f"already sent {row['sent_at']}; not sent again"))
        elif row["status"] == "unknown" and not resend_unknown:
            report.outcomes.append(Outcome(target.email, "unknown", row["attempts"], row["last_reply"] or "",
                                           note="not resent: it may have arrived"))
        else:
            ledger.set_outbox(issue.key, target.email, "pending")
            todo.append(target)

    fatal = _deliver_with_retries(config, ledger, issue, todo, progress, sleep)
    for target in todo:
        row = ledger.outbox_row(issue.key, target.email)
        status = row["status"]
        if status == "pending":  # temporary failures outlasted max_attempts
            ledger.set_outbox(issue.key, target.email, "failed")
            status = "failed"
        report.outcomes.append(Outcome(target.email, status, row["attempts"], row["last_reply"] or ""))
    ledger.mark_sent_when_done(issue_id, issue.key)
    if fatal is not None:
        raise DeliveryError(f"{issue.path}: nothing more could be sent: {fatal}")


def _deliver_with_retries(config: Config, ledger: Ledger, issue: IssueFolder, todo: list[Target],
                          progress: Progress | None, sleep: Callable[[float], None]) -> str | None:
    """Send to each target, retrying temporary failures; the reason if the server refused us for good."""
    d = config.delivery
    sender = parseaddr(d.from_)[1]
    for attempt in range(1, d.max_attempts + 1):
        waiting = [t for t in todo if ledger.outbox_row(issue.key, t.email)["status"] == "pending"]
        if not waiting:
            return None
        if attempt > 1:
            delay = min(d.retry_base_seconds * 2 ** (attempt - 2), MAX_BACKOFF_SECONDS)
            _tell(progress, f"retrying {len(waiting)} recipient(s) in {delay:.0f} s (attempt {attempt} of {d.max_attempts})")
            sleep(delay)
        try:
            smtp = connect(config)
        except ConnectionProblem as problem:
            for target in waiting:
                ledger.set_outbox(issue.key, target.email, "failed" if problem.permanent else "pending",
                                  reply=problem.reply, permanent=problem.permanent, attempted=True)
            log.warning("%s: %s", issue.path.name, problem.reply)
            if problem.permanent:
                return problem.reply
            continue
        try:
            _one_pass(config, ledger, issue, waiting, smtp, sender, progress)
        finally:
            _quit(smtp)
    return None


def _one_pass(config: Config, ledger: Ledger, issue: IssueFolder, waiting: list[Target], smtp: smtplib.SMTP,
              sender: str, progress: Progress | None) -> None:
    for index, target in enumerate(waiting):
        _tell(progress, f"sending to {target.email}")
        message = compose_message(issue, target, config.delivery.from_, config.briefing.timezone)
        try:
            result = transmit(smtp, sender, target.email, message.as_bytes(),
                              lambda: ledger.set_outbox(issue.key, target.email, "sending"))
        except LostBeforeHandover as lost:
            # this one and the rest wait for the next attempt, on a new connection
            for rest in waiting[index:]:
                ledger.set_outbox(issue.key, rest.email, "pending", reply=str(lost), attempted=rest is target)
            log.warning("%s: %s: %s", issue.path.name, target.email, lost)
            return
        status = {"sent": "sent", "permanent": "failed", "temporary": "pending", "unknown": "unknown"}[result.status]
        ledger.set_outbox(issue.key, target.email, status, reply=result.reply,
                          permanent=result.status == "permanent", attempted=True)
        log.log(logging.INFO if status == "sent" else logging.WARNING, "%s: %s: %s (%s)",
                issue.path.name, target.email, status, result.reply)
        if result.status == "unknown":
            for rest in waiting[index + 1:]:
                ledger.set_outbox(issue.key, rest.email, "pending")
            return  # the connection is gone


def _quit(smtp: smtplib.SMTP) -> None:
    try:
        smtp.quit()
    except (OSError, smtplib.SMTPException):
        smtp.close()


def _tell(progress: Progress | None, message: str) -> None:
    if progress:
        progress(message)
