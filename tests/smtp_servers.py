"""Real SMTP servers on 127.0.0.1 for the delivery and scheduler tests (aiosmtpd), with a test CA
(trustme) for STARTTLS and implicit TLS, and handlers that answer 4xx/5xx or drop the line.

The helpers live here; the fixtures that start servers (`mail_server`, `test_ca`, `ca_file`)
are in conftest.py, so every test can ask for them.
"""

from __future__ import annotations

import asyncio
import email
import email.policy
import shutil
import socket
import ssl
import struct
from dataclasses import dataclass, field
from pathlib import Path

import trustme
from aiosmtpd.controller import Controller as _Controller
from aiosmtpd.smtp import SMTP, AuthResult

USER, PASSWORD = "briefing", "s3cret-test-password"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Mailbox:
    """What the server accepted, and how it should misbehave."""

    messages: list[tuple[list[str], bytes]] = field(default_factory=list)
    reject_rcpt: dict[str, str] = field(default_factory=dict)  # address -> reply, e.g. "550 5.1.1 no such user"
    data_replies: list[str] = field(default_factory=list)  # replies to DATA before the normal 250
    drop_after_data_for: set[str] = field(default_factory=set)  # close the line instead of answering DATA
    # take the whole message, then reset the connection (RST) instead of answering: what the
    # client sees when a server closes on a message it has not read
    reset_after_message_for: set[str] = field(default_factory=set)
    # read this many bytes of the message, then reset the connection: the rest is never read
    reset_mid_message_for: dict[str, int] = field(default_factory=dict)
    silent_after_message_for: set[str] = field(default_factory=set)  # take the message, never answer
    transactions: int = 0  # messages the client handed over, accepted or not
    logins: int = 0  # AUTH exchanges that carried a password

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address in self.reject_rcpt:
            return self.reject_rcpt[address]
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        self.transactions += 1
        if self.drop_after_data_for & set(envelope.rcpt_tos):
            self.drop_after_data_for -= set(envelope.rcpt_tos)
            server.transport.abort()  # the message arrived; the client never hears so
            return "250 OK (never delivered to the client)"
        if self.data_replies:
            return self.data_replies.pop(0)
        self.messages.append((list(envelope.rcpt_tos), envelope.original_content))
        return "250 2.0.0 Message accepted"

    def parsed(self) -> list[email.message.EmailMessage]:
        return [email.message_from_bytes(raw, policy=email.policy.default) for _, raw in self.messages]

    def recipients(self) -> list[str]:
        return sorted(r for rcpts, _ in self.messages for r in rcpts)


class _MisbehavingSMTP(SMTP):
    """aiosmtpd's server, with the misbehaviours during DATA that no handler hook can reach."""

    async def smtp_DATA(self, arg):
        mailbox: Mailbox = self.event_handler
        rcpts = set(self.envelope.rcpt_tos) if self.envelope is not None else set()
        early = {r: n for r, n in mailbox.reset_mid_message_for.items() if r in rcpts}
        late = mailbox.reset_after_message_for & rcpts
        silent = mailbox.silent_after_message_for & rcpts
        if not early and not late and not silent:
            return await super().smtp_DATA(arg)
        mailbox.transactions += 1
        await self.push("354 End data with <CR><LF>.<CR><LF>")
        if early:
            for r in early:
                del mailbox.reset_mid_message_for[r]
            await self._reader.readexactly(min(early.values()))
            await self._reset()
        mailbox.reset_after_message_for -= late
        mailbox.silent_after_message_for -= silent
        while await self._reader.readuntil(b"\r\n") != b".\r\n":
            pass
        if late:
            await self._reset()
        await asyncio.Event().wait()  # silent: the client's timeout ends it

    async def _reset(self) -> None:
        """Close with SO_LINGER 0: the kernel sends a reset, as for a close on unread data. The
        session then waits to be cancelled (by connection_lost), reading nothing more."""
        sock = self.transport.get_extra_info("socket")
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.transport.abort()
        await asyncio.Event().wait()


class Controller(_Controller):
    def factory(self):
        return _MisbehavingSMTP(self.handler, **self.SMTP_kwargs)


def authenticate(server, session, envelope, mechanism, auth_data):
    server.event_handler.logins += 1  # a password reached the server
    ok = auth_data.login == USER.encode() and auth_data.password == PASSWORD.encode()
    return AuthResult(success=ok)


@dataclass
class MailServer:
    port: int
    mailbox: Mailbox
    controller: Controller

    def stop(self) -> None:
        self.controller.stop()


def server_context(ca: trustme.CA) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    ca.issue_cert("127.0.0.1", "localhost").configure_cert(context)
    return context


def write_config(folder: Path, port: int, *, scheme: str = "smtp", starttls: bool = False,
                 recipients: list[tuple[str, list[str]]] | None = None, extra_delivery: str = "",
                 extra: str = "") -> Path:
    recipients = recipients or [("leader@example.gov", ["pdf"]), ("editor@example.gov", ["docx", "pdf"])]
    listed = ",\n".join(f'  {{ email = "{e}", gets = {list(g)!r} }}'.replace("'", '"') for e, g in recipients)
    path = folder / "briefing.toml"
    path.write_text(
        f"""{extra}
[delivery]
smtp = "{scheme}://127.0.0.1:{port}"
starttls = {str(starttls).lower()}
from = "科技创新动态 <briefing@example.gov>"
retry_base_seconds = 0
max_attempts = 3
timeout_seconds = 10
{extra_delivery}
recipients = [
{listed}
]
""", encoding="utf-8")
    return path


def copy_issue(issue_dir: Path, folder: Path) -> Path:
    """A private copy of a built issue, so a test can send (or spoil) it on its own: an issue
    folder from elsewhere, outside output_dir (whose issues the ledger must know)."""
    target = folder / "issues" / issue_dir.name
    shutil.copytree(issue_dir, target)
    return target
