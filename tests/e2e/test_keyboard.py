"""The questionnaire and the upload, done with the keyboard only (Tab, Shift+Tab, Enter,
Space, arrow keys, typing: no clicks); every element the keyboard reaches shows where the
focus is (an outline on it, or on the label drawn in its place)."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import Page, expect

from mechelen.web.assessments.models import Answer, AssessmentRound, Invitation
from mechelen.web.tenancy.models import Membership, Organisation
from mechelen.web.tenancy.roles import Role
from tests.e2e.session import log_in_context
from tests.e2e.visit import Visit
from tests.web.statistics.factories import MAPPING, tiny_csv

#: how many keys at most the keyboard presses to reach an element (the questionnaire has
#: 36 questions of a radio group and a text box each)
MOST_KEYS = 200

#: what the focused element is, and whether an outline shows it: its own when the element
#: is seen, or that of its label (a design system may hide a radio button, or make it
#: transparent, and draw it in its label)
FOCUS = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return {what: "nothing", ring: false};
  const own = getComputedStyle(el);
  const box = el.getBoundingClientRect();
  const seen = parseFloat(own.opacity) > 0 && box.width > 1 && box.height > 1;
  const styles = seen ? [own] : [];
  for (const label of el.labels || []) {
    styles.push(getComputedStyle(label), getComputedStyle(label, "::before"));
  }
  const ring = styles.some((s) => s.outlineStyle !== "none" && parseFloat(s.outlineWidth) > 0);
  const text = (el.innerText || el.value || "").trim().slice(0, 40);
  const what = [el.tagName.toLowerCase(), el.type && `type=${el.type}`, el.name && `name=${el.name}`,
    el.getAttribute("href") && `href=${el.getAttribute("href")}`, text && `"${text}"`]
    .filter(Boolean).join(" ");
  return {what, ring};
}"""


def focused(page: Page) -> str:
    """The focused element, described; the test fails when no outline shows it."""
    found: dict[str, Any] = page.evaluate(FOCUS)
    assert found["ring"], f"the focus is not visible on {found['what']} ({page.url})"
    return str(found["what"])


def tab_to(page: Page, wanted: str, backwards: bool = False) -> str:
    """Press Tab (or Shift+Tab) until the focused element's description contains
    ``wanted``; every element passed on the way must show its focus."""
    key = "Shift+Tab" if backwards else "Tab"
    passed: list[str] = []
    for _ in range(MOST_KEYS):
        page.keyboard.press(key)
        what = focused(page)
        if wanted in what:
            return what
        passed.append(what)
    raise AssertionError(f"{key} never reaches {wanted!r}; it passed {passed[-10:]}")


def checked_value(page: Page, name: str) -> str | None:
    return page.evaluate(
        "(name) => document.querySelector(`input[name='${name}']:checked`)?.value ?? null", name
    )


def radio_values(page: Page, name: str) -> list[str]:
    return page.evaluate(
        "(name) => [...document.querySelectorAll(`input[name='${name}']`)].map((r) => r.value)",
        name,
    )


@pytest.fixture
def respondent(newcomer: Visit) -> tuple[Visit, AssessmentRound]:
    """A respondent of the city, invited to its open round, logged in."""
    city = Organisation.objects.get(slug=newcomer.city_slug)
    user = get_user_model().objects.create_user("leuven-respondent", password="unused-1234567")
    Membership.objects.create(user=user, organisation=city, role=Role.RESPONDENT)
    round_ = AssessmentRound.objects.create(
        organisation=city, title="Joint assessment 2026", framework_id="mechelen-2017"
    )
    Invitation.objects.create(
        round=round_, group_id="civil-society", name="Welcome office", language="en", user=user
    )
    log_in_context(newcomer.page.context, newcomer.base_url, user)
    return newcomer, round_


