"""Maps from the distinct raw values of a column to standard codes, made in Python once per value."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from mechelen.core.microdata.codes import OTHER_COUNTRY, STATELESS, UNKNOWN
from mechelen.core.microdata.vocabulary import reason_code, sex_code
from mechelen.engine.standardise.countries import CountryStandardiser

#: words a mapping may use as recoding targets for countries
COUNTRY_KEYWORDS = {"other": OTHER_COUNTRY, "stateless": STATELESS, "unknown": UNKNOWN}


def _recoded(values: Iterable[str], recode: Mapping[str, str]) -> dict[str, str]:
    return {raw: recode.get(raw, raw) for raw in values}


def sex_map(values: Iterable[str], recode: Mapping[str, str]) -> dict[str, str | None]:
    return {raw: sex_code(target) for raw, target in _recoded(values, recode).items()}


def reason_map(values: Iterable[str], recode: Mapping[str, str]) -> dict[str, str | None]:
    return {raw: reason_code(target) for raw, target in _recoded(values, recode).items()}


def country_map(
    values: Iterable[str], recode: Mapping[str, str], standardiser: CountryStandardiser
) -> dict[str, str | None]:
    recoded = _recoded(values, recode)
    targets = {t for t in recoded.values() if t.lower() not in COUNTRY_KEYWORDS}
    matches = standardiser.standardise_many(targets)
    result: dict[str, str | None] = {}
    for raw, target in recoded.items():
        keyword = COUNTRY_KEYWORDS.get(target.lower())
        result[raw] = keyword or matches[target].code
    return result
