"""Statistics: published releases and their tables for anyone; every release, submission and
approval for the roles the statistics policy allows; service providers' own figures."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status
from ninja.errors import HttpError

from mechelen.web.api.auth import allow
from mechelen.web.statistics import policy
from mechelen.web.statistics.figures import actions as figure_actions
from mechelen.web.statistics.figures.forms import ServiceFigureForm
from mechelen.web.statistics.models import Release, ServiceFigure
from mechelen.web.statistics.releases import actions
from mechelen.web.statistics.releases.published import release_tables
from mechelen.web.tenancy.access import Access
from mechelen.web.tenancy.lookup import organisation_named

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


def _access(request: HttpRequest) -> Access:
    return request.auth  # type: ignore[attr-defined, no-any-return]


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


def _visible_release(request: HttpRequest, slug: str, pk: int) -> Release:
    organisation = organisation_named(slug)
    return get_object_or_404(policy.releases_visible_to(_access(request), organisation), pk=pk)


@router.get("/{slug}/releases", response=list[ReleaseOut])
def list_releases(request: HttpRequest, slug: str) -> list[dict[str, Any]]:
    """Published releases; every release for the organisation's roles that see them all."""
    organisation = organisation_named(slug)
    return [_summary(r) for r in policy.releases_visible_to(_access(request), organisation)]


@router.get("/{slug}/releases/{pk}", response=ReleaseDetailOut)
def get_release(request: HttpRequest, slug: str, pk: int) -> dict[str, Any]:
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


def _step(request: HttpRequest, slug: str, pk: int, step: str, reason: str = "") -> dict[str, Any]:
    organisation = organisation_named(slug)
    allowed = policy.can_prepare if step == "submit" else policy.can_approve
    allow(allowed(_access(request), organisation))
    release = get_object_or_404(Release, pk=pk, organisation=organisation)
    try:
        if step == "submit":
            actions.submit_release(request.user, release)
        elif step == "approve":
            actions.approve_release(request.user, release)
        else:
            actions.reject_release(request.user, release, reason)
    except actions.ReleaseStateError as refused:
        raise HttpError(409, str(refused)) from None
    return _summary(release)


@router.post("/{slug}/releases/{pk}/submit", response=ReleaseOut)
def submit_release(request: HttpRequest, slug: str, pk: int) -> dict[str, Any]:
    return _step(request, slug, pk, "submit")


@router.post("/{slug}/releases/{pk}/approve", response=ReleaseOut)
def approve_release(request: HttpRequest, slug: str, pk: int) -> dict[str, Any]:
    return _step(request, slug, pk, "approve")


@router.post("/{slug}/releases/{pk}/reject", response=ReleaseOut)
def reject_release(request: HttpRequest, slug: str, pk: int, payload: Rejection) -> dict[str, Any]:
    if not payload.reason.strip():
        raise HttpError(422, "Give the reason for rejecting the release.")
    return _step(request, slug, pk, "reject", payload.reason.strip())


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
def list_figures(request: HttpRequest, slug: str) -> list[dict[str, Any]]:
    """A service provider's own figures; all the organisation's for stewards and admins."""
    organisation = organisation_named(slug)
    allow(policy.can_open_figures(_access(request), organisation))
    return [_figure(f) for f in policy.figures_visible_to(_access(request), organisation)]


@router.post("/{slug}/service-figures", response={201: FigureOut})
def create_figure(request: HttpRequest, slug: str, payload: FigureIn) -> Status[dict[str, Any]]:
    organisation = organisation_named(slug)
    allow(policy.can_report_figures(_access(request), organisation))
    form = ServiceFigureForm(payload.dict(), organisation=organisation, provider=request.user)
    if not form.is_valid():
        raise HttpError(422, "; ".join(str(e) for errors in form.errors.values() for e in errors))
    return Status(
        201, _figure(figure_actions.create_figure(request.user, organisation, form.cleaned_data))
    )
