"""Interval repair: widen the attacker intervals that are still too narrow.

After a method has made sure no primary cell can be recomputed exactly, an attacker may still
narrow one below its protection levels (a suppressed partner too small to absorb the
change, say). Each round audits the cells that failed the previous round (suppressing more
only widens intervals, so a cell that passed stays passed) and, for each side of each
failing cell, suppresses one more published cell, chosen from the attacker's LP duals
(:mod:`.capacity`): among the cells whose suppression can widen that side, the cheapest one
that can cover the whole shortfall, or else the one that covers most of it per unit of cost
(non-empty cells before empty ones unless ``secondary_zeros``). Cells of an equation with
the failing cell are such cells whenever the equation is what blocks it.

On the large groups of linked tables (tens of thousands of suppressed cells), the first
rounds judge each side by the LP of the cell's block, the rest of the group held at its
true values (:mod:`..attacker.model`): a side that reaches its level there does so in the whole
system, but one that does not may still be wide enough. Such a side whose duals point only
at suppressed cells outside the block is deferred; once deferred sides outnumber the cells
added in a round they are solved in full, and those found wide enough are remembered as
such. After ``BLOCK_ROUNDS`` rounds every side is solved in full. The final word is the
audit's (:mod:`..attacker.audit`), which never relies on a block's LP for a failure.

:func:`drop_redundant` goes the other way: it publishes again the secondary cells whose
suppression turned out unnecessary, one at a time, checking the protected cells linked to
each by LP.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from mechelen.core.disclosure.attacker.model import TOLERANCE, AttackerModel
from mechelen.core.disclosure.linked import CellSystem
from mechelen.core.disclosure.rules.protection_levels import ProtectionLevels
from mechelen.core.disclosure.secondary.capacity import capacities

LOG = logging.getLogger(__name__)
#: rounds that judge the cells of large groups by the LPs of their blocks (fast, but they
#: may see a side too narrow that is not, or blame the wrong cells); later rounds solve in
#: full, as on small groups
BLOCK_ROUNDS = 20
#: the clean-up leaves the cells of larger groups (suppressed cells linked by equations)
#: suppressed: on the 41 linked tables at municipality level (one group of 57,934 cells) it
#: spent 739 s to publish one cell again
CLEAN_UP_GROUP_LIMIT = 20_000
BoolArray = npt.NDArray[np.bool_]
FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True)
class Shortfall:
    """One side of a cell's attacker interval that misses its protection level."""

    cell: int
    maximise: bool
    level: float
    missing: float
    duals: dict[int, float]
    #: False when found by a local LP of a large group only (see ``growth``)
    exact: bool = True


def shortfalls(
    model: AttackerModel,
    system: CellSystem,
    levels: ProtectionLevels,
    cells: npt.NDArray[np.intp] | list[int],
    first_only: bool = False,
    growth: int | None = None,
    wide: set[tuple[int, bool]] | None = None,
) -> list[Shortfall]:
    """Every side of the given suppressed cells' intervals that is too narrow (or the first).

    With a ``growth`` limit a side of a cell of a large group may be reported from a local
    LP (:meth:`..attacker.model.AttackerModel.estimate`): it may in fact be wide enough, and its
    duals are then those of the local LP (still a valid capacity bound). Sides in ``wide``
    (cell, maximise) are known to be wide enough and are skipped.

    Sides that an earlier LP solution already reached are not solved again; when all are
    wanted, solutions reaching many sides at once are looked for first
    (:meth:`..attacker.model.AttackerModel.witness`).
    """
    cells = np.asarray(cells, dtype=np.intp)
    if not first_only and len(cells):
        values = system.values[cells]
        model.witness(cells, values - levels.lower[cells], values + levels.upper[cells])
    found: list[Shortfall] = []
    for cell in cells:
        value = float(system.values[cell])
        slack = TOLERANCE * max(1.0, abs(value))
        for level, up in ((float(levels.upper[cell]), True), (float(levels.lower[cell]), False)):
            if level <= 0 or (wide is not None and (int(cell), up) in wide):
                continue
            low, high = model.seen(int(cell))
            if (high - value if up else value - low) >= level - slack:
                continue
            target = value + level - slack if up else value - level + slack
            bound = model.estimate(int(cell), maximise=up, target=target, growth=growth)
            missing = level - (bound.value - value if up else value - bound.value)
            if missing > slack:
                found.append(Shortfall(int(cell), up, level, missing, bound.duals, bound.exact))
                if first_only:
                    return found
    return found


