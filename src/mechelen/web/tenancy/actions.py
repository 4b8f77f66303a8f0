"""Registering organisations, editing profiles, endorsing, and giving roles; all audited."""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction

from mechelen.web.audit.log import record
from mechelen.web.tenancy.models import PROFILE_FIELDS, Membership, Network, Organisation
from mechelen.web.tenancy.roles import Role


@transaction.atomic
def register_organisation(data: dict[str, Any]) -> tuple[Organisation, Any]:
    """Create the organisation and its first administrator's account."""
    user = get_user_model().objects.create_user(
        username=data["username"], email=data["email"], password=data["password"]
    )
    organisation = Organisation.objects.create(
        slug=data["slug"], **{f: data[f] for f in PROFILE_FIELDS if f in data}
    )
    Membership.objects.create(user=user, organisation=organisation, role=Role.ADMINISTRATOR)
    record(
        user,
        "organisation.register",
        organisation,
        organisation,
        {f: data.get(f) for f in PROFILE_FIELDS},
    )
    return organisation, user


@transaction.atomic
def update_profile(actor: Any, organisation: Organisation, data: dict[str, Any]) -> None:
    stored = Organisation.objects.get(pk=organisation.pk)  # a bound form may have changed it
    changed = {f: data[f] for f in PROFILE_FIELDS if f in data and getattr(stored, f) != data[f]}
    for name, value in changed.items():
        setattr(organisation, name, value)
    organisation.save()
    record(actor, "organisation.update", organisation, organisation, changed)


@transaction.atomic
def endorse(actor: Any, organisation: Organisation, on: datetime.date | None) -> None:
    """Record the endorsement of the Declaration (``None`` withdraws it)."""
    organisation.endorsed_on = on
    organisation.save(update_fields=["endorsed_on"])
    record(
        actor,
        "organisation.endorse" if on else "organisation.withdraw",
        organisation,
        organisation,
        {"endorsed_on": on},
    )


@transaction.atomic
def give_role(actor: Any, organisation: Organisation, data: dict[str, Any]) -> Membership:
    """Give ``data['username']`` the role, creating the account when it does not exist."""
    users = get_user_model().objects
    user = users.filter(username=data["username"]).first()
    if user is None:
        user = users.create_user(
            username=data["username"], email=data.get("email", ""), password=data["password"]
        )
    membership, _ = Membership.objects.get_or_create(
        user=user, organisation=organisation, role=data["role"]
    )
    record(
        actor,
        "membership.give",
        membership,
        organisation,
        {"user": user.username, "role": data["role"]},
    )
    return membership


class LastAdministrator(Exception):
    """An organisation must keep at least one administrator."""


@transaction.atomic
def take_role(actor: Any, membership: Membership) -> None:
    organisation = membership.organisation
    administrators = Membership.objects.filter(organisation=organisation, role=Role.ADMINISTRATOR)
    if membership.role == Role.ADMINISTRATOR and administrators.count() == 1:
        raise LastAdministrator
    record(
        actor,
        "membership.take",
        membership,
        organisation,
        {"user": membership.user.username, "role": membership.role},
    )
    membership.delete()


@transaction.atomic
def add_network_member(actor: Any, network: Network, organisation: Organisation) -> None:
    network.members.add(organisation)
    record(actor, "network.member.add", network, organisation, {"network": network.slug})


@transaction.atomic
def remove_network_member(actor: Any, network: Network, organisation: Organisation) -> None:
    network.members.remove(organisation)
    record(actor, "network.member.remove", network, organisation, {"network": network.slug})


@transaction.atomic
def create_network(actor: Any, slug: str, name: str, analyst: Any | None = None) -> Network:
    """A new network, with its first network analyst (who then manages its members)."""
    network = Network.objects.create(slug=slug, name=name)
    if analyst is not None:
        Membership.objects.create(user=analyst, network=network, role=Role.NETWORK_ANALYST)
    record(
        actor,
        "network.create",
        network,
        None,
        {"slug": slug, "analyst": getattr(analyst, "username", None)},
    )
    return network
