"""The open-data exports of a city and of a network.

Anyone gets the public content; the organisation's internal roles get the internal content too.
A network's export holds only what its members share (see :mod:`.network`).
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse

from mechelen.web.followup import policy
from mechelen.web.followup.opendata.city import city_bundle
from mechelen.web.followup.opendata.files import Written, write_file
from mechelen.web.followup.opendata.network import network_bundle
from mechelen.web.language import page_language
from mechelen.web.tenancy.access import access_of
from mechelen.web.tenancy.models import Network, Organisation
from mechelen.web.tenancy.scoping import network_view, organisation_view


def _download(written: Written | None, filename: str, private: bool) -> HttpResponse:
    if written is None:
        raise Http404
    data, content_type = written
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    if private:
        response["Cache-Control"] = "private, no-store"
    return response


@organisation_view(None, public=True)
def export(request: HttpRequest, organisation: Organisation, name: str) -> HttpResponse:
    access = access_of(request)
    bundle = city_bundle(organisation, page_language(), access)
    private = policy.sees_internal(access, organisation)
    return _download(write_file(bundle, name), f"{organisation.slug}-{name}", private)


@network_view(policy.can_export_network, public=True)
def network_export(request: HttpRequest, network: Network, name: str) -> HttpResponse:
    """A network's picture as open data: only what its members share, for anyone."""
    bundle = network_bundle(network, page_language())
    return _download(write_file(bundle, name), f"network-{network.slug}-{name}", private=False)
