"""SQL that turns the raw text columns of a source into standard columns, and finds bad values.

Every standard column comes with the SQL of its value and the SQL of the rows whose value is
wrong (with an error code), so the pipeline keeps good rows and reports every bad one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from mechelen.core.microdata.bands import MAX_AGE, band_labels
from mechelen.core.microdata.codes import SEX_UNKNOWN, UNKNOWN
from mechelen.core.microdata.mapping import DataMapping, GeographyLevel

NOT_STATED = "_U"
NOT_APPLICABLE = "_Z"


def quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def raw(column: str) -> str:
    """The raw value: trimmed text, NULL when empty."""
    return f"NULLIF(trim(src.{quote(column)}), '')"


@dataclass(frozen=True)
class ColumnSQL:
    name: str  # standard column name in the dataset table
    value: str  # SQL expression of the standard value
    error: str | None = None  # SQL condition marking a bad value
    code: str = ""  # error code for those rows
    source: str = ""  # the source column, for the report
    joins: tuple[str, ...] = ()  # LEFT JOINs the expressions need


def band_sql(number: str, bounds: Sequence[int]) -> str:
    labels = band_labels(bounds)
    cases = " ".join(
        f"WHEN {number} >= {low} THEN {literal(label)}"
        for low, label in reversed(list(zip(bounds, labels, strict=True)))
    )
    return f"CASE WHEN {number} IS NULL THEN '{NOT_STATED}' {cases} END"


def geography_columns(levels: Sequence[GeographyLevel]) -> list[ColumnSQL]:
    """A code per level; a missing coarser code becomes ``_Z.<next coarser code>``."""
    columns = []
    for index, level in enumerate(levels):
        own = raw(level.column)
        coarser = [raw(lvl.column) for lvl in levels[index + 1 :]]
        fallback = (
            f"'{NOT_APPLICABLE}.' || COALESCE({', '.join(coarser)}, '{NOT_APPLICABLE}')"
            if coarser
            else f"'{NOT_APPLICABLE}'"
        )
        if index == 0:
            columns.append(
                ColumnSQL(f"geo_{level.level}", own, f"{own} IS NULL", "ingest.E010", level.column)
            )
        else:
            columns.append(ColumnSQL(f"geo_{level.level}", f"COALESCE({own}, {fallback})"))
    return columns


def mapped_column(name: str, column: str, unknown: str, code: str) -> ColumnSQL:
    """A column standardised through the value map table ``map_<name>`` (raw -> code)."""
    alias = f"map_{name}"
    join = f"LEFT JOIN {alias} ON {alias}.raw = {raw(column)}"
    value = f"CASE WHEN {raw(column)} IS NULL THEN {literal(unknown)} ELSE {alias}.code END"
    error = f"{raw(column)} IS NOT NULL AND {alias}.code IS NULL"
    return ColumnSQL(name, value, error, code, column, (join,))


def number_columns(
    name: str, column: str, bounds: Sequence[int], code: str, whole: bool
) -> list[ColumnSQL]:
    number = f"TRY_CAST({raw(column)} AS DOUBLE)"
    checks = [f"{number} IS NULL", f"{number} < 0"]
    if whole:
        checks += [f"{number} <> floor({number})", f"{number} > {MAX_AGE}"]
    error = f"{raw(column)} IS NOT NULL AND ({' OR '.join(checks)})"
    value = f"CAST(floor({number}) AS INTEGER)"
    return [
        ColumnSQL(name, value, error, code, column),
        ColumnSQL(f"{name}_band", band_sql(value, bounds)),
    ]


def count_column(column: str) -> ColumnSQL:
    number = f"TRY_CAST({raw(column)} AS DOUBLE)"
    error = f"{number} IS NULL OR {number} < 0 OR {number} <> floor({number})"
    return ColumnSQL("_count", f"CAST({number} AS BIGINT)", error, "ingest.E014", column)


def standard_columns(mapping: DataMapping) -> list[ColumnSQL]:
    columns = geography_columns(mapping.geography)
    dims = mapping.dimensions
    if "sex" in dims:
        columns.append(mapped_column("sex", dims["sex"].column, SEX_UNKNOWN, "ingest.E011"))
    if "age" in dims:
        columns += number_columns("age", dims["age"].column, dims["age"].bands, "ingest.E012", True)
    for name in ("citizenship", "country_of_birth"):
        if name in dims:
            columns.append(mapped_column(name, dims[name].column, UNKNOWN, "ingest.E013"))
    if "duration_of_stay" in dims:
        spec = dims["duration_of_stay"]
        columns += number_columns("duration_of_stay", spec.column, spec.bands, "ingest.E016", False)
    if "reason_for_migration" in dims:
        column = dims["reason_for_migration"].column
        columns.append(mapped_column("reason_for_migration", column, "unknown", "ingest.E015"))
    for name, column in mapping.keep.items():
        columns.append(ColumnSQL(f"keep_{name}", f"COALESCE({raw(column)}, '{NOT_STATED}')"))
    for name, column in mapping.measures.items():
        number = f"TRY_CAST({raw(column)} AS DOUBLE)"
        error = f"{raw(column)} IS NOT NULL AND {number} IS NULL"
        columns.append(ColumnSQL(f"measure_{name}", number, error, "ingest.E019", column))
    if mapping.count_column:
        columns.append(count_column(mapping.count_column))
    return columns
