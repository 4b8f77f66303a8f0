"""Counts take the plural form of the page's language ("1 member", never "1 members"), and
the browser title of the dashboard is plain text, without markup."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from mechelen.web.tenancy.roles import Role
from tests.web.conftest import World, client_for


def most_taken(taken: int, language: str) -> str:
    section = SimpleNamespace(
        network=SimpleNamespace(slug="demo-network"),
        map_svg="",
        countries=[],
        most_taken=[(SimpleNamespace(paragraph=3, taken=taken, achieved=1), "Housing")],
        most_achieved=[],
        report=SimpleNamespace(assessed=[]),
        sectors=[],
    )
    with translation.override(language):
        html = render_to_string("reports/section_network.html", {"section": section})
    item = re.search(r"<li>§3 (.*?)</li>", html, re.S)
    assert item is not None
    return item.group(1)


@pytest.mark.parametrize(
    ("language", "taken", "expected"),
    [
        ("en", 1, "1 member, 1 achieved"),
        ("en", 2, "2 members, 1 achieved"),
        ("fr", 1, "pris par 1 membre, réalisé par 1"),
        ("fr", 2, "pris par 2 membres, réalisé par 1"),
        ("es", 1, "asumido por 1 miembro, cumplido por 1"),
        ("es", 2, "asumido por 2 miembros, cumplido por 1"),
    ],
)
def test_member_counts_take_the_plural_of_the_language(
    language: str, taken: int, expected: str
) -> None:
    assert expected in most_taken(taken, language)


@pytest.mark.parametrize("language", ["en", "fr", "es"])
def test_the_dashboard_title_is_plain_text(world: World, language: str) -> None:
    for user in (world.a.users[Role.COORDINATOR], world.platform_admin, world.outsider):
        page = (
            client_for(user)
            .get(reverse("accounts:dashboard"), headers={"Accept-Language": language})
            .content.decode()
        )
        title = re.search(r"<title>(.*?)</title>", page, re.S)
        assert title is not None
        assert "<" not in title.group(1) and "&lt;" not in title.group(1), title.group(1)
