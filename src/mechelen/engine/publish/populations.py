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
from mechelen.engine.publish.release_files import EVERYONE

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


def everyone_groups(populations: set[str], tables: Sequence[CellTable]) -> list[list[CellTable]]:
    """When populations do not all nest in one that was published (adults beside women,
    everyone never published), the tables grouped by their set of dimensions: everyone's
    table of each set joins the system, as cells nobody publishes. Empty when not needed."""
    if EVERYONE in populations or len(populations) < 2:
        return []
    groups: dict[frozenset[str], list[CellTable]] = {}
    for table in tables:
        groups.setdefault(frozenset(table.dimensions), []).append(table)
    return list(groups.values())


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


def _outer_key(outer: CellTable, codes: Mapping[str, str], population: str) -> Key:
    return tuple(population if d == POPULATION else codes.get(d, TOTAL) for d in outer.dimensions)


def _table(
    name: str,
    dims: tuple[str, ...],
    hierarchies: Mapping[str, Hierarchy],
    cells: list[tuple[Key, float, bool]],
) -> tuple[CellTable, BoolArray]:
    """A table of cells nobody publishes (values at build time, placeholders in an audit),
    with which of them are known to the attacker (published: a structural 0)."""
    return (
        CellTable(
            name=name,
            dimensions=dims,
            keys=tuple(k for k, _, _ in cells),
            counts=np.array([round(v) for _, v, _ in cells], dtype=np.int64),
            values=np.array([v for _, v, _ in cells], dtype=np.float64),
            hierarchies={d: hierarchies[d] for d in dims},
        ),
        np.array([known for _, _, known in cells], dtype=np.bool_),
    )


def _lift_dimension(conditions: Sequence[Filter], extra: set[str], outer: CellTable) -> str | None:
    """The dimension of ``outer`` (not of the inner table) that a filter condition is on,
    when every code of it lies wholly inside or outside the filter: the inner population's
    cells can then be split by it. None if there is none, or if the filter has more than one
    condition (the split's values would then depend on the others)."""
    if len(conditions) != 1:
        return None
    found = []
    for condition in conditions:
        for dim in (condition.column, f"{condition.column}_band"):
            if dim in extra:
                found.append((condition, dim))
    if len(found) != 1:
        return None
    condition, dim = found[0]
    leaves = outer.hierarchies[dim].leaves
    if any(_placement(condition, {dim: code}) == "partly" for code in leaves):
        return None
    return dim


def _rest_tables(
    outer: CellTable,
    inner: CellTable,
    conditions: Sequence[Filter],
    code: str,
    hierarchy: Hierarchy,
) -> list[tuple[CellTable, BoolArray]]:
    """The rest of ``outer``'s population outside ``inner``'s, on the inner table's cells;
    ``outer`` has every dimension of ``inner`` (the others at their total). Where ``outer``
    also has the dimension a filter is on (sex for the women), the inner population is
    split by it too: its cells outside the filter are known 0, and the rest's inside."""
    outer_population, inner_population = outer.keys[0][0], inner.keys[0][0]
    extra = set(outer.dimensions) - set(inner.dimensions)
    lift = _lift_dimension(conditions, extra, outer)
    dims = inner.dimensions if lift is None else (*inner.dimensions, lift)
    # the outer table's codes: the inner population may lack some (no adult aged 0-14)
    hierarchies = {d: outer.hierarchies[d] for d in dims if d != POPULATION}
    hierarchies[POPULATION] = hierarchy
    rest: list[tuple[Key, float, bool]] = []
    split: list[tuple[Key, float, bool]] = []
    for outer_at, outer_key in enumerate(outer.keys):
        codes = dict(zip(outer.dimensions, outer_key, strict=True))
        if any(codes[d] != TOTAL for d in extra):
            continue
        key = tuple(codes[d] for d in inner.dimensions[1:])
        inner_at = inner.index((inner_population, *key))
        inner_value = float(inner.values[inner_at]) if inner_at is not None else 0.0
        outer_value = float(outer.values[outer_at])
        where = placement(conditions, codes) if inner_at is not None else "outside"
        if inner_at is None:  # no one of the inner population there: a known 0
            split.append(((inner_population, *key, *([TOTAL] if lift else [])), 0.0, True))
        if lift is None:
            zero = where == "inside"
            rest.append(((code, *key), 0.0 if zero else max(outer_value - inner_value, 0), zero))
            continue
        rest.append(((code, *key, TOTAL), max(outer_value - inner_value, 0.0), False))
        if inner_at is not None:  # the inner cell itself, as the total of its split
            split.append(((inner_population, *key, TOTAL), inner_value, False))
        for lift_code in outer.hierarchies[lift].leaves:
            at = outer.index(_outer_key(outer, {**codes, lift: lift_code}, outer_population))
            if at is None:
                continue
            value = float(outer.values[at])
            inside = inner_at is not None and (
                placement(conditions, {**codes, lift: lift_code}) == "inside"
            )
            split.append(
                ((inner_population, *key, lift_code), value if inside else 0.0, not inside)
            )
            rest.append(((code, *key, lift_code), 0.0 if inside else value, inside))
    made = []
    if rest:
        made.append(_table(f"{outer.name}{REST}{inner.name}", dims, hierarchies, rest))
    if split:
        made.append(_table(f"{inner.name} by {lift}", dims, hierarchies, split))
    return made


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
        for inner_table in by_population.get(inner, []):
            dims = frozenset(inner_table.dimensions)
            if dims in seen:
                continue
            containing = [t for t in by_population.get(outer, []) if dims <= set(t.dimensions)]
            if not containing:
                continue
            seen.add(dims)
            # the outer table with the fewest more dimensions, preferring the filter's own
            outer_table = min(containing, key=lambda t: len(t.dimensions))
            for candidate in containing:
                extra = set(candidate.dimensions) - dims
                if _lift_dimension(filters[inner], extra, candidate) is not None:
                    outer_table = candidate
                    break
            rests += _rest_tables(outer_table, inner_table, filters[inner], code, hierarchy)
    return Linked(keyed_new, keyed_earlier + rests, sums)
