"""The one build: sources -> Issue -> DOCX/PDF -> out/ folder and ledger row.

The CLI, the scheduler and anything later call `build`; none has a pipeline of its own.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date as Date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from .config import Config
from .editorial.classify import classify
from .editorial.compose import compose
from .editorial.dedup import dedup
from .editorial.summarize import item_titles, summarize_articles
from .ledger import Ledger
from .model import Article, Issue, Masthead, Skipped
from .publish import build_manifest, commit, staging, write_manifest
from .render import PdfWorker, glyph_warning, render_issue
from .render.fonts import load_fonts
from .resources import sample_sources
from .sources import read_sources
from .text.clean import clean_article
from .text.pages import split_document

FORMATS = ("docx", "pdf")


class BuildError(Exception):
    """The build could not produce an issue (exit code 1); the message says why."""


class UsageError(Exception):
    """The request itself is wrong (exit code 2)."""


@dataclass(frozen=True)
class BuildRequest:
    sources: tuple[str, ...] = ()
    date: Date | None = None
    out_dir: Path | None = None
    formats: tuple[str, ...] = FORMATS
    special: bool = False
    edition: str | None = None
    send: bool = False  # mail the issue to [delivery] recipients once it is built


@dataclass
class BuildResult:
    issue: Issue
    folder: Path
    manifest: dict
    outputs: dict[str, Path]
    warnings: list[str] = field(default_factory=list)
    delivery: object | None = None  # deliver.DeliveryReport when the request asked to send


Progress = Callable[[str], None]


def today(config: Config) -> Date:
    return datetime.now(ZoneInfo(config.briefing.timezone)).date()


def resolve_sources(config: Config, requested: tuple[str, ...]) -> list[str]:
    if requested:
        return list(requested)
    if config.path is None:  # no briefing.toml at all: the bundled sample issue
        return [str(p) for p in sample_sources()]
    if config.source_paths:
        return config.source_paths
    raise UsageError(f"{config.path}: no sources to build from; pass SOURCE paths or set [sources] paths")


class StageClock:
    def __init__(self, progress: Progress | None):
        self.timings: dict[str, int] = {}
        self._progress = progress

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        if self._progress:
            self._progress(name)
        start = time.perf_counter()
        yield
        self.timings[name] = self.timings.get(name, 0) + round((time.perf_counter() - start) * 1000)


def build(config: Config, request: BuildRequest, progress: Progress | None = None) -> BuildResult:
    """Build one issue, and with request.send mail it, holding the (edition, date) lock from the
    check that it has not been mailed yet to the last message."""
    if not request.send:
        return _build(config, request, progress)
    from .deliver import DeliveryError, check_settings, send_issue

    day = request.date or today(config)
    edition = request.edition or config.briefing.edition
    check_settings(config)  # before the build: a missing SMTP setting should not cost a number
    with _issue_lock(config, edition, day, "build --send", progress):
        if not request.special:
            with Ledger(config.state_dir) as ledger:
                mailed = ledger.mailed_issue(edition, day)
            if mailed is not None:
                raise DeliveryError(
                    f"{edition} {day.isoformat()} has already been mailed as 第{mailed['number']}期 ({mailed['folder']}); "
                    f"`briefing send {mailed['folder']}` finishes its delivery, or build without --send "
                    "and send the new folder to mail a corrected issue")
        result = _build(config, replace(request, date=day, edition=edition), progress)
        result.delivery = send_issue(config, result.folder, progress=progress)
    return result


def _issue_lock(config: Config, edition: str, day: Date, purpose: str, progress: Progress | None):
    """One build, send or scheduled run of (edition, day) at a time: they never write the same
    folder at once. Re-entrant, so a scheduled run holding it can call build()."""
    from .locks import issue_lock

    return issue_lock(config.state_dir, edition, day, purpose=purpose, on_wait=progress,
                      wait_seconds=config.service.lock_wait_seconds)


def _build(config: Config, request: BuildRequest, progress: Progress | None = None) -> BuildResult:
    bad = [f for f in request.formats if f not in FORMATS]
    if bad or not request.formats:
        raise UsageError(f"--formats: unknown format {', '.join(bad) or '(none)'}; use docx, pdf or docx,pdf")
    if "pdf" not in request.formats:
        return _run_pipeline(config, request, progress, None)
    with PdfWorker() as pdf_worker:  # imports WeasyPrint while the articles are read and edited
        return _run_pipeline(config, request, progress, pdf_worker)


def _run_pipeline(config: Config, request: BuildRequest, progress: Progress | None,
                  pdf_worker: PdfWorker | None) -> BuildResult:
    clock = StageClock(progress)
    day = request.date or today(config)
    edition = request.edition or config.briefing.edition

    with clock.stage("read"):
        documents, skipped = read_sources(resolve_sources(config, request.sources), config.sources, config.outlets,
                                          exclude=(request.out_dir or config.output_dir, config.state_dir))
    with clock.stage("extract"):
        raw_articles = []
        for document in documents:
            found = split_document(document)
            if not found:
                skipped.append(Skipped(document.source, "no article found in the text"))
            raw_articles.extend(found)
    with clock.stage("clean"):
        articles = [clean_article(raw) for raw in raw_articles]
        articles = _drop_empty(articles, skipped)
    with clock.stage("dedup"):
        unique = dedup(articles)
    with clock.stage("classify"):
        classifications = {c.article_id: c for c in classify(unique.articles, config.sections, config.editorial)}
    with clock.stage("summarize"):
        on_topic = [a for a in unique.articles if classifications[a.id].section]
        summaries = summarize_articles(on_topic, config.editorial)
        titles = item_titles(on_topic, config.editorial)
    if not any(summaries.values()):
        raise BuildError(_nothing_usable(documents, skipped, articles))

    fonts = load_fonts(config.fonts_dir) if "pdf" in request.formats else None
    out_dir = request.out_dir or config.output_dir
    # the lock is taken only here, where the ledger and out/ are written: a build that fails
    # earlier leaves nothing behind, not even a state_dir
    with _issue_lock(config, edition, day, "build", progress), Ledger(config.state_dir) as ledger:
        build_id = ledger.start_build(edition, day)
        issue_id, number, fresh = ledger.reserve(edition, day, request.special)
        try:
            with clock.stage("compose"):
                masthead = Masthead(config.briefing.title, config.briefing.issuer, day, number,
                                    config.briefing.show_total)
                issue = compose(
                    briefing=config.briefing.title, edition=edition, masthead=masthead,
                    sections=config.sections, articles=unique.articles, classifications=classifications,
                    summaries=summaries, titles=titles, merged=unique.merged, all_articles=articles,
                    distribution=config.distribution, skipped=skipped, settings=config.editorial,
                    contents=config.briefing.contents,
                )
            warnings = _font_warnings(issue, fonts, config) if fonts else []
            result = _render_and_publish(issue, request.formats, fonts, config, out_dir, clock, warnings, pdf_worker)
        except BaseException as exc:
            if fresh:
                ledger.release(issue_id)
            ledger.finish_build(build_id, "failed", message=str(exc) or type(exc).__name__)
            raise
        ledger.mark(issue_id, "built", str(result.folder))
        ledger.finish_build(build_id, "ok", issue_id, str(result.folder))
    return result


def _render_and_publish(issue: Issue, formats: tuple[str, ...], fonts, config: Config, out_dir: Path,
                        clock: StageClock, warnings: list[dict], pdf_worker: PdfWorker | None) -> BuildResult:
    with staging(out_dir, issue.folder_name) as temp:
        names = render_issue(issue, temp, formats, fonts, config, clock.stage,
                             created=datetime.now(ZoneInfo(config.briefing.timezone)), pdf_worker=pdf_worker)
        issue = replace(issue, timings_ms=dict(clock.timings))
        manifest = build_manifest(issue, names, warnings)
        write_manifest(temp, manifest)
        folder = commit(temp, out_dir / issue.folder_name)
    outputs = {kind: folder / name for kind, name in names.items()}
    outputs["manifest"] = folder / "manifest.json"
    messages = [f"{s.source}: skipped: {s.reason}" for s in issue.skipped]
    messages += [glyph_warning(w) for w in warnings]
    return BuildResult(issue, folder, manifest, outputs, messages)


def _drop_empty(articles: list[Article], skipped: list[Skipped]) -> list[Article]:
    kept = []
    for article in articles:
        if article.paragraphs:
            kept.append(article)
        else:
            skipped.append(Skipped(article.source, f"article {article.title!r} has no body text"))
    return kept


def _font_warnings(issue: Issue, fonts, config: Config) -> list[dict]:
    from .render.pdf import missing_glyphs

    return missing_glyphs(issue, fonts, config.render)


def _nothing_usable(documents, skipped: list[Skipped], articles: list[Article]) -> str:
    if not documents:
        reasons = "; ".join(f"{s.source}: {s.reason}" for s in skipped[:5]) or "no source given"
        return f"no readable source ({reasons})"
    if not articles:
        return "the sources hold no article with body text"
    return (f"none of the {len(articles)} article(s) fits a section of the briefing "
            "(all off-topic); see the section keywords in briefing.toml")
