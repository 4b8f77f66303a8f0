"""The entry point: statuses, counts, information loss, linked tables, and properties."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings

from mechelen.core.disclosure.attacker.audit import attacker_intervals, audit
from mechelen.core.disclosure.rules.primary import Dominance, MinFrequency, primary_suppression
from mechelen.core.disclosure.secondary.registry import OBSERVED, PRIMARY, SECONDARY
from mechelen.core.disclosure.suppression import SuppressionResult, protect_by_suppression
from mechelen.core.problems import ProblemsFound
from mechelen.core.tabulation.hierarchy import Hierarchy
from mechelen.core.tabulation.table import CellTable

from .tables import frequency_tables, magnitude_table, two_by_two
from .test_linked import by_age, by_sex

METHODS = ("gauss", "milp")


@pytest.mark.parametrize("method", METHODS)
def test_result_of_a_two_by_two_table(method: str) -> None:
    table = two_by_two()
    result = protect_by_suppression([table], method=method)
    outcome = result.table("two-by-two")
    status = dict(zip(table.keys, outcome.status, strict=True))
    assert status[("a", "x")] == PRIMARY
    assert {k for k, s in status.items() if s == SECONDARY} == {("a", "y"), ("b", "x"), ("b", "y")}
    assert status[("_T", "_T")] == OBSERVED  # totals are published like any cell
    assert (outcome.primary, outcome.secondary) == (1, 3)
    assert outcome.value_suppressed == 3 + 20 + 15 + 30
    assert outcome.value_secondary == 65
    assert outcome.share_of_cells_suppressed == pytest.approx(4 / 9)
    assert outcome.share_of_value_suppressed == pytest.approx(68 / table.values.sum())
    assert np.isnan(outcome.published[table.index(("a", "x"))])
    assert outcome.published[table.index(("_T", "_T"))] == 68
    assert result.audit.passed and outcome.findings == ()
    assert result.method == method and result.secondary == 3 and result.primary == 1


def test_unknown_method_and_no_tables_are_reported() -> None:
    with pytest.raises(ProblemsFound) as raised:
        protect_by_suppression([two_by_two()], method="hypercube")
    assert raised.value.problems[0].code == "disclosure.E003"
    with pytest.raises(ProblemsFound) as raised:
        protect_by_suppression([])
    assert raised.value.problems[0].code == "disclosure.E006"


@pytest.mark.parametrize("method", METHODS)
def test_linked_tables_are_protected_together(method: str) -> None:
    sex, age = by_sex(), by_age()
    result = protect_by_suppression([sex, age], method=method)
    assert result.audit.passed
    # a shared cell has one status in both tables
    for key in [k for k in sex.keys if k in age.keys]:
        assert result.tables[0].status[sex.index(key)] == result.tables[1].status[age.index(key)]
    assert (result.tables[0].primary, result.tables[1].primary) == (5, 4)
    assert result.primary == 8  # the region r2 (5 persons) is sensitive in both


def test_tables_protected_one_by_one_leak_what_linked_protection_keeps() -> None:
    """Each table is safe alone; published together, their shared cells give cells away."""
    sex, age = by_sex(), by_age()
    linked = protect_by_suppression([sex, age])
    system = linked.system
    published = np.zeros(len(system), dtype=np.bool_)
    for number, table in enumerate((sex, age)):
        alone = protect_by_suppression([table])
        assert alone.audit.passed
        shown = np.array(alone.tables[0].status) == OBSERVED
        published[system.table_cells[number][shown]] = True
    together = audit(system, published, linked.levels)
    assert not together.passed
    assert linked.audit.passed


def test_magnitude_table_with_dominance() -> None:
    sector = Hierarchy.flat("sector", ["food", "steel", "shops", "cars"])
    region = Hierarchy.flat("region", ["r1", "r2"])
    table = magnitude_table(
        "turnover",
        [sector, region],
        {
            ("food", "r1"): [50.0, 40.0, 30.0],
            ("food", "r2"): [45.0, 45.0, 20.0],
            ("steel", "r1"): [950.0, 30.0],
            ("steel", "r2"): [300.0, 280.0, 260.0],
            ("shops", "r1"): [60.0, 55.0, 50.0, 40.0],
            ("shops", "r2"): [70.0, 65.0, 30.0],
            ("cars", "r1"): [500.0, 450.0],
            ("cars", "r2"): [400.0, 380.0, 200.0],
        },
    )
    rules = [MinFrequency(threshold=3), Dominance(n=1, k=90)]
    for method in METHODS:
        result = protect_by_suppression([table], rules, method=method)
        status = dict(zip(table.keys, result.tables[0].status, strict=True))
        assert status[("steel", "r1")] == PRIMARY and status[("cars", "r1")] == PRIMARY
        assert result.audit.passed and result.secondary >= 2


def check_properties(table: CellTable, result: SuppressionResult) -> None:
    found = primary_suppression(table)
    outcome = result.tables[0]
    status = np.array(outcome.status)
    # (a) no primary cell is published
    assert np.all(status[found.sensitive] == PRIMARY)
    assert np.all(np.isnan(outcome.published[status != OBSERVED]))
    # (b) the equations hold on the original values: published and suppressed parts add up
    for total, parts in table.equations():
        assert table.values[total] == pytest.approx(sum(table.values[p] for p in parts))
    system = result.system
    assert np.allclose(system.equation_matrix @ system.values, 0)
    # (c) the attacker never narrows a primary cell below its protection levels
    suppressed = status != OBSERVED
    lower, upper = attacker_intervals(system, ~suppressed, np.flatnonzero(found.sensitive))
    cells = np.flatnonzero(found.sensitive)
    slack = 1e-6 * np.maximum(1, table.values[cells])
    assert np.all(lower[cells] <= table.values[cells] - found.levels.lower[cells] + slack)
    assert np.all(upper[cells] >= table.values[cells] + found.levels.upper[cells] - slack)
    assert result.audit.passed


@settings(max_examples=40)
@given(frequency_tables())
def test_properties_of_the_fast_method(table: CellTable) -> None:
    check_properties(table, protect_by_suppression([table], method="gauss"))


@settings(max_examples=20)
@given(frequency_tables(max_inner=24))
def test_properties_of_the_exact_method(table: CellTable) -> None:
    check_properties(table, protect_by_suppression([table], method="milp", time_limit=20))
