"""Every page of the access matrix (tests/web/access_matrix.py), opened in chromium by a
person allowed to see it, passes axe-core's WCAG 2.0/2.1 A and AA rules and fits a 390 px
wide phone (no horizontal scroll of the page).

The matrix's world (two cities, a network, a platform administrator...) is built once in
the live server's database; each actor has one browser context, logged in with the session
cookie of a Django test client, and one tab that opens their pages one after the other. Each
page is opened at a desktop width (1280 px), checked by axe, then narrowed to 390 px and its
width measured. The walk runs once, in the first test; each page then has its own test id
(``test_page_passes_axe[statistics:upload]``, ``test_page_fits_a_phone[...]``).

Pages that are not HTML pages reached by GET are not checked, with the reason in
:data:`NOT_CHECKED`: POST-only URLs, and file downloads.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.core.cache import cache
from django.urls import reverse
from playwright.sync_api import Browser, BrowserContext, Page

from mechelen.web.tenancy.roles import Role
from tests.e2e.axe import NARROW_RULES, Violation, run_axe
from tests.e2e.session import log_in_context
from tests.web.access_matrix import (
    ANY_LOGGED_IN,
    INVITEE,
    NETWORK_ANALYSTS,
    PAGES,
    PLATFORM_ADMINS,
    PUBLIC,
)
from tests.web.conftest import World, build_world

PHONE = 390
DESKTOP = 1280

#: URLs of the matrix whose answer is a file, not a page: axe and the phone width do not apply
DOWNLOADS = {
    "assessments:answers": "the round's answers as a spreadsheet (xlsx)",
    "assessments:form": "the questionnaire as a spreadsheet to fill offline (xlsx)",
    "public_followup:evidence_file": "a public evidence document",
    "statistics:release_file": "a release's file (CSV, SDMX, HXL, Data Package...)",
    "public_statistics:file": "a published release's file",
    "followup:evidence_file": "an evidence document",
    "public_followup:export": "the city's follow-up export (a file)",
    "network_followup:export": "the network's follow-up export (a file)",
    "reports:city_file": "the city report as a file to download",
}


def not_checked(name: str) -> str | None:
    """Why a URL of the matrix is not checked, or None when it is an HTML page."""
    if PAGES[name].get is None:
        return "POST only: there is no page to GET"
    return DOWNLOADS.get(name)


#: the roles tried first when several may see a page: the one who sees the most
PREFERRED_ROLES = (
    Role.ADMINISTRATOR,
    Role.COORDINATOR,
    Role.DATA_STEWARD,
    Role.SERVICE_PROVIDER,
    Role.VIEWER,
    Role.RESPONDENT,
)


def actor_of(world: World, name: str) -> tuple[str, Any]:
    """Who opens the page: a visitor for public pages, else one person allowed to GET it."""
    roles = PAGES[name].get
    assert roles is not None
    if roles == PUBLIC:
        return "visitor", None
    if roles == ANY_LOGGED_IN:
        return "administrator of a", world.a.users[Role.ADMINISTRATOR]
    if roles == NETWORK_ANALYSTS:
        return "network analyst", world.analyst
    if roles == PLATFORM_ADMINS:
        return "platform admin", world.platform_admin
    if roles == INVITEE:
        return "outsider", world.outsider
    role = next(role for role in PREFERRED_ROLES if role in roles)
    return f"{role.value} of a", world.a.users[role]


@dataclass
class Checked:
    url: str
    actor: str
    violations: list[Violation] = field(default_factory=list)
    #: document.documentElement.scrollWidth at a 390 px wide window
    width: int = 0
    #: when wider: the elements that stick out of their parent past the window's edge
    culprits: list[str] = field(default_factory=list)


@dataclass
class Walk:
    pages: dict[str, Checked] = field(default_factory=dict)
    seconds: float = 0.0


#: filled by the first test that needs it (the world lives in that test's database)
WALK = Walk()


def logged_in_context(browser: Browser, base_url: str, user: Any) -> BrowserContext:
    context = browser.new_context(viewport={"width": DESKTOP, "height": 900}, locale="en-GB")
    context.set_default_timeout(20_000)
    if user is not None:
        log_in_context(context, base_url, user)
    return context


#: the elements that stick out past the window's right edge while their parent does not
#: (inside a box that scrolls or clips, nothing widens the page)
CULPRITS = """() => {
  const edge = window.innerWidth + 0.5;
  const name = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
    [...el.classList].map((c) => "." + c).join("");
  const clipped = (el) => {
    for (let up = el.parentElement; up && up !== document.body; up = up.parentElement) {
      if (getComputedStyle(up).overflowX !== "visible") return true;
    }
    return false;
  };
  return [...document.body.querySelectorAll("*")].filter((el) =>
      el.getBoundingClientRect().right > edge && el.parentElement &&
      el.parentElement.getBoundingClientRect().right <= edge && !clipped(el))
    .slice(0, 5).map((el) => `${name(el.parentElement)} > ${name(el)} ` +
      `(${Math.round(el.getBoundingClientRect().right)} px)`);
}"""


NEXT_FRAME = "() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))"


def check(page: Page, url: str) -> tuple[list[Violation], int, list[str]]:
    page.set_viewport_size({"width": DESKTOP, "height": 900})
    response = page.goto(url)
    assert response is not None and response.ok, (url, response and response.status)
    content_type = response.headers.get("content-type", "")
    assert content_type.startswith("text/html"), (url, content_type)
    violations = run_axe(page)
    page.set_viewport_size({"width": PHONE, "height": 844})
    page.evaluate(NEXT_FRAME)  # after the page's own answer to the new width
    width = int(page.evaluate("document.documentElement.scrollWidth"))
    seen = {(v.rule, v.targets) for v in violations}
    violations += [
        Violation(v.rule, v.impact, f"{v.help} (at {PHONE} px)", v.targets)
        for v in run_axe(page, NARROW_RULES)
        if (v.rule, v.targets) not in seen
    ]
    culprits = page.evaluate(CULPRITS) if width > PHONE else []
    return violations, width, culprits


def walk(browser: Browser, base_url: str) -> Walk:
    started = time.monotonic()
    cache.clear()
    world = build_world()
    tabs: dict[str, Page] = {}
    contexts: list[BrowserContext] = []
    found = Walk()
    try:
        for name in sorted(PAGES):
            if not_checked(name):
                continue
            label, user = actor_of(world, name)
            if label not in tabs:
                contexts.append(logged_in_context(browser, base_url, user))
                tabs[label] = contexts[-1].new_page()
            url = reverse(name, kwargs=PAGES[name].kwargs(world, world.a) or None)
            found.pages[name] = Checked(url, label, *check(tabs[label], base_url + url))
    finally:
        for context in contexts:
            context.close()
    found.seconds = time.monotonic() - started
    return found


def summary(done: Walk) -> str:
    """The walk's figures (shown with ``pytest -s``): violations by rule, pages too wide."""
    by_rule: dict[str, list[str]] = {}
    for name, checked in done.pages.items():
        for violation in checked.violations:
            by_rule.setdefault(f"{violation.rule} ({violation.impact})", []).append(name)
    wide = {name: c.width for name, c in done.pages.items() if c.width > PHONE}
    lines = [
        f"\nthe accessibility walk: {len(done.pages)} pages in {done.seconds:.1f} s",
        f"axe violations: {sum(len(c.violations) for c in done.pages.values())} "
        f"on {sum(1 for c in done.pages.values() if c.violations)} pages",
    ]
    lines += [f"  {rule}: {len(names)}: {', '.join(names)}" for rule, names in by_rule.items()]
    lines.append(f"pages wider than {PHONE} px: {len(wide)}")
    lines += [
        f"  {name}: {width} px: {'; '.join(done.pages[name].culprits)}"
        for name, width in wide.items()
    ]
    return "\n".join(lines)


