"""Organisations waiting for approval: on the platform administrators' home, on the home of
the analysts of the network they ask to join, and on their own administrators'."""

from __future__ import annotations

import pytest
from django.urls import reverse

from mechelen.web.tenancy.models import Membership, Organisation
from mechelen.web.tenancy.next_steps import Urgency
from mechelen.web.tenancy.roles import Level, OrganisationStatus, Role
from tests.web.conftest import World
from tests.web.homes import nothing_due, steps_of, titles


@pytest.fixture(autouse=True)
def _nothing_due(world: World) -> None:
    """The world's commitments are due on a fixed day: a year away, whatever today is."""
    nothing_due(world.a.organisation, world.b.organisation)


def pending(slug: str, **more: object) -> Organisation:
    return Organisation.objects.create(
        slug=slug,
        name=slug.title(),
        country="BEL",
        level=Level.LOCAL,
        status=OrganisationStatus.PENDING,
        **more,
    )


def test_the_platform_administrator_sees_how_many_organisations_wait(world: World) -> None:
    assert steps_of(world.platform_admin) == []
    pending("newtown")
    pending("oldtown")
    [step] = steps_of(world.platform_admin)
    assert step.title == "Approve or reject 2 organisations"
    assert step.count == 2 and step.urgency is Urgency.DUE
    assert step.url == reverse("platform:organisations")
    for person in (world.a.users[Role.ADMINISTRATOR], world.analyst, world.outsider):
        assert not any("Approve or reject" in t for t in titles(steps_of(person)))


def test_one_organisation_is_worded_in_the_singular(world: World) -> None:
    pending("newtown")
    assert titles(steps_of(world.platform_admin)) == ["Approve or reject 1 organisation"]


def test_the_network_s_analyst_answers_the_requests_to_join_it(world: World) -> None:
    pending("newtown", requested_network=world.network)
    pending("elsewhere")  # asks no network: not the analyst's
    [step] = steps_of(world.analyst)
    assert step.title == "Answer 1 request to join Network"
    assert step.url == reverse("networks:members", kwargs={"slug": world.network.slug})


def test_a_pending_organisation_s_administrator_is_told_to_ask_a_network(world: World) -> None:
    newtown = pending("newtown")
    admin = world.outsider
    Membership.objects.create(user=admin, organisation=newtown, role=Role.ADMINISTRATOR)
    Membership.objects.create(user=world.analyst, organisation=newtown, role=Role.VIEWER)
    [step] = steps_of(admin, newtown)
    assert step.title == "Ask a network to approve Newtown"
    assert step.url == reverse("tenancy:workspace", kwargs={"slug": "newtown"}) + "#join-network"
    assert steps_of(world.analyst, newtown) == []  # a viewer may not ask
    newtown.requested_network = world.network
    newtown.save()
    [step] = steps_of(admin, newtown)
    assert step.title == "Newtown waits for approval" and step.urgency is Urgency.INFO
