"""Properties of suppression on random tables with margins (both secondary methods).

No sensitive cell is published; the totals are the sums of their published and suppressed
parts; and an attacker solving linear programmes over everything published never narrows a
sensitive cell below its protection interval.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings

from mechelen.core.disclosure.attacker.audit import attacker_intervals
from mechelen.core.disclosure.rules.primary import make_rule
from mechelen.core.disclosure.suppression import protect_by_suppression
from mechelen.core.tabulation.table import CellTable
from tests.core.disclosure.tables import frequency_tables


@pytest.mark.parametrize("method", ["gauss", "milp"])
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(table=frequency_tables())
def test_suppression_properties(method: str, table: CellTable) -> None:
    rule = make_rule("min-frequency", threshold=10)
    result = protect_by_suppression([table], [rule], method=method, time_limit=30)
    outcome = result.tables[0]
    status = np.array(outcome.status)
    sensitive = (table.counts > 0) & (table.counts < 10)
    # no sensitive cell is published
    assert not np.any(sensitive & (status == "observed"))
    published = status == "observed"
    assert np.array_equal(np.isnan(outcome.published), ~published)
    assert np.array_equal(outcome.published[published], table.values[published])
    # totals equal the sum of their published and suppressed parts
    for total, parts in table.equations():
        assert table.values[total] == table.values[list(parts)].sum()
    # the attacker never narrows a sensitive cell below its protection interval
    assert result.audit.passed, result.audit.findings[:2]
    own = result.system.table_cells[0]  # system index of each of the table's cells
    on_system = np.zeros(len(result.system), dtype=np.bool_)
    on_system[own] = published
    lower, upper = attacker_intervals(result.system, on_system)
    levels = result.levels
    for cell in np.flatnonzero(sensitive):
        value = table.values[cell]
        assert lower[own[cell]] <= value - levels.lower[own[cell]] + 1e-6
        assert upper[own[cell]] >= value + levels.upper[own[cell]] - 1e-6
