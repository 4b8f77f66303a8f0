"""Bulk witnesses for the attacker's LPs of large groups (see :mod:`.model`).

A witness is an LP solution that moves a suppressed cell as far as asked: a table the
attacker cannot rule out, so the cell can move at least that far. Finding witnesses for many
cells at once spares the LPs of one bound per cell.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from mechelen.core.disclosure.attacker.blocks import LinkedGroups
from mechelen.core.disclosure.attacker.lp import CellLp, Infeasible, LpSolution, Unbounded
from mechelen.core.disclosure.attacker.seen import TOLERANCE, SeenMoves
from mechelen.core.disclosure.linked import CellSystem

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]
IndexArray = npt.NDArray[np.intp]

#: bulk witnessing stops when a round shows fewer than this share of the remaining sides
WITNESS_GAIN = 0.1
WITNESS_ROUNDS = 6
#: the LPs of the whole group are worth it for at least this many cells (else blocks only)
WITNESS_MANY = 100


class BulkWitnessing:
    """The witness search of :class:`~.model.AttackerModel`, which provides the state and
    the LPs declared here."""

    system: CellSystem
    local_above: int
    _parts: LinkedGroups
    _local: IndexArray
    _fixed: BoolArray
    _lower_bounds: FloatArray
    _seen: SeenMoves
    _suppressed: IndexArray

    def _group(self, label: int) -> tuple[CellLp, IndexArray, IndexArray]:
        raise NotImplementedError

    def _block_lp(self, block: int | np.integer) -> tuple[CellLp, IndexArray, IndexArray]:
        raise NotImplementedError

    def _optimise(
        self, lp: CellLp, columns: IndexArray, column: int, maximise: bool
    ) -> LpSolution | None:
        raise NotImplementedError

    def witness(self, cells: IndexArray, low: FloatArray, high: FloatArray) -> None:
        """Look for solutions moving each suppressed cell down to ``low`` and up to ``high``.

        For each large group with many such cells, first a few LPs each maximise the moves of the cells not yet
        seen that far (up or down, at random with a fixed seed when both are wanted), every
        such cell held between its two targets: the caps stop a cell from taking the room its
        neighbours need. Then, block by block, the LP of the block is solved warm for each
        side still missing. Only finds solutions (see :meth:`seen`); proves no bound.
        """
        cells = np.asarray(cells, dtype=np.intp)
        columns = self._local[cells]
        if np.any(columns < 0):
            raise ValueError("a cell is published")
        labels = self._parts.labels[columns]
        random = np.random.default_rng(0)
        for label in np.unique(labels):
            if self._parts.size[label] <= self.local_above:
                continue
            mine = labels == label
            if mine.sum() >= WITNESS_MANY:
                self._witness_group(int(label), cells[mine], low[mine], high[mine], random)
            self._witness_blocks(int(label), cells[mine], low[mine], high[mine])

    def _witness_group(
        self,
        label: int,
        cells: IndexArray,
        low: FloatArray,
        high: FloatArray,
        random: np.random.Generator,
    ) -> None:
        lp, columns, _ = self._group(label)
        values = self.system.values[cells]
        slack = TOLERANCE * np.maximum(1.0, np.abs(values))
        free = ~self._fixed[self._local[cells]]
        for _ in range(WITNESS_ROUNDS):
            want_up = free & (self._seen.high[cells] < high - slack)
            want_down = free & (self._seen.low[cells] > low + slack)
            wanted = want_up | want_down
            if not wanted.any():
                return
            sign = np.where(want_up, 1.0, -1.0)
            both = want_up & want_down
            sign[both] = random.choice([-1.0, 1.0], int(both.sum()))
            chosen = np.flatnonzero(wanted)
            positions = np.searchsorted(columns, self._local[cells[chosen]])
            floor = np.maximum(low[chosen], self._lower_bounds[self._local[cells[chosen]]])
            try:
                found = lp.cap(positions, floor, high[chosen], sign[chosen])
            except (Unbounded, Infeasible):
                return
            self._seen.remember(self._suppressed[columns], found.columns)
            shown = (want_up & (self._seen.high[cells] >= high - slack)) | (
                want_down & (self._seen.low[cells] <= low + slack)
            )
            if shown.sum() < WITNESS_GAIN * (want_up.sum() + want_down.sum()):
                return

    def _witness_blocks(
        self, label: int, cells: IndexArray, low: FloatArray, high: FloatArray
    ) -> None:
        columns = self._local[cells]
        slack = TOLERANCE * np.maximum(1.0, np.abs(self.system.values[cells]))
        order = np.lexsort((columns, self._parts.block_ids(label)[columns]))
        for at in order.tolist():
            column = int(columns[at])
            if self._fixed[column]:
                continue
            cell = int(cells[at])
            for maximise in (True, False):
                if maximise and self._seen.high[cell] >= high[at] - slack[at]:
                    continue
                if not maximise and self._seen.low[cell] <= low[at] + slack[at]:
                    continue
                lp, inside, _ = self._block_lp(int(self._parts.block_of[column]))
                self._optimise(lp, inside, column, maximise)
