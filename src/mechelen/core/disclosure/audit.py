"""The attacker: from the published cells and the equations alone, how well can a suppressed
cell be pinned down?

For every suppressed cell the tightest interval ``[lower, upper]`` it can take is computed by
linear programming (HiGHS): minimise and maximise the cell over all tables that satisfy every
equation, agree with every published cell and have no negative cell (when no value of the
system is negative: counts, sums of non-negative amounts). This is the classical audit of
tau-Argus and sdcTable; it ignores that counts are whole numbers, which can only widen an
interval by less than one unit.

The suppressed cells fall apart into independent groups (connected through equations); each
group is one LP model, built once and re-solved with another objective for each bound (the
primal simplex restarts from the previous basis, a few milliseconds per bound even for
thousands of cells). Every solution is a table the attacker cannot rule out, so it also
shows how far the *other* cells of the group can move: :func:`audit`, which only needs to
know whether each sensitive cell can move far enough, skips the LPs of bounds that an
earlier solution already reached (those bounds are then not the tightest; ``exact`` says
which are).
"""

from __future__ import annotations

from dataclasses import dataclass

import highspy
import numpy as np
import numpy.typing as npt
import scipy.sparse as sp
from scipy.sparse.csgraph import connected_components

from mechelen.core.disclosure.linked import CellSystem
from mechelen.core.disclosure.protection import ProtectionLevels
from mechelen.core.problems import Problem, ProblemsFound
from mechelen.core.tabulation.table import Key

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]

#: relative tolerance when comparing an attacker bound with a required bound
TOLERANCE = 1e-6


@dataclass(frozen=True)
class AuditFinding:
    """A sensitive cell whose attacker interval does not reach the required bounds."""

    cell: int
    key: Key
    value: float
    lower_bound: float
    upper_bound: float
    required_lower: float
    required_upper: float


@dataclass(frozen=True, eq=False)
class AuditResult:
    """Attacker bounds of the audited cells (published cells: their value) and the failures.

    ``exact[c]`` is False where a bound was not computed because an earlier LP solution had
    already moved the cell far enough: the true interval is at least ``[lower, upper]``.
    Suppressed cells without protection levels are not audited (NaN).
    """

    lower: FloatArray
    upper: FloatArray
    findings: tuple[AuditFinding, ...]
    exact: BoolArray

    @property
    def passed(self) -> bool:
        return not self.findings


def attacker_intervals(
    system: CellSystem,
    published: BoolArray,
    cells: npt.NDArray[np.intp] | None = None,
) -> tuple[FloatArray, FloatArray]:
    """Tightest bounds of every suppressed cell (or only of ``cells``; others are NaN).

    Published cells get their own value as both bounds.
    """
    model = AttackerModel(system, published)
    wanted = np.flatnonzero(~published) if cells is None else np.asarray(cells, dtype=np.intp)
    lower = np.where(published, system.values, np.nan)
    upper = lower.copy()
    for cell in wanted:
        if published[cell]:
            continue
        lower[cell] = model.bound(int(cell), maximise=False)
        upper[cell] = model.bound(int(cell), maximise=True)
    return lower, upper


def audit(
    system: CellSystem,
    published: BoolArray,
    levels: ProtectionLevels,
    tolerance: float = TOLERANCE,
) -> AuditResult:
    """Every cell with a protection level whose attacker interval is too narrow.

    A protected cell that is published fails too (its interval is a single point).
    """
    protected = (levels.lower > 0) | (levels.upper > 0)
    lower = np.where(published, system.values, np.nan)
    upper = lower.copy()
    exact = published.copy()
    model = AttackerModel(system, published)
    findings = []
    for cell in np.flatnonzero(protected):
        value = float(system.values[cell])
        need_low = value - float(levels.lower[cell])
        need_high = value + float(levels.upper[cell])
        slack = tolerance * max(1.0, abs(value))
        if not published[cell]:
            low, high = model.seen(int(cell))
            exact[cell] = True
            if low > need_low + slack:
                low = model.bound(int(cell), maximise=False)
            else:
                exact[cell] = False
            if high < need_high - slack:
                high = model.bound(int(cell), maximise=True)
            else:
                exact[cell] = False
            lower[cell], upper[cell] = low, high
        if lower[cell] > need_low + slack or upper[cell] < need_high - slack:
            findings.append(
                AuditFinding(
                    cell=int(cell),
                    key=system.keys[cell],
                    value=value,
                    lower_bound=float(lower[cell]),
                    upper_bound=float(upper[cell]),
                    required_lower=need_low,
                    required_upper=need_high,
                )
            )
    return AuditResult(lower, upper, tuple(findings), exact)


