"""A network's analysts keep its list of member cities and regions."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mechelen.web.tenancy import actions, policy
from mechelen.web.tenancy.access import access_of, require
from mechelen.web.tenancy.forms import NetworkMemberForm
from mechelen.web.tenancy.lookup import network_named
from mechelen.web.tenancy.models import Organisation


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
        {"network": network, "members": network.members.all(), "form": form},
    )


@login_required
@require_POST
def network_member_remove(request: HttpRequest, slug: str, member: str) -> HttpResponse:
    network = network_named(slug)
    require(policy.can_manage_network_members(access_of(request), network))
    organisation = get_object_or_404(Organisation, slug=member, networks=network)
    actions.remove_network_member(request.user, network, organisation)
    messages.success(request, _("Member removed."))
    return redirect("networks:members", slug=slug)
