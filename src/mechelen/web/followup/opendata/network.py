"""A network's picture as open data: the figures of its report, from what members share only.

Members and their countries, endorsements, the commitments most taken and most achieved
(public commitments only), the assessment results members shared with their networks (the
latest closed round each chose to share, scores only) and the indicators compared on values
computed from published releases. The report itself is assembled by
:func:`mechelen.web.followup.report.network.network_report`; this module only lays it out as
tables.
"""

from __future__ import annotations

from collections.abc import Mapping

from mechelen.core.reporting.follow_up import RoundSummary
from mechelen.core.reporting.follow_up.network import NetworkReport
from mechelen.engine.publish.open_tables import OpenColumn, OpenTable
from mechelen.web.followup.opendata.files import ExportBundle, SdmxView, flow_id
from mechelen.web.followup.report.network import network_report, shared_rounds
from mechelen.web.framework_data import framework
from mechelen.web.tenancy.models import Network

PUBLISHED = "published"


def _members(report: NetworkReport, lang: str) -> tuple[OpenTable, OpenTable, OpenTable]:
    members = OpenTable(
        "members",
        "Member cities and regions",
        (
            OpenColumn("city", description="the member's id on the platform"),
            OpenColumn("name"),
            OpenColumn("country", description="ISO 3166-1 alpha-3"),
            OpenColumn("endorsed_on", "date", "when it endorsed the Mechelen Declaration"),
            OpenColumn("shares_assessment", "boolean", "whether a shared round is counted"),
        ),
        tuple(
            (
                m.key,
                m.place.name,
                m.place.country,
                m.place.endorsed_on,
                m.place.name in report.assessed,
            )
            for m in report.members
        ),
        ("city",),
    )
    countries = OpenTable(
        "countries",
        "Members and endorsements by country",
        (
            OpenColumn("country", description="ISO 3166-1 alpha-3"),
            OpenColumn("members", "integer"),
            OpenColumn("endorsed", "integer"),
        ),
        tuple((c.country, c.members, c.endorsed) for c in report.countries),
        ("country",),
    )
    titles = {c.paragraph: c.title.get(lang) for c in report.framework.commitments}
    achieved_rank = {t.paragraph: n for n, t in enumerate(report.most_achieved, start=1)}
    commitments = OpenTable(
        "commitments",
        "Commitments of the Declaration taken and achieved by members (public ones)",
        (
            OpenColumn("paragraph", "integer"),
            OpenColumn("title"),
            OpenColumn("taken", "integer", "members that took it (dropped ones left out)"),
            OpenColumn("achieved", "integer"),
            OpenColumn("rank_taken", "integer", "1: the most taken"),
            OpenColumn("rank_achieved", "integer", "1: the most achieved; empty if none"),
        ),
        tuple(
            (
                t.paragraph,
                titles.get(t.paragraph, ""),
                t.taken,
                t.achieved,
                n,
                achieved_rank.get(t.paragraph),
            )
            for n, t in enumerate(report.most_taken, start=1)
        ),
        ("paragraph",),
    )
    return members, countries, commitments


def _assessments(
    report: NetworkReport, shared: Mapping[str, RoundSummary], lang: str
) -> tuple[OpenTable, OpenTable]:
    labels = {s.id: s.label.get(lang) for s in framework().sectors}
    sectors = OpenTable(
        "sectors",
        "Mean consensus by sector (0-4) across the members that shared an assessment",
        (
            OpenColumn("sector"),
            OpenColumn("label"),
            OpenColumn("cities", "integer"),
            OpenColumn("mean", "number"),
            OpenColumn("low", "number"),
            OpenColumn("high", "number"),
        ),
        tuple(
            (s.sector_id, labels.get(s.sector_id, s.sector_id), s.cities, s.mean, s.low, s.high)
            for s in report.sectors
        ),
        ("sector",),
    )
    rows = []
    for member in report.members:
        chosen = shared.get(member.key)
        results = chosen.report if chosen is not None else None
        if chosen is None or results is None or not results.respondent_count:
            continue
        for cell in (*results.aggregate.cells, *results.aggregate.urgency):
            question = cell.question
            rows.append(
                (
                    member.key,
                    chosen.title,
                    question.sector_id,
                    question.dimension_id,
                    cell.consensus,
                )
            )
    by_member = OpenTable(
        "shared_assessments",
        "Consensus by sector and dimension in the round each member shared with its networks",
        (
            OpenColumn("city"),
            OpenColumn("round"),
            OpenColumn("sector"),
            OpenColumn("dimension", description="a dimension of the framework, or urgency"),
            OpenColumn("consensus", "number"),
        ),
        tuple(rows),
        ("city", "sector", "dimension"),
    )
    return sectors, by_member


def _indicators(report: NetworkReport) -> OpenTable:
    keys = {m.place.name: m.key for m in report.members}
    return OpenTable(
        "indicators",
        "Indicators compared: each member's latest value computed from a published release",
        (
            OpenColumn("indicator"),
            OpenColumn("label"),
            OpenColumn("unit"),
            OpenColumn("city"),
            OpenColumn("year", "integer"),
            OpenColumn("value", "number"),
            OpenColumn(
                "flag",
                description="published: computed from a published release",
                enum=(PUBLISHED,),
            ),
        ),
        tuple(
            (i.indicator_id, i.label, i.unit, keys.get(v.city, v.city), v.year, v.value, PUBLISHED)
            for i in report.indicators
            for v in i.values
        ),
        ("indicator", "city"),
    )


def network_bundle(network: Network, lang: str) -> ExportBundle:
    flow = flow_id(network.slug)
    shared = shared_rounds(network.members.all())
    report = network_report(network, lang, shared)
    return ExportBundle(
        name=f"network-{network.slug}",
        title=f"Network picture of the Mechelen Declaration: {network.name}",
        source=f"Cities and Migration Platform: {network.name}",
        json_file="network.json",
        tables=(
            *_members(report, lang),
            *_assessments(report, shared, lang),
            _indicators(report),
        ),
        sdmx=(
            SdmxView("indicators", ("indicator", "city", "year"), "value", f"NETWORK_{flow}"),
            SdmxView(
                "shared_assessments",
                ("city", "sector", "dimension"),
                "consensus",
                f"NETWORK_ASSESSMENT_{flow}",
            ),
        ),
    )
