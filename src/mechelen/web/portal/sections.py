"""Extra sections of a city's public page, contributed by other apps (published data only).

An app registers ``function(request, organisation) -> (template, context) | None``; the
portal renders each section that returns something. Sections must show published content
only: the portal is public. A network's page takes sections the same way
(``network_section``: ``function(request, network)``), e.g. to compare its members.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.http import HttpRequest

from mechelen.web.tenancy.models import Network, Organisation

Section = Callable[[HttpRequest, Organisation], tuple[str, dict[str, Any]] | None]
_SECTIONS: list[Section] = []


def city_section(function: Section) -> Section:
    _SECTIONS.append(function)
    return function


def city_sections(
    request: HttpRequest, organisation: Organisation
) -> list[tuple[str, dict[str, Any]]]:
    found = []
    for section in _SECTIONS:
        shown = section(request, organisation)
        if shown is not None:
            found.append(shown)
    return found


NetworkSection = Callable[[HttpRequest, Network], tuple[str, dict[str, Any]] | None]
_NETWORK_SECTIONS: list[NetworkSection] = []


def network_section(function: NetworkSection) -> NetworkSection:
    _NETWORK_SECTIONS.append(function)
    return function


def network_sections(request: HttpRequest, network: Network) -> list[tuple[str, dict[str, Any]]]:
    found = []
    for section in _NETWORK_SECTIONS:
        shown = section(request, network)
        if shown is not None:
            found.append(shown)
    return found
