"""The files of an open-data export: one CSV per table, SDMX-CSV of the series and cubes, one
JSON document and a Frictionless Data Package (``datapackage.json`` with each table's schema
and the licence), written by :mod:`mechelen.engine.publish.open_tables`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from mechelen.engine.publish.open_tables import (
    OpenTable,
    csv_text,
    datapackage_zip,
    json_document,
    json_text,
    sdmx_csv_text,
)

LICENCE = "CC-BY-4.0"
CSV = "text/csv; charset=utf-8"


@dataclass(frozen=True)
class SdmxView:
    """A table written as SDMX-CSV: its dimension columns and its value column."""

    table: str
    dimensions: tuple[str, ...]
    value: str
    flow: str  # the dataflow id, e.g. FOLLOWUP_MECHELEN


@dataclass(frozen=True)
class ExportBundle:
    """Everything one export holds, for one caller (their permissions already applied)."""

    name: str
    title: str
    source: str
    json_file: str
    tables: tuple[OpenTable, ...]
    sdmx: tuple[SdmxView, ...] = field(default_factory=tuple)

    def table(self, name: str) -> OpenTable | None:
        return next((t for t in self.tables if t.name == name), None)


Written = tuple[bytes, str]


def sdmx_file(view: SdmxView) -> str:
    return f"{view.table}.sdmx.csv"


def write_file(bundle: ExportBundle, filename: str) -> Written | None:
    """The file ``filename`` of the bundle, or None if it has no such file for this caller."""
    if filename == "datapackage.zip":
        data = datapackage_zip(bundle.name, bundle.title, bundle.tables, LICENCE, bundle.source)
        return data, "application/zip"
    if filename == bundle.json_file:
        document = json_document(bundle.name, bundle.title, bundle.tables)
        document["licence"] = LICENCE
        return json_text(document).encode("utf-8"), "application/json"
    for view in bundle.sdmx:
        table = bundle.table(view.table)
        if filename == sdmx_file(view) and table is not None:
            dataflow = f"MECHELEN:{view.flow}(1.0)"
            text = sdmx_csv_text(table, dataflow, view.dimensions, view.value)
            return text.encode("utf-8"), CSV
    if filename.endswith(".csv") and not filename.endswith(".sdmx.csv"):
        found = bundle.table(filename.removesuffix(".csv"))
        if found is not None:
            return csv_text(found).encode("utf-8"), CSV
    return None


def flow_id(slug: str) -> str:
    return slug.upper().replace("-", "_")
