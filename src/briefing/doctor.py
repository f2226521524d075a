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
    checks.append(_smtp_check(config.delivery.smtp))
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
