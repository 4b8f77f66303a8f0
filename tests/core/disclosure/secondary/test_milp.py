"""The exact method: worked examples, optimality against enumeration, time limit."""

from __future__ import annotations

import itertools

import numpy as np
from hypothesis import given, settings

from mechelen.core.disclosure.attacker.audit import audit
from mechelen.core.disclosure.linked import link_tables
from mechelen.core.disclosure.rules.primary import primary_suppression
from mechelen.core.disclosure.secondary.cuts import (
    equation_cuts,
    satisfies,
    violated_cuts,
)
from mechelen.core.disclosure.secondary.gauss import gauss_suppression
from mechelen.core.disclosure.secondary.milp import milp_suppression
from mechelen.core.disclosure.secondary.registry import SECONDARY_METHODS, SecondaryOptions
from mechelen.core.tabulation.hierarchy import Hierarchy
from mechelen.core.tabulation.table import CellTable
from tests.core.disclosure.tables import (
    frequency_tables,
    population_table,
    regions_by_sex,
    table_of,
    two_by_two,
)


def run(table: CellTable, **options: float) -> tuple[set[tuple[str, ...]], dict[str, object]]:
    system = link_tables([table])
    found = primary_suppression(table)
    result = milp_suppression(system, found.sensitive, found.levels, SecondaryOptions(**options))  # type: ignore[arg-type]
    keys = {system.keys[c] for c in np.flatnonzero(result.suppressed & ~found.sensitive)}
    return keys, dict(result.details)


def test_registered_as_milp() -> None:
    assert SECONDARY_METHODS["milp"] is milp_suppression


def test_one_small_cell_in_a_two_by_two_table_needs_three_more() -> None:
    keys, details = run(two_by_two())
    assert keys == {("a", "y"), ("b", "x"), ("b", "y")} and details["optimal"] is True


def test_hierarchy_example_is_solved_to_the_cheapest_rectangle() -> None:
    keys, details = run(regions_by_sex())
    assert keys == {("n1", "M"), ("n2", "F"), ("n2", "M")} and details["optimal"] is True


def fewest_by_enumeration(table: CellTable) -> int:
    system = link_tables([table])
    found = primary_suppression(table)
    candidates = np.flatnonzero(~found.sensitive & (system.values != 0))
    for size in range(len(candidates) + 1):
        for chosen in itertools.combinations(candidates, size):
            suppressed = found.sensitive.copy()
            suppressed[list(chosen)] = True
            if audit(system, ~suppressed, found.levels).passed:
                return size
    raise AssertionError("even suppressing every cell does not protect")


@settings(max_examples=25)
@given(frequency_tables(max_dimensions=2, max_inner=6))
def test_milp_finds_the_fewest_secondary_cells(table: CellTable) -> None:
    system = link_tables([table])
    found = primary_suppression(table)
    result = milp_suppression(system, found.sensitive, found.levels, SecondaryOptions())
    assert result.details["optimal"] is True
    assert int((result.suppressed & ~found.sensitive).sum()) == fewest_by_enumeration(table)


@settings(max_examples=15)
@given(frequency_tables(max_inner=24))
def test_milp_never_needs_more_than_the_fast_method(table: CellTable) -> None:
    system = link_tables([table])
    found = primary_suppression(table)
    exact = milp_suppression(system, found.sensitive, found.levels, SecondaryOptions())
    fast = gauss_suppression(system, found.sensitive, found.levels, SecondaryOptions())
    assert exact.suppressed.sum() <= fast.suppressed.sum()
    assert audit(system, ~exact.suppressed, found.levels).passed


def test_out_of_time_it_returns_a_protected_pattern() -> None:
    table = regions_by_sex()
    system = link_tables([table])
    found = primary_suppression(table)
    result = milp_suppression(system, found.sensitive, found.levels, SecondaryOptions(time_limit=0))
    assert result.details["optimal"] is False
    assert audit(system, ~result.suppressed, found.levels).passed


def test_details_of_a_proven_pattern() -> None:
    table = regions_by_sex()
    system = link_tables([table])
    found = primary_suppression(table)
    result = milp_suppression(system, found.sensitive, found.levels, SecondaryOptions())
    secondary = int((result.suppressed & ~found.sensitive).sum())
    assert result.details["optimal"] is True
    assert result.details["gap"] == 0.0
    assert result.details["secondary_lower_bound"] == secondary


@settings(max_examples=15)
@given(frequency_tables(max_inner=24))
def test_out_of_time_on_random_tables_the_pattern_protects_and_the_bound_holds(
    table: CellTable,
) -> None:
    system = link_tables([table])
    found = primary_suppression(table)
    cut_short = milp_suppression(
        system, found.sensitive, found.levels, SecondaryOptions(time_limit=1e-3)
    )
    exact = milp_suppression(system, found.sensitive, found.levels, SecondaryOptions())
    assert audit(system, ~cut_short.suppressed, found.levels).passed
    assert exact.details["optimal"] is True
    fewest = int((exact.suppressed & ~found.sensitive).sum())
    assert int(cut_short.details["secondary_lower_bound"]) <= fewest
    assert int((cut_short.suppressed & ~found.sensitive).sum()) >= fewest
    assert 0.0 <= float(cut_short.details["gap"]) <= 1.0


