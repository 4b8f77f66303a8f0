"""Who may see and change an organisation's profile, members and audit log; which
organisations a person may see at all."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from mechelen.web.tenancy.access import Access
from mechelen.web.tenancy.models import Network, Organisation
from mechelen.web.tenancy.roles import ORGANISATION_ROLES, OrganisationStatus, Role

#: anyone with a role may open the organisation's workspace (and sees what their role allows)
OPEN_WORKSPACE = frozenset(ORGANISATION_ROLES)
EDIT_PROFILE = frozenset({Role.ADMINISTRATOR})
MANAGE_MEMBERS = frozenset({Role.ADMINISTRATOR})
READ_AUDIT_LOG = frozenset({Role.ADMINISTRATOR})


def can_open_workspace(access: Access, organisation: Organisation) -> bool:
    return access.holds(organisation, OPEN_WORKSPACE)


def can_edit_profile(access: Access, organisation: Organisation) -> bool:
    return access.holds(organisation, EDIT_PROFILE)


def can_manage_members(access: Access, organisation: Organisation) -> bool:
    return access.holds(organisation, MANAGE_MEMBERS)


def can_read_audit_log(access: Access, organisation: Organisation) -> bool:
    return access.holds(organisation, READ_AUDIT_LOG)


def can_manage_network_members(access: Access, network: Network) -> bool:
    """A network's analysts keep its list of member cities and regions."""
    return access.analyses(network)


def can_moderate(access: Access) -> bool:
    """Platform administrators approve or reject self-registered organisations."""
    return access.platform_admin


def can_answer_join_request(access: Access, organisation: Organisation) -> bool:
    """The analysts of the network a pending organisation asks to join may approve it."""
    network_id = organisation.requested_network_id
    return network_id is not None and access.analyses(network_id)


def can_see(access: Access, organisation: Organisation) -> bool:
    """An approved organisation is public; a pending or rejected one is seen only by its
    own people, the platform administrators and the analysts of the network it asks to join."""
    return (
        organisation.approved
        or access.works_in(organisation)
        or access.platform_admin
        or can_answer_join_request(access, organisation)
    )


def visible_organisations(access: Access) -> QuerySet[Organisation]:
    """The organisations this person may see, by the rule of :func:`can_see`: the approved
    ones, and the pending or rejected ones they work in or that ask to join a network they
    analyse; every one for a platform administrator. A visitor's
    (``visible_organisations(VISITOR)``) are what the public pages and lists show."""
    if access.platform_admin:
        return Organisation.objects.all()
    seen = Q(status=OrganisationStatus.APPROVED)
    if access.organisation_roles:
        seen |= Q(pk__in=sorted(access.organisation_roles))
    analysed = sorted(
        n for n, roles in access.network_roles.items() if Role.NETWORK_ANALYST in roles
    )
    if analysed:
        seen |= Q(requested_network__in=analysed)
    return Organisation.objects.filter(seen)
