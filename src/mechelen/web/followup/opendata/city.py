"""A city's follow-up as open data: everything its report shows, as the caller may see it.

Indicators with their values and the framework items they serve (commitments, sectors, GCM
objectives, SDG targets, NUA themes), commitments with their evidence, the data coverage by
disaggregation, and the latest assessment round's results, disagreements and priorities
(:mod:`mechelen.web.followup.opendata.assessment`).

Anyone gets the public content: indicators and values marked public or from published
releases, public commitments, published releases' coverage, and the latest closed round the
city shared with its networks. The organisation's internal roles get everything; those that
read assessment results get the latest closed round and its change against the baseline.
The tables read the follow-up as :func:`~mechelen.web.followup.report.city.city_follow_up`
gives it and the report built from it (its data coverage, with the indicators that need
each disaggregation); written by :mod:`mechelen.web.followup.opendata.files`.
"""

from __future__ import annotations

from collections.abc import Sequence

from mechelen.core.reporting.follow_up import FollowUpReport
from mechelen.engine.publish.open_tables import OpenColumn, OpenTable
from mechelen.web.followup import policy
from mechelen.web.followup.evidence.rows import CommitmentProgress
from mechelen.web.followup.indicators.rows import IndicatorProgress
from mechelen.web.followup.opendata.assessment import assessment_tables
from mechelen.web.followup.opendata.files import ExportBundle, SdmxView, flow_id
from mechelen.web.followup.report.city import CityFollowUp, city_follow_up, follow_up_report
from mechelen.web.tenancy.access import Access
from mechelen.web.tenancy.models import Organisation

FLAGS = {"published-release": "published", "manual": "entered"}
FLAG_VALUES = ("published", "entered", "computed")


def _indicators(rows: Sequence[IndicatorProgress]) -> tuple[OpenTable, OpenTable]:
    indicators = OpenTable(
        "indicators",
        "Indicators followed, with baseline, target and progress status",
        (
            OpenColumn("indicator", description="indicator id of the catalogue or the city"),
            OpenColumn("label"),
            OpenColumn("unit"),
            OpenColumn("direction", description="higher-is-better, lower-is-better or empty"),
            OpenColumn("baseline_year", "integer"),
            OpenColumn("baseline_value", "number"),
            OpenColumn("target_value", "number"),
            OpenColumn("target_year", "integer"),
            OpenColumn("computed_status", description="progress status computed from the values"),
            OpenColumn("status", description="effective status (a status set by hand wins)"),
            OpenColumn("reason", description="why the status was computed"),
            OpenColumn("status_set_by_hand_because"),
        ),
        tuple(
            (
                r.spec.id,
                r.label,
                r.unit,
                r.spec.direction or "",
                r.baseline.year if r.baseline else None,
                r.baseline.value if r.baseline else None,
                r.target.value if r.target else None,
                r.target.year if r.target else None,
                r.assessment.computed.value if r.assessment else "",
                r.assessment.effective.value if r.assessment else "",
                r.reason,
                r.override.reason if r.override else "",
            )
            for r in rows
        ),
        ("indicator",),
    )
    values = OpenTable(
        "indicator_values",
        "Values of the indicators by year (and part of the area)",
        (
            OpenColumn("indicator"),
            OpenColumn("year", "integer"),
            OpenColumn("area", description="code of the part of the area; _T for the whole area"),
            OpenColumn("area_label"),
            OpenColumn("value", "number"),
            OpenColumn(
                "flag",
                description="published: from a published release; entered: by hand; "
                "computed: from service figures, commitments or assessments",
                enum=FLAG_VALUES,
            ),
            OpenColumn("source_note"),
        ),
        tuple(
            (
                r.spec.id,
                v.observation.year,
                v.part or "_T",
                v.part_label,
                v.observation.value,
                FLAGS.get(v.source, "computed"),
                v.note,
            )
            for r in rows
            for v in (*r.series, *r.parts)
        ),
        ("indicator", "year", "area"),
    )
    return indicators, values


