"""Open-data writers for small tables that are not protected microdata aggregates.

A follow-up export (indicators, their series, commitments and their evidence) is a set of
:class:`OpenTable` rows; this module writes them as CSV (formula-injection safe, like the
release files), SDMX-CSV 1.0, one JSON document and a Frictionless Data Package (a zip with
``datapackage.json`` and one CSV per table). Everything is built in memory and deterministic:
the same tables always give the same bytes.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from mechelen.engine.publish.csv_formats import number, safe_text
from mechelen.engine.publish.other_formats import _licence

#: Frictionless field types used here
FIELD_TYPES = ("string", "number", "integer", "date", "boolean")


@dataclass(frozen=True)
class OpenColumn:
    name: str
    type: str = "string"
    description: str = ""
    enum: tuple[str, ...] = ()


@dataclass(frozen=True)
class OpenTable:
    """Rows of plain values (str, int, float, bool, date or None) under named columns."""

    name: str
    title: str
    columns: tuple[OpenColumn, ...]
    rows: tuple[tuple[Any, ...], ...]
    primary_key: tuple[str, ...] = ()

    @property
    def header(self) -> list[str]:
        return [c.name for c in self.columns]


def cell_text(value: Any) -> str:
    """A value as CSV text: numbers plainly, text defused against spreadsheet formulas."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return number(float(value)) if isinstance(value, float) else str(value)
    if isinstance(value, date):
        return value.isoformat()
    return safe_text(str(value))


def _csv(rows: Sequence[Sequence[str]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


def csv_text(table: OpenTable) -> str:
    return _csv([table.header, *([cell_text(v) for v in row] for row in table.rows)])


def sdmx_csv_text(
    table: OpenTable, dataflow: str, dimensions: Sequence[str], value: str, status: str = ""
) -> str:
    """SDMX-CSV 1.0: DATAFLOW, the dimension columns, OBS_VALUE and OBS_STATUS (A, or O if empty)."""
    index = {name: n for n, name in enumerate(table.header)}
    rows = [["DATAFLOW", *(d.upper() for d in dimensions), "OBS_VALUE", "OBS_STATUS"]]
    for row in table.rows:
        observed = row[index[value]]
        flag = row[index[status]] if status else ("A" if observed is not None else "O")
        rows.append(
            [
                dataflow,
                *(cell_text(row[index[d]]) for d in dimensions),
                cell_text(observed),
                cell_text(flag),
            ]
        )
    return _csv(rows)


def _json_value(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def json_document(name: str, title: str, tables: Sequence[OpenTable]) -> dict[str, Any]:
    return {
        "name": name,
        "title": title,
        "tables": {
            table.name: [
                {c.name: _json_value(v) for c, v in zip(table.columns, row, strict=True)}
                for row in table.rows
            ]
            for table in tables
        },
    }


def json_text(document: Any) -> str:
    return json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def datapackage_descriptor(
    name: str, title: str, tables: Sequence[OpenTable], licence: str, source: str
) -> dict[str, Any]:
    resources = []
    for table in tables:
        fields = []
        for column in table.columns:
            entry: dict[str, Any] = {
                "name": column.name,
                "type": column.type,
                "description": column.description,
            }
            if column.enum:
                entry["constraints"] = {"enum": list(column.enum)}
            fields.append(entry)
        schema: dict[str, Any] = {"fields": fields, "missingValues": [""]}
        if table.primary_key:
            schema["primaryKey"] = list(table.primary_key)
        resources.append(
            {
                "name": table.name,
                "title": table.title,
                "path": f"{table.name}.csv",
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": schema,
            }
        )
    return {
        "profile": "tabular-data-package",
        "name": name,
        "title": title,
        "licenses": [_licence(licence)],
        "sources": [{"title": source}],
        "resources": resources,
    }


def datapackage_zip(
    name: str, title: str, tables: Sequence[OpenTable], licence: str, source: str
) -> bytes:
    """A zip with ``datapackage.json`` and one CSV per table, fixed entry times."""
    entries = [
        (
            "datapackage.json",
            json_text(datapackage_descriptor(name, title, tables, licence, source)),
        ),
        *((f"{t.name}.csv", csv_text(t)) for t in tables),
    ]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for entry, text in entries:
            info = zipfile.ZipInfo(entry, date_time=(2000, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, text.encode("utf-8"))
    return buffer.getvalue()
