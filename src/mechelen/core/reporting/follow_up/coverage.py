"""Data coverage by disaggregation: what the published data holds and what is still missing."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from mechelen.core.reporting.follow_up.model import CoverageRow, IndicatorEntry


def with_needs(
    rows: Iterable[CoverageRow], indicators: Iterable[IndicatorEntry]
) -> tuple[CoverageRow, ...]:
    """Each row with the labels of the indicators that ask for its disaggregation."""
    indicators = tuple(indicators)
    return tuple(
        replace(
            row,
            needed_by=tuple(
                dict.fromkeys(
                    i.label for i in indicators if row.disaggregation in i.disaggregations
                )
            ),
        )
        for row in rows
    )


def missing(rows: Iterable[CoverageRow]) -> tuple[CoverageRow, ...]:
    return tuple(r for r in rows if not r.available)
