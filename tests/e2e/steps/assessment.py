"""The online joint assessment: the coordinator opens a round and invites two respondents of
different stakeholder groups by e-mail; each opens the link, creates an account, accepts the
respondent role and answers (saves, comes back, submits); the results show the heatmap and
the ranked priorities."""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.core import mail
from playwright.sync_api import Page, expect

from tests.e2e.steps.accounts import log_in_as, log_out, open_workspace_page
from tests.e2e.visit import Visit

ROUND_TITLE = "Joint assessment 2026"
QUESTIONS = 36  # nine sectors, each on three dimensions and its urgency
#: question titles on the form -> the dimension ids in the form's field names
DIMENSIONS = {
    "Institutional capacity": "institutional-capacity",
    "Policy coherence": "policy-coherence",
    "Policy comprehensiveness": "policy-comprehensiveness",
    "Urgency": "urgency",
}
DONT_KNOW = "?"


@dataclass(frozen=True)
class Respondent:
    name: str
    group: str
    username: str
    password: str
    email: str
    #: sector id -> its answers to the questions in the order of DIMENSIONS: a score or
    #: DONT_KNOW; every question is answered
    answers: dict[str, str]
    #: (sector id, question title) answered by clicking and saved first; the rest is
    #: answered on coming back
    first: tuple[tuple[str, str], ...]
    #: (sector id, question title, text) of the evidence given
    evidence: tuple[tuple[str, str, str], ...] = ()

    def choice(self, sector: str, question: str) -> str:
        answer = self.answers[sector][list(DIMENSIONS).index(question)]
        return "Don't know" if answer == DONT_KNOW else answer


RESPONDENTS = (
    Respondent(
        "Welcome office",
        "Local government",
        "leuven-welcome-office",
        "welcome-office-password-2026",
        "welcome.office@leuven.example.org",
        answers={
            "food": "3321",
            "water-sanitation": "4330",
            "security": "3222",
            "infrastructure-communications": "3321",
            "shelter": "1?14",
            "education": "3221",
            "identity-documents": "2232",
            "rights-information": "3322",
            "access-to-justice": "2222",
        },
        first=(
            ("education", "Institutional capacity"),
            ("education", "Policy coherence"),
            ("education", "Urgency"),
        ),
        evidence=(
            (
                "shelter",
                "Institutional capacity",
                "The reception centre has 40 places for about 120 requests a year.",
            ),
        ),
    ),
    Respondent(
        "Newcomers' association",
        "Migrant and diaspora associations",
        "leuven-newcomers",
        "newcomers-association-password-9",
        "newcomers@example.org",
        answers={
            "food": "3221",
            "water-sanitation": "3331",
            "security": "2212",
            "infrastructure-communications": "2222",
            "shelter": "0104",
            "education": "1013",
            "identity-documents": "1114",
            "rights-information": "2113",
            "access-to-justice": "1103",
        },
        first=(
            ("education", "Institutional capacity"),
            ("education", "Policy coherence"),
        ),
        evidence=(
            (
                "identity-documents",
                "Urgency",
                "Members wait four months on average for a first residence card.",
            ),
        ),
    ),
)
#: what the two respondents' answers give (each group counts equally): the sectors that
#: block others and need work come first; seven questions split the groups by 2 levels
FIRST_PRIORITIES = ("Timely identity and regularisation documents", "Accurate information")
DISAGREEMENTS = 7


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


def choose_the_rest(page: Page, respondent: Respondent) -> None:
    """Every other question at once, in the page (36 clicks would make the test slow):
    the radio of each answer is ticked as a click would."""
    values = {
        f"{sector}__{dimension}": "dont-know" if answer == DONT_KNOW else answer
        for sector, answers in respondent.answers.items()
        for dimension, answer in zip(DIMENSIONS.values(), answers, strict=True)
    }
    missing = page.evaluate(
        """(values) => Object.entries(values).filter(([name, value]) => {
            const radio = document.querySelector(`input[name="${name}"][value="${value}"]`);
            if (radio) { radio.checked = true; radio.dispatchEvent(new Event("change")); }
            return !radio;
        }).map(([name]) => name)""",
        values,
    )
    assert not missing, f"no such question or answer on the form: {missing}"


def open_a_round_and_invite_two_respondents(visit: Visit) -> None:
    """The administrator hands over to the coordinator, who opens a round and invites a
    respondent of each of two stakeholder groups by e-mail (they have no account yet)."""
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
        page.get_by_label("E-mail").fill(respondent.email)
        page.get_by_role("button", name="Invite").click()
        expect(page.get_by_text(f"{respondent.name} is invited.")).to_be_visible()
    invited = page.get_by_role("table").filter(has_text="waiting for them to accept")
    for respondent in RESPONDENTS:
        row = invited.get_by_role("row").filter(has_text=respondent.name)
        expect(row).to_contain_text(respondent.group)
        expect(row).to_contain_text("Not started")
    log_out(visit)


