"""People create API tokens for their scripts, see them once, and revoke them."""

from __future__ import annotations

import re

from django.urls import reverse

from mechelen.web.accounts.models import ApiToken
from mechelen.web.audit.models import AuditEntry
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
