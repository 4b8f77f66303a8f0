"""Measure kinds: how an indicator's value is computed from input figures, each with a stable id.

Figures are plain numbers from published tables, service registers or the assessment, e.g.
``{"numerator": 1200, "denominator": 8000}`` for a share, or counts by group
(``{"MAR": 420, "NLD": 310, ...}``) for the measures over a distribution. A measure never
raises on bad figures: it returns a :class:`~mechelen.core.problems.Problem`
(division by zero is ``indicator.E005``).

Register a kind with ``@measure_kind("id", inputs=(...))``; ``inputs=()`` means the figures are
counts by group, with any names.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from mechelen.core.problems import Problem

Figures = Mapping[str, float]
MeasureFunction = Callable[[Figures], "float | Problem"]


@dataclass(frozen=True)
class MeasureKind:
    id: str
    #: named figures the measure needs; empty for a distribution (counts by group)
    inputs: tuple[str, ...]
    compute: MeasureFunction
    #: whether the measure compares two groups (its figures end in _a and _b)
    compares_groups: bool = False

    @property
    def takes_distribution(self) -> bool:
        return not self.inputs


MEASURE_KINDS: dict[str, MeasureKind] = {}


def measure_kind(
    kind_id: str, inputs: tuple[str, ...] = (), compares_groups: bool = False
) -> Callable[[MeasureFunction], MeasureFunction]:
    def register(compute: MeasureFunction) -> MeasureFunction:
        MEASURE_KINDS[kind_id] = MeasureKind(kind_id, inputs, compute, compares_groups)
        return compute

    return register


def _divide(numerator: float, denominator: float, figure: str) -> float | Problem:
    if denominator == 0:
        return Problem("indicator.E005", {"figure": figure})
    return numerator / denominator


@measure_kind("count", inputs=("count",))
def count(figures: Figures) -> float | Problem:
    """A number of people or things: the figure ``count`` itself."""
    return float(figures["count"])


@measure_kind("distinct")
def distinct(figures: Figures) -> float | Problem:
    """How many groups are present: the number of groups with a count above zero."""
    return float(sum(1 for value in figures.values() if value > 0))


@measure_kind("share", inputs=("numerator", "denominator"))
def share(figures: Figures) -> float | Problem:
    """A part of a whole: numerator / denominator, the numerator being included in the whole."""
    numerator, denominator = figures["numerator"], figures["denominator"]
    if numerator > denominator:
        return Problem("indicator.E006", {"numerator": numerator, "denominator": denominator})
    return _divide(numerator, denominator, "denominator")


@measure_kind("ratio", inputs=("numerator", "denominator"))
def ratio(figures: Figures) -> float | Problem:
    """Two different quantities: numerator / denominator (e.g. course places per newcomer)."""
    return _divide(figures["numerator"], figures["denominator"], "denominator")


@measure_kind("index", inputs=("numerator", "denominator"))
def index(figures: Figures) -> float | Problem:
    """A value relative to a base (year or group): numerator / denominator, the base being 1."""
    return _divide(figures["numerator"], figures["denominator"], "denominator")


@measure_kind(
    "gap",
    inputs=("numerator_a", "denominator_a", "numerator_b", "denominator_b"),
    compares_groups=True,
)
def gap(figures: Figures) -> float | Problem:
    """The difference between two groups' rates: numerator_a/denominator_a − numerator_b/denominator_b."""
    rate_a = _divide(figures["numerator_a"], figures["denominator_a"], "denominator_a")
    if isinstance(rate_a, Problem):
        return rate_a
    rate_b = _divide(figures["numerator_b"], figures["denominator_b"], "denominator_b")
    if isinstance(rate_b, Problem):
        return rate_b
    return rate_a - rate_b


def _proportions(figures: Figures) -> list[float] | Problem:
    total = sum(figures.values())
    if total == 0:
        return Problem("indicator.E005", {"figure": "total"})
    return [value / total for value in figures.values() if value > 0]


@measure_kind("diversity-simpson")
def diversity_simpson(figures: Figures) -> float | Problem:
    """Gini-Simpson index 1 − Σ pᵢ² (one minus the Herfindahl index of the group shares).

    The chance that two residents drawn at random (with replacement) belong to different
    groups: 0 when everybody is in one group, 1 − 1/k for k equal groups.
    """
    proportions = _proportions(figures)
    if isinstance(proportions, Problem):
        return proportions
    return 1.0 - sum(p * p for p in proportions)


@measure_kind("diversity-shannon")
def diversity_shannon(figures: Figures) -> float | Problem:
    """Shannon index −Σ pᵢ ln pᵢ (natural logarithm): 0 for one group, ln k for k equal groups."""
    proportions = _proportions(figures)
    if isinstance(proportions, Problem):
        return proportions
    return max(0.0, -sum(p * math.log(p) for p in proportions))
