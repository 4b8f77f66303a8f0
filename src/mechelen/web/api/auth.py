"""API callers: a bearer token, the site's session (CSRF-checked for writes), or nobody.

Every call gets ``request.auth``: the caller's :class:`~mechelen.web.tenancy.access.Access`
(a visitor's when anonymous), so each endpoint asks the same policies as the pages.
"""

from __future__ import annotations

from typing import ClassVar

from django.http import HttpRequest
from django.utils import timezone
from ninja.errors import AuthenticationError, HttpError
from ninja.utils import check_csrf

from mechelen.web.accounts.models import ApiToken, token_digest
from mechelen.web.tenancy.access import VISITOR, Access, access_for_user
from mechelen.web.tenancy.visibility import check_visible

SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


def optional_auth(request: HttpRequest) -> Access:
    """The caller's access: by bearer token, by session, or a visitor's."""
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


class BearerToken:
    """The API's authentication (:func:`optional_auth`), declared in the OpenAPI schema as
    the HTTP bearer scheme: django-ninja names the scheme after this class and lists it in
    each operation's ``security``."""

    openapi_security_schema: ClassVar[dict[str, str]] = {
        "type": "http",
        "scheme": "bearer",
        "description": (
            "A personal API token (mch_...), made at /accounts/tokens/. Without one, the "
            "site's session is used (writes then need the CSRF token), or the caller is "
            "a visitor who reads published data only."
        ),
    }

    #: the documentation page passes the CSRF token, for trying writes with the session
    csrf = True

    def __call__(self, request: HttpRequest) -> Access:
        return optional_auth(request)


def allow(allowed: bool) -> None:
    """Refuse the call (HTTP 403) unless the policy allowed it."""
    if not allowed:
        raise HttpError(403, "Your roles do not allow this.")
