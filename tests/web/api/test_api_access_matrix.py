"""Call every API operation as every role of city A and city B, a network analyst, a person
with no role and a visitor (each with a personal API token), and check access_matrix_api.py."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import pytest
from django.test import Client

from mechelen.web.accounts.models import ApiToken
from mechelen.web.api.api import api
from tests.web.access_matrix import PUBLIC
from tests.web.api.access_matrix_api import OPERATIONS, ApiRule
from tests.web.conftest import World
from tests.web.test_access_matrix import actors, expected_allowed

HTTP_METHODS = {"get", "post", "put", "patch", "delete"}
REFUSED = {401, 403}


def operations(schema: dict[str, Any]) -> set[str]:
    return {
        f"{method.upper()} {path}"
        for path, item in schema["paths"].items()
        for method in item
        if method in HTTP_METHODS
    }


def test_every_operation_is_in_the_matrix() -> None:
    found = operations(api.get_openapi_schema(path_prefix="/api/"))
    missing = found - set(OPERATIONS)
    assert not missing, f"add these operations to tests/web/api/access_matrix_api.py: {missing}"
    assert not set(OPERATIONS) - found, "the matrix lists operations that no longer exist"


def test_the_openapi_schema_is_served(db: Any) -> None:
    response = Client().get("/api/openapi.json")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert operations(schema) == operations(api.get_openapi_schema(path_prefix="/api/"))
    assert "GET /api/organisations/{slug}/commitments" in operations(schema)


def call(
    operation: str, params: dict[str, Any], body: dict[str, Any] | None, token: str | None
) -> Any:
    method, path = operation.split(" ", 1)
    return Client().generic(
        method,
        path.format(**params),
        json.dumps(body) if body is not None else "",
        content_type="application/json",
        headers={"Authorization": f"Bearer {token}"} if token else {},
    )


def mismatches(world: World, operation: str, rule: ApiRule) -> list[str]:
    """Where the API's answers differ from the rule, one line per caller."""
    wrong: list[str] = []
    for label, user, city, role in actors(world):
        token = ApiToken.issue(user, "matrix")[1] if user is not None else None
        body = rule.body(world, world.a) if rule.body else None
        response = call(operation, rule.params(world, world.a), body, token)
        allowed = expected_allowed(rule.allowed, city, role, user is not None)
        refused = response.status_code in REFUSED
        if allowed == refused or response.status_code >= 500:
            wrong.append(f"{operation} as {label}: {response.status_code}")
        elif allowed and rule.secret is not None:
            sees = city == "a" and role in rule.sees
            if sees != (rule.secret(world, world.a) in response.content.decode()):
                wrong.append(f"{operation} as {label}: {'hides' if sees else 'shows'} the secret")
    return wrong


@pytest.mark.parametrize("operation", sorted(OPERATIONS))
def test_api_access_matrix(world: World, operation: str) -> None:
    wrong = mismatches(world, operation, OPERATIONS[operation])
    assert not wrong, "\n".join(wrong)


def test_the_walk_reports_a_wrong_rule(world: World) -> None:
    """Declaring a write public, or a private text visible to nobody, is caught."""
    write = "POST /api/organisations/{slug}/commitments"
    read = "GET /api/organisations/{slug}/commitments"
    too_open = mismatches(world, write, dataclasses.replace(OPERATIONS[write], allowed=PUBLIC))
    assert "POST /api/organisations/{slug}/commitments as visitor: 403" in too_open
    too_secret = mismatches(world, read, dataclasses.replace(OPERATIONS[read], sees=frozenset()))
    assert f"{read} as administrator of a: shows the secret" in too_secret
