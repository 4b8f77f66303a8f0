"""A network's analysts keep its member list; the list is public; every change is audited."""

from __future__ import annotations

from django.core.management import call_command
from django.urls import reverse

from mechelen.web.audit.models import AuditEntry
from mechelen.web.tenancy.models import Membership, Network, Organisation
from mechelen.web.tenancy.roles import Level, OrganisationStatus, Role
from tests.web.conftest import World, client_for


def test_the_analyst_adds_and_removes_members(world: World) -> None:
    newcomer = Organisation.objects.create(
        slug="city-c",
        name="City C",
        country="FRA",
        level=Level.LOCAL,
        status=OrganisationStatus.APPROVED,
    )
    client = client_for(world.analyst)
    members = reverse("networks:members", kwargs={"slug": "net"})
    assert client.post(members, {"organisation": "city-c"}).status_code == 302
    assert world.network.members.filter(pk=newcomer.pk).exists()
    public = (
        client_for(None).get(reverse("portal:network", kwargs={"slug": "net"})).content.decode()
    )
    assert "City C" in public and "France" in public
    client.post(reverse("networks:member_remove", kwargs={"slug": "net", "member": "city-c"}))
    assert not world.network.members.filter(pk=newcomer.pk).exists()
    assert [e.action for e in AuditEntry.objects.filter(organisation=newcomer).order_by("pk")] == [
        "network.member.add",
        "network.member.remove",
    ]


def test_city_administrators_do_not_manage_the_network(world: World) -> None:
    client = client_for(world.a.users[Role.ADMINISTRATOR])
    response = client.post(
        reverse("networks:members", kwargs={"slug": "net"}), {"organisation": "city-a"}
    )
    assert response.status_code == 403


def test_create_network_command(world: World) -> None:
    call_command(
        "create_network",
        "uclg",
        "United Cities and Local Governments",
        analyst="outsider",
        member=["city-a", "city-b"],
    )
    network = Network.objects.get(slug="uclg")
    assert set(network.members.values_list("slug", flat=True)) == {"city-a", "city-b"}
    assert Membership.objects.filter(
        user=world.outsider, network=network, role=Role.NETWORK_ANALYST
    ).exists()
    assert AuditEntry.objects.filter(action="network.create").exists()
