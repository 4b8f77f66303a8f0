"""An indicator's values and progress, read once from the stored rows into the core's objects.

The status is always :func:`mechelen.core.indicators.assess_progress` of the city's
baseline, target and whole-area values; a manual status is passed as the core's
:class:`StatusOverride`, so the computed status and its reason are kept beside it. Which
indicators and values a person sees is the policy's (``visible_indicators``,
``visible_values``); the status is assessed on those values only.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.utils import translation
from django.utils.translation import gettext as _

from mechelen.core.indicators import (
    STATUS_LABELS,
    IndicatorSpec,
    Observation,
    ProgressAssessment,
    ProgressStatus,
    ProgressTrack,
    StatusOverride,
    Target,
    assess_progress,
)
from mechelen.i18n import render_message, translator
from mechelen.web.followup import policy
from mechelen.web.followup.indicators.rows import (
    IndicatorProgress,
    PublishedReading,
    RecordedValue,
)
from mechelen.web.followup.indicators.specs import spec_of
from mechelen.web.followup.models import CityIndicator, IndicatorObservation, ObservationSource
from mechelen.web.tenancy.access import VISITOR, Access
from mechelen.web.tenancy.models import Organisation


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


def baseline_of(item: CityIndicator) -> Observation | None:
    if item.baseline_year is None or item.baseline_value is None:
        return None
    return Observation(item.baseline_year, item.baseline_value)


def target_of(item: CityIndicator, spec: IndicatorSpec) -> Target | None:
    """The target; None for a context indicator (never judged)."""
    if spec.direction is None or item.target_value is None or item.target_year is None:
        return None
    return Target(item.target_value, item.target_year)


def assess(
    item: CityIndicator, spec: IndicatorSpec, series: Sequence[RecordedValue]
) -> ProgressAssessment | None:
    """The core's assessment of the whole-area values; None for a context indicator."""
    if spec.direction is None:
        return None
    observed = tuple(value.observation for value in series if not value.part)
    track = ProgressTrack(spec.direction, baseline_of(item), target_of(item, spec), observed)
    return assess_progress(track, override_of(item))


def recorded(observation: IndicatorObservation) -> RecordedValue:
    return RecordedValue(
        observation=Observation(observation.year, observation.value),
        source=observation.source,
        source_label=str(ObservationSource(observation.source).label),
        note=observation.source_note,
        public=policy.is_public_value(observation),
        part=observation.breakdown,
        part_label=observation.breakdown_label or observation.breakdown,
    )


def _direction_label(direction: str | None) -> str:
    if direction == "higher-is-better":
        return _("Higher is better")
    if direction == "lower-is-better":
        return _("Lower is better")
    return _("Context: described, not judged")


def _status_label(status: ProgressStatus | None, lang: str) -> str:
    return translator(lang)(STATUS_LABELS[status]) if status is not None else ""


def published_reading(
    item: CityIndicator, spec: IndicatorSpec, series: Sequence[RecordedValue], lang: str
) -> PublishedReading | None:
    """What anyone sees of the indicator: the latest of its public whole-area values and the
    status assessed on those only; None while the indicator is not public. The one reading
    of the published value and status: the public page and the internal pages both show it."""
    if not item.public:
        return None
    public = [value for value in series if value.public and not value.part]
    result = assess(item, spec, public)
    return PublishedReading(
        latest=public[-1] if public else None,
        assessment=result,
        effective_label=_status_label(result.effective if result else None, lang),
        reason=render_message(result.reason.code, result.reason.params, lang) if result else "",
        summary=render_message(result.summary.code, result.summary.params, lang) if result else "",
    )


def progress_of(
    item: CityIndicator,
    lang: str,
    reader: Access,
    observations: Sequence[IndicatorObservation] | None = None,
) -> IndicatorProgress | None:
    """The indicator with the values ``reader`` may see, its texts in ``lang``; None when its
    spec is gone from the catalogue. ``observations``: those values, when already read."""
    spec = spec_of(item)
    if spec is None:
        return None
    if observations is None:
        visible = policy.visible_values(reader, item.organisation)
        observations = list(visible.filter(indicator=item).select_related("release", "recorded_by"))
    latest_part_year = max((o.year for o in observations if o.breakdown), default=None)
    with translation.override(lang):  # the sources' labels too
        whole = [recorded(o) for o in observations if not o.breakdown]
        parts = [recorded(o) for o in observations if o.breakdown and o.year == latest_part_year]
        result = assess(item, spec, whole)
        return IndicatorProgress(
            spec=spec,
            baseline=baseline_of(item),
            target=target_of(item, spec),
            series=tuple(whole),
            parts=tuple(parts),
            assessment=result,
            breakdown=item.disaggregation,
            public=item.public,
            custom=item.is_custom,
            label=spec.label.get(lang),
            definition=spec.definition.get(lang),
            unit=spec.unit.get(lang),
            direction_label=_direction_label(spec.direction),
            computed_label=_status_label(result.computed if result else None, lang),
            effective_label=_status_label(result.effective if result else None, lang),
            reason=render_message(result.reason.code, result.reason.params, lang) if result else "",
            published=published_reading(item, spec, whole, lang),
            summary=(
                render_message(result.summary.code, result.summary.params, lang) if result else ""
            ),
        )


def indicator_progress(
    organisation: Organisation, lang: str, reader: Access
) -> list[IndicatorProgress]:
    """Every indicator of the organisation that ``reader`` may see, with the values they may
    see (a visitor: the indicators marked public, with public values only)."""
    items = list(
        policy.visible_indicators(reader, organisation).select_related(
            "organisation", "override_by"
        )
    )
    if not items:
        return []
    values: dict[int, list[IndicatorObservation]] = {item.pk: [] for item in items}
    visible = policy.visible_values(reader, organisation).filter(indicator__in=items)
    for observation in visible.select_related("release", "recorded_by"):
        values[observation.indicator_id].append(observation)
    found = (progress_of(item, lang, reader, values[item.pk]) for item in items)
    return [row for row in found if row is not None]


def public_progress_of(
    organisations: Sequence[Organisation], lang: str
) -> dict[int, list[IndicatorProgress]]:
    """What :func:`indicator_progress` gives a visitor, for many organisations at once (by
    primary key), in two queries whatever their number."""
    chosen = Organisation.objects.filter(pk__in=[o.pk for o in organisations])
    items = list(policy.public_indicators(chosen).select_related("organisation", "override_by"))
    values: dict[int, list[IndicatorObservation]] = {item.pk: [] for item in items}
    for observation in (
        policy.public_values(chosen)
        .filter(indicator__in=items)
        .select_related("release", "recorded_by")
    ):
        values[observation.indicator_id].append(observation)
    found: dict[int, list[IndicatorProgress]] = {o.pk: [] for o in organisations}
    for item in items:
        row = progress_of(item, lang, VISITOR, values[item.pk])
        if row is not None:
            found[item.organisation_id].append(row)
    return found
