"""Tables of releases with different filters describe different populations.

Cells of a release of adults and of a release of everyone with the same codes are different
cells. When the tables protected (or attacked) together describe more than one population,
every table gets a first dimension ``population`` whose code is its release's filter signature
(:func:`.release_files.filter_signature`), so that only cells of one population are one cell.

The attacker also knows how the populations nest: adults are part of everyone. For a
population ``O`` that contains another, ``I`` (every condition of ``O`` is implied by those of
``I``), and two tables with the same dimensions, one of each, every cell of ``O`` is the cell
of ``I`` plus the cell of the rest, ``O - I`` (the 15-17 year-olds of the band 15-19 when
``I`` is "18 and over"). That rest is a cell of its own: never published, protected like any
other when it is small (a differencing attack on two tables is an attack on it), and known to
be 0 (published, as 0) where the cell's codes lie wholly inside ``I`` (the band 20-24 of
everyone is the band 20-24 of the adults). Cells whose codes lie wholly outside ``I`` have no
cell in ``I``, and no rest is needed. Where the filter's column is not a dimension of the
table (or a band of it), a cell is taken to lie partly inside.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from mechelen.core.microdata.bands import MAX_AGE
from mechelen.core.tabulation.hierarchy import TOTAL, Hierarchy
from mechelen.core.tabulation.relations import CodeSum
from mechelen.core.tabulation.spec import Filter
from mechelen.core.tabulation.table import CellTable, Key

POPULATION = "population"
#: the rest of population O outside population I is coded ``O - I``
REST = " - "
BoolArray = npt.NDArray[np.bool_]

_BAND = re.compile(r"^(\d+)(?:-(\d+)|(\+))?$")


@dataclass(frozen=True, eq=False)
class Linked:
    """Tables keyed by population, the rest cells between nested populations and their sums."""

    new: list[CellTable]
    #: earlier tables with what they published, then the rest tables (0s published)
    earlier: list[tuple[CellTable, BoolArray]]
    sums: list[CodeSum]


def with_population(table: CellTable, hierarchy: Hierarchy, code: str) -> CellTable:
    """The table with a first dimension ``population`` at ``code`` for every cell."""
    return CellTable(
        name=table.name,
        dimensions=(POPULATION, *table.dimensions),
        keys=tuple((code, *key) for key in table.keys),
        counts=table.counts,
        values=table.values,
        hierarchies={POPULATION: hierarchy, **table.hierarchies},
        top_contributions=table.top_contributions,
    )


def _allowed(item: Filter) -> tuple[set[str] | None, float, float]:
    low = item.minimum if item.minimum is not None else -np.inf
    high = item.maximum if item.maximum is not None else np.inf
    return (set(item.values) if item.values else None), float(low), float(high)


def contains(outer: Sequence[Filter], inner: Sequence[Filter]) -> bool:
    """Every person kept by ``inner`` is kept by ``outer``."""
    for condition in outer:
        values, low, high = _allowed(condition)
        narrower = False
        for other in inner:
            if other.column != condition.column:
                continue
            other_values, other_low, other_high = _allowed(other)
            if values is not None and (other_values is None or not other_values <= values):
                continue
            if other_low >= low and other_high <= high:
                narrower = True
        if not narrower:
            return False
    return True


def _band(code: str) -> tuple[float, float] | None:
    found = _BAND.match(code)
    if not found:
        return None
    low = float(found.group(1))
    if found.group(3):
        return low, float(MAX_AGE)
    return low, float(found.group(2) or found.group(1))


def _placement(condition: Filter, codes: Mapping[str, str]) -> str:
    """``inside``, ``outside`` or ``partly``: where a cell with ``codes`` lies for a filter."""
    values, low, high = _allowed(condition)
    code = codes.get(condition.column)
    if code is not None and code != TOTAL:
        if values is not None:
            return "inside" if code in values else "outside"
        return "partly"
    band_code = codes.get(f"{condition.column}_band")
    if band_code is None or band_code == TOTAL or values is not None:
        return "partly"
    band = _band(band_code)
    if band is None:  # not stated: a filter on a number keeps no one without one
        return "outside"
    if band[0] >= low and band[1] <= high:
        return "inside"
    if band[1] < low or band[0] > high:
        return "outside"
    return "partly"


def placement(conditions: Sequence[Filter], codes: Mapping[str, str]) -> str:
    found = {_placement(c, codes) for c in conditions}
    if "outside" in found:
        return "outside"
    return "partly" if "partly" in found else "inside"


def _rest_table(
    outer: CellTable,
    inner: CellTable,
    conditions: Sequence[Filter],
    code: str,
    hierarchy: Hierarchy,
) -> tuple[CellTable, BoolArray] | None:
    """The cells of ``outer`` minus ``inner`` (both keyed by population) that an attacker
    can tell apart, with which of them are known 0."""
    inner_position = [inner.dimensions.index(d) for d in outer.dimensions]
    keys: list[Key] = []
    values: list[float] = []
    counts: list[int] = []
    zero: list[bool] = []
    for index, key in enumerate(outer.keys):
        inner_key = [""] * len(key)
        for position, own_code in zip(inner_position, key, strict=True):
            inner_key[position] = own_code
        inner_key[0] = inner.keys[0][0]  # the inner population's code
        inside_at = inner.index(tuple(inner_key))
        if inside_at is None:
            continue
        where = placement(conditions, dict(zip(outer.dimensions[1:], key[1:], strict=True)))
        if where == "outside":
            continue
        keys.append((code, *key[1:]))
        rest = 0.0 if where == "inside" else max(outer.values[index] - inner.values[inside_at], 0)
        values.append(rest)
        counts.append(round(rest))
        zero.append(where == "inside")
    if not keys:
        return None
    table = CellTable(
        name=f"{outer.name}{REST}{inner.name}",
        dimensions=outer.dimensions,
        keys=tuple(keys),
        counts=np.array(counts, dtype=np.int64),
        values=np.array(values, dtype=np.float64),
        hierarchies={**outer.hierarchies, POPULATION: hierarchy},
    )
    return table, np.array(zero, dtype=np.bool_)


def link_populations(
    new: Sequence[CellTable],
    population: str,
    filters: Mapping[str, Sequence[Filter]],
    earlier: Sequence[tuple[str, CellTable, BoolArray]],
) -> Linked:
    """Key the new tables (of ``population``) and the earlier ones (each with its population)
    by population when there are several, with the rest cells between nested populations.
    ``filters`` gives each population's filters."""
    populations = sorted({population, *(p for p, _, _ in earlier)})
    if len(populations) == 1:
        return Linked(list(new), [(t, shown) for _, t, shown in earlier], [])
    nested = [
        (outer, inner)
        for outer in populations
        for inner in populations
        if outer != inner and contains(filters[outer], filters[inner])
    ]
    codes = populations + [f"{outer}{REST}{inner}" for outer, inner in nested]
    hierarchy = Hierarchy.flat(POPULATION, codes)
    keyed_new = [with_population(t, hierarchy, population) for t in new]
    keyed_earlier = [(with_population(t, hierarchy, p), shown) for p, t, shown in earlier]
    by_population: dict[str, list[CellTable]] = {}
    for table in keyed_new:
        by_population.setdefault(population, []).append(table)
    for (table, _), (p, _, _) in zip(keyed_earlier, earlier, strict=True):
        by_population.setdefault(p, []).append(table)
    rests: list[tuple[CellTable, BoolArray]] = []
    sums: list[CodeSum] = []
    for outer, inner in nested:
        code = f"{outer}{REST}{inner}"
        sums.append(CodeSum(POPULATION, outer, (inner, code)))
        seen: set[frozenset[str]] = set()
        for outer_table in by_population.get(outer, []):
            dims = frozenset(outer_table.dimensions)
            if dims in seen:
                continue
            match = next(
                (t for t in by_population.get(inner, []) if frozenset(t.dimensions) == dims),
                None,
            )
            if match is None:
                continue
            seen.add(dims)
            rest = _rest_table(outer_table, match, filters[inner], code, hierarchy)
            if rest is not None:
                rests.append(rest)
    return Linked(keyed_new, keyed_earlier + rests, sums)
