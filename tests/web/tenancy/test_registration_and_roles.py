"""Registering a government, endorsing the Declaration, giving and taking roles."""

from __future__ import annotations

from django.urls import reverse

from mechelen.web.audit.models import AuditEntry
from mechelen.web.tenancy.models import Invitation, Membership, Organisation
from mechelen.web.tenancy.roles import Role
from tests.web.conftest import World, client_for


def test_a_city_registers_and_its_registrant_becomes_administrator(db: object) -> None:
    client = client_for(None)
    response = client.post(
        reverse("accounts:register"),
        {
            "slug": "malines",
            "name": "Malines",
            "country": "BEL",
            "level": "local",
            "population": "86000",
            "population_year": "2024",
            "migration_roles": ["destination", "transit"],
            "username": "ana",
            "email": "ana@example.org",
            "password": "a-long-and-unusual-passphrase",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    organisation = Organisation.objects.get(slug="malines")
    assert organisation.migration_roles == ["destination", "transit"]
    assert organisation.status == "pending"  # out of public sight until approved
    assert Membership.objects.get(organisation=organisation).role == Role.ADMINISTRATOR
    assert AuditEntry.objects.filter(
        action="organisation.register", organisation=organisation
    ).exists()
    # the new administrator is logged in and reaches the workspace, which says it is pending
    workspace = client.get(reverse("tenancy:workspace", kwargs={"slug": "malines"}))
    assert workspace.status_code == 200
    assert "Pending approval" in workspace.content.decode()


def test_registration_refuses_a_weak_password_and_an_unknown_role(db: object) -> None:
    response = client_for(None).post(
        reverse("accounts:register"),
        {
            "slug": "x",
            "name": "X",
            "country": "BEL",
            "level": "local",
            "migration_roles": ["nowhere"],
            "username": "x",
            "email": "x@example.org",
            "password": "123",
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "This password is too short" in page
    assert "nowhere is not one of the available choices" in page
    assert not Organisation.objects.filter(slug="x").exists()


def test_endorsement_is_recorded_and_shown_publicly(world: World) -> None:
    client = client_for(world.a.users[Role.ADMINISTRATOR])
    response = client.post(
        reverse("tenancy:endorse", kwargs={"slug": "city-a"}), {"endorsed_on": "2017-11-17"}
    )
    assert response.status_code == 302
    world.a.organisation.refresh_from_db()
    assert str(world.a.organisation.endorsed_on) == "2017-11-17"
    assert AuditEntry.objects.filter(action="organisation.endorse").exists()
    assert (
        "Endorsed on"
        in client_for(None).get(reverse("portal:city", kwargs={"slug": "city-a"})).content.decode()
    )


def test_an_administrator_invites_and_the_person_accepts(world: World) -> None:
    client = client_for(world.a.users[Role.ADMINISTRATOR])
    response = client.post(
        reverse("tenancy:members", kwargs={"slug": "city-a"}),
        {"invited": "outsider", "role": "data_steward"},
    )
    assert response.status_code == 302
    assert not Membership.objects.filter(user=world.outsider).exists()
    assert AuditEntry.objects.filter(action="invitation.create").exists()
    invitation = Invitation.objects.get(invited="outsider")
    client_for(world.outsider).post(
        reverse("accounts:invitation_answer", kwargs={"pk": invitation.pk}), {"answer": "accept"}
    )
    membership = Membership.objects.get(user=world.outsider)
    assert membership.organisation == world.a.organisation and membership.role == Role.DATA_STEWARD


def test_the_last_administrator_keeps_the_role(world: World) -> None:
    admin = world.a.users[Role.ADMINISTRATOR]
    membership = Membership.objects.get(user=admin, organisation=world.a.organisation)
    client_for(admin).post(
        reverse("tenancy:member_remove", kwargs={"slug": "city-a", "pk": membership.pk})
    )
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_a_membership_of_b_cannot_be_removed_through_a(world: World) -> None:
    theirs = Membership.objects.get(
        user=world.b.users[Role.VIEWER], organisation=world.b.organisation
    )
    response = client_for(world.a.users[Role.ADMINISTRATOR]).post(
        reverse("tenancy:member_remove", kwargs={"slug": "city-a", "pk": theirs.pk})
    )
    assert response.status_code == 404
    assert Membership.objects.filter(pk=theirs.pk).exists()


def test_the_audit_log_shows_the_city_own_entries_only(world: World) -> None:
    client_for(world.b.users[Role.ADMINISTRATOR]).post(
        reverse("tenancy:endorse", kwargs={"slug": "city-b"}), {"endorsed_on": "2019-01-01"}
    )
    client_for(world.a.users[Role.ADMINISTRATOR]).post(
        reverse("tenancy:endorse", kwargs={"slug": "city-a"}), {"endorsed_on": "2018-01-01"}
    )
    page = (
        client_for(world.a.users[Role.ADMINISTRATOR])
        .get(reverse("tenancy:audit_log", kwargs={"slug": "city-a"}))
        .content.decode()
    )
    assert "2018-01-01" in page and "2019-01-01" not in page
