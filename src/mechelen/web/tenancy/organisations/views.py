"""An organisation's own pages in its private workspace: the overview, the profile and the
endorsement, the request to join a network, the audit log. The workspace's menu comes from
the links each app registers (:mod:`~mechelen.web.tenancy.workspace_links`)."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from mechelen.web.tenancy import policy
from mechelen.web.tenancy.access import access_of
from mechelen.web.tenancy.models import Organisation
from mechelen.web.tenancy.next_steps import grouped, home_of, next_steps
from mechelen.web.tenancy.organisations import actions
from mechelen.web.tenancy.organisations.forms import (
    EndorsementForm,
    JoinNetworkForm,
    OrganisationForm,
)
from mechelen.web.tenancy.scoping import organisation_view


@organisation_view(policy.can_open_workspace)
def workspace(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    access = access_of(request)
    steps = next_steps(home_of(request, organisation))
    return render(
        request,
        "tenancy/workspace.html",
        {
            "organisation": organisation,
            "groups": grouped(steps),
            "roles": sorted(access.roles_in(organisation)),
            "can_edit_profile": policy.can_edit_profile(access, organisation),
            "join_form": JoinNetworkForm(
                initial={"network": getattr(organisation.requested_network, "slug", None)}
            ),
        },
    )


@organisation_view(policy.can_edit_profile, post_only=True)
def join_network(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    """A pending organisation asks a network to approve it (or withdraws its request)."""
    form = JoinNetworkForm(request.POST)
    if form.is_valid():
        network = form.cleaned_data["network"]
        actions.request_network(request.user, organisation, network)
        if network is not None:
            messages.success(request, _("Your request is sent to the network's analysts."))
        else:
            messages.success(request, _("Your request to join a network is withdrawn."))
    return redirect("tenancy:workspace", slug=organisation.slug)


@organisation_view(policy.can_edit_profile)
def profile(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    form = OrganisationForm(request.POST or None, instance=organisation)
    endorsement = EndorsementForm(initial={"endorsed_on": organisation.endorsed_on})
    if request.method == "POST" and form.is_valid():
        actions.update_profile(request.user, organisation, form.cleaned_data)
        messages.success(request, _("Profile saved."))
        return redirect("tenancy:workspace", slug=organisation.slug)
    return render(
        request,
        "tenancy/profile.html",
        {"organisation": organisation, "form": form, "endorsement": endorsement},
    )


@organisation_view(policy.can_edit_profile, post_only=True)
def endorse(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    if request.POST.get("withdraw"):
        actions.endorse(request.user, organisation, None)
        messages.success(request, _("Endorsement withdrawn."))
    else:
        form = EndorsementForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Give the date of endorsement."))
            return redirect("tenancy:profile", slug=organisation.slug)
        actions.endorse(request.user, organisation, form.cleaned_data["endorsed_on"])
        messages.success(request, _("Endorsement of the Declaration recorded."))
    return redirect("tenancy:workspace", slug=organisation.slug)


@organisation_view(policy.can_read_audit_log)
def audit_log(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    entries = organisation.audit_log.select_related("actor")
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    return render(request, "tenancy/audit_log.html", {"organisation": organisation, "page": page})
