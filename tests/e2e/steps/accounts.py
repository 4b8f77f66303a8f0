"""Logging in and out."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.e2e.visit import Visit


def log_in(visit: Visit) -> None:
    page = visit.page
    visit.open("portal:home")
    page.get_by_role("link", name="Log in").click()
    page.get_by_label("Username").fill(visit.username)
    page.get_by_label("Password").fill(visit.password)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Your organisations")).to_be_visible()
    page.get_by_role("main").get_by_role("link", name=visit.city_name).click()
    expect(page.get_by_role("heading", name=visit.city_name)).to_be_visible()
    expect(page.get_by_text("Not endorsed yet")).to_be_visible()


def log_out(visit: Visit) -> None:
    """Works in any interface language: it finds the log-out form by its address."""
    page = visit.page
    page.locator("header form[action$='/accounts/logout/'] button").click()
    expect(page.locator("header a[href$='/accounts/login/']")).to_be_visible()
    expect(page.locator("header form[action$='/accounts/logout/']")).to_have_count(0)


def log_in_as(visit: Visit, username: str, password: str | None = None) -> None:
    """Another person logs in (someone else logged out before) and opens the city's workspace."""
    page = visit.page
    page.locator("header a[href$='/accounts/login/']").click()
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password or visit.password)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Your organisations")).to_be_visible()
    page.get_by_role("main").get_by_role("link", name=visit.city_name).click()
    expect(page.get_by_role("heading", name=visit.city_name, level=1)).to_be_visible()


def open_workspace_page(visit: Visit, label: str) -> None:
    """A link of the workspace menu: Profile, Commitments, Assessment, Statistics..."""
    nav = visit.page.get_by_role("navigation", name="Workspace")
    nav.get_by_role("link", name=label, exact=True).click()


def log_in_again(visit: Visit) -> None:
    """The administrator comes back (after the others' steps, logged out)."""
    log_in_as(visit, visit.username)
