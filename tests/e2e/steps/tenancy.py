"""The organisation's profile: endorsing the Declaration."""

from __future__ import annotations

from playwright.sync_api import expect

from tests.e2e.visit import Visit

ENDORSED_ON = "2026-06-15"


def endorse_the_declaration(visit: Visit) -> None:
    page = visit.page
    page.get_by_role("navigation", name="Workspace").get_by_role("link", name="Profile").click()
    page.get_by_label("Date of endorsement").fill(ENDORSED_ON)
    page.get_by_role("button", name="Record the endorsement").click()
    expect(page.get_by_text("Endorsement of the Declaration recorded.")).to_be_visible()
    expect(page.get_by_text("Endorsed on")).to_be_visible()
    visit.screenshot("workspace")
