"""The raw rows of a source, mapped columns only, in the temporary table ``src`` of the
workspace's connection while an ingest runs; dropped, with every other table holding rows of
the source, when it ends, whatever the outcome."""

from __future__ import annotations

import duckdb

from mechelen.core.microdata.mapping import DataMapping
from mechelen.core.problems import Location, Problem, ProblemsFound
from mechelen.engine.ingest.arrow_rows import ArrowRows
from mechelen.engine.ingest.columns_sql import literal, quote
from mechelen.engine.ingest.sources import SourceInfo, SourceLimits, text_rows, xlsx_rows
from mechelen.engine.ingest.workspace import Workspace

#: the name the Arrow stream of decoded rows is registered under while it is read
_STREAM = "source_rows_stream"


def _duckdb_reader_sql(info: SourceInfo) -> str | None:
    """The DuckDB reader of a file it reads itself (Parquet, UTF-8 CSV); None for the others."""
    if info.format == "parquet":
        return f"read_parquet({literal(str(info.path))})"
    if info.format == "xlsx" or info.encoding not in ("utf-8", "utf-8-sig"):
        return None
    return (
        f"read_csv({literal(str(info.path))}, header=true, all_varchar=true, "
        f"delim={literal(info.delimiter)}, quote='\"', null_padding=true, "
        "auto_detect=false, columns=" + _columns_struct(info.columns) + ")"
    )


def _columns_struct(columns: tuple[str, ...]) -> str:
    return "{" + ", ".join(f"{literal(c)}: 'VARCHAR'" for c in columns) + "}"


def load_source(
    workspace: Workspace, info: SourceInfo, mapping: DataMapping, limits: SourceLimits
) -> int:
    """Read the mapped columns (only those) into the temporary table ``src``; the row count.

    DuckDB reads Parquet and UTF-8 CSV itself; XLSX and other encodings are decoded here
    and streamed in, so no copy of the file is ever written.
    """
    needed = sorted({item.column for item in mapping.mapped_columns()})
    select = ", ".join(f"CAST({quote(c)} AS VARCHAR) AS {quote(c)}" for c in needed)
    reader = _duckdb_reader_sql(info)
    streamed: ArrowRows | None = None
    if reader is None:
        rows = (
            xlsx_rows(info, mapping.source.sheet, limits)
            if info.format == "xlsx"
            else text_rows(info)
        )
        streamed = ArrowRows(rows, info.columns, needed)
        workspace.con.register(_STREAM, streamed.reader())
        sql = f"CREATE OR REPLACE TEMP TABLE src AS SELECT _row, {select} FROM {_STREAM}"
    else:
        sql = (
            "CREATE OR REPLACE TEMP TABLE src AS SELECT row_number() OVER () + 1 AS _row, "
            f"{select} FROM {reader}"
        )
    try:
        workspace.con.execute(sql)
    except duckdb.Error as error:
        if streamed is not None and streamed.failure is not None:
            raise streamed.failure from None
        detail = str(error).splitlines()[0][:300]
        raise ProblemsFound(
            [Problem("ingest.E009", {"detail": detail}, Location(file=info.path.name))]
        ) from None
    finally:
        if streamed is not None:
            workspace.con.unregister(_STREAM)
    count = workspace.con.execute("SELECT count(*) FROM src").fetchone()
    return int(count[0]) if count else 0


def drop_staged(workspace: Workspace, staged: str) -> None:
    for suffix in ("", "__validation", "__labels"):
        workspace.con.execute(f"DROP TABLE IF EXISTS {staged}{suffix}")


def forget_source(workspace: Workspace, staged: str) -> None:
    """Drop every table holding rows of the source: the raw rows (``src``), the value maps,
    the bad values, and the staged tables of an ingest that did not finish."""
    con = workspace.con
    temporary = con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE temporary AND "
        "(table_name IN ('src', 'errors') OR table_name LIKE 'map\\_%' ESCAPE '\\')"
    ).fetchall()
    for (name,) in temporary:
        con.execute(f"DROP TABLE IF EXISTS temp.{quote(name)}")
    drop_staged(workspace, staged)
