"""Build every table of a spec, with all its margins, in the workspace's DuckDB.

The dataset is first summed to the finest cross-classification of every dimension the spec
uses (one pass over the records); each table's cells, margins and totals then come from that
small cube, either with one GROUPING SETS query per table (``grouping-sets``, the default) or
with one Ibis aggregation per combination of margins (``separate``). ``bench/`` measures both.
"""

from __future__ import annotations

import itertools
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import ibis
import numpy as np
import numpy.typing as npt

from mechelen.core.tabulation.hierarchy import TOTAL, Hierarchy
from mechelen.core.tabulation.spec import Filter, TableRequest, TableSpec
from mechelen.core.tabulation.table import CellTable, Key
from mechelen.engine.ingest.columns_sql import literal, quote
from mechelen.engine.ingest.workspace import Workspace, data_table
from mechelen.engine.standardise.country_groups import group_order
from mechelen.engine.tables.dimensions import (
    GROUPS,
    DatasetDimensions,
    DimensionColumns,
    dataset_dimensions,
    group_rows,
)

STRATEGIES = ("grouping-sets", "separate")
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True, eq=False)
class BuiltTable:
    request: TableRequest
    table: CellTable
    record_key_sums: npt.NDArray[np.int64]
    labels: dict[str, dict[str, str]]


@dataclass(frozen=True)
class BuildTimings:
    cube_seconds: float
    tables_seconds: float
    cube_rows: int


def _filter_sql(item: Filter) -> str:
    column = quote(item.column)
    if item.values:
        return f"{column} IN ({', '.join(literal(v) for v in item.values)})"
    parts = []
    if item.minimum is not None:
        parts.append(f"{column} >= {item.minimum}")
    if item.maximum is not None:
        parts.append(f"{column} <= {item.maximum}")
    return " AND ".join(parts)


def _build_cube(workspace: Workspace, spec: TableSpec, dims: DatasetDimensions) -> list[str]:
    """Sum the dataset into the temp table ``cube``; return its dimension columns."""
    con = workspace.con
    names = sorted({d for t in spec.tables for d in t.dimensions})
    columns = [c for name in names for c in dims.resolve(name).columns]
    source = data_table(spec.dataset)
    select = []
    joins = []
    for column in columns:
        if column in GROUPS:
            origin = GROUPS[column]
            codes = [
                r[0]
                for r in con.execute(f"SELECT DISTINCT {quote(origin)} FROM {source}").fetchall()
            ]
            con.execute(f"CREATE OR REPLACE TEMP TABLE map_{column} (code VARCHAR, grp VARCHAR)")
            con.executemany(
                f"INSERT INTO map_{column} VALUES (?, ?)", group_rows(codes, dims.country)
            )
            joins.append(f"JOIN map_{column} ON map_{column}.code = d.{quote(origin)}")
            select.append(f"map_{column}.grp AS {quote(column)}")
        else:
            select.append(f"d.{quote(column)}")
    where = " AND ".join(f"({_filter_sql(f)})" for f in spec.filters) or "true"
    where = re.sub(r'"(\w+)"', r'd."\1"', where)
    dims_sql = "".join(f"{item}, " for item in select)
    if spec.measure:
        # magnitude tables keep one row per record: the rules need each cell's largest values
        measure = f"COALESCE(d.{quote('measure_' + spec.measure)}, 0)"
        con.execute(
            f"CREATE OR REPLACE TEMP TABLE cube AS SELECT {dims_sql}d._count AS n, "
            f"CAST(d._rkey AS BIGINT) AS k, {measure} AS v FROM {source} AS d "
            f"{' '.join(joins)} WHERE {where}"
        )
        return columns
    group = ", ".join(str(i + 1) for i in range(len(select)))
    con.execute(
        f"CREATE OR REPLACE TEMP TABLE cube AS SELECT {dims_sql}sum(d._count) AS n, "
        f"sum(CAST(d._rkey AS BIGINT)) AS k, sum(d._count)::DOUBLE AS v FROM {source} AS d "
        f"{' '.join(joins)} WHERE {where} GROUP BY {group or 'ALL'}"
    )
    return columns


