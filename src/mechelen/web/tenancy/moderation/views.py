"""The platform administrators' page: self-registered organisations to approve or reject."""

from __future__ import annotations

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
    require(policy.can_moderate(access_of(request)))
    organisation = organisation_named(slug)
    try:
        actions.approve_organisation(request.user, organisation)
    except actions.NotPending:
        messages.error(request, _("{name} is already approved.").format(name=organisation.name))
    else:
        messages.success(request, _("{name} is approved.").format(name=organisation.name))
    return redirect("platform:organisations")


@login_required
@require_POST
def reject(request: HttpRequest, slug: str) -> HttpResponse:
    require(policy.can_moderate(access_of(request)))
    organisation = organisation_named(slug)
    try:
        actions.reject_organisation(request.user, organisation)
    except actions.NotPending:
        messages.error(request, _("Only a pending organisation can be rejected."))
    else:
        messages.success(request, _("{name} is rejected.").format(name=organisation.name))
    return redirect("platform:organisations")
