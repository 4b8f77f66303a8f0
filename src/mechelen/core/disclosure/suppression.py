"""Protect published tables by cell suppression: the single entry point.

:func:`protect_by_suppression` links the tables (:mod:`.linked`), applies the primary rules
(:mod:`.rules.primary`) to each, runs a secondary method (``gauss`` or ``milp``,
:mod:`.secondary.registry`) on the whole system and audits the result (:mod:`.attacker.audit`).
Totals are cells like any other: published unless suppressed.

Information loss per table: the share of its cells suppressed, and the share of its total
value suppressed (the sum of the values of its suppressed cells over the sum of the values of
all its cells, margins included).
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

import numpy as np
import numpy.typing as npt

from mechelen.core.disclosure.attacker.audit import AuditFinding, AuditResult, audit
from mechelen.core.disclosure.linked import CellSystem, link_tables
from mechelen.core.disclosure.methods import GAUSS
from mechelen.core.disclosure.rules.primary import (
    PrimaryRule,
    PrimarySuppression,
    primary_suppression,
)
from mechelen.core.disclosure.rules.protection_levels import ProtectionLevels

# the methods register themselves on import
from mechelen.core.disclosure.secondary import gauss as _gauss  # noqa: F401
from mechelen.core.disclosure.secondary import milp as _milp  # noqa: F401
from mechelen.core.disclosure.secondary.registry import (
    OBSERVED,
    PRIMARY,
    SECONDARY,
    SecondaryOptions,
    known_method,
)
from mechelen.core.tabulation.relations import CodeSum, DerivedDimension
from mechelen.core.tabulation.table import CellTable

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]


@dataclass(frozen=True, eq=False)
class TableSuppression:
    """The outcome for one table, cells in the table's order."""

    name: str
    #: per cell: "observed" (published), "primary" or "secondary"
    status: tuple[str, ...]
    #: the published value of each cell, NaN where suppressed
    published: FloatArray
    #: the attacker's bounds for each cell (the value itself when published)
    lower: FloatArray
    upper: FloatArray
    primary: int
    secondary: int
    value_suppressed: float
    value_secondary: float
    share_of_cells_suppressed: float
    share_of_value_suppressed: float
    #: protected cells of this table whose attacker interval is too narrow (none when safe)
    findings: tuple[AuditFinding, ...]


@dataclass(frozen=True, eq=False)
class SuppressionResult:
    """The outcome for every table, the linked system behind it and its audit."""

    method: str
    tables: tuple[TableSuppression, ...]
    system: CellSystem
    status: tuple[str, ...]
    levels: ProtectionLevels
    audit: AuditResult
    seconds: float
    details: Mapping[str, float | int | str | bool] = field(default_factory=dict)

    def table(self, name: str) -> TableSuppression:
        for table in self.tables:
            if table.name == name:
                return table
        raise KeyError(name)

    @property
    def secondary(self) -> int:
        return sum(1 for s in self.status if s == SECONDARY)

    @property
    def primary(self) -> int:
        return sum(1 for s in self.status if s == PRIMARY)


