"""Computing an indicator's value from its input figures, reporting bad figures as problems."""

from __future__ import annotations

import math
from dataclasses import dataclass

from mechelen.core.indicators.measures import MEASURE_KINDS, Figures, MeasureKind
from mechelen.core.indicators.spec import IndicatorSpec
from mechelen.core.problems import Problem


@dataclass(frozen=True)
class IndicatorValue:
    """The value of an indicator (None when it cannot be computed) and why it could not be."""

    value: float | None
    problems: tuple[Problem, ...] = ()

    @property
    def ok(self) -> bool:
        return self.value is not None


def compute_indicator(spec: IndicatorSpec, figures: Figures) -> IndicatorValue:
    """The value of ``spec`` for these figures, e.g. a share of 1200 in 8000 at scale 100 is 15."""
    return compute_measure(spec.measure, figures, spec.scale)


def compute_measure(kind_id: str, figures: Figures, scale: float = 1.0) -> IndicatorValue:
    """Apply the measure kind ``kind_id`` to ``figures`` and multiply the result by ``scale``."""
    kind = MEASURE_KINDS.get(kind_id)
    if kind is None:
        known = ", ".join(sorted(MEASURE_KINDS))
        return IndicatorValue(None, (Problem("indicator.E001", {"id": kind_id, "known": known}),))
    problems = check_figures(kind, figures)
    if problems:
        return IndicatorValue(None, problems)
    result = kind.compute(figures)
    if isinstance(result, Problem):
        return IndicatorValue(None, (result,))
    return IndicatorValue(result * scale)


def check_figures(kind: MeasureKind, figures: Figures) -> tuple[Problem, ...]:
    """Every figure must be a finite number from 0; named measures need exactly their inputs."""
    problems: list[Problem] = []
    for name, value in figures.items():
        is_number = isinstance(value, int | float) and not isinstance(value, bool)
        if not is_number or not math.isfinite(value) or value < 0:
            problems.append(Problem("indicator.E003", {"figure": name, "value": value}))
    if kind.takes_distribution:
        if not figures:
            problems.append(Problem("indicator.E007", {"measure": kind.id}))
        return tuple(problems)
    for name in kind.inputs:
        if name not in figures:
            problems.append(Problem("indicator.E002", {"figure": name, "measure": kind.id}))
    for name in figures:
        if name not in kind.inputs:
            problems.append(
                Problem(
                    "indicator.E004",
                    {"figure": name, "measure": kind.id, "inputs": ", ".join(kind.inputs)},
                )
            )
    return tuple(problems)