def _commitments(rows: Sequence[CommitmentProgress]) -> tuple[OpenTable, OpenTable]:
    commitments = OpenTable(
        "commitments",
        "Commitments with their status",
        (
            OpenColumn("paragraph", "integer", "paragraph of the Declaration; empty for our own"),
            OpenColumn("title"),
            OpenColumn("gcm", description="Global Compact for Migration objectives"),
            OpenColumn("sdg", description="Sustainable Development Goals targets"),
            OpenColumn("nua", description="New Urban Agenda themes"),
            OpenColumn("owner"),
            OpenColumn("target"),
            OpenColumn("due_date", "date"),
            OpenColumn("status"),
        ),
        tuple(
            (
                r.entry.paragraph,
                r.entry.title,
                " ".join(r.gcm),
                " ".join(r.sdg),
                " ".join(r.nua),
                r.entry.owner,
                r.entry.target,
                r.entry.due,
                r.entry.status,
            )
            for r in rows
        ),
    )
    evidence = OpenTable(
        "evidence",
        "Dated evidence of the commitments",
        (
            OpenColumn("paragraph", "integer"),
            OpenColumn("commitment"),
            OpenColumn("date", "date"),
            OpenColumn("title"),
            OpenColumn("url", description="the link, or the site path of the document"),
        ),
        tuple(
            (r.entry.paragraph, r.entry.title, e.on, e.title, e.url)
            for r in rows
            for e in r.entry.evidence
        ),
    )
    return commitments, evidence


def _links(rows: Sequence[IndicatorProgress]) -> OpenTable:
    found: list[tuple[str, ...]] = []
    for row in rows:
        serves, key = row.spec.serves, row.spec.id
        found += [(key, "commitment", str(p)) for p in serves.commitments]
        found += [(key, "sector", sector) for sector in serves.sectors]
        found += [(key, *reference.split(":", 1)) for reference in serves.references]
    return OpenTable(
        "indicator_links",
        "Framework items each indicator serves",
        (
            OpenColumn("indicator"),
            OpenColumn(
                "kind",
                description="commitment (paragraph of the Declaration), sector, gcm "
                "(objective of the Global Compact for Migration), sdg (target) or nua (theme "
                "of the New Urban Agenda)",
                enum=("commitment", "sector", "gcm", "sdg", "nua"),
            ),
            OpenColumn("item", description="paragraph, sector id, objective, target or theme"),
        ),
        tuple(found),
        ("indicator", "kind", "item"),
    )


def _coverage(report: FollowUpReport) -> OpenTable:
    """The report's coverage table (published releases only; same for everyone)."""
    return OpenTable(
        "data_coverage",
        "Data coverage by disaggregation: what the published releases hold, what is missing",
        (
            OpenColumn("disaggregation"),
            OpenColumn("label"),
            OpenColumn("available", "boolean", "whether a published release holds it"),
            OpenColumn("dimensions", description="dimensions of published tables that give it"),
            OpenColumn("releases", description="published releases holding it, ' | ' between"),
            OpenColumn("needed_by", description="indicators that need it, ' | ' between"),
        ),
        tuple(
            (
                row.disaggregation,
                row.label,
                row.available,
                " ".join(row.dimensions),
                " | ".join(row.sources),
                " | ".join(row.needed_by),
            )
            for row in report.coverage
        ),
        ("disaggregation",),
    )


def export_tables(followup: CityFollowUp, lang: str, sees_results: bool) -> list[OpenTable]:
    """Every table of the follow-up; the assessment's if ``sees_results`` or shared."""
    return [
        *_indicators(followup.indicators),
        _links(followup.indicators),
        *_commitments(followup.commitments),
        _coverage(follow_up_report(followup)),
        *assessment_tables(followup.rounds, lang, followup.internal and sees_results),
    ]


def city_bundle(organisation: Organisation, lang: str, reader: Access) -> ExportBundle:
    """The city's export for ``reader`` (public or internal, with or without results)."""
    flow = flow_id(organisation.slug)
    followup = city_follow_up(organisation, lang, reader)
    sees_results = policy.can_see_change(reader, organisation)
    return ExportBundle(
        name=f"{organisation.slug}-follow-up",
        title=f"Follow-up of the Mechelen Declaration: {organisation.name}",
        source=f"Cities and Migration Platform: {organisation.name}",
        json_file="follow-up.json",
        tables=tuple(export_tables(followup, lang, sees_results)),
        sdmx=(
            SdmxView(
                "indicator_values", ("indicator", "area", "year"), "value", f"FOLLOWUP_{flow}"
            ),
            SdmxView(
                "assessment_results", ("sector", "dimension"), "consensus", f"ASSESSMENT_{flow}"
            ),
        ),
    )
