"""The platform administrators' decisions: approving or rejecting a self-registered
organisation, and who is a platform administrator; all audited."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from mechelen.web.audit.log import record
from mechelen.web.tenancy.models import Organisation
from mechelen.web.tenancy.roles import PLATFORM_ADMINISTRATORS, OrganisationStatus


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
