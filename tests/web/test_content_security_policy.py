"""The Content-Security-Policy and the other security headers, and pages that run under it.

Every page of the access matrix, fetched by someone it lets in, carries the policy, and its
HTML has nothing the policy would block: no inline script or event handler, no inline style
(attribute or element) but a downloaded report's own stylesheet, which the response allows by
its hash. The browser journey (tests/e2e) fails on any violation the browser reports.
Fails on 70a54e0: no Content-Security-Policy header; progress bars had style attributes.
"""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from mechelen.web.inline_styles import style_hashes
from mechelen.web.tenancy.roles import ORGANISATION_ROLES
from tests.web.access_matrix import (
    ANY_LOGGED_IN,
    INVITEE,
    NETWORK_ANALYSTS,
    PAGES,
    PLATFORM_ADMINS,
    PUBLIC,
)
from tests.web.conftest import World, client_for
from tests.web.test_access_matrix import plant_secrets

SCRIPT = re.compile(r"<script\b([^>]*)>", re.I)
STYLE_ATTRIBUTE = re.compile(r"""<[^>]*\sstyle\s*=\s*["'][^>]*>""", re.I)
HANDLER = re.compile(r"""<[^>]*\son[a-z]+\s*=\s*["'][^>]*>""", re.I)


def directives(response: Any) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    found = {}
    for part in header.split(";"):
        name, *values = part.split()
        found[name] = values
    return found


def inline_code(response: Any) -> list[str]:
    """What in the page the policy would block."""
    html = response.content.decode(errors="replace")
    found = [
        f"inline script {attributes.strip()!r}"
        for attributes in SCRIPT.findall(html)
        if "src=" not in attributes and 'type="application/json"' not in attributes
    ]
    found += [f"style attribute in {tag[:80]!r}" for tag in STYLE_ATTRIBUTE.findall(html)]
    found += [f"event handler in {tag[:80]!r}" for tag in HANDLER.findall(html)]
    allowed = directives(response)["style-src"]
    found += [
        f"<style> not allowed by its hash {digest}"
        for digest in style_hashes(response.content)
        if digest not in allowed
    ]
    if "javascript:" in html.lower():
        found.append("a javascript: URL")
    return found


def reader(world: World, roles: Any) -> Any:
    """Someone the page lets in (None: a visitor)."""
    if roles == PUBLIC:
        return None
    if roles == ANY_LOGGED_IN:
        return world.outsider
    if roles == NETWORK_ANALYSTS:
        return world.analyst
    if roles == PLATFORM_ADMINS:
        return world.platform_admin
    if roles == INVITEE:
        return world.outsider
    role = next(r for r in ORGANISATION_ROLES if r in roles)
    return world.a.users[role]


def test_the_policy_allows_the_site_only(db: Any) -> None:
    response = Client().get(reverse("accounts:login"))
    policy = directives(response)
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "'unsafe-eval'" not in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


@pytest.mark.parametrize("name", sorted(n for n, rule in PAGES.items() if rule.get is not None))
def test_pages_run_under_the_policy(world: World, name: str) -> None:
    plant_secrets(world)
    rule = PAGES[name]
    assert rule.get is not None
    response = client_for(reader(world, rule.get)).get(
        reverse(name, kwargs=rule.kwargs(world, world.a))
    )
    assert response.status_code < 500
    if response.streaming or not response["Content-Type"].startswith("text/html"):
        return
    assert "Content-Security-Policy" in response
    assert not inline_code(response), inline_code(response)


def test_a_downloaded_html_report_keeps_its_own_stylesheet_only(world: World) -> None:
    response = Client().get(
        reverse("reports:public_city", kwargs={"slug": world.a.organisation.slug}) + "?format=html"
    )
    assert response.status_code == 200 and response["Content-Type"].startswith("text/html")
    hashes = style_hashes(response.content)
    assert hashes
    assert directives(response)["style-src"] == ["'self'", *hashes]
    assert not inline_code(response)


def test_the_walk_finds_inline_code(db: Any) -> None:
    response = Client().get(reverse("accounts:login"))
    response.content = b'<p style="color: red" onclick="x()">a</p><script>go()</script>'
    found = inline_code(response)
    assert len(found) == 3, found
