"""An organisation's members and their roles, and its audit log: for its administrators only,
as on the members and audit pages (tenancy policy); every change is audited."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status
from ninja.errors import HttpError

from mechelen.web.api.auth import allow
from mechelen.web.api.forms import checked
from mechelen.web.tenancy import actions, policy
from mechelen.web.tenancy.forms import MemberForm
from mechelen.web.tenancy.lookup import organisation_named
from mechelen.web.tenancy.models import Membership, Organisation
from mechelen.web.tenancy.roles import ORGANISATION_ROLES, Role

router = Router(tags=["members"])

AUDIT_PAGE_SIZE = 50


class MemberOut(Schema):
    #: the membership (one role of one person); change or remove it by this id
    id: int
    username: str
    role: str


class MemberIn(Schema):
    """An existing user by name, or a new account (then with an initial password)."""

    username: str
    role: Role
    email: str = ""
    password: str = ""


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


def _managed(request: HttpRequest, slug: str) -> Organisation:
    organisation = organisation_named(slug)
    allow(policy.can_manage_members(request.auth, organisation))  # type: ignore[attr-defined]
    return organisation


def _membership(organisation: Organisation, pk: int) -> Membership:
    return get_object_or_404(
        Membership.objects.select_related("user"), pk=pk, organisation=organisation
    )


def _organisation_role(role: Role) -> None:
    if role not in ORGANISATION_ROLES:
        raise HttpError(422, "role: a network analyst is a role in a network, not here.")


@router.get("/{slug}/members", response=list[MemberOut])
def list_members(request: HttpRequest, slug: str) -> list[dict[str, Any]]:
    organisation = _managed(request, slug)
    held = organisation.memberships.select_related("user").order_by("user__username", "role")
    return [_member(m) for m in held]


@router.post("/{slug}/members", response={201: MemberOut})
def give_role(request: HttpRequest, slug: str, payload: MemberIn) -> Status[dict[str, Any]]:
    """Give a person a role, creating their account when the user name is new."""
    organisation = _managed(request, slug)
    _organisation_role(payload.role)
    data = checked(MemberForm({**payload.dict(), "role": payload.role.value}))
    return Status(201, _member(actions.give_role(request.user, organisation, data)))


@router.patch("/{slug}/members/{pk}", response=MemberOut)
def change_role(request: HttpRequest, slug: str, pk: int, payload: RoleChange) -> dict[str, Any]:
    """Give the person the new role instead of this one (both steps audited)."""
    organisation = _managed(request, slug)
    _organisation_role(payload.role)
    membership = _membership(organisation, pk)
    if membership.role == payload.role:
        return _member(membership)
    try:
        with transaction.atomic():
            given = actions.give_role(
                request.user,
                organisation,
                {"username": membership.user.username, "role": payload.role.value},
            )
            actions.take_role(request.user, membership)
    except actions.LastAdministrator:
        raise HttpError(409, "An organisation keeps at least one administrator.") from None
    return _member(given)


@router.delete("/{slug}/members/{pk}", response={204: None})
def take_role(request: HttpRequest, slug: str, pk: int) -> Status[None]:
    organisation = _managed(request, slug)
    try:
        actions.take_role(request.user, _membership(organisation, pk))
    except actions.LastAdministrator:
        raise HttpError(409, "An organisation keeps at least one administrator.") from None
    return Status(204, None)


@router.get("/{slug}/audit-log", response=AuditPageOut)
def audit_log(request: HttpRequest, slug: str, page: int = 1) -> dict[str, Any]:
    """Every write recorded for the organisation, newest first, 50 a page."""
    organisation = organisation_named(slug)
    allow(policy.can_read_audit_log(request.auth, organisation))  # type: ignore[attr-defined]
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
