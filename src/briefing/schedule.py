"""The scheduler service (`briefing serve`) and the one path every scheduled run takes.

APScheduler 3.x decides *when*: a BlockingScheduler, its jobs in an SQLAlchemyJobStore (SQLite
under state_dir) so that a run that falls due while the service is down is still known at the
next start, cron triggers in the briefing's time zone, coalescing and a misfire grace time.

Our run ledger (`runs` in ledger.sqlite3) decides *whether*: each (edition, scheduled time) is
claimed under the (edition, date) lock before anything is built, so a run never builds or mails
twice, across restarts and beside operators' one-off builds. A run that a crash left halfway is
taken up again at the next start if it is still within the grace time; the outbox makes sure
that resuming it mails only the recipients who have not had the issue.

At start the job store is reconciled with `[schedule]` while the scheduler is paused: unchanged
jobs are kept as they are (with their pending next run time, which may lie in the past and so
run now), changed ones are updated, removed ones deleted, new ones added. Re-adding every job
with replace_existing would recompute the next run time from now and silently drop a run that
was due while the service was down. A job store that cannot be read is moved aside and its jobs
made again from `[schedule]`, each due again from its edition's last recorded run, so that a
damaged file loses no run either.

A stop (SIGTERM from `systemctl stop`, Ctrl-C) starts no new run and asks the runs in progress
to stop at their next step — between stages of the build, between recipients, in a retry's
wait, while waiting for an issue's lock. Such a run is recorded 'interrupted', never 'failed',
and the next start resumes it: from its folder once it has one, mailing only who has not had it.
"""

from __future__ import annotations

import logging
import re
import pickle
import sqlite3
import threading
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from datetime import date as Date, datetime, timedelta, timezone
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from apscheduler.events import EVENT_JOB_ERROR, EVENT_JOB_MISSED, EVENT_SCHEDULER_STARTED
from apscheduler.executors.pool import ThreadPoolExecutor
from apscheduler.jobstores.memory import MemoryJobStore
from apscheduler.jobstores.sqlalchemy import SQLAlchemyJobStore
from apscheduler.schedulers import SchedulerNotRunningError
from apscheduler.schedulers.base import STATE_STOPPED, BaseScheduler
from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.cron import CronTrigger
from sqlalchemy.exc import SQLAlchemyError

from .build import BuildRequest, build, reclaim_abandoned
from .config import Config, load_config
from .errors import BriefingError, ConfigError, DeliveryError, LedgerError
from .ledger import Ledger, RunEntry, set_aside, sqlite_damage
from .locks import issue_lock, service_lock
from .model import EDITION_NAME, RunStatus
from .timing import Progress

if TYPE_CHECKING:
    from .delivery.outbox import DeliveryReport

log = logging.getLogger("briefing.schedule")
log.addHandler(logging.NullHandler())  # `serve` configures logging; other commands print their own lines

JOBSTORE_NAME = "jobs.sqlite3"
JOB_FUNCTION = "briefing.schedule:scheduled_job"
RECOVERY_STORE = "recovery"  # in memory: rebuilt from the run ledger at every start
MAX_CATCH_UP = 1000  # fire times looked at when recording runs missed during a long stop

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


# -- stopping -------------------------------------------------------------------------------------


class StopRequested(BaseException):
    """The service is stopping: the run stops at this step and resumes at the next start.

    A BaseException, like KeyboardInterrupt: it is no error, and no `except Exception` in a stage
    may swallow it."""

    def __str__(self) -> str:
        return "stopped: the service is shutting down"


_stopping = threading.Event()  # a stop concerns the whole process, as the signal that asks for it


def request_stop() -> None:
    """Ask every run in progress in this process to stop at its next step."""
    _stopping.set()


def _check_stop() -> None:
    if _stopping.is_set():
        raise StopRequested()


def _stoppable(progress: Progress | None) -> Progress:
    """A progress callback that is also a safe point: the build calls it at every stage, the
    outbox before every recipient."""

    def tell(message: str) -> None:
        _check_stop()
        if progress is not None:
            progress(message)

    return tell