def protect_by_suppression(
    tables: Sequence[CellTable],
    rules: Sequence[PrimaryRule] | None = None,
    method: str = GAUSS.id,
    *,
    primaries: Sequence[PrimarySuppression] | None = None,
    cost: str = "value",
    secondary_zeros: bool = False,
    time_limit: float = 60.0,
    restarts: int | None = None,
    relations: Sequence[DerivedDimension] = (),
    published_before: Sequence[tuple[CellTable, BoolArray]] = (),
    sums: Sequence[CodeSum] = (),
) -> SuppressionResult:
    """Suppress the sensitive cells of the tables, and enough others to protect them.

    ``rules`` are the primary rules (default: frequency rule, threshold 10); ``primaries``
    replaces them by a precomputed primary suppression per table. ``method`` is a registered
    secondary method (``gauss``, ``milp``); ``cost``, ``secondary_zeros``, ``time_limit`` and
    ``restarts`` are described in :class:`~.secondary.registry.SecondaryOptions`. ``relations``
    between dimensions (derived variables, public code lists) link cells of different tables:
    the secondary suppression and the audit use their equations, as an attacker would.

    ``published_before`` are the tables of earlier releases of the same data, each with which
    of its cells were published: they join the system, their published cells are public
    (never suppressed, and known to the attacker), their suppressed cells stay suppressed,
    and their sensitive cells are protected again together with the new ones. Only the new
    tables have an outcome. ``sums`` are code sums across tables (a population is its part
    inside a filter plus the rest, :class:`~mechelen.core.tabulation.relations.CodeSum`).
    """
    started = time.monotonic()
    run = known_method(method)
    every_table = [*tables, *(table for table, _ in published_before)]
    system = link_tables(every_table, relations, sums)
    locked = np.zeros(len(system), dtype=np.bool_)
    for cells, (_, shown) in zip(system.table_cells[len(tables) :], published_before, strict=True):
        locked[cells[shown]] = True
    if published_before:
        system = replace(system, locked=locked)
    found = (
        list(primaries)
        if primaries is not None
        else [primary_suppression(t, rules) for t in tables]
    )
    found += [primary_suppression(table, rules) for table, _ in published_before]
    primary = np.zeros(len(system), dtype=np.bool_)
    levels = ProtectionLevels.none(len(system))
    for cells, table_primary in zip(system.table_cells, found, strict=True):
        primary[cells] |= table_primary.sensitive
        lower = levels.lower.copy()
        upper = levels.upper.copy()
        np.maximum.at(lower, cells, table_primary.levels.lower)
        np.maximum.at(upper, cells, table_primary.levels.upper)
        levels = ProtectionLevels(lower, upper)
    if np.array_equal(system.counts.astype(np.float64), system.values):
        # counts are whole numbers, and the attacker knows it: a bound of 1.2 is a bound of 2,
        # so a level of 3.5 below a count is a level of 4
        levels = ProtectionLevels(np.ceil(levels.lower - 1e-9), np.ceil(levels.upper - 1e-9))
    new_cells = np.zeros(len(system), dtype=np.bool_)
    for cells in system.table_cells[: len(tables)]:
        new_cells[cells] = True
    # a sensitive cell published before is public: nothing protects it any more
    already_public = int((primary & locked).sum())
    primary &= ~locked
    levels = ProtectionLevels(
        np.where(locked, 0.0, levels.lower), np.where(locked, 0.0, levels.upper)
    )
    # cells of earlier releases only, suppressed there, stay suppressed
    primary |= ~new_cells & ~locked
    options = SecondaryOptions(
        cost=cost, secondary_zeros=secondary_zeros, time_limit=time_limit, restarts=restarts
    )
    outcome = run(system, primary, levels, options)
    suppressed = (outcome.suppressed | primary) & ~locked
    audit_started = time.monotonic()
    result = audit(system, ~suppressed, levels)
    audit_seconds = time.monotonic() - audit_started
    status = np.where(primary, PRIMARY, np.where(suppressed, SECONDARY, OBSERVED))
    by_table = tuple(
        _table_outcome(system, number, status, result) for number in range(len(tables))
    )
    return SuppressionResult(
        method=method,
        tables=by_table,
        system=system,
        status=tuple(str(s) for s in status),
        levels=levels,
        audit=result,
        seconds=time.monotonic() - started,
        details={
            **outcome.details,
            "seconds_audit": round(audit_seconds, 3),
            "cells_published_before": int(locked.sum()),
            "sensitive_cells_published_before": already_public,
        },
    )


def _table_outcome(
    system: CellSystem, number: int, status: npt.NDArray[np.str_], result: AuditResult
) -> TableSuppression:
    cells = system.table_cells[number]
    own_status = status[cells]
    values = system.values[cells]
    hidden = own_status != OBSERVED
    secondary = own_status == SECONDARY
    total_value = float(np.abs(values).sum())
    value_suppressed = float(np.abs(values[hidden]).sum())
    in_table = set(cells.tolist())
    return TableSuppression(
        name=system.table_names[number],
        status=tuple(str(s) for s in own_status),
        published=np.where(hidden, np.nan, values),
        lower=result.lower[cells],
        upper=result.upper[cells],
        primary=int((own_status == PRIMARY).sum()),
        secondary=int(secondary.sum()),
        value_suppressed=value_suppressed,
        value_secondary=float(np.abs(values[secondary]).sum()),
        share_of_cells_suppressed=float(hidden.mean()),
        share_of_value_suppressed=value_suppressed / total_value if total_value else 0.0,
        findings=tuple(f for f in result.findings if f.cell in in_table),
    )
