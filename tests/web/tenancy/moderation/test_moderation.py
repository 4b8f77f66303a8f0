"""Self-registered organisations wait for a platform administrator, or the network they ask
to join, to approve them; every decision is audited."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import transaction
from django.urls import reverse

from mechelen.web.audit.models import AuditEntry
from mechelen.web.tenancy.access import access_for_user
from mechelen.web.tenancy.models import Membership, Network, Organisation
from mechelen.web.tenancy.networks.rules import NotApproved
from mechelen.web.tenancy.roles import OrganisationStatus, Role
from tests.web.conftest import PASSWORD, World, client_for


def register(client_network: str = "") -> Organisation:
    response = client_for(None).post(
        reverse("accounts:register"),
        {
            "slug": "newtown",
            "name": "Newtown",
            "country": "BEL",
            "level": "local",
            "username": "founder",
            "email": "founder@example.org",
            "password": "a-long-and-unusual-passphrase",
            "requested_network": client_network,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return Organisation.objects.get(slug="newtown")


def test_the_command_and_a_superuser_make_platform_administrators(db: object) -> None:
    person = get_user_model().objects.create_user("operator", password=PASSWORD)
    assert not access_for_user(person).platform_admin
    call_command("platform_admin", "operator")
    assert access_for_user(person).platform_admin
    assert AuditEntry.objects.filter(action="platform_admin.grant").exists()
    call_command("platform_admin", "operator", "--remove")
    assert not access_for_user(person).platform_admin
    with pytest.raises(CommandError):
        call_command("platform_admin", "nobody")
    boss = get_user_model().objects.create_superuser("boss", password=PASSWORD)
    assert access_for_user(boss).platform_admin


def test_a_platform_administrator_approves_a_new_city(world: World) -> None:
    newtown = register()
    moderator = client_for(world.platform_admin)
    page = moderator.get(reverse("platform:organisations")).content.decode()
    assert "Newtown" in page and "City A" not in page
    # the moderator may read its public page to decide; the public may not
    assert moderator.get("/cities/newtown/").status_code == 200
    assert client_for(None).get("/cities/newtown/").status_code == 404
    assert moderator.get("/manage/newtown/").status_code == 403  # not its workspace
    assert (
        moderator.post(reverse("platform:approve", kwargs={"slug": "newtown"})).status_code == 302
    )
    newtown.refresh_from_db()
    assert newtown.status == OrganisationStatus.APPROVED
    assert "Newtown" in client_for(None).get(reverse("portal:home")).content.decode()
    assert client_for(None).get("/cities/newtown/").status_code == 200
    entry = AuditEntry.objects.get(action="organisation.approve")
    assert (entry.actor, entry.organisation, entry.details) == (
        world.platform_admin,
        newtown,
        {"by": "platform"},
    )


def test_a_rejected_city_stays_out_of_sight(world: World) -> None:
    newtown = register()
    moderator = client_for(world.platform_admin)
    moderator.post(reverse("platform:reject", kwargs={"slug": "newtown"}))
    newtown.refresh_from_db()
    assert newtown.status == OrganisationStatus.REJECTED
    assert client_for(None).get("/cities/newtown/").status_code == 404
    assert AuditEntry.objects.filter(action="organisation.reject", organisation=newtown).exists()
    founder = client_for(get_user_model().objects.get(username="founder"))
    assert "Not approved" in founder.get("/manage/newtown/").content.decode()
    # rejecting twice does nothing more
    moderator.post(reverse("platform:reject", kwargs={"slug": "newtown"}))
    assert AuditEntry.objects.filter(action="organisation.reject").count() == 1


def test_the_network_it_asks_to_join_approves_it(world: World) -> None:
    other = Network.objects.create(slug="other", name="Other network")
    other_analyst = get_user_model().objects.create_user("other-analyst", password=PASSWORD)
    Membership.objects.create(user=other_analyst, network=other, role=Role.NETWORK_ANALYST)
    newtown = register(str(world.network.pk))
    assert newtown.requested_network == world.network
    # only the analysts of the network it asks to join see it
    analyst = client_for(world.analyst)
    assert "Newtown" in analyst.get("/networks/net/members/").content.decode()
    assert analyst.get("/cities/newtown/").status_code == 200
    stranger = client_for(other_analyst)
    assert "Newtown" not in stranger.get("/networks/other/members/").content.decode()
    assert stranger.get("/cities/newtown/").status_code == 404
    answer = "/networks/other/members/requests/newtown/"
    assert stranger.post(answer, {"answer": "approve"}).status_code == 404
    assert stranger.post("/networks/net/members/requests/newtown/").status_code == 403
    # approved by the network: public, and a member of it
    response = analyst.post("/networks/net/members/requests/newtown/", {"answer": "approve"})
    assert response.status_code == 302
    newtown.refresh_from_db()
    assert newtown.approved and world.network.members.filter(pk=newtown.pk).exists()
    assert client_for(None).get("/cities/newtown/").status_code == 200
    logged = AuditEntry.objects.filter(organisation=newtown, actor=world.analyst)
    assert {e.action for e in logged} == {"organisation.approve", "network.join.approve"}
    assert logged.get(action="organisation.approve").details == {"by": "net"}


def test_a_declined_request_leaves_it_pending(world: World) -> None:
    newtown = register(str(world.network.pk))
    client_for(world.analyst).post("/networks/net/members/requests/newtown/", {"answer": "decline"})
    newtown.refresh_from_db()
    assert newtown.status == OrganisationStatus.PENDING and newtown.requested_network is None
    assert client_for(world.analyst).get("/cities/newtown/").status_code == 404
    assert AuditEntry.objects.filter(action="network.join.decline").exists()


def test_a_pending_city_asks_from_its_workspace(world: World) -> None:
    register()
    founder = client_for(get_user_model().objects.get(username="founder"))
    page = founder.get("/manage/newtown/").content.decode()
    assert "Ask a network to approve you" in page
    founder.post("/manage/newtown/join-network/", {"network": "net"})
    assert Organisation.objects.get(slug="newtown").requested_network == world.network
    assert AuditEntry.objects.filter(action="network.join.request").exists()


def test_no_way_puts_a_pending_city_in_a_network(world: World) -> None:
    newtown = register()
    with pytest.raises(NotApproved), transaction.atomic():
        world.network.members.add(newtown)
    with pytest.raises(NotApproved), transaction.atomic():
        newtown.networks.add(world.network)
    with pytest.raises(CommandError):
        call_command("create_network", "fresh", "Fresh network", "--member", "newtown")
    analyst = client_for(world.analyst)
    analyst.post("/networks/net/members/", {"organisation": "newtown"})
    assert not world.network.members.filter(pk=newtown.pk).exists()