def _stoppable_sleep(seconds: float) -> None:
    """The wait before a retry, cut short by a stop."""
    if _stopping.wait(seconds):
        raise StopRequested()


# -- jobs from [schedule] -----------------------------------------------------------------------


@dataclass(frozen=True)
class JobSpec:
    edition: str
    cron: str
    trigger: CronTrigger


def job_specs(config: Config) -> list[JobSpec]:
    """One job per `[schedule]` entry (edition name = cron), validated, in the briefing's time zone."""
    return [JobSpec(edition, cron, cron_trigger(config, edition, cron)) for edition, cron in config.schedule.items()]


def cron_trigger(config: Config, edition: str, cron: str) -> CronTrigger:
    where = f"{config.where}: [schedule] {edition} = {cron!r}"

    if not re.match(EDITION_NAME, edition):
        raise ConfigError(f"{where}: an edition name is lower-case letters, digits, - and _ (e.g. daily)")
    fields = cron.split()
    if len(fields) != 5:
        raise ConfigError(f"{where}: expected five cron fields: minute hour day month day-of-week "
                          "(e.g. \"30 7 * * mon-fri\")")
    if re.search(r"\d", fields[4]):
        # APScheduler counts days of the week from Monday = 0, cron from Sunday = 0: a number
        # would silently move the run by a day, so only names are accepted.
        raise ConfigError(f"{where}: write days of the week as names (mon-fri, sat,sun), not numbers")
    try:
        return CronTrigger.from_crontab(cron, timezone=ZoneInfo(config.briefing.timezone))
    except ValueError as exc:
        raise ConfigError(f"{where}: not a valid cron expression ({exc})")


def next_fire_times(trigger: CronTrigger, now: datetime, count: int = 3) -> list[datetime]:
    times: list[datetime] = []
    previous = None
    moment = now
    while len(times) < count:
        fire = trigger.get_next_fire_time(previous, moment)
        if fire is None:
            break
        times.append(fire)
        previous, moment = fire, fire + timedelta(seconds=1)
    return times


def fire_times_between(trigger: CronTrigger, start: datetime, end: datetime, limit: int = MAX_CATCH_UP) -> list[datetime]:
    """Fire times t with start <= t <= end."""
    times: list[datetime] = []
    fire = trigger.get_next_fire_time(None, start)
    while fire is not None and fire <= end and len(times) < limit:
        times.append(fire)
        fire = trigger.get_next_fire_time(fire, fire + timedelta(seconds=1))
    return times


def latest_fire_time(trigger: CronTrigger, now: datetime, window: timedelta) -> datetime | None:
    """The run a job that fires at `now` stands for: its latest fire time in [now - window, now]."""
    times = fire_times_between(trigger, now - window, now)
    return times[-1] if times else None


# -- one run ------------------------------------------------------------------------------------


@dataclass
class RunOutcome:
    edition: str
    scheduled_for: datetime
    date: Date
    status: RunStatus  # done | failed | already (nothing to do: the run was handled before)
    folder: str | None = None
    message: str = ""
    delivery: DeliveryReport | None = None

    def as_dict(self) -> dict:
        return {"edition": self.edition, "scheduled_for": self.scheduled_for.isoformat(),
                "date": self.date.isoformat(), "status": str(self.status), "folder": self.folder,
                "message": self.message,
                "delivery": self.delivery.as_dict() if self.delivery is not None else None}


def issue_date(config: Config, scheduled_for: datetime) -> Date:
    """The issue's date is the scheduled time's date in the briefing's time zone, whatever the
    server's zone: a 07:30 Shanghai run (23:30 UTC the day before) makes that morning's issue."""
    return scheduled_for.astimezone(ZoneInfo(config.briefing.timezone)).date()


