"""Follow-up: a city's indicators with series and status (public ones for anyone, all for the
internal roles), and values recorded by coordinators and administrators."""

from __future__ import annotations

import datetime

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status
from ninja.errors import HttpError

from mechelen.web.api.auth import allow
from mechelen.web.followup import policy
from mechelen.web.followup.indicators import actions
from mechelen.web.followup.models import CityIndicator
from mechelen.web.followup.report_data import indicator_progress
from mechelen.web.followup.rows import IndicatorProgressRow
from mechelen.web.tenancy.lookup import organisation_named

router = Router(tags=["follow-up"])


class PointOut(Schema):
    year: int
    value: float
    source: str
    note: str
    public: bool
    part: str


class IndicatorOut(Schema):
    indicator: str
    label: str
    unit: str
    direction: str | None
    breakdown: str
    baseline_year: int | None
    baseline_value: float | None
    target_value: float | None
    target_year: int | None
    series: list[PointOut]
    parts: list[PointOut]
    computed_status: str | None
    status: str | None
    reason: str
    override_by: str
    override_reason: str
    override_on: datetime.date | None
    public: bool


class ValueIn(Schema):
    year: int
    value: float
    part: str = ""
    part_label: str = ""
    source_note: str = ""
    public: bool = False


def _out(row: IndicatorProgressRow, internal: bool) -> IndicatorOut:
    def points(found: tuple[object, ...]) -> list[PointOut]:
        return [PointOut.model_validate(p, from_attributes=True) for p in found]

    return IndicatorOut(
        indicator=row.spec_id,
        label=row.label,
        unit=row.unit,
        direction=row.direction,
        breakdown=row.breakdown,
        baseline_year=row.baseline_year,
        baseline_value=row.baseline_value,
        target_value=row.target_value,
        target_year=row.target_year,
        series=points(row.series),
        parts=points(row.parts),
        computed_status=row.computed_status,
        status=row.effective_status,
        reason=row.reason,
        override_by=row.override_by if internal else "",
        override_reason=row.override_reason,
        override_on=row.override_on,
        public=row.public,
    )


@router.get("/{slug}/indicators", response=list[IndicatorOut])
def list_indicators(request: HttpRequest, slug: str, lang: str = "en") -> list[IndicatorOut]:
    organisation = organisation_named(slug)
    internal = policy.sees_internal(request.auth, organisation)  # type: ignore[attr-defined]
    if lang not in ("en", "fr", "es"):
        raise HttpError(422, "lang must be en, fr or es.")
    rows = indicator_progress(organisation, lang, public_only=not internal)
    return [_out(row, internal) for row in rows]


@router.post("/{slug}/indicators/{indicator}/values", response={201: PointOut})
def add_value(
    request: HttpRequest, slug: str, indicator: str, payload: ValueIn
) -> Status[PointOut]:
    organisation = organisation_named(slug)
    allow(policy.can_edit(request.auth, organisation))  # type: ignore[attr-defined]
    item = get_object_or_404(CityIndicator, organisation=organisation, indicator_id=indicator)
    if not 1900 <= payload.year <= 2100:
        raise HttpError(422, "year must be from 1900 to 2100.")
    data = payload.dict()
    data["breakdown"], data["breakdown_label"] = data.pop("part"), data.pop("part_label")
    observation = actions.record_observation(request.user, item, data)
    return Status(
        201,
        PointOut(
            year=observation.year,
            value=observation.value,
            source=observation.source,
            note=observation.source_note,
            public=observation.public,
            part=observation.breakdown,
        ),
    )
