"""Follow-up: a city's indicators with series and status (public ones for anyone, all for the
internal roles), and values recorded by coordinators and administrators."""

from __future__ import annotations

import datetime

from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status
from ninja.errors import HttpError

from mechelen.web.followup import policy
from mechelen.web.followup.indicators import actions
from mechelen.web.followup.indicators.progress import indicator_progress
from mechelen.web.followup.indicators.rows import IndicatorProgress, RecordedValue
from mechelen.web.followup.models import CityIndicator
from mechelen.web.tenancy.scoping import ApiRequest, api_organisation

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
    #: the computed status in plain words, from the figures ("at this pace ... in 2036")
    summary: str = ""
    #: how it was computed: rates, ratio, threshold
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


def _point(value: RecordedValue) -> PointOut:
    return PointOut(
        year=value.observation.year,
        value=value.observation.value,
        source=value.source,
        note=value.note,
        public=value.public,
        part=value.part,
    )


def _out(row: IndicatorProgress, internal: bool) -> IndicatorOut:
    assessment, override = row.assessment, row.override
    return IndicatorOut(
        indicator=row.spec.id,
        label=row.label,
        unit=row.unit,
        direction=row.spec.direction,
        breakdown=row.breakdown,
        baseline_year=row.baseline.year if row.baseline else None,
        baseline_value=row.baseline.value if row.baseline else None,
        target_value=row.target.value if row.target else None,
        target_year=row.target.year if row.target else None,
        series=[_point(value) for value in row.series],
        parts=[_point(value) for value in row.parts],
        computed_status=assessment.computed.value if assessment else None,
        status=assessment.effective.value if assessment else None,
        summary=row.summary,
        reason=row.reason,
        override_by=override.by if override and internal else "",
        override_reason=override.reason if override else "",
        override_on=override.on if override else None,
        public=row.public,
    )


@router.get("/{slug}/indicators", response=list[IndicatorOut])
def list_indicators(request: ApiRequest, slug: str, lang: str = "en") -> list[IndicatorOut]:
    organisation = api_organisation(request, slug)
    internal = policy.sees_internal(request.auth, organisation)
    if lang not in ("en", "fr", "es"):
        raise HttpError(422, "lang must be en, fr or es.")
    rows = indicator_progress(organisation, lang, request.auth)
    return [_out(row, internal) for row in rows]


@router.post("/{slug}/indicators/{indicator}/values", response={201: PointOut})
def add_value(request: ApiRequest, slug: str, indicator: str, payload: ValueIn) -> Status[PointOut]:
    organisation = api_organisation(request, slug, policy.can_edit)
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
