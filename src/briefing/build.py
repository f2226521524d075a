"""The one build: sources -> Issue -> DOCX/PDF -> out/ folder and ledger row.

The CLI, the scheduler and anything later call `build`; none has a pipeline of its own.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from datetime import date as Date, datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from .config import Config, EditorialSettings
from .editorial.classify import classify
from .editorial.compose import compose
from .editorial.dedup import dedup
from .editorial.lexicon import tagged
from .editorial.summarize import Budget, summarize
from .editorial.titles import item_title
from .errors import BuildError, DeliveryError, IssueBusy, LedgerError, PublishError, UsageError
from .ledger import Ledger, free_space
from .manifest import MANIFEST, WrittenIssue, write_manifest
from .memo import MEMO
from .model import Article, BuildStatus, Issue, IssueStatus, Masthead, Skipped, StoredIssue
from .output import commit, staging
from .parallel import map_articles
from .render import glyph_warning, render_issue
from .render.fonts import load_fonts
from .render.worker import InProcess, renderer
from .resources import sample_sources
from .sources import read_sources
from .text.clean import clean_article
from .text.pages import split_document
from .timing import Progress, StageClock

if TYPE_CHECKING:
    from .delivery.outbox import DeliveryReport

FORMATS = ("docx", "pdf")


@dataclass(frozen=True)
class BuildRequest:
    sources: tuple[str, ...] = ()
    date: Date | None = None
    out_dir: Path | None = None
    formats: tuple[str, ...] = FORMATS
    special: bool = False
    edition: str | None = None
    send: bool = False  # mail the issue to [delivery] recipients once it is built

    def __post_init__(self) -> None:
        unknown = [f for f in self.formats if f not in FORMATS]
        if unknown or not self.formats:
            raise UsageError(f"--formats {','.join(self.formats) or '(none)'}: use docx, pdf or docx,pdf")


def formats_from(text: str) -> tuple[str, ...]:
    """`docx, PDF` -> ("docx", "pdf"), in the order given, each once (BuildRequest checks them)."""
    return tuple(dict.fromkeys(f.strip().lower() for f in text.split(",") if f.strip()))


@dataclass
class BuildResult(WrittenIssue):
    delivery: DeliveryReport | None = None  # when the request asked to send


def today(config: Config) -> Date:
    return datetime.now(ZoneInfo(config.briefing.timezone)).date()


def warm_up(config: Config) -> None:
    """Load once what every build needs — jieba's dictionary, the fonts, a standing PDF worker
    with WeasyPrint imported — in a process that builds many issues (`serve`, `web`). Call it
    before any thread starts: later builds pay for none of it again."""
    from .editorial.lexicon import words
    from .render.worker import keep_warm

    keep_warm()
    words("预热")
    load_fonts(config.fonts_dir)
    MEMO.enabled = True  # a process that builds many issues remembers each article's results


def resolve_sources(config: Config, requested: tuple[str, ...]) -> list[str]:
    if requested:
        return list(requested)
    if config.path is None:  # no briefing.toml at all: the bundled sample issue
        return [str(p) for p in sample_sources()]
    if config.source_paths:
        return config.source_paths
    raise UsageError(f"{config.path}: no sources to build from; pass SOURCE paths or set [sources] paths")


def build(config: Config, request: BuildRequest, progress: Progress | None = None) -> BuildResult:
    """Build one issue, and with request.send mail it, holding the (edition, date) lock from the
    check that it has not been mailed yet to the last message."""
    if not request.send:
        return _build(config, request, progress)
    from .delivery.outbox import send_issue
    from .delivery.release import Standing, issue_to_mail
    from .delivery.smtp import check_settings

    day = request.date or today(config)
    edition = request.edition or config.briefing.edition
    check_settings(config)  # before the build: a missing SMTP setting should not cost a number
    with _issue_lock(config, edition, day, "build --send", progress):
        if not request.special:
            with Ledger(config.state_dir) as ledger:
                release = issue_to_mail(ledger, edition, day)
            if release.standing is Standing.MAILED:
                mailed = release.entry
                raise DeliveryError(
                    f"{edition} {day.isoformat()} has already been mailed as 第{mailed.number.number}期 ({mailed.folder}); "
                    f"`briefing send {mailed.folder}` finishes its delivery, or build without --send "
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
    # a worker imports the renderers while the articles are read and edited (render/worker.py)
    with renderer() as files:
        return _run_pipeline(config, request, progress, files)


def _run_pipeline(config: Config, request: BuildRequest, progress: Progress | None,
                  files: InProcess) -> BuildResult:
    clock = StageClock(progress)
    day = request.date or today(config)
    edition = request.edition or config.briefing.edition

    with clock.stage("read"):
        documents, skipped = read_sources(resolve_sources(config, request.sources), config.sources, config.outlets,
                                          exclude=(request.out_dir or config.output_dir, config.state_dir),
                                          allow_roots=[config.resolve(root) for root in config.sources.allow_roots])
    with clock.stage("extract"):
        raw_articles = []
        for document in documents:
            found = split_document(document)
            if not found:
                skipped.append(Skipped(document.source, "no article found in the text"))
            raw_articles.extend(found)
    editorial = _editorial_context(config)  # what the memo of a service keys each result on
    with clock.stage("clean"):
        articles = MEMO.map("clean", None, partial(map_articles, clean_article), raw_articles)
        articles = _drop_empty(articles, skipped)
    with clock.stage("dedup"):
        unique = dedup(articles)
    with clock.stage("classify"):
        found = MEMO.map("classify", editorial, lambda some: classify(some, config.sections, config.editorial),
                         unique.articles)
        classifications = {c.article_id: c for c in found}
    with clock.stage("summarize"):
        on_topic = [a for a in unique.articles if classifications[a.id].section]
        written = MEMO.map("summarize", editorial, partial(_summaries_and_titles, config.editorial), on_topic)
        summaries = {a.id: summary for a, (summary, _) in zip(on_topic, written)}
        titles = {a.id: title for a, (_, title) in zip(on_topic, written)}
    if not any(summaries.values()):
        raise BuildError(_nothing_usable(config, documents, skipped, articles))

    fonts = load_fonts(config.fonts_dir) if "pdf" in request.formats else None
    out_dir = request.out_dir or config.output_dir
    # the lock is taken only here, where the ledger and out/ are written: a build that fails
    # earlier leaves nothing behind, not even a state_dir
    with _issue_lock(config, edition, day, "build", progress), Ledger(config.state_dir) as ledger:
        reclaim_abandoned(config, ledger)
        check_ledger_knows(ledger, out_dir, "nothing was built")
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
            result = _render_and_publish(issue, request.formats, fonts, config, out_dir, clock, warnings, files)
        except BaseException as exc:
            if fresh:
                ledger.release(issue_id)
            ledger.finish_build(build_id, BuildStatus.FAILED, message=str(exc) or type(exc).__name__)
            raise
        ledger.mark(issue_id, IssueStatus.BUILT, result.folder)
        ledger.finish_build(build_id, BuildStatus.OK, issue_id, result.folder)
    return result


def _summaries_and_titles(settings: EditorialSettings, articles: list[Article]) -> list[tuple[str, str]]:
    """Each article's summary and item title, both made in the one process that splits its
    sentences (a large intake's half in a child of its own)."""
    budget = Budget(settings.summary_min_chars, settings.summary_max_chars)
    tagged("")  # the dictionary's parts of speech, loaded before the work is split
    return map_articles(lambda a: (summarize(a, budget), item_title(a, settings.title_max_chars)), articles)


def _editorial_context(config: Config) -> tuple:
    """Everything besides the article that its section, summary and title depend on."""
    sections = tuple((s.id, s.title, tuple(s.keywords.items()), tuple(s.exclude), s.description)
                     for s in config.sections)
    return sections, config.editorial.model_dump_json()


def reclaim_abandoned(config: Config, ledger: Ledger) -> int:
    """Close what builds killed midway left in the ledger — a build 'running' forever, a number
    'reserved' that the next date would skip — for every issue no process is building now (its
    lock is free). Returns how many rows were reclaimed."""
    from .locks import issue_lock

    reclaimed = 0
    for edition, day in ledger.abandoned():
        try:
            with issue_lock(config.state_dir, edition, day, purpose="reclaiming a dead build", wait_seconds=0):
                reclaimed += sum(ledger.reclaim(edition, day))
        except IssueBusy:
            continue  # a build of that issue is under way: what it holds is its own
    return reclaimed


def check_ledger_knows(ledger: Ledger, out_dir: Path, outcome: str) -> None:
    """Refuse to go on when output_dir holds issues the ledger has no record of: the ledger was
    emptied, replaced or restored from an older backup, and would start the numbers over (and
    overwrite, and mail again, what is already out)."""
    unknown = ledger.unknown_folders(out_dir)
    if unknown:
        raise LedgerError(
            f"{ledger.path} has no record of {len(unknown)} issue folder(s) in {out_dir} (e.g. {unknown[-1].folder.name}): "
            "the ledger was emptied, replaced or restored from an older backup, and the numbers would start over; "
            f"run `briefing ledger rebuild` to take them back in from their manifests (or restore a current backup); "
            f"{outcome}")


def _render_and_publish(issue: Issue, formats: tuple[str, ...], fonts, config: Config, out_dir: Path,
                        clock: StageClock, warnings: list[dict], files: InProcess) -> BuildResult:
    try:
        return _write_folder(issue, formats, fonts, config, out_dir, clock, warnings, files)
    except OSError as exc:  # a full disk, a folder made read-only: the staging folder is already gone
        if exc.filename and not Path(os.fsdecode(exc.filename)).is_relative_to(out_dir):
            raise  # not the issue folder (a font, a template): the error names its file
        reason = (exc.strerror or str(exc)).lower()
        raise PublishError(f"{out_dir}: cannot write the issue ({reason}; {free_space(out_dir)} free on that disk); "
                           "free some space or check the folder's permissions (output_dir), then build again") from None


def _write_folder(issue: Issue, formats: tuple[str, ...], fonts, config: Config, out_dir: Path,
                  clock: StageClock, warnings: list[dict], files: InProcess) -> BuildResult:
    with staging(out_dir, issue.folder_name) as temp:
        names = render_issue(issue, temp, formats, fonts, config, clock.stage,
                             created=datetime.now(ZoneInfo(config.briefing.timezone)), renderer=files)
        stored = StoredIssue(temp, replace(issue, timings_ms=dict(clock.timings)), names, tuple(warnings))
        write_manifest(stored)
        stored = replace(stored, folder=commit(temp, out_dir / issue.folder_name))
    outputs = {kind: stored.folder / name for kind, name in names.items()}
    outputs["manifest"] = stored.folder / MANIFEST
    messages = [f"{s.source}: skipped: {s.reason}" for s in issue.skipped]
    messages += [glyph_warning(w) for w in warnings]
    return BuildResult(stored, outputs, messages)


def _drop_empty(articles: list[Article], skipped: list[Skipped]) -> list[Article]:
    kept = []
    for article in articles:
        if article.paragraphs:
            kept.append(article)
        else:
            skipped.append(Skipped(article.source, f"article {article.title!r} has no body text"))
    return kept


def _font_warnings(issue: Issue, fonts, config: Config) -> list[dict]:
    from .render.fonts import missing_glyphs

    return missing_glyphs(issue, fonts, config.render)


def _nothing_usable(config: Config, documents, skipped: list[Skipped], articles: list[Article]) -> str:
    if not documents:
        reasons = "; ".join(f"{s.source}: {s.reason}" for s in skipped[:5]) or "no source given"
        return f"no readable source ({reasons})"
    if not articles:
        return "the sources hold no article with body text"
    return (f"none of the {len(articles)} article(s) fits a section of the briefing (all off-topic); "
            f"`briefing build --explain` shows why, and [[sections]] keywords in {config.where} steer it")
