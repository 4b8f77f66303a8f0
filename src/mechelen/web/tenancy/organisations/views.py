"""An organisation's own pages in its private workspace: the overview, the profile and the
endorsement, the request to join a network, the audit log."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mechelen.web.commitments import policy as commitment_policy
from mechelen.web.tenancy import policy
from mechelen.web.tenancy.access import access_of, require
from mechelen.web.tenancy.lookup import organisation_named
from mechelen.web.tenancy.organisations import actions
from mechelen.web.tenancy.organisations.forms import (
    EndorsementForm,
    JoinNetworkForm,
    OrganisationForm,
)


@login_required
def workspace(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = organisation_named(slug)
    access = access_of(request)
    require(policy.can_open_workspace(access, organisation))
    return render(
        request,
        "tenancy/workspace.html",
        {
            "organisation": organisation,
            "roles": sorted(access.roles_in(organisation)),
            "can_edit_profile": policy.can_edit_profile(access, organisation),
            "can_manage_members": policy.can_manage_members(access, organisation),
            "can_read_audit_log": policy.can_read_audit_log(access, organisation),
            "can_view_commitments": commitment_policy.can_view_all(access, organisation),
            "join_form": JoinNetworkForm(
                initial={"network": getattr(organisation.requested_network, "slug", None)}
            ),
        },
    )


@login_required
@require_POST
def join_network(request: HttpRequest, slug: str) -> HttpResponse:
    """A pending organisation asks a network to approve it (or withdraws its request)."""
    organisation = organisation_named(slug)
    require(policy.can_edit_profile(access_of(request), organisation))
    form = JoinNetworkForm(request.POST)
    if form.is_valid():
        network = form.cleaned_data["network"]
        actions.request_network(request.user, organisation, network)
        if network is not None:
            messages.success(request, _("Your request is sent to the network's analysts."))
        else:
            messages.success(request, _("Your request to join a network is withdrawn."))
    return redirect("tenancy:workspace", slug=slug)


@login_required
def profile(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = organisation_named(slug)
    require(policy.can_edit_profile(access_of(request), organisation))
    form = OrganisationForm(request.POST or None, instance=organisation)
    endorsement = EndorsementForm(initial={"endorsed_on": organisation.endorsed_on})
    if request.method == "POST" and form.is_valid():
        actions.update_profile(request.user, organisation, form.cleaned_data)
        messages.success(request, _("Profile saved."))
        return redirect("tenancy:workspace", slug=slug)
    return render(
        request,
        "tenancy/profile.html",
        {"organisation": organisation, "form": form, "endorsement": endorsement},
    )


@login_required
@require_POST
def endorse(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = organisation_named(slug)
    require(policy.can_edit_profile(access_of(request), organisation))
    if request.POST.get("withdraw"):
        actions.endorse(request.user, organisation, None)
        messages.success(request, _("Endorsement withdrawn."))
    else:
        form = EndorsementForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Give the date of endorsement."))
            return redirect("tenancy:profile", slug=slug)
        actions.endorse(request.user, organisation, form.cleaned_data["endorsed_on"])
        messages.success(request, _("Endorsement of the Declaration recorded."))
    return redirect("tenancy:workspace", slug=slug)


@login_required
def audit_log(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = organisation_named(slug)
    require(policy.can_read_audit_log(access_of(request), organisation))
    entries = organisation.audit_log.select_related("actor")
    page = Paginator(entries, 50).get_page(request.GET.get("page"))
    return render(request, "tenancy/audit_log.html", {"organisation": organisation, "page": page})
