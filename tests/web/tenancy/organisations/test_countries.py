"""Country names in the page's language: the pages, and the registration form's list."""

from __future__ import annotations

import re
from html import unescape
from typing import Any

import pycountry
import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation

from mechelen.i18n.countries import collation_key
from mechelen.web.tenancy.organisations.countries import country_name
from tests.web.conftest import World


def test_country_names_follow_the_language() -> None:
    assert [country_name("BEL", lang) for lang in ("en", "fr", "es")] == [
        "Belgium",
        "Belgique",
        "Bélgica",
    ]
    with translation.override("fr"):
        assert country_name("DEU") == "Allemagne"
    assert country_name("ZZZ") == "ZZZ"


def test_the_public_page_names_the_country(world: World) -> None:
    page = Client().get("/cities/city-a/", headers={"Accept-Language": "es"}).content.decode()
    assert "Bélgica" in page


def _options(html: str) -> list[tuple[str, str]]:
    select = re.search(r'<select name="country"[^>]*>(.*?)</select>', html, re.S)
    assert select is not None, "no country list"
    return [
        (code, unescape(name))
        for code, name in re.findall(
            r'<option value="([A-Z]{3})"[^>]*>([^<]*)</option>', select.group(1)
        )
    ]


@pytest.mark.parametrize(
    ("lang", "names", "before"),
    [
        ("fr", {"DEU": "Allemagne", "BEL": "Belgique", "EGY": "Égypte"}, ("EGY", "ESP")),
        ("es", {"DEU": "Alemania", "BEL": "Bélgica", "DZA": "Argelia"}, ("BEL", "BEN")),
        ("en", {"DEU": "Germany", "ALA": "Åland Islands"}, ("ALA", "ALB")),
    ],
)
def test_the_registration_list_names_and_sorts_countries_in_the_page_language(
    db: Any, lang: str, names: dict[str, str], before: tuple[str, str]
) -> None:
    """Every one of the 249 countries, named in the page's language and sorted by that name
    with accents folded ("Égypte" among the E, not after "Zimbabwe")."""
    html = Client().get(reverse("accounts:register"), headers={"Accept-Language": lang})
    options = _options(html.content.decode())
    assert len(options) == len(pycountry.countries)
    shown = dict(options)
    assert {code: shown[code] for code in names} == names
    codes = [code for code, _ in options]
    assert codes.index(before[0]) < codes.index(before[1])
    assert [name for _, name in options] == sorted((name for _, name in options), key=collation_key)
