"""An organisation's workspace opens with that organisation's next steps."""

from __future__ import annotations

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from mechelen.web.commitments.models import Commitment
from mechelen.web.tenancy.models import Membership
from mechelen.web.tenancy.roles import Role
from tests.web.conftest import World, client_for
from tests.web.homes import nothing_due


@pytest.fixture(autouse=True)
def _nothing_due(world: World) -> None:
    """The world's commitments are due on a fixed day: a year away, whatever today is."""
    nothing_due(world.a.organisation, world.b.organisation)


def workspace(user: object, slug: str, language: str = "en") -> str:
    response = client_for(user).get(
        reverse("tenancy:workspace", kwargs={"slug": slug}), headers={"Accept-Language": language}
    )
    assert response.status_code == 200
    return response.content.decode()


def late(world_city: object, title: str) -> None:
    Commitment.objects.create(
        organisation=world_city.organisation,  # type: ignore[attr-defined]
        own_title=title,
        owner="o",
        target="t",
        due_date=timezone.localdate() - datetime.timedelta(days=1),
    )


def test_the_workspace_shows_its_own_next_steps_first(world: World) -> None:
    coordinator = world.a.users[Role.COORDINATOR]
    Membership.objects.create(
        user=coordinator, organisation=world.b.organisation, role=Role.COORDINATOR
    )
    late(world.a, "Late in City A")
    late(world.b, "Late in City B")
    html = workspace(coordinator, "city-a")
    assert html.index("What next") < html.index("Late in City A") < html.index("Level")
    assert "Late in City B" not in html
    assert "next-steps__group" not in html  # one organisation: no group headings
    assert "Late in City B" in workspace(coordinator, "city-b")


def test_a_viewer_s_workspace_has_nothing_to_do(world: World) -> None:
    late(world.a, "Late in City A")
    html = workspace(world.a.users[Role.VIEWER], "city-a", "fr")
    assert "Late in City A" not in html
    assert "Que faire ensuite" in html and "Rien ne vous attend." in html
