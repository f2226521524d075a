"""The console's HTML pages (Jinja2, autoescaped: article titles are untrusted input) and the
form actions behind their buttons. Live parts (a run's progress, the archive search) are htmx
requests for the same pages or a fragment of them."""

from __future__ import annotations

import re
import secrets
from urllib.parse import quote

from starlette.background import BackgroundTask
from starlette.requests import Request
from starlette.responses import HTMLResponse, RedirectResponse, Response
from starlette.routing import Route

from ..build import today
from ..delivery.release import review_states
from ..ledger import ArchiveEntry, QueuedRun, RunEntry
from ..render.layout import section_prefix
from ..model import ArticleStatus, IssueStatus, OutboxStatus, RunStatus
from .actions import approve_issue, editions, issue_or_404, prepare_send, publish_upload, request_build
from .api import client_address, file_response, login_or_refuse, set_session_cookie
from .auth import ROLE_LABELS, SESSION_COOKIE, Permission, same_secret
from .calls import Call, Refused, endpoint
from .catalog import (deliveries_of, delivery_summary, issue_statuses, issue_view, matching_headlines, outbox_key,
                      search)
from .files import NoSuchFile, preview_page_count, preview_png
from .inputs import edition_param, year_param

LOGIN_COOKIE = "briefing_login"  # the login form's CSRF token, before there is a session
RECENT_ISSUES = 8
RECENT_RUNS = 12

TEMPLATE_GLOBALS = {
    "RUN_LABELS": {RunStatus.QUEUED: "排队中", RunStatus.RUNNING: "进行中", RunStatus.BUILT: "已生成",
                   RunStatus.DONE: "完成", RunStatus.FAILED: "失败", RunStatus.MISSED: "错过",
                   RunStatus.INTERRUPTED: "已中断，重启后续跑"},
    "RUN_KINDS": {"schedule": "定时", "manual": "手动"},
    "OUTBOX_LABELS": {OutboxStatus.PENDING: "待发送", OutboxStatus.SENDING: "发送中", OutboxStatus.SENT: "已送达",
                      OutboxStatus.FAILED: "失败", OutboxStatus.UNKNOWN: "不确定", "": "未发送"},
    "ISSUE_LABELS": {IssueStatus.RESERVED: "生成中", IssueStatus.BUILT: "已生成", IssueStatus.PUBLISHED: "已定稿",
                     IssueStatus.SENT: "已发送"},
    "ARTICLE_LABELS": {ArticleStatus.USED: "采用", ArticleStatus.DUPLICATE: "重复", ArticleStatus.OFF_TOPIC: "无关",
                       ArticleStatus.DROPPED: "未采用"},
    "STAGE_LABELS": {"read": "读取来源", "extract": "拆分文章", "clean": "清洗正文", "dedup": "合并重复",
                     "classify": "分类", "summarize": "生成摘要", "compose": "组稿", "docx": "生成 DOCX",
                     "pdf": "生成 PDF"},
    "ROLE_LABELS": ROLE_LABELS,
    "Permission": Permission,
    "section_prefix": section_prefix,
}
ACTION_LABELS = {"build": "生成", "build requested": "请求生成", "publish": "定稿", "approve": "批准", "send": "发送",
                 "send finished": "发送结束", "login": "登录", "login throttled": "登录受限", "logout": "退出"}
TEMPLATE_GLOBALS["ACTION_LABELS"] = ACTION_LABELS
# What kind of message a run's record holds, in Chinese for the pages; the run ledger keeps its
# own words (they are shown beside the label). The first pattern that matches names the kind.
RUN_NOTES = (
    (re.compile(r"waiting for approval; approvers told"), "已生成，待审批（已通知审批人）"),
    (re.compile(r"waiting for approval; no approver could be told"), "已生成，待审批（未能通知审批人）"),
    (re.compile(r"waiting for approval"), "已生成，待审批"),
    (re.compile(r"mailed to (\d+) of (\d+) recipient"), "已发送给 {0}/{1} 位收件人"),
    (re.compile(r"no \[delivery\] recipients"), "已生成；未配置收件人，未发送"),
    (re.compile(r"^missed: "), "错过：服务未能按时运行"),
    (re.compile(r"^stopped by a service stop"), "服务停止时中断，下次启动时续跑"),
    (re.compile(r"^interrupted, and past the grace time"), "中断，且重启时已过宽限时间，未续跑"),
    (re.compile(r"^built "), "已生成"),
)


def run_note(run: RunEntry) -> str:
    """The Chinese label of a run's message: its kind when known, else what a failure was."""
    message = run.message or ""
    for pattern, label in RUN_NOTES:
        found = pattern.search(message)
        if found:
            return label.format(*found.groups())
    if run.status == RunStatus.FAILED:
        return "生成失败" if run.folder is None else "发送失败"
    return ""


