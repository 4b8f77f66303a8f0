"""Country names in a reader's language, from pycountry's ISO 3166-1 gettext catalogues.

The one place the platform names a country: the pages, the registration form's list, the
reports and the charts all call :func:`country_name` or :func:`countries`. Lists are sorted
by :func:`collation_key`, a locale-independent key (accents and case folded away, so that
"Égypte" sorts beside "Equateur", not after "Zimbabwe"), computed once per language.
"""

from __future__ import annotations

import gettext
import unicodedata
from functools import cache

import pycountry

DOMAIN = "iso3166-1"
#: names pycountry's catalogues leave in English although the language has its own
OVERRIDES: dict[str, dict[str, str]] = {"es": {"DZA": "Argelia"}}


@cache
def _catalogue(lang: str) -> gettext.NullTranslations:
    return gettext.translation(DOMAIN, pycountry.LOCALES_DIR, languages=[lang], fallback=True)


def _base(lang: str) -> str:
    return (lang or "en").split("-")[0].split("_")[0].lower()


def collation_key(text: str) -> tuple[str, str]:
    """A sort key comparing letters before accents and case: ``casefold`` of the text with
    its combining marks removed (NFKD), then the text itself to order exact ties."""
    stripped = "".join(
        c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c)
    )
    return (stripped, text)


@cache
def _names(lang: str) -> dict[str, str]:
    translate = _catalogue(lang).gettext if lang != "en" else str
    names = {c.alpha_3: translate(str(c.name)) for c in pycountry.countries}
    return names | OVERRIDES.get(lang, {})


def country_name(code: str, lang: str = "en") -> str:
    """The name of the ISO 3166-1 alpha-3 ``code`` in ``lang`` (the code when unknown)."""
    return _names(_base(lang)).get(code.upper() if code else code, code)


@cache
def _sorted(lang: str) -> tuple[tuple[str, str], ...]:
    names = _names(lang)
    return tuple(sorted(names.items(), key=lambda item: collation_key(item[1])))


def countries(lang: str = "en") -> list[tuple[str, str]]:
    """Every country as (alpha-3 code, name in ``lang``), sorted by name in that language."""
    return list(_sorted(_base(lang)))
