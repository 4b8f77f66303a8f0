"""A network's analysts keep its list of member cities and regions, and answer the requests
of pending organisations to join it."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from mechelen.web.tenancy import policy
from mechelen.web.tenancy.models import Network, Organisation
from mechelen.web.tenancy.networks import actions
from mechelen.web.tenancy.networks.forms import NetworkMemberForm
from mechelen.web.tenancy.roles import OrganisationStatus
from mechelen.web.tenancy.scoping import network_view


@network_view(policy.can_manage_network_members)
def network_members(request: HttpRequest, network: Network) -> HttpResponse:
    form = NetworkMemberForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        actions.add_network_member(request.user, network, form.cleaned_data["organisation"])
        messages.success(request, _("Member added."))
        return redirect("networks:members", slug=network.slug)
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


@network_view(policy.can_manage_network_members, post_only=True)
def join_answer(request: HttpRequest, network: Network, member: str) -> HttpResponse:
    """Approve (the organisation becomes public and joins) or decline a request to join."""
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
    return redirect("networks:members", slug=network.slug)


@network_view(policy.can_manage_network_members, post_only=True)
def network_member_remove(request: HttpRequest, network: Network, member: str) -> HttpResponse:
    organisation = get_object_or_404(Organisation, slug=member, networks=network)
    actions.remove_network_member(request.user, network, organisation)
    messages.success(request, _("Member removed."))
    return redirect("networks:members", slug=network.slug)
