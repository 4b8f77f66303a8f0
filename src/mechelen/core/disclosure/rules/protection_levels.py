"""Protection levels: how far the attacker's interval around a sensitive cell must reach.

A suppressed sensitive cell with value ``x`` is protected when the tightest interval an
attacker can compute for it from the published cells (see :mod:`..attacker.audit`) contains
``[x - lower, x + upper]``. The levels used by the primary rules (:mod:`.primary`):

Frequency rule (``min-frequency``, threshold ``n``, default 10)
    ``upper = protection`` and ``lower = min(protection, x)``, with ``protection`` an
    absolute amount in the table's unit, by default ``ceil(n / 2)`` (5 for ``n = 10``):
    the interval must allow the cell to be at least that much larger, and that much smaller
    or down to 0 (a count cannot go below 0, so the lower level is capped at the value).
    With ``protection_percent = q`` the tau-Argus definition is used instead:
    ``upper = max(1, x * q / 100)`` and ``lower = min(upper, x)``.

Dominance rule (``dominance-nk``, ``n`` largest contributions ``x1 >= ... >= xn`` of the
cell total ``X`` above ``k`` per cent of it)
    ``upper = (100 / k) * (x1 + ... + xn) - X``: the attacker must not be able to exclude
    a total so large that the n largest contributions stay within k per cent of it; the
    sensitivity-based level of tau-Argus. ``lower = min(upper, X)`` (symmetric, as
    tau-Argus, capped at the value).

p% rule (``p-percent``, largest contributions ``x1 >= x2``)
    ``upper = (p / 100) * x1 - (X - x1 - x2)``: the second largest contributor, who knows
    ``x2``, must not estimate ``x1`` within ``p`` per cent from the interval's upper end; the
    sensitivity-based level of tau-Argus (q = 100). ``lower = min(upper, X)``.

Levels of several rules on the same cell combine by taking the largest of each.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]


@dataclass(frozen=True, eq=False)
class ProtectionLevels:
    """Required ``lower`` and ``upper`` distance of the attacker interval, per cell (0: none)."""

    lower: FloatArray
    upper: FloatArray

    def __post_init__(self) -> None:
        if self.lower.shape != self.upper.shape or self.lower.ndim != 1:
            raise ValueError("lower and upper need one entry per cell")
        if np.any(self.lower < 0) or np.any(self.upper < 0):
            raise ValueError("protection levels cannot be negative")

    @classmethod
    def none(cls, n_cells: int) -> ProtectionLevels:
        return cls(np.zeros(n_cells), np.zeros(n_cells))

    def __len__(self) -> int:
        return int(self.lower.shape[0])

    def combine(self, other: ProtectionLevels) -> ProtectionLevels:
        """The levels that satisfy both: the larger of each."""
        return ProtectionLevels(
            np.maximum(self.lower, other.lower), np.maximum(self.upper, other.upper)
        )

    def take(self, cells: npt.NDArray[np.intp]) -> ProtectionLevels:
        return ProtectionLevels(self.lower[cells], self.upper[cells])


def default_frequency_protection(threshold: int) -> int:
    """The documented default protection of the frequency rule: ``ceil(threshold / 2)``."""
    return max(1, math.ceil(threshold / 2))


def frequency_levels(
    values: FloatArray,
    sensitive: npt.NDArray[np.bool_],
    protection: float,
    protection_percent: float | None = None,
) -> ProtectionLevels:
    """Levels of the frequency rule for the ``sensitive`` cells (0 elsewhere)."""
    magnitude = np.abs(values)
    if protection_percent is None:
        upper = np.full(values.shape, float(protection))
    else:
        upper = np.maximum(1.0, magnitude * protection_percent / 100.0)
    lower = np.minimum(upper, magnitude)
    return _only(sensitive, lower, upper)


def dominance_levels(
    values: FloatArray, top: FloatArray, n: int, k: float, sensitive: npt.NDArray[np.bool_]
) -> ProtectionLevels:
    """Levels of the (n, k) dominance rule; ``top`` holds the largest contributions per cell."""
    upper = np.maximum(0.0, 100.0 / k * _top_sum(top, n) - values)
    return _only(sensitive, np.minimum(upper, np.abs(values)), upper)


def p_percent_levels(
    values: FloatArray, top: FloatArray, p: float, sensitive: npt.NDArray[np.bool_]
) -> ProtectionLevels:
    """Levels of the p% rule; ``top`` holds the largest contributions per cell."""
    x1 = _top_sum(top, 1)
    x2 = _top_sum(top, 2) - x1
    upper = np.maximum(0.0, p / 100.0 * x1 - (values - x1 - x2))
    return _only(sensitive, np.minimum(upper, np.abs(values)), upper)


def _top_sum(top: FloatArray, n: int) -> FloatArray:
    if top.ndim != 2:
        raise ValueError("top contributions need one row per cell")
    return np.asarray(top[:, : min(n, top.shape[1])].sum(axis=1), dtype=np.float64)


def _only(
    sensitive: npt.NDArray[np.bool_], lower: FloatArray, upper: FloatArray
) -> ProtectionLevels:
    return ProtectionLevels(
        np.where(sensitive, lower, 0.0).astype(np.float64),
        np.where(sensitive, upper, 0.0).astype(np.float64),
    )
