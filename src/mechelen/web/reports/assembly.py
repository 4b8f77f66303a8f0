"""Assemble the report models of the core from the database (the follow-up app's data).

The follow-up app gives its data as plain rows (:mod:`mechelen.web.followup.report_data`);
this module maps them onto the core's report dataclasses. ``public`` keeps published content
only: public commitments and their evidence, indicators and values marked public, published
statistics; never the assessment answers.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from django.db.models import F

from mechelen.core.indicators import IndicatorCatalogue, Observation, ProgressStatus, ServedItems
from mechelen.core.indicators import Target as IndicatorTarget
from mechelen.core.reporting.follow_up import (
    AssessmentSection,
    CellChange,
    CommitmentEntry,
    CoverageRow,
    Evidence,
    FollowUpReport,
    IndicatorEntry,
    Place,
    RoundSummary,
    build_follow_up_report,
)
from mechelen.core.reporting.follow_up.network import (
    CityValue,
    IndicatorAcross,
    Member,
    NetworkReport,
    build_network_report,
)
from mechelen.engine.framework import load_framework_indicators
from mechelen.web.assessments.actions import report_of
from mechelen.web.assessments.models import AssessmentRound, RoundStatus
from mechelen.web.commitments.models import Commitment
from mechelen.web.followup import report_data
from mechelen.web.followup.coverage import WANTED
from mechelen.web.framework_data import framework
from mechelen.web.tenancy.models import Network, Organisation

SAFE_LINKS = ("https://", "http://", "/")


@cache
def catalogue() -> IndicatorCatalogue:
    return load_framework_indicators()


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


def commitment_entries(
    organisation: Organisation, lang: str, public: bool
) -> tuple[CommitmentEntry, ...]:
    rows = report_data.commitment_progress(organisation, lang, public_only=public)
    return tuple(
        CommitmentEntry(
            key=f"p{row.paragraph}" if row.paragraph is not None else f"own:{row.title}",
            title=row.title,
            status=row.status,
            paragraph=row.paragraph,
            owner=row.owner,
            target=row.target,
            due=row.due_date,
            evidence=tuple(
                Evidence(title=e.title, url=_link(e.url), on=e.date) for e in row.evidence
            ),
        )
        for row in rows
    )


def _status(value: str | None) -> ProgressStatus | None:
    return ProgressStatus(value) if value else None


def indicator_entries(
    organisation: Organisation, lang: str, public: bool
) -> tuple[IndicatorEntry, ...]:
    known = {spec.id: spec for spec in catalogue().indicators}
    entries = []
    for row in report_data.indicator_progress(organisation, lang, public_only=public):
        spec = known.get(row.spec_id)
        direction = (
            row.direction if row.direction in ("higher-is-better", "lower-is-better") else None
        )
        baseline = (
            Observation(row.baseline_year, row.baseline_value)
            if row.baseline_year is not None and row.baseline_value is not None
            else None
        )
        target = (
            IndicatorTarget(row.target_value, row.target_year)
            if direction and row.target_value is not None and row.target_year is not None
            else None
        )
        entries.append(
            IndicatorEntry(
                indicator_id=row.spec_id,
                label=row.label,
                unit=row.unit,
                direction=direction,  # type: ignore[arg-type]
                serves=ServedItems(
                    row.served_commitments, row.served_sectors, row.served_references
                ),
                baseline=baseline,
                target=target,
                observations=tuple(Observation(p.year, p.value) for p in row.series),
                status=_status(row.effective_status) if direction else None,
                computed=_status(row.computed_status) if direction else None,
                reason=row.reason,
                override_by=row.override_by if row.overridden else "",
                override_reason=row.override_reason,
                override_on=row.override_on if row.overridden else None,
                definition=row.definition,
                disaggregations=(
                    spec.disaggregations
                    if spec is not None
                    else ((row.breakdown,) if row.breakdown else ())
                ),
                source_dimensions=(
                    tuple(dict.fromkeys(d for source in spec.sources for d in source.dimensions))
                    if spec is not None
                    else ()
                ),
            )
        )
    return tuple(entries)


def coverage_rows(organisation: Organisation, lang: str) -> tuple[CoverageRow, ...]:
    """Published releases only, so the same for the internal and the public report."""
    return tuple(
        CoverageRow(
            disaggregation=row.disaggregation,
            label=row.label,
            available=row.available,
            dimensions=row.dimensions,
            sources=row.releases,
            given_by=WANTED[row.disaggregation][1] if row.disaggregation in WANTED else (),
        )
        for row in report_data.data_coverage(organisation, lang)
    )


def closed_rounds(organisation: Organisation) -> list[AssessmentRound]:
    return list(
        AssessmentRound.objects.filter(
            organisation=organisation, status=RoundStatus.CLOSED
        ).order_by(F("closed_at").asc(nulls_first=True), "pk")
    )


def assessment_of(organisation: Organisation, lang: str) -> AssessmentSection | None:
    """The latest closed round with its results, and its change against the baseline round."""
    rounds = closed_rounds(organisation)
    if not rounds:
        return None
    change = report_data.assessment_change(organisation, lang)
    latest = rounds[-1]
    if change is not None:
        latest = next((r for r in reversed(rounds) if r.title == change.round_title), latest)
    results = report_of(latest)
    summary = RoundSummary(
        latest.title, latest.closed_at.date() if latest.closed_at else None, results
    )
    if change is None:
        return AssessmentSection(latest=summary, results=results)
    return AssessmentSection(
        latest=summary,
        results=results,
        baseline=RoundSummary(change.baseline_title, change.baseline_closed),
        changes=tuple(
            CellChange(c.sector_id, c.dimension_id, c.before, c.after) for c in change.cells
        ),
    )


def follow_up_report(organisation: Organisation, lang: str, public: bool) -> FollowUpReport:
    """The city's follow-up report; ``public`` for the version built from published content."""
    return build_follow_up_report(
        framework(),
        place_of(organisation),
        "public" if public else "internal",
        commitment_entries(organisation, lang, public),
        indicator_entries(organisation, lang, public),
        coverage_rows(organisation, lang),
        None if public else assessment_of(organisation, lang),
        catalogue_order=catalogue().ids,
    )


