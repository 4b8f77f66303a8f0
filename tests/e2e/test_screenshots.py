"""The screenshots of docs/screenshots/web-<page>-<language>-<screen>.png: the demo's key pages,
as the people who use them see them, on a laptop and a 390 px phone, in English, French and
Spanish. Taken only on request (``MECHELEN_SCREENSHOTS=1 make e2e``); otherwise skipped, so
that a test run never rewrites the documentation."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import Browser, BrowserContext

from mechelen.web.demo.cities import NETWORK_SLUG
from mechelen.web.demo.load import DEMO_PASSWORD, load_all
from tests.e2e.visit import SCREENSHOTS, screenshots_wanted

pytestmark = pytest.mark.skipif(
    not screenshots_wanted(), reason="screenshots only with MECHELEN_SCREENSHOTS=1"
)

LANGUAGES = ("en", "fr", "es")
#: screen name -> (width, height, whole page?): the phone keeps its first two screens only
SCREENS = {"desktop": (1366, 900, True), "phone": (390, 844, False)}
#: page name -> (who looks at it, its address); None is a visitor
PAGES: dict[str, tuple[str | None, str]] = {
    "home": (None, "/"),
    "city": (None, "/cities/mechelen/"),
    "network": (None, f"/networks/{NETWORK_SLUG}/"),
    "dashboard": ("mechelen-coordinator", "/accounts/"),
    "follow-up": ("mechelen-coordinator", "/manage/mechelen/follow-up/"),
    "statistics": ("mechelen-steward", "/manage/mechelen/statistics/"),
}


@pytest.fixture
def demo(live_server: Any) -> str:
    load_all(DEMO_PASSWORD, say=lambda _line: None)
    return str(live_server.url)


@pytest.fixture
def contexts(browser: Browser) -> Iterator[list[BrowserContext]]:
    opened: list[BrowserContext] = []
    yield opened
    for context in opened:
        context.close()


def session_cookie(username: str, base: str) -> dict[str, Any]:
    """A logged-in session for the demo person, without going through the (translated) form."""
    from django.contrib.auth import get_user_model

    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    value = client.cookies[settings.SESSION_COOKIE_NAME].value
    return {"name": settings.SESSION_COOKIE_NAME, "value": value, "url": base}


def test_screenshots_of_the_key_pages(
    demo: str, browser: Browser, contexts: list[BrowserContext]
) -> None:
    taken = []
    for language in LANGUAGES:
        for screen, (width, height, whole) in SCREENS.items():
            context = browser.new_context(
                viewport={"width": width, "height": height}, locale=language
            )
            contexts.append(context)
            page = context.new_page()
            for name, (username, url) in PAGES.items():
                context.clear_cookies()
                if username is not None:
                    context.add_cookies([session_cookie(username, demo)])  # type: ignore[list-item]
                response = page.goto(demo + url)
                assert response is not None and response.ok, (url, response and response.status)
                assert page.locator("html").get_attribute("lang") == language, url
                path = SCREENSHOTS / f"web-{name}-{language}-{screen}.png"
                if whole:
                    page.screenshot(path=path, full_page=True)
                else:
                    page.screenshot(
                        path=path,
                        clip={"x": 0, "y": 0, "width": width, "height": 2 * height},
                        full_page=True,
                    )
                taken.append(path)
    assert len(taken) == len(LANGUAGES) * len(SCREENS) * len(PAGES)
