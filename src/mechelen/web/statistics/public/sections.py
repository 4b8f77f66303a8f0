"""The statistics sections of the public portal: published releases only, and of those only
the disclosure-controlled headline figures the release's approval stored.

- the home page counts the published releases;
- a city's page opens with its residents and foreign nationals as last published, and a chart
  of its residents by citizenship over the years it published (the same figures as a table),
  then lists its published releases and their tables;
- a network's comparison of its members adds their residents, nationals and foreign nationals
  from each one's latest published release.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.translation import gettext as _

from mechelen.web.portal.charts import figure_text, stacked_bars_spec
from mechelen.web.portal.sections import (
    ChartPanel,
    KeyFigure,
    MemberColumn,
    city_charts,
    city_figures,
    city_section,
    home_figures,
    member_columns,
)
from mechelen.web.statistics import policy
from mechelen.web.statistics.models import Release
from mechelen.web.statistics.releases.published import release_year, share
from mechelen.web.tenancy.models import Network, Organisation

#: nationals and foreign nationals in the charts (a blue and an orange, colour-blind safe)
GROUP_COLOURS = ["#1a4480", "#c05600"]


def by_year(releases: list[Release]) -> dict[int, Release]:
    """One release a year (the latest published of that year wins), with residents counted;
    ``releases`` in the order they were published."""
    found: dict[int, Release] = {}
    for release in releases:
        year = release_year(release)
        if year is not None and release.headline.get("residents") is not None:
            found[year] = release
    return dict(sorted(found.items()))


def published_with_figures(organisation: Organisation) -> list[Release]:
    """The organisation's published releases that carry headline figures, oldest first."""
    return list(
        policy.public_releases(organisation).exclude(headline={}).order_by("published_at", "pk")
    )


def years_of(request: HttpRequest, organisation: Organisation) -> dict[int, Release]:
    """:func:`by_year` of the organisation's published releases, read once per request (the
    key figures and the chart of one page share them)."""
    read: dict[int, dict[int, Release]] = request.__dict__.setdefault("_published_years", {})
    if organisation.pk not in read:
        read[organisation.pk] = by_year(published_with_figures(organisation))
    return read[organisation.pk]


def nationals(headline: dict[str, Any]) -> float | None:
    residents, foreign = headline.get("residents"), headline.get("non_citizens")
    if residents is None or foreign is None:
        return None
    return float(residents) - float(foreign)


@home_figures
def published_release_count(
    request: HttpRequest, public: QuerySet[Organisation]
) -> list[KeyFigure]:
    count = policy.public_releases_of(public).count()
    return [
        KeyFigure(
            _("Published statistical releases"),
            count,
            reverse("portal:home") + "#cities",
            order=60,
        )
    ]


@city_figures
def residents(request: HttpRequest, organisation: Organisation) -> list[KeyFigure]:
    """Residents and the share of foreign nationals, as last published."""
    years = years_of(request, organisation)
    if not years:
        return []
    year, release = list(years.items())[-1]
    url = reverse("public_statistics:release", args=[organisation.slug, release.pk])
    note = _("published statistics, %(year)s") % {"year": year}
    found = [KeyFigure(_("Residents"), release.headline.get("residents"), url, note, order=10)]
    part = share(release.headline)
    if part is not None:
        found.append(
            KeyFigure(_("Share of foreign nationals"), part, url, note, kind="percent", order=20)
        )
    return found


@city_charts
def residents_by_citizenship(request: HttpRequest, organisation: Organisation) -> list[ChartPanel]:
    """Residents by citizenship (nationals, foreign nationals) for each year published."""
    years = years_of(request, organisation)
    if not years:
        return []
    citizens, foreign = _("Nationals"), _("Foreign nationals")
    rows: list[dict[str, Any]] = []
    table: list[list[Any]] = []
    for year, release in years.items():
        headline = release.headline
        own, other = nationals(headline), headline.get("non_citizens")
        if own is not None and other is not None:
            rows += [
                {"x": year, "group": citizens, "value": own},
                {"x": year, "group": foreign, "value": other},
            ]
        table.append([str(year), own, other, headline.get("residents"), share(headline)])
    described = "; ".join(
        _("%(year)s: %(residents)s residents, %(foreign)s foreign nationals")
        % {"year": row[0], "residents": figure_text(row[3]), "foreign": figure_text(row[2])}
        for row in table
    )
    return [
        ChartPanel(
            key="residents",
            title=_("Residents by citizenship"),
            description=described,
            note=_("From the published statistics releases, after disclosure control."),
            spec=stacked_bars_spec(
                rows, _("Year"), _("Residents"), [citizens, foreign], GROUP_COLOURS
            ),
            headers=[_("Year"), citizens, foreign, _("Residents"), _("Share (%)")],
            rows=table,
            numeric=[False, True, True, True, True],
            order=10,
        )
    ]


@city_section
def published_releases(
    request: HttpRequest, organisation: Organisation
) -> tuple[str, dict[str, Any]] | None:
    releases = list(policy.public_releases(organisation).order_by("-published_at"))
    if not releases:
        return None
    return "statistics/section_city.html", {"organisation": organisation, "releases": releases}


@member_columns
def compared_figures(
    request: HttpRequest, network: Network, members: list[Organisation]
) -> list[MemberColumn]:
    """Each member's residents, nationals and foreign nationals from its latest published
    release with figures (one query for all members)."""
    latest: dict[int, Release] = {}
    found = (
        policy.public_releases_of(Organisation.objects.filter(pk__in=[m.pk for m in members]))
        .exclude(headline={})
        .order_by("published_at", "pk")
    )
    for release in found:
        latest[release.organisation_id] = release
    if not latest:
        return []
    return [
        MemberColumn(
            _("Statistics of"),
            {pk: str(release_year(r) or "") for pk, r in latest.items()},
            kind="text",
            order=20,
        ),
        MemberColumn(
            _("Residents"), {pk: r.headline.get("residents") for pk, r in latest.items()}, order=21
        ),
        MemberColumn(
            _("Nationals"), {pk: nationals(r.headline) for pk, r in latest.items()}, order=22
        ),
        MemberColumn(
            _("Foreign nationals"),
            {pk: r.headline.get("non_citizens") for pk, r in latest.items()},
            order=23,
        ),
        MemberColumn(
            _("Share of foreign nationals"),
            {pk: share(r.headline) for pk, r in latest.items()},
            kind="percent",
            order=24,
        ),
    ]
