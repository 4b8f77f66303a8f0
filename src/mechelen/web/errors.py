"""The page shown when a form is refused by Django's CSRF check (``CSRF_FAILURE_VIEW``).

It happens to people, not only to attackers: a form left open in a tab past its session, a form
sent again after logging out and in elsewhere, or a browser that refuses the site's cookies. So
the answer is a page of the site, in the reader's language, that says what to do (open the
form again, allow the site's cookies), not Django's bare English page; it stays a 403.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import REASON_NO_CSRF_COOKIE
from django.template.loader import render_to_string
from django.utils.http import url_has_allowed_host_and_scheme


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A 403 page in the layout: the form expired or cookies are refused; links back to the
    page the form was on (the referring page on this site, else the address posted to)."""
    referer = request.META.get("HTTP_REFERER", "")
    back = (
        referer
        if referer
        and url_has_allowed_host_and_scheme(
            referer, allowed_hosts={request.get_host()}, require_https=request.is_secure()
        )
        else request.get_full_path()
    )
    context = {"back": back, "no_cookie": reason == REASON_NO_CSRF_COOKIE}
    return HttpResponse(render_to_string("403_csrf.html", context, request), status=403)
