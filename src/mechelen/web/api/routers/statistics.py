"""Statistics: published releases and their tables for anyone; every release, submission and
approval for the roles the statistics policy allows; service providers' own figures."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status
from ninja.errors import HttpError

from mechelen.core.releases.workflow import Step
from mechelen.web.statistics import policy
from mechelen.web.statistics.figures import actions as figure_actions
from mechelen.web.statistics.figures.forms import ServiceFigureForm
from mechelen.web.statistics.models import Release, ServiceFigure
from mechelen.web.statistics.releases import actions
from mechelen.web.statistics.releases.published import release_tables
from mechelen.web.tenancy.scoping import ApiRequest, api_organisation

router = Router(tags=["statistics"])


class CellOut(Schema):
    key: dict[str, str]
    value: float | None
    flag: str


class TableOut(Schema):
    name: str
    dimensions: list[str]
    measure: str
    cells: list[CellOut]
    disclosure: dict[str, Any]


class ReleaseOut(Schema):
    id: int
    name: str
    title: str
    status: str
    dataset: str
    published_at: datetime.datetime | None
    headline: dict[str, float | None]
    tables: list[str]


class ReleaseDetailOut(ReleaseOut):
    table_data: list[TableOut]


class Rejection(Schema):
    reason: str


class FigureOut(Schema):
    id: int
    sector: str
    period: str
    name: str
    value: Decimal
    provider: str


class FigureIn(Schema):
    sector: str
    period: str
    name: str
    value: Decimal


def _summary(release: Release) -> dict[str, Any]:
    return {
        "id": release.pk,
        "name": release.name,
        "title": release.title,
        "status": release.status,
        "dataset": release.dataset.name,
        "published_at": release.published_at,
        "headline": release.headline,
        "tables": release.table_names(),
    }


def _visible_release(request: ApiRequest, slug: str, pk: int) -> Release:
    organisation = api_organisation(request, slug)
    return get_object_or_404(policy.visible_releases(request.auth, organisation), pk=pk)


@router.get("/{slug}/releases", response=list[ReleaseOut])
def list_releases(request: ApiRequest, slug: str) -> list[dict[str, Any]]:
    """Published releases; every release for the organisation's roles that see them all."""
    organisation = api_organisation(request, slug)
    return [_summary(r) for r in policy.visible_releases(request.auth, organisation)]


@router.get("/{slug}/releases/{pk}", response=ReleaseDetailOut)
def get_release(request: ApiRequest, slug: str, pk: int) -> dict[str, Any]:
    """A release with every cell of its tables (published values and flags)."""
    release = _visible_release(request, slug, pk)
    tables = [
        {
            "name": t["name"],
            "dimensions": t["dimensions"],
            "measure": t.get("measure", "persons"),
            "cells": [
                {"key": c["key"], "value": c["value"], "flag": c["flag"]} for c in t["cells"]
            ],
            "disclosure": t["disclosure"],
        }
        for t in release_tables(release)
    ]
    return {**_summary(release), "table_data": tables}


def _step(request: ApiRequest, slug: str, pk: int, step: Step, reason: str = "") -> dict[str, Any]:
    """Take ``step`` of the release workflow, as the pages do (409 when its state refuses)."""
    organisation = api_organisation(request, slug, policy.can_take(step))
    release = get_object_or_404(Release, pk=pk, organisation=organisation)
    try:
        actions.take_step(request.user, release, step, reason)
    except actions.ReleaseStateError as refused:
        raise HttpError(409, str(refused)) from None
    return _summary(release)


@router.post("/{slug}/releases/{pk}/submit", response=ReleaseOut)
def submit_release(request: ApiRequest, slug: str, pk: int) -> dict[str, Any]:
    return _step(request, slug, pk, Step.SUBMIT)


@router.post("/{slug}/releases/{pk}/approve", response=ReleaseOut)
def approve_release(request: ApiRequest, slug: str, pk: int) -> dict[str, Any]:
    return _step(request, slug, pk, Step.APPROVE)


@router.post("/{slug}/releases/{pk}/reject", response=ReleaseOut)
def reject_release(request: ApiRequest, slug: str, pk: int, payload: Rejection) -> dict[str, Any]:
    if not payload.reason.strip():
        raise HttpError(422, "Give the reason for rejecting the release.")
    return _step(request, slug, pk, Step.REJECT, payload.reason.strip())


def _figure(figure: ServiceFigure) -> dict[str, Any]:
    return {
        "id": figure.pk,
        "sector": figure.sector,
        "period": figure.period,
        "name": figure.name,
        "value": figure.value,
        "provider": figure.provider.get_username(),
    }


@router.get("/{slug}/service-figures", response=list[FigureOut])
def list_figures(request: ApiRequest, slug: str) -> list[dict[str, Any]]:
    """A service provider's own figures; all the organisation's for stewards and admins."""
    organisation = api_organisation(request, slug, policy.can_open_figures)
    return [_figure(f) for f in policy.visible_figures(request.auth, organisation)]


@router.post("/{slug}/service-figures", response={201: FigureOut})
def create_figure(request: ApiRequest, slug: str, payload: FigureIn) -> Status[dict[str, Any]]:
    organisation = api_organisation(request, slug, policy.can_report_figures)
    form = ServiceFigureForm(payload.dict(), organisation=organisation, provider=request.user)
    if not form.is_valid():
        raise HttpError(422, "; ".join(str(e) for errors in form.errors.values() for e in errors))
    return Status(
        201, _figure(figure_actions.create_figure(request.user, organisation, form.cleaned_data))
    )