TEMPLATE_GLOBALS["run_note"] = run_note
OFF_TOPIC_KINDS = {"sports": "体育", "entertainment": "娱乐", "property": "房产", "weather": "天气"}
# Why an article went where it did, in Chinese; the manifest keeps the classifier's own words
# (shown beside the label, with the probabilities). The first pattern that matches names the reason.
ARTICLE_NOTES = (
    (re.compile(r"close second (\w+)"), "归入得分最高的栏目；与次选“{0}”很接近"),
    (re.compile(r"^score [\d.]+ of 10 from"), "归入得分最高的栏目"),
    (re.compile(r"^reads as (sports|entertainment|property|weather) .*below the threshold ([\d.]+)"),
     "{0}类内容，与本简报无关（得分低于 {1}）"),
    (re.compile(r"below the threshold ([\d.]+)"), "与各栏目都不够相符（得分低于 {0}）"),
    (re.compile(r"^section (\w+) is full \((\d+) items\)"), "“{0}”栏已满（每栏 {1} 条），未采用"),
    (re.compile(r"^no complete sentence"), "没有可作摘要的完整句子，未采用"),
    (re.compile(r"^deleted by the editor"), "编辑在草稿中删去"),
)


def article_note(reason: str | None, section_titles: dict[str, str]) -> str:
    """The Chinese line for an article's reason, section ids named by their titles; "" when unknown."""
    for pattern, label in ARTICLE_NOTES:
        found = pattern.search(reason or "")
        if found:
            parts = [OFF_TOPIC_KINDS.get(g, section_titles.get(g, g)) for g in found.groups()]
            return label.format(*parts)
    return ""


TEMPLATE_GLOBALS["article_note"] = article_note
ARTICLE_ORDER = {ArticleStatus.USED: 0, ArticleStatus.DROPPED: 1, ArticleStatus.DUPLICATE: 2,
                 ArticleStatus.OFF_TOPIC: 3}


def render(call_or_request, name: str, context: dict, status: int = 200, headers: dict | None = None,
           background: BackgroundTask | None = None) -> Response:
    request = call_or_request.request if isinstance(call_or_request, Call) else call_or_request
    console = request.app.state.console
    principal = call_or_request.principal if isinstance(call_or_request, Call) else None
    base = {"user": principal, "csrf": principal.csrf if principal and principal.csrf else "",
            "brand": console.config.briefing.title, "path": request.url.path,
            "may": (lambda p: principal is not None and principal.may(p))}
    return console.templates.TemplateResponse(request, name, {**base, **context}, status_code=status,
                                              headers=headers, background=background)


def error_page(request: Request, status: int, message: str, headers: dict | None = None) -> Response:
    titles = {403: "无权操作", 404: "未找到", 409: "暂不能操作", 413: "文件太大", 422: "无法完成", 429: "请稍后再试"}
    return render(request, "error.html", {"status": status, "title": titles.get(status, "出错了"),
                                          "message": message}, status, headers)


def _safe_next(value: str | None) -> str:
    """Only a path on this site: a login link never sends anyone elsewhere."""
    return value if value and value.startswith("/") and not value.startswith("//") and "\\" not in value else "/"


def see(url: str) -> Response:
    return RedirectResponse(url, status_code=303)


# -- logging in and out -------------------------------------------------------------------------


@endpoint(None)
def login_page(call: Call) -> Response:
    target = _safe_next(call.request.query_params.get("next"))
    if call.principal is not None:
        return see(target)
    return _login_form(call, target)


def _login_form(call: Call, target: str, message: str = "", status: int = 200, headers: dict | None = None) -> Response:
    token = secrets.token_urlsafe(24)
    response = render(call, "login.html", {"next": target, "login_token": token, "message": message}, status, headers)
    response.set_cookie(LOGIN_COOKIE, token, max_age=3600, httponly=True, samesite="strict", path="/login",
                        secure=call.request.url.scheme == "https")
    return response


@endpoint(None, write=True, form=True)
def login_submit(call: Call) -> Response:
    target = _safe_next(call.field("next"))
    if not same_secret(call.field("login_token"), call.request.cookies.get(LOGIN_COOKIE)):
        return _login_form(call, target, "登录表单已过期，请重新输入。", 403)
    try:
        _, cookie = login_or_refuse(call, call.field("username"), call.field("password"))
    except Refused as refusal:
        message = "用户名或密码不正确。" if refusal.status == 401 else "登录失败次数过多，请稍后再试。"
        return _login_form(call, target, message, refusal.status, refusal.headers)
    response = see(target)
    set_session_cookie(response, call, cookie)
    response.delete_cookie(LOGIN_COOKIE, path="/login")
    return response


