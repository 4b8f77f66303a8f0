"""The public portal: what anyone may see, published content only. Each page shows what a
visitor sees (``VISITOR``), whoever is logged in.

Each page opens with its figures: the platform's headline figures and the map of the cities
(home), a city's key figures and charts with their tables, a network's members compared side
by side. The other apps add theirs through :mod:`mechelen.web.portal.sections`."""

from __future__ import annotations

from collections import Counter
from typing import Any

from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from mechelen.web.commitments.models import CommitmentStatus
from mechelen.web.commitments.policy import public_commitments, visible_commitments
from mechelen.web.language import page_language
from mechelen.web.portal.charts import (
    bar_spec,
    chart_svg,
    cities_map,
    grouped_bars_spec,
    state_colours,
)
from mechelen.web.portal.sections import (
    ChartPanel,
    KeyFigure,
    MemberColumn,
    charts_of_city,
    city_sections,
    columns_of_network,
    figures_of_city,
    figures_of_home,
    network_sections,
)
from mechelen.web.tenancy.access import VISITOR, access_of
from mechelen.web.tenancy.models import Network, Organisation
from mechelen.web.tenancy.policy import can_manage_network_members, visible_organisations
from mechelen.web.tenancy.roles import MigrationRole
from mechelen.web.tenancy.scoping import network_view, organisation_view

#: the colours of a network's commitments made and achieved (the reports' "planned" and
#: "achieved" states would be too pale for a bar: a blue and the reports' green)
MADE_COLOUR, ACHIEVED_COLOUR = "#1a4480", "#008817"


def platform_figures(public: Any, networks: int) -> list[KeyFigure]:
    """The platform's own headline figures: cities and regions, endorsements, commitments
    made and achieved (public ones only), networks."""
    cities = reverse("portal:home") + "#cities"
    counted = public.aggregate(
        organisations=Count("pk"), endorsed=Count("pk", filter=~Q(endorsed_on=None))
    )
    commitments = public_commitments(public).aggregate(
        made=Count("pk"), achieved=Count("pk", filter=Q(status=CommitmentStatus.ACHIEVED))
    )
    return [
        KeyFigure(_("Cities and regions registered"), counted["organisations"], cities, order=10),
        KeyFigure(_("Endorsed the Declaration"), counted["endorsed"], cities, order=20),
        KeyFigure(_("Commitments made"), commitments["made"], cities, order=30),
        KeyFigure(
            _("Commitments achieved"),
            commitments["achieved"],
            cities,
            note=_("of %(made)s made") % {"made": commitments["made"]},
            order=40,
        ),
        KeyFigure(_("Networks"), networks, reverse("portal:home") + "#networks", order=70),
    ]


def home(request: HttpRequest) -> HttpResponse:
    public = visible_organisations(VISITOR).order_by("name")
    organisations = list(public)
    networks = list(Network.objects.order_by("name"))
    shown = Counter(
        Network.members.through.objects.filter(organisation__in=public).values_list(
            "network_id", flat=True
        )
    )
    for found in networks:
        found.shown = shown.get(found.pk, 0)  # type: ignore[attr-defined]
    by_country = Counter(org.country for org in organisations)
    counts = [(country, number, country) for country, number in sorted(by_country.items())]
    lang = page_language()
    figures = sorted(
        platform_figures(public, len(networks)) + figures_of_home(request, public),
        key=lambda figure: figure.order,
    )
    return render(
        request,
        "portal/home.html",
        {
            "organisations": organisations,
            "networks": networks,
            "figures": figures,
            "countries": [
                (country, [org for org in organisations if org.country == country])
                for country, _number, _name in counts
            ],
            "map_svg": cities_map(counts, _("Cities and regions"), lang),
            "endorsed": sum(1 for org in organisations if org.endorsed_on),
        },
    )


def commitment_figures(organisation: Organisation, by_status: dict[str, int]) -> list[KeyFigure]:
    made = sum(by_status.values())
    commitments = reverse("portal:city", args=[organisation.slug]) + "#commitments"
    return [
        KeyFigure(_("Commitments made"), made, commitments, order=30),
        KeyFigure(
            _("Commitments achieved"),
            by_status.get(CommitmentStatus.ACHIEVED, 0),
            commitments,
            note=_("of %(made)s made") % {"made": made},
            order=40,
        ),
    ]


def commitments_chart(by_status: dict[str, int]) -> ChartPanel | None:
    """The city's public commitments by status, as bars and as a table."""
    if not by_status:
        return None
    states = [state for state in CommitmentStatus.values if by_status.get(state)]
    labels = {state: str(CommitmentStatus(state).label) for state in states}
    rows = [{"category": labels[state], "value": by_status[state]} for state in states]
    colours = {labels[state]: colour for state, colour in state_colours(states).items()}
    total = sum(by_status.values())
    return ChartPanel(
        key="commitments",
        title=_("Commitments by status"),
        description=", ".join(f"{labels[state]}: {by_status[state]}" for state in states),
        spec=bar_spec(rows, "", _("Commitments"), colours=colours),
        headers=[_("Status"), _("Commitments")],
        rows=[[labels[state], by_status[state]] for state in states] + [[_("Total"), total]],
        numeric=[False, True],
        order=30,
    )


