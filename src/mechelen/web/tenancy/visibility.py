"""A pending or rejected organisation does not exist for those who may not see it.

Every address that names an organisation (``/manage/<slug>/...``, ``/cities/<slug>/...``,
``/api/organisations/<slug>...``) answers 404 to anyone but its own people, the platform
administrators and the analysts of the network it asks to join (``policy.can_see``), as a
missing organisation does. Pages go through :class:`PendingOrganisationGate`; the API, whose
callers may use a token, through :func:`check_visible` in its authentication.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import Http404, HttpRequest, HttpResponse

from mechelen.web.tenancy import policy
from mechelen.web.tenancy.access import Access, access_of
from mechelen.web.tenancy.models import Organisation
from mechelen.web.tenancy.roles import OrganisationStatus

#: URL routes whose ``slug`` is an organisation's
ORGANISATION_ROUTES = ("manage/<slug:slug>/", "cities/<slug:slug>/", "api/organisations/<slug>")


def named_organisation(request: HttpRequest) -> str | None:
    """The slug of the organisation the request's address names, if any."""
    match = getattr(request, "resolver_match", None)
    if match is None or not match.route.startswith(ORGANISATION_ROUTES):
        return None
    slug = match.kwargs.get("slug")
    return slug if isinstance(slug, str) else None


def check_visible(request: HttpRequest, access: Access) -> None:
    """Raise 404 when the request names an organisation that ``access`` may not see."""
    slug = named_organisation(request)
    if slug is None:
        return
    organisation = (
        Organisation.objects.exclude(status=OrganisationStatus.APPROVED)
        .only("pk", "status", "requested_network")
        .filter(slug=slug)
        .first()
    )
    if organisation is not None and not policy.can_see(access, organisation):
        raise Http404


class PendingOrganisationGate:
    """Middleware (after authentication): pages of an organisation out of sight answer 404."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view: Any, args: Any, kwargs: Any
    ) -> HttpResponse | None:
        slug = named_organisation(request)
        if slug is not None and not request.path_info.startswith("/api/"):
            check_visible(request, access_of(request))  # the API checks with its caller
        return None
