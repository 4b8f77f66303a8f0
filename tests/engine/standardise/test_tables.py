"""The hand-kept alias tables stay small and never shadow pycountry."""

from __future__ import annotations

import pycountry

from mechelen.engine.standardise.aliases import CODE_ALIASES, HISTORIC_SUCCESSORS, NAME_ALIASES
from mechelen.engine.standardise.country_index import country_index, name_variants
from mechelen.engine.standardise.text_keys import name_key


def test_code_aliases_are_not_iso_codes() -> None:
    iso = {c.alpha_2 for c in pycountry.countries} | {c.alpha_3 for c in pycountry.countries}
    assert set(CODE_ALIASES) & iso == set()


def test_no_name_alias_is_redundant_with_pycountry() -> None:
    plain = country_index(with_aliases=False).names
    redundant = {
        alias
        for alias, code in NAME_ALIASES.items()
        if (match := plain.get(name_key(alias))) is not None and match.code == code
    }
    assert redundant == set()


def test_name_aliases_only_override_ambiguous_or_missing_keys() -> None:
    plain = country_index(with_aliases=False).names
    overridden = {
        alias: match.code
        for alias, code in NAME_ALIASES.items()
        if (match := plain.get(name_key(alias))) is not None and match.code != code
    }
    assert overridden == {}


def test_historic_successors_are_current_countries() -> None:
    historic = {c.alpha_3 for c in pycountry.historic_countries}
    current = {c.alpha_3 for c in pycountry.countries}
    assert set(HISTORIC_SUCCESSORS) <= historic
    assert set(HISTORIC_SUCCESSORS.values()) <= current


def test_only_truly_ambiguous_names_are_dropped() -> None:
    ambiguous = country_index().ambiguous
    assert {frozenset(codes) for codes in ambiguous.values()} <= {
        frozenset({"KOR", "PRK"}),
        frozenset({"VGB", "VIR"}),
        frozenset({"SXM", "MAF"}),
    }


def test_name_variants() -> None:
    assert name_variants("Korea, Republic of") == (
        ["Korea, Republic of"],
        ["Korea", "Republic of Korea"],
    )
    exact, derived = name_variants("Holy See (Vatican City State)")
    assert "Holy See" in derived
    exact, _ = name_variants("USSR; Unie van Socialistische Sovjetrepublieken")
    assert exact == ["USSR", "Unie van Socialistische Sovjetrepublieken"]
