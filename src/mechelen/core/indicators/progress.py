"""The progress status of an indicator in a city: baseline, target, observed series, override.

The rules, in order (docs/indicators.md has the worked example):

1. inconsistent figures (target year not after the baseline year, two values for one year, a
   value that is not a finite number), no baseline or no target: *not enough data*;
2. the latest value (the baseline if nothing was observed since) meets the target: *target
   reached* (a value equal to the target meets it);
3. no observation after the baseline year: *not enough data*;
4. the baseline met the target but the latest value no longer does: *moving away*;
5. otherwise the actual annual rate is compared with the required one
   (:mod:`mechelen.core.indicators.growth`): a ratio below 0 is *moving away*; once the target
   year is reached without meeting the target, anything else is *moving too slowly*; before,
   a ratio of 0.95 or more is *on track* and the rest *moving too slowly*.

A manual override replaces the effective status but never the computed one, which is kept
with its reason.

Each status comes with two texts: ``summary``, a plain sentence from the real figures ("Moving
too slowly: at this pace the target of 40 is reached in 2034 instead of 2030") that every page
and report shows first, and ``reason``, the technical explanation (rates, ratio, threshold)
shown on demand.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from mechelen.core.indicators.growth import (
    DEFAULT_THRESHOLDS,
    GrowthComparison,
    Observation,
    ProgressThresholds,
    Target,
    compare_growth,
    years_to_target,
)
from mechelen.core.indicators.spec import Direction
from mechelen.core.indicators.status import ProgressStatus, StatusOverride
from mechelen.core.indicators.summaries import SUMMARY_MESSAGES
from mechelen.core.messages import LocalNumber
from mechelen.core.problems import Problem

Status = ProgressStatus


@dataclass(frozen=True)
class ProgressTrack:
    """An indicator followed in one city: baseline, target and the values observed since."""

    direction: Direction
    baseline: Observation | None = None
    target: Target | None = None
    observations: tuple[Observation, ...] = ()

    @property
    def latest(self) -> Observation | None:
        """The last observation after the baseline year, if any."""
        if self.baseline is None:
            return None
        baseline_year = self.baseline.year
        later = [o for o in self.observations if o.year > baseline_year]
        return max(later, key=lambda o: o.year) if later else None


@dataclass(frozen=True)
class Reason:
    """Why a status was computed: a message code (``progress.R004``) and its parameters.

    Values, rates and ratios are :class:`LocalNumber` parameters, written in the reader's
    language when the reason is (``+5,74 %`` in French); years are plain integers.
    """

    code: str
    params: Mapping[str, object] = field(default_factory=dict)


#: at this pace, a target reached more than this many years after its target year is said
#: "not reached before" the target year plus these years
HORIZON_YEARS = 50

#: the summary when the figures do not fit together (also the default)
UNUSABLE = "progress.S013"
#: the codes of the summaries (imported also so that their templates join MESSAGES)
SUMMARY_CODES = frozenset(SUMMARY_MESSAGES)


@dataclass(frozen=True)
class ProgressAssessment:
    computed: ProgressStatus
    effective: ProgressStatus
    #: the technical explanation: rates, ratio, threshold ("how this was computed")
    reason: Reason
    override: StatusOverride | None = None
    growth: GrowthComparison | None = None
    latest: Observation | None = None
    problems: tuple[Problem, ...] = ()
    #: the status in plain words from the real figures, shown first (``progress.S0xx``)
    summary: Reason = field(default_factory=lambda: Reason(UNUSABLE))

    @property
    def overridden(self) -> bool:
        return self.override is not None


def check_track(track: ProgressTrack) -> tuple[Problem, ...]:
    """Problems that make a track unusable: years out of order, repeated years, bad values."""
    problems: list[Problem] = []
    values = [o.value for o in track.observations]
    if track.baseline is not None:
        values.append(track.baseline.value)
    if track.target is not None:
        values.append(track.target.value)
    for value in values:
        if not math.isfinite(value):
            problems.append(Problem("indicator.E032", {"value": value}))
    for year, count in Counter(o.year for o in track.observations).items():
        if count > 1:
            problems.append(Problem("indicator.E031", {"year": year}))
    baseline, target = track.baseline, track.target
    if baseline is not None and target is not None and target.year <= baseline.year:
        problems.append(
            Problem("indicator.E030", {"target_year": target.year, "baseline_year": baseline.year})
        )
    return tuple(problems)


def meets_target(value: float, target: float, direction: Direction) -> bool:
    """Whether ``value`` is at the target or beyond it in the good direction."""
    if math.isclose(value, target, rel_tol=1e-9, abs_tol=1e-12):
        return True
    return value > target if direction == "higher-is-better" else value < target


def assess_progress(
    track: ProgressTrack,
    override: StatusOverride | None = None,
    thresholds: ProgressThresholds = DEFAULT_THRESHOLDS,
) -> ProgressAssessment:
    """The computed status with its reason, and the effective one (the override's, if given)."""
    problems = check_track(track)
    if problems:
        computed = _Computed(
            Status.NOT_ENOUGH_DATA, Reason("progress.R009"), summary=Reason(UNUSABLE)
        )
    else:
        computed = _compute(track, thresholds)
    return ProgressAssessment(
        computed=computed.status,
        effective=override.status if override is not None else computed.status,
        reason=computed.reason,
        override=override,
        growth=computed.growth,
        latest=track.latest if not problems else None,
        problems=problems,
        summary=computed.summary,
    )


@dataclass(frozen=True)
class _Computed:
    status: ProgressStatus
    reason: Reason
    growth: GrowthComparison | None = None
    summary: Reason = field(default_factory=lambda: Reason(UNUSABLE))


def _compute(track: ProgressTrack, thresholds: ProgressThresholds) -> _Computed:
    baseline, target, latest = track.baseline, track.target, track.latest
    if baseline is None:
        return _Computed(
            Status.NOT_ENOUGH_DATA, Reason("progress.R001"), summary=Reason("progress.S001")
        )
    if target is None:
        return _Computed(
            Status.NOT_ENOUGH_DATA, Reason("progress.R002"), summary=Reason("progress.S002")
        )
    current = latest or baseline
    goal = {"target": _value(target.value), "target_year": target.year}
    if meets_target(current.value, target.value, track.direction):
        reached = {"value": _value(current.value), "year": current.year, **goal}
        code, plain = ("R003", "S003") if latest is not None else ("R004", "S004")
        return _Computed(
            Status.TARGET_REACHED,
            Reason(f"progress.{code}", reached),
            summary=Reason(f"progress.{plain}", reached),
        )
    if latest is None:
        since = {"year": baseline.year}
        return _Computed(
            Status.NOT_ENOUGH_DATA,
            Reason("progress.R005", since),
            summary=Reason("progress.S005", since),
        )
    now = {"value": _value(latest.value), "year": latest.year, **goal}
    if meets_target(baseline.value, target.value, track.direction):
        return _Computed(
            Status.MOVING_AWAY,
            Reason("progress.R006", now),
            summary=Reason("progress.S006", now),
        )
    growth = compare_growth(baseline, latest, target, thresholds)
    rates = {
        "method": growth.method,
        "actual": _rate(growth.actual_rate, growth),
        "required": _rate(growth.required_rate, growth),
        "ratio": _ratio(growth.ratio),
    }
    path = {"baseline": _value(baseline.value), "baseline_year": baseline.year, **now}
    if growth.ratio < thresholds.moving_away:
        return _Computed(
            Status.MOVING_AWAY,
            Reason("progress.R007", rates),
            growth,
            Reason("progress.S007", path),
        )
    reach_year = _reach_year(baseline, target, growth)
    horizon = {"limit": target.year + HORIZON_YEARS}
    if latest.year >= target.year:
        reason = Reason("progress.R008", {"year": latest.year, **goal, **rates})
        if reach_year is None:
            summary = Reason("progress.S009", {**now, **horizon})
        else:
            summary = Reason("progress.S008", {**now, "reach_year": reach_year})
        return _Computed(Status.MOVING_TOO_SLOWLY, reason, growth, summary)
    if growth.ratio >= thresholds.on_track:
        reason = Reason("progress.R010", {**rates, "threshold": _ratio(thresholds.on_track)})
        summary = Reason(
            "progress.S010",
            {**goal, "anticipated": LocalNumber(growth.anticipated_value, digits=1)},
        )
        return _Computed(Status.ON_TRACK, reason, growth, summary)
    reason = Reason("progress.R011", {**rates, "threshold": _ratio(thresholds.on_track)})
    if reach_year is None:
        summary = Reason("progress.S012", {**goal, **horizon})
    else:
        summary = Reason("progress.S011", {**goal, "reach_year": reach_year})
    return _Computed(Status.MOVING_TOO_SLOWLY, reason, growth, summary)


def _reach_year(baseline: Observation, target: Target, growth: GrowthComparison) -> int | None:
    """The first year the target is met if the actual rate goes on; None when never, or
    more than :data:`HORIZON_YEARS` after the target year."""
    years = years_to_target(growth, target.year - baseline.year)
    if years is None or not math.isfinite(years):
        return None
    # a hair of tolerance: 4.0000000001 years is 4 years
    reached = baseline.year + math.ceil(years - 1e-9)
    return reached if reached <= target.year + HORIZON_YEARS else None


def _value(value: float) -> LocalNumber:
    """An indicator value: up to two decimals (``7.41``, ``240``)."""
    return LocalNumber(value, digits=2)


def _ratio(ratio: float) -> LocalNumber:
    """A ratio of rates or its threshold, with two decimals (``0.96``)."""
    return LocalNumber(ratio, digits=2, fixed=True)


def _rate(rate: float, growth: GrowthComparison) -> LocalNumber:
    """A compound rate as a signed percentage (+5.74%), a linear one in the indicator's unit
    with up to two decimals (+6.67, -1.25, +2.5)."""
    if growth.method == "compound":
        return LocalNumber(rate, digits=2, signed=True, percent=True, fixed=True)
    return LocalNumber(rate, digits=2, signed=True)
