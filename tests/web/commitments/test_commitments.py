"""Commitments: editors add and change them, everything is audited, nobody crosses cities."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from mechelen.web.audit.models import AuditEntry
from mechelen.web.commitments.models import Commitment
from mechelen.web.tenancy.roles import Role
from tests.web.conftest import World, client_for


def add(client: Any, slug: str, **data: Any) -> Any:
    form = {
        "owner": "Integration service",
        "target": "1,200 learners",
        "due_date": "2027-06-30",
        "status": "planned",
        "public": "on",
    }
    form.update(data)
    return client.post(reverse("commitments:new", kwargs={"slug": slug}), form)


def test_coordinator_adds_a_commitment_of_the_declaration(world: World) -> None:
    user = world.a.users[Role.COORDINATOR]
    response = add(client_for(user), "city-a", paragraph="31")
    assert response.status_code == 302
    item = Commitment.objects.get(organisation=world.a.organisation, paragraph=31)
    assert item.title == "Local integration, language courses and skills certification"
    entry = AuditEntry.objects.get(action="commitment.create", target_id=str(item.pk))
    assert entry.actor == user and entry.organisation == world.a.organisation


def test_a_commitment_of_its_own_needs_a_title(world: World) -> None:
    response = add(client_for(world.a.users[Role.ADMINISTRATOR]), "city-a", paragraph="")
    assert response.status_code == 200
    assert "Give your own commitment a title" in response.content.decode()
    assert not Commitment.objects.filter(
        organisation=world.a.organisation, owner="Integration service"
    ).exists()


def test_the_same_declaration_commitment_is_not_taken_twice(world: World) -> None:
    response = add(client_for(world.a.users[Role.ADMINISTRATOR]), "city-a", paragraph="17")
    assert response.status_code == 200
    assert "already on your list" in response.content.decode()
    assert Commitment.objects.filter(organisation=world.a.organisation, paragraph=17).count() == 1


def test_editing_is_audited_with_the_changed_fields(world: World) -> None:
    item = world.a.public_commitment
    assert item is not None
    client = client_for(world.a.users[Role.ADMINISTRATOR])
    response = client.post(
        reverse("commitments:edit", kwargs={"slug": "city-a", "pk": item.pk}),
        {
            "paragraph": "17",
            "owner": item.owner,
            "target": item.target,
            "due_date": "2027-12-31",
            "status": "achieved",
            "public": "on",
        },
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == "achieved"
    entry = AuditEntry.objects.get(action="commitment.update", target_id=str(item.pk))
    assert entry.details == {"status": "achieved"}


def test_an_editor_of_b_cannot_change_a_commitment_of_a(world: World) -> None:
    item = world.a.private_commitment
    assert item is not None
    client = client_for(world.b.users[Role.ADMINISTRATOR])
    # through A's address: refused
    response = client.post(
        reverse("commitments:edit", kwargs={"slug": "city-a", "pk": item.pk}), {"owner": "B"}
    )
    assert response.status_code == 403
    # through B's own address: A's commitment is not found there
    response = client.post(
        reverse("commitments:edit", kwargs={"slug": "city-b", "pk": item.pk}), {"owner": "B"}
    )
    assert response.status_code == 404
    response = client.post(reverse("commitments:delete", kwargs={"slug": "city-b", "pk": item.pk}))
    assert response.status_code == 404
    item.refresh_from_db()
    assert item.owner == "Cabinet"


def test_private_commitments_stay_inside_the_city(world: World) -> None:
    secret = "Unpublished plan of City A"
    public_page = reverse("portal:city", kwargs={"slug": "city-a"})
    for user in [None, world.outsider, world.analyst, *world.b.users.values()]:
        assert secret not in client_for(user).get(public_page).content.decode()
    inside = client_for(world.a.users[Role.VIEWER]).get(
        reverse("commitments:list", kwargs={"slug": "city-a"})
    )
    assert secret in inside.content.decode()
    assert "Local data on migrants" in client_for(None).get(public_page).content.decode()


def test_the_internal_list_marks_the_commitments_the_public_does_not_see(world: World) -> None:
    page = (
        client_for(world.a.users[Role.VIEWER])
        .get(reverse("commitments:list", args=["city-a"]))
        .content.decode()
    )
    rows = page.split("<tbody>", 1)[1].split("</tbody>", 1)[0].split("<tr>")[1:]
    marked = [row for row in rows if 'class="usa-tag not-public"' in row]
    assert world.a.private_commitment is not None and world.a.public_commitment is not None
    assert len(marked) == 1 and world.a.private_commitment.title in marked[0]
    assert any(world.a.public_commitment.title in row for row in rows if row not in marked)
