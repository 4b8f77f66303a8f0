"""A city's follow-up as open data: everything its report shows, as the caller may see it.

Indicators with their values and the framework items they serve (commitments, sectors, GCM
objectives, SDG targets, NUA themes), commitments with their evidence, the data coverage by
disaggregation, and the latest assessment round's results, disagreements and priorities
(:mod:`mechelen.web.followup.export_assessment`).

Anyone gets the public content: indicators and values marked public or from published
releases, public commitments, published releases' coverage, and the latest closed round the
city shared with its networks. The organisation's internal roles get everything; those that
read assessment results get the latest closed round and its change against the baseline.
Written by :mod:`mechelen.web.followup.export_files`.
"""

from __future__ import annotations

from dataclasses import dataclass

from mechelen.engine.publish.open_tables import OpenColumn, OpenTable
from mechelen.web.followup.opendata.assessment import assessment_tables
from mechelen.web.followup.opendata.files import ExportBundle, SdmxView, flow_id
from mechelen.web.followup.report_data import commitment_progress, indicator_progress
from mechelen.web.followup.rows import IndicatorProgressRow
from mechelen.web.reports.assembly import follow_up_report
from mechelen.web.tenancy.models import Organisation

FLAGS = {"published-release": "published", "manual": "entered"}
FLAG_VALUES = ("published", "entered", "computed")


@dataclass(frozen=True)
class ExportScope:
    organisation: Organisation
    lang: str
    internal: bool
    assessment: bool


def _indicators(rows: list[IndicatorProgressRow]) -> tuple[OpenTable, OpenTable]:
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
                r.spec_id,
                r.label,
                r.unit,
                r.direction or "",
                r.baseline_year,
                r.baseline_value,
                r.target_value,
                r.target_year,
                r.computed_status or "",
                r.effective_status or "",
                r.reason,
                r.override_reason,
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
                r.spec_id,
                p.year,
                p.part or "_T",
                p.part_label,
                p.value,
                FLAGS.get(p.source, "computed"),
                p.note,
            )
            for r in rows
            for p in (*r.series, *r.parts)
        ),
        ("indicator", "year", "area"),
    )
    return indicators, values


def _commitments(scope: ExportScope) -> tuple[OpenTable, OpenTable]:
    rows = commitment_progress(scope.organisation, scope.lang, public_only=not scope.internal)
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
                r.paragraph,
                r.title,
                " ".join(r.gcm),
                " ".join(r.sdg),
                " ".join(r.nua),
                r.owner,
                r.target,
                r.due_date,
                r.status,
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
        tuple((r.paragraph, r.title, e.date, e.title, e.url) for r in rows for e in r.evidence),
    )
    return commitments, evidence


def _links(rows: list[IndicatorProgressRow]) -> OpenTable:
    found: list[tuple[str, ...]] = []
    for row in rows:
        found += [(row.spec_id, "commitment", str(p)) for p in row.served_commitments]
        found += [(row.spec_id, "sector", sector) for sector in row.served_sectors]
        found += [(row.spec_id, *key.split(":", 1)) for key in row.served_references]
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


def _coverage(scope: ExportScope) -> OpenTable:
    """The report's coverage table (published releases only; same for everyone)."""
    report = follow_up_report(scope.organisation, scope.lang, public=not scope.internal)
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


def export_tables(scope: ExportScope) -> list[OpenTable]:
    rows = indicator_progress(scope.organisation, scope.lang, public_only=not scope.internal)
    return [
        *_indicators(rows),
        _links(rows),
        *_commitments(scope),
        _coverage(scope),
        *assessment_tables(scope.organisation, scope.lang, scope.internal, scope.assessment),
    ]


def city_bundle(scope: ExportScope) -> ExportBundle:
    """The city's export for this caller (public or internal, with or without results)."""
    flow = flow_id(scope.organisation.slug)
    return ExportBundle(
        name=f"{scope.organisation.slug}-follow-up",
        title=f"Follow-up of the Mechelen Declaration: {scope.organisation.name}",
        source=f"Mechelen follow-up platform: {scope.organisation.name}",
        json_file="follow-up.json",
        tables=tuple(export_tables(scope)),
        sdmx=(
            SdmxView(
                "indicator_values", ("indicator", "area", "year"), "value", f"FOLLOWUP_{flow}"
            ),
            SdmxView(
                "assessment_results", ("sector", "dimension"), "consensus", f"ASSESSMENT_{flow}"
            ),
        ),
    )
