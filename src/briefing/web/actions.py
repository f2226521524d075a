"""What the console does, for the pages and the JSON API alike: each action calls the same
function as the command line (build through the run ledger, publish_draft, the review gate,
send_issue) and writes the audit log."""

from __future__ import annotations

import logging
import re
import secrets
import shutil
from dataclasses import dataclass
from datetime import datetime, timezone

from ..build import today
from ..delivery.release import Approval, NewerRevision, NotApproved, approve, check_release, revision_of
from ..errors import BriefingError, IssueBusy
from ..ledger import RunEntry
from ..model import StoredIssue
from .calls import Call, Refused
from .catalog import NotFound, find_issue
from .inputs import day_value

log = logging.getLogger("briefing.web")

DOCX_MAGIC = b"PK\x03\x04"  # a DOCX is a ZIP file


def editions(call: Call) -> list[str]:
    return list(dict.fromkeys([call.config.briefing.edition, *call.config.schedule]))


def issue_or_404(call: Call, issue_id: str) -> StoredIssue:
    try:
        return find_issue(call.ledger, issue_id)
    except NotFound:
        raise Refused(404, f"没有这一期：{issue_id}")
    except BriefingError as exc:  # a damaged manifest: say which and how to fix it
        raise Refused(422, str(exc))


# -- build --------------------------------------------------------------------------------------


def request_build(call: Call, day: str | None, edition: str | None, special: bool) -> RunEntry:
    """Queue a build in the run ledger and wake the worker: 202 with the run, at once."""
    known = editions(call)
    edition = edition or call.config.briefing.edition
    if edition not in known:
        raise Refused(422, f"没有版别“{edition}”；可用的版别：{'、'.join(known)}")
    chosen = day_value(day) if day else today(call.config)
    run = call.ledger.queue_run(edition, chosen, special, call.actor, datetime.now(timezone.utc))
    call.ledger.audit(call.actor, "build requested", None,
                      f"run {run.id}: {edition} {chosen.isoformat()}{' 增刊' if special else ''}")
    call.request.app.state.console.worker.wake()
    return run


# -- publish ------------------------------------------------------------------------------------


@dataclass
class Published:
    stored: StoredIssue
    changes: list
    warnings: list[str]


def publish_upload(call: Call, issue_id: str) -> Published:
    """The uploaded edited draft published as `briefing publish` does, or 422 with its reason."""
    from ..draft.final import WrongIssue, publish_draft

    issue_or_404(call, issue_id)
    upload = call.form.get("file") if call.form is not None else None
    if upload is None or isinstance(upload, str) or not upload.filename:
        raise Refused(422, "请选择要上传的 .docx 编辑稿（表单字段 file）")
    name = _safe_name(upload.filename)
    if not name.lower().endswith(".docx"):
        raise Refused(422, f"{name}：不是 .docx 文件；请上传改好的 Word 编辑稿（.docx）")
    content = upload.file.read()
    if not content.startswith(DOCX_MAGIC):
        raise Refused(422, f"{name}：不是 Word 文档（.docx 应为 ZIP 格式）；请另存为 .docx 后重新上传")
    folder = call.config.state_dir / "uploads" / secrets.token_hex(8)
    folder.mkdir(parents=True)
    try:
        path = folder / name
        path.write_bytes(content)
        try:
            result = publish_draft(call.config, path, expected_issue=issue_id)
        except WrongIssue as exc:
            raise Refused(422, f"{name}：这份编辑稿属于 {exc.found}，不是 {issue_id}；请在那一期的页面上传")
        except IssueBusy as exc:
            raise Refused(409, str(exc))
        except BriefingError as exc:
            raise Refused(422, str(exc).replace(str(folder) + "/", ""))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    call.ledger.audit(call.actor, "publish", result.folder.name,
                      f"{name}: {len(result.changes)} change(s), revision {revision_of(result.stored)}")
    return Published(result.stored, list(result.changes), list(result.warnings))


def _safe_name(filename: str) -> str:
    """The uploaded file's own name, without any path, for the manifest's record of the draft."""
    name = re.split(r"[\\/]", filename)[-1].strip().replace("\x00", "")
    name = re.sub(r"[\x00-\x1f]", "", name)[:120]
    return name if name and not name.startswith(".") else "draft.docx"


# -- approve ------------------------------------------------------------------------------------


def approve_issue(call: Call, issue_id: str, seen: str | None) -> Approval:
    """Approve the issue's current revision; 409 when it is not `seen`, the one on the approver's screen."""
    stored = issue_or_404(call, issue_id)
    try:
        approval = approve(call.config, call.ledger, stored, call.actor, seen)
    except NewerRevision as exc:
        raise Refused(409, f"这一期在您查看之后有了新版本（重新生成或定稿）：您看到的是 {exc.seen}，当前是 "
                           f"{exc.current}；请重新查看后再批准")
    if approval.waiting_run is not None:
        call.request.app.state.console.resume(approval.waiting_run)
    return approval


# -- send ---------------------------------------------------------------------------------------


def prepare_send(call: Call, issue_id: str, to: list[str], resend_unknown: bool):
    """Check everything a send needs (409 while it waits for approval), then hand back the work
    to do after the 202 answer."""
    from ..delivery.message import targets
    from ..delivery.smtp import check_settings

    stored = issue_or_404(call, issue_id)
    try:
        check_release(call.config, call.ledger, stored)
    except NotApproved as exc:
        raise Refused(409, str(exc))
    try:
        chosen = targets(call.config.delivery, to)
        check_settings(call.config, to)
    except BriefingError as exc:
        raise Refused(422, str(exc))
    addresses = [t.email for t in chosen]
    call.ledger.audit(call.actor, "send", stored.id, f"to {', '.join(addresses)}"
                      + (" (resending unknown)" if resend_unknown else ""))
    config, actor, folder = call.config, call.actor, stored.folder

    def send() -> None:
        from ..delivery.outbox import send_issue
        from ..ledger import Ledger

        try:
            report = send_issue(config, folder, to=to, resend_unknown=resend_unknown)
            outcome = f"mailed to {report.sent} of {len(report.outcomes)}" + (
                "; " + "; ".join(report.problems()) if report.problems() else "")
        except BriefingError as exc:
            outcome = f"failed: {exc}"
        with Ledger(config.state_dir) as ledger:
            ledger.audit(actor, "send finished", folder.name, outcome)

    return addresses, send

