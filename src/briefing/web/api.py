"""The JSON API under /api, as DESIGN.md's console contract has it."""

from __future__ import annotations

from starlette.background import BackgroundTask
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from ..delivery.release import revision_of
from ..ledger import ArchiveEntry, RunEntry
from ..manifest import manifest_json
from ..model import RunStatus
from .actions import approve_issue, editions, issue_or_404, prepare_send, publish_upload, request_build
from .auth import SESSION_COOKIE, LoginRefused, LoginThrottled, Permission, log_in
from .calls import Call, Refused, endpoint
from .catalog import IssueView, issue_statuses, issue_view, search
from .files import NoSuchFile, read_issue_file
from .inputs import ApproveBody, BuildBody, LoginBody, SendBody, body, edition_param, year_param

RUN_KINDS = {"schedule": "scheduled", "manual": "manual"}
# the contract's run states: a scheduled run that built its issue and has not mailed it yet is
# running; one a service stop interrupted waits to be resumed at the next start, as if queued
RUN_STATES = {RunStatus.BUILT: "running", RunStatus.INTERRUPTED: "queued"}


def answer(data: dict, status: int = 200, background: BackgroundTask | None = None) -> JSONResponse:
    return JSONResponse(data, status_code=status, background=background)


async def health(request) -> Response:
    return answer({"ok": True})


# -- session ------------------------------------------------------------------------------------


def set_session_cookie(response: Response, call: Call, cookie: str) -> None:
    response.set_cookie(SESSION_COOKIE, cookie, max_age=int(call.config.web.session_hours * 3600), path="/",
                        httponly=True, samesite="lax", secure=call.request.url.scheme == "https")


def client_address(call: Call) -> str:
    return call.request.client.host if call.request.client else "unknown"


def login_or_refuse(call: Call, name: str, password: str):
    try:
        principal, cookie = log_in(call.config, call.ledger, name, password, client_address(call))
    except LoginThrottled as exc:
        call.ledger.audit(name or "?", "login throttled", None, f"from {client_address(call)}")
        raise Refused(429, str(exc), {"Retry-After": str(exc.retry_after)})
    except LoginRefused as exc:
        raise Refused(401, str(exc))
    call.ledger.audit(principal.name, "login", None, f"from {client_address(call)}")
    return principal, cookie


@endpoint(None, write=True)
def open_session(call: Call) -> Response:
    if call.request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
        raise Refused(415, "登录请求须为 JSON（Content-Type: application/json）")
    login = body(call, LoginBody)
    principal, cookie = login_or_refuse(call, login.username, login.password)
    response = answer({"user": principal.name, "roles": list(principal.roles), "csrf": principal.csrf})
    set_session_cookie(response, call, cookie)
    return response


@endpoint(Permission.READ, write=True)
def close_session(call: Call) -> Response:
    if call.principal.session_id:
        call.ledger.close_session(call.principal.session_id)
    response = answer({"ok": True})
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


# -- issues -------------------------------------------------------------------------------------


def issue_summary(entry: ArchiveEntry, status: str | None) -> dict:
    return {"id": entry.issue, "edition": entry.edition, "date": entry.date.isoformat(), "year": entry.year,
            "number": entry.number, "special": entry.special, "status": status, "title": entry.title,
            "outputs": entry.outputs, "items": entry.items, "headlines": list(entry.headlines)}


@endpoint()
def list_issues(call: Call) -> Response:
    params = call.request.query_params
    found = search(call.ledger, params.get("q", ""), year_param(params.get("year")), edition_param(params.get("edition")))
    statuses = {issue: str(status) for issue, status in issue_statuses(call.ledger).items()}
    return answer({"issues": [issue_summary(e, statuses.get(e.issue)) for e in found]})


def issue_json(view: IssueView) -> dict:
    """The manifest and the issue's state. "revision" is, everywhere in the API, the revision an
    approval is of (a digest of the files); the manifest's own key is "manifest_revision"."""
    review = view.review
    manifest = manifest_json(view.stored)
    manifest_revision = manifest.pop("revision", None)
    return {
        **manifest,
        "id": view.stored.id,
        "revision": review.revision,
        "manifest_revision": manifest_revision,
        "status": str(view.status) if view.status else None,
        "review": {"required": review.required, "revision": review.revision, "approved": review.approved,
                   "notified": list(review.review.notified) if review.review else []},
        "approvals": [{"approver": a.approver, "approved_at": a.approved_at, "revision": a.revision,
                       "current": a.revision == review.revision} for a in review.history],
        "outbox": [{"recipient": d.email, "status": d.status or None, "attempts": d.attempts, "reply": d.reply,
                    "sent_at": d.sent_at, "as_built": d.earlier or None} for d in view.deliveries],
    }


