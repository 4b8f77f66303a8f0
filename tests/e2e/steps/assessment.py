"""The online joint assessment: the coordinator opens a round and invites two respondents of
different stakeholder groups; each answers (saves, comes back, submits); the results show
the heatmap and the ranked priorities."""

from __future__ import annotations

from dataclasses import dataclass

from playwright.sync_api import Page, expect

from tests.e2e.steps.accounts import log_in_as, log_out, open_workspace_page
from tests.e2e.visit import Visit

ROUND_TITLE = "Joint assessment 2026"
QUESTIONS = 36  # nine sectors, each on three dimensions and its urgency


@dataclass(frozen=True)
class Respondent:
    name: str
    group: str
    username: str
    password: str
    #: (sector id, question title, choice) saved first, then the ones answered on coming back
    first: tuple[tuple[str, str, str], ...]
    later: tuple[tuple[str, str, str], ...]


RESPONDENTS = (
    Respondent(
        "Lindenhove welcome office",
        "Local government",
        "lindenhove-welcome-office",
        "welcome-office-password-2026",
        first=(
            ("education", "Institutional capacity", "3"),
            ("education", "Policy coherence", "2"),
            ("education", "Urgency", "1"),
        ),
        later=(
            ("shelter", "Institutional capacity", "1"),
            ("shelter", "Policy comprehensiveness", "Don't know"),
            ("shelter", "Urgency", "4"),
        ),
    ),
    Respondent(
        "Newcomers' association",
        "Migrant and diaspora associations",
        "lindenhove-newcomers",
        "newcomers-association-password-9",
        first=(
            ("education", "Institutional capacity", "1"),
            ("education", "Policy coherence", "0"),
        ),
        later=(
            ("education", "Urgency", "3"),
            ("shelter", "Institutional capacity", "0"),
            ("shelter", "Urgency", "4"),
        ),
    ),
)


def choose(page: Page, sector: str, question: str, choice: str) -> None:
    """Tick a score ("0".."4") or "Don't know" for a question of a sector."""
    fieldset = page.locator(f"#sector-{sector} fieldset.question").filter(
        has=page.locator("legend .dimension", has_text=question)
    )
    name = choice if not choice.isdigit() else f"{choice} · "
    fieldset.get_by_role("radio", name=name).check()


def chosen(page: Page, sector: str, question: str, choice: str) -> None:
    fieldset = page.locator(f"#sector-{sector} fieldset.question").filter(
        has=page.locator("legend .dimension", has_text=question)
    )
    name = choice if not choice.isdigit() else f"{choice} · "
    expect(fieldset.get_by_role("radio", name=name)).to_be_checked()


def open_a_round_and_invite_two_respondents(visit: Visit) -> None:
    """The administrator hands over to the coordinator, who opens a round and invites a
    respondent of each of two stakeholder groups (their accounts are created on the way)."""
    page = visit.page
    log_out(visit)
    log_in_as(visit, visit.team["coordinator"])
    open_workspace_page(visit, "Assessment")
    page.get_by_role("link", name="Open an assessment round").click()
    page.get_by_label("Title").fill(ROUND_TITLE)
    page.get_by_role("button", name="Open the round").click()
    expect(page.get_by_text("Assessment round opened.")).to_be_visible()
    expect(page.get_by_role("heading", name=ROUND_TITLE, level=1)).to_be_visible()
    for respondent in RESPONDENTS:
        page.get_by_role("link", name="Invite a respondent").click()
        page.get_by_label("Stakeholder group").select_option(label=respondent.group)
        page.locator("#id_name").fill(respondent.name)  # "Name" alone would find "User name"
        page.get_by_label("Language of the questionnaire").select_option("en")
        page.get_by_label("User name").fill(respondent.username)
        page.get_by_label("Initial password").fill(respondent.password)
        page.get_by_role("button", name="Invite").click()
        expect(page.get_by_text(f"{respondent.name} is invited.")).to_be_visible()
    invited = page.get_by_role("table").filter(has_text="login:")
    for respondent in RESPONDENTS:
        row = invited.get_by_role("row").filter(has_text=respondent.name)
        expect(row).to_contain_text(respondent.group)
        expect(row).to_contain_text("Not started")
    log_out(visit)


