"""Differential privacy for counts: one discrete Laplace measurement (OpenDP) over a release.

Adding or removing one person changes, in every table, exactly one cell of each combination
of margins (each "grouping set"); the L1 sensitivity of the whole release is therefore the
total number of grouping sets over its tables (:func:`grouping_sets`). One discrete Laplace
measurement (OpenDP ``make_laplace`` on integer vectors) with scale = sensitivity / epsilon
covers every cell at once, and OpenDP's privacy map confirms the epsilon spent. Noisy counts
are then rounded at zero (post-processing costs no privacy); the engine applies the
small-count threshold and keeps the privacy budget of each dataset.

Releases are random by nature: measuring the same counts twice gives different values and
spends the budget twice.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import opendp.prelude as dp

from mechelen.core.problems import Problem, ProblemsFound
from mechelen.core.tabulation.table import CellTable

dp.enable_features("contrib")

#: OpenDP measures 32-bit integers: a larger count is refused
COUNT_LIMIT = 2**31


@dataclass(frozen=True, eq=False)
class NoisyCounts:
    """The noisy counts (never negative), the epsilon OpenDP says they spent, and the noise
    scale."""

    counts: npt.NDArray[np.int64]
    spent: float
    scale: float


def grouping_sets(table: CellTable) -> int:
    """How many cells one person touches in this table: one per combination of margins."""
    return math.prod(h.depth + 1 for h in table.hierarchies.values())


def laplace_counts(
    counts: npt.NDArray[np.int64], sensitivity: int, epsilon: float, budget_left: float
) -> NoisyCounts:
    """``counts`` with discrete Laplace noise of scale ``sensitivity / epsilon``.

    ProblemsFound: ``dp.E001`` when ``epsilon`` exceeds the ``budget_left``, ``dp.E002``
    when a count is too large for the mechanism.
    """
    if epsilon > budget_left + 1e-12:
        raise ProblemsFound(
            [Problem("dp.E001", {"epsilon": epsilon, "left": round(budget_left, 6)})]
        )
    if counts.max(initial=0) >= COUNT_LIMIT:
        raise ProblemsFound([Problem("dp.E002", {})])
    scale = sensitivity / epsilon
    space = dp.vector_domain(dp.atom_domain(T=int)), dp.l1_distance(T=int)
    measurement = dp.m.make_laplace(*space, scale=scale)
    spent = float(measurement.map(sensitivity))  # type: ignore[no-untyped-call]
    noisy = np.asarray(measurement([int(c) for c in counts]), dtype=np.int64)
    return NoisyCounts(np.maximum(noisy, 0), spent, scale)
