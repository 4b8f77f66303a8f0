"""The master MILP: the fewest cells, then the cheapest, that satisfy the cuts."""

from __future__ import annotations

import numpy as np

from mechelen.core.disclosure.secondary.cut_master import CutMaster


def master(fixed: list[int], cost: list[float], n: int = 5) -> CutMaster:
    pinned = np.zeros(n, dtype=np.bool_)
    pinned[fixed] = True
    return CutMaster(pinned, np.ones(n, dtype=np.bool_), np.array(cost, dtype=np.float64))


def chosen(pattern: np.ndarray | None) -> set[int]:
    assert pattern is not None
    return {int(c) for c in np.flatnonzero(pattern)}


def test_one_cell_that_satisfies_two_cuts_beats_two_cheaper_cells() -> None:
    m = master([], [10, 1, 1, 50, 50])
    m.add([({0: 2.0, 1: 2.0}, 2.0), ({0: 2.0, 2: 2.0}, 2.0)])
    assert chosen(m.solve(10, 1e-6, None)) == {0}
    assert m.optimal and m.n_cuts == 2


def test_among_as_many_cells_the_cheapest() -> None:
    m = master([], [10, 1, 1, 50, 50])
    m.add([({0: 2.0, 1: 2.0}, 2.0)])
    assert chosen(m.solve(10, 1e-6, None)) == {1}


def test_fixed_cells_count_towards_each_cut() -> None:
    m = master([3], [10, 1, 1, 50, 50])
    # cell 3 absorbs 1 of the 2 needed: one of the others must absorb the rest
    m.add([({3: 1.0, 0: 1.0, 4: 1.0}, 2.0), ({3: 2.0, 1: 2.0}, 2.0)])
    assert m.n_cuts == 1  # the second is met by the fixed cell alone
    assert chosen(m.solve(10, 1e-6, None)) == {0, 3}
    assert len(m.cuts) == 2  # every cut is kept, to be given to another master


def test_a_cut_no_candidate_can_satisfy_is_infeasible() -> None:
    m = CutMaster(
        np.zeros(3, dtype=np.bool_), np.array([True, True, False]), np.ones(3, dtype=np.float64)
    )
    m.add([({2: 1.0}, 1.0)])
    assert m.solve(10, 1e-6, None) is None and m.infeasible


def test_objective_counts_cells_first_then_cost() -> None:
    m = master([], [10, 1, 1, 50, 50])
    one = np.array([False, False, False, True, False])
    two = np.array([False, True, True, False, False])
    assert m.objective(one) < m.objective(two) and m.better(one, two)
    assert m.objective(None) == np.inf