def repair_intervals(
    system: CellSystem,
    levels: ProtectionLevels,
    suppressed: BoolArray,
    cost: FloatArray,
    secondary_zeros: bool = False,
) -> tuple[BoolArray, int]:
    """Suppress more cells until every protected cell's interval is wide enough.

    Returns the new suppression and the number of rounds that added cells.
    """
    suppressed = suppressed.copy()
    protected = (levels.lower > 0) | (levels.upper > 0)
    pending = np.flatnonzero(protected & suppressed)
    room_down = system.values - system.lower_bounds
    rounds = 0
    # sides shown wide enough by the whole group's LP (suppressing more only widens them)
    wide: set[tuple[int, bool]] = set()
    # what each side (cell, maximise) missed when last given a partner, solved in full
    before: dict[tuple[int, bool], float] = {}
    # how many times in a row a side was not widened by the cells it was given
    stalls: dict[tuple[int, bool], int] = {}
    while len(pending):
        model = AttackerModel(system, ~suppressed)
        growth = 0 if rounds < BLOCK_ROUNDS else None
        failing = shortfalls(model, system, levels, pending, growth=growth, wide=wide)
        LOG.debug(
            "repair round %d: %d cells checked, %d sides short, %d LPs",
            rounds + 1,
            len(pending),
            len(failing),
            model.solves,
        )
        if not failing:
            break
        added: set[int] = set()
        deferred: list[Shortfall] = []
        for shortfall in sorted(failing, key=lambda s: (system.values[s.cell], s.cell)):
            side = (shortfall.cell, shortfall.maximise)
            if shortfall.exact and shortfall.missing >= before.get(side, np.inf) - TOLERANCE:
                # the last partner did not widen it (degenerate duals): take the best 2 cells
                # that can widen it, 4 if that does not either, and so on
                stalls[side] = stalls.get(side, 0) + 1
                coefficients = _coefficients(system, room_down, shortfall)
                ranked = _ranked(system, suppressed, shortfall, coefficients, cost, secondary_zeros)
                widen = ranked[: 2 ** stalls[side]]
                suppressed[widen] = True
                added.update(widen)
                continue
            partner = _choose(
                system, room_down, suppressed, shortfall, cost, added, secondary_zeros
            )
            if partner is None and not shortfall.exact:
                # held back by suppressed cells outside its block: later, if still needed
                deferred.append(shortfall)
            elif partner is not None and partner >= 0:
                suppressed[partner] = True
                added.add(partner)
                if shortfall.exact:
                    before[side] = shortfall.missing
        if len(deferred) > len(added):
            # mostly sides held back by suppressed cells outside their block are left: solve
            # them in full (column generation, else the whole group's LP; slower)
            for shortfall in deferred:
                exact = _resolved(model, system, shortfall)
                if exact is None:
                    wide.add((shortfall.cell, shortfall.maximise))
                    continue  # wide enough after all
                partner = _choose(
                    system, room_down, suppressed, exact, cost, added, secondary_zeros
                )
                if partner is not None and partner >= 0:
                    suppressed[partner] = True
                    added.add(partner)
        LOG.debug("repair round %d added %d cells", rounds + 1, len(added))
        if not added:
            break
        rounds += 1
        pending = np.array(sorted({s.cell for s in failing}), dtype=np.intp)
    return suppressed, rounds


def _choose(
    system: CellSystem,
    room_down: FloatArray,
    suppressed: BoolArray,
    shortfall: Shortfall,
    cost: FloatArray,
    added: set[int],
    secondary_zeros: bool,
) -> int | None:
    """The partner to suppress for a shortfall; -1 to wait for a cell added this round."""
    coefficients = _coefficients(system, room_down, shortfall)
    if not added.isdisjoint(coefficients):
        return -1  # a cell suppressed this round may be enough: check it next round
    ranked = _ranked(system, suppressed, shortfall, coefficients, cost, secondary_zeros)
    return ranked[0] if ranked else None