def rendered(panel: ChartPanel, lang: str) -> dict[str, Any]:
    """A chart panel with its SVG and its table's cells (a number or a text each), for the
    template."""
    numeric = panel.numeric or [False] + [True] * (len(panel.headers) - 1)
    rows = [
        [
            {"value": cell, "numeric": index < len(numeric) and numeric[index]}
            for index, cell in enumerate(row)
        ]
        for row in panel.rows
    ]
    return {
        "panel": panel,
        "rows": rows,
        "headers": [
            {"text": header, "numeric": index < len(numeric) and numeric[index]}
            for index, header in enumerate(panel.headers)
        ],
        "svg": chart_svg(panel.spec, f"chart-{panel.key}", lang),
    }


@organisation_view(None, public=True)
def city(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    public = visible_commitments(VISITOR, organisation)
    commitments = list(public)
    by_status = Counter(c.status for c in commitments)
    lang = page_language()
    figures = commitment_figures(organisation, dict(by_status)) + figures_of_city(
        request, organisation
    )
    panels = charts_of_city(request, organisation)
    own = commitments_chart(dict(by_status))
    if own is not None:
        panels.append(own)
    return render(
        request,
        "portal/city.html",
        {
            "organisation": organisation,
            "commitments": commitments,
            "achieved": by_status.get(CommitmentStatus.ACHIEVED, 0),
            "figures": sorted(figures, key=lambda figure: figure.order),
            "charts": [rendered(p, lang) for p in sorted(panels, key=lambda p: p.order)],
            "migration_roles": [MigrationRole(r).label for r in organisation.migration_roles],
            "sections": city_sections(request, organisation),
        },
    )


def commitment_columns(
    members: list[Organisation],
) -> tuple[list[MemberColumn], dict[str, dict[int, int]]]:
    """Each member's public commitments made and achieved, in one query."""
    counted = {
        row["organisation"]: row
        for row in public_commitments(Organisation.objects.filter(pk__in=[m.pk for m in members]))
        .values("organisation")
        .annotate(
            made=Count("pk"), achieved=Count("pk", filter=Q(status=CommitmentStatus.ACHIEVED))
        )
    }
    made = {m.pk: counted.get(m.pk, {}).get("made", 0) for m in members}
    achieved = {m.pk: counted.get(m.pk, {}).get("achieved", 0) for m in members}
    return [
        MemberColumn(_("Commitments made"), made, order=60),
        MemberColumn(_("Commitments achieved"), achieved, order=61),
    ], {"made": made, "achieved": achieved}


def members_chart(members: list[Organisation], counted: dict[str, dict[int, int]]) -> ChartPanel:
    made, achieved = _("Made"), _("Achieved")
    rows = []
    for member in members:
        rows.append({"x": member.name, "group": made, "value": counted["made"][member.pk]})
        rows.append({"x": member.name, "group": achieved, "value": counted["achieved"][member.pk]})
    return ChartPanel(
        key="members",
        title=_("Commitments made and achieved by member"),
        description="; ".join(
            _("%(member)s: %(made)s made, %(achieved)s achieved")
            % {
                "member": member.name,
                "made": counted["made"][member.pk],
                "achieved": counted["achieved"][member.pk],
            }
            for member in members
        ),
        spec=grouped_bars_spec(
            rows,
            "",
            _("Commitments"),
            [made, achieved],
            [MADE_COLOUR, ACHIEVED_COLOUR],
            width=max(200, min(560, 90 * len(members))),
        ),
        headers=[_("Member"), _("Commitments made"), _("Commitments achieved")],
        rows=[
            [member.name, counted["made"][member.pk], counted["achieved"][member.pk]]
            for member in members
        ],
        numeric=[False, True, True],
    )


@network_view(None, public=True)
def network(request: HttpRequest, found: Network) -> HttpResponse:
    members = list(visible_organisations(VISITOR).filter(networks=found).order_by("name"))
    own, counted = commitment_columns(members)
    columns = sorted(
        own + columns_of_network(request, found, members), key=lambda column: column.order
    )
    table = [
        {"member": member, "cells": [(column, column.values.get(member.pk)) for column in columns]}
        for member in members
    ]
    lang = page_language()
    return render(
        request,
        "portal/network.html",
        {
            "network": found,
            "members": members,
            "columns": columns,
            "table": table,
            "chart": rendered(members_chart(members, counted), lang) if members else None,
            "endorsed": sum(1 for m in members if m.endorsed),
            "sections": network_sections(request, found),
            "can_manage_members": can_manage_network_members(access_of(request), found),
        },
    )
