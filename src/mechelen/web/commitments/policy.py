"""Who may see and change an organisation's commitments."""

from __future__ import annotations

from django.db.models import QuerySet

from mechelen.web.commitments.models import Commitment
from mechelen.web.tenancy.access import Access
from mechelen.web.tenancy.models import Organisation
from mechelen.web.tenancy.roles import Role

#: roles that see every commitment, also those not shown publicly
VIEW_ALL = frozenset({Role.ADMINISTRATOR, Role.COORDINATOR, Role.DATA_STEWARD, Role.VIEWER})
EDIT = frozenset({Role.ADMINISTRATOR, Role.COORDINATOR})


def can_view_all(access: Access, organisation: Organisation) -> bool:
    return access.holds(organisation, VIEW_ALL)


def can_edit(access: Access, organisation: Organisation) -> bool:
    return access.holds(organisation, EDIT)


def visible_commitments(access: Access, organisation: Organisation) -> QuerySet[Commitment]:
    """The organisation's commitments this person may see: all of them for the roles that
    see every commitment, the public ones for everyone else."""
    found = organisation.commitments.all()
    return found if can_view_all(access, organisation) else found.filter(public=True)


def public_commitments(organisations: QuerySet[Organisation]) -> QuerySet[Commitment]:
    """The commitments anyone may see of many organisations at once (what
    :func:`visible_commitments` gives a visitor, for each of them): the public ones."""
    return Commitment.objects.filter(organisation__in=organisations, public=True)
