"""The change between the baseline assessment round and a later closed round."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext

from mechelen.core.assessment.responses import Answer, Respondent, Responses
from mechelen.web.assessments import actions
from mechelen.web.assessments.models import AssessmentRound
from mechelen.web.followup.change import actions as followup_actions
from mechelen.web.followup.change.rounds import AssessmentChange, ClosedRounds, in_words
from mechelen.web.tenancy.roles import Role
from tests.web.conftest import World, client_for


def closed_round(world: World, title: str, score: int) -> AssessmentRound:
    found = actions.open_round(None, world.a.organisation, {"title": title})
    responses = Responses(
        (Respondent("1", "R", "local-government"),),
        (
            Answer("1", "education/institutional-capacity", score, ""),
            Answer("1", "food/institutional-capacity", 2, ""),
        ),
    )
    actions.import_responses(None, found, responses, "en", ["test"])
    return actions.close_round(None, found)


def latest_change(world: World, lang: str) -> AssessmentChange | None:
    section = ClosedRounds(world.a.organisation).latest_change()
    return in_words(section, lang) if section is not None else None


def test_the_change_against_the_first_closed_round(world: World) -> None:
    assert latest_change(world, "en") is None
    first = closed_round(world, "First", 1)
    assert latest_change(world, "en") is None
    closed_round(world, "Second", 3)
    change = latest_change(world, "fr")
    assert change is not None and change.section.baseline is not None
    assert (change.section.baseline.title, change.section.latest.title) == ("First", "Second")
    cell = next(
        c
        for c in change.cells
        if c.change.sector_id == "education" and c.change.dimension_id == "institutional-capacity"
    )
    assert (cell.change.before, cell.change.after, cell.change.delta) == (1.0, 3.0, 2.0)
    assert cell.sector == "Éducation"
    food = next(
        c
        for c in change.cells
        if c.change.sector_id == "food" and c.change.dimension_id == "institutional-capacity"
    )
    assert food.change.delta == 0.0
    assert (change.improved, change.worsened) == (1, 0)
    third = closed_round(world, "Third", 0)
    followup_actions.choose_baseline_round(None, world.a.organisation, third)
    rounds = ClosedRounds(world.a.organisation)
    changes = [rounds.change(later) for later in rounds.later]
    assert [(c.baseline.title if c.baseline else "", c.latest.title) for c in changes] == [
        ("Third", "First"),
        ("Third", "Second"),
    ]
    page = client_for(world.a.users[Role.VIEWER]).get(
        f"/manage/{world.a.organisation.slug}/follow-up/assessment-change/{first.pk}/"
    )
    assert page.status_code == 200 and "+1.00" in page.content.decode()


def test_the_latest_round_is_known_by_itself_not_by_its_title(world: World) -> None:
    """Two rounds of one title: the report shows the later's results, each computed once."""
    closed_round(world, "Yearly round", 1)
    closed_round(world, "Yearly round", 3)
    rounds = ClosedRounds(world.a.organisation)
    with CaptureQueriesContext(connection) as first:
        section = rounds.latest_section()
    assert section is not None and section.baseline is not None
    assert section.results is rounds.results(rounds.rounds[-1])
    assert section.baseline.report is rounds.results(rounds.rounds[0])
    with CaptureQueriesContext(connection) as again:
        rounds.latest_section()
    assert len(first) > 0 and len(again) == 0
