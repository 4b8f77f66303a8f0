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
    """On the page where the person is, choose French: the page comes back in French.

    Until the site's own French catalogue exists, this checks the page's language and a
    date that Django writes in French; steps that read English labels come before this one.
    """
    page = visit.page
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.locator("header form.language select").select_option("fr")
    page.locator("header form.language button").click()
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.get_by_text(french_date(ENDORSED_ON))).to_be_visible()
    visit.screenshot("public-city-fr")
