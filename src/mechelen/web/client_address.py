"""The address of the person at the other end, seen through the trusted reverse proxies.

Behind a reverse proxy every request comes from the proxy's address, so login throttling
(django-axes, which calls :func:`client_address`) would lock one user name for everyone. Each
proxy appends the address it received the request from to ``X-Forwarded-For``; with
``settings.TRUSTED_PROXIES`` proxies in front of the site (``MECHELEN_TRUSTED_PROXIES``),
the client is the entry that many places from the right. Entries further left were written
by the client itself and are never trusted. Without trusted proxies, or when the header is
shorter than the proxies promise (the request did not come through them), or the entry is
not an IP address, the connection's own address (``REMOTE_ADDR``) is used.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_address(request: HttpRequest) -> str:
    """The client's IP address, as written by the outermost trusted proxy."""
    direct = str(request.META.get("REMOTE_ADDR", ""))
    proxies = settings.TRUSTED_PROXIES
    if proxies <= 0:
        return direct
    forwarded = [
        hop.strip() for hop in str(request.META.get("HTTP_X_FORWARDED_FOR", "")).split(",")
    ]
    forwarded = [hop for hop in forwarded if hop]
    if len(forwarded) < proxies:
        return direct
    candidate = forwarded[-proxies]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return direct