@endpoint(Permission.READ, write=True, form=True)
def logout(call: Call) -> Response:
    if call.principal.session_id:
        call.ledger.close_session(call.principal.session_id)
        call.ledger.audit(call.actor, "logout", None, f"from {client_address(call)}")
    response = see("/login")
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response


# -- the dashboard ------------------------------------------------------------------------------


def _run_item(run: RunEntry, queued: QueuedRun | None) -> dict:
    return {"run": run, "queued": queued, "issue": run.folder.name if run.folder else None,
            "active": run.status in (RunStatus.QUEUED, RunStatus.RUNNING)}


def _runs(call: Call, limit: int = RECENT_RUNS) -> list[dict]:
    return [_run_item(run, queued) for run, queued in call.ledger.runs_with_requests(limit=limit)]


def _issue_rows(call: Call, entries: list[ArchiveEntry]) -> list[dict]:
    statuses = issue_statuses(call.ledger)
    reviews = review_states(call.config, call.ledger, entries)  # the issue page's own test, for every row
    delivered = deliveries_of(call.config, call.ledger, [(outbox_key(e), outbox_key(e, revision="")) for e in entries])
    return [{"entry": entry, "status": statuses.get(entry.issue), "deliveries": rows,
             "headlines": matching_headlines(entry, ""), "summary": delivery_summary(rows),
             "approved": reviews[entry.issue].approved} for entry, rows in zip(entries, delivered)]


@endpoint()
def dashboard(call: Call) -> Response:
    from ..schedule import schedule_table

    recent = search(call.ledger, "")[:RECENT_ISSUES]
    return render(call, "dashboard.html", {
        "schedule": schedule_table(call.config), "runs": _runs(call), "issues": _issue_rows(call, recent),
        "editions": editions(call), "today": today(call.config).isoformat(),
        "review_required": call.config.review.required, "timezone": call.config.briefing.timezone,
    })


@endpoint()
def runs_fragment(call: Call) -> Response:
    return render(call, "_runs.html", {"runs": _runs(call)})


@endpoint(Permission.BUILD, write=True, form=True)
def build_submit(call: Call) -> Response:
    run = request_build(call, call.field("date") or None, call.field("edition") or None, call.field("special") == "1")
    return see(f"/runs/{run.id}")


@endpoint()
def run_page(call: Call) -> Response:
    run_id = call.request.path_params["run"]
    run = call.ledger.run_by_id(run_id)
    if run is None:
        raise Refused(404, f"没有第 {run_id} 号运行记录")
    context = {"item": _run_item(run, call.ledger.queued_run(run.id))}
    name = "_run.html" if call.request.headers.get("hx-request") else "run.html"
    return render(call, name, context)


# -- an issue -----------------------------------------------------------------------------------


def _issue_context(call: Call, issue_id: str) -> dict:
    stored = issue_or_404(call, issue_id)
    view = issue_view(call.config, call.ledger, stored)
    issue = stored.issue
    titles = {s.id: s.title for s in call.config.sections} | {s.id: s.title for s in issue.sections}
    articles = sorted(issue.articles, key=lambda a: (ARTICLE_ORDER.get(a.status, 9), -(a.score or 0)))
    counts = {status: sum(1 for a in issue.articles if a.status == status) for status in ArticleStatus}
    return {
        "view": view, "stored": stored, "issue": issue, "section_titles": titles, "articles": articles,
        "article_counts": counts, "article_titles": {a.id: a.title for a in issue.articles}, "pages": preview_page_count(call.config, stored),
        "audit": call.ledger.audit_log(stored.id, limit=50),
        "recipients": [r.email for r in call.config.delivery.recipients],
        "files": [(kind, name) for kind, name in sorted(stored.outputs.items())],
        "edited_copy": stored.publication.edited_copy if stored.publication else None,
    }


@endpoint()
def issue_page(call: Call) -> Response:
    return render(call, "issue.html", {**_issue_context(call, call.request.path_params["issue"]),
                                       "notice": _notice(call)})


DONE = {"approved": "已批准当前版本。", "sending": "正在发送给 {count} 位收件人，刷新页面查看结果。",
        "published": "已根据编辑稿定稿（{count} 处修改）。"}


def _notice(call: Call) -> str:
    """The line that says what the last button did (a known code and a count, never text from the URL)."""
    params = call.request.query_params
    text = DONE.get(params.get("done", ""), "")
    count = params.get("count", "0")
    text = text.format(count=int(count) if count.isdigit() else 0)
    if params.get("done") == "approved" and params.get("resumed"):
        text += "等待审批的定时任务正在把它发给收件人。"
    if params.get("done") == "published" and call.config.review.required:
        text += "新的版本需要重新审批后才能发送。"
    return text


