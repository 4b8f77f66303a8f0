"""Populations of releases with filters: which contains which, and the rest between them."""

from __future__ import annotations

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mechelen.core.disclosure import link_tables, make_rule, protect_by_suppression
from mechelen.core.tabulation.hierarchy import Hierarchy
from mechelen.core.tabulation.spec import Filter
from mechelen.core.tabulation.table import CellTable, full_table_from_leaves
from mechelen.engine.publish.populations import (
    POPULATION,
    contains,
    link_populations,
    placement,
)
from tests.core.disclosure.atoms import PublishedTable, attack
from tests.core.disclosure.tables import SMALL_AND_LARGE

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
    [(rest, zero)] = [(t, z) for t, z in linked.earlier if t.keys[0][0] == "all - age>=18"]
    cells = dict(zip((k[1] for k in rest.keys), zip(rest.values, zero, strict=True), strict=True))
    assert cells["15-19"] == (3.0, False)  # the 15-17 year-olds: never published
    assert cells["20-64"] == (0.0, True) and cells["65+"] == (0.0, True)  # known to be 0
    assert cells["0-14"] == (40.0, False)  # all of them: no adult there
    [(none, known)] = [(t, z) for t, z in linked.earlier if t.keys[0][0] == "age>=18"]
    assert [k[1] for k in none.keys] == ["0-14", "_U"] and not none.values.any() and known.all()
    system = link_tables(linked.new + [t for t, _ in linked.earlier], sums=linked.sums)
    assert np.allclose(system.equation_matrix @ system.values, 0)
    everyone_15 = system.keys.index(("all", "15-19"))
    assert any(total == everyone_15 and len(parts) == 2 for total, parts in system.equations)


AGES = ["0-14", "15-17", "18-19", "20-64", "65+"]  # the atoms' age groups
BAND_OF = {"0-14": "0-14", "15-17": "15-19", "18-19": "15-19", "20-64": "20-64", "65+": "65+"}


@st.composite
def town(draw: st.DrawFn) -> dict[tuple[str, str], int]:
    """Persons by country (2-4) and age group, some groups small."""
    countries = [f"c{i}" for i in range(draw(st.integers(2, 4)))]
    return {(c, a): draw(st.sampled_from(SMALL_AND_LARGE)) for c in countries for a in AGES}


def by_band(name: str, persons: dict[tuple[str, str], int], adults: bool) -> CellTable:
    counts: dict[tuple[str, str], int] = {}
    for (country, age), n in persons.items():
        if adults and age in ("0-14", "15-17"):
            continue
        key = (country, BAND_OF[age])
        counts[key] = counts.get(key, 0) + n
    countries = Hierarchy.flat("country", sorted({c for c, _ in persons}))
    bands = Hierarchy.flat("age_band", sorted({b for _, b in counts}))
    return full_table_from_leaves(name, [countries, bands], counts)


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(persons=town())
def test_adults_beside_everyone_leak_nothing_to_a_person_level_attacker(
    persons: dict[tuple[str, str], int],
) -> None:
    """Everyone by country and age band is published first; the adults' table is protected
    with it. The attacker reasons on persons by country and age group (15-17 and 18-19 apart),
    so it sees the differencing of the 15-19 bands without being told. It narrows no sensitive
    cell the audit passes, the 15-17 year-olds of a country included."""
    everyone = by_band("everyone", persons, adults=False)
    adults = by_band("adults", persons, adults=True)
    rule = make_rule("min-frequency", threshold=10)
    first = protect_by_suppression([everyone], [rule]).tables[0]
    shown = np.array([s == "observed" for s in first.status])
    linked = link_populations(
        [adults], "age>=18", {"all": (), "age>=18": ADULTS}, [("all", everyone, shown)]
    )
    second = protect_by_suppression(
        linked.new, [rule], published_before=linked.earlier, sums=linked.sums
    )
    atoms = sorted(persons)
    meaning = {"country": lambda a: a[0], "age_band": lambda a: BAND_OF[a[1]]}
    bounds = attack(
        [
            PublishedTable(
                adults,
                np.array([s == "observed" for s in second.tables[0].status]),
                keeps=lambda a: a[1] not in ("0-14", "15-17"),
            ),
            PublishedTable(everyone, shown),
        ],
        atoms,
        meaning,
    )
    failing = {second.system.keys[f.cell][1:] for f in second.audit.findings}
    for (t, c), (low, high) in bounds.items():
        table = (adults, everyone)[t]
        value = table.values[c]
        if 0 < table.counts[c] < 10 and (low > max(value - 5, 0) or high < value + 5):
            assert table.keys[c] in failing, (table.name, table.keys[c], value, (low, high))
    # the rest cells: 15-17 year-olds of each country, by differencing the 15-19 bands
    minors = {c: persons[(c, "15-17")] for c in {c for c, _ in persons}}
    rest = {
        second.system.keys[i][1:]: i
        for i, k in enumerate(second.system.keys)
        if k[0] == "all - age>=18"
    }
    lower, upper = second.audit.lower, second.audit.upper
    for country, n in minors.items():
        cell = rest.get((country, "15-19"))
        if cell is not None and 0 < n < 10 and not np.isnan(lower[cell]):
            assert (lower[cell] <= max(n - 5, 0) and upper[cell] >= n + 5) or any(
                f.cell == cell for f in second.audit.findings
            )
