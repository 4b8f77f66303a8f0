"""The indicators an organisation follows, their settings, values entered by hand and the
status set by hand: each change recorded in the audit log."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db import transaction
from django.utils import timezone

from mechelen.web.audit.log import record
from mechelen.web.followup.figures.actions import fill_from_every_release, store_values
from mechelen.web.followup.figures.sources import FoundValue
from mechelen.web.followup.indicators.specs import spec_of
from mechelen.web.followup.models import (
    INDICATOR_SETTINGS,
    AutomaticSource,
    CityIndicator,
    IndicatorObservation,
    ObservationSource,
)
from mechelen.web.tenancy.models import Organisation


@transaction.atomic
def choose_indicator(
    actor: Any, organisation: Organisation, indicator_id: str, custom: dict[str, Any] | None = None
) -> CityIndicator:
    item = CityIndicator.objects.create(
        organisation=organisation, indicator_id=indicator_id, custom_spec=custom or {}
    )
    record(
        actor,
        "followup.indicator.add",
        item,
        organisation,
        {"indicator": indicator_id, "custom": bool(custom)},
    )
    _fill_own_from_tables(actor, item)
    return item


def _fill_own_from_tables(actor: Any, item: CityIndicator) -> None:
    """An own indicator that names its published cells fills itself from every release."""
    spec = spec_of(item) if item.is_custom else None
    if spec is None or spec.table_source is None:
        return
    item.automatic_source = AutomaticSource.PUBLISHED_RELEASE
    item.save(update_fields=["automatic_source"])
    fill_from_every_release(actor, item, spec)


@transaction.atomic
def import_indicators(
    actor: Any, organisation: Organisation, entries: Sequence[dict[str, Any]], file: str
) -> list[CityIndicator]:
    """Follow every indicator of a checked file (:func:`specs.check_import`); audited."""
    created = [
        CityIndicator.objects.create(
            organisation=organisation, indicator_id=str(entry["id"]), custom_spec=entry
        )
        for entry in entries
    ]
    record(
        actor,
        "followup.indicator.import",
        organisation,
        organisation,
        {"file": file[:200], "indicators": [item.indicator_id for item in created]},
    )
    for item in created:
        _fill_own_from_tables(actor, item)
    return created


@transaction.atomic
def update_indicator(actor: Any, item: CityIndicator, data: dict[str, Any]) -> CityIndicator:
    stored = CityIndicator.objects.get(pk=item.pk)
    changed = {
        f: data[f] for f in INDICATOR_SETTINGS if f in data and getattr(stored, f) != data[f]
    }
    for name, value in changed.items():
        setattr(item, name, value)
    item.save()
    record(actor, "followup.indicator.update", item, item.organisation, changed)
    return item


@transaction.atomic
def remove_indicator(actor: Any, item: CityIndicator) -> None:
    record(
        actor,
        "followup.indicator.remove",
        item,
        item.organisation,
        {"indicator": item.indicator_id},
    )
    item.delete()


@transaction.atomic
def set_override(actor: Any, item: CityIndicator, status: str, reason: str) -> CityIndicator:
    item.override_status = status
    item.override_reason = reason.strip()
    item.override_by = actor
    item.override_on = timezone.now()
    item.save(update_fields=["override_status", "override_reason", "override_by", "override_on"])
    record(
        actor,
        "followup.status.override",
        item,
        item.organisation,
        {"indicator": item.indicator_id, "status": status, "reason": item.override_reason},
    )
    return item


@transaction.atomic
def clear_override(actor: Any, item: CityIndicator) -> CityIndicator:
    previous = item.override_status
    item.override_status = ""
    item.override_reason = ""
    item.override_by = None
    item.override_on = None
    item.save(update_fields=["override_status", "override_reason", "override_by", "override_on"])
    record(
        actor,
        "followup.status.clear",
        item,
        item.organisation,
        {"indicator": item.indicator_id, "previous": previous},
    )
    return item


@transaction.atomic
def record_observation(
    actor: Any, item: CityIndicator, data: dict[str, Any]
) -> IndicatorObservation:
    """A value entered by hand (replaces the value of that year and part)."""
    value = FoundValue(
        int(data["year"]),
        float(data["value"]),
        data.get("breakdown", "") or "",
        data.get("breakdown_label", "") or "",
        data.get("source_note", "") or "",
    )
    (observation,) = store_values(
        actor, item, [value], ObservationSource.MANUAL, public=bool(data.get("public"))
    )
    record(
        actor,
        "followup.value.record",
        observation,
        item.organisation,
        {
            "indicator": item.indicator_id,
            "year": value.year,
            "part": value.part,
            "value": value.value,
            "public": observation.public,
        },
    )
    return observation


@transaction.atomic
def remove_observation(actor: Any, observation: IndicatorObservation) -> None:
    item = observation.indicator
    record(
        actor,
        "followup.value.remove",
        observation,
        item.organisation,
        {"indicator": item.indicator_id, "year": observation.year, "part": observation.breakdown},
    )
    observation.delete()
