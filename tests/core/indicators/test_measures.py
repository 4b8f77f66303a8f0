"""Measure kinds with worked examples; bad figures are coded problems, never exceptions."""

from __future__ import annotations

import math

import pytest

from mechelen.core.indicators import MEASURE_KINDS, compute_measure


def codes(kind: str, figures: dict[str, float]) -> list[str]:
    result = compute_measure(kind, figures)
    assert result.value is None
    return [p.code for p in result.problems]


def test_the_registered_kinds_have_stable_ids() -> None:
    assert set(MEASURE_KINDS) == {
        "count",
        "distinct",
        "share",
        "ratio",
        "index",
        "gap",
        "diversity-simpson",
        "diversity-shannon",
    }


def test_share_ratio_index_and_count() -> None:
    # 1,200 foreign-born residents among 8,000: 15 %
    assert compute_measure("share", {"numerator": 1200, "denominator": 8000}, 100).value == 15.0
    # 84 course participants for 600 newcomers: 140 per 1,000
    assert compute_measure("ratio", {"numerator": 84, "denominator": 600}, 1000).value == 140.0
    # 2023 against a 2018 base of 250: index 112
    assert compute_measure("index", {"numerator": 280, "denominator": 250}, 100).value == (
        pytest.approx(112.0)
    )
    assert compute_measure("count", {"count": 37}).value == 37.0


def test_gap_can_be_negative() -> None:
    figures = {"numerator_a": 45, "denominator_a": 100, "numerator_b": 60, "denominator_b": 120}
    result = compute_measure("gap", figures, 100)
    assert result.value == pytest.approx(-5.0)  # 45 % - 50 %


def test_distinct_counts_groups_present() -> None:
    assert compute_measure("distinct", {"BEL": 900, "MAR": 40, "NLD": 0, "TUR": 3}).value == 3.0


def test_diversity_indices() -> None:
    # shares 0.5, 0.3, 0.2: 1 - (0.25 + 0.09 + 0.04) = 0.62
    simpson = compute_measure("diversity-simpson", {"a": 50, "b": 30, "c": 20}).value
    assert simpson == pytest.approx(0.62)
    equal = {"a": 5, "b": 5, "c": 5, "d": 5}
    assert compute_measure("diversity-simpson", equal).value == pytest.approx(0.75)
    assert compute_measure("diversity-shannon", equal).value == pytest.approx(math.log(4))
    assert compute_measure("diversity-simpson", {"a": 9, "b": 0}).value == 0.0
    assert compute_measure("diversity-shannon", {"a": 9}).value == 0.0


def test_division_by_zero_is_a_problem() -> None:
    assert codes("share", {"numerator": 0, "denominator": 0}) == ["indicator.E005"]
    figures = {"numerator_a": 1, "denominator_a": 2, "numerator_b": 0, "denominator_b": 0}
    result = compute_measure("gap", figures)
    assert [(p.code, p.params["figure"]) for p in result.problems] == [
        ("indicator.E005", "denominator_b")
    ]
    assert codes("diversity-simpson", {"a": 0, "b": 0}) == ["indicator.E005"]


def test_bad_figures_are_problems() -> None:
    assert codes("share", {"numerator": 5}) == ["indicator.E002"]
    assert codes("share", {"numerator": 5, "denominator": 10, "denominatr": 10}) == [
        "indicator.E004"
    ]
    assert codes("ratio", {"numerator": -1, "denominator": 10}) == ["indicator.E003"]
    assert codes("ratio", {"numerator": math.nan, "denominator": 10}) == ["indicator.E003"]
    assert codes("share", {"numerator": 11, "denominator": 10}) == ["indicator.E006"]
    assert codes("distinct", {}) == ["indicator.E007"]
    assert codes("median", {"count": 1}) == ["indicator.E001"]