def _sets(resolved: Sequence[DimensionColumns]) -> list[tuple[str | None, ...]]:
    """Each combination of margins: for every dimension one level column, or None (its total)."""
    choices = [(*d.columns, None) for d in resolved]
    return list(itertools.product(*choices))


#: how many of each cell's largest contributions magnitude tables keep (dominance, p%)
TOP_CONTRIBUTIONS = 2


def _grouping_sets_rows(
    workspace: Workspace, resolved: Sequence[DimensionColumns], magnitude: bool = False
) -> list[tuple[object, ...]]:
    columns = [c for d in resolved for c in d.columns]
    sets = ", ".join(
        "(" + ", ".join(quote(c) for c in s if c is not None) + ")" for s in _sets(resolved)
    )
    top = f", max(v, {TOP_CONTRIBUTIONS})" if magnitude else ""
    sql = (
        f"SELECT {', '.join(quote(c) for c in columns)}, sum(n), sum(k), sum(v){top} FROM cube "
        f"GROUP BY GROUPING SETS ({sets})"
    )
    return workspace.con.execute(sql).fetchall()


def _separate_rows(
    workspace: Workspace, resolved: Sequence[DimensionColumns]
) -> list[tuple[object, ...]]:
    con = ibis.duckdb.from_connection(workspace.con)
    cube = con.table("cube")
    columns = [c for d in resolved for c in d.columns]
    parts = []
    for chosen in _sets(resolved):
        keep = [c for c in chosen if c is not None]
        expr = (
            cube.group_by(keep).aggregate(n=cube.n.sum(), k=cube.k.sum(), v=cube.v.sum())
            if keep
            else cube.aggregate(n=cube.n.sum(), k=cube.k.sum(), v=cube.v.sum())
        )
        expr = expr.mutate(**{c: ibis.null().cast("string") for c in columns if c not in keep})
        parts.append(expr.select(*columns, "n", "k", "v"))
    union = ibis.union(*parts) if len(parts) > 1 else parts[0]
    rows: list[tuple[object, ...]] = workspace.con.execute(
        ibis.to_sql(union, dialect="duckdb")
    ).fetchall()
    return rows


def _lower_bound(code: str) -> int:
    found = re.match(r"\d+", code)
    return int(found.group()) if found else 0


def _order(name: str, codes: set[str], country: str) -> list[str]:
    if name.endswith("_band"):
        return sorted(codes, key=lambda c: (c == "_U", _lower_bound(c)))
    if name in GROUPS:
        ranking = {g: i for i, g in enumerate(group_order(country))}
        return sorted(codes, key=lambda c: (ranking.get(c, len(ranking)), c))
    return sorted(codes)


def _hierarchy(workspace: Workspace, dimension: DimensionColumns, country: str) -> Hierarchy:
    cols = ", ".join(quote(c) for c in dimension.columns)
    rows = workspace.con.execute(f"SELECT DISTINCT {cols} FROM cube").fetchall()
    if len(dimension.columns) == 1:
        codes = _order(
            dimension.name if dimension.name in GROUPS else dimension.columns[0],
            {r[0] for r in rows},
            country,
        )
        return Hierarchy.flat(dimension.name, codes)
    parents: dict[str, str] = {}
    for row in sorted(rows, key=lambda r: [str(x) for x in reversed(r)]):
        for index, code in enumerate(row):
            parent = row[index + 1] if index + 1 < len(row) else TOTAL
            parents.setdefault(str(code), str(parent))
    return Hierarchy(dimension.name, parents)