def run_edition(config: Config, edition: str, scheduled_for: datetime, trigger: str = "schedule",
                progress: Progress | None = None) -> RunOutcome:
    """Build and mail the issue for one run, exactly once. Scheduled runs, runs resumed after a
    crash and `briefing schedule run` all come here."""
    day = issue_date(config, scheduled_for)
    progress = _stoppable(progress)
    try:
        with issue_lock(config.state_dir, edition, day, purpose=f"{trigger} run of {edition}", on_wait=progress,
                        wait_seconds=config.service.lock_wait_seconds, while_waiting=_check_stop):
            return _claim_and_carry_out(config, edition, scheduled_for, day, trigger, progress)
    except StopRequested:  # stopped while waiting for the issue's lock, before the run was claimed
        with Ledger(config.state_dir) as ledger:
            ledger.record_unclaimed_run(edition, scheduled_for, day, trigger, INTERRUPTED_MESSAGE)
        log.warning("run %s %s: %s", edition, scheduled_for.isoformat(), INTERRUPTED_MESSAGE)
        return RunOutcome(edition, scheduled_for, day, RunStatus.INTERRUPTED, None, INTERRUPTED_MESSAGE)


INTERRUPTED_MESSAGE = ("stopped by a service stop before it finished; the next start resumes it "
                       "(within [service] misfire_grace_seconds)")


def _claim_and_carry_out(config: Config, edition: str, scheduled_for: datetime, day: Date, trigger: str,
                         progress: Progress) -> RunOutcome:
    """Under the issue's lock: claim the run, then build and mail, recording how it ended."""
    with Ledger(config.state_dir) as ledger:
        run = ledger.claim_run(edition, scheduled_for, day, trigger)
        if run is None:
            done = ledger.run(edition, scheduled_for)
            return RunOutcome(edition, scheduled_for, day, RunStatus.ALREADY, _text(done.folder),
                              f"this run was handled before ({done.status}): {done.message or ''}".rstrip(": "))
        try:
            _check_stop()  # after the claim: a run the stop reaches now is recorded, not lost
            return _carry_out(config, ledger, run, edition, scheduled_for, day, progress)
        except StopRequested:
            ledger.update_run(run.id, RunStatus.INTERRUPTED, message=INTERRUPTED_MESSAGE)
            log.warning("run %s %s: %s", edition, scheduled_for.isoformat(), INTERRUPTED_MESSAGE)
            return RunOutcome(edition, scheduled_for, day, RunStatus.INTERRUPTED,
                              _text(ledger.run(edition, scheduled_for).folder), INTERRUPTED_MESSAGE)
        except BriefingError as exc:
            ledger.update_run(run.id, RunStatus.FAILED, message=str(exc))
            log.error("run %s %s failed: %s", edition, scheduled_for.isoformat(), exc)
            return RunOutcome(edition, scheduled_for, day, RunStatus.FAILED, _text(run.folder), str(exc))
        except BaseException as exc:
            ledger.update_run(run.id, RunStatus.FAILED, message=f"{type(exc).__name__}: {exc}")
            raise


def _text(path: Path | None) -> str | None:
    return str(path) if path is not None else None


def _carry_out(config: Config, ledger: Ledger, run: RunEntry, edition: str, scheduled_for: datetime, day: Date,
               progress: Progress | None) -> RunOutcome:
    from .delivery.outbox import send_issue

    folder, note = _issue_for_run(config, ledger, run, edition, day, progress)
    held, waiting = hold_for_run(config, ledger, run, folder, note, mails=True)  # [review] required: approvers first
    if waiting:
        return RunOutcome(edition, scheduled_for, day, RunStatus.BUILT, str(folder), held)
    if not config.delivery.recipients:
        message = f"{note}; no [delivery] recipients, so nothing was mailed"
        ledger.update_run(run.id, RunStatus.DONE, message=message)
        return RunOutcome(edition, scheduled_for, day, RunStatus.DONE, str(folder), message)
    _check_stop()
    report = send_issue(config, folder, progress=progress, sleep=_stoppable_sleep)
    message = f"{note}; mailed to {report.sent} of {len(report.outcomes)} recipient(s)"
    ledger.audit(run.trigger, "send", folder.name, f"run {run.id}: {message}")
    if not report.complete:
        message += ": " + "; ".join(report.problems())
        log.error("run %s %s: %s", edition, scheduled_for.isoformat(), message)
    status = RunStatus.DONE if report.complete else RunStatus.FAILED
    ledger.update_run(run.id, status, message=message)
    return RunOutcome(edition, scheduled_for, day, status, str(folder), message, report)


