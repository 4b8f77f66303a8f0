"""The public relations between a dataset's dimensions, read from the definitions."""

from __future__ import annotations

from pathlib import Path

import pytest

from mechelen.core.microdata import codes
from mechelen.core.tabulation.hierarchy import Hierarchy
from mechelen.engine.standardise.country_groups import country_group
from mechelen.engine.tables.relations import (
    birth_status,
    citizenship_status,
    country_universe,
    dimension_relations,
)

COUNTRIES = ["BEL", "FRA", "MAR", "SYR", "XXA", "XXU", "XXO"]


def hierarchies() -> dict[str, Hierarchy]:
    statuses = {f"{b}/{c}" for b in codes.BIRTH_STATUSES for c in codes.CITIZENSHIP_STATUSES}
    return {
        "country_of_birth": Hierarchy.flat("country_of_birth", COUNTRIES),
        "country_of_birth_group": Hierarchy.flat(
            "country_of_birth_group", sorted({country_group(c, "BEL") for c in COUNTRIES})
        ),
        "birth_status": Hierarchy.flat("birth_status", codes.BIRTH_STATUSES),
        "citizenship_status": Hierarchy.flat("citizenship_status", codes.CITIZENSHIP_STATUSES),
        "migratory_status": Hierarchy.flat("migratory_status", sorted(statuses)),
        "sex": Hierarchy.flat("sex", ["F", "M"]),
    }


def test_a_group_is_the_sum_of_its_countries() -> None:
    relations = dimension_relations(
        [("country_of_birth", "sex"), ("country_of_birth_group", "sex")], hierarchies(), "BEL"
    )
    assert [(r.dimension, r.sources) for r in relations] == [
        ("country_of_birth_group", ("country_of_birth",))
    ]
    mapping = relations[0].mapping
    assert mapping[("BEL",)] == "BEL" and mapping[("FRA",)] == "EU27 (other)"
    assert mapping[("MAR",)] == "Africa" and mapping[("XXO",)] == "Other"
    assert mapping[("XXU",)] == "Unknown" and mapping[("XXA",)] == "Stateless"


def test_statuses_derive_from_the_migratory_status_and_it_from_the_pair() -> None:
    relations = dimension_relations(
        [("migratory_status",), ("citizenship_status", "birth_status"), ("birth_status",)],
        hierarchies(),
        "BEL",
    )
    found = {(r.dimension, r.sources): r for r in relations}
    assert set(found) == {
        ("birth_status", ("migratory_status",)),
        ("citizenship_status", ("migratory_status",)),
        ("migratory_status", ("birth_status", "citizenship_status")),
    }
    pair = found[("migratory_status", ("birth_status", "citizenship_status"))].mapping
    assert pair[("foreign-born", "citizen")] == "foreign-born/citizen"
    status = found[("citizenship_status", ("migratory_status",))].mapping
    assert status[("native-born/non-citizen",)] == "non-citizen"


def test_relations_need_their_sources_in_one_table() -> None:
    """A pair relation links cells only where a table crosses both sources."""
    relations = dimension_relations(
        [("migratory_status",), ("citizenship_status",), ("birth_status",)], hierarchies(), "BEL"
    )
    assert all(len(r.sources) == 1 for r in relations)


def test_no_relation_between_unrelated_dimensions() -> None:
    assert dimension_relations([("sex",), ("country_of_birth",)], hierarchies(), "BEL") == []


@pytest.mark.parametrize("code", country_universe())
def test_the_group_decides_the_birth_status(code: str) -> None:
    """The definitions make birth status a function of the group (the relation asserts it)."""
    group = country_group(code, "BEL")
    expected = {"BEL": codes.NATIVE_BORN, "Unknown": codes.UNKNOWN_STATUS}
    assert birth_status(code, "BEL") == expected.get(group, codes.FOREIGN_BORN)
    stateless = {"Stateless": codes.STATELESS_STATUS}
    assert citizenship_status(code, "BEL") == {
        "BEL": codes.CITIZEN,
        "Unknown": codes.UNKNOWN_STATUS,
        **stateless,
    }.get(group, codes.NON_CITIZEN)


def test_the_definitions_are_those_the_ingest_applies(tmp_path: Path) -> None:
    """The ingest derives the statuses in SQL, the relations in Python: they must agree on
    every code of a dataset, or the attacker's model would not be the published data's."""
    from tests.engine.synthetic import town_workspace

    workspace = town_workspace(tmp_path, persons=400)
    rows = workspace.con.execute(
        "SELECT DISTINCT country_of_birth, birth_status, citizenship, citizenship_status, "
        "migratory_status FROM data__town"
    ).fetchall()
    workspace.close()
    assert rows
    for birth, birth_code, citizenship, citizenship_code, migratory in rows:
        assert birth_status(birth, "BEL") == birth_code
        assert citizenship_status(citizenship, "BEL") == citizenship_code
        assert migratory == f"{birth_code}/{citizenship_code}"
