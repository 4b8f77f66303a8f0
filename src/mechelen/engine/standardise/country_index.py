"""The lookup tables behind :class:`~mechelen.engine.standardise.countries.CountryStandardiser`.

Built once from pycountry: ISO 3166-1 codes, and names in English with pycountry's bundled
gettext translations into French, Dutch and Spanish (domain ``iso3166-1``; ``iso3166-3`` for the
historic countries), then the hand-kept tables of :mod:`.aliases` on top.

Every name is indexed as it is (exact) and in derived forms: the part before a comma and the
two parts swapped (``"Korea, Republic of"`` -> ``"Korea"``, ``"Republic of Korea"``), without a
parenthesis (``"Holy See (Vatican City State)"`` -> ``"Holy See"``), and each alternative of a
``;``-separated list. Names are indexed in passes, earlier passes winning:

1. exact names of current countries, 2. their derived forms, 3. exact names of historic
countries, 4. their derived forms.

A key that two countries claim within one pass is ambiguous (``"Korea"``, ``"Virgin Islands"``)
and stays unrecognised: later passes cannot fill it, only an alias can.
"""

from __future__ import annotations

import gettext
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache

import pycountry

from mechelen.engine.standardise.aliases import (
    CODE_ALIASES,
    EXTRA_COUNTRY_CODES,
    HISTORIC_SUCCESSORS,
    NAME_ALIASES,
    SPECIAL_TERMS,
)
from mechelen.engine.standardise.match import SPECIAL_METHODS, CountryMatch, Method, method_for
from mechelen.engine.standardise.text_keys import name_key

#: languages whose country names are read, English first
LANGUAGES = ("en", "fr", "nl", "es")
NAME_METHODS: dict[str, Method] = {
    "en": "name:en",
    "fr": "name:fr",
    "nl": "name:nl",
    "es": "name:es",
}

_PARENTHESIS = re.compile(r"\s*\([^)]*\)")


@dataclass
class CountryIndex:
    """Codes and name keys mapped to matches; ``None`` marks an ambiguous name key."""

    codes: dict[str, CountryMatch] = field(default_factory=dict)
    numerics: dict[str, CountryMatch] = field(default_factory=dict)
    names: dict[str, CountryMatch | None] = field(default_factory=dict)
    #: ambiguous name keys and the codes that claim them (for diagnostics and tests)
    ambiguous: dict[str, set[str]] = field(default_factory=dict)
    #: every code a match can carry
    output_codes: frozenset[str] = frozenset()


def name_variants(name: str) -> tuple[list[str], list[str]]:
    """The exact forms of ``name`` and its derived forms (see the module docstring)."""
    exact = [part.strip() for part in name.split(";") if part.strip()]
    derived: list[str] = []
    for part in exact:
        plain = {_PARENTHESIS.sub("", part), part.replace("(", "").replace(")", "")} - {part}
        derived += sorted(plain)
        for form in [part, *sorted(plain)]:
            if ", " in form:
                head, tail = form.split(", ", 1)
                derived += [head, f"{tail} {head}"]
    return exact, list(dict.fromkeys(derived))


def _translators(domain: str) -> dict[str, gettext.NullTranslations]:
    return {
        lang: gettext.translation(
            domain, pycountry.LOCALES_DIR, languages=[lang], fallback=lang == "en"
        )
        for lang in LANGUAGES
    }


def _country_names(record: object) -> list[str]:
    names = [getattr(record, attr, None) for attr in ("name", "official_name", "common_name")]
    return [name for name in names if isinstance(name, str)]


NamedCode = tuple[str, Method, list[str]]  # (code, method, names)


def _named_codes(
    records: Iterable[object], domain: str, method: Method | None, code_of: dict[str, str]
) -> Iterator[NamedCode]:
    """(code, method, names in one language) for each record and language."""
    translators = _translators(domain)
    for lang in LANGUAGES:
        for record in records:
            alpha_3 = str(getattr(record, "alpha_3", ""))
            names = [translators[lang].gettext(name) for name in _country_names(record)]
            yield code_of.get(alpha_3, alpha_3), method or NAME_METHODS[lang], names


