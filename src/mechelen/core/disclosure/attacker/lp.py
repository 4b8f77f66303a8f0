"""The attacker's linear programmes as HiGHS models: a few cells as columns, equations as rows.

Columns are suppressed cells (non-negative when the system has no negative value), rows are
the equations holding them, each an equality whose right-hand side holds what the published
cells (and the suppressed cells left out of the model, at their true values) contribute.

:class:`CellLp` is one model kept and re-solved with another objective for each bound (the
primal simplex restarts from the previous basis, a few milliseconds per bound even for tens
of thousands of cells), or whose column bounds are narrowed for a while (:meth:`CellLp.cap`).
"""

from __future__ import annotations

from dataclasses import dataclass

import highspy
import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

FloatArray = npt.NDArray[np.float64]
IndexArray = npt.NDArray[np.intp]


@dataclass(frozen=True, eq=False)
class LpSolution:
    """An optimal vertex: objective value, column values and row duals (HiGHS signs)."""

    value: float
    columns: FloatArray
    row_duals: FloatArray


class Unbounded(Exception):
    """The objective can grow without limit."""


class Infeasible(Exception):
    """No table satisfies the equations: the published figures contradict each other."""


class CellLp:
    """One HiGHS model over ``matrix`` (rows x columns, CSC), ``A x = rhs``, ``x >= lower``."""

    def __init__(self, matrix: sp.csc_array, rhs: FloatArray, lower: FloatArray) -> None:
        n_rows, n_cols = matrix.shape
        self.n_columns = n_cols
        self.solves = 0
        self._lower = np.where(np.isfinite(lower), lower, -highspy.kHighsInf)
        self._objective = -1
        self._warm = False
        self.highs = highspy.Highs()  # type: ignore[no-untyped-call]
        self.highs.setOptionValue("output_flag", False)
        self.highs.setOptionValue("presolve", "off")
        lp = highspy.HighsLp()
        lp.num_col_ = n_cols
        lp.num_row_ = n_rows
        lp.col_cost_ = np.zeros(n_cols)
        lp.col_lower_ = self._lower
        lp.col_upper_ = np.full(n_cols, highspy.kHighsInf)
        lp.row_lower_ = rhs
        lp.row_upper_ = rhs
        lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
        lp.a_matrix_.start_ = matrix.indptr.astype(np.int32)
        lp.a_matrix_.index_ = matrix.indices.astype(np.int32)
        lp.a_matrix_.value_ = matrix.data.astype(np.float64)
        lp.a_matrix_.num_col_ = n_cols
        lp.a_matrix_.num_row_ = n_rows
        self.highs.passModel(lp)

    def fix(self, column: int, value: float | None) -> None:
        """Fix the column at ``value`` (None: free it again down to its lower bound)."""
        if value is None:
            self.highs.changeColBounds(column, float(self._lower[column]), highspy.kHighsInf)
        else:
            self.highs.changeColBounds(column, value, value)

    def optimise(self, column: int, maximise: bool) -> LpSolution:
        """The smallest (or largest) value of one column."""
        if self._objective != column:
            if self._objective >= 0:
                self.highs.changeColCost(self._objective, 0.0)
            self.highs.changeColCost(column, 1.0)
            self._objective = column
        return self._run(maximise)

    def cap(
        self, columns: IndexArray, low: FloatArray, high: FloatArray, weights: FloatArray
    ) -> LpSolution:
        """Maximise ``weights @ x[columns]`` with those columns held within ``[low, high]``.

        The bounds and the objective are restored afterwards; the solution is a table that
        satisfies every equation and bound of the model (the caps only narrow the choice).
        """
        if self._objective >= 0:
            self.highs.changeColCost(self._objective, 0.0)
            self._objective = -1
        index = columns.astype(np.int32)
        self.highs.changeColsBounds(len(index), index, low, high)
        self.highs.changeColsCost(len(index), index, weights)
        # new bounds and a new objective: the dual simplex (the primal one is slow here)
        self.highs.setOptionValue("simplex_strategy", 1)
        try:
            return self._run(maximise=True)
        finally:
            if self._warm:
                self.highs.setOptionValue("simplex_strategy", 4)
            self.highs.changeColsCost(len(index), index, np.zeros(len(index)))
            self.highs.changeColsBounds(
                len(index), index, self._lower[columns], np.full(len(index), highspy.kHighsInf)
            )

    def _run(self, maximise: bool) -> LpSolution:
        sense = highspy.ObjSense.kMaximize if maximise else highspy.ObjSense.kMinimize
        self.highs.changeObjectiveSense(sense)
        self.highs.run()
        self.solves += 1
        if not self._warm:
            # later solves mostly change the objective: the primal simplex restarts from the
            # previous (still feasible) basis
            self.highs.setOptionValue("simplex_strategy", 4)
            self._warm = True
        status = self.highs.getModelStatus()
        if status == highspy.HighsModelStatus.kOptimal:
            solution = self.highs.getSolution()
            return LpSolution(
                value=float(self.highs.getInfo().objective_function_value),
                columns=np.asarray(solution.col_value, dtype=np.float64),
                row_duals=np.asarray(solution.row_dual, dtype=np.float64),
            )
        if status in (
            highspy.HighsModelStatus.kUnbounded,
            highspy.HighsModelStatus.kUnboundedOrInfeasible,
        ):
            raise Unbounded
        raise Infeasible
