"""How API callers prove who they are: personal bearer tokens, or the site's session with its
CSRF token for writes. A session write without the CSRF token is refused."""

from __future__ import annotations

import json
from typing import Any

from django.contrib.auth import get_user_model
from django.test import Client

from mechelen.web.accounts.models import ApiToken, token_digest
from mechelen.web.commitments.models import Commitment
from mechelen.web.tenancy.roles import Role
from tests.web.conftest import World

COMMITMENTS = "/api/organisations/city-a/commitments"
NEW = json.dumps(
    {"own_title": "Via the API", "owner": "o", "target": "t", "due_date": "2030-01-01"}
)


def bearer(secret: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {secret}"}


def titles(response: Any) -> set[str]:
    return {item["title"] for item in response.json()}


def logged_in_with_csrf_checks(user: Any) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
    return client


def test_a_token_acts_as_its_owner(world: World) -> None:
    steward = world.a.users[Role.DATA_STEWARD]
    record, secret = ApiToken.issue(steward, "laptop")
    assert record.last_used_at is None
    response = Client().get(COMMITMENTS, headers=bearer(secret))
    assert response.status_code == 200
    assert "Unpublished plan of City A" in titles(response)
    record.refresh_from_db()
    assert record.last_used_at is not None


def test_only_the_tokens_digest_is_stored(world: World) -> None:
    record, secret = ApiToken.issue(world.a.users[Role.VIEWER], "x")
    assert secret.startswith("mch_")
    assert record.digest == token_digest(secret) != secret
    assert not ApiToken.objects.filter(digest=secret).exists()


def test_a_token_writes_without_a_csrf_token(world: World) -> None:
    """Tokens are not sent by browsers on their own, so no CSRF token is asked for."""
    _, secret = ApiToken.issue(world.a.users[Role.COORDINATOR], "script")
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        COMMITMENTS, NEW, content_type="application/json", headers=bearer(secret)
    )
    assert response.status_code == 201, response.content


def test_unknown_malformed_and_other_scheme_tokens_are_refused(world: World) -> None:
    _, secret = ApiToken.issue(world.a.users[Role.ADMINISTRATOR], "x")
    for header in [f"Bearer {secret}x", f"Token {secret}", "Bearer", secret, "Basic YTpi"]:
        response = Client().get(COMMITMENTS, headers={"Authorization": header})
        assert response.status_code == 401, header


def test_the_token_of_a_deactivated_account_is_refused(world: World) -> None:
    administrator = world.a.users[Role.ADMINISTRATOR]
    _, secret = ApiToken.issue(administrator, "x")
    get_user_model().objects.filter(pk=administrator.pk).update(is_active=False)
    assert Client().get(COMMITMENTS, headers=bearer(secret)).status_code == 401


def test_a_token_does_not_lend_its_roles_to_another_city(world: World) -> None:
    _, secret = ApiToken.issue(world.b.users[Role.ADMINISTRATOR], "x")
    response = Client().post(
        COMMITMENTS, NEW, content_type="application/json", headers=bearer(secret)
    )
    assert response.status_code == 403
    assert not Commitment.objects.filter(own_title="Via the API").exists()


def test_a_session_write_without_the_csrf_token_is_refused(world: World) -> None:
    client = logged_in_with_csrf_checks(world.a.users[Role.ADMINISTRATOR])
    created = client.post(COMMITMENTS, NEW, content_type="application/json")
    item = world.a.public_commitment
    assert item is not None
    changed = client.patch(
        f"{COMMITMENTS}/{item.pk}", json.dumps({"target": "x"}), content_type="application/json"
    )
    assert (created.status_code, changed.status_code) == (401, 401)
    assert not Commitment.objects.filter(own_title="Via the API").exists()
    item.refresh_from_db()
    assert item.target != "x"


def test_a_session_write_with_the_csrf_token_is_accepted(world: World) -> None:
    client = logged_in_with_csrf_checks(world.a.users[Role.ADMINISTRATOR])
    client.get("/")  # every page's forms set the CSRF cookie
    token = client.cookies["csrftoken"].value
    response = client.post(
        COMMITMENTS, NEW, content_type="application/json", headers={"X-CSRFToken": token}
    )
    assert response.status_code == 201, response.content


def test_a_session_read_needs_no_csrf_token(world: World) -> None:
    client = logged_in_with_csrf_checks(world.a.users[Role.VIEWER])
    response = client.get(COMMITMENTS)
    assert response.status_code == 200
    assert "Unpublished plan of City A" in titles(response)
