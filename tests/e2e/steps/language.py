"""Switching the interface language."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.e2e.steps.tenancy import ENDORSED_ON
from tests.e2e.visit import Visit

FRENCH_MONTHS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août"]
FRENCH_MONTHS += ["septembre", "octobre", "novembre", "décembre"]


def french_date(iso: str) -> str:
    year, month, day = (int(part) for part in iso.split("-"))
    return f"{day} {FRENCH_MONTHS[month - 1]} {year}"


def switch_to_french(visit: Visit) -> None:
    """On the page where the person is (the public city page, logged in), choose French:
    the page comes back in French, the site's own words (its catalogue in
    src/mechelen/web/locale) as well as the dates Django writes; steps that read English
    labels come before this one.
    """
    page = visit.page
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.locator("header form.language select").select_option("fr")
    page.locator("header form.language button").click()
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.get_by_text(french_date(ENDORSED_ON))).to_be_visible()
    header = page.locator("header")
    expect(header.get_by_role("button", name="Se déconnecter")).to_be_visible()
    expect(header.get_by_role("button", name="Log out")).to_have_count(0)
    expect(page.get_by_role("heading", name="Engagements", level=2)).to_be_visible()
    expect(page.get_by_role("heading", name="Statistiques", level=2)).to_be_visible()
    visit.screenshot("public-city-fr")