def shared_round(organisation: Organisation) -> AssessmentRound | None:
    """The latest closed round the city shares with its networks."""
    rounds = [r for r in closed_rounds(organisation) if r.share_with_networks]
    return rounds[-1] if rounds else None


def _compared(members: Iterable[Organisation], lang: str) -> tuple[IndicatorAcross, ...]:
    found: dict[str, tuple[str, str, list[CityValue]]] = {}
    for member in members:
        for row in report_data.indicator_progress(member, lang, public_only=True):
            latest = row.latest_published  # compared on published figures, never by hand
            if latest is None:
                continue
            slot = found.setdefault(row.spec_id, (row.label, row.unit, []))
            slot[2].append(CityValue(member.name, latest.year, latest.value))
    order = {indicator_id: n for n, indicator_id in enumerate(catalogue().ids)}
    return tuple(
        IndicatorAcross(key, label, unit, tuple(values))
        for key, (label, unit, values) in sorted(
            found.items(), key=lambda item: (order.get(item[0], len(order)), item[0])
        )
    )


def network_report(network: Network, lang: str) -> NetworkReport:
    """The network's picture from what its members publish or share with it."""
    members = list(network.members.all())
    commitments: dict[str, list[CommitmentEntry]] = {m.slug: [] for m in members}
    for item in Commitment.objects.filter(organisation__in=members, public=True).select_related(
        "organisation"
    ):
        commitments[item.organisation.slug].append(
            CommitmentEntry(
                key=f"p{item.paragraph}" if item.paragraph else f"own:{item.pk}",
                title=item.own_title,
                status=item.status,
                paragraph=item.paragraph,
            )
        )
    shared = {}
    for member in members:
        chosen = shared_round(member)
        if chosen is not None:
            shared[member.slug] = report_of(chosen)
    return build_network_report(
        framework(),
        network.name,
        network.description,
        [Member(m.slug, place_of(m)) for m in members],
        commitments,
        shared,
        _compared(members, lang),
    )
