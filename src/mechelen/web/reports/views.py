"""Report pages: the workspace page with its buttons, and the generated files."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from mechelen.i18n import LANGUAGES
from mechelen.web.inline_styles import allow_own_styles
from mechelen.web.language import page_language
from mechelen.web.reports import policy
from mechelen.web.reports.actions import (
    FORMATS,
    RenderedReport,
    render_city_report,
    render_network_report,
)
from mechelen.web.tenancy.models import Network, Organisation
from mechelen.web.tenancy.scoping import network_view, organisation_view


def _options(request: HttpRequest) -> tuple[str, str]:
    fmt = request.GET.get("format", "html")
    lang = request.GET.get("lang") or page_language()
    return (fmt if fmt in FORMATS else "html"), (lang if lang in LANGUAGES else "en")


def _response(found: RenderedReport) -> HttpResponse:
    response = HttpResponse(found.content, content_type=found.content_type)
    disposition = "attachment" if found.content_type == "application/pdf" else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="{found.filename}"'
    response["X-Robots-Tag"] = "noindex"
    return allow_own_styles(response) if found.content_type.startswith("text/html") else response


@organisation_view(policy.can_generate_internal)
def city(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    """The workspace page: generate the internal or the public report, HTML or PDF."""
    return render(
        request,
        "reports/city.html",
        {"organisation": organisation, "languages": LANGUAGES, "lang": page_language()},
    )


@organisation_view(policy.can_generate_internal)
def city_file(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    """The internal report of the city (every commitment, assessment results, all values)."""
    fmt, lang = _options(request)
    return _response(render_city_report(organisation, lang, fmt, public=False))


@organisation_view(policy.can_generate_public, public=True)
def public_city(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    """The public report: published content only, for anyone."""
    fmt, lang = _options(request)
    return _response(render_city_report(organisation, lang, fmt, public=True))


@network_view(policy.can_generate_network, public=True)
def network(request: HttpRequest, found: Network) -> HttpResponse:
    fmt, lang = _options(request)
    return _response(render_network_report(found, lang, fmt))
