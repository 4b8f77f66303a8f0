"""Continents (UN M49 regions) and the country-of-birth / citizenship groups."""

from __future__ import annotations

import pycountry
import pytest

from mechelen.core.problems import ProblemsFound
from mechelen.engine.standardise import (
    EU27,
    GROUP_ORDER,
    CountryStandardiser,
    continent_of,
    country_group,
    group_order,
)
from mechelen.engine.standardise.m49 import m49_area_names, m49_placements


def test_every_iso_country_has_an_m49_placement() -> None:
    placements = m49_placements()
    for country in pycountry.countries:
        placement = placements[country.alpha_3]
        assert placement.m49 == country.numeric
        if country.alpha_3 != "ATA":
            assert placement.region in {"002", "019", "142", "150", "009"}


def test_every_code_the_standardiser_returns_has_a_group(
    standardiser: CountryStandardiser,
) -> None:
    for code in standardiser.output_codes:
        assert country_group(code) in group_order()


def test_every_area_code_in_the_table_has_a_name() -> None:
    names = m49_area_names()
    for placement in m49_placements().values():
        for area in (placement.region, placement.sub_region, placement.intermediate_region):
            assert area is None or area in names


def test_eu27() -> None:
    assert len(EU27) == 27
    assert {"BEL", "HRV", "CYP", "MLT"} <= EU27
    assert not {"GBR", "NOR", "CHE", "ISL", "TUR"} & EU27


@pytest.mark.parametrize(
    ("code", "continent"),
    [
        ("BEL", "Europe"),
        ("MAR", "Africa"),
        ("TUR", "Asia"),
        ("USA", "Americas"),
        ("BRA", "Americas"),
        ("NZL", "Oceania"),
        ("RUS", "Europe"),
        ("XKX", "Europe"),
        ("CHI", "Europe"),
        ("SUN", "Europe"),
        ("ANT", "Americas"),
        ("ATA", None),
        ("XXA", None),
        ("XXU", None),
        ("XXO", None),
    ],
)
def test_continent_of(code: str, continent: str | None) -> None:
    assert continent_of(code) == continent


@pytest.mark.parametrize(
    ("code", "group"),
    [
        ("BEL", "BEL"),
        ("FRA", "EU27 (other)"),
        ("NLD", "EU27 (other)"),
        ("CYP", "EU27 (other)"),
        ("CSK", "EU27 (other)"),
        ("GBR", "Other Europe"),
        ("NOR", "Other Europe"),
        ("XKX", "Other Europe"),
        ("YUG", "Other Europe"),
        ("SUN", "Other Europe"),
        ("MAR", "Africa"),
        ("COD", "Africa"),
        ("TUR", "Asia"),
        ("SYR", "Asia"),
        ("USA", "Americas"),
        ("AUS", "Oceania"),
        ("ATA", "Other"),
        ("XXO", "Other"),
        ("XXA", "Stateless"),
        ("XXU", "Unknown"),
        (None, "Unknown"),
    ],
)
def test_country_group(code: str | None, group: str) -> None:
    assert country_group(code) == group


def test_own_country_is_configurable() -> None:
    assert country_group("NLD", own_country="NLD") == "NLD"
    assert country_group("BEL", own_country="NLD") == "EU27 (other)"
    assert group_order("NLD") == ("NLD", *GROUP_ORDER)


def test_unknown_codes_are_problems() -> None:
    with pytest.raises(ProblemsFound) as raised:
        country_group("NAR")
    assert raised.value.problems[0].code == "standardise.E003"
    with pytest.raises(ProblemsFound):
        country_group("BEL", own_country="Belgium")
    with pytest.raises(ProblemsFound):
        continent_of("NAR")
