"""An attacker written apart from the code it checks: it reasons on persons, not on equations.

Its unknowns are the counts of the finest combinations of the base variables (the *atoms*,
e.g. country of birth x sex), whole and never negative. Each published cell is the sum of the
atoms it covers, a derived dimension's code covering the atoms its public function maps to
it, a population covering the atoms its filter keeps. Nothing of the code under test is used:
no equations, no relations, no linked system. So if the protection forgets a relation, this
attacker still finds it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import scipy.sparse as sp
from scipy.optimize import linprog

from mechelen.core.tabulation.hierarchy import TOTAL
from mechelen.core.tabulation.table import CellTable

Atom = tuple[str, ...]


@dataclass(frozen=True)
class PublishedTable:
    table: CellTable
    published: np.ndarray
    #: the atoms of the table's population (default: all)
    keeps: Callable[[Atom], bool] = lambda atom: True


def cell_atoms(
    table: CellTable,
    key: tuple[str, ...],
    atoms: Sequence[Atom],
    meaning: Mapping[str, Callable[[Atom], str]],
    keeps: Callable[[Atom], bool],
) -> list[int]:
    """The atoms a cell covers: ``meaning[d](atom)`` is the atom's code on dimension d."""
    return [
        i
        for i, atom in enumerate(atoms)
        if keeps(atom)
        and all(
            code == TOTAL or meaning[d](atom) == code
            for d, code in zip(table.dimensions, key, strict=True)
        )
    ]


def attack(
    published: Sequence[PublishedTable],
    atoms: Sequence[Atom],
    meaning: Mapping[str, Callable[[Atom], str]],
) -> dict[tuple[int, int], tuple[float, float]]:
    """The tightest bounds of every suppressed cell ``(table, cell)``, rounded inwards."""
    rows, cols, rhs = [], [], []
    covers: dict[tuple[int, int], list[int]] = {}
    for t, item in enumerate(published):
        for c, key in enumerate(item.table.keys):
            members = cell_atoms(item.table, key, atoms, meaning, item.keeps)
            covers[(t, c)] = members
            if item.published[c]:
                rows.extend([len(rhs)] * len(members))
                cols.extend(members)
                rhs.append(float(item.table.values[c]))
    matrix = sp.csr_array(
        (np.ones(len(rows)), (np.array(rows, dtype=int), np.array(cols, dtype=int))),
        shape=(len(rhs), len(atoms)),
    )
    bounds: dict[tuple[int, int], tuple[float, float]] = {}
    for (t, c), members in covers.items():
        if published[t].published[c]:
            continue
        objective = np.zeros(len(atoms))
        objective[members] = 1.0
        low = linprog(objective, A_eq=matrix, b_eq=rhs, bounds=(0, None), method="highs")
        high = linprog(-objective, A_eq=matrix, b_eq=rhs, bounds=(0, None), method="highs")
        assert low.status == 0, "the published tables are inconsistent"
        assert high.status in (0, 3), "the published tables are inconsistent"
        upper = np.inf if high.status == 3 else float(np.floor(-high.fun + 1e-6))  # 3: unbounded
        bounds[(t, c)] = (float(np.ceil(low.fun - 1e-6)), upper)
    return bounds


def narrowed(
    tables: Sequence[CellTable],
    bounds: Mapping[tuple[int, int], tuple[float, float]],
    width: float = 5,
    threshold: int = 10,
) -> list[tuple[str, tuple[str, ...], float, tuple[float, float]]]:
    """The sensitive cells (count 1 to threshold - 1) whose bounds do not reach ``width``
    on each side (down to 0 at most): (table, key, value, bounds) of each."""
    found = []
    for (t, c), (low, high) in bounds.items():
        value = float(tables[t].values[c])
        if 0 < tables[t].counts[c] < threshold and (
            low > max(value - width, 0) or high < value + width
        ):
            found.append((tables[t].name, tables[t].keys[c], value, (low, high)))
    return found
