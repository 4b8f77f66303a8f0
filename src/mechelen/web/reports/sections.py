"""The reports' sections of the public portal: a link to a city's public report, and the
network's picture (map of members by country, commitments most taken, links to the report)."""

from __future__ import annotations

from typing import Any

from django.core.cache import cache
from django.http import HttpRequest

from mechelen.engine.reporting.charts import render_svg
from mechelen.engine.reporting.network.world_map import map_spec
from mechelen.engine.reporting.wording import ReportWording
from mechelen.web.followup.report.network import network_report
from mechelen.web.language import page_language
from mechelen.web.portal.sections import city_section, network_section
from mechelen.web.tenancy.models import Network, Organisation


@city_section
def public_report_link(
    request: HttpRequest, organisation: Organisation
) -> tuple[str, dict[str, Any]] | None:
    return "reports/section_city.html", {"organisation": organisation}


@network_section
def network_picture(request: HttpRequest, network: Network) -> tuple[str, dict[str, Any]] | None:
    lang = page_language()
    report = network_report(network, lang)
    words = ReportWording(report.framework, lang)
    key = "network-map:" + ":".join([lang] + [f"{c.country}={c.members}" for c in report.countries])
    svg = cache.get(key)
    if svg is None and report.countries:
        svg = render_svg(map_spec(report, words), id_prefix="map", lang=lang)
        cache.set(key, svg, timeout=None)
    titles = {c.paragraph: c.title.get(lang) for c in report.framework.commitments}
    return "reports/section_network.html", {
        "network": network,
        "report": report,
        "map_svg": svg or "",
        "countries": [
            (words.country(c.country), c.members, c.endorsed)
            for c in words.by_country(report.countries)
        ],
        "most_taken": [(t, titles.get(t.paragraph, "")) for t in report.most_taken[:5]],
        "most_achieved": [(t, titles.get(t.paragraph, "")) for t in report.most_achieved[:5]],
        "sectors": [
            (words.sector(s.sector_id), words.number(s.mean))
            for s in report.sectors
            if s.mean is not None
        ],
    }
