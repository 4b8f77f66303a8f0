"""Personal API tokens, each creation and revocation in the audit log.

A token acts with every role its owner holds, so the entry is written in the audit log of
each organisation where the owner holds a role: that organisation's administrators see who
may reach its data through the API. A person with no role in any organisation gets one entry
without an organisation (their token only reads what is public, or their network's lists).
"""

from __future__ import annotations

from typing import Any

from django.db import transaction

from mechelen.web.accounts.models import ApiToken
from mechelen.web.audit.log import record
from mechelen.web.tenancy.models import Organisation


def organisations_of(user: Any) -> list[Organisation | None]:
    """Where an entry about the person's tokens goes: each organisation of a role of theirs."""
    found: list[Organisation | None] = [
        *Organisation.objects.filter(memberships__user=user).distinct().order_by("pk")
    ]
    return found or [None]


def _record_everywhere(user: Any, action: str, token: ApiToken) -> None:
    for organisation in organisations_of(user):
        record(user, action, token, organisation, {"label": token.label, "user": user.username})


@transaction.atomic
def issue_token(user: Any, label: str) -> tuple[ApiToken, str]:
    """A new token for ``user``: the saved record and the secret to show once."""
    token, secret = ApiToken.issue(user, label)
    _record_everywhere(user, "api_token.create", token)
    return token, secret


@transaction.atomic
def revoke_token(user: Any, token: ApiToken) -> None:
    _record_everywhere(user, "api_token.revoke", token)
    token.delete()


@transaction.atomic
def set_password(user: Any, form: Any, how: str) -> None:
    """Save the new password of a password change or reset form (``how``: "change" or
    "reset"), and record it in the audit log of each organisation of the person: that a
    password was set, never the password."""
    form.save()
    for organisation in organisations_of(user):
        record(user, f"account.password_{how}", user, organisation, {})
