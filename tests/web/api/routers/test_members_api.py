"""An organisation's profile, members, invitations and audit log through the API:
administrators only, the site's checks, and every change in the audit log."""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model

from mechelen.web.audit.log import record
from mechelen.web.audit.models import AuditEntry
from mechelen.web.tenancy.members import invitations
from mechelen.web.tenancy.models import Invitation, Membership
from mechelen.web.tenancy.roles import Role
from tests.web.api.helpers import api_call
from tests.web.conftest import World

PASSWORD = "a-long-test-password-42"


def test_an_administrator_changes_the_profile_and_the_endorsement(world: World) -> None:
    admin = world.a.users[Role.ADMINISTRATOR]
    body = {"population": 87_000, "migration_roles": ["destination", "transit"]}
    response = api_call(admin, "PATCH", "city-a", {**body, "endorsed_on": "2024-09-01"})
    assert response.status_code == 200, response.content
    assert response.json()["population"] == 87_000
    assert response.json()["endorsed_on"] == "2024-09-01"
    assert response.json()["name"] == "City A"
    update = AuditEntry.objects.get(action="organisation.update", actor=admin)
    assert update.details == {"population": 87_000, "migration_roles": ["destination", "transit"]}
    assert AuditEntry.objects.filter(action="organisation.endorse", actor=admin).exists()
    withdrawn = api_call(admin, "PATCH", "city-a", {"endorsed_on": None})
    assert withdrawn.json()["endorsed_on"] is None
    assert AuditEntry.objects.filter(action="organisation.withdraw").exists()
    assert not AuditEntry.objects.filter(action="organisation.update").exclude(pk=update.pk)


def test_the_profile_form_refuses_bad_values(world: World) -> None:
    admin = world.a.users[Role.ADMINISTRATOR]
    for body in ({"country": "XXX"}, {"level": "planet"}, {"name": ""}, {"migration_roles": ["x"]}):
        response = api_call(admin, "PATCH", "city-a", body)
        assert response.status_code == 422, body
    world.a.organisation.refresh_from_db()
    assert world.a.organisation.country == "BEL"
    assert not AuditEntry.objects.filter(action="organisation.update").exists()


def test_an_administrator_invites_then_changes_and_takes_roles(world: World) -> None:
    """``POST /members`` offers the role (202); the person holds it once they accept."""
    admin = world.a.users[Role.ADMINISTRATOR]
    newcomer = world.outsider
    offered = api_call(admin, "POST", "city-a/members", {"invited": "outsider", "role": "viewer"})
    assert offered.status_code == 202, offered.content
    assert offered.json() == {
        "invited": "outsider",
        "role": "viewer",
        "status": "pending",
        "expires_in_days": 14,
    }
    assert not Membership.objects.filter(user=newcomer).exists()
    listed = api_call(admin, "GET", "city-a/invitations").json()
    assert [(i["invited"], i["status"], i["invited_by"]) for i in listed] == [
        ("outsider", "pending", admin.username)
    ]
    invitations.accept(newcomer, Invitation.objects.get(pk=listed[0]["id"]))
    membership = Membership.objects.get(user=newcomer)
    assert api_call(admin, "GET", "city-a/invitations").json()[0]["status"] == "accepted"
    changed = api_call(admin, "PATCH", f"city-a/members/{membership.pk}", {"role": "coordinator"})
    assert changed.status_code == 200
    roles = set(Membership.objects.filter(user=newcomer).values_list("role", flat=True))
    assert roles == {Role.COORDINATOR}
    taken = api_call(admin, "DELETE", f"city-a/members/{changed.json()['id']}")
    assert taken.status_code == 204
    assert not Membership.objects.filter(user=newcomer).exists()
    actions = list(AuditEntry.objects.filter(actor=admin).values_list("action", flat=True))
    assert sorted(actions) == sorted(
        ["invitation.create", "membership.give", "membership.take", "membership.take"]
    )
    accepted = AuditEntry.objects.get(action="invitation.accept")
    assert (accepted.actor, accepted.organisation) == (newcomer, world.a.organisation)


def test_an_invitation_is_withdrawn_once(world: World) -> None:
    admin = world.a.users[Role.ADMINISTRATOR]
    api_call(admin, "POST", "city-a/members", {"invited": "someone@example.org", "role": "viewer"})
    pk = api_call(admin, "GET", "city-a/invitations").json()[0]["id"]
    assert api_call(admin, "DELETE", f"city-a/invitations/{pk}").status_code == 204
    assert api_call(admin, "DELETE", f"city-a/invitations/{pk}").status_code == 409
    assert api_call(admin, "GET", "city-a/invitations").json()[0]["status"] == "revoked"
    theirs = api_call(world.b.users[Role.ADMINISTRATOR], "DELETE", f"city-b/invitations/{pk}")
    assert theirs.status_code == 404
    assert AuditEntry.objects.filter(action="invitation.revoke", actor=admin).count() == 1


def test_an_invitation_needs_a_name_and_an_organisation_role(world: World) -> None:
    admin = world.a.users[Role.ADMINISTRATOR]
    for body in (
        {"invited": "", "role": "viewer"},
        {"invited": "analyst", "role": "network_analyst"},
        {"username": "old-style", "role": "viewer", "password": PASSWORD},
    ):
        assert api_call(admin, "POST", "city-a/members", body).status_code == 422, body
    assert not Invitation.objects.exists()
    assert not get_user_model().objects.filter(username="old-style").exists()


def test_the_last_administrator_stays(world: World) -> None:
    admin = world.a.users[Role.ADMINISTRATOR]
    own = Membership.objects.get(user=admin, organisation=world.a.organisation)
    assert api_call(admin, "DELETE", f"city-a/members/{own.pk}").status_code == 409
    assert api_call(admin, "PATCH", f"city-a/members/{own.pk}", {"role": "viewer"}).status_code == (
        409
    )
    assert set(Membership.objects.filter(user=admin).values_list("role", flat=True)) == {
        Role.ADMINISTRATOR
    }


def test_another_city_s_membership_is_not_found(world: World) -> None:
    admin = world.a.users[Role.ADMINISTRATOR]
    theirs = Membership.objects.filter(organisation=world.b.organisation).first()
    assert theirs is not None
    assert api_call(admin, "DELETE", f"city-a/members/{theirs.pk}").status_code == 404
    assert Membership.objects.filter(pk=theirs.pk).exists()


def test_the_audit_log_is_paged_newest_first(world: World) -> None:
    for number in range(55):
        record(None, f"test.entry.{number:02d}", None, world.a.organisation)
    record(None, "test.other-city", None, world.b.organisation)
    admin = world.a.users[Role.ADMINISTRATOR]
    first = api_call(admin, "GET", "city-a/audit-log").json()
    assert (first["page"], first["pages"], first["count"]) == (1, 2, 55)
    assert first["entries"][0]["action"] == "test.entry.54"
    second = api_call(admin, "GET", "city-a/audit-log?page=2").json()
    assert [e["action"] for e in second["entries"]][-1] == "test.entry.00"
    every = [e["action"] for e in first["entries"] + second["entries"]]
    assert "test.other-city" not in every
    assert datetime.datetime.fromisoformat(first["entries"][0]["at"].replace("Z", "+00:00"))
