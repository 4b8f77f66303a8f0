"""Who may see and change an organisation's commitments."""

from __future__ import annotations

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
