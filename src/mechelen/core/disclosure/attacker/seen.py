"""How far the attacker's LP solutions so far have moved each cell.

Every LP solution is a table the attacker cannot rule out, so the lowest and highest value a
cell takes in any of them lies inside its interval. :class:`SeenMoves` keeps those extremes
and which solution showed each, so that when a cell is later treated as published (see
:meth:`.model.AttackerModel.fix`) the solutions that moved it can be forgotten.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]
IndexArray = npt.NDArray[np.intp]

#: relative tolerance when comparing a seen value with a required one
TOLERANCE = 1e-6
#: solutions kept before those that witness nothing any more are pruned
KEEP = 200


class SeenMoves:
    """The extreme values of each cell over the solutions remembered."""

    def __init__(self, values: FloatArray) -> None:
        self.values = values
        self.low = values.copy()
        self.high = values.copy()
        self._witness_low = np.full(len(values), -1, dtype=np.int64)
        self._witness_high = np.full(len(values), -1, dtype=np.int64)
        self._solutions: dict[int, tuple[IndexArray, FloatArray]] = {}
        self._next = 0

    def reached(self, cells: IndexArray, low: FloatArray, high: FloatArray) -> BoolArray:
        """Have the solutions moved each cell down to ``low`` and up to ``high``?"""
        slack = TOLERANCE * np.maximum(1.0, np.abs(self.values[cells]))
        return np.asarray(
            (self.low[cells] <= low + slack) & (self.high[cells] >= high - slack),
            dtype=np.bool_,
        )

    def remember(self, cells: IndexArray, solution: FloatArray) -> None:
        """A solution: ``cells`` (sorted) take ``solution``, the others their true value."""
        sid = self._next
        self._next += 1
        useful = False
        for seen, witness, wider in (
            (self.low, self._witness_low, np.less),
            (self.high, self._witness_high, np.greater),
        ):
            better = wider(solution, seen[cells])
            if better.any():
                useful = True
                seen[cells[better]] = solution[better]
                witness[cells[better]] = sid
        if useful:
            self._solutions[sid] = (cells, solution)
        if len(self._solutions) > KEEP and sid % KEEP == 0:
            kept = set(np.unique(self._witness_low)) | set(np.unique(self._witness_high))
            self._solutions = {k: v for k, v in self._solutions.items() if k in kept}

    def forget_moved(self, cell: int) -> None:
        """Forget the solutions in which ``cell`` does not keep its true value."""
        value = float(self.values[cell])
        stale = []
        for sid, (cells, solution) in self._solutions.items():
            at = min(int(np.searchsorted(cells, cell)), len(cells) - 1)
            moved = abs(solution[at] - value) > TOLERANCE * max(1.0, abs(value))
            if cells[at] == cell and moved:
                stale.append(sid)
        for sid in stale:
            del self._solutions[sid]
        if stale:
            for seen, witness in ((self.low, self._witness_low), (self.high, self._witness_high)):
                lost = np.isin(witness, stale)
                seen[lost] = self.values[lost]
                witness[lost] = -1
