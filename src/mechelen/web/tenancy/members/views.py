"""An organisation's members: their roles, invitations to new ones, roles taken away."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mechelen.web.tenancy import policy
from mechelen.web.tenancy.access import access_of, require
from mechelen.web.tenancy.lookup import organisation_named
from mechelen.web.tenancy.members import actions, invitations
from mechelen.web.tenancy.members.forms import InviteForm
from mechelen.web.tenancy.models import Invitation, Membership


@login_required
def members(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = organisation_named(slug)
    require(policy.can_manage_members(access_of(request), organisation))
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        invitations.invite(
            request.user,
            organisation,
            data["invited"],
            data["role"],
            invitations.links_from(request),
        )
        # the same words whether or not the name or address belongs to an account
        messages.success(
            request,
            _("Invitation recorded for {invited}. They hold the role once they accept it.").format(
                invited=data["invited"].strip()
            ),
        )
        return redirect("tenancy:members", slug=slug)
    held = organisation.memberships.select_related("user").order_by("user__username", "role")
    sent = organisation.invitations.select_related("invited_by")[:100]
    return render(
        request,
        "tenancy/members.html",
        {
            "organisation": organisation,
            "form": form,
            "memberships": held,
            "invitations": sent,
            "now": timezone.now(),
        },
    )


@login_required
@require_POST
def invitation_revoke(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    organisation = organisation_named(slug)
    require(policy.can_manage_members(access_of(request), organisation))
    invitation = get_object_or_404(Invitation, pk=pk, organisation=organisation)
    try:
        invitations.revoke(request.user, invitation)
    except invitations.InvitationClosed:
        messages.error(request, _("This invitation was already answered or withdrawn."))
    else:
        messages.success(request, _("Invitation withdrawn."))
    return redirect("tenancy:members", slug=slug)


@login_required
@require_POST
def member_remove(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    organisation = organisation_named(slug)
    require(policy.can_manage_members(access_of(request), organisation))
    membership = get_object_or_404(Membership, pk=pk, organisation=organisation)
    try:
        actions.take_role(request.user, membership)
    except actions.LastAdministrator:
        messages.error(request, _("An organisation keeps at least one administrator."))
    else:
        messages.success(request, _("Role taken away."))
    return redirect("tenancy:members", slug=slug)
