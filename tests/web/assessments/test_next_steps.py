"""Open rounds and their coverage for those who run or read them; a respondent's questionnaires."""

from __future__ import annotations

import pytest
from django.urls import reverse

from mechelen.web.assessments.models import Answer, AssessmentRound, Invitation, RoundStatus
from mechelen.web.assessments.results import question_count
from mechelen.web.tenancy.next_steps import Urgency
from mechelen.web.tenancy.roles import Role
from tests.web.assessments.factories import round_with_answers
from tests.web.conftest import World
from tests.web.homes import nothing_due, steps_of, titles


@pytest.fixture(autouse=True)
def _nothing_due(world: World) -> None:
    """The world's commitments are due on a fixed day: a year away, whatever today is."""
    nothing_due(world.a.organisation, world.b.organisation)


def test_a_coordinator_follows_the_coverage_of_an_open_round(world: World) -> None:
    item = round_with_answers(world.a)
    for role in (Role.COORDINATOR, Role.ADMINISTRATOR):
        [step] = steps_of(world.a.users[role])
        assert step.title == "Follow the answers to the round “Round with answers”"
        assert step.why == "1 of 2 people invited have answered."
        assert step.count == 1
        assert step.url == reverse("assessments:round", kwargs={"slug": "city-a", "pk": item.pk})
    # another city's people never hear of it
    for role in (Role.COORDINATOR, Role.VIEWER, Role.RESPONDENT):
        assert steps_of(world.b.users[role]) == []


def test_a_viewer_is_told_the_round_is_open_not_to_run_it(world: World) -> None:
    round_with_answers(world.a)
    [step] = steps_of(world.a.users[Role.VIEWER])
    assert step.title == "The round “Round with answers” is open"
    assert step.urgency is Urgency.INFO
    assert step.url == reverse("assessments:list", kwargs={"slug": "city-a"})
    for role in (Role.DATA_STEWARD, Role.SERVICE_PROVIDER):
        assert steps_of(world.a.users[role]) == []


def test_a_round_nobody_is_invited_to_asks_for_invitations(world: World) -> None:
    item = AssessmentRound.objects.create(
        organisation=world.a.organisation, title="Empty", framework_id="mechelen-2017"
    )
    [step] = steps_of(world.a.users[Role.COORDINATOR])
    assert step.title == "Invite people to answer the round “Empty”"
    assert step.why == "Nobody is invited to answer yet."
    assert step.url == reverse("assessments:invite", kwargs={"slug": "city-a", "pk": item.pk})
    item.status = RoundStatus.CLOSED
    item.save()
    assert steps_of(world.a.users[Role.COORDINATOR]) == []


def test_a_respondent_is_invited_then_finishes_their_answers(world: World) -> None:
    item = round_with_answers(world.a)
    respondent = world.a.users[Role.RESPONDENT]
    [step] = steps_of(respondent)
    assert step.title == "Answer the questionnaire “Round with answers”"
    assert step.url == reverse("assessments:answer", kwargs={"slug": "city-a", "pk": item.pk})
    invitation = Invitation.objects.get(round=item, user=respondent)
    Answer.objects.create(invitation=invitation, question_id="food/urgency", score=2)
    [step] = steps_of(respondent)
    total = question_count()
    assert step.title == "Finish your answers to “Round with answers”"
    assert step.why == (f"You answered 1 of {total} questions; submit them when you are done.")
    assert step.urgency is Urgency.DUE and step.count == total - 1
    invitation.submitted_at = invitation.answers.get().updated_at
    invitation.save()
    assert "Finish your answers" not in " ".join(titles(steps_of(respondent)))
