"""TEMPORARY (not committed): screenshots of the design for review."""

from __future__ import annotations

import os
from typing import Any

from playwright.sync_api import Browser

from mechelen.web.demo.load import DEMO_PASSWORD, load_all
from tests.e2e.conftest import REPORT_VIOLATIONS, blocked_by_policy

OUT = os.environ.get("SHOTS", "/tmp/shots")
PAGES = os.environ.get(
    "SHOT_PAGES",
    "home=/,city=/cities/mechelen/,login=/accounts/login/,register=/accounts/register/,error=/nothing/,@workspace=/manage/mechelen/,@form=/manage/mechelen/commitments/new/,@dashboard=/accounts/",
).split(",")


def test_shots(live_server: Any, browser: Browser) -> None:
    load_all(DEMO_PASSWORD, say=lambda _l: None)
    os.makedirs(OUT, exist_ok=True)
    problems: list[str] = []
    for width in (1366, 390):
        context = browser.new_context(viewport={"width": width, "height": 900}, locale="en-GB")
        context.add_init_script(REPORT_VIOLATIONS)
        page = context.new_page()
        page.on("console", lambda m: problems.append(m.text) if blocked_by_policy(m.text) else None)
        page.on("pageerror", lambda e: problems.append(f"script error: {e}"))
        failed: list[str] = []
        page.on("requestfailed", lambda r: failed.append(r.url))
        page.on(
            "response",
            lambda r: (
                failed.append(f"{r.status} {r.url}")
                if r.status >= 400 and "/static/" in r.url
                else None
            ),
        )
        logged = False
        for item in PAGES:
            name, url = item.split("=")
            if name.startswith("@") and not logged:
                page.goto(live_server.url + "/accounts/login/")
                page.get_by_label("Username").fill("mechelen-admin")
                page.get_by_label("Password").fill(DEMO_PASSWORD)
                page.get_by_role("button", name="Log in").click()
                page.get_by_role("heading", name="Your organisations").wait_for()
                logged = True
            page.goto(live_server.url + url)
            page.wait_for_timeout(300)
            wide = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
            print(width, name, "overflow", wide)
            page.screenshot(path=f"{OUT}/{name.strip('@')}-{width}.png", full_page=True)
        if width == 390:
            page.goto(live_server.url + "/")
            page.get_by_role("button", name="Menu").click()
            page.wait_for_timeout(400)
            page.screenshot(path=f"{OUT}/menu-390.png")
        print("failed", failed)
        context.close()
    print("problems", problems)
