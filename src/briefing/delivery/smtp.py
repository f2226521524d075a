"""The SMTP side of a send: a verified-TLS, logged-in connection, and one transaction.

The DATA exchange is written out by hand because smtplib cannot tell a connection dropped
before the final dot (the server cannot have accepted the message: safe to retry) from one
dropped after it (the message may have arrived: never resent blindly).

That the message was handed to our socket does not mean the server read it. A server that
closes the connection on data it has not read makes the kernel answer with a reset (ECONNRESET,
EPIPE): it never read the final dot, so it cannot have accepted the message, and it is retried.
Only a clean end of the connection (or silence) after the whole message may hide a delivery:
that one is `unknown`. Under TLS the reset is looked for on the TCP socket itself, before the
TLS layer reads the answer: OpenSSL reports a reset and a clean close alike ("unexpected EOF").
"""

from __future__ import annotations

import errno
import ipaddress
import os
import re
import smtplib
import socket
import ssl
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from email.utils import parseaddr
from urllib.parse import urlsplit

from ..config import Config
from ..errors import ConfigError
from .message import targets

PASSWORD_VARIABLE = "BRIEFING_SMTP_PASSWORD"


class ConnectionProblem(Exception):
    """The server could not be reached or refused us as a whole (not one recipient)."""

    def __init__(self, reply: str, permanent: bool):
        super().__init__(reply)
        self.reply = reply
        self.permanent = permanent


class LostBeforeHandover(Exception):
    """The connection broke before the whole message was handed over: it cannot have arrived."""


class Reply(StrEnum):
    """What the server's answer to one message means."""

    ACCEPTED = "sent"
    TEMPORARY = "temporary"  # 4xx: try again later
    PERMANENT = "permanent"  # 5xx: trying again will not help
    UNKNOWN = "unknown"  # no answer after the final dot: it may have arrived


@dataclass(frozen=True)
class SendResult:
    status: Reply
    reply: str


def check_settings(config: Config, to: Iterable[str] = ()) -> None:
    """Everything a real send needs from briefing.toml and the environment, or a ConfigError."""
    d = config.delivery
    where = config.where
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
    if d.username and cleartext_login(d.smtp, d.starttls) and not d.insecure_plaintext_login:
        raise _cleartext_refused(config)


def _cleartext_refused(config: Config) -> ConfigError:
    d = config.delivery
    return ConfigError(
        f"{config.where}: [delivery] username is set but {d.smtp} with starttls = false is not "
        "encrypted: the password would cross the network in clear text; use smtps:// or starttls = true (or, only "
        "for a relay you trust on a network you control, insecure_plaintext_login = true)")


def cleartext_login(smtp_url: str, starttls: bool) -> bool:
    """Would a login on this connection go over the network unencrypted? Not on loopback: the
    password never leaves the machine."""
    url = urlsplit(smtp_url)
    if url.scheme == "smtps" or starttls:
        return False
    return not _is_loopback(url.hostname or "")


def _is_loopback(host: str) -> bool:
    if host.lower() in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False  # a name: it may resolve anywhere, so it is not assumed local


def tls_context(config: Config) -> ssl.SSLContext:
    """Certificates are always verified; ca_file adds an internal CA to the system's."""
    context = ssl.create_default_context()
    if config.delivery.ca_file:
        try:
            context.load_verify_locations(cafile=str(config.resolve(config.delivery.ca_file)))
        except (OSError, ssl.SSLError) as exc:
            raise ConfigError(f"{config.where}: [delivery] ca_file cannot be loaded ({exc})")
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
            # checked here, on the connection itself, whatever path led to it (a send, the approvers'
            # notice): the password never goes over a link that is not encrypted to another host
            if not isinstance(smtp.sock, ssl.SSLSocket) and not _is_loopback(host) and not d.insecure_plaintext_login:
                raise _cleartext_refused(config)
            smtp.login(d.username, os.environ.get(PASSWORD_VARIABLE, ""))
    except BaseException:
        smtp.close()
        raise
    return smtp


def _reply(code: int, text: bytes | str) -> str:
    if isinstance(text, bytes):
        text = text.decode("utf-8", "replace")
    return f"{code} {text}".strip()


def _classify(code: int, text: bytes | str) -> SendResult:
    reply = _reply(code, text)
    if 200 <= code < 300:
        return SendResult(Reply.ACCEPTED, reply)
    return SendResult(Reply.PERMANENT if code >= 500 else Reply.TEMPORARY, reply)


def transmit(smtp: smtplib.SMTP, sender: str, recipient: str, data: bytes,
             handing_over: Callable[[], None]) -> SendResult:
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
    answer = _first_answer(smtp.sock)
    if answer == "reset":
        raise LostBeforeHandover("the server reset the connection before it read the whole message: "
                                 "it cannot have accepted it")
    if answer == "silence":
        smtp.close()  # as smtplib does on a timeout: a QUIT would only wait as long again
        return SendResult(Reply.UNKNOWN, "no answer to the whole message within timeout_seconds; it may have arrived")
    try:
        code, text = smtp.getreply()
    except (OSError, smtplib.SMTPServerDisconnected) as exc:
        if _was_reset(exc):
            raise LostBeforeHandover(f"the server reset the connection before it read the whole message "
                                     f"({exc or type(exc).__name__}): it cannot have accepted it")
        return SendResult(Reply.UNKNOWN, f"connection lost after the message was sent, before the server answered "
                                 f"({exc or type(exc).__name__})")
    return _classify(code, text)


_RESETS = (errno.ECONNRESET, errno.EPIPE, errno.ECONNABORTED)


def _first_answer(sock) -> str:
    """What came back first on the TCP connection after the whole message: "reset", "silence"
    (nothing within the timeout) or "answer" (data, or a clean close: the reply says which). It is
    peeked at on the socket itself, so nothing is taken from the TLS stream."""
    if sock is None or (hasattr(sock, "pending") and sock.pending()):
        return "answer"
    try:
        socket.socket.recv(sock, 1, socket.MSG_PEEK)
    except (ConnectionResetError, ConnectionAbortedError, BrokenPipeError):
        return "reset"
    except TimeoutError:
        return "silence"
    except OSError:
        return "answer"  # anything else: getreply meets it and says what it is
    return "answer"


def _was_reset(exc: BaseException | None) -> bool:
    """A reset (or a broken pipe) anywhere in the chain; smtplib wraps the socket's error in
    SMTPServerDisconnected, keeping it as the context."""
    seen = 0
    while exc is not None and seen < 10:
        if isinstance(exc, (ConnectionResetError, BrokenPipeError, ConnectionAbortedError)) or \
                getattr(exc, "errno", None) in _RESETS:
            return True
        exc, seen = exc.__cause__ or exc.__context__, seen + 1
    return False


def _dot_stuffed(data: bytes) -> bytes:
    data = re.sub(rb"(?m)^\.", b"..", data)
    if not data.endswith(b"\r\n"):
        data += b"\r\n"
    return data + b".\r\n"


def close_quietly(smtp: smtplib.SMTP) -> None:
    """QUIT, or just close a connection that is gone already."""
    try:
        smtp.quit()
    except (OSError, smtplib.SMTPException):
        smtp.close()
