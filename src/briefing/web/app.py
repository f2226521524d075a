"""The console as one Starlette application: the pages, the JSON API under /api, the vendored
static files, the security headers, and the worker that carries out asked-for runs."""

from __future__ import annotations

import logging
import threading
from contextlib import asynccontextmanager
from datetime import datetime
from pathlib import Path
from urllib.parse import quote
from zoneinfo import ZoneInfo

from jinja2 import Environment, FileSystemLoader, select_autoescape
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Mount
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from ..config import Config
from ..ledger import RunEntry
from . import api, pages
from .calls import UNEXPECTED, Refused
from .worker import RunWorker

log = logging.getLogger("briefing.web")

HERE = Path(__file__).resolve().parent
MAX_BODY = 256 * 1024  # JSON and forms; uploads have their own limit ([web] max_upload_mb)

SECURITY_HEADERS = [
    (b"content-security-policy", b"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                                 b"object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"same-origin"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


class Console:
    """What the endpoints share: the config, the templates, the run worker."""

    def __init__(self, config: Config, start_worker: bool = True):
        self.config = config
        self.worker = RunWorker(config)
        self.start_worker = start_worker
        self.templates = Jinja2Templates(env=template_environment(config))

    def index_archive(self) -> None:
        """Bring the archive's index up to date at start, so that the first page is not the one to do it."""
        from ..ledger import Ledger
        from .catalog import sync_archive

        try:
            with Ledger(self.config.state_dir) as ledger:
                sync_archive(ledger)
        except Exception:  # noqa: BLE001 — the next page that lists issues tries again, and says why
            log.exception("indexing the archive at start failed")

    def resume(self, run: RunEntry) -> None:
        """A scheduled run that waited for approval goes on now, in the background, through the
        one run path (it mails the approved issue)."""
        from ..schedule import run_edition

        def go() -> None:
            try:
                run_edition(self.config, run.edition, run.scheduled_for, trigger=run.trigger)
            except Exception:  # noqa: BLE001 — recorded on the run by run_edition
                log.exception("resuming run %s after approval failed", run.id)

        threading.Thread(target=go, name=f"briefing-resume-{run.id}", daemon=True).start()


def template_environment(config: Config) -> Environment:
    env = Environment(loader=FileSystemLoader(str(HERE / "templates")), autoescape=select_autoescape(default=True),
                      trim_blocks=True, lstrip_blocks=True)
    zone = ZoneInfo(config.briefing.timezone)

    def local(value: str | datetime | None, pattern: str = "%Y-%m-%d %H:%M") -> str:
        if not value:
            return ""
        moment = datetime.fromisoformat(value) if isinstance(value, str) else value
        return moment.astimezone(zone).strftime(pattern) if moment.tzinfo else moment.strftime(pattern)

    env.filters["local"] = local
    env.globals.update(pages.TEMPLATE_GLOBALS)
    return env


class SecurityHeaders:
    """Every answer: a strict content security policy (only our own scripts and styles), no
    framing, no sniffing."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def with_headers(message):
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = list(message["headers"]) + SECURITY_HEADERS
            await send(message)

        await self.app(scope, receive, with_headers)


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/")


async def refused(request: Request, exc: Refused) -> Response:
    if _wants_json(request):
        return JSONResponse({"error": exc.message}, status_code=exc.status, headers=exc.headers)
    if exc.status == 401:  # back to the whole address after the login, query and all
        wanted = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(f"/login?next={quote(wanted, safe='/')}", status_code=303)
    return pages.error_page(request, exc.status, exc.message, exc.headers)


async def http_error(request: Request, exc: HTTPException) -> Response:
    messages = {404: "没有这个页面", 405: "不支持这种请求", 413: "上传的文件太大"}
    message = messages.get(exc.status_code, str(exc.detail))
    if _wants_json(request):
        return JSONResponse({"error": message}, status_code=exc.status_code)
    return pages.error_page(request, exc.status_code, message)


async def server_error(request: Request, exc: Exception) -> Response:
    """What escaped every endpoint (a middleware, a route outside them): logged by the server, and
    answered in the form the client asked for."""
    if _wants_json(request):
        return JSONResponse({"error": UNEXPECTED}, status_code=500)
    return Response(f"<!doctype html><meta charset=utf-8><title>出错了</title><p>{UNEXPECTED}</p>",
                    status_code=500, media_type="text/html")


def create_app(config: Config, start_worker: bool = True) -> Starlette:
    console = Console(config, start_worker)
    upload_limit = int(config.web.max_upload_mb * 1024 * 1024)

    @asynccontextmanager
    async def lifespan(app):
        if console.start_worker:
            console.worker.start()
        threading.Thread(target=console.index_archive, name="briefing-archive", daemon=True).start()
        try:
            yield
        finally:
            console.worker.stop()

    app = Starlette(
        routes=[*api.routes(upload_limit), *pages.routes(upload_limit),
                Mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")],
        exception_handlers={Refused: refused, HTTPException: http_error, Exception: server_error},
        lifespan=lifespan,
        max_body_size=MAX_BODY,
    )
    app.state.console = console
    app.add_middleware(SecurityHeaders)
    return app
