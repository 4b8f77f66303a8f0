"""The statistics overview: the organisation's datasets, waiting uploads and releases."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from mechelen.web.statistics import policy
from mechelen.web.statistics.datasets import actions
from mechelen.web.tenancy.access import access_of
from mechelen.web.tenancy.models import Organisation
from mechelen.web.tenancy.scoping import organisation_view


@organisation_view(policy.can_view)
def overview(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    access = access_of(request)
    can_prepare = policy.can_prepare(access, organisation)
    return render(
        request,
        "statistics/overview.html",
        {
            "organisation": organisation,
            "datasets": policy.visible_datasets(access, organisation).select_related("last_job"),
            "releases": policy.visible_releases(access, organisation),
            "uploads": actions.waiting_uploads(organisation) if can_prepare else [],
            "can_prepare": can_prepare,
            "can_approve": policy.can_approve(access, organisation),
        },
    )
