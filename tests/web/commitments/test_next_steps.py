"""Commitments past their date or due within 30 days, for the people who keep them."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from mechelen.web.commitments.models import Commitment, CommitmentStatus
from mechelen.web.tenancy.next_steps import Urgency
from mechelen.web.tenancy.roles import Role
from tests.web.conftest import World
from tests.web.homes import nothing_due, steps_of, titles


@pytest.fixture(autouse=True)
def _nothing_due(world: World) -> None:
    """The world's commitments are due on a fixed day: a year away, whatever today is."""
    nothing_due(world.a.organisation, world.b.organisation)


def commitment(world: World, title: str, days: int, **more: object) -> Commitment:
    return Commitment.objects.create(
        organisation=world.a.organisation,
        own_title=title,
        owner="Welcome desk",
        target="t",
        due_date=timezone.localdate() + datetime.timedelta(days=days),
        **more,
    )


def test_late_and_due_commitments_wait_for_their_keepers(world: World) -> None:
    nothing_due(world.a.organisation)
    late = commitment(world, "Open the welcome desk", -3, status=CommitmentStatus.IN_PROGRESS)
    soon = commitment(world, "Translate the forms", 10, public=False)
    commitment(world, "Far away", 31)
    commitment(world, "Done already", -5, status=CommitmentStatus.ACHIEVED)
    commitment(world, "Given up", -5, status=CommitmentStatus.DROPPED)
    for role in (Role.ADMINISTRATOR, Role.COORDINATOR):
        steps = steps_of(world.a.users[role])
        assert titles(steps) == [
            "“Open the welcome desk” is past its date",
            "“Translate the forms” is due soon",
        ]
        assert steps[0].urgency is Urgency.LATE and steps[1].urgency is Urgency.DUE
        assert "3 days ago, and is in progress" in steps[0].why
        assert "in 10 days, and is planned" in steps[1].why
        assert steps[0].url == reverse("commitments:edit", kwargs={"slug": "city-a", "pk": late.pk})
        assert steps[1].url == f"/manage/city-a/commitments/{soon.pk}/"


def test_who_may_not_edit_a_commitment_is_not_told_to(world: World) -> None:
    commitment(world, "Open the welcome desk", -3)
    for role in (Role.VIEWER, Role.DATA_STEWARD, Role.RESPONDENT, Role.SERVICE_PROVIDER):
        assert steps_of(world.a.users[role]) == []
    for role in (Role.ADMINISTRATOR, Role.COORDINATOR):
        assert steps_of(world.b.users[role]) == []  # another city's, never


def test_one_day_is_singular(world: World) -> None:
    nothing_due(world.a.organisation)
    commitment(world, "Tomorrow", 1)
    [step] = steps_of(world.a.users[Role.COORDINATOR])
    assert "in 1 day," in step.why


def test_many_late_commitments_make_one_step(world: World) -> None:
    for number in range(6):
        commitment(world, f"Late {number}", -10 + number)
    commitment(world, "Soon", 5)
    steps = steps_of(world.a.users[Role.COORDINATOR])
    assert titles(steps) == ["6 commitments are past their date", "“Soon” is due soon"]
    assert steps[0].count == 6 and steps[0].urgency is Urgency.LATE
    assert steps[0].url == reverse("commitments:list", kwargs={"slug": "city-a"})
    assert steps[0].why.startswith("The oldest was due on ")
