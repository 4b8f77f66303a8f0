"""Local LPs (large groups) give the same bounds as the LP of the whole group."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mechelen.core.disclosure.attacker.model import AttackerModel
from mechelen.core.disclosure.linked import link_tables
from mechelen.core.tabulation.table import CellTable
from tests.core.disclosure.tables import frequency_tables, population_table


def bounds(model: AttackerModel, cells: np.ndarray) -> np.ndarray:
    return np.array(
        [(model.bound(int(c), maximise=False), model.bound(int(c), maximise=True)) for c in cells]
    )


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(table=frequency_tables(), seed=st.integers(0, 1000))
def test_local_lps_give_the_bounds_of_the_whole_group(table: CellTable, seed: int) -> None:
    system = link_tables([table])
    published = np.random.default_rng(seed).random(len(system)) > 0.5
    suppressed = np.flatnonzero(~published)
    whole = AttackerModel(system, published)
    local = AttackerModel(system, published, local_above=0, local_limit=10**6, block_size=3)
    assert bounds(local, suppressed) == pytest.approx(bounds(whole, suppressed), abs=1e-6)


def test_local_lps_on_a_large_table_grow_as_needed() -> None:
    system = link_tables([population_table("population", [12, 8, 3], 4, mean=6)])
    published = system.values >= 9
    suppressed = np.flatnonzero(~published)[::7]
    whole = AttackerModel(system, published)
    local = AttackerModel(system, published, local_above=0, local_limit=60, block_size=10)
    assert bounds(local, suppressed) == pytest.approx(bounds(whole, suppressed), abs=1e-6)


def test_witnessed_moves_are_tables_the_attacker_cannot_rule_out() -> None:
    system = link_tables([population_table("population", [12, 8], 2, mean=8)])
    published = system.values >= 10
    suppressed = np.flatnonzero(~published)
    model = AttackerModel(system, published, local_above=0, block_size=40)
    values = system.values[suppressed]
    model.witness(suppressed, values - 1, values + 1)
    whole = AttackerModel(system, published)
    for cell in suppressed:
        low, high = model.seen(int(cell))
        assert whole.bound(int(cell), maximise=False) <= low + 1e-6
        assert whole.bound(int(cell), maximise=True) >= high - 1e-6
    reached = model.reached(suppressed, values - 1, values + 1)
    assert reached.any()


def test_block_estimates_are_bounds_the_attacker_reaches_at_least() -> None:
    system = link_tables([population_table("population", [12, 8, 3], 4, mean=6)])
    published = system.values >= 9
    suppressed = np.flatnonzero(~published)[::5]
    whole = AttackerModel(system, published)
    local = AttackerModel(system, published, local_above=0, block_size=8)
    for cell in suppressed.tolist():
        for maximise in (False, True):
            estimate = local.estimate(cell, maximise, growth=0)
            bound = whole.bound(cell, maximise)
            inner = estimate.value <= bound + 1e-6 if maximise else estimate.value >= bound - 1e-6
            assert inner
            if estimate.exact:
                assert estimate.value == pytest.approx(bound, abs=1e-6)
