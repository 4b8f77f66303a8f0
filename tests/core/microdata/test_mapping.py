"""Mappings are validated with a code for every problem; good ones describe the columns they read."""

from __future__ import annotations

from typing import Any

import pytest

from mechelen.core.microdata.bands import band_labels, band_of, check_bands
from mechelen.core.microdata.mapping import read_mapping


def statbel() -> dict[str, Any]:
    return {
        "dataset": "statbel-2015",
        "country": "BEL",
        "count": "MS_POPULATION",
        "geography": [
            {"level": "municipality", "column": "CD_MUNTY_REFNIS", "label": "TX_MUNTY_DESCR_FR"},
            {"level": "region", "column": "CD_RGN_REFNIS"},
        ],
        "dimensions": {
            "sex": {"column": "CD_SEX"},
            "age": {"column": "CD_AGE", "bands": [0, 15, 65]},
            "citizenship": {"column": "CD_NATLTY", "values": {"ETR": "other"}},
        },
        "keep": {"civil_status": "CD_CIV_STS"},
    }


def test_a_good_mapping() -> None:
    mapping, problems = read_mapping(statbel())
    assert problems == [] and mapping is not None
    assert mapping.is_aggregated and mapping.count_column == "MS_POPULATION"
    assert mapping.dimensions["age"].bands == (0, 15, 65)
    assert mapping.dimensions["citizenship"].values == {"ETR": "other"}
    roles = {c.role: c.column for c in mapping.mapped_columns()}
    assert roles["geography.municipality.label"] == "TX_MUNTY_DESCR_FR"
    assert roles["keep.civil_status"] == "CD_CIV_STS" and roles["count"] == "MS_POPULATION"


def test_default_age_bands_are_five_years_to_85() -> None:
    doc = statbel()
    del doc["dimensions"]["age"]["bands"]
    mapping, _ = read_mapping(doc)
    assert mapping is not None and mapping.dimensions["age"].bands[-1] == 85


@pytest.mark.parametrize(
    ("change", "code"),
    [
        (lambda d: d.pop("dataset"), "mapping.E003"),
        (lambda d: d.update(dataset="Statbel 2015"), "mapping.E011"),
        (lambda d: d.update(country="Belgium"), "mapping.E012"),
        (lambda d: d.update(colour="red"), "mapping.E010"),
        (lambda d: d["dimensions"].update(religion={"column": "x"}), "mapping.E017"),
        (lambda d: d["dimensions"]["age"].update(bands=[5, 10]), "mapping.E018"),
        (lambda d: d["dimensions"]["age"].update(bands=[0, 20, 10]), "mapping.E018"),
        (lambda d: d["geography"].append({"level": "region", "column": "X"}), "mapping.E016"),
        (lambda d: d.update(source={"encoding": "ebcdic"}), "mapping.E014"),
        (lambda d: d["dimensions"]["sex"].pop("column"), "mapping.E003"),
        (lambda d: d.update(geography=[], dimensions={}, keep={}), "mapping.E013"),
    ],
)
def test_each_mistake_has_its_code(change: Any, code: str) -> None:
    doc = statbel()
    change(doc)
    mapping, problems = read_mapping(doc)
    assert mapping is None
    assert code in {p.code for p in problems}


def test_bands() -> None:
    assert band_labels([0, 15, 25, 65]) == ("0-14", "15-24", "25-64", "65+")
    assert band_labels([0, 1, 5]) == ("0", "1-4", "5+")
    assert band_of(14, [0, 15]) == "0-14" and band_of(99, [0, 15]) == "15+"
    assert check_bands([0, 5]) is None and check_bands([1, 5]) and check_bands([0, 0])
