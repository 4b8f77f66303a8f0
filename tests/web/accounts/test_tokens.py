"""People create API tokens for their scripts, see them once, and revoke them."""

from __future__ import annotations

import re

from django.urls import reverse

from mechelen.web.accounts.models import ApiToken
from mechelen.web.audit.models import AuditEntry
from mechelen.web.tenancy.models import Membership
from mechelen.web.tenancy.roles import Role
from tests.web.conftest import World, client_for


def test_a_token_is_shown_once_works_and_can_be_revoked(world: World) -> None:
    steward = world.a.users[Role.DATA_STEWARD]
    client = client_for(steward)
    page = client.post(reverse("accounts:tokens"), {"label": "monthly export"}).content.decode()
    secret = re.search(r"<code>(mch_[^<]+)</code>", page)
    assert secret is not None
    assert secret.group(1) not in client.get(reverse("accounts:tokens")).content.decode()
    api = client_for(None).get(
        "/api/organisations/city-a/commitments",
        headers={"Authorization": f"Bearer {secret.group(1)}"},
    )
    assert "Unpublished plan of City A" in api.content.decode()
    token = ApiToken.objects.get(user=steward)
    assert (
        client_for(world.b.users[Role.DATA_STEWARD])
        .post(reverse("accounts:token_revoke", kwargs={"pk": token.pk}))
        .status_code
        == 404
    )
    client.post(reverse("accounts:token_revoke", kwargs={"pk": token.pk}))
    assert not ApiToken.objects.filter(pk=token.pk).exists()
    assert [e.action for e in AuditEntry.objects.filter(actor=steward).order_by("pk")] == [
        "api_token.create",
        "api_token.revoke",
    ]
    revoked = client_for(None).get(
        "/api/organisations/city-a/commitments",
        headers={"Authorization": f"Bearer {secret.group(1)}"},
    )
    assert revoked.status_code == 401


def audit_page(user: object, city: str) -> str:
    url = reverse("tenancy:audit_log", kwargs={"slug": city})
    return client_for(user).get(url).content.decode()


def test_token_entries_reach_the_administrators_of_the_owners_organisations(
    world: World,
) -> None:
    """A token acts with all its owner's roles: each of their organisations' logs shows it."""
    steward = world.a.users[Role.DATA_STEWARD]
    Membership.objects.create(user=steward, organisation=world.b.organisation, role=Role.VIEWER)
    client = client_for(steward)
    client.post(reverse("accounts:tokens"), {"label": "nightly sync"})
    token = ApiToken.objects.get(user=steward)
    client.post(reverse("accounts:token_revoke", kwargs={"pk": token.pk}))
    entries = AuditEntry.objects.filter(actor=steward, action__startswith="api_token.")
    assert sorted((e.action, e.organisation.slug) for e in entries if e.organisation) == [
        ("api_token.create", "city-a"),
        ("api_token.create", "city-b"),
        ("api_token.revoke", "city-a"),
        ("api_token.revoke", "city-b"),
    ]
    assert len(entries) == 4
    for city in (world.a, world.b):
        page = audit_page(city.users[Role.ADMINISTRATOR], city.organisation.slug)
        assert "api_token.create" in page and "api_token.revoke" in page
        assert "nightly sync" in page and steward.username in page


def test_a_token_entry_stays_in_its_owners_organisations(world: World) -> None:
    client_for(world.a.users[Role.VIEWER]).post(reverse("accounts:tokens"), {"label": "mine"})
    page = audit_page(world.b.users[Role.ADMINISTRATOR], world.b.organisation.slug)
    assert "api_token.create" not in page


def test_a_person_without_an_organisation_still_leaves_an_entry(world: World) -> None:
    client_for(world.outsider).post(reverse("accounts:tokens"), {"label": "public reads"})
    entry = AuditEntry.objects.get(actor=world.outsider, action="api_token.create")
    assert entry.organisation is None and entry.details["label"] == "public reads"
