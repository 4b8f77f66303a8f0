"""Differential privacy: the sensitivity of a release, the budget, the mechanism's limits."""

from __future__ import annotations

import numpy as np
import pytest

from mechelen.core.disclosure.perturbative.differential_privacy import (
    COUNT_LIMIT,
    grouping_sets,
    laplace_counts,
)
from mechelen.core.problems import ProblemsFound
from mechelen.core.tabulation.hierarchy import TOTAL, Hierarchy
from mechelen.core.tabulation.table import full_table_from_leaves

#: municipalities A and B in region R: three levels with the total
GEOGRAPHY = Hierarchy("geography", {"A": "R", "B": "R", "R": TOTAL})


def test_one_person_touches_one_cell_per_combination_of_margins() -> None:
    table = full_table_from_leaves(
        "t", [GEOGRAPHY, Hierarchy.flat("sex", ["F", "M"])], {("A", "F"): 1, ("B", "M"): 2}
    )
    assert grouping_sets(table) == 3 * 2


def test_noisy_counts_are_never_negative_and_spend_at_most_epsilon() -> None:
    counts = np.array([0, 1, 2, 50, 1000], dtype=np.int64)
    noisy = laplace_counts(counts, sensitivity=4, epsilon=0.5, budget_left=1.0)
    assert noisy.counts.shape == counts.shape
    assert (noisy.counts >= 0).all()
    assert noisy.spent <= 0.5 + 1e-9
    assert noisy.scale == 4 / 0.5


def test_an_epsilon_beyond_the_budget_left_is_refused() -> None:
    with pytest.raises(ProblemsFound) as raised:
        laplace_counts(np.array([5], dtype=np.int64), 1, epsilon=1.0, budget_left=0.5)
    assert [p.code for p in raised.value.problems] == ["dp.E001"]


def test_a_count_too_large_for_the_mechanism_is_refused() -> None:
    with pytest.raises(ProblemsFound) as raised:
        laplace_counts(np.array([COUNT_LIMIT], dtype=np.int64), 1, 1.0, float("inf"))
    assert [p.code for p in raised.value.problems] == ["dp.E002"]
