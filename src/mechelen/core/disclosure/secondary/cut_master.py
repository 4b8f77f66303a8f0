"""The master MILP of suppression by cuts (HiGHS): the cheapest cells that satisfy the cuts.

A binary ``y_c`` per candidate cell; the ``fixed`` cells are suppressed whatever happens (the
primary cells for the exact method, :mod:`.milp`; a whole pattern to complete for
:mod:`.completion`). Each capacity inequality (:mod:`.cuts`) becomes a row
over the candidates, its right-hand side lowered by what the fixed cells already absorb.

Objective: ``sum_c (1 + cost_c / (C + 1)) * y_c`` with ``C`` the candidates' total cost:
the cost part of any pattern is below 1, so the number of cells comes first and their cost
second.
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterable

import highspy
import numpy as np
import numpy.typing as npt

from mechelen.core.disclosure.attacker.model import TOLERANCE
from mechelen.core.disclosure.secondary.cuts import Cut

BoolArray = npt.NDArray[np.bool_]
FloatArray = npt.NDArray[np.float64]


class CutMaster:
    """The master MILP over the candidate cells, with the cuts added so far."""

    def __init__(
        self,
        fixed: BoolArray,
        allowed: BoolArray,
        cost: FloatArray,
        max_nodes: int | None = None,
    ) -> None:
        self.primary = fixed
        self.candidates = np.flatnonzero(allowed & ~fixed)
        self.column = {int(c): k for k, c in enumerate(self.candidates)}
        n = len(self.candidates)
        total = float(cost[self.candidates].sum())
        self.weights = 1.0 + cost[self.candidates] / (total + 1.0)
        self.allowed = allowed
        self.cost = cost
        self.max_nodes = max_nodes
        self.highs = self._solver()
        self.highs.addVars(n, np.zeros(n), np.ones(n))
        if n:
            columns = np.arange(n, dtype=np.int32)
            self.highs.changeColsCost(n, columns, self.weights)
            self.highs.changeColsIntegrality(
                n, columns, np.full(n, highspy.HighsVarType.kInteger.value, dtype=np.uint8)
            )
        #: every cut added (valid for any protecting pattern, whatever is fixed)
        self.cuts: list[Cut] = []
        self.n_cuts = 0
        self.infeasible = False
        self.optimal = False
        #: the master's proven lower bound on the objective (valid for protecting patterns)
        self.bound = -np.inf
        #: the relative gap of the last solve
        self.gap = np.inf

    def _solver(self) -> highspy.Highs:
        highs = highspy.Highs()  # type: ignore[no-untyped-call]
        highs.setOptionValue("output_flag", False)
        if self.max_nodes is not None:
            highs.setOptionValue("mip_max_nodes", int(self.max_nodes))
        return highs

    def add(self, cuts: Iterable[Cut]) -> None:
        for coefficients, level in cuts:
            self.cuts.append((coefficients, level))
            rhs = level - sum(min(level, a) for c, a in coefficients.items() if self.primary[c])
            row = {
                self.column[c]: min(level, a)
                for c, a in coefficients.items()
                if c in self.column and a > 0
            }
            if rhs <= TOLERANCE * max(1.0, level):
                continue
            indices = np.array(list(row), dtype=np.int32)
            values = np.array(list(row.values()), dtype=np.float64)
            self.highs.addRow(rhs, highspy.kHighsInf, len(row), indices, values)
            self.n_cuts += 1

    def _renew(self) -> None:
        """Move the model (variables, costs, cuts) into a fresh HiGHS solver."""
        fresh = self._solver()
        fresh.passModel(self.highs.getLp())
        self.highs = fresh

    def objective(self, pattern: BoolArray | None) -> float:
        """The master's objective of a pattern (infinite if none, or if it uses a cell it
        cannot)."""
        if pattern is None or np.any(pattern & ~self.primary & ~self.allowed):
            return float(np.inf)
        return float(self.weights[pattern[self.candidates]].sum())

    def better(self, pattern: BoolArray, than: BoolArray) -> bool:
        """Fewer secondary cells; or as many, and no empty cell where the other has one (empty
        cells are candidates only with ``secondary_zeros``); or else cheaper."""
        return self._key(pattern) < self._key(than)

    def _key(self, pattern: BoolArray) -> tuple[int, bool, float]:
        extra = pattern & ~self.primary
        return int(extra.sum()), bool(np.any(extra & ~self.allowed)), float(self.cost[extra].sum())

    def solve(self, time_limit: float, gap: float, incumbent: BoolArray | None) -> BoolArray | None:
        """The cheapest pattern that satisfies the cuts (None if there is none, or no time)."""
        n = len(self.candidates)
        self.infeasible = False
        self.optimal = False
        if n == 0:
            self.infeasible = self.n_cuts > 0
            self.optimal = not self.infeasible
            return None if self.infeasible else self.primary.copy()
        self.highs.setOptionValue("time_limit", float(time_limit))
        self.highs.setOptionValue("mip_rel_gap", float(gap))
        if incumbent is not None and np.isfinite(self.objective(incumbent)):
            start = incumbent[self.candidates].astype(np.float64)
            self.highs.setSolution(n, np.arange(n, dtype=np.int32), start)
        started = time.monotonic()
        self.highs.run()
        status = self.highs.getModelStatus()
        if status == highspy.HighsModelStatus.kInfeasible:
            self.infeasible = True
            return None
        info = self.highs.getInfo()
        found = info.primal_solution_status == 2  # a feasible solution
        values = np.asarray(self.highs.getSolution().col_value)
        reported = float(info.objective_function_value)
        if (
            found
            and incumbent is not None
            and not math.isclose(float(self.weights @ values), reported, rel_tol=1e-9, abs_tol=1e-9)
        ):
            # highspy 1.16.0 can answer a MIP start with the start's values, an objective
            # that is not theirs and a wrong bound, and keeps doing so: solve again in a
            # fresh solver, without the start
            self._renew()
            remaining = time_limit - (time.monotonic() - started)
            return self.solve(remaining, gap, None) if remaining > 0 else None
        self.optimal = status == highspy.HighsModelStatus.kOptimal
        self.bound = max(self.bound, float(info.mip_dual_bound))
        self.gap = float(info.mip_gap)
        if not found:
            return None
        pattern = self.primary.copy()
        pattern[self.candidates[values > 0.5]] = True
        return pattern
