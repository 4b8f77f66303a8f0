"""Build a follow-up report from its parts: sections in a stable order, groups, findings."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from mechelen.core.framework.model import Framework
from mechelen.core.indicators.spec import DISAGGREGATIONS
from mechelen.core.indicators.status import STATUS_RANK
from mechelen.core.reporting.follow_up.coverage import with_needs
from mechelen.core.reporting.follow_up.findings import findings_of
from mechelen.core.reporting.follow_up.grouping import group_by_reference
from mechelen.core.reporting.follow_up.model import (
    COMMITMENT_STATES,
    AssessmentSection,
    Audience,
    CommitmentEntry,
    CoverageRow,
    FollowUpReport,
    IndicatorEntry,
    Place,
)


def _commitment_order(entry: CommitmentEntry) -> tuple[int, int, str, str]:
    """Declaration commitments by paragraph, then the city's own ones by title."""
    if entry.paragraph is not None:
        return (0, entry.paragraph, "", entry.key)
    return (1, 0, entry.title.casefold(), entry.key)


def _indicator_order(entry: IndicatorEntry, position: dict[str, int]) -> tuple[int, int, str]:
    """Followed indicators first (worst status first), context ones after, catalogue order."""
    if entry.is_context:
        return (1, position.get(entry.indicator_id, len(position)), entry.indicator_id)
    rank = STATUS_RANK.get(entry.status, len(STATUS_RANK)) if entry.status else len(STATUS_RANK)
    return (0, rank, f"{position.get(entry.indicator_id, len(position)):05d}{entry.indicator_id}")


def _coverage_order(row: CoverageRow) -> tuple[int, str]:
    """The order of the indicator spec's disaggregations; others after, by name."""
    known = {name: n for n, name in enumerate(DISAGGREGATIONS)}
    return (known.get(row.disaggregation, len(known)), row.disaggregation)


def build_follow_up_report(
    framework: Framework,
    place: Place,
    audience: Audience,
    commitments: Iterable[CommitmentEntry],
    indicators: Iterable[IndicatorEntry],
    coverage: Iterable[CoverageRow] = (),
    assessment: AssessmentSection | None = None,
    catalogue_order: Iterable[str] = (),
) -> FollowUpReport:
    """The report, sorted so that the same data always gives the same report.

    ``catalogue_order`` lists indicator ids in the catalogue's order (ties are broken by id).
    """
    position = {indicator_id: n for n, indicator_id in enumerate(catalogue_order)}
    known_states = set(COMMITMENT_STATES)
    sorted_commitments = tuple(
        sorted(
            (c if c.status in known_states else replace(c, status="planned") for c in commitments),
            key=_commitment_order,
        )
    )
    sorted_indicators = tuple(sorted(indicators, key=lambda i: _indicator_order(i, position)))
    sorted_coverage = with_needs(sorted(coverage, key=_coverage_order), sorted_indicators)
    sectors = (
        tuple(s.id for s in framework.sectors)
        if assessment is not None and assessment.results.respondent_count
        else ()
    )
    draft = FollowUpReport(
        framework=framework,
        place=place,
        audience=audience,
        commitments=sorted_commitments,
        indicators=sorted_indicators,
        coverage=sorted_coverage,
        assessment=assessment,
        by_scheme=group_by_reference(framework, sorted_commitments, sorted_indicators, sectors),
        findings=(),
    )
    return replace(draft, findings=findings_of(draft))