def test_a_respondent_answers_the_questionnaire_with_the_keyboard(
    respondent: tuple[Visit, AssessmentRound],
) -> None:
    visit, round_ = respondent
    page = visit.page
    visit.open("assessments:answer", slug=visit.city_slug, pk=round_.pk)
    expect(page.get_by_text("0 of 36 questions answered")).to_be_visible()

    # the sectors' menu leads to a section; Tab enters its first question
    tab_to(page, "href=#sector-education")
    page.keyboard.press("Enter")
    assert page.url.endswith("#sector-education"), page.url
    first = "education__institutional-capacity"
    assert f"name={first}" in tab_to(page, "type=radio")
    values = radio_values(page, first)
    page.keyboard.press("Space")  # ticks the focused choice
    start = values.index(str(checked_value(page, first)))
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")  # the arrows move two choices on, and tick it
    first_choice = values[(start + 2) % len(values)]
    assert checked_value(page, first) == first_choice
    assert f"name={first}" in focused(page)

    # its evidence, typed; then the next question, and back with Shift+Tab
    assert f"name={first}__evidence" in tab_to(page, "textarea")
    page.keyboard.type("Forty places for about 120 requests a year.")
    second = "education__policy-coherence"
    assert f"name={second}" in tab_to(page, "type=radio")
    page.keyboard.press("Space")
    page.keyboard.press("ArrowRight")
    choices = radio_values(page, second)
    second_choice = checked_value(page, second)
    assert second_choice in choices
    assert f"name={first}__evidence" in tab_to(page, "textarea", backwards=True)

    # another section, through the menu again (back up with Shift+Tab)
    tab_to(page, "href=#sector-shelter", backwards=True)
    page.keyboard.press("Enter")
    assert page.url.endswith("#sector-shelter"), page.url
    shelter = "shelter__institutional-capacity"
    assert f"name={shelter}" in tab_to(page, "type=radio")
    page.keyboard.press("Space")  # ticks the focused choice
    choices = radio_values(page, shelter)
    ticked = choices.index(str(checked_value(page, shelter)))
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")  # one before the first ticked, round the group
    shelter_choice = choices[(ticked - 1) % len(choices)]
    assert checked_value(page, shelter) == shelter_choice
    chosen = (first_choice, second_choice, shelter_choice)
    answered = sum(choice != "dont-know" for choice in chosen)  # "Don't know": no answer

    # saved
    tab_to(page, '"Save and continue later"')
    page.keyboard.press("Enter")
    expect(page.get_by_text("Your answers are saved.")).to_be_visible()
    expect(page.get_by_text(f"{answered} of 36 questions answered")).to_be_visible()
    assert checked_value(page, first) == first_choice
    assert checked_value(page, second) == second_choice
    assert checked_value(page, shelter) == shelter_choice
    expect(page.locator(f"textarea[name='{first}__evidence']")).to_have_value(
        "Forty places for about 120 requests a year."
    )
    assert Answer.objects.filter(invitation__round=round_).count() >= 2


@pytest.fixture
def steward(newcomer: Visit) -> Visit:
    """The city's data steward, logged in."""
    user = get_user_model().objects.get(username=newcomer.team["data_steward"])
    log_in_context(newcomer.page.context, newcomer.base_url, user)
    return newcomer


def test_a_data_steward_uploads_a_file_with_the_keyboard(steward: Visit) -> None:
    page = steward.page
    data = Path(tempfile.mkdtemp(prefix="mechelen-e2e-")) / "people.csv"
    data.write_text(tiny_csv(), encoding="utf-8")
    steward.open("statistics:overview", slug=steward.city_slug)
    tab_to(page, '"Upload a data file"')
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Upload a data file")).to_be_visible()

    # the file input opens the system's file chooser with Space
    tab_to(page, "type=file")
    with page.expect_file_chooser() as chooser:
        page.keyboard.press("Space")
    chooser.value.set_files(data)
    tab_to(page, '"Upload"')
    page.keyboard.press("Enter")
    expect(page.get_by_text("File received. Now map its columns.")).to_be_visible()

    # the mapping, typed in its text box
    textarea = page.get_by_label("Or write the mapping (YAML)")
    tab_to(page, f"name={textarea.get_attribute('name')}")
    page.keyboard.insert_text(MAPPING)
    tab_to(page, '"Read the file into the workspace"')
    page.keyboard.press("Enter")

    expect(page.get_by_role("heading", name="Reading the file into the workspace")).to_be_visible()
    expect(page.get_by_role("status")).to_contain_text("Done")
    tab_to(page, '"See the validation report"')
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Validation report")).to_be_visible()
    expect(page.locator("dl.facts")).to_contain_text("people.csv")
