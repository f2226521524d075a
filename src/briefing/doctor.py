"""`briefing doctor`: is this installation ready to build and send?"""

from __future__ import annotations

import socket
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from .config import load_config
from .errors import ConfigError, FontError
from .render.fonts import load_fonts, subset_font
from .resources import templates_dir

# A string with common, rare-name and punctuation characters the fonts must draw.
PROBE = "科技创新动态第一期堃喆昇翀犇淼燚，。、；：？！（）《》“”—…0123456789ABCxyz%"
TEMPLATES = ("briefing.html.j2", "briefing.css.j2")


@dataclass
class Check:
    name: str
    status: str  # ok | warn | fail
    detail: str


def run_checks(config_path: Path | None) -> list[Check]:
    checks: list[Check] = []
    try:
        config = load_config(config_path)
        where = str(config.path) if config.path else "no briefing.toml; built-in defaults"
        checks.append(Check("config", "ok", where))
    except ConfigError as exc:
        return [Check("config", "fail", str(exc))]
    checks += _font_checks(config.fonts_dir)
    checks.append(_template_check())
    checks.append(_renderer_check())
    checks.append(_smtp_check(config.delivery.smtp))
    if config.delivery.smtp:
        checks.append(_login_check(config))
    checks.append(_state_check(config))
    return checks


def _font_checks(operator_dir: Path) -> list[Check]:
    try:
        fonts = load_fonts(operator_dir)
    except FontError as exc:
        return [Check("fonts", "fail", str(exc))]
    checks = []
    probe = set(PROBE)
    for role, chain in fonts.chains.items():
        first = chain[0]
        cjk = sum(1 for cp in first.codepoints if 0x4E00 <= cp <= 0x9FFF)
        missing = fonts.missing(role, probe)
        status = "fail" if missing else "ok"
        detail = f"{first.path.name} ({first.family}{', operator' if first.operator else ''}), {cjk} CJK ideographs"
        if missing:
            detail += f"; cannot draw {''.join(sorted(missing))}"
        checks.append(Check(f"font {role}", status, detail))
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        start = time.perf_counter()
        for index, font in enumerate(fonts.all_files()):
            subset_font(font, probe, Path(folder) / f"{index}.ttf")
        elapsed = (time.perf_counter() - start) * 1000
    checks.append(Check("font subsetting", "ok" if elapsed < 2000 else "warn",
                        f"HarfBuzz subset of {len(fonts.all_files())} fonts in {elapsed:.0f} ms"))
    return checks


def _template_check() -> Check:
    try:
        folder = templates_dir()
    except FileNotFoundError as exc:
        return Check("templates", "fail", str(exc))
    missing = [name for name in TEMPLATES if not (folder / name).is_file()]
    if missing:
        return Check("templates", "fail", f"{folder}: missing {', '.join(missing)}; reinstall briefing")
    return Check("templates", "ok", str(folder))


def _renderer_check() -> Check:
    """Whether the render worker starts with WeasyPrint's C declarations prebuilt (render/pango_types.py)."""
    from .render.pango_types import installed_declarations_match

    match = installed_declarations_match()
    if match is None:
        return Check("renderer", "fail", "WeasyPrint is not installed; reinstall briefing (pip install .)")
    if match:
        return Check("renderer", "ok", "WeasyPrint's Pango declarations prebuilt (the render worker imports it about 0.1 s sooner)")
    return Check("renderer", "warn", "this WeasyPrint's Pango declarations differ from the prebuilt ones, so each "
                                     "build parses them (about 0.1 s); run python tools/build_pango_types.py")


def _login_check(config) -> Check:
    """Is the connection encrypted, and does the password ever cross the network in clear text?"""
    from .delivery.smtp import cleartext_login

    d = config.delivery
    host = urlsplit(d.smtp).hostname
    if not cleartext_login(d.smtp, d.starttls):
        how = "implicit TLS" if d.smtp.startswith("smtps://") else ("STARTTLS" if d.starttls else "loopback, no TLS")
        return Check("smtp login", "ok", f"{how}; certificates verified" if "TLS" in how else how)
    if d.username and d.insecure_plaintext_login:
        return Check("smtp login", "warn", f"the password for {d.username!r} crosses the network to {host} in clear "
                     "text (insecure_plaintext_login = true); use smtps:// or starttls = true")
    if d.username:
        return Check("smtp login", "fail", f"username {d.username!r} with starttls = false to {host}: the password "
                     "would cross the network in clear text, so send refuses; use smtps:// or starttls = true")
    return Check("smtp login", "warn", f"starttls = false: every issue goes to {host} unencrypted; "
                 "only for a trusted relay")


def _state_check(config) -> Check:
    """The ledger against output_dir: an emptied or replaced ledger is found before a build trips on it."""
    from .errors import LedgerError
    from .ledger import LEDGER_NAME, Ledger
    from .schedule import JOBSTORE_NAME, job_store_problem

    if not (config.state_dir / LEDGER_NAME).exists():
        return Check("state", "ok", f"{config.state_dir}: no ledger yet (the first build makes it)")
    try:
        with Ledger(config.state_dir) as ledger:
            unknown = ledger.unknown_folders(config.output_dir)
            abandoned = ledger.abandoned()
    except LedgerError as exc:
        return Check("state", "fail", str(exc))
    if unknown:
        return Check("state", "fail", f"{len(unknown)} issue folder(s) in {config.output_dir} unknown to the ledger "
                     f"(e.g. {unknown[-1].folder.name}); builds and sends refuse: run `briefing ledger rebuild`")
    problem = job_store_problem(config.state_dir / JOBSTORE_NAME)
    if problem:
        return Check("state", "warn", f"{config.state_dir / JOBSTORE_NAME}: cannot be read ({problem}); "
                     "`briefing serve` sets it aside and makes the jobs again")
    note = f"; {len(abandoned)} issue(s) left by killed builds, reclaimed by the next build" if abandoned else ""
    return Check("state", "ok", f"ledger {config.state_dir / LEDGER_NAME} matches {config.output_dir}{note}")


def _smtp_check(url: str) -> Check:
    if not url:
        return Check("smtp", "warn", "no [delivery] smtp set; issues are built but not mailed")
    parts = urlsplit(url)
    port = parts.port or (465 if parts.scheme == "smtps" else 587)
    try:
        with socket.create_connection((parts.hostname, port), timeout=5):
            pass
    except OSError as exc:
        return Check("smtp", "fail", f"{parts.hostname}:{port} unreachable ({exc}); check [delivery] smtp")
    return Check("smtp", "ok", f"{parts.hostname}:{port} accepts connections")