@settings(max_examples=20)
@given(frequency_tables(max_inner=24))
def test_every_cut_keeps_every_protecting_pattern(table: CellTable) -> None:
    """A cut from the attacker's duals is valid: protecting patterns all satisfy it."""
    system = link_tables([table])
    found = primary_suppression(table)
    protecting = [
        gauss_suppression(system, found.sensitive, found.levels, SecondaryOptions()).suppressed,
        np.ones(len(system), dtype=np.bool_),
    ]
    cuts = equation_cuts(system, found.sensitive, found.levels)
    cuts += violated_cuts(system, found.sensitive.copy(), found.levels)
    for pattern in protecting:
        assert audit(system, ~pattern, found.levels).passed
        assert all(satisfies(pattern, cut) for cut in cuts)


def test_cuts_cut_off_the_pattern_they_come_from() -> None:
    table = two_by_two()
    system = link_tables([table])
    found = primary_suppression(table)
    pattern = found.sensitive.copy()
    pattern[system.keys.index(("a", "y"))] = True  # one partner only: still recomputable
    cuts = violated_cuts(system, pattern, found.levels)
    assert cuts
    assert not any(satisfies(pattern, cut) for cut in cuts)


@settings(max_examples=10, deadline=None)
@given(frequency_tables(max_dimensions=3, max_inner=40))
def test_milp_on_three_way_tables_protects_and_beats_the_fast_method(table: CellTable) -> None:
    system = link_tables([table])
    found = primary_suppression(table)
    exact = milp_suppression(system, found.sensitive, found.levels, SecondaryOptions())
    fast = gauss_suppression(system, found.sensitive, found.levels, SecondaryOptions())
    assert audit(system, ~exact.suppressed, found.levels).passed
    assert int(exact.suppressed.sum()) <= int(fast.suppressed.sum())
    if exact.details["optimal"]:
        assert exact.details["secondary_lower_bound"] == int(
            (exact.suppressed & ~found.sensitive).sum()
        )


def two_by_four(inner: list[list[int]]) -> CellTable:
    rows = Hierarchy.flat("d0", ["d00", "d01"])
    columns = Hierarchy.flat("d1", ["d10", "d11", "d12", "d13"])
    leaves = {
        (r, c): inner[i][j]
        for i, r in enumerate(rows.codes[1:])
        for j, c in enumerate(columns.codes[1:])
    }
    return table_of("two-by-four", [rows, columns], leaves)


def test_a_solver_answer_that_is_not_its_optimum_is_not_taken_for_one() -> None:
    # found by hypothesis: highspy 1.16.0, given the fast pattern as MIP start after cuts were
    # added, answered with the start itself and a wrong objective and bound; the exact method
    # then kept 4 secondary cells and called that optimal while 2 protect
    table = two_by_four([[0, 0, 1, 1], [12, 0, 0, 12]])
    keys, details = run(table)
    assert len(keys) == 2 == details["secondary_lower_bound"] and details["optimal"] is True
    assert len(keys) == fewest_by_enumeration(table)


def test_a_pattern_using_an_empty_cell_is_not_kept_when_one_without_is_as_small() -> None:
    # found by hypothesis: interval repair offered a pattern with an empty cell, as small and
    # cheaper (the empty cell costs nothing); empty cells are not candidates by default
    table = two_by_four([[0, 1, 0, 1], [12, 0, 2, 12]])
    system = link_tables([table])
    found = primary_suppression(table)
    result = milp_suppression(system, found.sensitive, found.levels, SecondaryOptions())
    secondary = result.suppressed & ~found.sensitive
    assert not np.any(secondary & (system.values == 0))
    assert result.details["optimal"] is True
    assert result.details["secondary_lower_bound"] == int(secondary.sum()) == 3
    assert audit(system, ~result.suppressed, found.levels).passed


def test_out_of_time_the_exact_method_is_never_worse_than_the_fast_one() -> None:
    # found by hypothesis: the exact method started from one run of the fast method, while
    # the fast method's restart finds fewer cells (here 17 against 18)
    table = population_table("p", [4, 5], seed=3, mean=12)
    system = link_tables([table])
    found = primary_suppression(table)
    fast = gauss_suppression(system, found.sensitive, found.levels, SecondaryOptions())
    one_run = gauss_suppression(system, found.sensitive, found.levels, SecondaryOptions(restarts=0))
    assert fast.suppressed.sum() < one_run.suppressed.sum()
    exact = milp_suppression(system, found.sensitive, found.levels, SecondaryOptions(time_limit=0))
    assert exact.details["optimal"] is False
    assert exact.suppressed.sum() <= fast.suppressed.sum()
