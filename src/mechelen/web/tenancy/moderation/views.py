"""The platform administrators' page: self-registered organisations to approve or reject."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mechelen.web.tenancy import policy
from mechelen.web.tenancy.access import access_of, require
from mechelen.web.tenancy.lookup import organisation_named
from mechelen.web.tenancy.models import Organisation
from mechelen.web.tenancy.moderation import actions
from mechelen.web.tenancy.roles import OrganisationStatus


@login_required
def organisations(request: HttpRequest) -> HttpResponse:
    require(policy.can_moderate(access_of(request)))
    waiting = Organisation.objects.select_related("requested_network").order_by("created_at")
    return render(
        request,
        "tenancy/platform_organisations.html",
        {
            "pending": waiting.filter(status=OrganisationStatus.PENDING),
            "rejected": waiting.filter(status=OrganisationStatus.REJECTED),
        },
    )


@login_required
@require_POST
def approve(request: HttpRequest, slug: str) -> HttpResponse:
    return _decide(
        request,
        slug,
        actions.approve_organisation,
        _("{name} is already approved."),
        _("{name} is approved."),
    )


@login_required
@require_POST
def reject(request: HttpRequest, slug: str) -> HttpResponse:
    return _decide(
        request,
        slug,
        actions.reject_organisation,
        _("Only a pending organisation can be rejected."),
        _("{name} is rejected."),
    )


def _decide(
    request: HttpRequest,
    slug: str,
    decide: Callable[[Any, Organisation], None],
    refusal: str,
    done: str,
) -> HttpResponse:
    """Apply a platform administrator's decision on the organisation ``slug`` names; it is
    refused when the organisation is not pending. Only a platform administrator learns
    whether the organisation exists."""
    require(policy.can_moderate(access_of(request)))
    organisation = organisation_named(slug)
    try:
        decide(request.user, organisation)
    except actions.NotPending:
        messages.error(request, refusal.format(name=organisation.name))
    else:
        messages.success(request, done.format(name=organisation.name))
    return redirect("platform:organisations")
