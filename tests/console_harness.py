"""The console on a real socket for the web tests: briefing.toml in a temporary folder, users
in its ledger, uvicorn serving create_app() in a thread on 127.0.0.1, and an HTTP client.

Builds run in that server's worker thread, in this process (conftest imported WeasyPrint, as
`briefing web` does at start), through the same run ledger and locks as everywhere else.
"""

from __future__ import annotations

import json
import re
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from conftest import SAMPLE
from docx import Document
from smtp_servers import free_port, write_config

from briefing.config import load_config
from briefing.ledger import Ledger
from briefing.web.auth import hash_password
from briefing.web.server import start_in_thread, stop_thread

PASSWORDS = {"vera": "viewer-password-1", "eddie": "editor-password-1", "alice": "approver-password-1",
             "oscar": "operator-password-1", "ada": "admin-password-1"}
ROLES = {"vera": ("viewer",), "eddie": ("editor",), "alice": ("approver",), "oscar": ("operator",),
         "ada": ("admin",)}
EMAILS = {"alice": "alice@example.gov"}


def sample_articles(folder: Path) -> list[Path]:
    """The bundled sample cut into one file per article (`# ` headings), for issues that differ."""
    folder.mkdir(parents=True, exist_ok=True)
    chunks = re.split(r"(?m)^(?=# )", SAMPLE.read_text(encoding="utf-8"))
    paths = []
    for chunk in chunks:
        body = [line for line in chunk.splitlines()[1:] if line.strip() and not line.startswith("#")]
        if len(body) < 2:
            continue
        path = folder / f"article-{len(paths) + 1}.txt"
        path.write_text(chunk, encoding="utf-8")
        paths.append(path)
    return paths


@dataclass
class Console:
    folder: Path
    base: str
    server: object
    thread: object
    clients: list[httpx.Client] = field(default_factory=list)

    @property
    def config(self):
        return load_config(self.folder / "briefing.toml")

    def ledger(self) -> Ledger:
        return Ledger(self.config.state_dir)

    def client(self, **kwargs) -> httpx.Client:
        client = httpx.Client(base_url=self.base, timeout=60, follow_redirects=False, **kwargs)
        self.clients.append(client)
        return client

    def login(self, name: str) -> httpx.Client:
        """A client with a session cookie and the session's CSRF token on every request."""
        client = self.client()
        answer = client.post("/api/session", json={"username": name, "password": PASSWORDS[name]})
        assert answer.status_code == 200, answer.text
        client.headers["X-CSRF-Token"] = answer.json()["csrf"]
        return client

    def wait_run(self, client: httpx.Client, run_id: int, timeout: float = 120) -> dict:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            run = client.get(f"/api/runs/{run_id}").json()
            if run["state"] in ("done", "failed", "missed"):
                return run
            time.sleep(0.1)
        raise AssertionError(f"run {run_id} did not finish: {run}")

    def build(self, client: httpx.Client, **request) -> dict:
        answer = client.post("/api/builds", json=request)
        assert answer.status_code == 202, answer.text
        run = self.wait_run(client, answer.json()["run"])
        assert run["state"] == "done", run
        return run

    def stop(self) -> None:
        for client in self.clients:
            client.close()
        stop_thread(self.server, self.thread)


def write_console_config(folder: Path, *, mail_port: int | None = None, review: bool = False, extra: str = "",
                         recipients: list[tuple[str, list[str]]] | None = None, sources: str = "inbox/") -> Path:
    inbox = folder / "inbox"
    if not inbox.exists():
        inbox.mkdir(parents=True)
        shutil.copy(SAMPLE, inbox / SAMPLE.name)
    settings = (f'[sources]\npaths = ["{sources}"]\n[review]\nrequired = {str(review).lower()}\n'
                f'[web]\npublic_url = "https://briefing.example.gov"\n{extra}\n')
    if mail_port is None:
        path = folder / "briefing.toml"
        path.write_text(settings, encoding="utf-8")
        return path
    return write_config(folder, mail_port, extra=settings, recipients=recipients)


def add_users(config_path: Path, names=tuple(PASSWORDS)) -> None:
    with Ledger(load_config(config_path).state_dir) as ledger:
        for name in names:
            ledger.add_user(name, hash_password(PASSWORDS[name]), ROLES[name], EMAILS.get(name))


def start_console(folder: Path, start_worker: bool = True) -> Console:
    config = load_config(folder / "briefing.toml")
    port = free_port()
    server, thread = start_in_thread(config, f"127.0.0.1:{port}", start_worker=start_worker)
    return Console(folder, f"http://127.0.0.1:{port}", server, thread)


def wait_until_serving(base: str, process, log: Path, timeout: float = 60) -> None:
    """Until a console started as its own process answers /api/health (its log if it died)."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            if httpx.get(f"{base}/api/health", timeout=2).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        assert process.poll() is None and time.monotonic() < deadline, log.read_text()
        time.sleep(0.1)


def edited_draft(console: Console, issue: str, text: str, name: str = "edited.docx") -> Path:
    """The issue's DOCX draft with one summary rewritten, as an editor would leave it."""
    return rewrite_health_item(console.config.output_dir / issue, console.folder / name, text)


def rewrite_health_item(issue_folder: Path, draft: Path, text: str) -> Path:
    """A copy of the issue's DOCX draft at `draft` with the health item's text replaced by `text`,
    as an editor typing over it in Word would leave it (its formatting kept)."""
    manifest = json.loads((issue_folder / "manifest.json").read_text(encoding="utf-8"))
    shutil.copyfile(issue_folder / manifest["outputs"]["docx"], draft)
    doc = Document(str(draft))
    body = [p for p in doc.paragraphs if p.style.name == "简报-正文" and "清华城市健康指数" in p.text][0]
    for run in body.runs[1:]:
        run._r.getparent().remove(run._r)
    body.runs[0].text = text
    doc.save(str(draft))
    return draft