def _issue_with_problem(call: Call, issue_id: str, problem: str, status: int) -> Response:
    context = _issue_context(call, issue_id)
    return render(call, "issue.html", {**context, "problem": problem}, status)


@endpoint(Permission.APPROVE, write=True, form=True)
def approve_submit(call: Call) -> Response:
    issue_id = call.request.path_params["issue"]
    try:
        approval = approve_issue(call, issue_id, call.field("revision") or None)
    except Refused as refusal:
        if refusal.status == 404:
            raise
        return _issue_with_problem(call, issue_id, refusal.message, refusal.status)
    return see(f"/issues/{quote(issue_id)}?done=approved" + ("&resumed=1" if approval.waiting_run else ""))


@endpoint(Permission.SEND, write=True, form=True)
def send_submit(call: Call) -> Response:
    issue_id = call.request.path_params["issue"]
    chosen = [v for v in call.form.getlist("to") if isinstance(v, str) and v]
    everyone = call.field("scope") != "chosen"
    try:
        addresses, work = prepare_send(call, issue_id, [] if everyone else chosen, call.field("resend_unknown") == "1")
    except Refused as refusal:
        if refusal.status == 404:
            raise
        return _issue_with_problem(call, issue_id, refusal.message, refusal.status)
    response = see(f"/issues/{quote(issue_id)}?done=sending&count={len(addresses)}")
    response.background = BackgroundTask(work)
    return response


@endpoint(Permission.BUILD, write=True, form=True)
def rebuild_submit(call: Call) -> Response:
    stored = issue_or_404(call, call.request.path_params["issue"])
    m = stored.issue.masthead
    run = request_build(call, m.date.isoformat(), stored.issue.edition, m.number.special)
    return see(f"/runs/{run.id}")


@endpoint(Permission.PUBLISH, write=True, form=True, max_files=1)
def publish_submit(call: Call) -> Response:
    issue_id = call.request.path_params["issue"]
    try:
        published = publish_upload(call, issue_id)
    except Refused as refusal:
        if refusal.status == 404:
            raise
        return _issue_with_problem(call, issue_id, refusal.message, refusal.status)
    return see(f"/issues/{quote(issue_id)}?done=published&count={len(published.changes)}")


@endpoint()
def page_image(call: Call) -> Response:
    stored = issue_or_404(call, call.request.path_params["issue"])
    try:
        content = preview_png(call.config, stored, call.request.path_params["page"])
    except NoSuchFile:
        raise Refused(404, "没有这一页")
    return Response(content, media_type="image/png", headers={"Cache-Control": "private, max-age=300"})


page_file = endpoint()(file_response)


# -- archive and audit --------------------------------------------------------------------------


@endpoint()
def archive_page(call: Call) -> Response:
    params = call.request.query_params
    query = params.get("q", "").strip()[:100]
    year, edition = year_param(params.get("year")), edition_param(params.get("edition"))
    found = search(call.ledger, query, year, edition)
    by_year: dict[int, list] = {}
    for entry in found:
        by_year.setdefault(entry.year, []).append(entry)
    return render(call, "archive.html", {
        "headlines": {entry.issue: matching_headlines(entry, query) for entry in found},
        "query": query, "year": year, "edition": edition, "years": call.ledger.archive_years(),
        "editions": editions(call), "by_year": by_year, "total": len(found),
    })


@endpoint(Permission.AUDIT)
def audit_page(call: Call) -> Response:
    return render(call, "audit.html", {"entries": call.ledger.audit_log(limit=300)})


def routes(upload_limit: int) -> list[Route]:
    return [
        Route("/login", login_page),
        Route("/login", login_submit, methods=["POST"]),
        Route("/logout", logout, methods=["POST"]),
        Route("/", dashboard),
        Route("/fragments/runs", runs_fragment),
        Route("/builds", build_submit, methods=["POST"]),
        Route("/runs/{run:int}", run_page),
        Route("/issues/{issue}", issue_page),
        Route("/issues/{issue}/approve", approve_submit, methods=["POST"]),
        Route("/issues/{issue}/send", send_submit, methods=["POST"]),
        Route("/issues/{issue}/rebuild", rebuild_submit, methods=["POST"]),
        Route("/issues/{issue}/publish", publish_submit, methods=["POST"], max_body_size=upload_limit),
        Route("/issues/{issue}/pages/{page:int}.png", page_image),
        Route("/issues/{issue}/files/{name}", page_file),
        Route("/archive", archive_page),
        Route("/audit", audit_page),
    ]