INVITATION_LINK = re.compile(r"https?://[^/\s]+(/accounts/invitations/inv_[\w-]+/)")


def invitation_link(respondent: Respondent) -> str:
    """The link of the e-mail sent to the respondent (the site runs in this process)."""
    sent = [m for m in mail.outbox if m.to == [respondent.email]]
    assert len(sent) == 1, [m.to for m in mail.outbox]
    found = INVITATION_LINK.search(sent[0].body)
    assert found is not None, sent[0].body
    return found.group(1)


def join_from_the_invitation(visit: Visit, respondent: Respondent) -> None:
    """The respondent opens the e-mailed link, creates an account, and accepts the role."""
    page = visit.page
    page.goto(visit.base_url + invitation_link(respondent))
    expect(
        page.get_by_role("heading", name=f"Invitation to join {visit.city_name}")
    ).to_be_visible()
    page.get_by_role("link", name="Create your account").click()
    page.get_by_label("Your user name").fill(respondent.username)
    page.get_by_label("Password").fill(respondent.password)
    page.get_by_role("button", name="Create the account").click()
    expect(page.get_by_text("Your account is created.")).to_be_visible()
    page.get_by_role("button", name="Accept").click()
    expect(page.get_by_text(f"You joined {visit.city_name} as Respondent.")).to_be_visible()
    expect(page.get_by_role("heading", name=visit.city_name, level=1)).to_be_visible()


def answer(visit: Visit, respondent: Respondent, screenshot: bool) -> None:
    page = visit.page
    join_from_the_invitation(visit, respondent)
    open_workspace_page(visit, "Assessment")
    row = page.get_by_role("row").filter(has_text=ROUND_TITLE)
    expect(row).to_contain_text(f"0 of {QUESTIONS} questions answered")
    row.get_by_role("link", name="Answer the questionnaire").click()
    expect(page.get_by_text(f"You answer as {respondent.name}")).to_be_visible()
    for sector, question in respondent.first:
        choose(page, sector, question, respondent.choice(sector, question))
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
    for sector, question in respondent.first:
        chosen(page, sector, question, respondent.choice(sector, question))
    choose_the_rest(page, respondent)
    for sector, question, text in respondent.evidence:
        name = f"{sector}__{DIMENSIONS[question]}__evidence"
        page.locator(f"textarea[name='{name}']").fill(text)
    chosen(page, "shelter", "Urgency", "4")  # ticked in the page, as a click would
    if screenshot:  # the first screen: who answers, the progress, the first questions
        page.evaluate("window.scrollTo(0, 0)")
        visit.screenshot("assessment-answer", full_page=False)
    page.get_by_role("button", name="Save and submit my answers").click()
    expect(page.get_by_text("Your answers are submitted. Thank you!")).to_be_visible()
    expect(page.get_by_text(f"{QUESTIONS} of {QUESTIONS} questions answered")).to_be_visible()
    expect(page.get_by_role("button", name="Save and submit my answers")).to_have_count(0)
    log_out(visit)


def two_respondents_answer(visit: Visit) -> None:
    for number, respondent in enumerate(RESPONDENTS):
        answer(visit, respondent, screenshot=number == 0)


def see_the_results(visit: Visit) -> None:
    """The coordinator finds both groups' answers in the results: a full heatmap, their
    disagreements, the ranked priorities and the evidence."""
    page = visit.page
    log_in_as(visit, visit.team["coordinator"])
    open_workspace_page(visit, "Assessment")
    page.get_by_role("row").filter(has_text=ROUND_TITLE).get_by_role("link", name="Results").click()
    expect(page.get_by_role("heading", name=f"Results: {ROUND_TITLE}")).to_be_visible()
    cards = page.locator("ul.cards")
    expect(cards.locator("li").first).to_contain_text("2")
    expect(cards).to_contain_text("respondents")
    expect(page.locator("#heatmap figure.chart svg")).to_be_visible()
    expect(page.locator("#heatmap table tbody")).not_to_contain_text("–")  # every cell scored
    expect(page.locator("#disagreements table tbody tr")).to_have_count(DISAGREEMENTS)
    priorities = page.locator("#priorities table tbody tr")
    expect(priorities).to_have_count(9)
    for rank, sector in enumerate(FIRST_PRIORITIES):
        expect(priorities.nth(rank)).to_contain_text(sector)
    expect(page.locator("#evidence")).to_contain_text("40 places")
    coverage = page.locator("#coverage")
    for respondent in RESPONDENTS:
        row = coverage.get_by_role("row").filter(has_text=respondent.group)
        expect(row.locator("td").first).to_have_text("1")  # one respondent of the group
    visit.screenshot("assessment-results")
    log_out(visit)
