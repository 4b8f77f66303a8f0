"""An object that exists but is hidden from the caller answers exactly as one that does not
exist, on every page and API operation that takes an object's id: the answer never tells
whether a private commitment, a draft release or another city's round exists.

For each page and operation of the access matrices with an id in its URL, each caller the
matrix refuses is sent the real id and an id that exists nowhere, and must get the same
status (and, for a redirect, the same place); only a caller who sees the object may be told
that a change of it is refused (403). Fails on 70a54e0: the evidence of a private
commitment answered 403 through the API, a missing commitment 404.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.urls import reverse

from mechelen.web.accounts.models import ApiToken
from mechelen.web.tenancy.roles import ORGANISATION_ROLES
from tests.web.access_matrix import PAGES, PUBLIC, city_slug, network_slug, no_kwargs
from tests.web.api.access_matrix_api import OPERATIONS
from tests.web.api.test_api_access_matrix import call
from tests.web.conftest import World, client_for
from tests.web.followup import factories as followup
from tests.web.statistics import factories as stats
from tests.web.test_access_matrix import actors, expected_allowed

#: URL parts that name a public thing (an organisation or a network), not a hidden object
PUBLIC_NAMES = {"slug"}


def missing(value: Any) -> Any:
    """An id or name like ``value`` that nothing has."""
    return 987_654 if isinstance(value, int) else "nothing-has-this-name"


def with_missing_ids(kwargs: dict[str, Any]) -> dict[str, Any]:
    return {k: v if k in PUBLIC_NAMES else missing(v) for k, v in kwargs.items()}


def takes_an_id(kwargs: dict[str, Any]) -> bool:
    return bool(set(kwargs) - PUBLIC_NAMES)


def answer(response: Any) -> tuple[int, str]:
    location = response.get("Location", "") if 300 <= response.status_code < 400 else ""
    return response.status_code, location.split("?")[0]


#: the matrix's URL builders that name only an organisation, a network, or nothing
NO_ID = {city_slug, network_slug, no_kwargs}
PAGES_WITH_IDS = sorted(
    name
    for name, rule in PAGES.items()
    if rule.kwargs not in NO_ID and (rule.get != PUBLIC or rule.post not in (None, PUBLIC))
)
OPERATIONS_WITH_IDS = sorted(
    name
    for name, rule in OPERATIONS.items()
    if rule.allowed != PUBLIC and set(re.findall(r"\{(\w+)\}", name)) - PUBLIC_NAMES
)


@pytest.mark.parametrize("name", PAGES_WITH_IDS)
def test_pages_answer_a_hidden_object_as_a_missing_one(world: World, name: str) -> None:
    rule = PAGES[name]
    kwargs = rule.kwargs(world, world.a)
    if not takes_an_id(kwargs):
        pytest.skip("no object id in the URL")
    real, nowhere = reverse(name, kwargs=kwargs), reverse(name, kwargs=with_missing_ids(kwargs))
    wrong = []
    for method, roles in (("get", rule.get), ("post", rule.post)):
        if roles is None:
            continue
        for label, user, city, role in actors(world):
            if expected_allowed(roles, city, role, user is not None, label):
                continue
            if rule.get is not None and expected_allowed(
                rule.get, city, role, user is not None, label
            ):
                continue  # they see the object: a refused change may say so (403)
            client = client_for(user)
            shown = answer(getattr(client, method)(real))
            unknown = answer(getattr(client, method)(nowhere))
            if shown[0] != unknown[0] or shown[1].replace(real, nowhere) != unknown[1]:
                wrong.append(f"{method.upper()} {real} as {label}: {shown} where missing {unknown}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("operation", OPERATIONS_WITH_IDS)
def test_the_api_answers_a_hidden_object_as_a_missing_one(world: World, operation: str) -> None:
    rule = OPERATIONS[operation]
    params = rule.params(world, world.a)
    if not takes_an_id(params):
        pytest.skip("no object id in the path")
    wrong = []
    for label, user, city, role in actors(world):
        if expected_allowed(rule.allowed, city, role, user is not None):
            continue
        if rule.visible is not None and city == "a" and role in rule.visible:
            continue  # they see the object: a refused change may say so (403)
        token = ApiToken.issue(user, "alike")[1] if user is not None else None
        body = rule.body(world, world.a) if rule.body else None
        shown = call(operation, params, body, token).status_code
        unknown = call(operation, with_missing_ids(params), body, token).status_code
        if shown != unknown:
            wrong.append(f"{operation} as {label}: {shown} where missing {unknown}")
    assert not wrong, "\n".join(wrong)


def first_allowed_role_of_b(world: World, roles: Any) -> Any:
    """A person of city B whom the rule lets in on city B's own URLs (None: nobody)."""
    for label, user, city, role in actors(world):
        if city == "b" and expected_allowed(roles, "a", role, True, label):
            return user
    return None


