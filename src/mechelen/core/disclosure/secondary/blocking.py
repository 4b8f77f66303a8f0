"""Equations that alone keep a sensitive cell from moving far enough, found without LPs.

When no value of the system is negative, one equation can bound a suppressed cell by itself:

* a *part* whose total is published can only grow as far as the other suppressed parts of
  that equation can shrink, i.e. by the sum of their values;
* a suppressed *total* can only shrink as far as its suppressed parts can, by their sum.

If that is less than the cell's protection level, every attacker LP finds the interval too
narrow, whatever the other equations say. :func:`unblock_equations` suppresses, in each such
equation, the cheapest published member that gives the room missing (a part large enough,
or for a part, the total, which can then grow without limit), or else the one giving the most
room; and repeats until no equation blocks a sensitive cell on its own. It is a fast first
pass of the interval repair (:mod:`.repair`), which then solves LPs for what is left.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

from mechelen.core.disclosure.linked import CellSystem
from mechelen.core.disclosure.rules.protection_levels import ProtectionLevels

BoolArray = npt.NDArray[np.bool_]
FloatArray = npt.NDArray[np.float64]

#: relative tolerance when comparing room with a level
TOLERANCE = 1e-6


def unblock_equations(
    system: CellSystem,
    levels: ProtectionLevels,
    suppressed: BoolArray,
    cost: FloatArray,
) -> tuple[BoolArray, int]:
    """More suppressions until no equation alone blocks a sensitive cell, and the passes
    that added some.

    Does nothing on systems with negative values (cells can then shrink without limit).
    """
    suppressed = suppressed.copy()
    if np.any(system.values < 0) or not len(system.equations):
        return suppressed, 0
    matrix = sp.csr_array(system.equation_matrix)
    rows = np.repeat(np.arange(matrix.shape[0]), np.diff(matrix.indptr))
    cells = matrix.indices
    is_total = matrix.data > 0
    totals = cells[is_total]  # one per row, in row order
    values = system.values
    passes = 0
    while True:
        hidden_part = suppressed[cells] & ~is_total
        room = np.bincount(
            rows, weights=np.where(hidden_part, values[cells], 0.0), minlength=matrix.shape[0]
        )
        total_hidden = suppressed[totals][rows]
        # a part (total published) grows by what the other suppressed parts can give
        part_room = room[rows] - values[cells]
        part_short = levels.upper[cells] - part_room
        part_blocked = hidden_part & ~total_hidden & (part_short > _slack(values[cells]))
        # a suppressed total shrinks by what its suppressed parts can give
        total_short = levels.lower[cells] - room[rows]
        total_blocked = is_total & suppressed[cells] & (total_short > _slack(values[cells]))
        blocked = part_blocked | total_blocked
        if not blocked.any():
            return suppressed, passes
        missing = np.zeros(matrix.shape[0])
        short = np.where(part_blocked, part_short, total_short)
        np.maximum.at(missing, rows[blocked], short[blocked])
        total_helps = np.zeros(matrix.shape[0], dtype=np.bool_)
        total_helps[rows[part_blocked]] = True
        added = False
        for row in np.flatnonzero(missing > 0):
            partner = _partner(
                matrix,
                int(row),
                missing[row],
                bool(total_helps[row]),
                suppressed,
                values,
                cost,
                system.suppressible,
            )
            if partner is not None:
                suppressed[partner] = True
                added = True
        passes += 1
        if not added:
            return suppressed, passes


def _partner(
    matrix: sp.csr_array,
    row: int,
    missing: float,
    total_helps: bool,
    suppressed: BoolArray,
    values: FloatArray,
    cost: FloatArray,
    suppressible: BoolArray,
) -> int | None:
    """The cheapest published member covering ``missing``, else the one giving most room."""
    start, end = matrix.indptr[row], matrix.indptr[row + 1]
    members = matrix.indices[start:end]
    is_total = matrix.data[start:end] > 0
    room = np.where(is_total, np.inf if total_helps else 0.0, values[members])
    usable = ~suppressed[members] & (room > 0) & suppressible[members]
    if not usable.any():
        return None
    members, room = members[usable], room[usable]
    covers = room >= missing * (1 - TOLERANCE)
    if covers.any():
        options = members[covers]
        # np.lexsort sorts by its last key first
        return int(options[np.lexsort((options, cost[options]))[0]])
    return int(members[np.lexsort((members, -room))[0]])


def _slack(values: FloatArray) -> FloatArray:
    return np.asarray(TOLERANCE * np.maximum(1.0, np.abs(values)), dtype=np.float64)
