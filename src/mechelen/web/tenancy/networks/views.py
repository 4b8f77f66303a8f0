"""A network's analysts keep its list of member cities and regions."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mechelen.web.tenancy import policy
from mechelen.web.tenancy.access import access_of, require
from mechelen.web.tenancy.lookup import network_named
from mechelen.web.tenancy.models import Organisation
from mechelen.web.tenancy.networks import actions
from mechelen.web.tenancy.networks.forms import NetworkMemberForm
from mechelen.web.tenancy.roles import OrganisationStatus


@login_required
def network_members(request: HttpRequest, slug: str) -> HttpResponse:
    network = network_named(slug)
    require(policy.can_manage_network_members(access_of(request), network))
    form = NetworkMemberForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        actions.add_network_member(request.user, network, form.cleaned_data["organisation"])
        messages.success(request, _("Member added."))
        return redirect("networks:members", slug=slug)
    return render(
        request,
        "tenancy/network_members.html",
        {
            "network": network,
            "members": network.members.all(),
            "form": form,
            "requests": network.join_requests.exclude(status=OrganisationStatus.REJECTED),
        },
    )


@login_required
@require_POST
def join_answer(request: HttpRequest, slug: str, member: str) -> HttpResponse:
    """Approve (the organisation becomes public and joins) or decline a request to join."""
    network = network_named(slug)
    require(policy.can_manage_network_members(access_of(request), network))
    organisation = get_object_or_404(
        Organisation.objects.exclude(status=OrganisationStatus.REJECTED),
        slug=member,
        requested_network=network,
    )
    approve = request.POST.get("answer") == "approve"
    actions.answer_join_request(request.user, network, organisation, approve)
    if approve:
        messages.success(
            request, _("{name} is approved and joins the network.").format(name=organisation.name)
        )
    else:
        messages.success(
            request, _("The request of {name} is declined.").format(name=organisation.name)
        )
    return redirect("networks:members", slug=slug)


@login_required
@require_POST
def network_member_remove(request: HttpRequest, slug: str, member: str) -> HttpResponse:
    network = network_named(slug)
    require(policy.can_manage_network_members(access_of(request), network))
    organisation = get_object_or_404(Organisation, slug=member, networks=network)
    actions.remove_network_member(request.user, network, organisation)
    messages.success(request, _("Member removed."))
    return redirect("networks:members", slug=slug)
