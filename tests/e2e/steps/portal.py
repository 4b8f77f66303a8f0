"""The city's public page, as anyone sees it."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.e2e.steps.commitments import DECLARATION_PARAGRAPH, OWN_TITLE, declaration_title
from tests.e2e.visit import Visit


def see_the_public_city_page(visit: Visit) -> None:
    page = visit.page
    page.get_by_role("navigation", name="Workspace").get_by_role("link", name="Public page").click()
    expect(page.get_by_role("heading", name=visit.city_name, level=1)).to_be_visible()
    expect(page.get_by_text("Endorsed on")).to_be_visible()
    commitments = page.locator("table.commitments")
    expect(commitments.get_by_text(declaration_title(DECLARATION_PARAGRAPH))).to_be_visible()
    expect(commitments.get_by_text(OWN_TITLE)).to_be_visible()
    visit.screenshot("public-city")
