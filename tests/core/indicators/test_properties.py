"""Properties of the progress status and the measures, checked on generated cases."""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import given
from hypothesis import strategies as st

from mechelen.core.indicators import (
    Direction,
    Observation,
    ProgressStatus,
    ProgressTrack,
    StatusOverride,
    Target,
    assess_progress,
    compute_measure,
)
from mechelen.core.indicators.status import STATUS_RANK

VALUES = st.integers(min_value=-60, max_value=60).map(lambda n: n / 2)
DIRECTIONS: st.SearchStrategy[Direction] = st.sampled_from(["higher-is-better", "lower-is-better"])


@dataclass(frozen=True)
class Case:
    direction: Direction
    baseline: Observation
    target: Target
    latest_year: int

    def track(self, latest_value: float) -> ProgressTrack:
        return ProgressTrack(
            self.direction,
            self.baseline,
            self.target,
            (Observation(self.latest_year, latest_value),),
        )


@st.composite
def cases(draw: st.DrawFn) -> Case:
    baseline_year = draw(st.integers(2000, 2020))
    return Case(
        direction=draw(DIRECTIONS),
        baseline=Observation(baseline_year, draw(VALUES)),
        target=Target(draw(VALUES), baseline_year + draw(st.integers(1, 15))),
        latest_year=baseline_year + draw(st.integers(1, 20)),
    )


def status(track: ProgressTrack) -> ProgressStatus:
    return assess_progress(track).computed


@given(cases(), VALUES, st.integers(min_value=1, max_value=40).map(lambda n: n / 2))
def test_moving_further_towards_the_target_never_worsens_the_status(
    case: Case, value: float, step: float
) -> None:
    better = value + step if case.direction == "higher-is-better" else value - step
    before, after = status(case.track(value)), status(case.track(better))
    assert STATUS_RANK[after] >= STATUS_RANK[before], (before, after)


@given(cases(), VALUES)
def test_negating_values_and_flipping_the_direction_keeps_the_status(
    case: Case, value: float
) -> None:
    flipped = Case(
        "lower-is-better" if case.direction == "higher-is-better" else "higher-is-better",
        Observation(case.baseline.year, -case.baseline.value),
        Target(-case.target.value, case.target.year),
        case.latest_year,
    )
    original, mirrored = assess_progress(case.track(value)), assess_progress(flipped.track(-value))
    assert original.computed == mirrored.computed
    assert original.reason.code == mirrored.reason.code


@given(cases(), VALUES, st.sampled_from(list(ProgressStatus)))
def test_the_override_always_wins_and_the_computed_status_is_kept(
    case: Case, value: float, chosen: ProgressStatus
) -> None:
    override = StatusOverride(chosen, by="officer", reason="register lags by a year")
    plain = assess_progress(case.track(value))
    overridden = assess_progress(case.track(value), override)
    assert overridden.effective == chosen
    assert (overridden.computed, overridden.reason) == (plain.computed, plain.reason)


def on_path_track(
    baseline: float, target: float, year: int, span: int, elapsed: int, value: float
) -> ProgressTrack:
    direction: Direction = "higher-is-better" if target > baseline else "lower-is-better"
    return ProgressTrack(
        direction,
        Observation(year, baseline),
        Target(target, year + span),
        (Observation(year + elapsed, value),),
    )


SPANS = st.tuples(st.integers(2000, 2020), st.integers(2, 15)).flatmap(
    lambda ys: st.tuples(st.just(ys[0]), st.just(ys[1]), st.integers(1, ys[1] - 1))
)


@given(st.integers(20, 1000), st.integers(20, 1000), SPANS)
def test_a_value_on_the_required_compound_path_is_on_track(
    baseline: int, target: int, years: tuple[int, int, int]
) -> None:
    year, span, elapsed = years
    if target == baseline:
        return
    on_path = baseline * (target / baseline) ** (elapsed / span)
    result = assess_progress(on_path_track(baseline, target, year, span, elapsed, on_path))
    assert result.growth is not None and result.growth.method == "compound"
    assert result.computed == ProgressStatus.ON_TRACK


@given(st.integers(-1000, 0), st.integers(0, 1000), st.booleans(), SPANS)
def test_a_value_on_the_required_linear_path_across_zero_is_on_track(
    low: int, high: int, rising: bool, years: tuple[int, int, int]
) -> None:
    year, span, elapsed = years
    baseline, target = (low, high) if rising else (high, low)
    if target == baseline:
        return
    on_path = baseline + (target - baseline) * elapsed / span
    result = assess_progress(on_path_track(baseline, target, year, span, elapsed, on_path))
    assert result.growth is not None and result.growth.method == "linear"
    assert result.computed == ProgressStatus.ON_TRACK


COUNTS = st.dictionaries(st.text(min_size=1, max_size=3), st.integers(0, 10_000), min_size=1)


@given(COUNTS)
def test_diversity_and_distinct_stay_in_their_bounds(counts: dict[str, int]) -> None:
    present = sum(1 for n in counts.values() if n > 0)
    assert compute_measure("distinct", counts).value == present
    simpson = compute_measure("diversity-simpson", counts)
    if present == 0:
        assert [p.code for p in simpson.problems] == ["indicator.E005"]
    else:
        assert simpson.value is not None
        assert -1e-12 <= simpson.value <= 1 - 1 / present + 1e-12


@given(st.integers(0, 10_000), st.integers(0, 10_000))
def test_a_share_is_a_percentage_or_a_problem(part: int, whole: int) -> None:
    result = compute_measure("share", {"numerator": part, "denominator": whole}, 100)
    if result.value is None:
        assert result.problems and (whole == 0 or part > whole)
    else:
        assert 0 <= result.value <= 100
