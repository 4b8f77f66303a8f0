"""Two cities (A and B) with one person per role each, a network with its analyst, a platform
administrator, a person with no role, and a visitor."""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.test import Client
from django.utils import translation

from mechelen.web.commitments.models import Commitment, CommitmentStatus
from mechelen.web.tenancy.models import Membership, Network, Organisation
from mechelen.web.tenancy.moderation.actions import set_platform_admin
from mechelen.web.tenancy.roles import ORGANISATION_ROLES, Level, OrganisationStatus, Role

PASSWORD = "a-long-test-password-42"


@dataclass
class City:
    organisation: Organisation
    users: dict[Role, Any] = field(default_factory=dict)
    private_commitment: Commitment | None = None
    public_commitment: Commitment | None = None


@dataclass
class World:
    a: City
    b: City
    network: Network
    analyst: Any
    outsider: Any  # logged in, no role anywhere
    platform_admin: Any = None  # approves organisations; no role in any

    def city(self, name: str) -> City:
        return self.a if name == "a" else self.b


def make_city(slug: str, name: str) -> City:
    organisation = Organisation.objects.create(
        slug=slug,
        name=name,
        country="BEL",
        level=Level.LOCAL,
        population=86_000,
        status=OrganisationStatus.APPROVED,
    )
    city = City(organisation)
    for role in ORGANISATION_ROLES:
        user = get_user_model().objects.create_user(f"{slug}-{role.value}", password=PASSWORD)
        Membership.objects.create(user=user, organisation=organisation, role=role)
        city.users[role] = user
    due = datetime.date(2027, 12, 31)
    city.public_commitment = Commitment.objects.create(
        organisation=organisation,
        paragraph=17,
        owner="Statistics",
        target="Yearly tables",
        due_date=due,
    )
    city.private_commitment = Commitment.objects.create(
        organisation=organisation,
        own_title=f"Unpublished plan of {name}",
        owner="Cabinet",
        target="Secret target",
        due_date=due,
        status=CommitmentStatus.PLANNED,
        public=False,
    )
    return city


@pytest.fixture(autouse=True)
def empty_cache() -> None:
    """Each test starts with an empty cache (cached results are keyed by database ids)."""
    cache.clear()


@pytest.fixture(autouse=True)
def default_language() -> Iterator[None]:
    """Each test starts in the site's language: a page asked in Spanish leaves Spanish active
    in the thread (Django's LocaleMiddleware does not undo it), which a later test calling a
    function directly would otherwise read."""
    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture
def world(db: Any) -> World:
    return build_world()


def build_world() -> World:
    """The two cities, the network and the people without a city role (the browser tests'
    accessibility walk builds the same world for its live server)."""
    a = make_city("city-a", "City A")
    b = make_city("city-b", "City B")
    network = Network.objects.create(slug="net", name="Network")
    network.members.set([a.organisation, b.organisation])
    analyst = get_user_model().objects.create_user("analyst", password=PASSWORD)
    Membership.objects.create(user=analyst, network=network, role=Role.NETWORK_ANALYST)
    outsider = get_user_model().objects.create_user("outsider", password=PASSWORD)
    platform_admin = get_user_model().objects.create_user("moderator", password=PASSWORD)
    set_platform_admin(None, platform_admin, True)
    return World(a, b, network, analyst, outsider, platform_admin)


def client_for(user: Any | None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client
