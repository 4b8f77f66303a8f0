"""The exact method (``milp``) for small tables: classical cell suppression with HiGHS.

Model (Fischetti and Salazar): a binary ``y_c`` per cell that may be suppressed, primary
cells fixed to 1, and for every primary cell ``i`` and direction: the attacker's LP (see
:mod:`.audit`) must let ``i`` reach ``value + upper`` and ``value - lower``. By LP duality
that holds for a suppression pattern ``y`` exactly when every dual solution ``(λ)`` of the
attacker's LP satisfies the capacity inequality

    sum_c  min(level, cap_c(λ)) * y_c  >=  level,

where ``cap_c`` is what cell c can absorb in that dual direction: its value above its lower
bound, or unbounded upwards. Listing all of them is impossible, so they are generated:

1. start with the inequalities of each single equation through a primary cell (the cells of
   the equation must be able to absorb the move);
2. solve the master MILP; audit its pattern with the attacker's LPs; for every primary cell
   and direction still too narrow, add the inequality of the LP's optimal dual solution
   (it cuts the current pattern off); repeat until the audit passes. A pattern that fails
   is also completed by interval repair and clean-up (:mod:`.repair`): when that protecting
   pattern reaches the master's lower bound, it is optimal and the loop stops early.

Objective: minimise ``sum_c (1 + cost_c / (C + 1)) * y_c`` with ``C`` the total cost of the
candidate cells: the cost part of any pattern is below 1, so the number of secondary
suppressions is minimised first and their total cost (by default, value) second.

The fast method's pattern (:mod:`.secondary_gauss`) protects, so it satisfies every such
inequality: it is handed to HiGHS as the first incumbent and is the fallback. While cuts are
still being found the master is solved to a 1% gap; once a pattern passes the audit, to a
gap of 1e-6, and that pattern is returned as proven minimal (``details["optimal"]``). When
``time_limit`` runs out first, the best pattern that passed the audit is returned (at worst
the fast method's). Empty cells are candidates only with ``secondary_zeros``.
"""

from __future__ import annotations

import time
from collections.abc import Iterable

import highspy
import numpy as np
import numpy.typing as npt

from mechelen.core.disclosure.audit import TOLERANCE, AttackerModel
from mechelen.core.disclosure.capacity import capacities
from mechelen.core.disclosure.linked import CellSystem
from mechelen.core.disclosure.protection import ProtectionLevels
from mechelen.core.disclosure.repair import drop_redundant, repair_intervals
from mechelen.core.disclosure.secondary import (
    SecondaryOptions,
    SecondaryResult,
    cell_costs,
    protected_cells,
    secondary_method,
)
from mechelen.core.disclosure.secondary_gauss import gauss_suppression

BoolArray = npt.NDArray[np.bool_]
FloatArray = npt.NDArray[np.float64]
#: a capacity inequality: {cell: coefficient}, right-hand side
Cut = tuple[dict[int, float], float]


@secondary_method("milp")
def milp_suppression(
    system: CellSystem,
    primary: BoolArray,
    levels: ProtectionLevels,
    options: SecondaryOptions,
) -> SecondaryResult:
    started = time.monotonic()
    cost = cell_costs(system, options.cost)
    protected = primary & protected_cells(levels)
    # the fast method's pattern protects: it is the first incumbent and the fallback
    best = gauss_suppression(system, primary, levels, options).suppressed
    allowed = ~primary if options.secondary_zeros else ~primary & (system.values != 0)
    master = _Master(primary, allowed, cost)
    master.add(_equation_cuts(system, primary, levels))
    iterations = 0
    gap = LOOSE_GAP
    while True:
        remaining = options.time_limit - (time.monotonic() - started)
        if remaining <= 0:
            break
        pattern = master.solve(remaining, gap, best)
        if pattern is None:
            if master.infeasible and not options.secondary_zeros:
                # only empty cells could protect some cell: let them be suppressed
                retry = SecondaryOptions(options.cost, True, remaining, options.restarts)
                return milp_suppression(system, primary, levels, retry)
            break
        iterations += 1
        cuts = _violated(system, pattern, levels, protected)
        if cuts:
            master.add(cuts)
            # complete the pattern into a protecting one: a better incumbent, and perhaps
            # already as good as the master's lower bound
            repaired, _ = repair_intervals(system, levels, pattern, cost, options.secondary_zeros)
            repaired = drop_redundant(system, levels, repaired, primary, cost, first=pattern)
            if _better(repaired, best, cost):
                best = repaired
            if master.bound >= master.objective(best) - BOUND_TOLERANCE:
                return _proven(best, iterations, master)
            continue
        if _better(pattern, best, cost):
            best = pattern
        if master.optimal and gap == TIGHT_GAP:
            return _proven(best, iterations, master)
        gap = TIGHT_GAP
    details = {"iterations": iterations, "cuts": master.n_cuts, "optimal": False}
    return SecondaryResult(best, "milp", details)


