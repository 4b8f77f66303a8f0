"""Releases to approve (administrators), releases to fix and old data (data stewards)."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from mechelen.web.jobs.models import Job, JobStatus
from mechelen.web.statistics.models import Dataset, ReleaseStatus
from mechelen.web.tenancy.next_steps import Urgency
from mechelen.web.tenancy.roles import ORGANISATION_ROLES, Role
from tests.web.conftest import World
from tests.web.homes import nothing_due, steps_of, titles
from tests.web.statistics.factories import dataset_in, release_in


@pytest.fixture(autouse=True)
def _nothing_due(world: World) -> None:
    """The world's commitments are due on a fixed day: a year away, whatever today is."""
    nothing_due(world.a.organisation, world.b.organisation)


def others(world: World, *roles: Role) -> list[object]:
    """Every person of city A but ``roles``, and every person of city B."""
    return [world.a.users[r] for r in ORGANISATION_ROLES if r not in roles] + [
        world.b.users[r] for r in ORGANISATION_ROLES
    ]


def test_only_an_administrator_is_asked_to_approve(world: World) -> None:
    item = release_in(world.a.organisation, ReleaseStatus.SUBMITTED)
    [step] = steps_of(world.a.users[Role.ADMINISTRATOR])
    assert step.title == f"Approve or reject the release “{item.title}”"
    assert step.urgency is Urgency.DUE
    assert step.url == reverse("statistics:release", kwargs={"slug": "city-a", "pk": item.pk})
    for person in others(world, Role.ADMINISTRATOR):
        assert not any(t.startswith("Approve") for t in titles(steps_of(person)))


def test_a_data_steward_fixes_a_refused_release(world: World) -> None:
    item = release_in(world.a.organisation, ReleaseStatus.REJECTED)
    [step] = steps_of(world.a.users[Role.DATA_STEWARD])
    assert step.title == f"Fix the refused release “{item.title}”"
    assert "“Not yet”" in step.why
    assert step.url == reverse("statistics:release_edit", kwargs={"slug": "city-a", "pk": item.pk})
    for person in others(world, Role.DATA_STEWARD):
        assert steps_of(person) == []


def test_a_data_steward_is_told_a_preview_failed(world: World) -> None:
    item = release_in(world.a.organisation, ReleaseStatus.DRAFT)
    assert steps_of(world.a.users[Role.DATA_STEWARD]) == []  # a draft is no step in itself
    item.build_job = Job.objects.create(
        organisation=world.a.organisation, kind="statistics.release", status=JobStatus.FAILED
    )
    item.save()
    [step] = steps_of(world.a.users[Role.DATA_STEWARD])
    assert step.title == f"The preview of “{item.title}” failed"
    assert step.url == reverse("statistics:release", kwargs={"slug": "city-a", "pk": item.pk})


def test_data_older_than_a_year_asks_for_newer_data(world: World) -> None:
    dataset_in(world.a.organisation)
    assert steps_of(world.a.users[Role.DATA_STEWARD]) == []
    Dataset.objects.update(ingested_at=timezone.now() - datetime.timedelta(days=400))
    [step] = steps_of(world.a.users[Role.DATA_STEWARD])
    assert step.title == "Load newer data into the dataset “people”"
    assert "more than a year ago" in step.why
    assert step.url == reverse("statistics:upload", kwargs={"slug": "city-a"})
    for person in others(world, Role.DATA_STEWARD):
        assert steps_of(person) == []
