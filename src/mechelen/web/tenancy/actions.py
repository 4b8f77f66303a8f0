"""Registering and approving organisations, editing profiles, endorsing, changing and taking
roles, networks' member lists; all audited. Roles are offered through invitations
(:mod:`mechelen.web.tenancy.invitation_actions`)."""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction

from mechelen.web.audit.log import record
from mechelen.web.tenancy.models import PROFILE_FIELDS, Membership, Network, Organisation
from mechelen.web.tenancy.roles import PLATFORM_ADMINISTRATORS, OrganisationStatus, Role


@transaction.atomic
def register_organisation(data: dict[str, Any]) -> tuple[Organisation, Any]:
    """Create the organisation, pending approval, and its first administrator's account."""
    user = get_user_model().objects.create_user(
        username=data["username"], email=data["email"], password=data["password"]
    )
    organisation = Organisation.objects.create(
        slug=data["slug"],
        status=OrganisationStatus.PENDING,
        requested_network=data.get("requested_network"),
        **{f: data[f] for f in PROFILE_FIELDS if f in data},
    )
    Membership.objects.create(user=user, organisation=organisation, role=Role.ADMINISTRATOR)
    details = {f: data.get(f) for f in PROFILE_FIELDS}
    details["requested_network"] = getattr(organisation.requested_network, "slug", None)
    record(user, "organisation.register", organisation, organisation, details)
    return organisation, user


class NotPending(Exception):
    """Only a pending (or, for a platform administrator, rejected) organisation is decided."""


@transaction.atomic
def approve_organisation(actor: Any, organisation: Organisation, by: str = "platform") -> None:
    """Make the organisation public (``by``: "platform", or a network's slug)."""
    stored = Organisation.objects.select_for_update().get(pk=organisation.pk)
    if stored.status == OrganisationStatus.APPROVED:
        raise NotPending
    stored.status = OrganisationStatus.APPROVED
    stored.save(update_fields=["status"])
    organisation.status = stored.status
    record(actor, "organisation.approve", stored, stored, {"by": by})


@transaction.atomic
def reject_organisation(actor: Any, organisation: Organisation) -> None:
    """A platform administrator refuses a pending organisation: it stays out of sight."""
    stored = Organisation.objects.select_for_update().get(pk=organisation.pk)
    if stored.status != OrganisationStatus.PENDING:
        raise NotPending
    stored.status = OrganisationStatus.REJECTED
    stored.requested_network = None
    stored.save(update_fields=["status", "requested_network"])
    organisation.status = stored.status
    record(actor, "organisation.reject", stored, stored, {"by": "platform"})


@transaction.atomic
def request_network(actor: Any, organisation: Organisation, network: Network | None) -> None:
    """The organisation asks to join ``network`` (``None`` withdraws the request)."""
    organisation.requested_network = network
    organisation.save(update_fields=["requested_network"])
    record(
        actor,
        "network.join.request",
        organisation,
        organisation,
        {"network": getattr(network, "slug", None)},
    )


@transaction.atomic
def answer_join_request(
    actor: Any, network: Network, organisation: Organisation, approve: bool
) -> None:
    """A network's analyst approves (the organisation becomes public and joins) or declines."""
    organisation.requested_network = None
    organisation.save(update_fields=["requested_network"])
    if approve:
        if not organisation.approved:
            approve_organisation(actor, organisation, by=network.slug)
        network.members.add(organisation)
    action = "network.join.approve" if approve else "network.join.decline"
    record(actor, action, network, organisation, {"network": network.slug})


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


class NotAMember(Exception):
    """A role is only given to a person who already holds one here (others are invited)."""


@transaction.atomic
def give_member_role(actor: Any, organisation: Organisation, user: Any, role: str) -> Membership:
    """Another role for a person who already works in the organisation (they accepted an
    invitation once); anyone else gets an invitation instead."""
    if not Membership.objects.filter(user=user, organisation=organisation).exists():
        raise NotAMember
    membership, _ = Membership.objects.get_or_create(
        user=user, organisation=organisation, role=role
    )
    record(
        actor,
        "membership.give",
        membership,
        organisation,
        {"user": user.get_username(), "role": role},
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


@transaction.atomic
def set_platform_admin(actor: Any, user: Any, admin: bool) -> None:
    """Make ``user`` a platform administrator (or no longer one): they approve organisations."""
    from django.contrib.auth.models import Group

    group, _ = Group.objects.get_or_create(name=PLATFORM_ADMINISTRATORS)
    if admin:
        user.groups.add(group)
    else:
        user.groups.remove(group)
    action = "platform_admin.grant" if admin else "platform_admin.revoke"
    record(actor, action, None, None, {"user": user.get_username()})
