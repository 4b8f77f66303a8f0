"""The browser enforces the site's Content-Security-Policy, and the journey's check of it
can fail: an inline script put into a page is blocked, and the violation is collected."""

from __future__ import annotations

import contextlib
from typing import Any

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Page


def test_an_inline_script_is_blocked_and_reported(
    page: Page, live_server: Any, browser_problems: list[str]
) -> None:
    page.goto(live_server.url + "/accounts/login/")
    with contextlib.suppress(PlaywrightError):  # the browser refused it
        page.add_script_tag(content="window.inlineRan = true;")
    assert page.evaluate("window.inlineRan === undefined")
    page.wait_for_timeout(200)
    assert any("script-src" in problem for problem in browser_problems), browser_problems
    browser_problems.clear()  # expected here; any other fails the test


def test_the_api_documentation_runs_from_the_site(
    page: Page, live_server: Any, browser_problems: list[str]
) -> None:
    """Swagger UI from the site's own files, under the policy, with every request to the
    site itself (it works offline)."""
    elsewhere: list[str] = []
    origin = live_server.url
    page.on(
        "request",
        lambda request: (
            elsewhere.append(request.url) if not request.url.startswith((origin, "data:")) else None
        ),
    )
    page.goto(origin + "/api/docs")
    page.get_by_text("GET").first.wait_for()
    page.get_by_role("button", name="Authorize").wait_for()
    assert page.get_by_text("/api/organisations/{slug}/commitments").count() >= 1
    assert not elsewhere, elsewhere
