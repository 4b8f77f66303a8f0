"""CSV outputs: plain with a flag column, SDMX-CSV, and HXL (a hashtag row under the header).

Every text cell that a spreadsheet would read as a formula (starting with = + - @, tab or
carriage return) is prefixed with an apostrophe: downloads are safe against formula injection.
"""

from __future__ import annotations

import csv
from pathlib import Path

from mechelen.core.disclosure import ProtectedTable
from mechelen.core.tabulation.spec import GEOGRAPHY

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

#: HXL hashtags of the standard dimensions; others get #indicator+<name>
HXL_TAGS = {
    GEOGRAPHY: "#adm+code",
    "geography_label": "#adm+name",
    "sex": "#population+sex",
    "age_band": "#population+age",
    "citizenship": "#country+code+citizenship",
    "country_of_birth": "#country+code+birth",
    "citizenship_group": "#region+citizenship",
    "country_of_birth_group": "#region+birth",
    "citizenship_status": "#population+citizenship",
    "birth_status": "#population+birth",
    "migratory_status": "#population+migratory",
    "reason_for_migration": "#reason",
    "value": "#population+num",
    "flag": "#meta+flag",
}


def safe_text(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_START) else text


def number(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else repr(round(value, 6))


def header(protected: ProtectedTable) -> list[str]:
    columns: list[str] = []
    for dimension in protected.table.dimensions:
        columns.append(dimension)
        if dimension == GEOGRAPHY:
            columns.append("geography_label")
    return [*columns, "value", "flag"]


def data_rows(protected: ProtectedTable) -> list[list[str]]:
    rows = []
    for key, value, flag, _conf in protected.rows():
        row: list[str] = []
        for dimension, code in zip(protected.table.dimensions, key, strict=True):
            row.append(safe_text(code))
            if dimension == GEOGRAPHY:
                row.append(safe_text(protected.label(dimension, code)))
        rows.append([*row, number(value), flag])
    return rows


def _write(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(rows)
    return path


def write_flag_csv(protected: ProtectedTable, path: Path) -> Path:
    return _write(path, [header(protected), *data_rows(protected)])


def write_hxl_csv(protected: ProtectedTable, path: Path) -> Path:
    columns = header(protected)
    tags = [HXL_TAGS.get(c, f"#indicator+{c.replace('_', '')}") for c in columns]
    return _write(path, [columns, tags, *data_rows(protected)])


def write_sdmx_csv(protected: ProtectedTable, path: Path, dataflow: str) -> Path:
    """SDMX-CSV 1.0: DATAFLOW, one column per dimension, OBS_VALUE, OBS_STATUS, CONF_STATUS."""
    dimensions = [d.upper() for d in protected.table.dimensions]
    rows = [["DATAFLOW", *dimensions, "OBS_VALUE", "OBS_STATUS", "CONF_STATUS"]]
    for key, value, _flag, conf in protected.rows():
        status = "A" if value is not None else "O"
        rows.append([dataflow, *(safe_text(c) for c in key), number(value), status, conf])
    return _write(path, rows)
