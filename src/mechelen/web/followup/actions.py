"""Changes to the follow-up, each recorded in the audit log."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import IO, Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from mechelen.core.indicators import IndicatorSpec
from mechelen.core.problems import Problem
from mechelen.web.assessments.models import AssessmentRound
from mechelen.web.audit.log import record
from mechelen.web.commitments.models import Commitment
from mechelen.web.followup import figures
from mechelen.web.followup.models import (
    AssessmentBaseline,
    AutomaticSource,
    CityIndicator,
    CommitmentEvidence,
    IndicatorObservation,
    ObservationSource,
)
from mechelen.web.followup.specs import spec_of
from mechelen.web.statistics.models import Release
from mechelen.web.tenancy.models import Organisation

SETTINGS = (
    "disaggregation",
    "baseline_year",
    "baseline_value",
    "target_value",
    "target_year",
    "automatic_source",
    "figure_numerator",
    "figure_denominator",
    "public",
)


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
    _fill_from_every_release(actor, item, spec)


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
    changed = {f: data[f] for f in SETTINGS if f in data and getattr(stored, f) != data[f]}
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


def _store(
    actor: Any,
    item: CityIndicator,
    found: Sequence[figures.FoundValue],
    source: str,
    release: Release | None = None,
    public: bool = False,
) -> list[IndicatorObservation]:
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
def record_observation(
    actor: Any, item: CityIndicator, data: dict[str, Any]
) -> IndicatorObservation:
    """A value entered by hand (replaces the value of that year and part)."""
    value = figures.FoundValue(
        int(data["year"]),
        float(data["value"]),
        data.get("breakdown", "") or "",
        data.get("breakdown_label", "") or "",
        data.get("source_note", "") or "",
    )
    (observation,) = _store(
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
        return _fill_from_every_release(actor, item, spec)
    if source == AutomaticSource.PUBLISHED_RELEASE:
        if release is None or year is None or release.organisation_id != organisation.pk:
            return [], [Problem("followup.E005", {"id": spec.id})]
        found = figures.from_release(spec, release, year, item.disaggregation == "geography")
        kind = ObservationSource.PUBLISHED_RELEASE
    elif source == AutomaticSource.SERVICE_FIGURES:
        found = figures.from_service_figures(
            spec, organisation, item.figure_numerator, item.figure_denominator
        )
        kind, release = ObservationSource.SERVICE_FIGURES, None
    elif source == AutomaticSource.COMMITMENTS:
        found = figures.from_commitments(spec, organisation, year or timezone.now().year)
        kind, release = ObservationSource.COMMITMENTS, None
    elif source == AutomaticSource.ASSESSMENT:
        found = figures.from_assessment(spec, organisation)
        kind, release = ObservationSource.ASSESSMENT, None
    else:
        return [], [Problem("followup.E005", {"id": spec.id})]
    stored = _store(actor, item, found.values, kind, release)
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
            _fill_from_every_release(actor, item, spec)
            refreshed += 1
    return refreshed


def _fill_from_every_release(
    actor: Any, item: CityIndicator, spec: IndicatorSpec
) -> tuple[list[IndicatorObservation], list[Problem]]:
    """One value a year from each published release of the city (its own releases only)."""
    stored: list[IndicatorObservation] = []
    problems: list[Problem] = []
    by_geography = item.disaggregation == "geography"
    for release, found in figures.from_published_releases(spec, item.organisation, by_geography):
        stored += _store(actor, item, found.values, ObservationSource.PUBLISHED_RELEASE, release)
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


def evidence_path(stored_name: str) -> Path:
    return Path(settings.MEDIA_ROOT) / stored_name


@transaction.atomic
def add_evidence(
    actor: Any,
    commitment: Commitment,
    data: dict[str, Any],
    document: IO[bytes] | None = None,
    document_name: str = "",
    kind: str = "",
) -> CommitmentEvidence:
    """A link or a checked document (see :mod:`mechelen.web.followup.documents`)."""
    item = CommitmentEvidence(
        commitment=commitment,
        date=data["date"],
        title=data["title"],
        url=data.get("url") or "",
        added_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    if document is not None:
        suffix = ".jpg" if kind == "jpeg" else f".{kind}"
        relative = f"followup/{commitment.organisation.slug}/evidence/{uuid.uuid4().hex}{suffix}"
        path = evidence_path(relative)
        path.parent.mkdir(parents=True, exist_ok=True)
        document.seek(0)
        with path.open("wb") as target:
            for chunk in iter(lambda: document.read(1 << 16), b""):
                target.write(chunk)
        item.stored_name = relative
        item.original_name = Path(document_name).name[:255]
        item.kind = kind
        item.size = path.stat().st_size
    item.save()
    record(
        actor,
        "followup.evidence.add",
        item,
        commitment.organisation,
        {
            "commitment": commitment.pk,
            "title": item.title,
            "url": item.url,
            "document": item.original_name,
            "kind": item.kind,
            "size": item.size,
        },
    )
    return item


@transaction.atomic
def remove_evidence(actor: Any, item: CommitmentEvidence) -> None:
    organisation = item.commitment.organisation
    record(
        actor,
        "followup.evidence.remove",
        item,
        organisation,
        {"commitment": item.commitment_id, "title": item.title},
    )
    if item.stored_name:
        evidence_path(item.stored_name).unlink(missing_ok=True)
    item.delete()


@transaction.atomic
def choose_baseline_round(
    actor: Any, organisation: Organisation, assessment_round: AssessmentRound
) -> AssessmentBaseline:
    baseline, _ = AssessmentBaseline.objects.update_or_create(
        organisation=organisation, defaults={"round": assessment_round, "chosen_by": actor}
    )
    record(
        actor,
        "followup.assessment.baseline",
        assessment_round,
        organisation,
        {"round": assessment_round.title},
    )
    return baseline
