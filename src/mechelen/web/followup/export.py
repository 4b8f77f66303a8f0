"""A city's follow-up as open data: indicators, their values, commitments with their evidence
and (for the roles that read assessment results) the assessment change.

Anyone gets the public content (the public page's); the organisation's internal roles get
everything. Written by :mod:`mechelen.engine.publish.open_tables`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from mechelen.engine.publish.open_tables import (
    OpenColumn,
    OpenTable,
    csv_text,
    datapackage_zip,
    json_document,
    json_text,
    sdmx_csv_text,
)
from mechelen.web.followup.report_data import (
    assessment_change,
    commitment_progress,
    indicator_progress,
)
from mechelen.web.tenancy.models import Organisation

LICENCE = "CC-BY-4.0"
FLAGS = {"published-release": "published", "manual": "entered"}
FLAG_VALUES = ("published", "entered", "computed")


@dataclass(frozen=True)
class ExportScope:
    organisation: Organisation
    lang: str
    internal: bool
    assessment: bool


def _indicators(scope: ExportScope) -> tuple[OpenTable, OpenTable]:
    rows = indicator_progress(scope.organisation, scope.lang, public_only=not scope.internal)
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


def _assessment(scope: ExportScope) -> OpenTable | None:
    change = assessment_change(scope.organisation, scope.lang) if scope.assessment else None
    if change is None:
        return None
    return OpenTable(
        "assessment_change",
        f"Assessment: {change.round_title} against {change.baseline_title}",
        (
            OpenColumn("sector"),
            OpenColumn("dimension"),
            OpenColumn("baseline_consensus", "number"),
            OpenColumn("consensus", "number"),
            OpenColumn("difference", "number"),
        ),
        tuple((c.sector_id, c.dimension_id, c.before, c.after, c.difference) for c in change.cells),
        ("sector", "dimension"),
    )


def export_tables(scope: ExportScope) -> list[OpenTable]:
    tables = [*_indicators(scope), *_commitments(scope)]
    assessment = _assessment(scope)
    if assessment is not None:
        tables.append(assessment)
    return tables


def _title(scope: ExportScope) -> str:
    return f"Follow-up of the Mechelen Declaration: {scope.organisation.name}"


def _package_name(scope: ExportScope) -> str:
    return f"{scope.organisation.slug}-follow-up"


def _json(scope: ExportScope) -> tuple[bytes, str]:
    document = json_document(_package_name(scope), _title(scope), export_tables(scope))
    return json_text(document).encode("utf-8"), "application/json"


def _sdmx(scope: ExportScope) -> tuple[bytes, str]:
    values = export_tables(scope)[1]
    dataflow = f"MECHELEN:FOLLOWUP_{scope.organisation.slug.upper().replace('-', '_')}(1.0)"
    text = sdmx_csv_text(values, dataflow, ("indicator", "area", "year"), "value")
    return text.encode("utf-8"), "text/csv; charset=utf-8"


def _package(scope: ExportScope) -> tuple[bytes, str]:
    source = f"Mechelen follow-up platform: {scope.organisation.name}"
    data = datapackage_zip(
        _package_name(scope), _title(scope), export_tables(scope), LICENCE, source
    )
    return data, "application/zip"


def _csv_of(name: str) -> Callable[[ExportScope], tuple[bytes, str] | None]:
    def write(scope: ExportScope) -> tuple[bytes, str] | None:
        table = next((t for t in export_tables(scope) if t.name == name), None)
        if table is None:
            return None
        return csv_text(table).encode("utf-8"), "text/csv; charset=utf-8"

    return write


#: file name -> writer (None when the file has nothing for this caller)
FILES: dict[str, Callable[[ExportScope], tuple[bytes, str] | None]] = {
    "indicators.csv": _csv_of("indicators"),
    "indicator_values.csv": _csv_of("indicator_values"),
    "commitments.csv": _csv_of("commitments"),
    "evidence.csv": _csv_of("evidence"),
    "assessment_change.csv": _csv_of("assessment_change"),
    "indicator_values.sdmx.csv": _sdmx,
    "follow-up.json": _json,
    "datapackage.zip": _package,
}
