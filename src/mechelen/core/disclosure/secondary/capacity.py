"""Capacity inequalities from the attacker's LP duals (Fischetti and Salazar).

When the attacker's LP for cell ``i`` (maximise it, or minimise it) has the optimal duals
``λ`` of the equations, weak duality bounds how far ``i`` can move from its value, for *any*
choice ``y`` of suppressed cells (``y_c = 1``):

    reach(i)  <=  sum_c  ( r_c⁺ * room_c  +  r_c⁻ * ∞ ) * y_c,

with the reduced costs ``r = ±(e_i - Aᵀλ)`` (``+`` when minimising, ``-`` when maximising),
``room_c`` how far cell c can go down (its value above the lower bound, see
:meth:`..linked.CellSystem.lower_bounds`) and ``∞`` because cells can grow without limit. For
the current pattern the bound is tight; so the cells with a positive coefficient are the
ones whose suppression can widen the interval, and a coefficient says by how much at most.
Capped at the required level, the coefficients give the valid inequality
``sum_c min(level, coef_c) y_c >= level`` that every protecting pattern satisfies.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import numpy.typing as npt

from mechelen.core.disclosure.linked import CellSystem

#: dual values and reduced costs below this are zero
ZERO = 1e-9


def capacities(
    system: CellSystem,
    room_down: npt.NDArray[np.float64],
    cell: int,
    maximise: bool,
    duals: Mapping[int, float],
    cap: float,
) -> dict[int, float]:
    """``min(cap, coef_c)`` for every cell with a positive coefficient (``cell`` included)."""
    reduced: dict[int, float] = {cell: 1.0}
    for equation, dual in duals.items():
        total, parts = system.equations[equation]
        reduced[total] = reduced.get(total, 0.0) - dual
        for part in parts:
            reduced[part] = reduced.get(part, 0.0) + dual
    coefficients: dict[int, float] = {}
    for other, value in reduced.items():
        r = -value if maximise else value
        if r > ZERO:
            coefficients[other] = min(cap, r * float(room_down[other]))
        elif r < -ZERO:
            coefficients[other] = cap
    return {c: a for c, a in coefficients.items() if a > 0}
