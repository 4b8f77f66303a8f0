"""Find the organisation or network named in a URL (404 when there is none)."""

from __future__ import annotations

from django.shortcuts import get_object_or_404

from mechelen.web.tenancy.models import Network, Organisation


def organisation_named(slug: str) -> Organisation:
    return get_object_or_404(Organisation, slug=slug)


def network_named(slug: str) -> Network:
    return get_object_or_404(Network, slug=slug)
