"""The public portal: what anyone may see, published content only. Each page shows what a
visitor sees (``VISITOR``), whoever is logged in."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from mechelen.web.commitments.models import CommitmentStatus
from mechelen.web.commitments.policy import visible_commitments
from mechelen.web.portal.sections import city_sections, network_sections
from mechelen.web.tenancy.access import VISITOR, access_of
from mechelen.web.tenancy.models import Network, Organisation
from mechelen.web.tenancy.policy import can_manage_network_members, visible_organisations
from mechelen.web.tenancy.roles import MigrationRole
from mechelen.web.tenancy.scoping import network_view, organisation_view


def home(request: HttpRequest) -> HttpResponse:
    public = visible_organisations(VISITOR)
    return render(
        request,
        "portal/home.html",
        {
            "organisations": public,
            "networks": Network.objects.all(),
            "endorsed": public.exclude(endorsed_on=None).count(),
        },
    )


@organisation_view(None, public=True)
def city(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    public = visible_commitments(VISITOR, organisation)
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


@network_view(None, public=True)
def network(request: HttpRequest, found: Network) -> HttpResponse:
    members = visible_organisations(VISITOR).filter(networks=found)
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
