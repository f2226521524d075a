"""What every console endpoint shares: who is asking (session cookie or bearer token), whether
they may, the CSRF check on writes, one ledger for the call, and failures turned into the
contract's status codes (401, 403, 404, 409, 413, 422, 429) with one clear message; anything
unexpected is logged with its traceback and answered 500 (JSON under /api), never a dropped
connection.

Endpoints are plain functions run in a worker thread (the ledger and the build are blocking
code); the request body is read before, within the size limit of the route.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import wraps
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect, Request
from starlette.responses import Response

from ..config import Config
from ..ledger import Ledger
from .auth import SESSION_COOKIE, Permission, Principal, from_bearer, from_session, same_secret

log = logging.getLogger("briefing.web")

CSRF_HEADER = "X-CSRF-Token"
CSRF_FIELD = "csrf"
UNEXPECTED = "服务器内部出错，已记入日志；请稍后再试，或请管理员查看 briefing 的日志"


class Refused(Exception):
    """An answer other than success: status, message for the user, and optional headers."""

    def __init__(self, status: int, message: str, headers: dict[str, str] | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.headers = headers or {}


@dataclass
class Call:
    request: Request
    config: Config
    ledger: Ledger
    principal: Principal | None
    body: bytes = b""
    form: FormData | None = None
    extras: dict[str, Any] = field(default_factory=dict)

    def json(self) -> dict:
        if not self.body.strip():
            return {}
        try:
            data = json.loads(self.body)
        except (ValueError, UnicodeDecodeError):
            raise Refused(400, "请求内容不是 JSON")
        if not isinstance(data, dict):
            raise Refused(400, "请求内容应为一个 JSON 对象")
        return data

    @property
    def actor(self) -> str:
        return self.principal.name if self.principal else "anonymous"

    def field(self, name: str, default: str = "") -> str:
        value = self.form.get(name) if self.form is not None else None
        return value if isinstance(value, str) else default


def principal_of(config: Config, ledger: Ledger, request: Request) -> Principal | None:
    header = request.headers.get("authorization", "")
    if header.lower().startswith("bearer "):
        return from_bearer(ledger, header[7:].strip())
    cookie = request.cookies.get(SESSION_COOKIE)
    return from_session(config, ledger, cookie) if cookie else None


def endpoint(permission: Permission | None = Permission.READ, *, write: bool = False, form: bool = False,
             max_files: int = 0):
    """Wrap fn(call) -> Response: who asks and whether they may (before any body is read), the
    body within the route's limit, CSRF on writes made with a session."""

    def wrap(fn: Callable[[Call], Response]):
        @wraps(fn)
        async def handler(request: Request) -> Response:
            try:
                return await _answer(fn, request, permission, write, form, max_files)
            except (Refused, HTTPException, ClientDisconnect):
                raise
            except Exception:
                log.exception("%s %s failed", request.method, request.url.path)
                raise Refused(500, UNEXPECTED) from None

        return handler

    return wrap


async def _answer(fn, request: Request, permission: Permission | None, write: bool, form: bool,
                  max_files: int) -> Response:
    config = request.app.state.console.config
    principal = await run_in_threadpool(_authorize, config, request, permission)
    data, form_data = b"", None
    if form:
        form_data = await request.form(max_files=max_files, max_fields=20, max_part_size=64 * 1024)
    elif request.method in ("POST", "PUT", "PATCH", "DELETE"):
        data = await request.body()
    try:
        return await run_in_threadpool(_run, fn, request, config, principal, write, data, form_data)
    finally:
        if form_data is not None:
            await form_data.close()


def _authorize(config: Config, request: Request, permission: Permission | None) -> Principal | None:
    with Ledger(config.state_dir) as ledger:
        principal = principal_of(config, ledger, request)
    if permission is not None:
        if principal is None:
            raise Refused(401, "请先登录")
        if not principal.may(permission):
            raise Refused(403, "您的角色无权执行此操作")
    return principal


def _run(fn, request: Request, config: Config, principal: Principal | None, write: bool, data: bytes,
         form_data: FormData | None) -> Response:
    with Ledger(config.state_dir) as ledger:
        call = Call(request, config, ledger, principal, data, form_data)
        if write and principal is not None and principal.via == "session":
            supplied = request.headers.get(CSRF_HEADER) or call.field(CSRF_FIELD)
            if not same_secret(supplied, principal.csrf):
                raise Refused(403, "缺少或错误的 CSRF 令牌（X-CSRF-Token）；请刷新页面后重试")
        return fn(call)
