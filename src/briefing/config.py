"""briefing.toml -> typed, validated Config.

Every key has a default, so an empty file (or no file) works. Errors name the file, the line
when it can be found, and the key, and say what is expected.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any, Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from .editorial.lexicon import DEFAULT_SECTIONS
from .errors import ConfigError
from .model import EDITION_NAME, SECTION_IDS, Distribution, SectionSpec

CONFIG_NAME = "briefing.toml"
EMAIL_ADDRESS = r"^[^@\s]+@[^@\s]+$"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class BriefingSettings(_Strict):
    title: str = "科技创新动态"
    issuer: str = "××办公室"
    edition: str = Field(default="daily", pattern=EDITION_NAME)
    timezone: str = "Asia/Shanghai"
    output_dir: str = "out"
    state_dir: str = ".briefing"
    show_total: bool = False
    contents: bool = True  # print 本期要目

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"unknown time zone {value!r} (use an IANA name such as Asia/Shanghai)")
        return value


class SourceSettings(_Strict):
    paths: list[str] = Field(default_factory=lambda: ["inbox/"])  # the folder `briefing init` makes
    feeds: list[str] = Field(default_factory=list)  # feed files or http(s) URLs
    max_file_mb: float = Field(default=20, gt=0, le=1024)  # larger sources are skipped
    feed_timeout_seconds: float = Field(default=15, gt=0, le=300)
    feed_max_mb: float = Field(default=10, gt=0, le=200)
    to_simplified: bool = True  # convert articles written in traditional characters
    # outlet name per source path prefix (relative to this file), e.g. { "inbox/bjrb" = "北京日报" },
    # for articles that only say 本报
    outlets: dict[str, str] = Field(default_factory=dict)
    # folders outside the source folders that a symbolic link in them may point into (relative
    # to this file); a link anywhere else is skipped, so nothing outside the sources is read
    allow_roots: list[str] = Field(default_factory=list)


class SectionSettings(_Strict):
    id: Literal["collaboration", "facilities", "standards", "biomedicine", "talent", "health"]
    title: str | None = None
    description: str | None = None
    keywords: list[str] | dict[str, float] | None = None
    exclude: list[str] = Field(default_factory=list)
    replace_keywords: bool = False  # true: use only these keywords, not the built-in lexicon


class EditorialSettings(_Strict):
    summary_min_chars: int = Field(default=150, ge=20, le=2000)
    summary_max_chars: int = Field(default=250, ge=40, le=4000)
    title_max_chars: int = Field(default=30, ge=8, le=200)
    max_items_per_section: int = Field(default=5, ge=1, le=50)
    min_score: float = Field(default=4.0, ge=0, le=10)  # 0–10: below this an article is off-topic
    min_margin: float = Field(default=0.1, ge=0, lt=1)  # a runner-up this close is named a close second (never dropped)
    empty_sections: Literal["omit", "placeholder"] = "omit"

    @model_validator(mode="after")
    def _budget_in_order(self) -> EditorialSettings:
        if self.summary_min_chars > self.summary_max_chars:
            raise ValueError(f"summary_min_chars ({self.summary_min_chars}) is larger than summary_max_chars "
                             f"({self.summary_max_chars}); make the minimum the smaller one")
        return self


class RenderSettings(_Strict):
    item_title: Literal["subheading", "bold_body"] = "subheading"  # 楷体, or bold 仿宋
    # "pdf/a-2b" (or pdf/a-3b, pdf/ua-1 …, any WeasyPrint variant) for archiving; "" = plain PDF
    pdf_variant: str = Field(default="", pattern=r"^(|pdf/(a-[1-4][abuf]?|ua-[12]))$")
    # The fonts named in the DOCX, per role: what officials' Word/WPS have installed.
    docx_fonts: dict[Literal["title", "heading", "subheading", "body", "number"], str] = Field(default_factory=dict)


class ServiceSettings(_Strict):
    misfire_grace_seconds: int = Field(default=3600, ge=1)  # a run missed by less still runs
    # how long a build or send waits for another run of the same edition and date to finish
    lock_wait_seconds: float = Field(default=900, ge=0, le=86400)


class Recipient(_Strict):
    email: str = Field(pattern=EMAIL_ADDRESS)
    gets: list[Literal["pdf", "docx"]] = Field(default_factory=lambda: ["pdf"])


class DeliverySettings(_Strict):
    smtp: str = ""
    starttls: bool = True
    username: str = ""
    ca_file: str = ""
    from_: str = Field(default="", alias="from")
    recipients: list[Recipient] = Field(default_factory=list)
    timeout_seconds: float = Field(default=30, gt=0, le=600)
    max_attempts: int = Field(default=5, ge=1, le=50)
    retry_base_seconds: float = Field(default=30, ge=0, le=3600)
    # true lets the password cross the network unencrypted (smtp:// with starttls = false, not
    # loopback): only for a relay you trust on a network you control; `doctor` warns about it
    insecure_plaintext_login: bool = False

    @field_validator("smtp")
    @classmethod
    def _smtp_url(cls, value: str) -> str:
        if value and not re.match(r"^smtps?://[^/\s:]+(:\d+)?/?$", value):
            raise ValueError("expected smtps://host:465 or smtp://host:587")
        return value


class DistributionSettings(_Strict):
    """The 报尾. The defaults are the design's placeholders, so an unconfigured build still
    shows a complete 简报; set empty lists to leave a line out."""

    bao: list[str] = Field(default_factory=lambda: ["市委办公厅"])
    song: list[str] = Field(default_factory=lambda: ["市政府办公厅"])
    fa: list[str] = Field(default_factory=lambda: ["各区科委"])
    copies: int | None = Field(default=60, ge=1)


LISTEN_ADDRESS = r"^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+):\d{1,5}$"  # HOST:PORT, [::1]:PORT


class WebSettings(_Strict):
    """The console (`briefing web`, and `briefing serve` when listen is set)."""

    listen: str = Field(default="", pattern=r"^$|" + LISTEN_ADDRESS)  # "" : serve runs no console; web uses 127.0.0.1:8080
    public_url: str = Field(default="", pattern=r"^$|^https?://[^\s/]+(/[^\s]*)?$")  # the link in approvers' mail
    session_hours: float = Field(default=12, gt=0, le=24 * 30)  # a session idle this long must log in again
    max_upload_mb: float = Field(default=20, gt=0, le=200)  # an edited draft larger than this is refused
    login_attempts: int = Field(default=5, ge=1, le=1000)  # failed logins per name (x4 per address) before 429
    login_window_minutes: float = Field(default=15, gt=0, le=24 * 60)
    trusted_proxies: list[str] = Field(default_factory=lambda: ["127.0.0.1", "::1"])  # whose X-Forwarded-* count


class ReviewSettings(_Strict):
    required: bool = False  # true: nothing is mailed to recipients before an approver approves the issue
    notify: list[str] = Field(default_factory=list)  # more addresses told when an issue waits for approval

    @field_validator("notify")
    @classmethod
    def _addresses(cls, value: list[str]) -> list[str]:
        for address in value:
            if not re.match(EMAIL_ADDRESS, address):
                raise ValueError(f"{address!r} is not an e-mail address")
        return value


class RawConfig(_Strict):
    briefing: BriefingSettings = Field(default_factory=BriefingSettings)
    sources: SourceSettings = Field(default_factory=SourceSettings)
    sections: list[SectionSettings] = Field(default_factory=list)
    editorial: EditorialSettings = Field(default_factory=EditorialSettings)
    schedule: dict[str, str] = Field(default_factory=dict)
    service: ServiceSettings = Field(default_factory=ServiceSettings)
    render: RenderSettings = Field(default_factory=RenderSettings)
    delivery: DeliverySettings = Field(default_factory=DeliverySettings)
    distribution: DistributionSettings = Field(default_factory=DistributionSettings)
    web: WebSettings = Field(default_factory=WebSettings)
    review: ReviewSettings = Field(default_factory=ReviewSettings)


class Config:
    """The validated settings plus where they came from (for resolving relative paths)."""

    def __init__(self, raw: RawConfig, path: Path | None, base_dir: Path):
        self.raw = raw
        self.path = path
        self.base_dir = base_dir

    @property
    def briefing(self) -> BriefingSettings:
        return self.raw.briefing

    @property
    def editorial(self) -> EditorialSettings:
        return self.raw.editorial

    @property
    def delivery(self) -> DeliverySettings:
        return self.raw.delivery

    @property
    def schedule(self) -> dict[str, str]:
        return self.raw.schedule

    @property
    def sources(self) -> SourceSettings:
        return self.raw.sources

    @property
    def render(self) -> RenderSettings:
        return self.raw.render

    @property
    def service(self) -> ServiceSettings:
        return self.raw.service

    @property
    def web(self) -> WebSettings:
        return self.raw.web

    @property
    def review(self) -> ReviewSettings:
        return self.raw.review

    @property
    def where(self) -> str:
        """The config file, for messages; with none, where one would go (a user with no
        briefing.toml is not told to edit a file that does not exist)."""
        if self.path is not None:
            return str(self.path)
        return f"{self.base_dir / CONFIG_NAME} (not written yet: `briefing init` writes one)"

    def resolve(self, value: str) -> Path:
        path = Path(value).expanduser()
        return path if path.is_absolute() else (self.base_dir / path)

    @property
    def output_dir(self) -> Path:
        return self.resolve(self.briefing.output_dir)

    @property
    def state_dir(self) -> Path:
        return self.resolve(self.briefing.state_dir)

    @property
    def source_paths(self) -> list[str]:
        feeds = [f if re.match(r"^https?://", f) else str(self.resolve(f)) for f in self.raw.sources.feeds]
        return [str(self.resolve(p)) for p in self.raw.sources.paths] + feeds

    @property
    def outlets(self) -> dict[str, str]:
        """Outlet names keyed by absolute source path prefix (feed URL prefixes kept as they are)."""
        return {prefix if re.match(r"^https?://", prefix) else str(self.resolve(prefix)): name
                for prefix, name in self.raw.sources.outlets.items()}

    @property
    def fonts_dir(self) -> Path:
        """Where an operator may drop licensed fonts; they win over the bundled ones."""
        return self.base_dir / "fonts"

    @property
    def distribution(self) -> Distribution:
        d = self.raw.distribution
        return Distribution(tuple(d.bao), tuple(d.song), tuple(d.fa), d.copies)

    @property
    def sections(self) -> list[SectionSpec]:
        overrides = {s.id: s for s in self.raw.sections}
        specs = []
        for default in DEFAULT_SECTIONS:
            override = overrides.get(default["id"])
            keywords = dict(default["keywords"])
            title, description, exclude = default["title"], default["description"], ()
            if override is not None:
                extra = override.keywords or {}
                if isinstance(extra, list):
                    extra = {term: 2.0 for term in extra}
                keywords = dict(extra) if override.replace_keywords else {**keywords, **extra}
                title = override.title or title
                description = override.description or description
                exclude = tuple(override.exclude)
            specs.append(SectionSpec(default["id"], title, keywords, exclude, description))
        return specs


def find_config(explicit: str | Path | None, cwd: Path | None = None) -> Path | None:
    if explicit:
        path = Path(explicit).expanduser()
        if not path.is_file():
            raise ConfigError(f"{path}: config file not found (check --config)")
        return path
    candidate = (cwd or Path.cwd()) / CONFIG_NAME
    return candidate if candidate.is_file() else None


def load_config(explicit: str | Path | None = None, cwd: Path | None = None) -> Config:
    path = find_config(explicit, cwd)
    if path is None:
        return Config(RawConfig(), None, (cwd or Path.cwd()).resolve())
    return parse_config(path)


def parse_config(path: Path) -> Config:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ConfigError(f"{path}: not UTF-8 text; save briefing.toml as UTF-8")
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config ({exc.strerror})")
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: TOML syntax error: {exc}")
    try:
        raw = RawConfig.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(_describe(path, text, exc)) from None
    _check_sections_unique(path, text, raw)
    return Config(raw, path.resolve(), path.resolve().parent)


def _check_sections_unique(path: Path, text: str, raw: RawConfig) -> None:
    seen: set[str] = set()
    for section in raw.sections:
        if section.id in seen:
            line = _line_of(text, ("sections", 0, "id"), needle=f'"{section.id}"')
            raise ConfigError(f"{path}{line}: [[sections]] id {section.id!r} appears twice; "
                              "give each section once")
        seen.add(section.id)


def _describe(path: Path, text: str, exc: ValidationError) -> str:
    messages = []
    for error in exc.errors():
        loc = tuple(error["loc"])
        key = _dotted(loc)
        line = _line_of(text, loc)
        if error["type"] == "extra_forbidden":
            what = f"unknown key {key!r}; check its spelling (see `briefing init` for every key)"
        elif error["type"] == "string_pattern_mismatch" and loc[-1:] == ("edition",):
            what = (f"{key} = {error.get('input')!r}: an edition name is lower-case letters, digits, - and _ "
                    "(e.g. daily); it becomes part of folder names")
        elif error["type"] == "literal_error" and loc[:1] == ("sections",):
            what = f"{key}: {error['msg'].lower()} (the six ids are {', '.join(SECTION_IDS)})"
        else:
            value = error.get("input")
            shown = f" (got {value!r})" if not isinstance(value, (dict, list)) else ""
            what = f"{key}: {error['msg']}{shown}"
        messages.append(f"{path}{line}: {what}")
    return "\n".join(messages)


def _dotted(loc: tuple[Any, ...]) -> str:
    parts: list[str] = []
    for part in loc:
        if isinstance(part, int):
            parts[-1] = f"{parts[-1]}[{part}]" if parts else f"[{part}]"
        else:
            parts.append("from" if part == "from_" else str(part))
    return ".".join(parts)


def _line_of(text: str, loc: tuple[Any, ...], needle: str | None = None) -> str:
    """Best-effort line number of the key in loc, as ':N' (empty when not found)."""
    names = [p for p in loc if isinstance(p, str)]
    if not names:
        return ""
    table, key = (names[0], names[-1]) if len(names) > 1 else (None, names[0])
    in_table = table is None
    for number, line in enumerate(text.splitlines(), start=1):
        stripped = line.strip()
        header = re.match(r"^\[\[?\s*([^\]]+?)\s*\]\]?", stripped)
        if header:
            in_table = table is None or header.group(1) == table
            if table is None and header.group(1) == key:
                return f":{number}"
            continue
        if in_table and re.match(rf"^\"?{re.escape(key)}\"?\s*=", stripped):
            if needle is None or needle in stripped:
                return f":{number}"
    return ""
