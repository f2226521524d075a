"""The ledger under faults: emptied while out/ holds mailed issues, and what a killed build
leaves behind. The numbers never start over, a mailed folder is never overwritten or mailed
again, and a killed build's number and build row are reclaimed."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import threading
from datetime import date

from briefing.config import load_config
from briefing.ledger import Ledger
from briefing.locks import issue_lock
from conftest import REPO
from smtp_servers import write_config

LEADER, EDITOR = "leader@example.gov", "editor@example.gov"


def sample_config(folder, port: int = 1):
    return load_config(write_config(folder, port, extra=f'[sources]\npaths = ["{REPO / "sample"}"]\n'))


def snapshot(folder) -> dict[str, tuple[int, int]]:
    """Each file of a folder: (size, mtime in ns) — to show it was not touched."""
    return {p.name: (p.stat().st_size, p.stat().st_mtime_ns) for p in sorted(folder.iterdir())}


def issue_rows(config) -> list[tuple[str, int, str]]:
    with Ledger(config.state_dir) as ledger:
        return [(row.date.isoformat(), row.number.number, str(row.status)) for row in ledger.issues()]


def doctor_state(cli) -> dict:
    (check,) = [c for c in json.loads(cli("doctor", "--json").stdout) if c["name"] == "state"]
    return check


# -- an emptied ledger ----------------------------------------------------------------------------


def test_an_emptied_ledger_refuses_to_start_over_and_is_rebuilt_from_out(tmp_path, mail_server, cli):
    server = mail_server()
    config = sample_config(tmp_path, server.port)
    mailed = cli("build", "--date", "2026-11-26", "--send")
    assert mailed.code == 0, mailed.stderr
    folder = tmp_path / "out" / "2026-11-26-daily-1"
    before = snapshot(folder)
    (config.state_dir / "ledger.sqlite3").write_bytes(b"")  # truncated to 0 bytes

    rebuilt_issue = cli("build", "--date", "2026-11-26")
    next_day = cli("build", "--date", "2026-11-27")
    resent = cli("send", str(folder))

    for refused in (rebuilt_issue, next_day, resent):
        assert refused.code == 1 and "Traceback" not in refused.stderr
        assert refused.stderr.count("\n") == 1, refused.stderr
        assert "has no record of" in refused.stderr and "briefing ledger rebuild" in refused.stderr
    assert "2026-11-26-daily-1" in next_day.stderr and "nothing was built" in next_day.stderr
    assert "nothing was sent" in resent.stderr
    assert snapshot(folder) == before and sorted(p.name for p in (tmp_path / "out").iterdir()) == [folder.name]
    assert len(server.mailbox.messages) == 2
    assert doctor_state(cli)["status"] == "fail" and "briefing ledger rebuild" in doctor_state(cli)["detail"]

    restored = cli("ledger", "rebuild")
    again = cli("ledger", "rebuild")
    assert doctor_state(cli)["status"] == "ok"

    assert restored.code == 0, restored.stderr
    assert "took back 1 issue folder(s)" in restored.stdout and "2026-11-26-daily-1  第1期" in restored.stdout
    assert "took back 0 issue folder(s)" in again.stdout and "(1 already known)" in again.stdout
    assert issue_rows(config) == [("2026-11-26", 1, "built")]

    resend = cli("send", str(folder), "--json")
    assert resend.code == 1
    assert {r["email"]: r["status"] for r in json.loads(resend.stdout)["recipients"]} == {
        LEADER: "unknown", EDITOR: "unknown"}
    assert len(server.mailbox.messages) == 2, "mailed nobody a second time"
    correction = cli("build", "--date", "2026-11-26", "--json")
    assert correction.code == 0, correction.stderr
    assert json.loads(correction.stdout)["issue"]["number"] == 2  # a new number, never the mailed folder
    assert snapshot(folder) == before


def test_rebuild_reports_a_folder_it_cannot_take_back(tmp_path, cli):
    config = sample_config(tmp_path)
    assert cli("build", "--date", "2026-11-26", "--formats", "docx").code == 0
    assert cli("build", "--date", "2026-11-27", "--formats", "docx").code == 0
    damaged = tmp_path / "out" / "2026-11-27-daily-2" / "manifest.json"
    damaged.write_text("{", encoding="utf-8")
    (config.state_dir / "ledger.sqlite3").unlink()

    result = cli("ledger", "rebuild")
    still = cli("build", "--date", "2026-11-28", "--formats", "docx")

    assert result.code == 1 and "Traceback" not in result.stderr
    assert "took back 1 issue folder(s)" in result.stdout
    assert f"{damaged}:" in result.stderr and "not taken back" in result.stderr
    assert still.code == 1 and "2026-11-27-daily-2" in still.stderr  # still refused: it is not known
    assert issue_rows(config) == [("2026-11-26", 1, "built")]


# -- a killed build -------------------------------------------------------------------------------

KILLED_BUILD = """
import sys, time
from datetime import date
from briefing.build import BuildRequest, build
from briefing.config import load_config