class AttackerModel:
    """The attacker's LPs for one publication, one per group of linked suppressed cells."""

    def __init__(self, system: CellSystem, published: BoolArray) -> None:
        self.system = system
        self.published = published
        matrix = system.equation_matrix
        _check_consistent(system, matrix)
        suppressed = np.flatnonzero(~published)
        self._suppressed = suppressed
        self._local = np.full(len(system), -1, dtype=np.intp)
        self._local[suppressed] = np.arange(len(suppressed))
        on_suppressed = matrix[:, suppressed].tocsr()
        rows = np.flatnonzero(np.diff(on_suppressed.indptr) > 0)
        self._rows = rows
        self._matrix = on_suppressed[rows]
        known = matrix[:, np.flatnonzero(published)] @ system.values[published]
        self._rhs = -np.asarray(known, dtype=np.float64)[rows]
        # groups: suppressed cells connected through an equation
        incidence = (self._matrix != 0).astype(np.int8)
        adjacency = (incidence.T @ incidence).tocsr()
        _, labels = connected_components(adjacency, directed=False)
        self._labels = labels
        first = self._matrix.indices[self._matrix.indptr[:-1]]
        self._row_labels = labels[first] if len(rows) else np.zeros(0, dtype=np.intp)
        self._lower_bounds = system.lower_bounds
        self._groups: dict[int, _GroupLp] = {}
        # the widest values seen in LP solutions, and which solution showed each
        self._seen_low = system.values.copy()
        self._seen_high = system.values.copy()
        self._witness_low = np.full(len(system), -1, dtype=np.int64)
        self._witness_high = np.full(len(system), -1, dtype=np.int64)
        self._solutions: dict[int, tuple[_GroupLp, FloatArray]] = {}
        self._next_solution = 0

    def linked_cells(self, cell: int) -> npt.NDArray[np.intp]:
        """The suppressed cells in the same group as the suppressed ``cell`` (itself included)."""
        same = self._labels == self._labels[self._column(cell)]
        return np.asarray(self._suppressed[same], dtype=np.intp)

    def fix(self, cell: int) -> None:
        """Treat the suppressed ``cell`` as published from now on (until :meth:`release`).

        Solutions in which the cell kept its value remain tables the attacker cannot rule
        out; what the others showed is forgotten.
        """
        group = self._group(int(self._labels[self._column(cell)]))
        group.set_fixed(cell, True)
        value = float(self.system.values[cell])
        column = group.column(cell)
        stale = [
            sid
            for sid, (owner, solution) in self._solutions.items()
            if owner is group and abs(solution[column] - value) > TOLERANCE * max(1.0, value)
        ]
        for sid in stale:
            del self._solutions[sid]
        if stale:
            for seen, witness in (
                (self._seen_low, self._witness_low),
                (self._seen_high, self._witness_high),
            ):
                lost = np.isin(witness, stale)
                seen[lost] = self.system.values[lost]
                witness[lost] = -1

    def release(self, cell: int) -> None:
        """Undo :meth:`fix` (every solution found meanwhile stays valid)."""
        self._group(int(self._labels[self._column(cell)])).set_fixed(cell, False)

    @property
    def solves(self) -> int:
        return sum(group.solves for group in self._groups.values())

    @property
    def work(self) -> int:
        """LP solutions weighted by the number of cells in their group (a measure of time)."""
        return sum(group.solves * len(group.cells) for group in self._groups.values())

    def seen(self, cell: int) -> tuple[float, float]:
        """The lowest and highest value of ``cell`` in the LP solutions found so far."""
        return float(self._seen_low[cell]), float(self._seen_high[cell])

    def bound(self, cell: int, maximise: bool) -> float:
        """The smallest (or largest) value the suppressed ``cell`` can take."""
        value, _ = self.solve(cell, maximise, duals=False)
        return value

    def solve(
        self, cell: int, maximise: bool, duals: bool = True
    ) -> tuple[float, dict[int, float]]:
        """The bound and (if asked) the non-zero duals of the equations, by equation index."""
        group = self._group(int(self._labels[self._column(cell)]))
        value, found, solution = group.solve(cell, maximise, duals)
        if solution is not None:
            self._remember(group, solution)
        return value, found

    def _remember(self, group: _GroupLp, solution: FloatArray) -> None:
        sid = self._next_solution
        self._next_solution += 1
        useful = False
        for seen, witness, wider in (
            (self._seen_low, self._witness_low, np.less),
            (self._seen_high, self._witness_high, np.greater),
        ):
            better = wider(solution, seen[group.cells])
            if better.any():
                useful = True
                seen[group.cells[better]] = solution[better]
                witness[group.cells[better]] = sid
        if useful:
            self._solutions[sid] = (group, solution)
        if len(self._solutions) > 200 and sid % 200 == 0:
            kept = set(np.unique(self._witness_low)) | set(np.unique(self._witness_high))
            self._solutions = {k: v for k, v in self._solutions.items() if k in kept}

    def _column(self, cell: int) -> int:
        local = int(self._local[cell])
        if local < 0:
            raise ValueError("the cell is published")
        return local

    def _group(self, label: int) -> _GroupLp:
        found = self._groups.get(label)
        if found is None:
            columns = np.flatnonzero(self._labels == label)
            rows = np.flatnonzero(self._row_labels == label)
            found = _GroupLp(
                cells=self._suppressed[columns],
                equations=self._rows[rows],
                matrix=self._matrix[rows][:, columns].tocsc(),
                rhs=self._rhs[rows],
                lower_bounds=self._lower_bounds[self._suppressed[columns]],
                system=self.system,
            )
            self._groups[label] = found
        return found


