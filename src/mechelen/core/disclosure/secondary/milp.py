"""The exact method (``milp``): classical cell suppression with HiGHS, by cut generation.

Model (Fischetti and Salazar): a binary ``y_c`` per cell that may be suppressed, primary
cells fixed to 1, and for every primary cell ``i`` and direction: the attacker's LP (see
:mod:`..attacker.audit`) must let ``i`` reach ``value + upper`` and ``value - lower``. By LP duality
that holds for a suppression pattern ``y`` exactly when every dual solution ``(λ)`` of the
attacker's LP satisfies the capacity inequality

    sum_c  min(level, cap_c(λ)) * y_c  >=  level,

where ``cap_c`` is what cell c can absorb in that dual direction: its value above its lower
bound, or unbounded upwards. Listing all of them is impossible, so they are generated
(:mod:`.cuts`):

1. the master MILP starts with the inequalities of each single equation through a primary
   cell, and the fast method's pattern (:mod:`.gauss`, with its restart) as
   incumbent: it protects, so it satisfies every inequality;
2. solve the master; audit its pattern with the attacker's LPs (sides that an earlier LP
   solution already reached are not solved); for every primary cell and direction still
   too narrow, add the inequality of the LP's optimal duals, which cuts the pattern off;
   repeat until a pattern passes the audit;
3. a pattern that fails with few sides too narrow is also completed into a protecting one
   (:mod:`.completion`, the same cuts with the pattern's cells fixed; only the cells it adds
   are offered to the clean-up): a better incumbent, perhaps. This takes at most a fifth
   of the time so far;
4. the loop stops as soon as the master's lower bound reaches the incumbent's objective.

The master (:mod:`.cut_master`) minimises the number of secondary suppressions first and
their total cost (by default, value) second.

While cuts are still being found the master is solved to a 1% gap; once a pattern passes
the audit, to a gap of 1e-6, and that pattern is returned as proven minimal
(``details["optimal"]``). When ``time_limit`` runs out first, the best pattern that passed
the audit is returned, at worst the fast method's: never an unprotected one. ``details``
also gives where the pattern comes from (``incumbent``: ``gauss``, ``repair`` or
``master``), the fewest secondary cells any protecting pattern can have as proven so far
(``secondary_lower_bound``) and the relative ``gap`` between the pattern's objective and
the master's lower bound (0 when proven). Empty cells are candidates only with
``secondary_zeros``; the fast method may still suppress one, and its pattern is kept when it
has fewer cells than any found without, but then no bound is claimed.
"""

from __future__ import annotations

import logging
import math
import time

import numpy as np
import numpy.typing as npt

from mechelen.core.disclosure.linked import CellSystem
from mechelen.core.disclosure.methods import GAUSS, MILP
from mechelen.core.disclosure.rules.protection_levels import ProtectionLevels
from mechelen.core.disclosure.secondary.completion import complete_by_cuts
from mechelen.core.disclosure.secondary.cut_master import CutMaster
from mechelen.core.disclosure.secondary.cuts import (
    equation_cuts,
    protects,
    violated_cuts,
)
from mechelen.core.disclosure.secondary.gauss import gauss_suppression
from mechelen.core.disclosure.secondary.registry import (
    SecondaryOptions,
    SecondaryResult,
    cell_costs,
    secondary_method,
)
from mechelen.core.disclosure.secondary.repair import drop_redundant, repair_intervals

BoolArray = npt.NDArray[np.bool_]
FloatArray = npt.NDArray[np.float64]
LOG = logging.getLogger(__name__)


