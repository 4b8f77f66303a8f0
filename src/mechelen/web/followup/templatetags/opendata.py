"""``{% city_open_data slug %}`` and ``{% network_open_data slug %}``: the open-data files of a
city's or a network's follow-up, grouped by use (:mod:`mechelen.web.downloads`), as every
download list of the platform groups them."""

from __future__ import annotations

from django import template
from django.urls import reverse
from django.utils.translation import gettext as _

from mechelen.web.downloads import GroupedDownloads, download_groups

register = template.Library()

#: the files of a city's export, with what each holds (file name before its first dot)
CITY_FILES = (
    "indicators.csv",
    "indicator_values.csv",
    "indicator_links.csv",
    "commitments.csv",
    "evidence.csv",
    "data_coverage.csv",
    "indicator_values.sdmx.csv",
    "follow-up.json",
    "datapackage.zip",
)
NETWORK_FILES = (
    "members.csv",
    "commitments.csv",
    "sectors.csv",
    "indicators.csv",
    "indicators.sdmx.csv",
    "shared_assessments.sdmx.csv",
    "network.json",
    "datapackage.zip",
)


def _titles() -> dict[str, str]:
    return {
        "indicators": _("indicators"),
        "indicator_values": _("values"),
        "indicator_links": _("goals served"),
        "commitments": _("commitments"),
        "evidence": _("evidence"),
        "data_coverage": _("data coverage"),
        "members": _("members"),
        "sectors": _("sectors"),
        "shared_assessments": _("shared assessments"),
        "follow-up": _("everything, as one JSON document"),
        "network": _("everything, as one JSON document"),
        "datapackage": _("Data Package (every table, with its schema and licence)"),
    }


@register.simple_tag
def city_open_data(slug: str) -> list[GroupedDownloads]:
    return download_groups(
        CITY_FILES,
        lambda name: reverse("public_followup:export", args=[slug, name]),
        titles=_titles(),
    )


@register.simple_tag
def network_open_data(slug: str) -> list[GroupedDownloads]:
    return download_groups(
        NETWORK_FILES,
        lambda name: reverse("network_followup:export", args=[slug, name]),
        titles=_titles(),
    )
