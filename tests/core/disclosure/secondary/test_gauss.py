"""The fast method: worked examples, the greedy against brute force, and scale."""

from __future__ import annotations

import random

import numpy as np
import pytest
from hypothesis import given, settings

from mechelen.core.disclosure.attacker.audit import audit
from mechelen.core.disclosure.linked import link_tables
from mechelen.core.disclosure.rules.primary import primary_suppression
from mechelen.core.disclosure.secondary import gauss
from mechelen.core.disclosure.secondary.gauss import (
    exact_protection,
    gauss_suppression,
    publication_order,
)
from mechelen.core.disclosure.secondary.registry import SECONDARY_METHODS, SecondaryOptions
from mechelen.core.tabulation.hierarchy import Hierarchy
from mechelen.core.tabulation.table import CellTable, full_table_from_leaves
from tests.core.disclosure.secondary.test_null_space import recomputable_cells
from tests.core.disclosure.tables import (
    frequency_tables,
    population_table,
    regions_by_sex,
    two_by_two,
)


def secondary_keys(table: CellTable) -> set[tuple[str, ...]]:
    system = link_tables([table])
    found = primary_suppression(table)
    result = gauss_suppression(system, found.sensitive, found.levels, SecondaryOptions())
    return {system.keys[c] for c in np.flatnonzero(result.suppressed & ~found.sensitive)}


def test_registered_as_gauss() -> None:
    assert SECONDARY_METHODS["gauss"] is gauss_suppression


def test_one_small_cell_in_a_two_by_two_table_needs_three_more() -> None:
    assert secondary_keys(two_by_two()) == {("a", "y"), ("b", "x"), ("b", "y")}


def test_hierarchy_keeps_the_suppression_inside_the_region() -> None:
    # (n1, F) = 2: the rectangle with its neighbour municipality n2 of the same region keeps
    # every published total of North (and everything of South) intact
    assert secondary_keys(regions_by_sex()) == {("n1", "M"), ("n2", "F"), ("n2", "M")}


def test_order_offers_empty_cells_first_then_the_largest() -> None:
    table = two_by_two(small=3)
    system = link_tables([table])
    primary = primary_suppression(table).sensitive
    order = publication_order(system, primary, system.values)
    values = [system.values[c] for c in order]
    assert values == sorted(values, reverse=True)
    assert system.keys.index(("a", "x")) not in order
    zero = full_table_from_leaves(
        "z", [Hierarchy.flat("x", ["a", "b", "c"])], {("a",): 0, ("b",): 4, ("c",): 30}
    )
    zsystem = link_tables([zero])
    zorder = publication_order(zsystem, primary_suppression(zero).sensitive, zsystem.values)
    assert zsystem.values[zorder[0]] == 0


@settings(max_examples=30)
@given(frequency_tables(max_inner=20))
def test_elimination_is_the_greedy_of_plain_linear_algebra(table: CellTable) -> None:
    system = link_tables([table])
    primary = primary_suppression(table).sensitive
    order = publication_order(system, primary, system.values)
    suppressed, _ = exact_protection(system, primary, order)
    matrix = system.equation_matrix.toarray()
    protected = {int(p) for p in np.flatnonzero(primary)}
    if protected & recomputable_cells(matrix, list(range(len(system)))):
        return  # recomputable from the equations alone: nothing can protect it
    published: set[int] = set()
    expected = primary.copy()
    for cell in order:
        rest = [c for c in range(len(system)) if c not in published and c != cell]
        if protected & recomputable_cells(matrix, rest):
            expected[cell] = True
        else:
            published.add(cell)
    assert np.array_equal(suppressed, expected)


def test_elimination_scales_to_a_municipality_table() -> None:
    """600 municipalities x 20 age bands x 2 sexes with all margins: 37,863 cells."""
    rng = random.Random(7)
    municipalities = Hierarchy.flat("municipality", [f"m{i:03d}" for i in range(600)])
    ages = Hierarchy.flat("age", [f"a{i:02d}" for i in range(20)])
    sexes = Hierarchy.flat("sex", ["F", "M"])
    size = [rng.lognormvariate(0, 1) for _ in range(600)]
    leaves = {
        (m, a, s): int(rng.expovariate(1 / (100 * size[i])))
        for i, m in enumerate(municipalities.leaves)
        for a in ages.leaves
        for s in sexes.leaves
    }
    table = full_table_from_leaves("population", [municipalities, ages, sexes], leaves)
    system = link_tables([table])
    primary = primary_suppression(table).sensitive
    order = publication_order(system, primary, system.values)
    suppressed, basis = exact_protection(system, primary, order)
    assert len(system) == 37_863 and primary.sum() > 1000
    assert not any(basis.is_fixed(int(p)) for p in np.flatnonzero(primary))
    assert suppressed.sum() < 0.5 * len(system)


def test_repair_by_cuts_below_the_size_limit_and_greedy_above(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    table = population_table("t", [6, 5, 4], seed=3, mean=8)
    system = link_tables([table])
    found = primary_suppression(table)
    options = SecondaryOptions(restarts=0)
    by_cuts = gauss_suppression(system, found.sensitive, found.levels, options)
    monkeypatch.setattr(gauss, "COMPLETION_LIMIT", len(system) - 1)
    greedy = gauss_suppression(system, found.sensitive, found.levels, options)
    assert by_cuts.details["secondary_added_by_completion"] > 0
    assert greedy.details["secondary_added_by_completion"] == 0
    assert by_cuts.suppressed.sum() < greedy.suppressed.sum()  # 90 cells against 93
    for result in (by_cuts, greedy):
        assert audit(system, ~result.suppressed, found.levels).passed