@secondary_method(MILP.id)
def milp_suppression(
    system: CellSystem,
    primary: BoolArray,
    levels: ProtectionLevels,
    options: SecondaryOptions,
) -> SecondaryResult:
    started = time.monotonic()
    cost = cell_costs(system, options.cost)
    allowed = ~primary & system.suppressible
    if not options.secondary_zeros:
        allowed &= system.values != 0
    master = CutMaster(primary, allowed, cost)
    master.add(equation_cuts(system, primary, levels))
    # the fast method's pattern protects: it is the first incumbent and the fallback, with its
    # restart (a few percent fewer cells on small 3-D tables, and the exact method must
    # never return more than the fast one when its time runs out)
    best = gauss_suppression(system, primary, levels, options).suppressed
    found_by = GAUSS.id
    completing = 0.0  # seconds spent completing master patterns
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
        LOG.debug(
            "milp iteration %d at %.1f s: master %d cells, bound %.1f, best %d cells, %d cuts",
            iterations,
            time.monotonic() - started,
            int((pattern & ~primary).sum()),
            master.bound,
            int((best & ~primary).sum()),
            master.n_cuts,
        )
        if master.bound >= master.objective(best) - BOUND_TOLERANCE:
            return _result(best, found_by, iterations, master, True)
        cuts = violated_cuts(system, pattern, levels)
        if cuts:
            master.add(cuts)
            # complete the pattern into a protecting one, which may reach the master's
            # lower bound: when it has few enough violated sides to beat the incumbent (each
            # may cost a cell), and while completing has taken a small share of the time
            elapsed = time.monotonic() - started
            if (
                master.objective(pattern) + len(cuts) < master.objective(best)
                and completing <= COMPLETION_SHARE * elapsed
                and elapsed < options.time_limit
            ):
                before = time.monotonic()
                repaired = _completed(
                    system,
                    levels,
                    pattern,
                    cost,
                    options.secondary_zeros,
                    master,
                    options.time_limit - elapsed,
                )
                if master.better(repaired, best) and protects(system, levels, repaired):
                    best, found_by = repaired, "repair"
                completing += time.monotonic() - before
            continue
        if master.better(pattern, best):
            best, found_by = pattern, "master"
        if master.optimal and (gap == TIGHT_GAP or master.gap <= TIGHT_GAP):
            return _result(best, found_by, iterations, master, True)
        gap = TIGHT_GAP
    return _result(best, found_by, iterations, master, False)


def _completed(
    system: CellSystem,
    levels: ProtectionLevels,
    pattern: BoolArray,
    cost: FloatArray,
    secondary_zeros: bool,
    master: CutMaster,
    time_limit: float,
) -> BoolArray:
    """The pattern with the cells its completion adds, less those of them not needed.

    The completion (:mod:`.completion`) starts from every cut the master has; the greedy
    repair finishes it if it gives up. Only the added cells are offered to the clean-up (the
    master's cells are taken as given): a few LPs instead of a pass over every secondary cell.
    """
    completed, protecting, _ = complete_by_cuts(
        system, levels, pattern, cost, secondary_zeros, master.cuts, time_limit=time_limit
    )
    if not protecting:
        completed, _ = repair_intervals(system, levels, completed, cost, secondary_zeros)
    return drop_redundant(system, levels, completed, pattern, cost)


def _result(
    best: BoolArray, found_by: str, iterations: int, master: CutMaster, optimal: bool
) -> SecondaryResult:
    objective = master.objective(best)  # infinite when it uses an empty cell
    # the master proves bounds for patterns of candidate cells only: none is claimed for a
    # pattern with an empty cell (one of the fast method's, with fewer cells than any other)
    optimal = optimal and not math.isinf(objective)
    if optimal:
        bound = objective
    else:
        bound = 0.0 if math.isinf(objective) else max(0.0, min(master.bound, objective))
    if optimal or objective <= 0:
        gap = 0.0
    elif math.isinf(objective):
        gap = 1.0
    else:
        gap = (objective - bound) / objective
    details: dict[str, float | int | str | bool] = {
        "iterations": iterations,
        "cuts": master.n_cuts,
        "optimal": optimal,
        "incumbent": found_by,
        # the fewest secondary cells any protecting pattern can have, as proven so far (the
        # cost part of an objective is below 1)
        "secondary_lower_bound": math.floor(bound + BOUND_TOLERANCE) if 0 < bound < np.inf else 0,
        # relative gap between the pattern's objective and the master's lower bound
        "gap": gap,
    }
    return SecondaryResult(best, MILP.id, details)


#: the share of the time that completing master patterns into protecting ones may take
COMPLETION_SHARE = 0.2

#: a pattern whose objective is within this of the master's lower bound is optimal
BOUND_TOLERANCE = 1e-9


#: relative MIP gap while cuts are still being found, and for the final, proven pattern
LOOSE_GAP = 1e-2
TIGHT_GAP = 1e-6