def _issue_for_run(config: Config, ledger: Ledger, run: RunEntry, edition: str, day: Date,
                   progress: Progress | None) -> tuple[Path, str]:
    """The issue folder this run mails: the one it built before a crash, else the one recipients
    get for this date (delivery.release decides: already mailed, or published), or a new build."""
    from .delivery.release import Standing, issue_to_mail

    if run.folder is not None and run.folder.is_dir():  # built before the crash or the stop
        return run.folder, "resumed after an interruption"
    release = issue_to_mail(ledger, edition, day)
    number = release.entry.number.number if release.entry is not None else None
    if release.standing is Standing.MAILED:
        if release.folder is None:
            raise DeliveryError(f"第{number}期 of {edition} {day.isoformat()} has gone out, but its folder "
                                f"{release.entry.folder} is gone; restore it and run `briefing send` on it")
        return release.folder, f"第{number}期 had already gone out; only its delivery was finished"
    if release.standing is Standing.PUBLISHED:
        return release.folder, f"mailed 第{number}期 as the editor published it"
    return build_for_run(config, ledger, run, BuildRequest(edition=edition, date=day), run.trigger, progress)


# -- the steps every run takes, scheduled or asked for in the console ---------------------------


def build_for_run(config: Config, ledger: Ledger, run: RunEntry, request: BuildRequest, actor: str,
                  progress: Progress | None) -> tuple[Path, str]:
    """The run's issue built by the one build(), and audited as the run's: (folder, note)."""
    result = build(config, request, progress)
    note = f"built {result.issue.masthead.number_line}"
    ledger.audit(actor, "build", result.folder.name, f"run {run.id}: {note}")
    return result.folder, note


def hold_for_run(config: Config, ledger: Ledger, run: RunEntry, folder: Path, note: str, *,
                 mails: bool) -> tuple[str, bool]:
    """The run's issue recorded on the run, and held for review when [review] requires it (the
    approvers told once per revision): (the run's message, whether it waits for an approver).

    A run that goes on to mail the issue is 'built' meanwhile, and waits: approving resumes it.
    One that does not (a build asked for in the console; the operator sends) is still running,
    and no approval resumes it."""
    from .delivery.release import hold_for_review
    from .manifest import read_issue

    status = RunStatus.BUILT if mails else RunStatus.RUNNING
    ledger.update_run(run.id, status, folder=folder, message=note)
    waiting = hold_for_review(config, ledger, read_issue(folder), run if mails else None)
    if not waiting:
        return note, False
    message = f"{note}; {waiting}"
    ledger.update_run(run.id, status, message=message)
    return message, True


# -- what the job store calls -------------------------------------------------------------------


def _config_from(config_file: str, base_dir: str) -> Config:
    return load_config(config_file or None, cwd=Path(base_dir))


def scheduled_job(config_file: str, base_dir: str, edition: str) -> str:
    """A cron job fired. The config is read again so that changed recipients take effect."""
    now = utc_now()
    try:
        config = _config_from(config_file, base_dir)
        spec = {s.edition: s for s in job_specs(config)}.get(edition)
    except ConfigError as exc:  # edited into a mistake since the service started
        log.error("run %s at %s NOT RUN: %s", edition, now.isoformat(timespec="seconds"), exc)
        return RunStatus.FAILED
    window = timedelta(seconds=config.service.misfire_grace_seconds + 300)
    scheduled_for = (latest_fire_time(spec.trigger, now, window) if spec else None) or now.replace(microsecond=0)
    outcome = run_edition(config, edition, scheduled_for)
    log.info("run %s %s: %s %s", edition, scheduled_for.isoformat(), outcome.status, outcome.message)
    return outcome.status


