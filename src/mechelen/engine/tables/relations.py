"""The public relations between a dataset's dimensions, as the attacker knows them.

Country of birth and citizenship are the base variables; everything else about them is
derived by a published definition (ingest, country groups):

==========================  =============================================================
dimension                   function of
==========================  =============================================================
``country_of_birth_group``  ``country_of_birth``
``birth_status``            ``country_of_birth`` or ``country_of_birth_group``
``citizenship_group``       ``citizenship``
``citizenship_status``      ``citizenship`` or ``citizenship_group``
``birth_status``,           ``migratory_status`` (``native-born/citizen`` is the pair)
``citizenship_status``
``migratory_status``        a pair: one of the country-of-birth family and one of the
                            citizenship family (``birth_status`` and ``citizenship_status``...)
==========================  =============================================================

:func:`dimension_relations` gives each relation whose dimensions the release's tables use,
as a mapping over the codes present (a code absent from every table has no one in it).
Each mapping is computed from the definitions themselves, over every code the standardiser
can return, so a relation that did not hold would raise instead of reaching an attacker's
model or ours in a wrong form.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable, Mapping, Sequence

import numpy as np

from mechelen.core.microdata import codes
from mechelen.core.tabulation.hierarchy import TOTAL, Hierarchy
from mechelen.core.tabulation.relations import DerivedDimension
from mechelen.core.tabulation.table import CellTable
from mechelen.engine.standardise.country_groups import country_group
from mechelen.engine.standardise.m49 import m49_placements

BIRTH_FAMILY = ("country_of_birth", "country_of_birth_group", "birth_status")
CITIZENSHIP_FAMILY = ("citizenship", "citizenship_group", "citizenship_status")
MIGRATORY = "migratory_status"

#: (derived, source): the single-source relations of the table in the module docstring
SINGLE = (
    ("country_of_birth_group", "country_of_birth"),
    ("birth_status", "country_of_birth"),
    ("birth_status", "country_of_birth_group"),
    ("citizenship_group", "citizenship"),
    ("citizenship_status", "citizenship"),
    ("citizenship_status", "citizenship_group"),
    ("birth_status", MIGRATORY),
    ("citizenship_status", MIGRATORY),
)


def birth_status(code: str, country: str) -> str:
    """As ingest derives it (``mechelen.engine.ingest.pipeline``)."""
    if code == codes.UNKNOWN:
        return codes.UNKNOWN_STATUS
    return codes.NATIVE_BORN if code == country else codes.FOREIGN_BORN


def citizenship_status(code: str, country: str) -> str:
    """As ingest derives it (``mechelen.engine.ingest.pipeline``)."""
    if code == codes.UNKNOWN:
        return codes.UNKNOWN_STATUS
    if code == codes.STATELESS:
        return codes.STATELESS_STATUS
    return codes.CITIZEN if code == country else codes.NON_CITIZEN


def country_universe() -> tuple[str, ...]:
    """Every code the standardiser can give a country of birth or a citizenship."""
    special = (codes.STATELESS, codes.UNKNOWN, codes.OTHER_COUNTRY)
    return (*sorted(c for c in m49_placements() if len(c) == 3), *special)


Base = tuple[str, str]  # (country of birth, citizenship)


def _definitions(country: str) -> dict[str, Callable[[Base], str]]:
    return {
        "country_of_birth": lambda b: b[0],
        "country_of_birth_group": lambda b: country_group(b[0], country),
        "birth_status": lambda b: birth_status(b[0], country),
        "citizenship": lambda b: b[1],
        "citizenship_group": lambda b: country_group(b[1], country),
        "citizenship_status": lambda b: citizenship_status(b[1], country),
        MIGRATORY: lambda b: f"{birth_status(b[0], country)}/{citizenship_status(b[1], country)}",
    }


def _mapping(
    derived: str, sources: Sequence[str], country: str, present: Mapping[str, set[str]]
) -> dict[tuple[str, ...], str]:
    """The derived code of every combination of present source codes (with a derived code
    present too)."""
    return {
        key: value
        for key, value in _function(derived, tuple(sources), country).items()
        if all(code in present[s] for code, s in zip(key, sources, strict=True))
        and value in present[derived]
    }


@functools.lru_cache(maxsize=64)
def _function(derived: str, sources: tuple[str, ...], country: str) -> dict[tuple[str, ...], str]:
    """The derived code of every combination of source codes the standardiser can give, from
    the definitions themselves; raises ValueError if they do not make ``derived`` a function
    of ``sources``. Cached: the same few functions serve every table of a release."""
    define = _definitions(country)
    universe = country_universe()
    # one base value per distinct source combination is enough, but every one is checked
    birth_side = any(s in BIRTH_FAMILY or s == MIGRATORY for s in (derived, *sources))
    citizenship_side = any(s in CITIZENSHIP_FAMILY or s == MIGRATORY for s in (derived, *sources))
    births = universe if birth_side else (country,)
    citizenships = universe if citizenship_side else (country,)
    if birth_side and citizenship_side and len(sources) == 1 and sources[0] == MIGRATORY:
        # the migratory status is the pair of statuses: its classes are the pairs' classes
        births = _representatives(universe, lambda c: birth_status(c, country))
        citizenships = _representatives(universe, lambda c: citizenship_status(c, country))
    mapping: dict[tuple[str, ...], str] = {}
    for base in itertools.product(births, citizenships):
        key = tuple(define[s](base) for s in sources)
        value = define[derived](base)
        if mapping.setdefault(key, value) != value:
            raise ValueError(f"{derived} is not a function of {sources}: {key}")
    return mapping


def _representatives(universe: Sequence[str], key: Callable[[str], str]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for code in universe:
        seen.setdefault(key(code), code)
    return tuple(seen.values())


def _pairs() -> list[tuple[str, tuple[str, str]]]:
    return [(MIGRATORY, (b, c)) for b in BIRTH_FAMILY for c in CITIZENSHIP_FAMILY]


def dimension_relations(
    tables: Sequence[Sequence[str]], hierarchies: Mapping[str, Hierarchy], country: str
) -> list[DerivedDimension]:
    """Every relation among the dimensions of ``tables`` (their dimension names) that links
    cells of the release: its derived dimension in one table, its sources together in one."""
    used = {d for table in tables for d in table}
    together = [set(table) for table in tables]
    present = {name: set(hierarchies[name].leaves) for name in used if name in hierarchies}
    relations = []
    candidates = [(d, (s,)) for d, s in SINGLE] + _pairs()
    for derived, sources in candidates:
        if derived not in used or not all(s in present for s in sources):
            continue
        if not any(set(sources) <= dims for dims in together):
            continue
        mapping = _mapping(derived, sources, country, present)
        if mapping:
            relations.append(DerivedDimension(derived, tuple(sources), mapping))
    return relations


#: the statuses through which the two families of dimensions meet the migratory status, and
#: the dimensions each derives from
STATUS_SOURCES = {
    "birth_status": ("country_of_birth", "country_of_birth_group", MIGRATORY),
    "citizenship_status": ("citizenship", "citizenship_group", MIGRATORY),
}


def status_tables(tables: Sequence[CellTable], country: str) -> list[CellTable]:
    """Tables nobody publishes that an attacker still reasons through: each table with a
    country (or group, or migratory status) summed to its birth or citizenship status.

    A table by country of birth and one by migratory status share no relation directly, but
    both sum to the birth status: the native-born are the persons born in the country, and
    the native-born citizens plus non-citizens. The status table gives the system those
    cells (never published) so that the relations link the two. One table per set of
    dimensions; none where a published table has those dimensions already.
    """
    have = {frozenset(t.dimensions) for t in tables}
    made: dict[frozenset[str], CellTable] = {}
    for table in tables:
        for status, sources in STATUS_SOURCES.items():
            if status in table.dimensions:
                continue
            for source in sources:
                if source not in table.dimensions:
                    continue
                dims = tuple(status if d == source else d for d in table.dimensions)
                if frozenset(dims) in have or frozenset(dims) in made:
                    continue
                summed = _summed(table, source, status, dims, country)
                if summed is not None:
                    made[frozenset(dims)] = summed
    return list(made.values())


def _summed(
    table: CellTable, source: str, status: str, dims: tuple[str, ...], country: str
) -> CellTable | None:
    at = table.dimensions.index(source)
    status_of = _function(status, (source,), country)
    cells: dict[tuple[str, ...], list[float]] = {}
    for key, count, value in zip(table.keys, table.counts, table.values, strict=True):
        if key[at] != TOTAL and not table.hierarchies[source].is_leaf(key[at]):
            continue
        code = key[at] if key[at] == TOTAL else status_of.get((key[at],))
        if code is None:  # a code the definitions do not know: no status table, no guess
            return None
        new = (*key[:at], code, *key[at + 1 :])
        found = cells.setdefault(new, [0.0, 0.0])
        found[0] += float(count)
        found[1] += float(value)
    hierarchies = dict(table.hierarchies)
    del hierarchies[source]
    codes_found = sorted({k[at] for k in cells if k[at] != TOTAL})
    hierarchies[status] = Hierarchy.flat(status, codes_found)
    keys = tuple(cells)
    return CellTable(
        name=f"{table.name} ({status})",
        dimensions=dims,
        keys=keys,
        counts=np.array([round(cells[k][0]) for k in keys], dtype=np.int64),
        values=np.array([cells[k][1] for k in keys], dtype=np.float64),
        hierarchies=hierarchies,
    )
