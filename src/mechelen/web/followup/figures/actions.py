"""Values of an indicator computed from its automatic source and stored, each fill audited."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import transaction
from django.utils import timezone

from mechelen.core.indicators import IndicatorSpec
from mechelen.core.problems import Problem
from mechelen.web.audit.log import record
from mechelen.web.followup.figures import sources
from mechelen.web.followup.indicators.specs import spec_of
from mechelen.web.followup.models import (
    AutomaticSource,
    CityIndicator,
    IndicatorObservation,
    ObservationSource,
)
from mechelen.web.statistics.models import Release
from mechelen.web.tenancy.models import Organisation


def store_values(
    actor: Any,
    item: CityIndicator,
    found: Sequence[sources.FoundValue],
    source: str,
    release: Release | None = None,
    public: bool = False,
) -> list[IndicatorObservation]:
    """Store each value, replacing the one of its year and part (not audited: the caller is)."""
    stored = []
    for value in found:
        observation, _ = IndicatorObservation.objects.update_or_create(
            indicator=item,
            year=value.year,
            breakdown=value.part,
            defaults={
                "breakdown_label": value.part_label,
                "value": value.value,
                "source": source,
                "release": release,
                "source_note": value.note[:300],
                "public": public,
                "recorded_by": actor if getattr(actor, "is_authenticated", False) else None,
            },
        )
        stored.append(observation)
    return stored


@transaction.atomic
def fill_automatically(
    actor: Any,
    item: CityIndicator,
    spec: IndicatorSpec,
    release: Release | None = None,
    year: int | None = None,
) -> tuple[list[IndicatorObservation], list[Problem]]:
    """Compute values from the indicator's automatic source and store them; audited."""
    organisation = item.organisation
    source = item.automatic_source
    if source == AutomaticSource.PUBLISHED_RELEASE and release is None:
        return fill_from_every_release(actor, item, spec)
    if source == AutomaticSource.PUBLISHED_RELEASE:
        if release is None or year is None or release.organisation_id != organisation.pk:
            return [], [Problem("followup.E005", {"id": spec.id})]
        found = sources.from_release(spec, release, year, item.disaggregation == "geography")
        kind = ObservationSource.PUBLISHED_RELEASE
    elif source == AutomaticSource.SERVICE_FIGURES:
        found = sources.from_service_figures(
            spec, organisation, item.figure_numerator, item.figure_denominator
        )
        kind, release = ObservationSource.SERVICE_FIGURES, None
    elif source == AutomaticSource.COMMITMENTS:
        found = sources.from_commitments(spec, organisation, year or timezone.now().year)
        kind, release = ObservationSource.COMMITMENTS, None
    elif source == AutomaticSource.ASSESSMENT:
        found = sources.from_assessment(spec, organisation)
        kind, release = ObservationSource.ASSESSMENT, None
    else:
        return [], [Problem("followup.E005", {"id": spec.id})]
    stored = store_values(actor, item, found.values, kind, release)
    record(
        actor,
        "followup.value.fill",
        item,
        organisation,
        {
            "indicator": item.indicator_id,
            "source": source,
            "release": release.pk if release is not None else None,
            "values": len(stored),
            "problems": [p.code for p in found.problems],
        },
    )
    return stored, found.problems


def refresh_from_releases(actor: Any, organisation: Organisation) -> int:
    """Recompute every indicator of the city that fills itself from its published releases
    (run when a release is published); returns how many were recomputed."""
    refreshed = 0
    items = CityIndicator.objects.filter(
        organisation=organisation, automatic_source=AutomaticSource.PUBLISHED_RELEASE
    )
    for item in items:
        spec = spec_of(item)
        if spec is not None:
            fill_from_every_release(actor, item, spec)
            refreshed += 1
    return refreshed


def fill_from_every_release(
    actor: Any, item: CityIndicator, spec: IndicatorSpec
) -> tuple[list[IndicatorObservation], list[Problem]]:
    """One value a year from each published release of the city (its own releases only)."""
    stored: list[IndicatorObservation] = []
    problems: list[Problem] = []
    by_geography = item.disaggregation == "geography"
    for release, found in sources.from_published_releases(spec, item.organisation, by_geography):
        stored += store_values(
            actor, item, found.values, ObservationSource.PUBLISHED_RELEASE, release
        )
        problems += found.problems
    if not stored and not problems:
        problems.append(Problem("followup.E006", {"id": spec.id}))
    record(
        actor,
        "followup.value.fill",
        item,
        item.organisation,
        {
            "indicator": item.indicator_id,
            "source": item.automatic_source,
            "release": "every published release",
            "values": len(stored),
            "problems": [p.code for p in problems],
        },
    )
    return stored, problems
