"""The public portal: what anyone may see, published content only."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from mechelen.web.commitments.models import CommitmentStatus
from mechelen.web.portal.sections import city_sections, network_sections
from mechelen.web.tenancy.access import access_of
from mechelen.web.tenancy.lookup import network_named, organisation_named
from mechelen.web.tenancy.models import Network, approved_organisations
from mechelen.web.tenancy.policy import can_manage_network_members
from mechelen.web.tenancy.roles import MigrationRole, OrganisationStatus


def home(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "portal/home.html",
        {
            "organisations": approved_organisations(),
            "networks": Network.objects.all(),
            "endorsed": approved_organisations().exclude(endorsed_on=None).count(),
        },
    )


def city(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = organisation_named(slug)
    public = organisation.commitments.filter(public=True)
    return render(
        request,
        "portal/city.html",
        {
            "organisation": organisation,
            "commitments": public,
            "achieved": public.filter(status=CommitmentStatus.ACHIEVED).count(),
            "migration_roles": [MigrationRole(r).label for r in organisation.migration_roles],
            "sections": city_sections(request, organisation),
        },
    )


def network(request: HttpRequest, slug: str) -> HttpResponse:
    found = network_named(slug)
    members = found.members.filter(status=OrganisationStatus.APPROVED)
    return render(
        request,
        "portal/network.html",
        {
            "network": found,
            "members": members,
            "endorsed": sum(1 for m in members if m.endorsed),
            "sections": network_sections(request, found),
            "can_manage_members": can_manage_network_members(access_of(request), found),
        },
    )
