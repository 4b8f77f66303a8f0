"""Browser tests: Playwright drives Debian's chromium, headless, against pytest-django's
live server. Nothing is downloaded: ``scripts/ensure-system-packages.sh`` installs chromium."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import Browser, Page, sync_playwright

from mechelen.web.demo.cities import statbel_population
from mechelen.web.tenancy.models import Membership, Organisation
from mechelen.web.tenancy.roles import Level, OrganisationStatus, Role
from tests.e2e.visit import Visit

PASSWORD = "a-long-browser-test-password-7"
#: the city that goes through the site: Leuven, a real demo city that has neither endorsed
#: the Declaration nor published statistics in the demo (slug, name, Statbel NIS code)
CITY = ("leuven", "Leuven", "24062")
#: the city's other people, beside its administrator
TEAM = {Role.COORDINATOR: "leuven-coordinator", Role.DATA_STEWARD: "leuven-steward"}


def chromium_path() -> str:
    found = os.environ.get("MECHELEN_CHROMIUM") or shutil.which("chromium")
    if not found:
        pytest.fail("No chromium: run scripts/ensure-system-packages.sh (apt-get install chromium)")
    return found


@pytest.fixture(scope="package", autouse=True)
def orm_beside_playwright() -> Iterator[None]:
    """Playwright's sync API runs an event loop in this thread, which Django takes for async
    code; the tests' ORM calls are plain synchronous ones. Allowed for this folder only, so
    that the variable does not leak into the rest of the run."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        yield


@pytest.fixture(scope="package")
def browser(orm_beside_playwright: None) -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium_path(), headless=True)
        yield launched
        launched.close()


#: runs in every page before its own scripts: each violation of the Content-Security-Policy
#: is written to the console, where the test collects it (Chromium also writes its own line)
REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  console.error("CSP violation: " + event.violatedDirective + " blocked " +
    (event.blockedURI || "inline code") + " in " + event.documentURI);
});
"""


def blocked_by_policy(text: str) -> bool:
    return "CSP violation" in text or "Content Security Policy" in text


@pytest.fixture
def browser_problems() -> list[str]:
    """What went wrong in the browser: violations of the Content-Security-Policy and script
    errors; every page of the test fails the test on any."""
    return []


@pytest.fixture
def page(browser: Browser, browser_problems: list[str]) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 860}, locale="en-GB")
    context.set_default_timeout(15_000)
    context.add_init_script(REPORT_VIOLATIONS)
    opened = context.new_page()
    opened.on(
        "console",
        lambda message: (
            browser_problems.append(message.text) if blocked_by_policy(message.text) else None
        ),
    )
    opened.on("pageerror", lambda error: browser_problems.append(f"script error: {error}"))
    yield opened
    context.close()
    assert not browser_problems, "\n".join(browser_problems)


@pytest.fixture
def newcomer(page: Page, live_server: Any) -> Visit:
    """The administrator of a real city that has not endorsed anything yet, with a
    coordinator (who runs the assessment) and a data steward (who prepares statistics).
    As in the demo, its population is the Statbel count of 1 January 2015 (the rows its
    data steward uploads) and what its people write is fictional (marked on every page)."""
    slug, name, code = CITY
    city = Organisation.objects.create(
        slug=slug,
        name=name,
        country="BEL",
        level=Level.LOCAL,
        population=statbel_population()[code],
        population_year=2015,
        statistical_code=code,
        fictional=True,
        status=OrganisationStatus.APPROVED,
    )
    user = get_user_model().objects.create_user(f"{slug}-admin", password=PASSWORD)
    Membership.objects.create(user=user, organisation=city, role=Role.ADMINISTRATOR)
    team = {}
    for role, username in TEAM.items():
        member = get_user_model().objects.create_user(username, password=PASSWORD)
        Membership.objects.create(user=member, organisation=city, role=role)
        team[role.value] = username
    return Visit(page, live_server.url, city.slug, city.name, user.username, PASSWORD, team)
