"""Organisations and networks: public profiles; administrators change their organisation's."""

from __future__ import annotations

import datetime

from django.db.models import Prefetch
from ninja import Router, Schema

from mechelen.web.api.forms import checked
from mechelen.web.tenancy import policy
from mechelen.web.tenancy.access import VISITOR
from mechelen.web.tenancy.models import PROFILE_FIELDS, Network, Organisation
from mechelen.web.tenancy.organisations import actions
from mechelen.web.tenancy.organisations.forms import OrganisationForm
from mechelen.web.tenancy.scoping import ApiRequest, api_organisation

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
    #: approved; pending or rejected ones are seen only by their own people
    status: str


class ProfileChange(Schema):
    """The fields to change (others stay as they are); ``endorsed_on: null`` withdraws."""

    name: str | None = None
    #: ISO 3166-1 alpha-3 code, e.g. BEL
    country: str | None = None
    #: local, metropolitan or regional
    level: str | None = None
    population: int | None = None
    population_year: int | None = None
    #: among origin, transit, destination and return
    migration_roles: list[str] | None = None
    statistical_code: str | None = None
    #: the date the Declaration was endorsed
    endorsed_on: datetime.date | None = None


class NetworkOut(Schema):
    slug: str
    name: str
    description: str
    members: list[str]


@router.get("/", response=list[OrganisationOut])
def list_organisations(request: ApiRequest) -> list[Organisation]:
    """The approved organisations (a self-registered one waits for approval)."""
    return list(policy.visible_organisations(VISITOR))


@router.get("/{slug}", response=OrganisationOut)
def get_organisation(request: ApiRequest, slug: str) -> Organisation:
    return api_organisation(request, slug)


@router.patch("/{slug}", response=OrganisationOut)
def change_profile(request: ApiRequest, slug: str, payload: ProfileChange) -> Organisation:
    """Change the profile or the endorsement (administrators), as the profile page does."""
    organisation = api_organisation(request, slug, policy.can_edit_profile)
    changes = payload.dict(exclude_unset=True)
    data = {name: getattr(organisation, name) for name in PROFILE_FIELDS}
    data.update({k: v for k, v in changes.items() if k in PROFILE_FIELDS})
    data["migration_roles"] = data["migration_roles"] or []
    stored = Organisation.objects.get(pk=organisation.pk)
    cleaned = checked(OrganisationForm(data, instance=stored))
    if any(name in changes for name in PROFILE_FIELDS):
        actions.update_profile(request.user, organisation, cleaned)
    if "endorsed_on" in changes and changes["endorsed_on"] != organisation.endorsed_on:
        actions.endorse(request.user, organisation, changes["endorsed_on"])
    organisation.refresh_from_db()
    return organisation


networks = Router(tags=["networks"])


@networks.get("/", response=list[NetworkOut])
def list_networks(request: ApiRequest) -> list[dict[str, object]]:
    public_members = Prefetch("members", queryset=policy.visible_organisations(VISITOR))
    return [
        {
            "slug": n.slug,
            "name": n.name,
            "description": n.description,
            "members": [m.slug for m in n.members.all()],
        }
        for n in Network.objects.prefetch_related(public_members)
    ]
