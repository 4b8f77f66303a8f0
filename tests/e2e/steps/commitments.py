"""Adding commitments: one from the Declaration's annex and one of the city's own."""

from __future__ import annotations

from playwright.sync_api import expect

from mechelen.web.framework_data import commitment
from tests.e2e.visit import Visit

DECLARATION_PARAGRAPH = 17
OWN_TITLE = "A welcome desk for newcomers in the town hall"


def declaration_title(paragraph: int) -> str:
    found = commitment(paragraph)
    assert found is not None, f"the Declaration has no commitment §{paragraph}"
    return found.title.get("en")


def open_new_commitment_form(visit: Visit) -> None:
    page = visit.page
    page.get_by_role("navigation", name="Workspace").get_by_role("link", name="Commitments").click()
    page.get_by_role("link", name="Add a commitment").click()


def fill_and_save(visit: Visit, owner: str, target: str, due: str) -> None:
    page = visit.page
    page.get_by_label("Owner").fill(owner)
    page.get_by_label("Target").fill(target)
    page.get_by_label("Due date").fill(due)
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Commitment added.")).to_be_visible()


def add_a_commitment_of_the_declaration(visit: Visit) -> None:
    open_new_commitment_form(visit)
    visit.page.get_by_label("Commitment of the Declaration").select_option(
        str(DECLARATION_PARAGRAPH)
    )
    fill_and_save(visit, "Statistics office", "Tables by country of birth every year", "2027-12-31")
    expect(
        visit.page.get_by_role("cell", name=declaration_title(DECLARATION_PARAGRAPH))
    ).to_be_visible()


def add_a_commitment_of_its_own(visit: Visit) -> None:
    open_new_commitment_form(visit)
    visit.page.get_by_label("Title").fill(OWN_TITLE)
    fill_and_save(visit, "Social affairs", "Open five days a week", "2027-03-31")
    expect(visit.page.get_by_role("cell", name=OWN_TITLE)).to_be_visible()
    visit.screenshot("commitments")
