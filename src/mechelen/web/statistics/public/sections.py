"""The statistics sections of the public portal: published releases only.

- a city's page lists its published releases, their tables and headline figures;
- a network's page compares its members on the figures of each one's latest published release.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from mechelen.web.portal.sections import city_section, network_section
from mechelen.web.statistics import policy
from mechelen.web.statistics.releases.published import share
from mechelen.web.tenancy.models import Network, Organisation


@city_section
def published_releases(
    request: HttpRequest, organisation: Organisation
) -> tuple[str, dict[str, Any]] | None:
    releases = list(policy.public_releases(organisation).order_by("-published_at"))
    if not releases:
        return None
    return "statistics/section_city.html", {"organisation": organisation, "releases": releases}


@network_section
def compared_figures(request: HttpRequest, network: Network) -> tuple[str, dict[str, Any]] | None:
    rows = []
    for member in network.members.all():
        latest = (
            policy.public_releases(member).exclude(headline={}).order_by("-published_at").first()
        )
        if latest is not None:
            rows.append(
                {
                    "organisation": member,
                    "release": latest,
                    "residents": latest.headline.get("residents"),
                    "non_citizens": latest.headline.get("non_citizens"),
                    "share": share(latest.headline),
                }
            )
    if not rows:
        return None
    return "statistics/section_network.html", {"rows": rows, "network": network}
