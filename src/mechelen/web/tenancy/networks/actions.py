"""Networks and their member lists: created, members added and removed by the network's
analysts, requests to join answered; all audited."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from mechelen.web.audit.log import record
from mechelen.web.tenancy.models import Membership, Network, Organisation
from mechelen.web.tenancy.moderation.actions import approve_organisation
from mechelen.web.tenancy.roles import Role


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
def add_network_member(actor: Any, network: Network, organisation: Organisation) -> None:
    network.members.add(organisation)
    record(actor, "network.member.add", network, organisation, {"network": network.slug})


@transaction.atomic
def remove_network_member(actor: Any, network: Network, organisation: Organisation) -> None:
    network.members.remove(organisation)
    record(actor, "network.member.remove", network, organisation, {"network": network.slug})


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