@endpoint()
def get_issue(call: Call) -> Response:
    stored = issue_or_404(call, call.request.path_params["issue"])
    return answer(issue_json(issue_view(call.config, call.ledger, stored)))


def file_response(call: Call) -> Response:
    stored = issue_or_404(call, call.request.path_params["issue"])
    name = call.request.path_params["name"]
    try:
        content, media_type = read_issue_file(stored, name)
    except NoSuchFile:
        raise Refused(404, f"{stored.id} 没有文件 {name!r}")
    inline = media_type == "application/pdf"
    from urllib.parse import quote

    disposition = f"{'inline' if inline else 'attachment'}; filename*=UTF-8''{quote(name)}"
    return Response(content, media_type=media_type,
                    headers={"Content-Disposition": disposition, "Cache-Control": "private, no-cache"})


get_file = endpoint()(file_response)


@endpoint(Permission.PUBLISH, write=True, form=True, max_files=1)
def publish(call: Call) -> Response:
    published = publish_upload(call, call.request.path_params["issue"])
    return answer({"issue": published.stored.id, "revision": revision_of(published.stored),
                   "manifest_revision": published.stored.revision, "changes": published.changes,
                   "warnings": published.warnings, "outputs": published.stored.outputs})


@endpoint(Permission.APPROVE, write=True)
def approve(call: Call) -> Response:
    seen = body(call, ApproveBody).revision
    approval = approve_issue(call, call.request.path_params["issue"], seen)
    entry = approval.entry
    return answer({"issue": entry.issue, "revision": entry.revision, "approved_by": entry.approver,
                   "approved_at": entry.approved_at, "resumed_run": approval.waiting_run.id if approval.waiting_run else None})


@endpoint(Permission.SEND, write=True)
def send(call: Call) -> Response:
    wanted = body(call, SendBody)
    addresses, work = prepare_send(call, call.request.path_params["issue"], wanted.to, wanted.resend_unknown)
    return answer({"issue": call.request.path_params["issue"], "to": addresses}, 202, BackgroundTask(work))


# -- runs and the schedule ----------------------------------------------------------------------


def run_json(run: RunEntry, queued=None) -> dict:
    failed = run.status == RunStatus.FAILED
    return {"id": run.id, "kind": RUN_KINDS.get(run.trigger, run.trigger), "edition": run.edition,
            "date": run.date.isoformat(), "state": RUN_STATES.get(run.status, str(run.status)),
            "issue": run.folder.name if run.folder else None, "error": run.message if failed else None,
            "message": run.message, "scheduled_for": run.scheduled_for.isoformat(),
            "special": queued.special if queued else False,
            "requested_by": queued.requested_by if queued else None,
            "progress": (queued.progress or None) if queued else None}


@endpoint(Permission.BUILD, write=True)
def start_build(call: Call) -> Response:
    wanted = body(call, BuildBody)
    run = request_build(call, wanted.date, wanted.edition, wanted.special)
    return answer({"run": run.id}, 202)


@endpoint()
def list_runs(call: Call) -> Response:
    return answer({"runs": [run_json(run, queued) for run, queued in call.ledger.runs_with_requests(limit=100)]})


@endpoint()
def get_run(call: Call) -> Response:
    run_id = call.request.path_params["run"]
    run = call.ledger.run_by_id(run_id)
    if run is None:
        raise Refused(404, f"没有第 {run_id} 号运行记录")
    return answer(run_json(run, call.ledger.queued_run(run.id)))


@endpoint()
def schedule(call: Call) -> Response:
    from ..schedule import schedule_table

    return answer({"editions": schedule_table(call.config), "build_editions": editions(call)})


@endpoint(Permission.AUDIT)
def audit(call: Call) -> Response:
    return answer({"audit": [e.__dict__ for e in call.ledger.audit_log(call.request.query_params.get("issue"))]})


def routes(upload_limit: int) -> list[Route]:
    return [
        Route("/api/health", health),
        Route("/api/session", open_session, methods=["POST"]),
        Route("/api/session", close_session, methods=["DELETE"]),
        Route("/api/issues", list_issues),
        Route("/api/issues/{issue}", get_issue),
        Route("/api/issues/{issue}/files/{name}", get_file),
        Route("/api/issues/{issue}/publish", publish, methods=["POST"], max_body_size=upload_limit),
        Route("/api/issues/{issue}/approve", approve, methods=["POST"]),
        Route("/api/issues/{issue}/send", send, methods=["POST"]),
        Route("/api/builds", start_build, methods=["POST"]),
        Route("/api/runs", list_runs),
        Route("/api/runs/{run:int}", get_run),
        Route("/api/schedule", schedule),
        Route("/api/audit", audit),
    ]
