"""Indicators off track and values missing for the latest year, by role."""

from __future__ import annotations

import pytest
from django.urls import reverse

from mechelen.web.followup.indicators.actions import record_observation
from mechelen.web.followup.indicators.specs import catalogue
from mechelen.web.followup.models import CityIndicator
from mechelen.web.tenancy.next_steps import Urgency
from mechelen.web.tenancy.roles import Role
from tests.web.conftest import World
from tests.web.followup.factories import indicator_of
from tests.web.homes import nothing_due, steps_of, titles


@pytest.fixture(autouse=True)
def _nothing_due(world: World) -> None:
    """The world's commitments are due on a fixed day: a year away, whatever today is."""
    nothing_due(world.a.organisation, world.b.organisation)


LABEL = "Participants in language courses"


def off_track(world: World) -> CityIndicator:
    item = indicator_of(world.a)
    for year, value in ((2020, 110.0), (2022, 100.0)):
        record_observation(None, item, {"year": year, "value": value})
    return item


def test_an_editor_reviews_an_indicator_moving_away(world: World) -> None:
    item = off_track(world)
    for role in (Role.COORDINATOR, Role.ADMINISTRATOR):
        [step] = steps_of(world.a.users[role])
        assert step.title.startswith("Review “") and step.title.endswith("”: it is off track")
        assert step.why.startswith("Moving away: its latest values move away from the target.")
        assert "Its target is 240 by 2030." in step.why
        assert step.urgency is Urgency.TODO
        assert step.url == reverse("followup:indicator", kwargs={"slug": "city-a", "pk": item.pk})


def test_a_viewer_is_told_not_asked(world: World) -> None:
    off_track(world)
    for role in (Role.VIEWER, Role.DATA_STEWARD):
        [step] = steps_of(world.a.users[role])
        assert step.title.endswith("” is off track") and not step.title.startswith("Review")
        assert step.urgency is Urgency.INFO
    for role in (Role.RESPONDENT, Role.SERVICE_PROVIDER):
        assert steps_of(world.a.users[role]) == []
    for role in (Role.COORDINATOR, Role.VIEWER):
        assert steps_of(world.b.users[role]) == []  # another city's, never


def test_on_track_is_nothing_to_do(world: World) -> None:
    item = indicator_of(world.a)
    for year, value in ((2020, 150.0), (2022, 180.0)):
        record_observation(None, item, {"year": year, "value": value})
    assert steps_of(world.a.users[Role.COORDINATOR]) == []


def test_values_missing_for_the_latest_year(world: World) -> None:
    first = indicator_of(world.a)
    record_observation(None, first, {"year": 2024, "value": 200.0})
    second = indicator_of(world.a, "naturalisation-rate")
    record_observation(None, second, {"year": 2023, "value": 1.0})
    steps = steps_of(world.a.users[Role.COORDINATOR])
    [missing] = [s for s in steps if s.title.startswith("Record")]
    assert missing.title == "Record the 2024 value of 1 indicator"
    assert missing.count == 1
    assert "have none yet: “" in missing.why
    assert missing.url == reverse("followup:indicators", kwargs={"slug": "city-a"})
    assert not any(t.startswith("Record") for t in titles(steps_of(world.a.users[Role.VIEWER])))


def test_many_indicators_off_track_make_one_step(world: World) -> None:
    judged = [s for s in catalogue().indicators if s.direction is not None][:6]
    assert len(judged) == 6
    for spec in judged:
        rising = spec.direction == "higher-is-better"
        item = CityIndicator.objects.create(
            organisation=world.a.organisation,
            indicator_id=spec.id,
            baseline_year=2018,
            baseline_value=50.0,
            target_value=80.0 if rising else 20.0,
            target_year=2030,
        )
        for year, value in ((2020, 45.0), (2022, 40.0)) if rising else ((2020, 55.0), (2022, 60.0)):
            record_observation(None, item, {"year": year, "value": value})
    [step] = steps_of(world.a.users[Role.COORDINATOR])
    assert step.title == "Review 6 indicators off track"
    assert step.count == 6
    assert step.why.endswith("and 3 others.")
    assert step.url == reverse("followup:indicators", kwargs={"slug": "city-a"})
    [step] = steps_of(world.a.users[Role.VIEWER])
    assert step.title == "6 indicators are off track" and step.urgency is Urgency.INFO
