"""Link a round's invitation to the account of the person who accepted the respondent role."""

from __future__ import annotations

from typing import Any

from mechelen.web.assessments.models import Invitation


def link_respondent(sender: Any, invitation: Any, user: Any, **_: Any) -> None:
    """The round invitations made with this offer now answer with ``user``'s account (the
    acceptance is audited as ``invitation.accept``)."""
    for item in Invitation.objects.filter(membership_invitation=invitation, user__isnull=True):
        if not Invitation.objects.filter(round=item.round_id, user=user).exists():
            Invitation.objects.filter(pk=item.pk).update(user=user)


def connect() -> None:
    from mechelen.web.tenancy.signals import invitation_accepted

    invitation_accepted.connect(link_respondent, dispatch_uid="assessments.link_respondent")