def answer(visit: Visit, respondent: Respondent, screenshot: bool) -> None:
    page = visit.page
    log_in_as(visit, respondent.username, respondent.password)
    open_workspace_page(visit, "Assessment")
    row = page.get_by_role("row").filter(has_text=ROUND_TITLE)
    expect(row).to_contain_text(f"0 of {QUESTIONS} questions answered")
    row.get_by_role("link", name="Answer the questionnaire").click()
    expect(page.get_by_text(f"You answer as {respondent.name}")).to_be_visible()
    for sector, question, choice in respondent.first:
        choose(page, sector, question, choice)
    page.get_by_role("button", name="Save and continue later").click()
    expect(page.get_by_text("Your answers are saved.")).to_be_visible()
    saved = len(respondent.first)
    expect(page.get_by_text(f"{saved} of {QUESTIONS} questions answered")).to_be_visible()

    # away and back: the list shows the progress, the form the saved answers
    open_workspace_page(visit, "Assessment")
    row = page.get_by_role("row").filter(has_text=ROUND_TITLE)
    expect(row).to_contain_text(f"{saved} of {QUESTIONS} questions answered")
    row.get_by_role("link", name="Answer the questionnaire").click()
    expect(page.get_by_role("progressbar")).to_have_attribute("aria-valuenow", str(saved))
    for sector, question, choice in respondent.first:
        chosen(page, sector, question, choice)
    for sector, question, choice in respondent.later:
        choose(page, sector, question, choice)
    if screenshot:  # the first screen: who answers, the progress, the first questions
        page.evaluate("window.scrollTo(0, 0)")
        visit.screenshot("assessment-answer", full_page=False)
    page.get_by_role("button", name="Save and submit my answers").click()
    expect(page.get_by_text("Your answers are submitted. Thank you!")).to_be_visible()
    total = saved + len(respondent.later)
    expect(page.get_by_text(f"{total} of {QUESTIONS} questions answered")).to_be_visible()
    expect(page.get_by_role("button", name="Save and submit my answers")).to_have_count(0)
    log_out(visit)


def two_respondents_answer(visit: Visit) -> None:
    for number, respondent in enumerate(RESPONDENTS):
        answer(visit, respondent, screenshot=number == 0)


def see_the_results(visit: Visit) -> None:
    """The coordinator finds both groups' answers in the results: heatmap and priorities."""
    page = visit.page
    log_in_as(visit, visit.team["coordinator"])
    open_workspace_page(visit, "Assessment")
    page.get_by_role("row").filter(has_text=ROUND_TITLE).get_by_role("link", name="Results").click()
    expect(page.get_by_role("heading", name=f"Results: {ROUND_TITLE}")).to_be_visible()
    cards = page.locator("ul.cards")
    expect(cards.locator("li").first).to_contain_text("2")
    expect(cards).to_contain_text("respondents")
    expect(page.locator("#heatmap figure.chart svg")).to_be_visible()
    # both groups rate shelter low and urgent (4): it comes first, before education
    priorities = page.locator("#priorities table tbody tr")
    expect(priorities).to_have_count(9)
    expect(priorities.nth(0)).to_contain_text("Shelter")
    expect(priorities.nth(1)).to_contain_text("Education")
    coverage = page.locator("#coverage")
    for respondent in RESPONDENTS:
        row = coverage.get_by_role("row").filter(has_text=respondent.group)
        expect(row.locator("td").first).to_have_text("1")  # one respondent of the group
    visit.screenshot("assessment-results")
    log_out(visit)
