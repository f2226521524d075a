"""Serving the console with uvicorn: in the foreground (`briefing web`), or in a thread beside
the scheduler (`briefing serve` with [web] listen set), one process either way."""

from __future__ import annotations

import re
import threading
import time

from ..config import LISTEN_ADDRESS, Config
from ..errors import UsageError

DEFAULT_LISTEN = "127.0.0.1:8080"
STARTUP_SECONDS = 30


def parse_listen(value: str, where: str = "--listen") -> tuple[str, int]:
    """HOST:PORT (or [::1]:PORT) -> (host, port); UsageError names the option and the fix."""
    if not re.match(LISTEN_ADDRESS, value or ""):
        raise UsageError(f"{where} {value!r}: expected HOST:PORT, e.g. 127.0.0.1:8080")
    host, _, port = value.rpartition(":")
    number = int(port)
    if not 0 < number < 65536:
        raise UsageError(f"{where} {value!r}: the port must be between 1 and 65535")
    return host.strip("[]"), number


def make_server(config: Config, listen: str | None = None, start_worker: bool = True):
    import uvicorn

    from .app import create_app

    host, port = parse_listen(listen or config.web.listen or DEFAULT_LISTEN,
                              "--listen" if listen else "[web] listen")
    settings = uvicorn.Config(
        create_app(config, start_worker=start_worker), host=host, port=port, log_level="info",
        proxy_headers=True, forwarded_allow_ips=",".join(config.web.trusted_proxies) or "127.0.0.1",
        server_header=False, timeout_graceful_shutdown=30,
    )
    return uvicorn.Server(settings)


def start_in_thread(config: Config, listen: str | None = None, start_worker: bool = True):
    """The console in a thread of this process (beside the scheduler); stop with stop_thread."""
    server = make_server(config, listen, start_worker)
    thread = threading.Thread(target=server.run, name="briefing-web", daemon=True)
    thread.start()
    deadline = time.monotonic() + STARTUP_SECONDS
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:  # uvicorn logged why (address in use …)
            raise UsageError(f"the console cannot listen on {server.config.host}:{server.config.port} (see the "
                             "line above: in use by another program?); change [web] listen or --listen")
        time.sleep(0.02)
    return server, thread


def stop_thread(server, thread: threading.Thread, timeout: float = 40) -> None:
    server.should_exit = True
    thread.join(timeout)
