"""Let a self-contained HTML document keep its own stylesheets under the site's
Content-Security-Policy: each ``<style>`` element is allowed by the hash of its content
(``'sha256-...'`` in ``style-src``), so no other inline style runs."""

from __future__ import annotations

import base64
import hashlib
import re

from django.http import HttpResponse

_STYLE = re.compile(rb"<style\b[^>]*>(.*?)</style>", re.S | re.I)


def style_hashes(html: bytes) -> list[str]:
    """The CSP source of each ``<style>`` element of ``html``, in order."""
    return [
        "'sha256-" + base64.b64encode(hashlib.sha256(body).digest()).decode() + "'"
        for body in _STYLE.findall(html)
    ]


def allow_own_styles(response: HttpResponse) -> HttpResponse:
    """Add the hashes of the response's own stylesheets to its ``style-src`` (django-csp)."""
    hashes = style_hashes(response.content)
    if hashes:
        response._csp_update = {"style-src": hashes}  # type: ignore[attr-defined]
    return response