def _coefficients(
    system: CellSystem, room_down: FloatArray, shortfall: Shortfall
) -> dict[int, float]:
    return capacities(
        system, room_down, shortfall.cell, shortfall.maximise, shortfall.duals, shortfall.level
    )


def _resolved(model: AttackerModel, system: CellSystem, shortfall: Shortfall) -> Shortfall | None:
    """The shortfall by the whole group's bound (None if the side is wide enough after all)."""
    value = float(system.values[shortfall.cell])
    bound = model.estimate(shortfall.cell, shortfall.maximise)
    missing = shortfall.level - abs(bound.value - value)
    if missing <= TOLERANCE * max(1.0, abs(value)):
        return None
    return Shortfall(
        shortfall.cell, shortfall.maximise, shortfall.level, missing, bound.duals, bound.exact
    )


def _ranked(
    system: CellSystem,
    suppressed: BoolArray,
    shortfall: Shortfall,
    coefficients: dict[int, float],
    cost: FloatArray,
    secondary_zeros: bool,
) -> list[int]:
    """The published cells that can widen the side, best first: those that can cover the
    whole shortfall by cost, then the others by what they cover per unit of cost (empty
    cells after non-empty ones unless ``secondary_zeros``)."""
    need = shortfall.missing * (1 - TOLERANCE)

    def preference(c: int) -> tuple[bool, bool, float, int]:
        covers = coefficients[c] >= need
        empty = system.values[c] == 0 and not secondary_zeros
        score = cost[c] if covers else -coefficients[c] / (cost[c] + 1.0)
        return (not covers, bool(empty), float(score), c)

    suppressible = system.suppressible
    return sorted(
        (c for c in coefficients if not suppressed[c] and suppressible[c]), key=preference
    )


def drop_redundant(
    system: CellSystem,
    levels: ProtectionLevels,
    suppressed: BoolArray,
    primary: BoolArray,
    cost: FloatArray,
    first: BoolArray | None = None,
    max_work: int = 2_000_000,
    max_group: int = CLEAN_UP_GROUP_LIMIT,
) -> BoolArray:
    """Publish again the secondary cells that are not needed, ``first`` ones then most costly.

    A secondary cell is published when every protected cell linked to it still passes the
    audit without it (publishing only narrows intervals, so no other cell can fail). Each
    try fixes the cell in the attacker's LPs; only the protected cells that no remaining LP
    solution shows moving far enough are solved again, those sharing an equation with the
    cell first. To bound the time on large tables the clean-up stops once its LP solutions,
    each counted by the number of cells it holds, add up to ``max_work`` (20,000 solutions of
    100 cells, 400 of 5,000). Cells of groups of more than ``max_group`` suppressed cells are
    not offered at all: each try there asks for LPs of the whole group.
    """
    suppressed = suppressed.copy()
    protected = (levels.lower > 0) | (levels.upper > 0)
    need_low = system.values - levels.lower
    need_high = system.values + levels.upper
    preferred = first if first is not None else np.zeros(len(system), dtype=np.bool_)
    candidates = np.flatnonzero(suppressed & ~primary)
    order = np.lexsort((-candidates, -cost[candidates], ~preferred[candidates]))
    model = AttackerModel(system, ~suppressed)
    for cell in candidates[order].tolist():
        if model.work >= max_work:
            break
        group = model.linked_cells(cell)
        if len(group) > max_group:
            continue
        watched = group[protected[group]]
        model.fix(cell)
        unmet = watched[~model.reached(watched, need_low[watched], need_high[watched])]
        near = np.isin(unmet, model.neighbours(cell))
        unmet = np.concatenate((unmet[near], unmet[~near]))
        if shortfalls(model, system, levels, unmet, first_only=True):
            model.release(cell)
        else:
            suppressed[cell] = False
    LOG.debug("drop redundant: %d LPs, work %d", model.solves, model.work)
    return suppressed
