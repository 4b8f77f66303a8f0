"""The change between the baseline assessment round and a later closed round."""

from __future__ import annotations

from mechelen.core.assessment.responses import Answer, Respondent, Responses
from mechelen.web.assessments import actions
from mechelen.web.assessments.models import AssessmentRound
from mechelen.web.followup.change import actions as followup_actions
from mechelen.web.followup.report_data import assessment_change, assessment_changes
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


def test_the_change_against_the_first_closed_round(world: World) -> None:
    assert assessment_change(world.a.organisation, "en") is None
    first = closed_round(world, "First", 1)
    assert assessment_change(world.a.organisation, "en") is None
    closed_round(world, "Second", 3)
    change = assessment_change(world.a.organisation, "fr")
    assert change is not None
    assert (change.baseline_title, change.round_title) == ("First", "Second")
    cell = next(
        c
        for c in change.cells
        if c.sector_id == "education" and c.dimension_id == "institutional-capacity"
    )
    assert (cell.before, cell.after, cell.difference) == (1.0, 3.0, 2.0)
    assert cell.sector == "Éducation"
    food = next(
        c
        for c in change.cells
        if c.sector_id == "food" and c.dimension_id == "institutional-capacity"
    )
    assert food.difference == 0.0
    assert (change.improved, change.worsened) == (1, 0)
    third = closed_round(world, "Third", 0)
    followup_actions.choose_baseline_round(None, world.a.organisation, third)
    changes = assessment_changes(world.a.organisation, "en")
    assert [(c.baseline_title, c.round_title) for c in changes] == [
        ("Third", "First"),
        ("Third", "Second"),
    ]
    page = client_for(world.a.users[Role.VIEWER]).get(
        f"/manage/{world.a.organisation.slug}/follow-up/assessment-change/{first.pk}/"
    )
    assert page.status_code == 200 and "+1.00" in page.content.decode()