def _proven(best: BoolArray, iterations: int, master: _Master) -> SecondaryResult:
    details = {"iterations": iterations, "cuts": master.n_cuts, "optimal": True}
    return SecondaryResult(best, "milp", details)


#: a pattern whose objective is within this of the master's lower bound is optimal
BOUND_TOLERANCE = 1e-9


#: relative MIP gap while cuts are still being found, and for the final, proven pattern
LOOSE_GAP = 1e-2
TIGHT_GAP = 1e-6


def _better(pattern: BoolArray, than: BoolArray, cost: FloatArray) -> bool:
    return (int(pattern.sum()), float(cost[pattern].sum())) < (
        int(than.sum()),
        float(cost[than].sum()),
    )


class _Master:
    """The master MILP (HiGHS) over the candidate cells, with the cuts found so far."""

    def __init__(self, primary: BoolArray, allowed: BoolArray, cost: FloatArray) -> None:
        self.primary = primary
        self.candidates = np.flatnonzero(allowed)
        self.column = {int(c): k for k, c in enumerate(self.candidates)}
        n = len(self.candidates)
        total = float(cost[self.candidates].sum())
        self.weights = 1.0 + cost[self.candidates] / (total + 1.0)
        self.allowed = allowed
        self.highs = highspy.Highs()  # type: ignore[no-untyped-call]
        self.highs.setOptionValue("output_flag", False)
        self.highs.addVars(n, np.zeros(n), np.ones(n))
        if n:
            columns = np.arange(n, dtype=np.int32)
            self.highs.changeColsCost(n, columns, self.weights)
            self.highs.changeColsIntegrality(
                n, columns, np.full(n, highspy.HighsVarType.kInteger.value, dtype=np.uint8)
            )
        self.n_cuts = 0
        self.infeasible = False
        self.optimal = False
        #: the master's proven lower bound on the objective (valid for protecting patterns)
        self.bound = -np.inf

    def add(self, cuts: Iterable[Cut]) -> None:
        for coefficients, level in cuts:
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

    def objective(self, pattern: BoolArray) -> float:
        """The master's objective of a pattern (infinite if it uses a cell it cannot)."""
        if np.any(pattern & ~self.primary & ~self.allowed):
            return float(np.inf)
        return float(self.weights[pattern[self.candidates]].sum())

    def solve(self, time_limit: float, gap: float, incumbent: BoolArray) -> BoolArray | None:
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
        start = incumbent[self.candidates].astype(np.float64)
        self.highs.setSolution(n, np.arange(n, dtype=np.int32), start)
        self.highs.run()
        status = self.highs.getModelStatus()
        if status == highspy.HighsModelStatus.kInfeasible:
            self.infeasible = True
            return None
        self.optimal = status == highspy.HighsModelStatus.kOptimal
        self.bound = max(self.bound, float(self.highs.getInfo().mip_dual_bound))
        if self.highs.getInfo().primal_solution_status != 2:  # no feasible solution found
            return None
        values = np.asarray(self.highs.getSolution().col_value)
        pattern = self.primary.copy()
        pattern[self.candidates[values > 0.5]] = True
        return pattern


def _equation_cuts(system: CellSystem, primary: BoolArray, levels: ProtectionLevels) -> list[Cut]:
    """Each equation through a primary cell must be able to absorb its move both ways."""
    room_down = system.values - system.lower_bounds  # inf when values may be negative
    cuts: list[Cut] = []
    for total, parts in system.equations:
        for i in (total, *parts):
            if not primary[i]:
                continue
            others = [c for c in (total, *parts) if c != i]
            for level, up in ((float(levels.upper[i]), True), (float(levels.lower[i]), False)):
                if level <= 0:
                    continue
                coefficients: dict[int, float] = {}
                for c in others:
                    # a total moves with its part, parts move against each other (or against
                    # a total that moves); growing is unbounded, shrinking stops at the bound
                    grows = up if (i == total or c == total) else not up
                    capacity = np.inf if grows else float(room_down[c])
                    coefficients[c] = min(level, capacity)
                cuts.append((coefficients, level))
    return cuts


def _violated(
    system: CellSystem, pattern: BoolArray, levels: ProtectionLevels, protected: BoolArray
) -> list[Cut]:
    """The dual capacity inequality of every primary cell and direction still too narrow."""
    model = AttackerModel(system, ~pattern)
    room_down = system.values - system.lower_bounds
    cuts: list[Cut] = []
    for cell in np.flatnonzero(protected):
        value = float(system.values[cell])
        slack = TOLERANCE * max(1.0, abs(value))
        for level, up in ((float(levels.upper[cell]), True), (float(levels.lower[cell]), False)):
            if level <= 0:
                continue
            bound, duals = model.solve(int(cell), maximise=up)
            reach = bound - value if up else value - bound
            if reach >= level - slack:
                continue
            coefficients = capacities(system, room_down, int(cell), up, duals, level)
            cuts.append((coefficients, level))
    return cuts