def progress(stage):
    if stage == "compose":  # the number is reserved and the build row written: stop here
        print("reserved", flush=True)
        time.sleep(120)

build(load_config("briefing.toml"), BuildRequest(date=date(2026, 11, 26), formats=("docx",)), progress)
"""


def kill_a_build_midway(folder) -> None:
    """A real build process, killed with SIGKILL once it holds a number."""
    process = subprocess.Popen([sys.executable, "-c", KILLED_BUILD], cwd=folder, stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout.readline().strip() == "reserved"
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()


def test_a_killed_build_leaves_no_gap_and_no_build_running_forever(tmp_path, cli):
    config = sample_config(tmp_path)
    kill_a_build_midway(tmp_path)
    with Ledger(config.state_dir) as ledger:
        assert [str(b.status) for b in ledger.builds()] == ["running"]
    assert issue_rows(config) == [("2026-11-26", 1, "reserved")]

    next_day = cli("build", "--date", "2026-11-27", "--formats", "docx", "--json")

    assert next_day.code == 0, next_day.stderr
    assert json.loads(next_day.stdout)["issue"]["number"] == 1, "the killed build's number was given back"
    assert issue_rows(config) == [("2026-11-27", 1, "built")]
    with Ledger(config.state_dir) as ledger:
        killed, done = sorted(ledger.builds(), key=lambda b: b.id)
    assert (str(killed.status), str(done.status)) == ("failed", "ok")
    assert "ended before it finished" in killed.message and killed.finished_at


def test_a_build_under_way_keeps_its_number_and_an_earlier_one_is_kept_for_its_date(tmp_path, cli):
    config = sample_config(tmp_path)
    kill_a_build_midway(tmp_path)
    holding, release = threading.Event(), threading.Event()

    def building_that_day():  # a live build of 2026-11-26 holds its lock (another thread, another lock holder)
        with issue_lock(config.state_dir, "daily", date(2026, 11, 26), purpose="build", wait_seconds=0):
            holding.set()
            release.wait(30)

    holder = threading.Thread(target=building_that_day)
    holder.start()
    try:
        assert holding.wait(10)
        during = cli("build", "--date", "2026-11-27", "--formats", "docx", "--json")
    finally:
        release.set()
        holder.join(10)
    assert during.code == 0, during.stderr
    assert json.loads(during.stdout)["issue"]["number"] == 2  # 1 belongs to the build under way
    assert issue_rows(config) == [("2026-11-26", 1, "reserved"), ("2026-11-27", 2, "built")]

    later = cli("build", "--date", "2026-11-28", "--formats", "docx", "--json")
    rebuilt = cli("build", "--date", "2026-11-26", "--formats", "docx", "--json")

    assert json.loads(later.stdout)["issue"]["number"] == 3  # giving 1 back would open a hole: kept for its date
    assert json.loads(rebuilt.stdout)["issue"]["number"] == 1
    with Ledger(config.state_dir) as ledger:
        assert {str(b.status) for b in ledger.builds()} == {"ok", "failed"}


def test_serve_reclaims_what_a_killed_build_left_at_start(tmp_path):
    from briefing.schedule import Service
    from test_schedule import serving

    config = sample_config(tmp_path)
    (tmp_path / "briefing.toml").write_text((tmp_path / "briefing.toml").read_text(encoding="utf-8")
                                            + '[schedule]\ndaily = "30 7 * * mon-fri"\n', encoding="utf-8")
    kill_a_build_midway(tmp_path)

    with serving(Service(load_config(tmp_path / "briefing.toml"))):
        pass

    assert issue_rows(config) == []
    with Ledger(config.state_dir) as ledger:
        assert [str(b.status) for b in ledger.builds()] == ["failed"]
