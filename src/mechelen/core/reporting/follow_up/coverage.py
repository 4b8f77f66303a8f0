"""Data coverage by disaggregation: what the published data holds and what is still missing."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from mechelen.core.reporting.follow_up.model import CoverageRow, IndicatorEntry
from mechelen.core.tabulation.spec import GEOGRAPHY


def needs(indicator: IndicatorEntry, row: CoverageRow) -> bool:
    """Whether the indicator asks for the row's disaggregation, as a breakdown or to compute
    its figures (language-course participation needs ``birth_status``, which country of
    birth gives). Every table has a geography: only a breakdown by parts of the area needs it.
    """
    if row.disaggregation in indicator.disaggregations:
        return True
    giving = ({row.disaggregation} | set(row.given_by)) - {GEOGRAPHY}
    return bool(giving & set(indicator.source_dimensions))


def with_needs(
    rows: Iterable[CoverageRow], indicators: Iterable[IndicatorEntry]
) -> tuple[CoverageRow, ...]:
    """Each row with the labels of the indicators that need its disaggregation."""
    indicators = tuple(indicators)
    return tuple(
        replace(row, needed_by=tuple(dict.fromkeys(i.label for i in indicators if needs(i, row))))
        for row in rows
    )


def missing(rows: Iterable[CoverageRow]) -> tuple[CoverageRow, ...]:
    return tuple(r for r in rows if not r.available)
