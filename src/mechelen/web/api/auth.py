"""API callers: a bearer token, the site's session (CSRF-checked for writes), or nobody.

Every call gets ``request.auth``: the caller's :class:`~mechelen.web.tenancy.access.Access`
(a visitor's when anonymous), so each endpoint asks the same policies as the pages.
"""

from __future__ import annotations

from django.http import HttpRequest
from django.utils import timezone
from ninja.errors import AuthenticationError, HttpError
from ninja.utils import check_csrf

from mechelen.web.accounts.models import ApiToken, token_digest
from mechelen.web.tenancy.access import VISITOR, Access, access_for_user
from mechelen.web.tenancy.visibility import check_visible

SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


def optional_auth(request: HttpRequest) -> Access:
    access = _caller(request)
    check_visible(request, access)  # a pending organisation: 404 but for its own people
    return access


def _caller(request: HttpRequest) -> Access:
    header = request.headers.get("Authorization", "")
    if header:
        scheme, _, token = header.partition(" ")
        found = (
            ApiToken.objects.select_related("user")
            .filter(digest=token_digest(token.strip()))
            .first()
            if scheme.lower() == "bearer"
            else None
        )
        if found is None or not found.user.is_active:
            raise AuthenticationError
        ApiToken.objects.filter(pk=found.pk).update(last_used_at=timezone.now())
        request.user = found.user
        return access_for_user(found.user)
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return VISITOR
    if request.method not in SAFE_METHODS and check_csrf(request) is not None:
        raise AuthenticationError
    return access_for_user(user)


def allow(allowed: bool) -> None:
    """Refuse the call (HTTP 403) unless the policy allowed it."""
    if not allowed:
        raise HttpError(403, "Your roles do not allow this.")
