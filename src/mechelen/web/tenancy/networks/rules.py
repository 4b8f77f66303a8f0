"""A network's members are approved organisations only, whichever way they are added.

Networks see their members' shared data, and their lists are public: a pending or rejected
organisation joining one would be seen. Approving a join request approves it first.
"""

from __future__ import annotations

from typing import Any

from mechelen.web.tenancy.models import Network, Organisation
from mechelen.web.tenancy.roles import OrganisationStatus


class NotApproved(ValueError):
    """Only an approved organisation may join a network."""


def only_approved_members(
    sender: Any, instance: Any, action: str, reverse: bool, pk_set: set[int] | None, **_: Any
) -> None:
    if action != "pre_add" or not pk_set:
        return
    if reverse:  # organisation.networks.add(...)
        if isinstance(instance, Organisation) and instance.status != OrganisationStatus.APPROVED:
            raise NotApproved(instance.slug)
        return
    waiting = Organisation.objects.filter(pk__in=pk_set).exclude(status=OrganisationStatus.APPROVED)
    if waiting.exists():
        raise NotApproved(", ".join(waiting.values_list("slug", flat=True)))


def connect() -> None:
    from django.db.models.signals import m2m_changed

    m2m_changed.connect(
        only_approved_members, sender=Network.members.through, dispatch_uid="only_approved"
    )
