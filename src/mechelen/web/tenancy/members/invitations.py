"""How a person comes to hold a role: invitations, created by an organisation's
administrators (or by an assessment round, for respondents) and answered by the invitee.

A membership is never given to someone else's account: an invitation is offered, and only its
acceptance, by the invitee while logged in, creates the membership; a person who already works
in the organisation may be given another role at once (:func:`give_member_role`). Creating an
invitation says nothing about whether the user name or the address belongs to an account: the
answer and the stored invitation are the same either way. Every step is audited.

Other apps use this module: the assessments offer the respondent role, the accounts show the
invitee's side (the e-mailed link, the dashboard).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.core.validators import validate_email
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from mechelen.web.audit.log import record
from mechelen.web.language import page_language
from mechelen.web.tenancy.models import (
    Invitation,
    InvitationStatus,
    Membership,
    Organisation,
    invitation_digest,
)
from mechelen.web.tenancy.signals import invitation_accepted

logger = logging.getLogger(__name__)

#: builds the absolute address of the invitation's page from its token
LinkFor = Callable[[str], str]


class InvitationClosed(Exception):
    """The invitation was answered, withdrawn, or has expired."""


class NotTheInvitee(Exception):
    """The invitation names another account."""


def is_email(text: str) -> bool:
    try:
        validate_email(text)
    except Exception:
        return False
    return True


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


@transaction.atomic
def invite(
    actor: Any, organisation: Organisation, invited: str, role: str, link_for: LinkFor
) -> Invitation:
    """Offer ``role`` to ``invited`` (a user name or an e-mail address), e-mailing the link."""
    invited = invited.strip()
    # an invitation to an e-mail address goes to whoever holds the e-mailed link, never to an
    # account that merely took that address as its user name
    invitee = (
        None if is_email(invited) else get_user_model().objects.filter(username=invited).first()
    )
    token, digest = Invitation.new_token()
    invitation = Invitation.objects.create(
        organisation=organisation,
        role=role,
        invited=invited,
        invitee=invitee,
        digest=digest,
        expires_at=Invitation.expiry(timezone.now()),
        invited_by=actor,
    )
    record(actor, "invitation.create", invitation, organisation, {"invited": invited, "role": role})
    address = invited if is_email(invited) else getattr(invitee, "email", "")
    if address:
        _send(invitation, address, link_for(token))
    return invitation


def _send(invitation: Invitation, address: str, link: str) -> None:
    """E-mail the invitation in the language of the page that made it (the inviter's; the
    invitee's is not known before they open the link, whose page then speaks theirs), its
    ``Content-Language`` saying which."""
    lang = page_language()
    context = {"invitation": invitation, "link": link}
    with translation.override(lang):
        subject = _("Invitation to join {name} on the Cities and Migration Platform").format(
            name=invitation.organisation.name
        )
        body = render_to_string("tenancy/invitation_email.txt", context)
    message = EmailMessage(subject, body, None, [address], headers={"Content-Language": lang})
    try:
        message.send()
    except OSError:  # the mail server is down: the invitee still finds it on their dashboard
        logger.warning("invitation %s: the e-mail could not be sent", invitation.pk)


def find_by_token(token: str) -> Invitation | None:
    return (
        Invitation.objects.select_related("organisation", "invited_by")
        .filter(digest=invitation_digest(token))
        .first()
    )


def _open_for(user: Any, invitation: Invitation) -> Invitation:
    locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if locked.invitee_id is not None and locked.invitee_id != user.pk:
        raise NotTheInvitee
    if not locked.open_at(timezone.now()):
        raise InvitationClosed
    return locked


@transaction.atomic
def accept(user: Any, invitation: Invitation) -> Membership:
    """``user`` (logged in) takes the role offered: the only way into an organisation."""
    locked = _open_for(user, invitation)
    membership, _ = Membership.objects.get_or_create(
        user=user, organisation=locked.organisation, role=locked.role
    )
    locked.status = InvitationStatus.ACCEPTED
    locked.answered_at = timezone.now()
    locked.accepted_by = user
    locked.save(update_fields=["status", "answered_at", "accepted_by"])
    record(
        user,
        "invitation.accept",
        locked,
        locked.organisation,
        {"user": user.get_username(), "role": locked.role},
    )
    invitation_accepted.send(sender=Invitation, invitation=locked, user=user)
    return membership


@transaction.atomic
def decline(user: Any, invitation: Invitation) -> None:
    locked = _open_for(user, invitation)
    locked.status = InvitationStatus.DECLINED
    locked.answered_at = timezone.now()
    locked.save(update_fields=["status", "answered_at"])
    record(user, "invitation.decline", locked, locked.organisation, {"role": locked.role})


@transaction.atomic
def revoke(actor: Any, invitation: Invitation) -> None:
    """An administrator withdraws an invitation nobody answered yet."""
    locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if locked.status != InvitationStatus.PENDING:
        raise InvitationClosed
    locked.status = InvitationStatus.REVOKED
    locked.answered_at = timezone.now()
    locked.save(update_fields=["status", "answered_at"])
    record(
        actor,
        "invitation.revoke",
        locked,
        locked.organisation,
        {"invited": locked.invited, "role": locked.role},
    )


@transaction.atomic
def create_account(invitation: Invitation, username: str, password: str) -> Any:
    """The account of a person invited by e-mail, created by them from the link."""
    user = get_user_model().objects.create_user(
        username=username, email=invitation.invited, password=password
    )
    record(
        user,
        "invitation.account",
        invitation,
        invitation.organisation,
        {"user": username},
    )
    return user


def pending_for(user: Any) -> list[Invitation]:
    """The open invitations addressed to ``user``'s account, for their dashboard."""
    return list(
        Invitation.objects.select_related("organisation", "invited_by").filter(
            invitee=user, status=InvitationStatus.PENDING, expires_at__gt=timezone.now()
        )
    )


def links_from(request: Any) -> LinkFor:
    """Absolute links to the invitation page, on the host the request came to."""
    from django.urls import reverse

    return lambda token: request.build_absolute_uri(
        reverse("accounts:invitation", kwargs={"token": token})
    )