class _GroupLp:
    """One HiGHS model: cells of one group as columns, their equations as rows."""

    def __init__(
        self,
        cells: npt.NDArray[np.intp],
        equations: npt.NDArray[np.intp],
        matrix: sp.csc_array,
        rhs: FloatArray,
        lower_bounds: FloatArray,
        system: CellSystem,
    ) -> None:
        self.cells = cells
        self.equations = equations
        self.system = system
        self._column = {int(c): i for i, c in enumerate(cells)}
        self._current = -1
        self._warm = False
        self.solves = 0
        self._lower_bounds = lower_bounds
        inf = highspy.kHighsInf
        self.highs = highspy.Highs()  # type: ignore[no-untyped-call]
        self.highs.setOptionValue("output_flag", False)
        self.highs.setOptionValue("presolve", "off")
        lp = highspy.HighsLp()
        lp.num_col_ = len(cells)
        lp.num_row_ = len(equations)
        lp.col_cost_ = np.zeros(len(cells))
        lp.col_lower_ = np.where(np.isfinite(lower_bounds), lower_bounds, -inf)
        lp.col_upper_ = np.full(len(cells), inf)
        lp.row_lower_ = rhs
        lp.row_upper_ = rhs
        lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
        lp.a_matrix_.start_ = matrix.indptr.astype(np.int32)
        lp.a_matrix_.index_ = matrix.indices.astype(np.int32)
        lp.a_matrix_.value_ = matrix.data.astype(np.float64)
        lp.a_matrix_.num_col_ = len(cells)
        lp.a_matrix_.num_row_ = len(equations)
        self.highs.passModel(lp)

    def column(self, cell: int) -> int:
        return self._column[cell]

    def set_fixed(self, cell: int, fixed: bool) -> None:
        column = self._column[cell]
        if fixed:
            value = float(self.system.values[cell])
            self.highs.changeColBounds(column, value, value)
        else:
            low = float(self._lower_bounds[column])
            low = low if np.isfinite(low) else -highspy.kHighsInf
            self.highs.changeColBounds(column, low, highspy.kHighsInf)

    def solve(
        self, cell: int, maximise: bool, duals: bool
    ) -> tuple[float, dict[int, float], FloatArray | None]:
        """Bound, duals by equation (if asked) and the optimal table of the group's cells."""
        column = self._column[cell]
        if self._current != column:
            if self._current >= 0:
                self.highs.changeColCost(self._current, 0.0)
            self.highs.changeColCost(column, 1.0)
            self._current = column
        sense = highspy.ObjSense.kMaximize if maximise else highspy.ObjSense.kMinimize
        self.highs.changeObjectiveSense(sense)
        self.highs.run()
        self.solves += 1
        if not self._warm:
            # later solves only change the objective: the primal simplex restarts from the
            # previous (still feasible) basis
            self.highs.setOptionValue("simplex_strategy", 4)
            self._warm = True
        status = self.highs.getModelStatus()
        if status == highspy.HighsModelStatus.kOptimal:
            solution = self.highs.getSolution()
            found: dict[int, float] = {}
            if duals:
                row_dual = np.asarray(solution.row_dual)
                nonzero = np.flatnonzero(row_dual)
                found = dict(
                    zip(self.equations[nonzero].tolist(), row_dual[nonzero].tolist(), strict=True)
                )
            value = float(self.highs.getInfo().objective_function_value)
            return value, found, np.asarray(solution.col_value, dtype=np.float64)
        if status in (
            highspy.HighsModelStatus.kUnbounded,
            highspy.HighsModelStatus.kUnboundedOrInfeasible,
        ):
            return (np.inf if maximise else -np.inf), {}, None
        raise ProblemsFound(
            [Problem("disclosure.E005", {"key": ", ".join(self.system.keys[cell])})]
        )


def _check_consistent(system: CellSystem, matrix: sp.csc_array) -> None:
    residual = matrix @ system.values
    scale = np.abs(matrix) @ np.abs(system.values)
    bad = np.flatnonzero(np.abs(residual) > 1e-9 * np.maximum(1.0, scale))
    if len(bad):
        total = system.equations[int(bad[0])][0]
        raise ProblemsFound([Problem("disclosure.E005", {"key": ", ".join(system.keys[total])})])