@pytest.mark.parametrize("name", PAGES_WITH_IDS)
def test_city_a_ids_under_city_b_answer_as_missing_ones(world: World, name: str) -> None:
    """City B's people on their own city's URLs with city A's ids: 404, as for no object."""
    rule = PAGES[name]
    kwargs = rule.kwargs(world, world.a)
    if not takes_an_id(kwargs):
        pytest.skip("no object id in the URL")
    if "slug" not in kwargs:
        # no city in the URL (an e-mailed invitation's link, answered by whoever holds it)
        pytest.skip("no city in the URL")
    b_slug = {"slug": world.b.organisation.slug}
    for method, roles in (("get", rule.get), ("post", rule.post)):
        user = first_allowed_role_of_b(world, roles) if roles not in (None, PUBLIC) else None
        if user is None:
            continue
        client = client_for(user)
        foreign = getattr(client, method)(reverse(name, kwargs={**kwargs, **b_slug}))
        unknown = getattr(client, method)(
            reverse(name, kwargs={**with_missing_ids(kwargs), **b_slug})
        )
        assert (foreign.status_code, unknown.status_code) == (404, 404), method


@pytest.mark.parametrize("operation", OPERATIONS_WITH_IDS)
def test_city_a_ids_under_city_b_answer_as_missing_ones_in_the_api(
    world: World, operation: str
) -> None:
    rule = OPERATIONS[operation]
    params = rule.params(world, world.a)
    user = first_allowed_role_of_b(world, rule.allowed)
    if not takes_an_id(params) or user is None:
        pytest.skip("no object id in the path")
    token = ApiToken.issue(user, "alike")[1]
    body = rule.body(world, world.a) if rule.body else None
    b_slug = {"slug": world.b.organisation.slug}
    foreign = call(operation, {**params, **b_slug}, body, token).status_code
    unknown = call(operation, {**with_missing_ids(params), **b_slug}, body, token).status_code
    assert (foreign, unknown) == (404, 404)


#: public pages given the id of something unpublished, which they must treat as missing
UNPUBLISHED_ON_PUBLIC_PAGES = {
    "public_statistics:release": "draft_kwargs",
    "public_statistics:table": "draft_table_kwargs",
    "public_statistics:file": "draft_file_kwargs",
    "public_followup:evidence_file": "private_evidence_kwargs",
}


@pytest.mark.parametrize("name", sorted(UNPUBLISHED_ON_PUBLIC_PAGES))
def test_public_pages_answer_an_unpublished_object_as_a_missing_one(
    world: World, name: str
) -> None:
    builder = UNPUBLISHED_ON_PUBLIC_PAGES[name]
    kwargs = getattr(stats, builder, None) or getattr(followup, builder)
    hidden = kwargs(world, world.a)
    for user in (None, world.b.users[ORGANISATION_ROLES[0]], world.a.users[ORGANISATION_ROLES[0]]):
        client = client_for(user)
        shown = client.get(reverse(name, kwargs=hidden)).status_code
        unknown = client.get(reverse(name, kwargs=with_missing_ids(hidden))).status_code
        assert (shown, unknown) == (404, 404), (name, user)
