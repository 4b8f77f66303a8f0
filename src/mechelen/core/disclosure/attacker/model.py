"""The attacker's LPs for one publication: how far can each suppressed cell move?

Only the equations holding a suppressed cell matter (published cells are constants), and the
suppressed cells fall apart into independent groups connected through those equations. A
bound of a cell is the optimum of an LP over its group, solved one of two ways:

* small groups (up to ``local_above`` cells): one HiGHS model per group, built once and
  re-solved warm for each bound (:class:`~.lp.CellLp`);
* large groups (the linked tables of a whole country make one group of tens of thousands of
  cells): a *local* LP over the cell and its neighbours only, the other suppressed cells held
  at their true values, grown by column generation. Holding cells fixed only narrows the
  attacker's choice, so every local solution is a table the attacker cannot rule out: once
  the cell reaches the value asked for (``target``) it has been shown to move that far in the
  whole system. Otherwise the LP duals are checked against every cell held fixed: when none
  of them could improve the objective (their reduced costs have the sign that keeps them at
  their value), the duals are feasible for the LP of the whole group, and by weak duality
  the local optimum *is* the bound in the whole system. The cells that could improve it are
  freed (with their blocks) and the LP solved again; past ``local_limit`` cells the whole
  group's model is used. The first local LP is the one of the cell's *block*
  (:mod:`.blocks`), kept and re-solved warm.

Every solution is a table the attacker cannot rule out, so it also shows how far the *other*
cells can move (:meth:`AttackerModel.seen`): callers that only need to know whether a cell
moves far enough skip the LPs of bounds an earlier solution already reached.
:meth:`AttackerModel.witness` finds such solutions in bulk for the cells of large groups: it
maximises the moves of many cells at once, each held within the distance it needs.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

from mechelen.core.disclosure.attacker.blocks import LinkedGroups
from mechelen.core.disclosure.attacker.lp import CellLp, Infeasible, LpSolution, Unbounded
from mechelen.core.disclosure.attacker.seen import SeenMoves
from mechelen.core.disclosure.attacker.witness import BulkWitnessing
from mechelen.core.disclosure.linked import CellSystem
from mechelen.core.problems import Problem, ProblemsFound

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]
IndexArray = npt.NDArray[np.intp]

#: relative tolerance when comparing an attacker bound with a required bound
TOLERANCE = 1e-6
#: dual values and reduced costs below this are zero
ZERO = 1e-9
#: groups above this many cells are solved by local LPs
LOCAL_ABOVE = 1000
#: local LPs that grow past this many cells give way to the whole group's model
LOCAL_LIMIT = 3000
#: cells per block of a large group (see :mod:`.blocks`)
BLOCK_SIZE = 300


class Bound(NamedTuple):
    """A bound of a cell, the non-zero duals behind it and whether it is the tightest."""

    value: float
    duals: dict[int, float]
    exact: bool


class AttackerModel(BulkWitnessing):
    """The attacker's LPs for one publication; see the module docstring."""

    def __init__(
        self,
        system: CellSystem,
        published: BoolArray,
        local_above: int = LOCAL_ABOVE,
        local_limit: int = LOCAL_LIMIT,
        block_size: int = BLOCK_SIZE,
    ) -> None:
        self.system = system
        self.published = published
        self.local_above = local_above
        self.local_limit = local_limit
        self.block_size = block_size
        matrix = system.equation_matrix
        _check_consistent(system, matrix)
        suppressed = np.flatnonzero(~published)
        self._suppressed = suppressed
        self._local = np.full(len(system), -1, dtype=np.intp)
        self._local[suppressed] = np.arange(len(suppressed))
        on_suppressed = matrix[:, suppressed].tocsr()
        rows = np.flatnonzero(np.diff(on_suppressed.indptr) > 0)
        self._rows = rows
        self._matrix = sp.csr_array(on_suppressed[rows])
        self._by_column = sp.csc_array(self._matrix)
        known = matrix[:, np.flatnonzero(published)] @ system.values[published]
        self._rhs = -np.asarray(known, dtype=np.float64)[rows]
        self._values = system.values[suppressed]
        self._lower_bounds = system.lower_bounds[suppressed]
        self._room = self._values - self._lower_bounds
        self._parts = LinkedGroups(self._matrix, block_size)
        self._fixed = np.zeros(len(suppressed), dtype=np.bool_)
        self._groups: dict[int, tuple[CellLp, IndexArray, IndexArray]] = {}
        self._local_work = 0
        self._local_solves = 0
        self._block_lps: dict[int, tuple[CellLp, IndexArray, IndexArray]] = {}
        self._seen = SeenMoves(system.values)

    # -- what callers ask --------------------------------------------------------------------

    def linked_cells(self, cell: int) -> IndexArray:
        """The suppressed cells in the same group as the suppressed ``cell`` (itself included)."""
        members = self._parts.members[int(self._parts.labels[self._column(cell)])]
        return np.asarray(np.sort(self._suppressed[members]), dtype=np.intp)

    def neighbours(self, cell: int) -> IndexArray:
        """The suppressed cells sharing an equation with the suppressed ``cell``."""
        rows = self._by_column[:, [self._column(cell)]].indices
        return np.asarray(self._suppressed[np.unique(self._matrix[rows].indices)], dtype=np.intp)

    def seen(self, cell: int) -> tuple[float, float]:
        """The lowest and highest value of ``cell`` in the LP solutions found so far."""
        return float(self._seen.low[cell]), float(self._seen.high[cell])

    def reached(self, cells: IndexArray, low: FloatArray, high: FloatArray) -> BoolArray:
        """Have earlier solutions moved each cell down to ``low`` and up to ``high``?"""
        return self._seen.reached(cells, low, high)

    @property
    def solves(self) -> int:
        models = [*self._groups.values(), *self._block_lps.values()]
        return self._local_solves + sum(lp.solves for lp, _, _ in models)

    @property
    def work(self) -> int:
        """LP solutions weighted by the number of cells they hold (a measure of time)."""
        models = [*self._groups.values(), *self._block_lps.values()]
        return self._local_work + sum(int(lp.solves * lp.n_columns) for lp, _, _ in models)

    def bound(self, cell: int, maximise: bool) -> float:
        """The smallest (or largest) value the suppressed ``cell`` can take."""
        value, _ = self.solve(cell, maximise, duals=False)
        return value

    def solve(
        self,
        cell: int,
        maximise: bool,
        duals: bool = True,
        target: float | None = None,
        whole: bool = False,
    ) -> tuple[float, dict[int, float]]:
        """The bound and (if asked) the non-zero duals of the equations, by equation index.

        With a ``target``, a value of the cell at or beyond it may be returned as soon as a
        solution reaches it (then without duals): the bound is at least that far. ``whole``
        solves the LP of the whole group even when it is large.
        """
        found = self.estimate(cell, maximise, target=target, whole=whole)
        return found.value, found.duals if duals else {}

    def estimate(
        self,
        cell: int,
        maximise: bool,
        target: float | None = None,
        whole: bool = False,
        growth: int | None = None,
    ) -> Bound:
        """Like :meth:`solve`; with a ``growth`` limit, a cell of a large group that does not
        reach the ``target`` after that many rounds of column generation (0: in the LP of its
        block) gets the bound and duals of the last local LP, not ``exact`` unless the duality
        check shows they are the whole group's."""
        column = self._column(cell)
        label = int(self._parts.labels[column])
        if whole or self._parts.size[label] <= self.local_above:
            return self._solve_group(label, column, maximise)
        return self._solve_local(label, column, maximise, target, growth)

    def fix(self, cell: int) -> None:
        """Treat the suppressed ``cell`` as published from now on (until :meth:`release`).

        Solutions in which the cell kept its value remain tables the attacker cannot rule
        out; what the others showed is forgotten.
        """
        column = self._column(cell)
        self._fixed[column] = True
        self._set_fixed(column, float(self.system.values[cell]))
        self._seen.forget_moved(cell)

    def release(self, cell: int) -> None:
        """Undo :meth:`fix` (every solution found meanwhile stays valid)."""
        column = self._column(cell)
        self._fixed[column] = False
        self._set_fixed(column, None)

    def _set_fixed(self, column: int, value: float | None) -> None:
        models = [self._groups.get(int(self._parts.labels[column]))]
        if self._parts.block_of[column] >= 0:
            models.append(self._block_lps.get(int(self._parts.block_of[column])))
        for model in models:
            if model is not None:
                lp, columns, _ = model
                lp.fix(int(np.searchsorted(columns, column)), value)

    # -- the LPs ------------------------------------------------------------------------------

    def _solve_group(self, label: int, column: int, maximise: bool) -> Bound:
        lp, columns, rows = self._group(label)
        found = self._optimise(lp, columns, column, maximise)
        if found is None:
            return Bound(np.inf if maximise else -np.inf, {}, True)
        return Bound(found.value, self._duals(rows, found), True)

    def _solve_local(
        self, label: int, column: int, maximise: bool, target: float | None, growth: int | None
    ) -> Bound:
        lp, inside, rows = self._block_lp(self._parts.block_ids(label)[column])
        round_ = 0
        while True:
            found = self._optimise(lp, inside, column, maximise)
            if found is None:
                return Bound(np.inf if maximise else -np.inf, {}, True)
            if target is not None and (
                found.value >= target if maximise else found.value <= target
            ):
                return Bound(found.value, {}, False)
            freed = self._improving(self._matrix[rows], inside, found.row_duals, maximise)
            if not len(freed) or (growth is not None and round_ >= growth):
                return Bound(found.value, self._duals(rows, found), not len(freed))
            # free the whole blocks of those cells: fewer rounds than cell by cell
            owners = np.unique(self._parts.block_of[freed])
            freed = np.concatenate([freed, *(self._parts.blocks[b] for b in owners)])
            freed = freed[~self._fixed[freed]]
            inside = np.union1d(inside[~self._fixed[inside]], freed)
            if len(inside) > self.local_limit:
                return self._solve_group(label, column, maximise)
            lp, rows = self._local_lp(inside)
            round_ += 1
            self._local_solves += 1
            self._local_work += len(inside)

    def _optimise(
        self, lp: CellLp, columns: IndexArray, column: int, maximise: bool
    ) -> LpSolution | None:
        """Solve for one cell and remember the solution; None when unbounded."""
        try:
            found = lp.optimise(int(np.searchsorted(columns, column)), maximise)
        except Unbounded:
            return None
        except Infeasible:
            raise self._contradiction(column) from None
        self._seen.remember(self._suppressed[columns], found.columns)
        return found

    def _improving(
        self, block: sp.csr_array, inside: IndexArray, row_duals: FloatArray, maximise: bool
    ) -> IndexArray:
        """Cells held at their value whose freeing could improve the objective.

        The reduced cost of a held cell is ``-Aᵀλ``; it is harmless when it keeps the cell
        at its value: zero, or pushing it against its lower bound when it sits there.
        """
        reduced = -(block.T @ row_duals)
        if maximise:
            reduced = -reduced
        candidate = np.abs(reduced) > ZERO
        candidate[inside] = False
        candidate &= ~self._fixed
        harmful = candidate & ((reduced < 0) | (self._room > 0))
        return np.asarray(np.flatnonzero(harmful), dtype=np.intp)

    def _block_lp(self, block: int | np.integer) -> tuple[CellLp, IndexArray, IndexArray]:
        found = self._block_lps.get(int(block))
        if found is None:
            columns = self._parts.blocks[int(block)]
            lp, rows = self._local_lp(columns)
            for at in np.flatnonzero(self._fixed[columns]):
                lp.fix(int(at), float(self._values[columns[at]]))
            found = (lp, columns, rows)
            self._block_lps[int(block)] = found
        return found

    def _local_lp(self, columns: IndexArray) -> tuple[CellLp, IndexArray]:
        """The LP of some cells of a group, the others held at their true values."""
        rows = np.unique(self._by_column[:, columns].indices)
        block = self._matrix[rows]
        held = self._values.copy()
        held[columns] = 0.0
        lp = CellLp(
            sp.csc_array(block[:, columns]),
            self._rhs[rows] - block @ held,
            self._lower_bounds[columns],
        )
        return lp, rows

    def _group(self, label: int) -> tuple[CellLp, IndexArray, IndexArray]:
        found = self._groups.get(label)
        if found is None:
            columns = np.sort(self._parts.members[label])
            rows = np.flatnonzero(self._parts.row_labels == label)
            lp = CellLp(
                sp.csc_array(self._matrix[rows][:, columns]),
                self._rhs[rows],
                self._lower_bounds[columns],
            )
            for at in np.flatnonzero(self._fixed[columns]):
                lp.fix(int(at), float(self._values[columns[at]]))
            found = (lp, columns, rows)
            self._groups[label] = found
        return found

    def _duals(self, rows: IndexArray, found: LpSolution) -> dict[int, float]:
        nonzero = np.flatnonzero(found.row_duals)
        return dict(
            zip(
                self._rows[rows[nonzero]].tolist(),
                found.row_duals[nonzero].tolist(),
                strict=True,
            )
        )

    def _column(self, cell: int) -> int:
        local = int(self._local[cell])
        if local < 0:
            raise ValueError("the cell is published")
        return local

    def _contradiction(self, column: int) -> ProblemsFound:
        cell = int(self._suppressed[column])
        return ProblemsFound(
            [Problem("disclosure.E005", {"key": ", ".join(self.system.keys[cell])})]
        )


def _check_consistent(system: CellSystem, matrix: sp.csc_array) -> None:
    residual = matrix @ system.values
    scale = np.abs(matrix) @ np.abs(system.values)
    bad = np.flatnonzero(np.abs(residual) > 1e-9 * np.maximum(1.0, scale))
    if len(bad):
        total = system.equations[int(bad[0])][0]
        raise ProblemsFound([Problem("disclosure.E005", {"key": ", ".join(system.keys[total])})])
