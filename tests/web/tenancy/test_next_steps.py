"""The registry of next steps: providers added by apps, their failures, the order and groups."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

import pytest
from django.utils import translation

from mechelen.web.tenancy import next_steps
from mechelen.web.tenancy.next_steps import Home, NextStep, Urgency, grouped
from mechelen.web.tenancy.roles import Role
from tests.web.conftest import World
from tests.web.homes import home_for, nothing_due, steps_of, titles


@pytest.fixture(autouse=True)
def _nothing_due(world: World) -> None:
    """The world's commitments are due on a fixed day: a year away, whatever today is."""
    nothing_due(world.a.organisation, world.b.organisation)


@pytest.fixture
def added() -> Iterator[list[Any]]:
    """Providers a test registers, taken away after it."""
    mine: list[Any] = []
    yield mine
    for provider in mine:
        next_steps.unregister(provider)


def add(added: list[Any], provider: Any) -> None:
    added.append(next_steps.register(provider))


def test_a_provider_registered_by_another_app_is_asked(world: World, added: list[Any]) -> None:
    seen: list[Home] = []

    def plan(home: Home) -> list[NextStep]:
        seen.append(home)
        return [
            NextStep(
                "Write the local plan", "The council asks for it.", "/plan/", Urgency.LATE, 1, o
            )
            for o in home.organisations
        ]

    add(added, plan)
    steps = steps_of(world.a.users[Role.VIEWER])
    assert "Write the local plan" in titles(steps)
    assert seen[0].organisations == (world.a.organisation,)
    assert seen[0].personal
    assert steps[0].urgency is Urgency.LATE  # the late first
    next_steps.register(plan)  # a second time changes nothing
    assert next_steps.providers().count(plan) == 1


def test_a_failing_provider_is_logged_and_hides_nothing_else(
    world: World, added: list[Any], caplog: pytest.LogCaptureFixture
) -> None:
    def broken(home: Home) -> list[NextStep]:
        raise RuntimeError("bug in one app")

    def working(home: Home) -> list[NextStep]:
        return [NextStep("Still shown", "why", "/", organisation=world.a.organisation)]

    add(added, broken)
    add(added, working)
    with caplog.at_level(logging.ERROR, logger="mechelen.web.tenancy.next_steps"):
        steps = steps_of(world.a.users[Role.VIEWER])
    assert "Still shown" in titles(steps)
    assert "broken" in caplog.text and "bug in one app" in caplog.text


def test_steps_of_an_organisation_not_asked_about_are_dropped(
    world: World, added: list[Any]
) -> None:
    """A provider's slip never shows city B's items to city A's people, nor a person's own
    steps on a workspace."""

    def careless(home: Home) -> list[NextStep]:
        return [
            NextStep("Secret of City B", "why", "/", organisation=world.b.organisation),
            NextStep("Personal", "why", "/"),
        ]

    add(added, careless)
    viewer = world.a.users[Role.VIEWER]
    assert "Secret of City B" not in titles(steps_of(viewer))
    assert "Personal" in titles(steps_of(viewer))
    assert "Personal" not in titles(steps_of(viewer, world.a.organisation))


def test_groups_put_the_person_s_own_first_then_the_most_urgent_organisation(
    world: World,
) -> None:
    a, b = world.a.organisation, world.b.organisation
    steps = [
        NextStep("A info", "", "/", Urgency.INFO, organisation=a),
        NextStep("B late", "", "/", Urgency.LATE, organisation=b),
        NextStep("A due", "", "/", Urgency.DUE, organisation=a),
        NextStep("Mine", "", "/", Urgency.TODO),
    ]
    groups = grouped(steps)
    assert [g.organisation for g in groups] == [None, b, a]
    assert [s.title for s in groups[2].steps] == ["A due", "A info"]


def test_the_home_of_a_person_asks_about_their_organisations_only(world: World) -> None:
    home = home_for(world.b.users[Role.COORDINATOR])
    assert home.organisations == (world.b.organisation,)
    assert home_for(world.outsider).organisations == ()
    with translation.override("en"):
        assert Urgency.LATE.label == "Late" and Urgency.DUE.tag == "due"
    with translation.override("fr"):
        assert Urgency.LATE.label == "En retard"
