"""Taking a role away from a member (audited); an organisation keeps one administrator.
Roles are offered through invitations (:mod:`mechelen.web.tenancy.members.invitations`)."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from mechelen.web.audit.log import record
from mechelen.web.tenancy.models import Membership
from mechelen.web.tenancy.roles import Role


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
