"""Walk every page as every role of city A and city B, a network analyst, a person with no
role and a visitor, and check the allowed/denied matrix of access_matrix.py."""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from mechelen.web.tenancy.roles import ORGANISATION_ROLES
from tests.web.access_matrix import ANY_LOGGED_IN, NETWORK_ANALYSTS, NOT_PAGES, PAGES, PUBLIC
from tests.web.conftest import World, client_for

DENIED = {403}


def named_urls(patterns: list[Any] | None = None, namespace: str = "") -> set[str]:
    names: set[str] = set()
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace == "api":
                continue
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            names |= named_urls(pattern.url_patterns, inner)
        elif isinstance(pattern, URLPattern) and pattern.name:
            names.add(f"{namespace}{pattern.name}")
    return names


def test_every_page_is_in_the_matrix() -> None:
    missing = named_urls() - set(PAGES) - NOT_PAGES
    assert not missing, f"add these pages to tests/web/access_matrix.py: {sorted(missing)}"
    assert not set(PAGES) - named_urls(), "the matrix lists pages that no longer exist"


def actors(world: World) -> list[tuple[str, Any, str | None, Any]]:
    """(label, user, which city they belong to, role)"""
    found: list[tuple[str, Any, str | None, Any]] = [
        ("visitor", None, None, None),
        ("outsider", world.outsider, None, None),
        ("network analyst", world.analyst, None, None),
    ]
    for name in ("a", "b"):
        for role in ORGANISATION_ROLES:
            found.append((f"{role.value} of {name}", world.city(name).users[role], name, role))
    return found


def expected_allowed(
    rule_roles: frozenset[Any], city: str | None, role: Any, logged_in: bool, label: str = ""
) -> bool:
    if rule_roles == PUBLIC:
        return True
    if rule_roles == NETWORK_ANALYSTS:
        return label == "network analyst"
    if rule_roles == ANY_LOGGED_IN:
        return logged_in
    return city == "a" and role in rule_roles


@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_access_matrix(world: World, name: str) -> None:
    rule = PAGES[name]
    wrong: list[str] = []
    for method, roles in (("get", rule.get), ("post", rule.post)):
        if roles is None:
            continue
        for label, user, city, role in actors(world):
            url = reverse(name, kwargs=rule.kwargs(world, world.a))
            response = getattr(client_for(user), method)(url)
            allowed = expected_allowed(roles, city, role, user is not None, label)
            if user is None and not allowed:
                refused = response.status_code == 302 and "/accounts/login/" in response["Location"]
            else:
                refused = response.status_code in DENIED
            if allowed == refused or response.status_code >= 500:
                wrong.append(f"{method.upper()} {url} as {label}: {response.status_code}")
    assert not wrong, "\n".join(wrong)
