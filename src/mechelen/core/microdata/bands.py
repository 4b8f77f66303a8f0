"""Banding of ages and durations: ``[0, 15, 25, 65]`` gives 0-14, 15-24, 25-64, 65+."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

#: five-year bands up to 85+, the Eurostat and census default
DEFAULT_AGE_BANDS = (0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60, 65, 70, 75, 80, 85)
DEFAULT_DURATION_BANDS = (0, 1, 5, 10, 20)
MAX_AGE = 130


def check_bands(bounds: Sequence[int]) -> str | None:
    """None if the lower bounds are valid, else what is wrong with them."""
    if not bounds:
        return "empty"
    if any(not isinstance(b, int) or isinstance(b, bool) or b < 0 for b in bounds):
        return "not whole numbers from 0"
    if list(bounds) != sorted(set(bounds)):
        return "not increasing"
    if bounds[0] != 0:
        return "does not start at 0"
    return None


def band_labels(bounds: Sequence[int]) -> tuple[str, ...]:
    """Labels of the bands, e.g. ('0-14', '15-24', '25-64', '65+')."""
    labels = [
        str(low) if high - 1 == low else f"{low}-{high - 1}"
        for low, high in itertools.pairwise(bounds)
    ]
    labels.append(f"{bounds[-1]}+")
    return tuple(labels)


def band_of(value: int, bounds: Sequence[int]) -> str:
    labels = band_labels(bounds)
    for index in range(len(bounds) - 1, -1, -1):
        if value >= bounds[index]:
            return labels[index]
    raise ValueError(f"{value} is below the first band")
