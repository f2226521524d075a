"""Who is asking and what they may do: users with argon2id password hashes, server-side
sessions and API tokens (both kept as SHA-256 digests in the ledger), a CSRF token per session,
login throttling per name and per address, and the five roles of the console contract.

Roles add to `viewer` (everyone may read): an editor publishes an edited draft, an approver
approves, an operator builds and sends, an admin may do all of it. Approving is a role of its
own on purpose: an operator who builds an issue does not approve it unless also given `approver`.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from enum import StrEnum

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from ..config import Config
from ..errors import UsageError
from ..ledger import Ledger, UserEntry

SESSION_COOKIE = "briefing_session"
MIN_PASSWORD_CHARS = 10
ADDRESS_FACTOR = 4  # one address may fail this many times as often as one name (a shared office NAT)


class Role(StrEnum):
    VIEWER = "viewer"
    EDITOR = "editor"
    APPROVER = "approver"
    OPERATOR = "operator"
    ADMIN = "admin"


ROLE_LABELS = {Role.VIEWER: "查看", Role.EDITOR: "编辑", Role.APPROVER: "审批", Role.OPERATOR: "运维",
               Role.ADMIN: "管理员"}


class Permission(StrEnum):
    READ = "read"
    PUBLISH = "publish"  # an edited draft becomes the final issue
    APPROVE = "approve"
    BUILD = "build"  # build now, rebuild
    SEND = "send"  # send, resend
    USERS = "users"
    AUDIT = "audit"  # the whole audit log


GRANTS: dict[Role, frozenset[Permission]] = {
    Role.VIEWER: frozenset({Permission.READ}),
    Role.EDITOR: frozenset({Permission.READ, Permission.PUBLISH}),
    Role.APPROVER: frozenset({Permission.READ, Permission.APPROVE}),
    Role.OPERATOR: frozenset({Permission.READ, Permission.BUILD, Permission.SEND, Permission.AUDIT}),
    Role.ADMIN: frozenset(Permission),
}


def parse_roles(values: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """The roles named (repeatable, or comma-separated), each checked; UsageError names a wrong one."""
    roles = [r.strip().lower() for value in values for r in value.split(",") if r.strip()]
    known = [r.value for r in Role]
    for role in roles:
        if role not in known:
            raise UsageError(f"--role {role!r}: not a role; use {', '.join(known)}")
    if not roles:
        raise UsageError(f"give at least one --role ({', '.join(known)})")
    return tuple(dict.fromkeys(roles))


def permissions(roles: tuple[str, ...]) -> frozenset[Permission]:
    granted: set[Permission] = set()
    for role in roles:
        if role in Role._value2member_map_:
            granted |= GRANTS[Role(role)]
    return frozenset(granted)


# -- passwords and secrets ----------------------------------------------------------------------

_hasher = PasswordHasher()  # argon2id with the library's recommended parameters (RFC 9106)
_UNKNOWN_USER_HASH = _hasher.hash(secrets.token_urlsafe(16))  # so an unknown name costs as much as a wrong password


def check_password_strength(password: str) -> None:
    if len(password) < MIN_PASSWORD_CHARS:
        raise UsageError(f"the password is too short: use at least {MIN_PASSWORD_CHARS} characters")


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    try:
        return _hasher.verify(password_hash or _UNKNOWN_USER_HASH, password) and password_hash is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def new_secret() -> str:
    return secrets.token_urlsafe(32)


def digest(secret: str) -> str:
    """What the ledger keeps of a session cookie or an API token: a stolen ledger opens nothing."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def same_secret(a: str | None, b: str | None) -> bool:
    return bool(a) and bool(b) and hmac.compare_digest(a.encode("utf-8"), b.encode("utf-8"))


# -- who is asking ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Principal:
    name: str  # the user's name, or token:NAME
    roles: tuple[str, ...]
    via: str  # "session" | "token"
    csrf: str | None = None  # the session's CSRF token; a token needs none (no browser sends it by itself)
    session_id: str | None = None
    email: str | None = None

    def may(self, permission: Permission) -> bool:
        return permission in permissions(self.roles)

    @property
    def role_labels(self) -> list[str]:
        return [ROLE_LABELS[Role(r)] for r in self.roles if r in Role._value2member_map_]


def from_bearer(ledger: Ledger, token: str) -> Principal | None:
    entry = ledger.token(digest(token))
    if entry is None:
        return None
    return Principal(f"token:{entry.name}", entry.roles, "token")


def from_session(config: Config, ledger: Ledger, cookie: str) -> Principal | None:
    """The session behind the cookie, extended by session_hours (at most once a minute)."""
    now = datetime.now(timezone.utc)
    session_id = digest(cookie)
    entry = ledger.session(session_id, now)
    if entry is None:
        return None
    expires = now + timedelta(hours=config.web.session_hours)
    if expires - entry.expires_at > timedelta(minutes=1):
        ledger.extend_session(session_id, expires)
    user = entry.user
    return Principal(user.name, user.roles, "session", entry.csrf, session_id, user.email)


class LoginRefused(Exception):
    """One message for every bad login: no hint whether the name exists."""


class LoginThrottled(Exception):
    def __init__(self, retry_after: int):
        super().__init__(f"登录失败次数过多，请 {retry_after // 60 or 1} 分钟后再试")
        self.retry_after = retry_after


def log_in(config: Config, ledger: Ledger, name: str, password: str, address: str) -> tuple[Principal, str]:
    """Check a login: (the principal, the new session cookie's value), or LoginRefused / LoginThrottled."""
    web = config.web
    now = datetime.now(timezone.utc)
    window = timedelta(minutes=web.login_window_minutes)
    name_key, address_key = f"name:{name.strip().lower()}", f"address:{address}"
    if (ledger.login_failures(name_key, now - window) >= web.login_attempts
            or ledger.login_failures(address_key, now - window) >= web.login_attempts * ADDRESS_FACTOR):
        raise LoginThrottled(int(window.total_seconds()))
    user: UserEntry | None = ledger.user(name.strip()) if name.strip() else None
    if not verify_password(user.password_hash if user else None, password):
        ledger.record_login_failure((name_key, address_key), forget_before=now - window)
        raise LoginRefused("用户名或密码不正确")
    ledger.clear_login_failures(name_key)
    if _hasher.check_needs_rehash(user.password_hash):
        ledger.update_user(user.name, password_hash=hash_password(password))
    cookie, csrf = new_secret(), new_secret()
    session_id = digest(cookie)
    ledger.open_session(session_id, user.id, csrf, now + timedelta(hours=web.session_hours))
    return Principal(user.name, user.roles, "session", csrf, session_id, user.email), cookie
