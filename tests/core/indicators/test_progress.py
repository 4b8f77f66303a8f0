"""Progress statuses: the edge cases of the growth-rate method, with worked examples."""

from __future__ import annotations

import math

import pytest

from mechelen.core.indicators import (
    Direction,
    Observation,
    ProgressStatus,
    ProgressTrack,
    StatusOverride,
    Target,
    assess_progress,
    check_override,
)
from mechelen.core.indicators.progress import SUMMARY_CODES, UNUSABLE, ProgressAssessment
from mechelen.core.messages import MESSAGES, LocalNumber
from mechelen.i18n import catalogue, render_message

S = ProgressStatus


def assess(
    baseline: tuple[int, float] | None,
    target: tuple[float, int] | None,
    *observed: tuple[int, float],
    direction: Direction = "higher-is-better",
    override: StatusOverride | None = None,
) -> ProgressAssessment:
    track = ProgressTrack(
        direction=direction,
        baseline=Observation(*baseline) if baseline else None,
        target=Target(*target) if target else None,
        observations=tuple(Observation(year, value) for year, value in observed),
    )
    return assess_progress(track, override)


def test_worked_example_of_the_documentation() -> None:
    # docs/indicators.md: language-course participation per 1,000 newcomers,
    # baseline 120 in 2018, target 240 by 2030, 150 observed in 2022
    result = assess((2018, 120), (240, 2030), (2020, 131), (2022, 150))
    assert result.growth is not None and result.growth.method == "compound"
    assert result.growth.required_rate == pytest.approx(0.05946, abs=1e-5)
    assert result.growth.actual_rate == pytest.approx(0.05737, abs=1e-5)
    assert result.growth.ratio == pytest.approx(0.9648, abs=1e-4)
    assert result.growth.anticipated_value == pytest.approx(234.375)
    assert result.computed == S.ON_TRACK and result.reason.code == "progress.R010"
    assert str(result.reason.params["actual"]) == "+5.74%"
    assert str(result.reason.params["ratio"]) == "0.96"
    assert assess((2018, 120), (240, 2030), (2022, 140)).computed == S.MOVING_TOO_SLOWLY
    assert assess((2018, 120), (240, 2030), (2022, 110)).computed == S.MOVING_AWAY


def test_worked_example_of_the_linear_fallback() -> None:
    # docs/indicators.md: a service-access gap of 12 points in 2019, to close (0) by 2027
    slow = assess((2019, 12), (0, 2027), (2023, 7), direction="lower-is-better")
    assert slow.growth is not None and slow.growth.method == "linear"
    assert (slow.growth.actual_rate, slow.growth.required_rate) == (-1.25, -1.5)
    assert slow.computed == S.MOVING_TOO_SLOWLY
    fast = assess((2019, 12), (0, 2027), (2023, 5.5), direction="lower-is-better")
    assert fast.computed == S.ON_TRACK


def test_no_baseline_no_target_no_later_observation() -> None:
    assert assess(None, (240, 2030), (2022, 150)).reason.code == "progress.R001"
    assert assess((2018, 120), None, (2022, 150)).reason.code == "progress.R002"
    lonely = assess((2018, 120), (240, 2030), (2016, 100), (2018, 120))
    assert lonely.computed == S.NOT_ENOUGH_DATA and lonely.reason.code == "progress.R005"
    assert lonely.latest is None


def test_target_already_met_at_baseline() -> None:
    met = assess((2018, 250), (240, 2030))
    assert met.computed == S.TARGET_REACHED and met.reason.code == "progress.R004"
    assert assess((2018, 250), (240, 2030), (2021, 260)).computed == S.TARGET_REACHED
    lost = assess((2018, 250), (240, 2030), (2021, 230))
    assert lost.computed == S.MOVING_AWAY and lost.reason.code == "progress.R006"


def test_target_year_passed() -> None:
    assert assess((2015, 10), (20, 2020), (2021, 21)).computed == S.TARGET_REACHED
    # in 2020, 19.8 is a near-required pace (ratio > 0.95) but the target year has come
    late = assess((2015, 10), (20, 2020), (2020, 19.8))
    assert late.growth is not None and late.growth.ratio > 0.95
    assert late.computed == S.MOVING_TOO_SLOWLY and late.reason.code == "progress.R008"
    assert assess((2015, 10), (20, 2020), (2020, 9)).computed == S.MOVING_AWAY


