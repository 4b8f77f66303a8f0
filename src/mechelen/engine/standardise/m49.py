"""UN M49 regions of the codes the standardiser returns, read from ``data/m49_regions.csv``.

pycountry has no continents; the UN Statistics Division's M49 standard
(https://unstats.un.org/unsd/methodology/m49/) places every country or area in a region
(Africa, Americas, Asia, Europe, Oceania), a sub-region and, for some, an intermediate region.
The data file is hand-written from the M49 overview (2017+ structure), one row per ISO 3166-1
country (a test checks that all are there), plus the non-ISO and historic codes the standardiser
returns, each with a note. It also marks the 27 member states of the European Union (since
1 February 2020).
"""

from __future__ import annotations

import csv
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class M49Placement:
    """Where a code sits in UN M49: codes of its region, sub-region and intermediate region."""

    code: str
    m49: str | None
    region: str | None
    sub_region: str | None
    intermediate_region: str | None
    eu27: bool
    note: str = ""


def _rows(name: str) -> Iterator[dict[str, str]]:
    text = (
        resources.files("mechelen.engine.standardise")
        .joinpath("data", name)
        .read_text(encoding="utf-8")
    )
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    yield from csv.DictReader(lines)


@cache
def m49_placements() -> Mapping[str, M49Placement]:
    """Every code of ``data/m49_regions.csv`` with its placement."""
    return {
        row["code"]: M49Placement(
            code=row["code"],
            m49=row["m49"] or None,
            region=row["region"] or None,
            sub_region=row["sub_region"] or None,
            intermediate_region=row["intermediate_region"] or None,
            eu27=row["eu27"] == "1",
            note=row["note"],
        )
        for row in _rows("m49_regions.csv")
    }


@cache
def m49_area_names() -> Mapping[str, str]:
    """English names of the M49 regions, sub-regions and intermediate regions, by code."""
    return {row["code"]: row["name"] for row in _rows("m49_areas.csv")}
