"""The console in a real browser (Debian's chromium, driven by Playwright) against `briefing web`
in its own process: log in, build, watch the run, open the issue, approve, send, search — with
screenshots at desktop and phone width of every page.

Set BRIEFING_SCREENSHOTS=/some/folder to keep the screenshots after the test.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from console_harness import EMAILS, PASSWORDS, add_users, wait_until_serving, write_console_config
from smtp_servers import free_port

CHROMIUM = Path("/usr/bin/chromium")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
RECIPIENTS = [("leader@example.gov", ["pdf"]), ("editor@example.gov", ["docx", "pdf"])]

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium (.ci/run installs it)")


@pytest.fixture
def console_process(tmp_path, mail_server):
    server = mail_server()
    config = write_console_config(tmp_path, mail_port=server.port, review=True, recipients=RECIPIENTS)
    add_users(config, ["ada", "alice"])
    port = free_port()
    log = (tmp_path / "web.log").open("w")
    process = subprocess.Popen([sys.executable, "-m", "briefing", "web", "--listen", f"127.0.0.1:{port}",
                                "--config", str(config)], cwd=tmp_path, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    wait_until_serving(base, process, tmp_path / "web.log")
    yield base, server, tmp_path
    process.terminate()
    process.wait(30)
    log.close()


def test_log_in_build_approve_send_and_look_at_every_page(console_process, tmp_path):
    from playwright.sync_api import expect, sync_playwright

    base, mail, folder = console_process
    shots = tmp_path / "screens"
    shots.mkdir()
    taken: list[Path] = []

    def shoot(page, name: str) -> None:
        path = shots / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        taken.append(path)

    with sync_playwright() as playwright:
        # Playwright gives every launch a fresh profile folder of its own (it refuses --user-data-dir)
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=FLAGS)
        try:
            desktop = browser.new_context(viewport=DESKTOP, locale="zh-CN")
            page = desktop.new_page()
            errors: list[str] = []
            page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)

            page.goto(f"{base}/")
            expect(page).to_have_url(f"{base}/login?next=/")
            shoot(page, "desktop-1-login")
            page.fill("#username", "ada")
            page.fill("#password", "wrong password here")
            page.click("button[type=submit]")
            expect(page.locator(".problem")).to_contain_text("用户名或密码不正确")
            errors.clear()  # the browser reports the 401 of that wrong password; from here on, no error at all
            page.fill("#username", "ada")
            page.fill("#password", PASSWORDS["ada"])
            page.click("button[type=submit]")
            expect(page.locator("h2", has_text="立即生成")).to_be_visible()
            shoot(page, "desktop-2-dashboard-empty")

            page.fill("#date", "2026-11-26")
            page.click("text=开始生成")
            expect(page).to_have_url(f"{base}/runs/1")
            open_issue = page.locator("a", has_text="打开这一期")
            expect(open_issue).to_be_visible(timeout=120_000)  # htmx polls the run until it is done
            expect(page.locator(".run .badge")).to_have_text("完成")
            shoot(page, "desktop-3-run-done")

            open_issue.click()
            expect(page.locator(".masthead .number")).to_have_text("第1期")
            expect(page.locator("#review .wait")).to_contain_text("待审批")
            expect(page.locator("#delivery button[type=submit]")).to_be_disabled()
            expect(page.locator("#articles tbody tr")).to_have_count(6)
            expect(page.locator("#preview img").first).to_be_visible()
            page.wait_for_function("() => [...document.querySelectorAll('#preview img')].every(i => i.complete && i.naturalWidth > 0)")
            shoot(page, "desktop-4-issue-waiting")
            assert [m["To"] for m in mail.mailbox.parsed()] == [EMAILS["alice"]], "only the approver was told"

            page.click("text=批准当前版本")
            expect(page.locator(".notice")).to_contain_text("已批准当前版本")
            expect(page.locator("#review table")).to_contain_text("ada")
            page.click("#delivery summary")
            page.click("#delivery button[type=submit]")
            expect(page.locator(".notice")).to_contain_text("正在发送给 2 位收件人")
            shoot(page, "desktop-5-issue-sending")
            for _ in range(100):
                page.goto(f"{base}/issues/2026-11-26-daily-1")
                if page.locator("#delivery .badge.sent").count() == 2:
                    break
                time.sleep(0.2)
            expect(page.locator("#delivery .badge.sent")).to_have_count(2)
            shoot(page, "desktop-6-issue-sent")
            assert sorted(mail.mailbox.recipients()) == sorted([EMAILS["alice"], *[r for r, _ in RECIPIENTS]])

            page.goto(f"{base}/")
            expect(page.locator(".issues .badge.sent[title]")).to_have_count(2)  # one per recipient
            shoot(page, "desktop-7-dashboard")
            page.goto(f"{base}/archive")
            page.fill("#q", "人才")
            expect(page.locator("#results")).to_contain_text("“人才”：共 1 期")
            shoot(page, "desktop-8-archive-search")
            page.goto(f"{base}/audit")
            for action in ("请求生成", "生成", "批准", "发送"):
                expect(page.locator("table")).to_contain_text(action)
            shoot(page, "desktop-9-audit")
            assert errors == [], errors

            phone = browser.new_context(viewport=PHONE, locale="zh-CN", is_mobile=True, has_touch=True,
                                        device_scale_factor=2)
            small = phone.new_page()
            small.goto(f"{base}/login")
            shoot(small, "phone-1-login")
            small.fill("#username", "ada")
            small.fill("#password", PASSWORDS["ada"])
            small.click("button[type=submit]")
            expect(small.locator("h2", has_text="立即生成")).to_be_visible()
            for name, path in (("phone-2-dashboard", "/"), ("phone-3-run", "/runs/1"),
                               ("phone-4-issue", "/issues/2026-11-26-daily-1"), ("phone-5-archive", "/archive?q=人才"),
                               ("phone-6-audit", "/audit")):
                small.goto(f"{base}{path}")
                small.evaluate("() => window.scrollTo(0, document.body.scrollHeight)")  # lazy images load
                small.wait_for_load_state("networkidle")
                small.wait_for_function("() => [...document.images].filter(i => i.loading != 'lazy').every(i => i.complete && i.naturalWidth > 0)")
                width = small.evaluate("() => document.documentElement.scrollWidth")
                assert width <= PHONE["width"], f"{path} is wider than the phone ({width} px)"
                shoot(small, name)
        finally:
            browser.close()

    assert all(path.stat().st_size > 10_000 for path in taken)
    keep = os.environ.get("BRIEFING_SCREENSHOTS")
    if keep:
        Path(keep).mkdir(parents=True, exist_ok=True)
        for path in taken:
            shutil.copy(path, Path(keep) / path.name)
