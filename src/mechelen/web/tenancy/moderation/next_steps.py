"""Next steps of the approval of self-registered organisations: for the platform's
administrators, the networks' analysts, and the administrators of a pending organisation."""

from __future__ import annotations

from collections.abc import Iterator

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from mechelen.web.tenancy import policy
from mechelen.web.tenancy.models import Network, Organisation
from mechelen.web.tenancy.next_steps import Home, NextStep, Urgency
from mechelen.web.tenancy.roles import OrganisationStatus, Role


def organisations_to_approve(home: Home) -> Iterator[NextStep]:
    """A platform administrator: how many organisations wait for approval (one query)."""
    if not home.personal or not policy.can_moderate(home.access):
        return
    waiting = Organisation.objects.filter(status=OrganisationStatus.PENDING).count()
    if waiting:
        yield NextStep(
            title=ngettext(
                "Approve or reject {count} organisation",
                "Approve or reject {count} organisations",
                waiting,
            ).format(count=waiting),
            why=ngettext(
                "It registered itself and stays out of public sight until it is approved.",
                "They registered themselves and stay out of public sight until they are approved.",
                waiting,
            ),
            url=reverse("platform:organisations"),
            urgency=Urgency.DUE,
            count=waiting,
        )


def join_requests(home: Home) -> Iterator[NextStep]:
    """A network analyst: the pending organisations asking to join their networks (one query)."""
    analysed = sorted(
        n for n, roles in home.access.network_roles.items() if Role.NETWORK_ANALYST in roles
    )
    if not home.personal or not analysed:
        return
    networks = Network.objects.filter(pk__in=analysed).annotate(
        waiting=Count("join_requests", filter=Q(join_requests__status=OrganisationStatus.PENDING))
    )
    for network in networks:
        if network.waiting:
            yield NextStep(
                title=ngettext(
                    "Answer {count} request to join {network}",
                    "Answer {count} requests to join {network}",
                    network.waiting,
                ).format(count=network.waiting, network=network.name),
                why=_(
                    "Approving a pending organisation adds it to your network's members and "
                    "makes it public."
                ),
                url=reverse("networks:members", kwargs={"slug": network.slug}),
                urgency=Urgency.DUE,
                count=network.waiting,
            )


def own_approval(home: Home) -> Iterator[NextStep]:
    """The administrators of a pending organisation: ask a network to approve it, or wait."""
    for organisation in home.where(policy.can_edit_profile):
        if organisation.status != OrganisationStatus.PENDING:
            continue
        url = reverse("tenancy:workspace", kwargs={"slug": organisation.slug})
        if organisation.requested_network_id is None:
            yield NextStep(
                title=_("Ask a network to approve {organisation}").format(
                    organisation=organisation.name
                ),
                why=_(
                    "Your organisation stays out of public sight until a network's analysts "
                    "or a platform administrator approve it."
                ),
                url=url + "#join-network",
                urgency=Urgency.TODO,
                organisation=organisation,
            )
        else:
            yield NextStep(
                title=_("{organisation} waits for approval").format(organisation=organisation.name),
                why=_(
                    "Your request to join a network is sent; a platform administrator may "
                    "approve it too."
                ),
                url=url + "#join-network",
                urgency=Urgency.INFO,
                organisation=organisation,
            )