def test_lower_is_better() -> None:
    # remittance cost from 7 % (2017) to 3 % by 2030
    assert assess((2017, 7), (3, 2030), (2021, 5.3), direction="lower-is-better").computed == (
        S.ON_TRACK
    )
    assert assess((2017, 7), (3, 2030), (2021, 6.8), direction="lower-is-better").computed == (
        S.MOVING_TOO_SLOWLY
    )
    assert assess((2017, 7), (3, 2030), (2021, 7.4), direction="lower-is-better").computed == (
        S.MOVING_AWAY
    )
    assert assess((2017, 7), (3, 2030), (2021, 3), direction="lower-is-better").computed == (
        S.TARGET_REACHED
    )


def test_a_series_that_moves_away() -> None:
    result = assess((2016, 60), (75, 2026), (2018, 58), (2020, 55), (2022, 51))
    assert result.computed == S.MOVING_AWAY and result.reason.code == "progress.R007"
    assert result.latest == Observation(2022, 51)


def test_a_series_exactly_on_the_required_path() -> None:
    on_path = 100 * 2 ** (5 / 10)  # doubling from 2015 to 2025, observed in 2020
    result = assess((2015, 100), (200, 2025), (2020, on_path))
    assert result.growth is not None and result.growth.ratio == pytest.approx(1.0)
    assert result.computed == S.ON_TRACK


def test_zero_baseline_uses_linear_rates() -> None:
    result = assess((2018, 0), (50, 2028), (2023, 20))
    assert result.growth is not None and result.growth.method == "linear"
    assert result.growth.ratio == pytest.approx(0.8)  # 4 a year against 5 a year
    assert result.computed == S.MOVING_TOO_SLOWLY


def test_near_zero_baseline_uses_linear_rates() -> None:
    # a compound rate from 0.1 would make 0.2 look like a fast start
    result = assess((2018, 0.1), (50, 2028), (2019, 0.2))
    assert result.growth is not None and result.growth.method == "linear"
    assert result.computed == S.MOVING_TOO_SLOWLY


def test_negative_values_and_a_change_of_sign() -> None:
    # a gap from -6 (group A behind) towards -1, higher being better; compound rates apply
    # to the magnitudes: the required path passes -6 * (1/6) ** 0.5 = -2.45 in 2023
    both_negative = assess((2018, -6), (-1, 2028), (2023, -2.4))
    assert both_negative.growth is not None and both_negative.growth.method == "compound"
    assert both_negative.computed == S.ON_TRACK
    crossing = assess((2018, -4), (2, 2024), (2021, -0.5))
    assert crossing.growth is not None and crossing.growth.method == "linear"
    assert crossing.computed == S.ON_TRACK
    assert assess((2018, -4), (2, 2024), (2021, -5)).computed == S.MOVING_AWAY


def test_the_override_wins_and_the_computed_status_is_kept() -> None:
    override = StatusOverride(S.ON_TRACK, by="alderman.peeters", reason="2024 register lags")
    result = assess((2018, 120), (240, 2030), (2022, 110), override=override)
    assert (result.computed, result.effective) == (S.MOVING_AWAY, S.ON_TRACK)
    assert result.overridden and result.override is override
    assert result.reason.code == "progress.R007"
    assert check_override(override) == ()
    blank = StatusOverride(S.ON_TRACK, by=" ", reason="")
    assert [p.params["field"] for p in check_override(blank)] == ["by", "reason"]


def test_inconsistent_tracks_are_problems() -> None:
    result = assess((2020, 1), (2, 2020), (2021, 1), (2021, 2), (2022, math.inf))
    assert result.computed == S.NOT_ENOUGH_DATA and result.reason.code == "progress.R009"
    assert sorted(p.code for p in result.problems) == [
        "indicator.E030",
        "indicator.E031",
        "indicator.E032",
    ]


def test_reason_numbers_are_left_to_the_reader_s_language_with_sensible_precision() -> None:
    # a share of commitments achieved, 0 % in 2018 to 80 % by 2030: 2.5 points a year
    # observed against 6.666... needed; a count is never shown with three decimals
    result = assess((2018, 0), (80, 2030), (2026, 20))
    params = result.reason.params
    assert result.growth is not None and result.growth.method == "linear"
    numbers = {k: v for k, v in params.items() if isinstance(v, LocalNumber)}
    assert set(numbers) == {"actual", "required", "ratio", "threshold"}
    assert [str(numbers[k]) for k in ("actual", "required", "ratio", "threshold")] == [
        "+2.5",
        "+6.67",
        "0.38",
        "0.95",
    ]
    reached = assess((2018, 1000), (1234.5, 2030), (2024, 1234.5)).reason.params
    assert str(reached["value"]) == "1,234.5" and reached["year"] == 2024


