"""The capacity inequalities (cuts) of the exact method (:mod:`.milp`).

A cut ``sum_c min(level, a_c) * y_c >= level`` says that the suppressed cells ``y`` must be
able to absorb a primary cell's move by its protection level in one direction; every
protecting pattern satisfies every cut (:mod:`.capacity`). Two sources:

* :func:`equation_cuts`: each single equation through a primary cell (its other cells must
  absorb the move), known before any LP is solved;
* :func:`violated_cuts`: the audit of a pattern by the attacker's LPs (:mod:`..attacker.audit`); for
  each primary cell and direction still too narrow, the inequality of the LP's optimal
  duals, which the pattern violates. Sides that an earlier LP solution of the same pattern
  already reached are not solved (:func:`.repair.shortfalls`).
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from mechelen.core.disclosure.attacker.model import AttackerModel
from mechelen.core.disclosure.linked import CellSystem
from mechelen.core.disclosure.rules.protection_levels import ProtectionLevels
from mechelen.core.disclosure.secondary.capacity import capacities
from mechelen.core.disclosure.secondary.registry import protected_cells
from mechelen.core.disclosure.secondary.repair import shortfalls

BoolArray = npt.NDArray[np.bool_]
#: a capacity inequality: {cell: coefficient}, right-hand side (the level)
Cut = tuple[dict[int, float], float]


def equation_cuts(system: CellSystem, primary: BoolArray, levels: ProtectionLevels) -> list[Cut]:
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


def violated_cuts(system: CellSystem, pattern: BoolArray, levels: ProtectionLevels) -> list[Cut]:
    """The cut of every suppressed protected cell and direction still too narrow (none when
    the pattern passes the audit)."""
    return [cut for _, cut in violated_sides(system, pattern, levels)]


def violated_sides(
    system: CellSystem,
    pattern: BoolArray,
    levels: ProtectionLevels,
    cells: npt.NDArray[np.intp] | None = None,
) -> list[tuple[int, Cut]]:
    """Each suppressed protected cell (of ``cells`` if given) still too narrow on one side,
    with that side's cut (a cell too narrow on both sides comes twice)."""
    model = AttackerModel(system, ~pattern)
    room_down = system.values - system.lower_bounds
    if cells is None:
        cells = np.flatnonzero(pattern & protected_cells(levels))
    return [
        (
            found.cell,
            (
                capacities(system, room_down, found.cell, found.maximise, found.duals, found.level),
                found.level,
            ),
        )
        for found in shortfalls(model, system, levels, cells)
    ]


def protects(system: CellSystem, levels: ProtectionLevels, pattern: BoolArray) -> bool:
    """Does the pattern pass the audit? (Stops at the first side too narrow.)"""
    model = AttackerModel(system, ~pattern)
    cells = np.flatnonzero(pattern & protected_cells(levels))
    return not shortfalls(model, system, levels, cells, first_only=True)


def satisfies(pattern: BoolArray, cut: Cut, tolerance: float = 1e-9) -> bool:
    """Does the pattern satisfy the cut?"""
    coefficients, level = cut
    reached = sum(min(level, a) for c, a in coefficients.items() if pattern[c])
    return reached >= level * (1 - tolerance)