class _NamePasses:
    def __init__(self, index: CountryIndex) -> None:
        self.index = index

    def add_pass(self, entries: Iterable[tuple[str, str, Method]]) -> None:
        """Add (name, code, method) entries; a key claimed by two codes becomes ambiguous."""
        claims: dict[str, CountryMatch] = {}
        clashes: dict[str, set[str]] = {}
        for name, code, method in entries:
            key = name_key(name)
            if not key or key in self.index.names:
                continue
            first = claims.setdefault(key, CountryMatch(code, method_for(code, method)))
            if first.code != code:
                clashes.setdefault(key, {str(first.code)}).add(code)
        for key, match in claims.items():
            self.index.names[key] = None if key in clashes else match
        self.index.ambiguous.update(clashes)


def _add_names(index: CountryIndex, successors: dict[str, str]) -> None:
    passes = _NamePasses(index)
    current = list(_named_codes(pycountry.countries, "iso3166-1", None, {}))
    historic = list(_named_codes(pycountry.historic_countries, "iso3166-3", "historic", successors))
    for named in (current, historic):
        exact: list[tuple[str, str, Method]] = []
        derived: list[tuple[str, str, Method]] = []
        for code, method, names in named:
            for name in names:
                exact_forms, derived_forms = name_variants(name)
                exact += [(form, code, method) for form in exact_forms]
                derived += [(form, code, method) for form in derived_forms]
        passes.add_pass(exact)
        passes.add_pass(derived)


def _add_codes(index: CountryIndex, successors: dict[str, str]) -> None:
    current = list(pycountry.countries)
    for country in current:
        index.codes[country.alpha_2] = CountryMatch(country.alpha_3, "alpha2")
        index.codes[country.alpha_3] = CountryMatch(country.alpha_3, "alpha3")
        index.numerics[country.numeric] = CountryMatch(country.alpha_3, "numeric")
    for code, target in CODE_ALIASES.items():
        index.codes[code] = CountryMatch(target, method_for(target, "alias"))
    for code, method in SPECIAL_METHODS.items():
        index.codes.setdefault(code, CountryMatch(code, method))
    # historic codes: only those no current country (or alias) took over, and not ambiguous
    historic: dict[str, dict[str, set[str]]] = {"alpha_2": {}, "alpha_3": {}, "numeric": {}}
    for record in pycountry.historic_countries:
        target = successors.get(record.alpha_3, record.alpha_3)
        for attr, seen in historic.items():
            value = getattr(record, attr, None)
            if isinstance(value, str):
                seen.setdefault(value, set()).add(target)
    for attr, seen in historic.items():
        table = index.numerics if attr == "numeric" else index.codes
        for value, targets in seen.items():
            if value not in table and len(targets) == 1:
                table[value] = CountryMatch(next(iter(targets)), "historic")


def _add_aliases(index: CountryIndex) -> None:
    for code, terms in SPECIAL_TERMS.items():
        for term in terms:
            index.names[name_key(term)] = CountryMatch(code, method_for(code, "alias"))
    for name, code in NAME_ALIASES.items():
        index.names[name_key(name)] = CountryMatch(code, method_for(code, "alias"))


@cache
def country_index(*, with_aliases: bool = True) -> CountryIndex:
    """The shared, read-only index (built on first use, about 0.1 s)."""
    successors = dict(HISTORIC_SUCCESSORS)
    kept_historic = {record.alpha_3 for record in pycountry.historic_countries} - successors.keys()
    current_alpha_3 = {country.alpha_3 for country in pycountry.countries}
    index = CountryIndex(
        output_codes=frozenset(
            current_alpha_3 | kept_historic | EXTRA_COUNTRY_CODES | SPECIAL_METHODS.keys()
        )
    )
    _add_codes(index, successors)
    if with_aliases:
        _add_aliases(index)
    _add_names(index, successors)
    return index
