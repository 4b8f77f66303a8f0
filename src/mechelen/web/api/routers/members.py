"""An organisation's members and their roles, the invitations it sent, and its audit log: for
its administrators only, as on the members and audit pages (tenancy policy); every change is
audited. Nobody is made a member here: ``POST /members`` sends an invitation, which the
person accepts (or not) while logged in; its answer never tells whether the name exists."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.paginator import Paginator
from django.db import transaction
from django.shortcuts import get_object_or_404
from django.utils import timezone
from ninja import Router, Schema, Status
from ninja.errors import HttpError

from mechelen.web.api.forms import checked
from mechelen.web.tenancy import policy
from mechelen.web.tenancy.members import actions, invitations
from mechelen.web.tenancy.members.forms import InviteForm
from mechelen.web.tenancy.models import (
    INVITATION_DAYS,
    Invitation,
    InvitationStatus,
    Membership,
    Organisation,
)
from mechelen.web.tenancy.roles import ORGANISATION_ROLES, Role
from mechelen.web.tenancy.scoping import ApiRequest, api_organisation

router = Router(tags=["members"])

AUDIT_PAGE_SIZE = 50


class MemberOut(Schema):
    #: the membership (one role of one person); change or remove it by this id
    id: int
    username: str
    role: str


class InviteIn(Schema):
    """Offer ``role`` to a person, by the user name of their account or by e-mail."""

    invited: str
    role: Role


class InviteOut(Schema):
    """The same answer whether or not ``invited`` belongs to an account."""

    invited: str
    role: str
    status: str
    #: the link sent stays valid this many days
    expires_in_days: int


class InvitationOut(Schema):
    id: int
    invited: str
    role: str
    #: pending, accepted, declined, revoked (withdrawn) or expired
    status: str
    invited_by: str | None
    created_at: datetime.datetime
    expires_at: datetime.datetime


class RoleChange(Schema):
    role: Role


class AuditEntryOut(Schema):
    at: datetime.datetime
    actor: str | None
    action: str
    target_type: str
    target_id: str
    details: dict[str, Any]


class AuditPageOut(Schema):
    page: int
    pages: int
    count: int
    entries: list[AuditEntryOut]


def _member(membership: Membership) -> dict[str, Any]:
    return {"id": membership.pk, "username": membership.user.username, "role": membership.role}


def _membership(organisation: Organisation, pk: int) -> Membership:
    return get_object_or_404(
        Membership.objects.select_related("user"), pk=pk, organisation=organisation
    )


def _organisation_role(role: Role) -> None:
    if role not in ORGANISATION_ROLES:
        raise HttpError(422, "role: a network analyst is a role in a network, not here.")


@router.get("/{slug}/members", response=list[MemberOut])
def list_members(request: ApiRequest, slug: str) -> list[dict[str, Any]]:
    organisation = api_organisation(request, slug, policy.can_manage_members)
    held = organisation.memberships.select_related("user").order_by("user__username", "role")
    return [_member(m) for m in held]


@router.post("/{slug}/members", response={202: InviteOut})
def invite(request: ApiRequest, slug: str, payload: InviteIn) -> Status[dict[str, Any]]:
    """Invite a person to a role (202: offered, not given). They see it on their dashboard and
    in an e-mail, and become a member only by accepting it while logged in."""
    organisation = api_organisation(request, slug, policy.can_manage_members)
    _organisation_role(payload.role)
    data = checked(InviteForm({"invited": payload.invited, "role": payload.role.value}))
    invitation = invitations.invite(
        request.user,
        organisation,
        data["invited"],
        data["role"],
        invitations.links_from(request),
    )
    return Status(
        202,
        {
            "invited": invitation.invited,
            "role": invitation.role,
            "status": InvitationStatus.PENDING.value,
            "expires_in_days": INVITATION_DAYS,
        },
    )


def _invitation(item: Invitation, now: datetime.datetime) -> dict[str, Any]:
    expired = item.status == InvitationStatus.PENDING and item.expires_at <= now
    return {
        "id": item.pk,
        "invited": item.invited,
        "role": item.role,
        "status": "expired" if expired else item.status,
        "invited_by": item.invited_by.get_username() if item.invited_by else None,
        "created_at": item.created_at,
        "expires_at": item.expires_at,
    }


@router.get("/{slug}/invitations", response=list[InvitationOut])
def list_invitations(request: ApiRequest, slug: str) -> list[dict[str, Any]]:
    """The invitations sent, newest first (the last 100), as the members page shows them."""
    organisation = api_organisation(request, slug, policy.can_manage_members)
    now = timezone.now()
    return [
        _invitation(i, now) for i in organisation.invitations.select_related("invited_by")[:100]
    ]


@router.delete("/{slug}/invitations/{pk}", response={204: None})
def revoke_invitation(request: ApiRequest, slug: str, pk: int) -> Status[None]:
    """Withdraw an invitation nobody answered yet (409 once answered or withdrawn)."""
    organisation = api_organisation(request, slug, policy.can_manage_members)
    item = get_object_or_404(Invitation, pk=pk, organisation=organisation)
    try:
        invitations.revoke(request.user, item)
    except invitations.InvitationClosed:
        raise HttpError(409, "This invitation was already answered or withdrawn.") from None
    return Status(204, None)


@router.patch("/{slug}/members/{pk}", response=MemberOut)
def change_role(request: ApiRequest, slug: str, pk: int, payload: RoleChange) -> dict[str, Any]:
    """Give the person the new role instead of this one (both steps audited)."""
    organisation = api_organisation(request, slug, policy.can_manage_members)
    _organisation_role(payload.role)
    membership = _membership(organisation, pk)
    if membership.role == payload.role:
        return _member(membership)
    try:
        with transaction.atomic():
            given = invitations.give_member_role(
                request.user, organisation, membership.user, payload.role.value
            )
            actions.take_role(request.user, membership)
    except actions.LastAdministrator:
        raise HttpError(409, "An organisation keeps at least one administrator.") from None
    return _member(given)


@router.delete("/{slug}/members/{pk}", response={204: None})
def take_role(request: ApiRequest, slug: str, pk: int) -> Status[None]:
    organisation = api_organisation(request, slug, policy.can_manage_members)
    try:
        actions.take_role(request.user, _membership(organisation, pk))
    except actions.LastAdministrator:
        raise HttpError(409, "An organisation keeps at least one administrator.") from None
    return Status(204, None)


@router.get("/{slug}/audit-log", response=AuditPageOut)
def audit_log(request: ApiRequest, slug: str, page: int = 1) -> dict[str, Any]:
    """Every write recorded for the organisation, newest first, 50 a page."""
    organisation = api_organisation(request, slug, policy.can_read_audit_log)
    entries = organisation.audit_log.select_related("actor")
    shown = Paginator(entries, AUDIT_PAGE_SIZE).get_page(page)
    return {
        "page": shown.number,
        "pages": shown.paginator.num_pages,
        "count": shown.paginator.count,
        "entries": [
            {
                "at": e.at,
                "actor": e.actor.get_username() if e.actor else None,
                "action": e.action,
                "target_type": e.target_type,
                "target_id": e.target_id,
                "details": e.details,
            }
            for e in shown
        ],
    }
