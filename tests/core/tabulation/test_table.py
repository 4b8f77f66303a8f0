from __future__ import annotations

import pytest

from mechelen.core.tabulation.hierarchy import TOTAL, Hierarchy
from mechelen.core.tabulation.table import full_table_from_leaves


def test_hierarchy_codes_depth_and_leaves() -> None:
    geo = Hierarchy("geo", {"A": TOTAL, "B": TOTAL, "a1": "A", "a2": "A"})
    assert geo.codes == (TOTAL, "A", "B", "a1", "a2")
    assert geo.leaves == ("B", "a1", "a2") and geo.depth == 2
    assert Hierarchy.flat("sex", ["F", "M"]).depth == 1


@pytest.mark.parametrize("parents", [{"a": "b", "b": "a"}, {"a": "nowhere"}, {TOTAL: "x"}])
def test_bad_hierarchies_are_refused(parents: dict[str, str]) -> None:
    with pytest.raises(ValueError):
        Hierarchy("geo", parents)


def test_equations_of_a_table_with_margins() -> None:
    geo = Hierarchy("geo", {"A": TOTAL, "B": TOTAL, "a1": "A", "a2": "A"})
    sex = Hierarchy.flat("sex", ["F", "M"])
    table = full_table_from_leaves("t", [geo, sex], {("a1", "F"): 3, ("a2", "M"): 5, ("B", "F"): 7})
    assert len(table) == 5 * 3
    equations = table.equations()
    assert len(equations) == 11
    for total, parts in equations:
        assert table.counts[total] == sum(table.counts[p] for p in parts)
    assert table.counts[table.index((TOTAL, TOTAL))] == 15  # type: ignore[index]
