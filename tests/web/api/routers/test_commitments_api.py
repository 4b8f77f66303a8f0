"""The commitments API applies the same policy as the pages."""

from __future__ import annotations

import json

from mechelen.web.accounts.models import ApiToken
from mechelen.web.audit.models import AuditEntry
from mechelen.web.tenancy.roles import Role
from tests.web.conftest import World, client_for

URL = "/api/organisations/city-a/commitments"


def titles(response: object) -> set[str]:
    return {item["title"] for item in response.json()}  # type: ignore[attr-defined]


def test_visitors_and_other_cities_see_public_commitments_only(world: World) -> None:
    for user in [None, world.outsider, world.analyst, world.b.users[Role.ADMINISTRATOR]]:
        response = client_for(user).get(URL)
        assert response.status_code == 200
        assert titles(response) == {"Local data on migrants"}
    inside = client_for(world.a.users[Role.DATA_STEWARD]).get(URL)
    assert "Unpublished plan of City A" in titles(inside)


def test_only_editors_of_the_city_create_commitments(world: World) -> None:
    token_user = world.a.users[Role.COORDINATOR]
    _, secret = ApiToken.issue(token_user, "test")
    body = json.dumps(
        {"paragraph": 25, "owner": "Schools", "target": "All", "due_date": "2028-01-01"}
    )
    refused = [
        client_for(None).post(URL, body, content_type="application/json").status_code,
        client_for(world.a.users[Role.VIEWER])
        .post(
            URL,
            body,
            content_type="application/json",
            headers={
                "Authorization": f"Bearer {ApiToken.issue(world.a.users[Role.VIEWER], 'v')[1]}"
            },
        )
        .status_code,
        client_for(None)
        .post(
            URL,
            body,
            content_type="application/json",
            headers={
                "Authorization": f"Bearer {ApiToken.issue(world.b.users[Role.ADMINISTRATOR], 'b')[1]}"
            },
        )
        .status_code,
    ]
    assert refused == [403, 403, 403]
    created = client_for(None).post(
        URL, body, content_type="application/json", headers={"Authorization": f"Bearer {secret}"}
    )
    assert created.status_code == 201, created.content
    assert created.json()["title"] == "Inclusive, quality education and lifelong learning"
    assert AuditEntry.objects.filter(action="commitment.create", actor=token_user).exists()


def test_a_wrong_token_is_refused(world: World) -> None:
    response = client_for(None).get(URL, headers={"Authorization": "Bearer mch_nonsense"})
    assert response.status_code == 401


def test_an_unknown_paragraph_is_refused(world: World) -> None:
    _, secret = ApiToken.issue(world.a.users[Role.ADMINISTRATOR], "t")
    body = json.dumps({"paragraph": 99, "owner": "o", "target": "t", "due_date": "2028-01-01"})
    response = client_for(None).post(
        URL, body, content_type="application/json", headers={"Authorization": f"Bearer {secret}"}
    )
    assert response.status_code == 422
