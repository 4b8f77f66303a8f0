"""Call every API operation as every role of city A and city B, a network analyst, a person
with no role and a visitor (each with a personal API token), and check access_matrix_api.py:
the refused are refused, and every allowed call succeeds (the matrix's parameters and bodies
are valid, so an answer of 4xx to an allowed caller is a wrong permission or a bug)."""

from __future__ import annotations

import dataclasses
import json
from typing import Any

import pytest
from django.test import Client

from mechelen.web.accounts.models import ApiToken
from mechelen.web.api.api import api
from mechelen.web.tenancy.roles import Role
from tests.web.access_matrix import PUBLIC
from tests.web.api.access_matrix_api import OPERATIONS, ApiRule
from tests.web.conftest import World
from tests.web.test_access_matrix import actors, expected_allowed

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
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
    assert "GET /api/organisations/{slug}/datasets/{pk}" in operations(schema)
    answers = schema["paths"]["/api/organisations/{slug}/assessments/{pk}/answers.xlsx"]["get"]
    assert XLSX in answers["responses"]["200"]["content"]


def call(
    operation: str,
    params: dict[str, Any],
    body: dict[str, Any] | None,
    token: str | None,
    files: dict[str, Any] | None = None,
) -> Any:
    method, path = operation.split(" ", 1)
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    if files is not None:
        assert method == "POST", "only a POST sends files"
        return Client().post(path.format(**params), files, headers=headers)
    return Client().generic(
        method,
        path.format(**params),
        json.dumps(body) if body is not None else "",
        content_type="application/json",
        headers=headers,
    )


def refusals(rule: ApiRule, city: str | None, role: Any) -> set[int]:
    """How a refused caller is answered: 404 when the object is hidden from them."""
    if rule.visible is not None and not (city == "a" and role in rule.visible):
        return {404}
    return REFUSED


def mismatches(world: World, operation: str, rule: ApiRule) -> list[str]:
    """Where the API's answers differ from the rule, one line per caller."""
    wrong: list[str] = []
    for label, user, city, role in actors(world):
        token = ApiToken.issue(user, "matrix")[1] if user is not None else None
        body = rule.body(world, world.a) if rule.body else None
        files = rule.files(world, world.a) if rule.files else None
        response = call(operation, rule.params(world, world.a), body, token, files)
        allowed = expected_allowed(rule.allowed, city, role, user is not None)
        refused = response.status_code in refusals(rule, city, role)
        if allowed == refused or response.status_code >= 500:
            wrong.append(f"{operation} as {label}: {response.status_code}")
        elif allowed and response.status_code >= 400:
            wrong.append(f"{operation} as {label} fails: {response.status_code}")
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
    broken = mismatches(
        world, write, dataclasses.replace(OPERATIONS[write], body=lambda w, c: {"owner": "o"})
    )
    assert f"{write} as administrator of a fails: 422" in broken


#: besides public reads, all a service provider may call: their own aggregate figures
PROVIDER_OPERATIONS = {
    "GET /api/organisations/{slug}/service-figures",
    "POST /api/organisations/{slug}/service-figures",
}


def test_a_service_provider_reaches_only_public_data_and_its_own_figures() -> None:
    """The firewall of §41: no upload, dataset, job, release in preparation, assessment
    or other provider's data (the walk above proves the matrix is what the API does)."""
    reached = {
        operation
        for operation, rule in OPERATIONS.items()
        if rule.allowed != PUBLIC and Role.SERVICE_PROVIDER in rule.allowed
    }
    assert reached == PROVIDER_OPERATIONS


def test_a_pending_city_is_out_of_sight_in_the_api(world: World) -> None:
    """City A waiting for approval: every operation naming it answers 404 to anyone outside
    it (a visitor, a person with no role, city B, a network analyst), as a missing city does;
    a platform administrator reads its public data (to decide) and is refused the rest; its
    own people are answered as the matrix says. On 70a54e0 there was no pending state: a
    self-registered city's profile answered anyone (``tests/web/tenancy/test_pending_attacks.py``)."""
    from mechelen.web.tenancy.models import Organisation
    from mechelen.web.tenancy.roles import OrganisationStatus

    world.network.members.remove(world.a.organisation)
    Organisation.objects.filter(pk=world.a.organisation.pk).update(
        status=OrganisationStatus.PENDING
    )
    wrong: list[str] = []
    for operation, rule in sorted(OPERATIONS.items()):
        if "{slug}" not in operation:
            continue
        for label, user, city, role in actors(world):
            token = ApiToken.issue(user, "matrix")[1] if user is not None else None
            body = rule.body(world, world.a) if rule.body else None
            files = rule.files(world, world.a) if rule.files else None
            status = call(operation, rule.params(world, world.a), body, token, files).status_code
            if city == "a":
                allowed = expected_allowed(rule.allowed, city, role, True)
                right = status < 400 if allowed else status in refusals(rule, city, role)
            elif label == "platform admin":
                refused = refusals(rule, None, None)
                right = status < 400 if rule.allowed == PUBLIC else status in refused
            else:
                right = status == 404
            if not right:
                wrong.append(f"{operation} as {label}: {status}")
    assert not wrong, "\n".join(wrong)
