"""Organisations and networks: public profiles."""

from __future__ import annotations

import datetime

from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema

from mechelen.web.tenancy.models import Network, Organisation

router = Router(tags=["organisations"])


class OrganisationOut(Schema):
    slug: str
    name: str
    country: str
    level: str
    population: int | None
    population_year: int | None
    migration_roles: list[str]
    statistical_code: str
    endorsed_on: datetime.date | None
    fictional: bool


class NetworkOut(Schema):
    slug: str
    name: str
    description: str
    members: list[str]


@router.get("/", response=list[OrganisationOut])
def list_organisations(request: HttpRequest) -> list[Organisation]:
    return list(Organisation.objects.all())


@router.get("/{slug}", response=OrganisationOut)
def get_organisation(request: HttpRequest, slug: str) -> Organisation:
    return get_object_or_404(Organisation, slug=slug)


networks = Router(tags=["networks"])


@networks.get("/", response=list[NetworkOut])
def list_networks(request: HttpRequest) -> list[dict[str, object]]:
    return [
        {
            "slug": n.slug,
            "name": n.name,
            "description": n.description,
            "members": [m.slug for m in n.members.all()],
        }
        for n in Network.objects.prefetch_related("members")
    ]