# --- the status in plain words (``summary``), from the real figures ---------------------------


def plain(result: ProgressAssessment, lang: str = "en") -> str:
    return render_message(result.summary.code, result.summary.params, lang)


def test_a_late_target_year_is_computed_from_the_pace() -> None:
    # a share from 0 % (a zero: linear rates) to 40 % by 2030; 10 % in 2024 is +2.5 a year
    # against +4 needed: 40 points at 2.5 a year take 16 years, so 2036 instead of 2030
    result = assess((2020, 0), (40, 2030), (2024, 10))
    assert result.computed == S.MOVING_TOO_SLOWLY and result.summary.code == "progress.S011"
    assert result.summary.params["reach_year"] == 2036
    assert plain(result) == (
        "Moving too slowly: at this pace the target of 40 is reached in 2036 instead of 2030."
    )
    assert "reached in 2036 instead of 2030" not in plain(result, "fr")
    assert "atteinte en 2036 au lieu de 2030" in plain(result, "fr")
    # a little faster: 12 in 2024 (+3 a year) takes 13.3 years, so 2034
    assert assess((2020, 0), (40, 2030), (2024, 12)).summary.params["reach_year"] == 2034


def test_a_late_target_year_under_compound_growth() -> None:
    # 100 to 200 by 2030 needs +7.18 % a year; 110 in 2022 is +4.88 %: log(2)/log(1.0488)
    # is 14.5 years after 2020, so the target is met in 2035
    result = assess((2020, 100), (200, 2030), (2022, 110))
    assert result.growth is not None and result.growth.method == "compound"
    years = math.log(2) / math.log(1.1**0.5)
    assert result.summary.params["reach_year"] == 2020 + math.ceil(years) == 2035


def test_the_technical_explanation_is_kept_beside_the_plain_words() -> None:
    result = assess((2020, 0), (40, 2030), (2024, 10))
    assert result.reason.code == "progress.R011"
    assert "rate" not in plain(result) and "0.62" not in plain(result)


def test_a_pace_that_never_reaches_the_target_says_so() -> None:
    result = assess((2020, 20), (40, 2030), (2024, 20.0001))
    assert result.computed == S.MOVING_TOO_SLOWLY and result.summary.code == "progress.S012"
    assert "would not be reached before 2080" in plain(result)


def test_an_achieved_target_says_the_value_that_met_it() -> None:
    result = assess((2018, 120), (240, 2030), (2022, 250))
    assert result.computed == S.TARGET_REACHED
    assert plain(result) == "Target reached: 250 in 2022 meets the target of 240."
    lower = assess((2018, 12.5), (8, 2030), (2023, 7.5), direction="lower-is-better")
    assert plain(lower) == "Target reached: 7.5 in 2023 meets the target of 8."
    # French: a narrow no-break space before the colon, a decimal comma
    assert plain(lower, "fr") == "Cible atteinte\u202f: 7,5 en 2023 atteint la cible de 8."


def test_not_enough_data_says_what_is_missing() -> None:
    assert plain(assess(None, (240, 2030), (2022, 150))).startswith(
        "Not enough data: no starting value"
    )
    assert plain(assess((2018, 120), None, (2022, 150))) == "Not enough data: no target is set yet."
    lonely = plain(assess((2018, 120), (240, 2030)))
    assert "no value after the starting year 2018" in lonely
    broken = assess((2018, 120), (240, 2010), (2022, 150))
    assert broken.summary.code == "progress.S013"


def test_on_track_and_moving_away_in_plain_words() -> None:
    on_track = assess((2018, 120), (240, 2030), (2020, 131), (2022, 150))
    assert plain(on_track) == (
        "On track: at this pace the value will be about 234.4 in 2030, for a target of 240."
    )
    away = assess((2020, 20), (40, 2030), (2024, 19))
    assert plain(away) == (
        "Moving away from the target: from 20 in 2020 to 19 in 2024, while the target is 40 "
        "by 2030."
    )
    passed = assess((2020, 20), (40, 2030), (2031, 39))
    assert plain(passed).startswith("Moving too slowly: the target of 40 by 2030 is not met")
    assert "it is reached in 2032" in plain(passed)


def test_every_summary_is_a_known_message_in_three_languages() -> None:
    assert UNUSABLE in SUMMARY_CODES and set(MESSAGES) >= SUMMARY_CODES
    for lang in ("fr", "es"):
        assert all(MESSAGES[code] in catalogue(lang) for code in SUMMARY_CODES), lang
