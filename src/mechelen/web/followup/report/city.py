"""A city's follow-up report as the core's model, from the follow-up read once from the database.

:func:`city_follow_up` reads, as one reader may see them, the indicators (the core's
observations, targets and progress assessments), the commitments with their evidence, the
data coverage and the closed assessment rounds; :func:`follow_up_report` lays them onto the
core's :class:`FollowUpReport` as they are. The open-data export reads both. A public report
(for a visitor) holds published content only: public commitments and their evidence,
indicators and values marked public, published statistics; never the assessment answers.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from mechelen.core.reporting.follow_up import (
    AssessmentSection,
    CommitmentEntry,
    CoverageRow,
    FollowUpReport,
    IndicatorEntry,
    Place,
    build_follow_up_report,
)
from mechelen.web.followup import policy
from mechelen.web.followup.change.rounds import ClosedRounds
from mechelen.web.followup.evidence.rows import CommitmentProgress, commitment_progress
from mechelen.web.followup.indicators.progress import indicator_progress
from mechelen.web.followup.indicators.rows import IndicatorProgress
from mechelen.web.followup.indicators.specs import catalogue
from mechelen.web.followup.report.coverage import data_coverage
from mechelen.web.framework_data import framework
from mechelen.web.tenancy.access import Access
from mechelen.web.tenancy.models import Organisation

SAFE_LINKS = ("https://", "http://", "/")


@dataclass(frozen=True)
class CityFollowUp:
    """A city's follow-up as one reader may see it, each part read once."""

    organisation: Organisation
    #: whether the reader sees the internal content (and the report is the internal one)
    internal: bool
    indicators: tuple[IndicatorProgress, ...]
    commitments: tuple[CommitmentProgress, ...]
    #: published releases only: the same for every reader
    coverage: tuple[CoverageRow, ...]
    rounds: ClosedRounds


def city_follow_up(organisation: Organisation, lang: str, reader: Access) -> CityFollowUp:
    """What ``reader`` may see of the city's follow-up, texts in ``lang``."""
    return CityFollowUp(
        organisation,
        policy.sees_internal(reader, organisation),
        tuple(indicator_progress(organisation, lang, reader)),
        tuple(commitment_progress(organisation, lang, reader)),
        data_coverage(organisation, lang),
        ClosedRounds(organisation),
    )


def place_of(organisation: Organisation) -> Place:
    return Place(
        name=organisation.name,
        country=organisation.country,
        fictional=organisation.fictional,
        endorsed_on=organisation.endorsed_on,
        population=organisation.population,
        population_year=organisation.population_year,
    )


def _link(url: str) -> str:
    return url if url.startswith(SAFE_LINKS) else ""


def commitment_entry(row: CommitmentProgress) -> CommitmentEntry:
    """The commitment as the report shows it: a link it could not open safely left out."""
    entry = row.entry
    return replace(entry, evidence=tuple(replace(e, url=_link(e.url)) for e in entry.evidence))


def _needs(row: IndicatorProgress) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The breakdowns an indicator asks for and the table dimensions its figures come from:
    the catalogue's, for one of the catalogue; only the breakdown it follows, for one of the
    city's own."""
    if row.spec.id not in catalogue().ids:
        return ((row.breakdown,) if row.breakdown else ()), ()
    spec = catalogue().indicator(row.spec.id)
    sources = tuple(dict.fromkeys(d for source in spec.sources for d in source.dimensions))
    return spec.disaggregations, sources


def indicator_entry(row: IndicatorProgress) -> IndicatorEntry:
    assessment, override = row.assessment, row.override
    shown = override if row.overridden else None
    disaggregations, source_dimensions = _needs(row)
    return IndicatorEntry(
        indicator_id=row.spec.id,
        label=row.label,
        unit=row.unit,
        direction=row.spec.direction,
        serves=row.spec.serves,
        baseline=row.baseline,
        target=row.target,
        observations=tuple(value.observation for value in row.series),
        status=assessment.effective if assessment is not None else None,
        computed=assessment.computed if assessment is not None else None,
        reason=row.reason,
        summary=row.summary,
        override_by=shown.by if shown is not None else "",
        override_reason=override.reason if override is not None else "",
        override_on=shown.on if shown is not None else None,
        definition=row.definition,
        disaggregations=disaggregations,
        source_dimensions=source_dimensions,
    )


def follow_up_report(followup: CityFollowUp) -> FollowUpReport:
    """The city's report: the internal one (with the assessment) for a reader who sees the
    internal content, else the public one."""
    assessment: AssessmentSection | None = (
        followup.rounds.latest_section() if followup.internal else None
    )
    return build_follow_up_report(
        framework(),
        place_of(followup.organisation),
        "internal" if followup.internal else "public",
        (commitment_entry(row) for row in followup.commitments),
        (indicator_entry(row) for row in followup.indicators),
        followup.coverage,
        assessment,
        catalogue_order=catalogue().ids,
    )
