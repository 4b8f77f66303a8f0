"""The statistics overview: the organisation's datasets, waiting uploads and releases."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from mechelen.web.statistics import policy
from mechelen.web.statistics.datasets import actions
from mechelen.web.statistics.models import Dataset
from mechelen.web.tenancy.access import access_of, require
from mechelen.web.tenancy.lookup import organisation_named


@login_required
def overview(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = organisation_named(slug)
    access = access_of(request)
    require(policy.can_view(access, organisation))
    can_prepare = policy.can_prepare(access, organisation)
    return render(
        request,
        "statistics/overview.html",
        {
            "organisation": organisation,
            "datasets": Dataset.objects.filter(organisation=organisation).select_related(
                "last_job"
            ),
            "releases": policy.releases_visible_to(access, organisation),
            "uploads": actions.waiting_uploads(organisation) if can_prepare else [],
            "can_prepare": can_prepare,
            "can_approve": policy.can_approve(access, organisation),
        },
    )