def _table(
    request: TableRequest,
    resolved: Sequence[DimensionColumns],
    hierarchies: dict[str, Hierarchy],
    rows: list[tuple[object, ...]],
) -> tuple[CellTable, npt.NDArray[np.int64]]:
    width = sum(len(d.columns) for d in resolved)
    found: dict[Key, tuple[int, int, float]] = {}
    tops: dict[Key, list[float]] = {}
    for row in rows:
        key: list[str] = []
        position = 0
        for dimension in resolved:
            parts = row[position : position + len(dimension.columns)]
            position += len(dimension.columns)
            code = next((str(v) for v in parts if v is not None), TOTAL)
            key.append(code)
        n, k, v = row[width : width + 3]
        found[tuple(key)] = (int(n or 0), int(k or 0), float(v or 0))  # type: ignore[call-overload, arg-type]
        if len(row) > width + 3:
            tops[tuple(key)] = sorted((float(x) for x in row[width + 3] or []), reverse=True)  # type: ignore[attr-defined]
    levels_by_dimension = []
    for dimension in resolved:
        hierarchy = hierarchies[dimension.name]
        levels_by_dimension.append(hierarchy.codes)
    keys = list(itertools.product(*levels_by_dimension))
    counts = np.fromiter(
        (found.get(k, (0, 0, 0.0))[0] for k in keys), dtype=np.int64, count=len(keys)
    )
    rkeys = np.fromiter(
        (found.get(k, (0, 0, 0.0))[1] for k in keys), dtype=np.int64, count=len(keys)
    )
    values = np.fromiter(
        (found.get(k, (0, 0, 0.0))[2] for k in keys), dtype=np.float64, count=len(keys)
    )
    top_contributions = None
    if tops:
        top_contributions = np.zeros((len(keys), TOP_CONTRIBUTIONS), dtype=np.float64)
        for index, cell in enumerate(keys):
            largest = tops.get(cell, [])[:TOP_CONTRIBUTIONS]
            top_contributions[index, : len(largest)] = largest
    table = CellTable(
        name=request.name,
        dimensions=tuple(d.name for d in resolved),
        keys=tuple(keys),
        counts=counts,
        values=values,
        hierarchies={d.name: hierarchies[d.name] for d in resolved},
        top_contributions=top_contributions,
    )
    return table, rkeys


def _labels(
    workspace: Workspace, dataset: str, dims: DatasetDimensions
) -> dict[str, dict[str, str]]:
    rows = workspace.con.execute(
        "SELECT code, label FROM labels WHERE dataset = ? AND dimension IN "
        f"({', '.join(literal(c) for c in dims.geography) or 'NULL'})",
        [dataset],
    ).fetchall()
    return {"geography": {str(code): str(label) for code, label in rows}}


def build_tables(
    workspace: Workspace,
    spec: TableSpec,
    strategy: str = "grouping-sets",
    progress: Progress | None = None,
) -> tuple[list[BuiltTable], BuildTimings]:
    """Every table of ``spec`` with all margins; raises ProblemsFound for a bad spec."""
    dims = dataset_dimensions(workspace, spec)
    started = time.perf_counter()
    _build_cube(workspace, spec, dims)
    cube_rows = workspace.con.execute("SELECT count(*) FROM cube").fetchone()
    cube_seconds = time.perf_counter() - started
    names = sorted({d for t in spec.tables for d in t.dimensions})
    hierarchies = {name: _hierarchy(workspace, dims.resolve(name), dims.country) for name in names}
    labels = _labels(workspace, spec.dataset, dims)
    magnitude = spec.measure is not None
    built = []
    for number, request in enumerate(spec.tables, start=1):
        if progress:
            progress(request.name, number, len(spec.tables))
        resolved = [dims.resolve(d) for d in request.dimensions]
        if strategy == "separate" and not magnitude:
            rows = _separate_rows(workspace, resolved)
        else:  # magnitude tables need the largest contributions: one GROUPING SETS query
            rows = _grouping_sets_rows(workspace, resolved, magnitude)
        table, rkeys = _table(request, resolved, hierarchies, rows)
        built.append(BuiltTable(request, table, rkeys, labels))
    timings = BuildTimings(
        cube_seconds,
        time.perf_counter() - started - cube_seconds,
        int(cube_rows[0]) if cube_rows else 0,
    )
    return built, timings
