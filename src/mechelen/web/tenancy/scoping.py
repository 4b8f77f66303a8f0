"""One way to scope a page or an API call to the organisation or network its URL names.

A page::

    @organisation_view(policy.can_edit)
    def commitment_edit(request, organisation, pk=None): ...

finds the organisation named by the URL's ``slug`` (HTTP 404 when there is none), asks the
policy with the person's :class:`~mechelen.web.tenancy.access.Access` (HTTP 403 when refused)
and calls the view with the organisation in place of the slug. Pages ask for a login unless
``public=True``.

An API operation (django-ninja reads the operation's own signature, so its twin is a call)::

    organisation = api_organisation(request, slug, policy.can_edit)

answers 404 or 403 the API's way; ``request`` is an :class:`ApiRequest`, whose ``auth`` is
typed.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Concatenate, ParamSpec, TypeVar, cast

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_POST
from ninja.errors import HttpError

from mechelen.web.tenancy.access import Access, access_of, require
from mechelen.web.tenancy.lookup import network_named, organisation_named
from mechelen.web.tenancy.models import Network, Organisation

P = ParamSpec("P")
Scope = TypeVar("Scope", Organisation, Network)

#: a policy's answer for one person and one organisation (``policy.can_…``)
OrganisationRule = Callable[[Access, Organisation], bool]
NetworkRule = Callable[[Access, Network], bool]

View = Callable[Concatenate[HttpRequest, Scope, P], HttpResponse]
SlugView = Callable[Concatenate[HttpRequest, str, P], HttpResponse]


class ApiRequest(HttpRequest):
    """A request as an API operation receives it: ``auth`` is the caller's access
    (set by :class:`~mechelen.web.api.auth.BearerToken`, a visitor's when anonymous)."""

    auth: Access


def organisation_view(
    rule: OrganisationRule | None, *, public: bool = False, post_only: bool = False
) -> Callable[[View[Organisation, P]], SlugView[P]]:
    """Decorate a page of one organisation: see the module's text. ``rule=None`` lets
    everyone who may reach the page see it (the view then asks the policy for details).
    ``post_only`` answers 405 to any other method, after the login and before the lookup."""
    return _scoped(organisation_named, rule, public, post_only)


def network_view(
    rule: NetworkRule | None, *, public: bool = False, post_only: bool = False
) -> Callable[[View[Network, P]], SlugView[P]]:
    """Decorate a page of one network, as :func:`organisation_view` does an organisation's."""
    return _scoped(network_named, rule, public, post_only)


def _scoped(
    find: Callable[[str], Scope],
    rule: Callable[[Access, Scope], bool] | None,
    public: bool,
    post_only: bool,
) -> Callable[[View[Scope, P]], SlugView[P]]:
    def decorate(view: View[Scope, P]) -> SlugView[P]:
        @functools.wraps(view)
        def scoped(
            request: HttpRequest, slug: str, *args: P.args, **kwargs: P.kwargs
        ) -> HttpResponse:
            found = find(slug)
            if rule is not None:
                require(rule(access_of(request), found))
            return view(request, found, *args, **kwargs)

        wrapped = require_POST(scoped) if post_only else scoped
        wrapped = wrapped if public else login_required(wrapped)
        return cast(SlugView[P], wrapped)

    return decorate


def api_organisation(
    request: ApiRequest, slug: str, rule: OrganisationRule | None = None
) -> Organisation:
    """The organisation an API call names (404 when none), once the policy allowed the
    caller (403 if not)."""
    found = organisation_named(slug)
    if rule is not None and not rule(request.auth, found):
        raise HttpError(403, "Your roles do not allow this.")
    return found
