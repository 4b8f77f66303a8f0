"""The attacker's intervals by linear programming, on tables with known answers."""

from __future__ import annotations

import numpy as np
import pytest

from mechelen.core.disclosure.attacker.audit import attacker_intervals, audit
from mechelen.core.disclosure.attacker.model import AttackerModel
from mechelen.core.disclosure.linked import CellSystem, link_tables
from mechelen.core.disclosure.rules.primary import primary_suppression
from mechelen.core.problems import ProblemsFound
from mechelen.core.tabulation.hierarchy import TOTAL, Hierarchy
from mechelen.core.tabulation.table import table_from_cells
from tests.core.disclosure.tables import two_by_two

INNER = [("a", "x"), ("a", "y"), ("b", "x"), ("b", "y")]


def published_except(system: CellSystem, keys: list[tuple[str, ...]]) -> np.ndarray:
    published = np.ones(len(system), dtype=np.bool_)
    for key in keys:
        published[system.keys.index(key)] = False
    return published


def test_intervals_of_a_suppressed_rectangle() -> None:
    system = link_tables([two_by_two(small=3)])  # a: 3 20 | b: 15 30
    lower, upper = attacker_intervals(system, published_except(system, INNER))
    got = {key: (lower[system.keys.index(key)], upper[system.keys.index(key)]) for key in INNER}
    assert got == {
        ("a", "x"): (0, 18),
        ("a", "y"): (5, 23),
        ("b", "x"): (0, 18),
        ("b", "y"): (27, 45),
    }
    grand = system.keys.index((TOTAL, TOTAL))
    assert lower[grand] == upper[grand] == 68  # published: its own value


def test_a_cell_alone_in_an_equation_is_recomputed_exactly() -> None:
    system = link_tables([two_by_two(small=3)])
    published = published_except(system, [("a", "x"), ("a", "y")])
    lower, upper = attacker_intervals(system, published)
    cell = system.keys.index(("a", "x"))
    assert lower[cell] == pytest.approx(3) and upper[cell] == pytest.approx(3)
    result = audit(system, published, primary_suppression(two_by_two(small=3)).levels)
    assert not result.passed
    finding = result.findings[0]
    assert finding.key == ("a", "x") and finding.required_upper == 8 and finding.upper_bound == 3


def test_audit_passes_when_the_interval_is_wide_enough() -> None:
    table = two_by_two(small=3)
    system = link_tables([table])
    result = audit(system, published_except(system, INNER), primary_suppression(table).levels)
    assert result.passed
    cell = system.keys.index(("a", "x"))
    assert result.lower[cell] <= 0 and result.upper[cell] >= 8
    assert np.all(result.exact[published_except(system, INNER)])


def test_a_published_sensitive_cell_fails() -> None:
    table = two_by_two(small=3)
    system = link_tables([table])
    result = audit(system, np.ones(len(system), dtype=np.bool_), primary_suppression(table).levels)
    assert [f.key for f in result.findings] == [("a", "x")]


def test_an_unconstrained_cell_is_unbounded_above() -> None:
    system = link_tables([two_by_two()])
    everything = np.zeros(len(system), dtype=np.bool_)
    lower, upper = attacker_intervals(system, everything)
    assert np.all(lower == 0) and np.all(np.isinf(upper))


def test_without_non_negativity_cells_are_unbounded_below() -> None:
    region = Hierarchy.flat("region", ["r1", "r2", "r3"])
    table = table_from_cells(
        "balance",
        [region],
        {(TOTAL,): (3, -5.0), ("r1",): (1, 10.0), ("r2",): (1, -15.0), ("r3",): (1, 0.0)},
    )
    system = link_tables([table])
    published = published_except(system, [("r1",), ("r2",)])
    lower, _ = attacker_intervals(system, published)
    assert np.isneginf(lower[system.keys.index(("r1",))])


def test_inconsistent_tables_are_reported() -> None:
    region = Hierarchy.flat("region", ["r1", "r2"])
    table = table_from_cells(
        "wrong", [region], {(TOTAL,): (10, 10.0), ("r1",): (3, 3.0), ("r2",): (4, 4.0)}
    )
    with pytest.raises(ProblemsFound) as raised:
        attacker_intervals(link_tables([table]), np.zeros(3, dtype=np.bool_))
    assert raised.value.problems[0].code == "disclosure.E005"


def test_model_reports_duals_and_remembers_solutions() -> None:
    system = link_tables([two_by_two(small=3)])
    model = AttackerModel(system, published_except(system, INNER))
    cell = system.keys.index(("a", "x"))
    bound, duals = model.solve(cell, maximise=True)
    assert bound == pytest.approx(18) and duals
    other = system.keys.index(("b", "y"))
    assert model.seen(other)[1] == pytest.approx(45)  # the same solution moved (b, y) up
    assert set(model.linked_cells(cell)) == {system.keys.index(k) for k in INNER}
