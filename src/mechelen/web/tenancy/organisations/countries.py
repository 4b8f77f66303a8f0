"""Country names in the page language (:mod:`mechelen.i18n.countries`, pycountry's ISO 3166
translations)."""

from __future__ import annotations

from mechelen.i18n import countries
from mechelen.web.language import page_language


def country_name(code: str, lang: str | None = None) -> str:
    """The name of the ISO alpha-3 ``code`` in ``lang`` (the page's language by default)."""
    return countries.country_name(code, lang or page_language())


def country_choices() -> list[tuple[str, str]]:
    """Every country as (code, name) in the page's language, sorted by that name."""
    return countries.countries(page_language())
