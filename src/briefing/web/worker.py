"""The worker that carries out runs asked for from the console or the API.

POST /api/builds only writes a 'queued' row into the run ledger and wakes this worker; the
worker takes queued runs one at a time under the (edition, date) lock — the lock every build,
send and scheduled run holds — and carries them out through the steps scheduled runs take
(schedule.build_for_run: the one build; schedule.hold_for_run: the review). A run that a
stopped or crashed process left 'queued' or 'running' is taken up again when a worker next
starts (nobody holds its lock any more), so an asked-for build is never lost.
"""

from __future__ import annotations

import logging
import threading

from ..config import Config
from ..errors import BriefingError, IssueBusy
from ..ledger import Ledger, QueuedRun
from ..locks import issue_lock
from ..model import RunStatus

log = logging.getLogger("briefing.web")

POLL_SECONDS = 5  # how often queued runs are looked for without a wake-up (another process may queue)


def run_queued(config: Config, queued: QueuedRun) -> bool:
    """Carry out one asked-for run through the steps every run takes (schedule.build_for_run,
    schedule.hold_for_run); False when another process holds its issue (try later)."""
    from ..build import BuildRequest
    from ..schedule import build_for_run, hold_for_run

    run = queued.run
    try:
        with issue_lock(config.state_dir, run.edition, run.date, purpose=f"console run {run.id}", wait_seconds=0):
            with Ledger(config.state_dir) as ledger:
                taken = ledger.start_queued_run(run.id)
                if taken is None:
                    return True
                try:
                    request = BuildRequest(edition=run.edition, date=run.date, special=taken.special)
                    folder, note = build_for_run(config, ledger, taken.run, request, taken.requested_by,
                                                 progress=lambda stage: ledger.set_progress(run.id, stage))
                    message, _ = hold_for_run(config, ledger, taken.run, folder, note, mails=False)
                    ledger.update_run(run.id, RunStatus.DONE, message=message)
                except BriefingError as exc:
                    ledger.update_run(run.id, RunStatus.FAILED, message=str(exc))
                    ledger.audit(taken.requested_by, "build", None, f"run {run.id} failed: {exc}")
                except Exception as exc:  # noqa: BLE001 — recorded on the run, the worker goes on
                    log.exception("run %s failed", run.id)
                    ledger.update_run(run.id, RunStatus.FAILED, message=f"{type(exc).__name__}: {exc}")
                finally:
                    ledger.set_progress(run.id, "")
    except IssueBusy:
        return False
    return True


class RunWorker:
    """One thread that takes queued runs in order; wake() after queueing one."""

    def __init__(self, config: Config):
        self.config = config
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        self._thread = threading.Thread(target=self._loop, name="briefing-runs", daemon=True)
        self._thread.start()

    def wake(self) -> None:
        self._wake.set()

    def stop(self, timeout: float = 60) -> None:
        """Stop after the run in progress (a run cut short is taken up again at the next start)."""
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                self.drain()
            except Exception:  # noqa: BLE001 — a damaged ledger must not end the worker for good
                log.exception("the run worker failed; retrying")
            self._wake.wait(POLL_SECONDS)
            self._wake.clear()

    def drain(self) -> None:
        with Ledger(self.config.state_dir) as ledger:
            waiting = ledger.waiting_runs()
        for queued in waiting:
            if self._stop.is_set():
                return
            run_queued(self.config, queued)
