"""Interval repair by cuts: a protecting pattern with few more cells, or an honest give-up."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
from hypothesis import given, settings

from mechelen.core.disclosure.attacker.audit import audit
from mechelen.core.disclosure.linked import CellSystem, link_tables
from mechelen.core.disclosure.rules.primary import PrimarySuppression, primary_suppression
from mechelen.core.disclosure.secondary.completion import complete_by_cuts
from mechelen.core.disclosure.secondary.gauss import exact_protection, publication_order
from mechelen.core.disclosure.secondary.repair import repair_intervals
from mechelen.core.tabulation.hierarchy import Hierarchy
from mechelen.core.tabulation.table import CellTable
from tests.core.disclosure.tables import frequency_tables, population_table, table_of


def eliminated(table: CellTable) -> tuple[CellSystem, PrimarySuppression, npt.NDArray[np.bool_]]:
    """The system, its primary suppression and the elimination's pattern (no cell exact)."""
    system = link_tables([table])
    found = primary_suppression(table)
    order = publication_order(system, found.sensitive, system.values)
    pattern, _ = exact_protection(system, found.sensitive, order)
    return system, found, pattern | found.sensitive


def test_completes_the_elimination_with_fewer_cells_than_the_greedy_repair() -> None:
    system, found, pattern = eliminated(population_table("t", [6, 5, 4], seed=0, mean=8))
    assert not audit(system, ~pattern, found.levels).passed  # intervals too narrow
    completed, protecting, rounds = complete_by_cuts(system, found.levels, pattern, system.values)
    assert protecting and rounds >= 1
    assert np.all(completed[pattern])
    assert audit(system, ~completed, found.levels).passed
    greedy, _ = repair_intervals(system, found.levels, pattern, system.values)
    # one added cell serves every side it widens: 11 cells where the greedy repair adds 48
    assert (completed & ~pattern).sum() < (greedy & ~pattern).sum() / 2


def test_gives_up_with_its_last_pattern_after_its_rounds() -> None:
    system, found, pattern = eliminated(population_table("t", [6, 5, 4], seed=0, mean=8))
    same, protecting, rounds = complete_by_cuts(
        system, found.levels, pattern, system.values, max_rounds=0
    )
    assert not protecting and rounds == 0 and np.array_equal(same, pattern)
    _, protecting, _ = complete_by_cuts(system, found.levels, pattern, system.values, time_limit=0)
    assert not protecting


def test_gives_up_when_only_an_empty_cell_could_satisfy_a_cut() -> None:
    rows, columns = Hierarchy.flat("row", ["a", "b"]), Hierarchy.flat("col", ["x", "y"])
    table = table_of(
        "z", [rows, columns], {("a", "x"): 3, ("a", "y"): 0, ("b", "x"): 40, ("b", "y"): 40}
    )
    system = link_tables([table])
    found = primary_suppression(table)
    empty = system.keys.index(("a", "y"))
    known = [({empty: 1.0}, 1.0)]  # as if only the empty cell could widen some side
    pattern = found.sensitive
    same, protecting, _ = complete_by_cuts(
        system, found.levels, pattern, system.values, known=known
    )
    assert not protecting and np.array_equal(same, pattern)
    completed, protecting, _ = complete_by_cuts(
        system, found.levels, pattern, system.values, secondary_zeros=True, known=known
    )
    assert protecting and completed[empty]


@settings(max_examples=25, deadline=None)
@given(frequency_tables(max_inner=24))
def test_a_completed_pattern_keeps_its_cells_and_passes_the_audit(table: CellTable) -> None:
    system, found, pattern = eliminated(table)
    completed, protecting, _ = complete_by_cuts(
        system, found.levels, pattern, system.values, secondary_zeros=True
    )
    assert np.all(completed[pattern])
    assert audit(system, ~completed, found.levels).passed == protecting
