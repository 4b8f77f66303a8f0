"""Linked tables: one system of cells (full keys, TOTAL where a dimension is absent)."""

from __future__ import annotations

import numpy as np
import pytest

from mechelen.core.disclosure.linked import link_tables
from mechelen.core.problems import ProblemsFound
from mechelen.core.tabulation.hierarchy import TOTAL, Hierarchy
from mechelen.core.tabulation.table import CellTable, table_from_cells

from .tables import table_of, two_by_two

REGION = Hierarchy.flat("region", ["r1", "r2", "r3"])
SEX = Hierarchy.flat("sex", ["F", "M"])
AGE = Hierarchy.flat("age", ["young", "old"])

#: persons by region, sex and age; published only as region x sex and region x age
PEOPLE = {
    ("r1", "F", "young"): 15,
    ("r1", "F", "old"): 0,
    ("r1", "M", "young"): 1,
    ("r1", "M", "old"): 2,
    ("r2", "F", "young"): 4,
    ("r2", "F", "old"): 0,
    ("r2", "M", "young"): 1,
    ("r2", "M", "old"): 0,
    ("r3", "F", "young"): 1,
    ("r3", "F", "old"): 4,
    ("r3", "M", "young"): 1,
    ("r3", "M", "old"): 15,
}


def margin(name: str, keep: tuple[int, ...], hierarchies: list[Hierarchy]) -> CellTable:
    counts: dict[tuple[str, ...], int] = {}
    for key, count in PEOPLE.items():
        inner = tuple(key[k] for k in keep)
        counts[inner] = counts.get(inner, 0) + count
    return table_of(name, hierarchies, counts)


def by_sex() -> CellTable:
    return margin("by-sex", (0, 1), [REGION, SEX])


def by_age() -> CellTable:
    return margin("by-age", (0, 2), [REGION, AGE])


def test_a_single_table_is_its_own_system() -> None:
    table = two_by_two()
    system = link_tables([table])
    assert system.keys == table.keys and system.dimensions == table.dimensions
    assert len(system.equations) == len(table.equations())
    assert np.allclose(system.equation_matrix @ system.values, 0)
    assert list(system.for_table(0, system.values)) == list(table.values)


def test_linked_tables_share_the_cells_they_have_in_common() -> None:
    sex, age = by_sex(), by_age()
    system = link_tables([sex, age])
    assert system.dimensions == ("region", "sex", "age")
    # region margins and the grand total are in both tables: counted once
    assert len(system) == len(sex) + len(age) - 4
    shared = system.keys.index(("r1", TOTAL, TOTAL))
    assert shared in system.table_cells[0] and shared in system.table_cells[1]
    assert system.values[shared] == 18
    assert ("r1", "F", TOTAL) in system.keys and ("r1", TOTAL, "old") in system.keys
    assert len(system.equations) == len(sex.equations()) + len(age.equations()) - 1
    assert np.allclose(system.equation_matrix @ system.values, 0)
    for number, table in enumerate((sex, age)):
        assert list(system.for_table(number, system.values)) == list(table.values)


def test_linked_tables_must_agree_on_shared_cells() -> None:
    other = table_from_cells(
        "other",
        [REGION],
        {(TOTAL,): (99, 99.0), ("r1",): (18, 18.0), ("r2",): (5, 5.0), ("r3",): (76, 76.0)},
    )
    with pytest.raises(ProblemsFound) as raised:
        link_tables([by_sex(), other])
    problem = raised.value.problems[0]
    assert problem.code == "disclosure.E001" and problem.params["other_table"] == "other"


def test_nothing_to_link_is_an_error() -> None:
    with pytest.raises(ProblemsFound) as raised:
        link_tables([])
    assert raised.value.problems[0].code == "disclosure.E006"


def test_lower_bounds_are_zero_unless_a_value_is_negative() -> None:
    assert np.all(link_tables([two_by_two()]).lower_bounds == 0)
    signed = table_from_cells(
        "balance",
        [REGION],
        {(TOTAL,): (3, -5.0), ("r1",): (1, 10.0), ("r2",): (2, -15.0), ("r3",): (0, 0.0)},
    )
    assert np.all(np.isneginf(link_tables([signed]).lower_bounds))


def test_each_cell_knows_its_equations() -> None:
    system = link_tables([two_by_two()])
    grand = system.keys.index((TOTAL, TOTAL))
    inner = system.keys.index(("a", "x"))
    assert len(system.memberships[grand]) == 2  # total of the row and of the column sums
    assert len(system.memberships[inner]) == 2  # part of its row and of its column