def recovered_job(config_file: str, base_dir: str, edition: str, scheduled_for: str) -> str:
    """A run that a crash left halfway, taken up again."""
    config = _config_from(config_file, base_dir)
    outcome = run_edition(config, edition, datetime.fromisoformat(scheduled_for))
    log.info("resumed run %s %s: %s %s", edition, scheduled_for, outcome.status, outcome.message)
    return outcome.status


# -- the service --------------------------------------------------------------------------------


class _Scheduler(BlockingScheduler):
    """A BlockingScheduler that does nothing once shut down.

    Upstream's main loop processes jobs once more after shutdown() wakes it, when the executors
    are already gone: a job due at that moment has its next run time moved on and its run lost.
    """

    def _process_jobs(self):
        if self.state == STATE_STOPPED:
            return None
        return super()._process_jobs()


class _StoreOnly(BaseScheduler):
    """A scheduler with no loop, which never runs a job: for reconciling or reading the store."""

    # both abstract in BaseScheduler; a scheduler with no loop has nothing more to do for either
    def shutdown(self, wait=True):
        super().shutdown(wait)

    def wakeup(self):
        pass


@dataclass
class Reconciled:
    added: list[str]
    changed: list[str]
    removed: list[str]
    kept: list[str]


class Service:
    """`briefing serve`: one BlockingScheduler over the SQLite job store, in the foreground."""

    def __init__(self, config: Config, clock: Clock = utc_now):
        self.config = config
        self.clock = clock  # decides reconcile and recovery; APScheduler keeps its own clock
        self.specs = job_specs(config)
        self.scheduler: BlockingScheduler | None = None
        self.started = threading.Event()
        self._startup_error: BaseException | None = None
        self._stop_asked = False  # by a signal: set from its handler, acted on outside it
        self._stopper: threading.Thread | None = None
        # set when a damaged job store was moved aside: jobs made again are due from here on
        self._store_lost_at: datetime | None = None

    @property
    def jobstore_url(self) -> str:
        return f"sqlite:///{self.config.state_dir / JOBSTORE_NAME}"

    @property
    def grace(self) -> timedelta:
        return timedelta(seconds=self.config.service.misfire_grace_seconds)

    def make_scheduler(self, kind: type = _Scheduler):
        self.config.state_dir.mkdir(parents=True, exist_ok=True)
        self._set_aside_if_damaged(self.config.state_dir / JOBSTORE_NAME)
        return kind(
            jobstores={"default": SQLAlchemyJobStore(url=self.jobstore_url), RECOVERY_STORE: MemoryJobStore()},
            executors={"default": ThreadPoolExecutor(4)},
            job_defaults={"coalesce": True, "max_instances": 1,
                          "misfire_grace_time": self.config.service.misfire_grace_seconds},
            timezone=ZoneInfo(self.config.briefing.timezone),
        )

    def run(self) -> None:
        """Serve until shutdown (stop(), SIGTERM or Ctrl-C, both raised as KeyboardInterrupt)."""
        with service_lock(self.config.state_dir):
            scheduler = self.scheduler = self.make_scheduler()
            scheduler.add_listener(self._on_started, EVENT_SCHEDULER_STARTED)
            scheduler.add_listener(self._on_missed, EVENT_JOB_MISSED)
            scheduler.add_listener(self._on_error, EVENT_JOB_ERROR)
            try:
                with self._job_store_errors():
                    scheduler.start(paused=True)  # blocks; _on_started reconciles, then resumes
            except KeyboardInterrupt:  # Ctrl-C where no handler of ask_to_stop() was installed
                self._stop_asked = True
            finally:
                self.started.set()  # a stopper waiting for the start is let go, whatever happened
            if self._stop_asked:
                log.warning("stopping: no new runs; a run in progress stops at its next step, is recorded "
                            "interrupted and resumes at the next start")
                if self._stopper is not None:
                    self._stopper.join()  # it waits for the runs in progress; so does this process
                self._shut_down(scheduler)
            if self._startup_error is not None:
                raise self._startup_error

    def ask_to_stop(self) -> None:
        """What a SIGTERM or SIGINT handler calls: never raises into the interrupted code.

        A KeyboardInterrupt raised at an arbitrary point could land in the start's listener (then
        the stop looked like a failed start) or in APScheduler's dispatch (which would log it and
        carry on): instead the stop is noted here and made by a thread once the start is over."""
        if self._stop_asked:
            return  # a second signal: the stop is already under way
        self._stop_asked = True
        request_stop()
        self._stopper = threading.Thread(target=self._stop_after_start, name="briefing-stop", daemon=True)
        self._stopper.start()

    def _stop_after_start(self) -> None:
        self.started.wait()
        scheduler = self.scheduler
        if scheduler is not None and scheduler.running:
            try:
                scheduler.shutdown(wait=True)
            except SchedulerNotRunningError:  # the start saw the stop and shut down first
                pass

    def _shut_down(self, scheduler) -> None:
        request_stop()
        if scheduler.running:
            scheduler.shutdown(wait=True)  # a second signal while waiting leaves the stop requested
        _stopping.clear()  # the runs have stopped; a later service or run in this process starts afresh

    @contextmanager
    def _job_store_errors(self) -> Iterator[None]:
        try:
            yield
        except SQLAlchemyError as exc:
            path = self.config.state_dir / JOBSTORE_NAME
            raise LedgerError(f"{path}: the job store failed ({getattr(exc, 'orig', None) or exc}); check the disk "
                              "holding state_dir, or move the file aside: the next start makes it again from "
                              "[schedule] and the run ledger") from None

    def _set_aside_if_damaged(self, path: Path) -> None:
        """A job store that cannot be read is moved aside (and logged, naming both files); the
        jobs are made again from [schedule], each due from its edition's last recorded run."""
        problem = job_store_problem(path)
        if problem is None:
            return
        lost_at = datetime.fromtimestamp(path.stat().st_mtime, timezone.utc)
        aside = set_aside(path, utc_now())
        self._store_lost_at = lost_at
        log.error("%s: the job store cannot be read (%s); moved it to %s and made the jobs again from [schedule]: "
                  "runs due since each edition's last recorded run are run now or recorded as missed",
                  path, problem, aside.name)

    def sync_store(self) -> Reconciled:
        """Reconcile the job store with [schedule], as a start would, and stop without running
        anything (what a service that ran at self.clock() and then stopped leaves behind)."""
        with self._paused() as scheduler, Ledger(self.config.state_dir) as ledger:
            return self.reconcile(scheduler, self.clock(), ledger)

    def stored_jobs(self) -> list[dict]:
        """The jobs in the store as they are: id, trigger and pending next run time."""
        with self._paused() as scheduler:
            return [{"id": job.id, "trigger": str(job.trigger), "next_run_time": job.next_run_time}
                    for job in scheduler.get_jobs(jobstore="default")]

    @contextmanager
    def _paused(self) -> Iterator:
        with service_lock(self.config.state_dir):
            scheduler = self.make_scheduler(_StoreOnly)
            with self._job_store_errors():
                scheduler.start(paused=True)
            try:
                yield scheduler
            finally:
                scheduler.shutdown(wait=False)

    def stop(self) -> None:
        """What SIGTERM does: no new runs, the runs in progress stop at their next step."""
        if self.scheduler is not None:
            self._shut_down(self.scheduler)

    def _on_started(self, _event) -> None:
        scheduler = self.scheduler
        try:
            now = self.clock()
            with Ledger(self.config.state_dir) as ledger:
                result = self.reconcile(scheduler, now, ledger)
                recovered = self.recover(scheduler, now, ledger)
                reclaimed = reclaim_abandoned(self.config, ledger)
            log.info("schedule: added %s, changed %s, removed %s, kept %s; %d interrupted run(s) resumed; "
                     "%d row(s) left by killed builds reclaimed", result.added or "-", result.changed or "-",
                     result.removed or "-", result.kept or "-", len(recovered), reclaimed)
            if self._stop_asked:  # a signal came while starting: stop before any run begins
                scheduler.shutdown(wait=False)
            else:
                scheduler.resume()
        except BaseException as exc:  # APScheduler would only log a listener's error and stay paused
            self._startup_error = exc
            scheduler.shutdown(wait=False)
        finally:
            self.started.set()

    def reconcile(self, scheduler, now: datetime, ledger: Ledger) -> Reconciled:
        """Make the paused scheduler's job store match [schedule] without losing a pending run."""
        wanted = {spec.edition: spec for spec in self.specs}
        stored = {job.id: job for job in scheduler.get_jobs(jobstore="default")}
        result = Reconciled([], [], [], [])
        for job_id in sorted(set(stored) - set(wanted)):
            scheduler.remove_job(job_id, jobstore="default")
            result.removed.append(job_id)
        for edition, spec in wanted.items():
            settings = self._job_settings(spec)
            job = stored.get(edition)
            if job is None:
                since = self._due_since(edition, now, ledger)
                added = scheduler.add_job(JOB_FUNCTION, trigger=spec.trigger, id=edition, jobstore="default",
                                          next_run_time=spec.trigger.get_next_fire_time(None, since), **settings)
                if since < now:
                    self._record_missed_while_down(added, now, ledger)
                result.added.append(edition)
            elif _trigger_key(job.trigger) != _trigger_key(spec.trigger):
                # a new time table: the old one's pending run no longer applies
                scheduler.modify_job(edition, jobstore="default", trigger=spec.trigger,
                                     next_run_time=spec.trigger.get_next_fire_time(None, now), **settings)
                result.changed.append(edition)
            else:
                self._record_missed_while_down(job, now, ledger)
                current = {"func": job.func_ref, "args": tuple(job.args), "name": job.name,
                           "misfire_grace_time": job.misfire_grace_time, "coalesce": job.coalesce,
                           "max_instances": job.max_instances}
                if current != {**settings, "func": JOB_FUNCTION, "args": tuple(settings["args"])}:
                    scheduler.modify_job(edition, jobstore="default", func=JOB_FUNCTION, **settings)
                    result.changed.append(edition)
                else:
                    result.kept.append(edition)
        return result

    def _due_since(self, edition: str, now: datetime, ledger: Ledger) -> datetime:
        """From when a job added now is due: now for a new edition; after a damaged job store was
        set aside, from just after the edition's last recorded run (or the store's last write),
        as the lost store would have had it."""
        if self._store_lost_at is None:
            return now
        last = ledger.runs(edition, limit=1)
        since = max([self._store_lost_at, *(run.scheduled_for for run in last)])
        return min(since + timedelta(seconds=1), now)

    def _job_settings(self, spec: JobSpec) -> dict:
        config_file = str(self.config.path) if self.config.path else ""
        return {"name": f"{spec.edition} ({spec.cron})", "args": [config_file, str(self.config.base_dir), spec.edition],
                "misfire_grace_time": self.config.service.misfire_grace_seconds, "coalesce": True, "max_instances": 1}

    def _record_missed_while_down(self, job, now: datetime, ledger: Ledger) -> None:
        """Runs that fell due while the service was down and are past the grace time. APScheduler
        itself reports only the latest of them (coalescing); each one goes into the run ledger."""
        if job.next_run_time is None or job.next_run_time > now:
            return
        for fire in fire_times_between(job.trigger, job.next_run_time, now - self.grace):
            self._missed(job.id, fire, ledger)

    def recover(self, scheduler, now: datetime, ledger: Ledger) -> list[str]:
        """Runs a crash left halfway: resumed now if within the grace time, else recorded failed."""
        resumed = []
        config_file = str(self.config.path) if self.config.path else ""
        from .delivery.release import waiting_for_approval

        for run in ledger.unfinished_runs(since=datetime(1970, 1, 1, tzinfo=timezone.utc)):
            if waiting_for_approval(ledger, run):
                continue  # not interrupted: it waits for an approver, whose approval resumes it
            when = run.scheduled_for.isoformat()
            if now - run.scheduled_for > self.grace:
                ledger.update_run(run.id, RunStatus.FAILED, message="interrupted, and past the grace time at restart; "
                                  f"not resumed (finish it with `briefing send {run.folder}`)" if run.folder
                                  else "interrupted, and past the grace time at restart; not resumed")
                log.error("run %s %s was interrupted and is past the grace time; not resumed", run.edition, when)
                continue
            scheduler.add_job("briefing.schedule:recovered_job", jobstore=RECOVERY_STORE,
                              id=f"resume {run.edition} {when}", misfire_grace_time=None,
                              args=[config_file, str(self.config.base_dir), run.edition, when])
            resumed.append(f"{run.edition} {when}")
            log.warning("resuming run %s %s, interrupted in status %s", run.edition, when, run.status)
        return resumed

    def _on_missed(self, event) -> None:
        if event.jobstore != "default":
            return
        with Ledger(self.config.state_dir) as ledger:
            self._missed(event.job_id, event.scheduled_run_time, ledger)

    def _missed(self, edition: str, fire: datetime, ledger: Ledger) -> None:
        late = self.clock() - fire
        message = f"missed: due {fire.isoformat()}, the service came {late} late (grace {self.grace})"
        if ledger.record_missed(edition, fire, issue_date(self.config, fire), message):
            log.error("run %s %s NOT RUN: %s", edition, fire.isoformat(), message)

    def _on_error(self, event) -> None:
        log.error("job %s (scheduled %s) raised %r\n%s", event.job_id, event.scheduled_run_time,
                  event.exception, event.traceback or "")


