"""An indicator's series and progress status, from the stored rows, through the core.

The status is always :func:`mechelen.core.indicators.assess_progress` of the city's
baseline, target and whole-area values; a manual status is passed as the core's
:class:`StatusOverride`, so the computed status and its reason are kept beside it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.db.models import Q, QuerySet

from mechelen.core.indicators import (
    IndicatorSpec,
    Observation,
    ProgressAssessment,
    ProgressStatus,
    ProgressTrack,
    StatusOverride,
    Target,
    assess_progress,
)
from mechelen.web.followup.models import CityIndicator, IndicatorObservation, ObservationSource
from mechelen.web.statistics.models import ReleaseStatus

#: values anyone may see: computed from a release that is still published, or marked public
PUBLIC_VALUES = Q(
    source=ObservationSource.PUBLISHED_RELEASE, release__status=ReleaseStatus.PUBLISHED
) | (Q(public=True) & ~Q(source=ObservationSource.PUBLISHED_RELEASE))


def observations_of(item: CityIndicator, public_only: bool) -> QuerySet[IndicatorObservation]:
    found = item.observations.select_related("release", "recorded_by")
    return found.filter(PUBLIC_VALUES) if public_only else found


def is_public(observation: IndicatorObservation) -> bool:
    if observation.source == ObservationSource.PUBLISHED_RELEASE:
        return observation.release is not None and observation.release.published
    return observation.public


def whole_area(observations: Iterable[IndicatorObservation]) -> list[IndicatorObservation]:
    return sorted((o for o in observations if not o.breakdown), key=lambda o: o.year)


def person_name(user: object) -> str:
    if user is None:
        return ""
    full = getattr(user, "get_full_name", lambda: "")()
    return str(full or getattr(user, "username", ""))


def override_of(item: CityIndicator) -> StatusOverride | None:
    if not item.override_status:
        return None
    return StatusOverride(
        ProgressStatus(item.override_status),
        by=person_name(item.override_by) or "?",
        reason=item.override_reason,
        on=item.override_on.date() if item.override_on else None,
    )


def track_of(
    item: CityIndicator, spec: IndicatorSpec, series: Sequence[IndicatorObservation]
) -> ProgressTrack | None:
    """The core track of the whole-area values; None for a context indicator (never judged)."""
    if spec.direction is None:
        return None
    baseline = (
        Observation(item.baseline_year, item.baseline_value)
        if item.baseline_year is not None and item.baseline_value is not None
        else None
    )
    target = (
        Target(item.target_value, item.target_year)
        if item.target_value is not None and item.target_year is not None
        else None
    )
    observed = tuple(Observation(o.year, o.value) for o in series if not o.breakdown)
    return ProgressTrack(spec.direction, baseline, target, observed)


def assess(
    item: CityIndicator, spec: IndicatorSpec, series: Sequence[IndicatorObservation]
) -> ProgressAssessment | None:
    track = track_of(item, spec, series)
    if track is None:
        return None
    return assess_progress(track, override_of(item))
