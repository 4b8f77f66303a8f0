"""Country names in the page language, from pycountry's ISO 3166 translations."""

from __future__ import annotations

import gettext
from functools import cache

import pycountry

from mechelen.web.language import page_language


@cache
def _translation(lang: str) -> gettext.NullTranslations:
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True)


def country_name(code: str, lang: str | None = None) -> str:
    """The name of the ISO alpha-3 ``code`` in ``lang`` (the page's language by default)."""
    found = pycountry.countries.get(alpha_3=code)
    if found is None:
        return code
    lang = (lang or page_language()).split("-")[0]
    return _translation(lang).gettext(str(found.name))