@pytest.fixture
def walked(browser: Browser, live_server: Any) -> Iterator[Walk]:
    if not WALK.pages:
        done = walk(browser, str(live_server.url))
        WALK.pages, WALK.seconds = done.pages, done.seconds
        print(summary(WALK))
    yield WALK


def page_names() -> list[Any]:
    return [
        pytest.param(name, marks=pytest.mark.skip(reason=reason))
        if (reason := not_checked(name))
        else name
        for name in sorted(PAGES)
    ]


@pytest.mark.parametrize("name", page_names())
def test_page_passes_axe(walked: Walk, name: str) -> None:
    checked = walked.pages[name]
    where = f"{checked.url} as {checked.actor}"
    assert not checked.violations, "\n".join(v.describe(where) for v in checked.violations)


@pytest.mark.parametrize("name", page_names())
def test_page_fits_a_phone(walked: Walk, name: str) -> None:
    checked = walked.pages[name]
    assert checked.width <= PHONE, (
        f"{checked.url} as {checked.actor} is {checked.width} px wide at a {PHONE} px window; "
        f"sticking out: {'; '.join(checked.culprits)}"
    )


def test_axe_finds_what_breaks_the_rules(browser: Browser) -> None:
    """The walk's check can fail: a page without a language, a picture without text and a
    field without a label break three rules."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.set_content(
            "<html><head><title>Broken</title></head><body><main><h1>Broken</h1>"
            '<img src="data:,"><input type="text"></main></body></html>'
        )
        rules = {violation.rule for violation in run_axe(page)}
    finally:
        context.close()
    assert {"html-has-lang", "image-alt", "label"} <= rules, rules
