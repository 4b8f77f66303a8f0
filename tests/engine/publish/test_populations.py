"""Populations of releases with filters: which contains which, and the rest between them."""

from __future__ import annotations

import numpy as np

from mechelen.core.disclosure.linked import link_tables
from mechelen.core.tabulation.hierarchy import Hierarchy
from mechelen.core.tabulation.spec import Filter
from mechelen.core.tabulation.table import full_table_from_leaves
from mechelen.engine.publish.populations import (
    POPULATION,
    contains,
    link_populations,
    placement,
)

ADULTS = (Filter("age", minimum=18),)
WOMEN = (Filter("sex", values=("F",)),)
BANDS = Hierarchy.flat("age_band", ["0-14", "15-19", "20-64", "65+", "_U"])


def test_everyone_contains_every_population_and_ranges_nest() -> None:
    assert contains((), ADULTS) and not contains(ADULTS, ())
    assert contains(ADULTS, (Filter("age", minimum=65),))
    assert not contains(ADULTS, (Filter("age", maximum=65),))
    assert contains((Filter("sex", values=("F", "M")),), WOMEN)
    assert not contains(WOMEN, ADULTS)


def test_where_a_cell_lies_for_a_filter() -> None:
    assert placement(ADULTS, {"age_band": "20-64"}) == "inside"
    assert placement(ADULTS, {"age_band": "65+"}) == "inside"
    assert placement(ADULTS, {"age_band": "15-19"}) == "partly"
    assert placement(ADULTS, {"age_band": "0-14"}) == "outside"
    assert placement(ADULTS, {"age_band": "_U"}) == "outside"
    assert placement(ADULTS, {"age_band": "_T"}) == "partly"
    assert placement(ADULTS, {"sex": "F"}) == "partly"
    assert placement(WOMEN, {"sex": "F"}) == "inside"
    assert placement(WOMEN, {"sex": "M"}) == "outside"


def test_the_rest_of_everyone_outside_the_adults() -> None:
    """Everyone by band, and adults by band: the 15-19 band of everyone is the adults' plus
    the 15-17 year-olds (a cell of its own, here 3 persons), the 20-64 band is the adults'."""
    everyone = full_table_from_leaves(
        "by-age", [BANDS], {("0-14",): 40, ("15-19",): 25, ("20-64",): 100, ("65+",): 30}
    )
    adult_bands = Hierarchy.flat("age_band", ["15-19", "20-64", "65+"])
    adults = full_table_from_leaves(
        "by-age", [adult_bands], {("15-19",): 22, ("20-64",): 100, ("65+",): 30}
    )
    shown = np.ones(len(everyone), dtype=np.bool_)
    linked = link_populations(
        [adults], "age>=18", {"all": (), "age>=18": ADULTS}, [("all", everyone, shown)]
    )
    assert [t.dimensions[0] for t in linked.new] == [POPULATION]
    rest, zero = linked.earlier[-1]
    cells = dict(zip((k[1] for k in rest.keys), zip(rest.values, zero, strict=True), strict=True))
    assert cells["15-19"] == (3.0, False)  # the 15-17 year-olds: never published
    assert cells["20-64"] == (0.0, True) and cells["65+"] == (0.0, True)  # known to be 0
    assert "0-14" not in cells  # no adult there: nothing to split
    system = link_tables(linked.new + [t for t, _ in linked.earlier], sums=linked.sums)
    assert np.allclose(system.equation_matrix @ system.values, 0)
    everyone_15 = system.keys.index(("all", "15-19"))
    assert any(total == everyone_15 and len(parts) == 2 for total, parts in system.equations)
