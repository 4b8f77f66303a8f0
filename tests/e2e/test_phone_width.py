"""On a 390 px phone no page is wider than the screen: wide tables scroll inside their own
box. The pages are the demo's, opened by the demo people who see them; the audit log, the
widest table, is checked on a 1366 px laptop too."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from mechelen.web.demo.load import DEMO_PASSWORD, load_all
from mechelen.web.statistics.models import Release, ReleaseStatus

PHONE = 390
LAPTOP = 1366


@pytest.fixture
def demo(live_server: Any) -> str:
    load_all(DEMO_PASSWORD, say=lambda _line: None)
    return str(live_server.url)


@pytest.fixture
def contexts(browser: Browser, browser_problems: list[str]) -> Iterator[list[BrowserContext]]:
    opened: list[BrowserContext] = []
    yield opened
    for context in opened:
        context.close()


def person(
    browser: Browser, contexts: list[BrowserContext], base: str, username: str | None, width: int
) -> Page:
    context = browser.new_context(viewport={"width": width, "height": 844}, locale="en-GB")
    context.set_default_timeout(15_000)
    contexts.append(context)
    page = context.new_page()
    if username is not None:
        page.goto(base + "/accounts/login/")
        page.get_by_label("Username").fill(username)
        page.get_by_label("Password").fill(DEMO_PASSWORD)
        page.get_by_role("button", name="Log in").click()
        page.get_by_role("heading", name="Your organisations").wait_for()
    return page


def overflow(page: Page, url: str) -> int:
    """How many pixels the page is wider than the window (0 when it fits)."""
    response = page.goto(url)
    assert response is not None and response.ok, (url, response and response.status)
    return int(page.evaluate("document.documentElement.scrollWidth - window.innerWidth"))


def screenshot(page: Page, name: str) -> None:
    folder = os.environ.get("MECHELEN_PHONE_SCREENSHOTS")
    if folder:
        page.screenshot(path=Path(folder) / f"phone-{name}.png", full_page=True)


def test_no_page_is_wider_than_a_phone(
    demo: str, browser: Browser, contexts: list[BrowserContext]
) -> None:
    published = Release.objects.get(
        organisation__slug="mechelen", status=ReleaseStatus.PUBLISHED
    ).pk
    pages = {
        "mechelen-admin": [
            ("audit-log", "/manage/mechelen/audit/"),
            ("release", f"/manage/mechelen/statistics/releases/{published}/"),
        ],
        "mechelen-coordinator": [("follow-up", "/manage/mechelen/follow-up/")],
        None: [
            ("city", "/cities/mechelen/"),
            ("public-release", f"/cities/mechelen/statistics/{published}/"),
        ],
    }
    too_wide = []
    for username, urls in pages.items():
        page = person(browser, contexts, demo, username, PHONE)
        for name, url in urls:
            extra = overflow(page, demo + url)
            screenshot(page, name)
            if extra > 0:
                too_wide.append(f"{url} as {username}: {extra} px wider than {PHONE} px")
    laptop = person(browser, contexts, demo, "mechelen-admin", LAPTOP)
    extra = overflow(laptop, demo + "/manage/mechelen/audit/")
    if extra > 0:
        too_wide.append(f"the audit log: {extra} px wider than {LAPTOP} px")
    assert not too_wide, "\n".join(too_wide)
