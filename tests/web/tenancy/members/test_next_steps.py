"""An invitation to join an organisation waits on the invitee's home, nobody else's."""

from __future__ import annotations

import pytest
from django.urls import reverse

from mechelen.web.tenancy.members import invitations
from mechelen.web.tenancy.roles import Role
from tests.web.conftest import World
from tests.web.homes import nothing_due, steps_of, titles


@pytest.fixture(autouse=True)
def _nothing_due(world: World) -> None:
    """The world's commitments are due on a fixed day: a year away, whatever today is."""
    nothing_due(world.a.organisation, world.b.organisation)


def test_the_invitee_is_told_to_answer_the_invitation(world: World) -> None:
    invitations.invite(
        world.a.users[Role.ADMINISTRATOR], world.a.organisation, "outsider", Role.VIEWER, str
    )
    [step] = steps_of(world.outsider)
    assert step.title == "Answer the invitation to join City A as viewer"
    assert "city-a-administrator invites you" in step.why
    assert step.url == reverse("accounts:dashboard") + "#invitations"
    assert step.organisation is None
    # nobody else is told, not even the one who invited, and not on the workspace
    assert not any("invitation" in t for t in titles(steps_of(world.a.users[Role.ADMINISTRATOR])))
    assert not steps_of(world.analyst)
    assert "Answer the invitation" not in " ".join(
        titles(steps_of(world.a.users[Role.ADMINISTRATOR], world.a.organisation))
    )


def test_an_answered_invitation_waits_no_more(world: World) -> None:
    item = invitations.invite(
        world.a.users[Role.ADMINISTRATOR], world.a.organisation, "outsider", Role.VIEWER, str
    )
    invitations.decline(world.outsider, item)
    assert steps_of(world.outsider) == []
