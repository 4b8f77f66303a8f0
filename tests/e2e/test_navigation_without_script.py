"""On a phone the design system folds the navigation into a Menu button that its script opens;
with JavaScript off, the no-script style sheet shows the navigation in the page instead, so
that a visitor still reaches "Log in" and the language form."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Browser


def test_the_navigation_is_reachable_on_a_phone_without_javascript(
    browser: Browser, live_server: Any
) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(live_server.url + "/")
        assert not page.get_by_role("button", name="Menu").is_visible()
        log_in = page.get_by_role("link", name="Log in")
        assert log_in.is_visible()
        assert page.get_by_label("Language").is_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= 390
        log_in.click()
        assert page.url.endswith("/accounts/login/")
    finally:
        context.close()


def test_with_javascript_the_menu_button_opens_the_navigation(
    browser: Browser, live_server: Any
) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        page.goto(live_server.url + "/")
        log_in = page.get_by_role("link", name="Log in")
        assert not log_in.is_visible()  # folded: the no-script style sheet is not applied
        page.get_by_role("button", name="Menu").click()
        log_in.wait_for(state="visible")
    finally:
        context.close()
