"""Protection levels: the documented defaults and the tau-Argus sensitivity formulas."""

from __future__ import annotations

import numpy as np
import pytest

from mechelen.core.disclosure.rules.protection_levels import (
    ProtectionLevels,
    default_frequency_protection,
    dominance_levels,
    frequency_levels,
    p_percent_levels,
)


@pytest.mark.parametrize(("threshold", "protection"), [(10, 5), (11, 6), (3, 2), (1, 1)])
def test_default_frequency_protection_is_half_the_threshold_rounded_up(
    threshold: int, protection: int
) -> None:
    assert default_frequency_protection(threshold) == protection


def test_frequency_levels_are_absolute_with_the_lower_capped_at_the_value() -> None:
    values = np.array([3.0, 0.0, 8.0, 40.0])
    sensitive = np.array([True, False, True, False])
    levels = frequency_levels(values, sensitive, protection=5)
    assert list(levels.upper) == [5, 0, 5, 0]
    assert list(levels.lower) == [3, 0, 5, 0]


def test_frequency_levels_in_per_cent_follow_tau_argus() -> None:
    values = np.array([3.0, 8.0])
    levels = frequency_levels(values, np.array([True, True]), 5, protection_percent=30)
    assert levels.upper == pytest.approx([1.0, 2.4])  # at least 1
    assert levels.lower == pytest.approx([1.0, 2.4])


def test_dominance_level_lets_the_total_grow_until_the_rule_holds() -> None:
    values = np.array([100.0])
    top = np.array([[95.0, 3.0, 2.0]])
    levels = dominance_levels(values, top, n=1, k=90, sensitive=np.array([True]))
    assert levels.upper[0] == pytest.approx(100 / 90 * 95 - 100)
    assert levels.lower[0] == pytest.approx(levels.upper[0])
    two = dominance_levels(values, top, n=2, k=85, sensitive=np.array([True]))
    assert two.upper[0] == pytest.approx(100 / 85 * 98 - 100)


def test_p_percent_level_is_the_missing_remainder() -> None:
    values = np.array([100.0, 10.0])
    top = np.array([[80.0, 15.0], [10.0, 0.0]])
    levels = p_percent_levels(values, top, p=10, sensitive=np.array([True, True]))
    assert levels.upper == pytest.approx([8.0 - 5.0, 1.0])
    assert levels.lower == pytest.approx([3.0, 1.0])


def test_levels_combine_by_the_larger_and_reject_negative_values() -> None:
    a = ProtectionLevels(np.array([1.0, 0.0]), np.array([2.0, 5.0]))
    b = ProtectionLevels(np.array([3.0, 0.0]), np.array([1.0, 0.0]))
    both = a.combine(b)
    assert list(both.lower) == [3, 0] and list(both.upper) == [2, 5]
    assert len(both) == 2 and list(both.take(np.array([1])).upper) == [5]
    with pytest.raises(ValueError, match="negative"):
        ProtectionLevels(np.array([-1.0]), np.array([0.0]))
    with pytest.raises(ValueError, match="one entry"):
        ProtectionLevels(np.array([1.0]), np.array([0.0, 1.0]))
