"""Growth rates since the baseline: the actual rate against the rate the target requires.

Following the UN SDG progress assessment (ESCAP's anticipated progress, the UN Statistics
Division's progress chart), the actual compound annual growth rate since the baseline,

    actual   = (x_t / x_0) ** (1 / (t - t_0)) - 1

is compared with the compound annual rate needed to reach the target x* by the target year T,

    required = (x* / x_0) ** (1 / (T - t_0)) - 1

and ``ratio = actual / required`` says what part of the required pace is achieved (1: exactly on
the required path; below 0: moving in the wrong direction). Compound rates break down at or
near zero and across a change of sign (a gap can go from -3 to +2 points; a target of 0 can
never be reached by compound decline), so when any of x_0, x_t and x* is zero, the three do not
share one sign, or one is "near zero" (its magnitude below ``near_zero`` times the largest
of the three), linear annual rates are used instead:

    actual   = (x_t - x_0) / (t - t_0)        required = (x* - x_0) / (T - t_0)

The method used is always reported.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

Method = Literal["compound", "linear"]


@dataclass(frozen=True)
class Observation:
    """The indicator's value in a year."""

    year: int
    value: float


@dataclass(frozen=True)
class Target:
    """The value to reach by a year (at or above it, or at or below it, by direction)."""

    value: float
    year: int


@dataclass(frozen=True)
class ProgressThresholds:
    """Cut-offs on ``ratio`` (actual / required rate) and the near-zero share.

    ``on_track`` 0.95 is the UN progress chart's cut-off for "on track"; a ratio below
    ``moving_away`` (0: any move in the wrong direction) is "moving away"; in between is
    "moving too slowly".
    """

    on_track: float = 0.95
    moving_away: float = 0.0
    near_zero: float = 0.01


DEFAULT_THRESHOLDS = ProgressThresholds()


@dataclass(frozen=True)
class GrowthComparison:
    method: Method
    actual_rate: float
    required_rate: float
    #: actual / required: the share of the required pace achieved
    ratio: float
    #: the value expected at the target year if the actual rate goes on
    anticipated_value: float


def growth_method(values: tuple[float, float, float], near_zero: float) -> Method:
    """Compound when the baseline, latest and target values share a sign and none is near zero."""
    if all(v > 0 for v in values) or all(v < 0 for v in values):
        largest = max(abs(v) for v in values)
        if all(abs(v) >= near_zero * largest for v in values):
            return "compound"
    return "linear"


def compare_growth(
    baseline: Observation,
    latest: Observation,
    target: Target,
    thresholds: ProgressThresholds = DEFAULT_THRESHOLDS,
) -> GrowthComparison:
    """Actual and required annual rates since the baseline; needs target.value != baseline.value
    and years after the baseline year."""
    elapsed = latest.year - baseline.year
    allowed = target.year - baseline.year
    method = growth_method((baseline.value, latest.value, target.value), thresholds.near_zero)
    if method == "compound":
        actual = (latest.value / baseline.value) ** (1 / elapsed) - 1
        required = (target.value / baseline.value) ** (1 / allowed) - 1
        anticipated = baseline.value * (1 + actual) ** allowed
    else:
        actual = (latest.value - baseline.value) / elapsed
        required = (target.value - baseline.value) / allowed
        anticipated = baseline.value + actual * allowed
    return GrowthComparison(method, actual, required, actual / required, anticipated)


def years_to_target(comparison: GrowthComparison, allowed: int) -> float | None:
    """How many years after the baseline the target is met if the actual rate goes on, given
    the ``allowed`` years (baseline to target year); None when it never is (no move, or a
    move in the wrong direction)."""
    if comparison.ratio <= 0 or allowed <= 0:
        return None
    if comparison.method == "linear":
        return allowed / comparison.ratio
    # compound: (1 + actual) ** n == (1 + required) ** allowed
    if comparison.actual_rate <= -1 or comparison.required_rate <= -1:
        return None
    return allowed * math.log1p(comparison.required_rate) / math.log1p(comparison.actual_rate)
