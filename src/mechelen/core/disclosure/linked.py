"""One system of cells and equations for several tables that describe the same population.

Linked tables share cells: the count of women in a municipality is a cell of the table by sex
and of the table by sex and age. Every cell gets a full key over the union of the tables'
dimensions (in order of first appearance), with TOTAL (``"_T"``) on the dimensions its table
does not have; cells of different tables with the same full key are one cell, which must have
the same count and value in every table. The system's equations are the union of every
table's equations (``CellTable.equations``): the relations among cells of one table, when all
of them are in it. A cell missing from a table (an empty cell left out) is neither published
nor protected, and relations through it are not used; complete tables list their empty cells.

Relations between dimensions (:mod:`mechelen.core.tabulation.relations`: a country-of-birth
group is the sum of its countries, a citizenship status the sum of the migratory statuses
with that citizenship) add equations among cells of different tables: the attacker reads them
from the code lists, so the system has them too.

A single table is the trivial case. Results on the system map back to each table with
:meth:`CellSystem.for_table`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

from mechelen.core.problems import Problem, ProblemsFound
from mechelen.core.tabulation.hierarchy import TOTAL
from mechelen.core.tabulation.relations import (
    CodeSum,
    DerivedDimension,
    relation_equations,
    sum_equations,
)
from mechelen.core.tabulation.table import CellTable, Key

Equation = tuple[int, tuple[int, ...]]
IndexArray = npt.NDArray[np.intp]
BoolArray = npt.NDArray[np.bool_]


@dataclass(frozen=True, eq=False)
class CellSystem:
    """The distinct cells of linked tables, their values and every additive relation."""

    dimensions: tuple[str, ...]
    keys: tuple[Key, ...]
    counts: npt.NDArray[np.int64]
    values: npt.NDArray[np.float64]
    equations: tuple[Equation, ...]
    table_names: tuple[str, ...]
    #: ``table_cells[t][i]`` is the system index of cell i of table t
    table_cells: tuple[IndexArray, ...]
    #: the relations between dimensions whose equations the system holds
    relations: tuple[DerivedDimension, ...] = ()
    #: cells an earlier release published already: public, so never suppressed (None: none)
    locked: BoolArray | None = None

    def __len__(self) -> int:
        return len(self.keys)

    @cached_property
    def suppressible(self) -> BoolArray:
        """Cells a secondary method may suppress: all but the ``locked`` ones."""
        if self.locked is None:
            return np.ones(len(self), dtype=np.bool_)
        return ~self.locked

    @property
    def lower_bounds(self) -> npt.NDArray[np.float64]:
        """What an attacker knows from below: 0 when every value is non-negative, else none."""
        if np.all(self.values >= 0):
            return np.zeros(len(self))
        return np.full(len(self), -np.inf)

    @cached_property
    def equation_matrix(self) -> sp.csc_array:
        """Rows ``+1`` on the total and ``-1`` on each part: ``matrix @ values == 0``."""
        rows: list[int] = []
        cols: list[int] = []
        data: list[float] = []
        for row, (total, parts) in enumerate(self.equations):
            rows.append(row)
            cols.append(total)
            data.append(1.0)
            rows.extend([row] * len(parts))
            cols.extend(parts)
            data.extend([-1.0] * len(parts))
        return sp.csc_array(
            (np.array(data), (np.array(rows, dtype=np.intp), np.array(cols, dtype=np.intp))),
            shape=(len(self.equations), len(self)),
        )

    def for_table(self, table: int, per_cell: npt.NDArray[np.generic]) -> npt.NDArray[np.generic]:
        """A per-cell array of the system restricted to the cells of one table, in its order."""
        return per_cell[self.table_cells[table]]

    @cached_property
    def memberships(self) -> tuple[tuple[int, ...], ...]:
        """For every cell, the equations it appears in (as total or part)."""
        member: list[list[int]] = [[] for _ in range(len(self))]
        for row, (total, parts) in enumerate(self.equations):
            member[total].append(row)
            for part in parts:
                member[part].append(row)
        return tuple(tuple(m) for m in member)


def link_tables(
    tables: Sequence[CellTable],
    relations: Sequence[DerivedDimension] = (),
    sums: Sequence[CodeSum] = (),
    placeholders: int = 0,
) -> CellSystem:
    """The system of the tables' cells (shared cells once) and of all their equations,
    those of each table's hierarchies and those the ``relations`` and code ``sums`` (a
    population and its parts) give between tables. The last ``placeholders`` tables hold
    cells nobody published whose values are placeholders (an audit from published files
    cannot know them): a cell they share with an earlier table takes that table's value."""
    if not tables:
        raise ProblemsFound([Problem("disclosure.E006")])
    dimensions: list[str] = []
    for table in tables:
        for dimension in table.dimensions:
            if dimension not in dimensions:
                dimensions.append(dimension)
    index: dict[Key, int] = {}
    keys: list[Key] = []
    counts: list[int] = []
    values: list[float] = []
    owner: list[int] = []
    table_cells: list[IndexArray] = []
    for number, table in enumerate(tables):
        if len(table) == 0:
            raise ProblemsFound([Problem("disclosure.E007", {"table": table.name})])
        positions = [table.dimensions.index(d) if d in table.dimensions else -1 for d in dimensions]
        cells = np.empty(len(table), dtype=np.intp)
        for i, key in enumerate(table.keys):
            full = tuple(key[p] if p >= 0 else TOTAL for p in positions)
            found = index.get(full)
            if found is None:
                found = len(keys)
                index[full] = found
                keys.append(full)
                counts.append(int(table.counts[i]))
                values.append(float(table.values[i]))
                owner.append(number)
            elif number < len(tables) - placeholders and (
                counts[found] != int(table.counts[i])
                or not _same(values[found], float(table.values[i]))
            ):
                raise ProblemsFound(
                    [
                        Problem(
                            "disclosure.E001",
                            {
                                "key": ", ".join(full),
                                "value": values[found],
                                "table": tables[owner[found]].name,
                                "other_value": float(table.values[i]),
                                "other_table": table.name,
                            },
                        )
                    ]
                )
            cells[i] = found
        table_cells.append(cells)
    seen: set[tuple[int, tuple[int, ...]]] = set()
    equations: list[Equation] = []
    for table, cells in zip(tables, table_cells, strict=True):
        for total, parts in table.equations():
            equation = (int(cells[total]), tuple(sorted(int(cells[p]) for p in parts)))
            if equation not in seen:
                seen.add(equation)
                equations.append(equation)
    across = relation_equations(dimensions, index, relations)
    for equation in across + sum_equations(dimensions, index, sums):
        if equation not in seen:
            seen.add(equation)
            equations.append(equation)
    return CellSystem(
        dimensions=tuple(dimensions),
        keys=tuple(keys),
        counts=np.array(counts, dtype=np.int64),
        values=np.array(values, dtype=np.float64),
        equations=tuple(equations),
        table_names=tuple(t.name for t in tables),
        table_cells=tuple(table_cells),
        relations=tuple(relations),
    )


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= 1e-9 * max(1.0, abs(a), abs(b))
