"""An organisation's members: their roles, invitations to new ones, roles taken away."""

from __future__ import annotations

from collections.abc import Callable

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from mechelen.web.tenancy import policy
from mechelen.web.tenancy.members import actions, invitations
from mechelen.web.tenancy.members.forms import InviteForm
from mechelen.web.tenancy.models import Invitation, Membership, Organisation
from mechelen.web.tenancy.scoping import organisation_view


@organisation_view(policy.can_manage_members)
def members(request: HttpRequest, organisation: Organisation) -> HttpResponse:
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
        return redirect("tenancy:members", slug=organisation.slug)
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


@organisation_view(policy.can_manage_members, post_only=True)
def invitation_revoke(request: HttpRequest, organisation: Organisation, pk: int) -> HttpResponse:
    invitation = get_object_or_404(Invitation, pk=pk, organisation=organisation)
    return _change(
        request,
        organisation,
        lambda: invitations.revoke(request.user, invitation),
        invitations.InvitationClosed,
        _("This invitation was already answered or withdrawn."),
        _("Invitation withdrawn."),
    )


@organisation_view(policy.can_manage_members, post_only=True)
def member_remove(request: HttpRequest, organisation: Organisation, pk: int) -> HttpResponse:
    membership = get_object_or_404(Membership, pk=pk, organisation=organisation)
    return _change(
        request,
        organisation,
        lambda: actions.take_role(request.user, membership),
        actions.LastAdministrator,
        _("An organisation keeps at least one administrator."),
        _("Role taken away."),
    )


def _change(
    request: HttpRequest,
    organisation: Organisation,
    change: Callable[[], object],
    refused: type[Exception],
    refusal: str,
    done: str,
) -> HttpResponse:
    """Make ``change``: say ``done``, or ``refusal`` when it raises ``refused``; then back to
    the members page."""
    try:
        change()
    except refused:
        messages.error(request, refusal)
    else:
        messages.success(request, done)
    return redirect("tenancy:members", slug=organisation.slug)