def job_store_problem(path: Path) -> str | None:
    """Why the job store cannot be read, or None when it can (or is not there yet). It is read as
    APScheduler will read it: the SQLite file, its table, each job's pickled state."""
    damage = sqlite_damage(path)
    if damage or not path.exists():
        return damage
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True)) as db:
            if db.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='apscheduler_jobs'").fetchone():
                for _, state in db.execute("SELECT id, job_state FROM apscheduler_jobs"):
                    pickle.loads(state)
    except sqlite3.Error:
        return None  # not damage (busy, unreadable): SQLAlchemy's own error says what it is
    except Exception as exc:  # a job's pickled state that no longer loads
        return f"a job cannot be restored ({type(exc).__name__}: {exc})"
    return None


def _trigger_key(trigger) -> tuple[str, str]:
    return str(trigger), str(getattr(trigger, "timezone", ""))


# -- for `briefing schedule list` ---------------------------------------------------------------


def schedule_table(config: Config, now: datetime | None = None, count: int = 3) -> list[dict]:
    now = now or utc_now()
    rows = []
    with Ledger(config.state_dir) as ledger:
        for spec in job_specs(config):
            last = ledger.runs(spec.edition, limit=1)
            rows.append({
                "edition": spec.edition, "cron": spec.cron, "timezone": config.briefing.timezone,
                "next": [t.isoformat() for t in next_fire_times(spec.trigger, now, count)],
                "last_run": _run_json(last[0]) if last else None,
            })
    return rows


def _run_json(run: RunEntry) -> dict:
    """A run as `schedule list --json` has always printed it: the ledger row's columns."""
    return {"id": run.id, "edition": run.edition, "scheduled_for": run.scheduled_for.isoformat(),
            "date": run.date.isoformat(), "trigger": run.trigger, "status": str(run.status),
            "folder": _text(run.folder), "attempts": run.attempts, "message": run.message,
            "created_at": run.created_at, "updated_at": run.updated_at}
