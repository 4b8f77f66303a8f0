"""XLSX, JSON and Frictionless Data Package outputs, byte-identical for the same tables."""

from __future__ import annotations

import json
import re
import zipfile
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font

from mechelen.core.disclosure import ProtectedTable
from mechelen.engine.publish.csv_formats import data_rows, header

#: fixed time stamp inside XLSX files, so that the same tables give the same bytes
_EPOCH = datetime(2000, 1, 1)


def sheet_name(name: str, used: set[str]) -> str:
    base = name[:28]
    candidate, number = base[:31], 2
    while candidate in used:
        candidate, number = f"{base}~{number}"[:31], number + 1
    used.add(candidate)
    return candidate


def write_xlsx(tables: Sequence[ProtectedTable], path: Path) -> Path:
    book = Workbook()
    first = book.active
    assert first is not None
    book.remove(first)
    used: set[str] = set()
    for protected in tables:
        sheet = book.create_sheet(sheet_name(protected.table.name, used))
        sheet.append(header(protected))
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in data_rows(protected):
            values: list[Any] = list(row)
            value_index = len(row) - 2
            values[value_index] = float(row[value_index]) if row[value_index] else None
            if values[value_index] is not None and values[value_index].is_integer():
                values[value_index] = int(values[value_index])
            sheet.append(values)
    book.properties.created = _EPOCH
    book.properties.modified = _EPOCH
    book.properties.creator = "Mechelen"
    book.save(path)
    _normalise_zip(path)
    return path


def _normalise_zip(path: Path) -> None:
    """Rewrite the archive with fixed entry times and order."""
    with zipfile.ZipFile(path) as source:
        entries = [(info.filename, source.read(info.filename)) for info in source.infolist()]
    # openpyxl stamps the save time into the properties whatever we set
    entries = [
        (
            name,
            re.sub(
                rb"<dcterms:modified([^>]*)>[^<]*<",
                rb"<dcterms:modified\1>2000-01-01T00:00:00Z<",
                data,
            ),
        )
        if name == "docProps/core.xml"
        else (name, data)
        for name, data in entries
    ]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=(2000, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, data)


def table_json(protected: ProtectedTable) -> dict[str, Any]:
    return {
        "name": protected.table.name,
        "dimensions": list(protected.table.dimensions),
        "measure": protected.measure,
        "cells": [
            {
                "key": dict(zip(protected.table.dimensions, key, strict=True)),
                "value": value,
                "flag": flag,
                "confidentiality": conf,
            }
            for key, value, flag, conf in protected.rows()
        ],
        "labels": {
            d: dict(sorted(v.items()))
            for d, v in protected.labels.items()
            if d in protected.table.dimensions
        },
        "disclosure": protected.report.as_dict(),
    }


def write_json(document: Any, path: Path) -> Path:
    path.write_text(
        json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8"
    )
    return path


def datapackage(
    release: str, tables: Sequence[ProtectedTable], files: dict[str, str], licence: str, source: str
) -> dict[str, Any]:
    """The Frictionless Data Package descriptor of the flag CSVs."""
    resources = []
    for protected in tables:
        fields: list[dict[str, Any]] = []
        for column in header(protected):
            kind = "number" if column == "value" else "string"
            description = {
                "value": f"{protected.measure}, after disclosure control; empty when suppressed",
                "flag": "observed, perturbed or suppressed",
            }.get(column, f"code of {column}; _T is the total")
            entry: dict[str, Any] = {"name": column, "type": kind, "description": description}
            if column == "flag":
                entry["constraints"] = {"enum": ["observed", "perturbed", "suppressed"]}
            fields.append(entry)
        resources.append(
            {
                "name": protected.table.name,
                "path": files[protected.table.name],
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": {
                    "fields": fields,
                    "missingValues": [""],
                    "primaryKey": [
                        c
                        for c in header(protected)
                        if c not in ("value", "flag", "geography_label")
                    ],
                },
            }
        )
    return {
        "profile": "tabular-data-package",
        "name": release,
        "title": f"Mechelen release {release}",
        "licenses": [_licence(licence)],
        "sources": [{"title": source}],
        "resources": resources,
    }


def _licence(name: str) -> dict[str, str]:
    known = {
        "CC-BY-4.0": "https://creativecommons.org/licenses/by/4.0/",
        "CC0-1.0": "https://creativecommons.org/publicdomain/zero/1.0/",
        "ODC-BY-1.0": "https://opendatacommons.org/licenses/by/1-0/",
    }
    return {"name": name, "path": known.get(name, ""), "title": name}
