"""Primary rules: registry, the frequency rule and the magnitude rules."""

from __future__ import annotations

import numpy as np
import pytest

from mechelen.core.disclosure.rules.primary import (
    PRIMARY_RULES,
    Dominance,
    MinFrequency,
    PPercent,
    make_rule,
    primary_suppression,
)
from mechelen.core.problems import ProblemsFound
from mechelen.core.tabulation.hierarchy import Hierarchy
from mechelen.core.tabulation.table import CellTable
from tests.core.disclosure.tables import magnitude_table, table_of, two_by_two


def test_rules_are_registered_under_stable_ids() -> None:
    assert set(PRIMARY_RULES) >= {"min-frequency", "dominance-nk", "p-percent"}
    assert isinstance(make_rule("min-frequency", threshold=5), MinFrequency)
    assert make_rule("dominance-nk", n=2, k=85) == Dominance(2, 85)
    with pytest.raises(ProblemsFound) as raised:
        make_rule("no-such-rule")
    assert raised.value.problems[0].code == "disclosure.E003"


def test_frequency_rule_flags_counts_from_one_to_below_the_threshold() -> None:
    table = table_of(
        "t", [Hierarchy.flat("x", ["a", "b", "c", "d"])], {("a",): 0, ("b",): 9, ("c",): 10}
    )
    found = MinFrequency().apply(table)
    sensitive = {key: bool(s) for key, s in zip(table.keys, found.sensitive, strict=True)}
    assert sensitive == {("_T",): False, ("a",): False, ("b",): True, ("c",): False, ("d",): False}
    b = table.index(("b",))
    assert found.levels.upper[b] == 5 and found.levels.lower[b] == 5
    with_zeros = MinFrequency(zero_sensitive=True).apply(table)
    assert with_zeros.sensitive[table.index(("a",))]
    assert with_zeros.levels.lower[table.index(("a",))] == 0  # cannot go below 0


def test_frequency_rule_protection_can_be_absolute_or_a_per_cent() -> None:
    table = two_by_two(small=3)
    cell = table.index(("a", "x"))
    assert MinFrequency(protection=2).apply(table).levels.upper[cell] == 2
    assert MinFrequency(threshold=4).apply(table).levels.upper[cell] == 2
    assert MinFrequency(protection_percent=50).apply(table).levels.upper[cell] == 1.5


@pytest.mark.parametrize(
    ("parameters", "parameter"),
    [({"threshold": 0}, "threshold"), ({"protection": 0}, "protection")],
)
def test_bad_parameters_are_reported_with_a_code(
    parameters: dict[str, int], parameter: str
) -> None:
    with pytest.raises(ProblemsFound) as raised:
        MinFrequency(**parameters)
    problem = raised.value.problems[0]
    assert problem.code == "disclosure.E004" and problem.params["parameter"] == parameter


def _firms() -> CellTable:
    sector = Hierarchy.flat("sector", ["food", "steel", "shops"])
    return magnitude_table(
        "turnover",
        [sector],
        {
            ("food",): [50.0, 40.0, 30.0, 30.0],  # no dominance
            ("steel",): [950.0, 30.0, 20.0],  # one firm has 95%
            ("shops",): [60.0, 35.0, 5.0],  # the second firm can estimate the first
        },
    )


def test_dominance_rule_on_the_largest_contributions() -> None:
    table = _firms()
    found = Dominance(n=1, k=90).apply(table)
    flagged = {table.keys[i] for i in np.flatnonzero(found.sensitive)}
    assert flagged == {("steel",)}
    steel = table.index(("steel",))
    assert found.levels.upper[steel] == pytest.approx(100 / 90 * 950 - 1000)


def test_p_percent_rule_on_the_two_largest_contributions() -> None:
    table = _firms()
    found = PPercent(p=10).apply(table)
    flagged = {table.keys[i] for i in np.flatnonzero(found.sensitive)}
    # shops: 100 - 60 - 35 = 5 < 6; steel: 1000 - 950 - 30 = 20 < 95
    assert flagged == {("shops",), ("steel",)}
    shops = table.index(("shops",))
    assert found.levels.upper[shops] == pytest.approx(1.0)


def test_magnitude_rules_need_the_largest_contributions() -> None:
    with pytest.raises(ProblemsFound) as raised:
        Dominance().apply(two_by_two())
    assert raised.value.problems[0].code == "disclosure.E002"


def test_rules_combine_cells_and_levels() -> None:
    table = _firms()
    found = primary_suppression(table, [MinFrequency(threshold=4), PPercent(p=10)])
    assert set(found.by_rule) == {"min-frequency", "p-percent"}
    assert found.count == int((found.by_rule["min-frequency"] | found.by_rule["p-percent"]).sum())
    default = primary_suppression(two_by_two())
    assert default.count == 1 and set(default.by_rule) == {"min-frequency"}
