"""Ingest one file into the workspace: inspect, firewall, read, standardise, validate, swap in."""

from __future__ import annotations

import difflib
import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from mechelen.core.microdata import codes
from mechelen.core.microdata.firewall import check_columns
from mechelen.core.microdata.mapping import DataMapping
from mechelen.core.problems import Location, Problem, ProblemsFound, errors_only
from mechelen.engine.ingest import value_maps
from mechelen.engine.ingest.columns_sql import (
    NOT_STATED,
    ColumnSQL,
    literal,
    quote,
    raw,
    standard_columns,
)
from mechelen.engine.ingest.firewall_values import refuse_status_values, withhold_status_values
from mechelen.engine.ingest.losses import MIN_SHARE, refuse_losses, rejections
from mechelen.engine.ingest.record_keys import hmac_pads, record_key_sql
from mechelen.engine.ingest.source_table import drop_staged, forget_source, load_source
from mechelen.engine.ingest.sources import (
    SourceInfo,
    SourceLimits,
    inspect_source,
)
from mechelen.engine.ingest.workspace import DatasetRecord, Workspace
from mechelen.engine.standardise.countries import CountryStandardiser

#: progress(stage, step, steps): called before each stage of the work
Progress = Callable[[str, int, int], None]
STAGES = ("inspect", "read", "standardise", "validate", "write")


@dataclass
class IngestResult:
    record: DatasetRecord
    #: the most frequent reasons of rejection: a problem (first row) and how many rows share it
    rejected: list[tuple[Problem, int]] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    seconds: float = 0.0


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def _check_header(info: SourceInfo, mapping: DataMapping) -> list[Problem]:
    problems = []
    available = set(info.columns)
    single = len(info.columns) == 1 and any(d in info.columns[0] for d in ";,\t|")
    for item in mapping.mapped_columns():
        if item.column in available:
            continue
        params: dict[str, object] = {"column": item.column, "role": item.role}
        if single:
            problems.append(Problem("ingest.E005", {**params, "header": info.columns[0][:80]}))
            continue
        close = difflib.get_close_matches(item.column, info.columns, n=3)
        params["close"] = ", ".join(close) if close else "-"
        problems.append(Problem("ingest.E004", params, Location(file=info.path.name)))
    return problems


def _distinct(workspace: Workspace, column: str) -> list[str]:
    rows = workspace.con.execute(
        f"SELECT DISTINCT {raw(column)} FROM src WHERE {raw(column)} IS NOT NULL"
    ).fetchall()
    return [str(r[0]) for r in rows]


def _value_maps(
    workspace: Workspace, mapping: DataMapping, standardiser: CountryStandardiser
) -> None:
    dims = mapping.dimensions
    for name, spec in dims.items():
        values = _distinct(workspace, spec.column)
        if name == "sex":
            table = value_maps.sex_map(values, spec.values)
        elif name in ("citizenship", "country_of_birth"):
            table = value_maps.country_map(values, spec.values, standardiser)
        elif name == "reason_for_migration":
            table = value_maps.reason_map(values, spec.values)
        else:
            continue
        workspace.con.execute(
            f"CREATE OR REPLACE TEMP TABLE map_{name} (raw VARCHAR, code VARCHAR)"
        )
        if table:
            workspace.con.executemany(f"INSERT INTO map_{name} VALUES (?, ?)", list(table.items()))


def _derived(mapping: DataMapping) -> list[str]:
    country = literal(mapping.country)
    derived = []
    if "country_of_birth" in mapping.dimensions:
        derived.append(
            f"CASE WHEN country_of_birth = '{codes.UNKNOWN}' THEN '{codes.UNKNOWN_STATUS}' "
            f"WHEN country_of_birth = {country} THEN '{codes.NATIVE_BORN}' "
            f"ELSE '{codes.FOREIGN_BORN}' END AS birth_status"
        )
    if "citizenship" in mapping.dimensions:
        derived.append(
            f"CASE WHEN citizenship = '{codes.UNKNOWN}' THEN '{codes.UNKNOWN_STATUS}' "
            f"WHEN citizenship = '{codes.STATELESS}' THEN '{codes.STATELESS_STATUS}' "
            f"WHEN citizenship = {country} THEN '{codes.CITIZEN}' "
            f"ELSE '{codes.NON_CITIZEN}' END AS citizenship_status"
        )
    if len(derived) == 2:
        derived.append("birth_status || '/' || citizenship_status AS migratory_status")
    return derived


def _errors_sql(columns: list[ColumnSQL], mapping: DataMapping) -> str:
    """Every bad value of every row, in one pass over the source (plus repeated person ids)."""
    checks = [
        f"CASE WHEN {c.error} THEN {{'column': {literal(c.source)}, 'code': {literal(c.code)}, "
        f"'value': src.{quote(c.source)}}} END"
        for c in columns
        if c.error
    ]
    parts = []
    if checks:
        joins = " ".join(dict.fromkeys(j for c in columns for j in c.joins))
        parts.append(
            'SELECT _row AS "row", e."column", e.code, e.value FROM ('
            f"SELECT src._row, unnest([{', '.join(checks)}]) AS e FROM src {joins}"
            ") WHERE e IS NOT NULL"
        )
    if mapping.id_column:
        identity = raw(mapping.id_column)
        source = literal(mapping.id_column)
        parts.append(
            f"SELECT _row, {source}, 'ingest.E017', src.{quote(mapping.id_column)} FROM src "
            f"WHERE {identity} IS NULL"
        )
        repeated = f"SELECT {identity} AS id FROM src GROUP BY 1 HAVING count(*) > 1"
        parts.append(
            f"SELECT _row, {source}, 'ingest.E018', id FROM (SELECT _row, {identity} AS id, "
            f"row_number() OVER (PARTITION BY {identity} ORDER BY _row) AS n FROM src "
            f"WHERE {identity} IN ({repeated})) WHERE n > 1"
        )
    if not parts:
        return 'SELECT NULL::BIGINT AS "row", NULL AS "column", NULL AS code, NULL AS value WHERE false'
    return " UNION ALL ".join(parts)


def _staged_sql(columns: list[ColumnSQL], mapping: DataMapping) -> str:
    joins = " ".join(dict.fromkeys(j for c in columns for j in c.joins))
    count = next((c.value for c in columns if c.name == "_count"), "1")
    values = ", ".join(f"{c.value} AS {quote(c.name)}" for c in columns if c.name != "_count")
    identity = (
        raw(mapping.id_column)
        if mapping.id_column
        else f"{literal(mapping.dataset + ':')} || src._row"
    )
    inner = (
        f"SELECT src._row, {count} AS _count, {record_key_sql(identity)} AS _rkey, {values} "
        f'FROM src {joins} WHERE src._row NOT IN (SELECT "row" FROM errors)'
    )
    derived = _derived(mapping)
    return f"SELECT *{', ' if derived else ''}{', '.join(derived)} FROM ({inner})"


def _labels_sql(mapping: DataMapping, dataset: str) -> str:
    parts = [
        f"SELECT DISTINCT {literal(dataset)}, {literal('geo_' + lvl.level)}, {raw(lvl.column)}, "
        f"{raw(lvl.label_column)} FROM src WHERE {raw(lvl.column)} IS NOT NULL"
        for lvl in mapping.geography
        if lvl.label_column
    ]
    return " UNION ".join(parts) if parts else "SELECT NULL, NULL, NULL, NULL WHERE false"


def _unknowns(workspace: Workspace, table: str, columns: list[ColumnSQL]) -> dict[str, int]:
    """Persons whose value was not stated, per categorical column, in one pass."""
    names = [
        c.name
        for c in columns
        if not c.name.startswith(("geo_", "_", "measure_"))
        and c.name not in ("age", "duration_of_stay")
    ]
    if not names:
        return {}
    unknown_codes = ", ".join(literal(code) for code in (NOT_STATED, codes.UNKNOWN, "unknown"))
    sums = ", ".join(
        f"sum(CASE WHEN {quote(n)} IN ({unknown_codes}) THEN _count ELSE 0 END)" for n in names
    )
    row = workspace.con.execute(f"SELECT {sums} FROM {table}").fetchone() or tuple(0 for _ in names)
    return {name: int(value or 0) for name, value in zip(names, row, strict=True)}


def ingest(
    workspace: Workspace,
    file: Path,
    mapping: DataMapping,
    mapping_text: str,
    progress: Progress | None = None,
    standardiser: CountryStandardiser | None = None,
    min_share: float = MIN_SHARE,
    limits: SourceLimits | None = None,
) -> IngestResult:
    """Read ``file`` through ``mapping`` into the workspace, replacing the dataset atomically.

    Refused (:class:`~mechelen.engine.ingest.losses.IngestRefused`, the dataset kept as it was) when no row would be kept,
    or fewer than ``min_share`` of the rows of the dataset it replaces. Whatever happens,
    nothing of the file stays behind but the standardised tables of a successful ingest.
    """
    started = time.perf_counter()
    step = _stepper(progress)
    step("inspect")
    limits = limits or SourceLimits.from_env()
    info = inspect_source(file, mapping.source, limits)
    problems = _check_header(info, mapping) + check_columns(mapping.mapped_columns(), info.columns)
    if errors_only(problems):
        raise ProblemsFound(problems)
    warnings = [p for p in problems if not p.is_error]
    staged = f"staged__{mapping.dataset.replace('-', '_')}"
    try:
        record, rejected = _read_and_stage(
            workspace, info, mapping, staged, limits, standardiser or CountryStandardiser(), step
        )
        refuse_losses(workspace, record, rejected, min_share, file.name)
        workspace.replace_dataset(record, mapping_text, staged)
    finally:
        forget_source(workspace, staged)
    return IngestResult(record, rejected, warnings, time.perf_counter() - started)


def _read_and_stage(
    workspace: Workspace,
    info: SourceInfo,
    mapping: DataMapping,
    staged: str,
    limits: SourceLimits,
    standardiser: CountryStandardiser,
    step: Callable[[str], None],
) -> tuple[DatasetRecord, list[tuple[Problem, int]]]:
    """Fill ``staged`` and its validation and labels tables; the record and the reasons."""
    con = workspace.con
    step("read")
    rows_read = load_source(workspace, info, mapping, limits)
    if rows_read == 0:
        raise ProblemsFound([Problem("ingest.E007", {}, Location(file=info.path.name))])
    step("standardise")
    firewall = refuse_status_values(workspace, mapping, info.path.name)
    if firewall:
        raise ProblemsFound(firewall)
    _value_maps(workspace, mapping, standardiser)
    columns = standard_columns(mapping)
    step("validate")
    con.execute(f"CREATE OR REPLACE TEMP TABLE errors AS {_errors_sql(columns, mapping)}")
    withhold_status_values(workspace)
    drop_staged(workspace, staged)
    step("write")
    ipad, opad = hmac_pads(workspace.secret())
    con.execute(
        f"CREATE TABLE {staged} AS {_staged_sql(columns, mapping)}", {"ipad": ipad, "opad": opad}
    )
    dataset = literal(mapping.dataset)
    con.execute(
        f'CREATE TABLE {staged}__validation AS SELECT {dataset} AS dataset, * FROM errors ORDER BY "row", "column"'
    )
    con.execute(f"CREATE TABLE {staged}__labels AS {_labels_sql(mapping, mapping.dataset)}")
    record = _record(workspace, staged, info.path, mapping, rows_read, columns)
    return record, rejections(workspace, info.path.name)


def _record(
    workspace: Workspace,
    staged: str,
    file: Path,
    mapping: DataMapping,
    rows_read: int,
    columns: list[ColumnSQL],
) -> DatasetRecord:
    con = workspace.con
    kept = con.execute(f"SELECT count(*), COALESCE(sum(_count), 0) FROM {staged}").fetchone() or (
        0,
        0,
    )
    rejected_rows = con.execute('SELECT count(DISTINCT "row") FROM errors').fetchone() or (0,)
    count = f"TRY_CAST({raw(mapping.count_column)} AS DOUBLE)" if mapping.count_column else "1"
    rejected_persons = con.execute(
        f'SELECT COALESCE(sum(CASE WHEN {count} >= 0 THEN {count} ELSE 0 END), 0) FROM src WHERE _row IN (SELECT "row" FROM errors)'
    ).fetchone() or (0,)
    names = [d[0] for d in con.execute(f"SELECT * FROM {staged} LIMIT 0").description]
    return DatasetRecord(
        dataset=mapping.dataset,
        source=file.name,
        sha256=file_sha256(file),
        ingested_at=datetime.now(UTC).isoformat(timespec="seconds"),
        rows_read=rows_read,
        rows_kept=int(kept[0]),
        rows_rejected=int(rejected_rows[0]),
        persons_kept=int(kept[1]),
        persons_rejected=int(rejected_persons[0]),
        aggregated=mapping.is_aggregated,
        columns=tuple(n for n in names if not n.startswith("_")),
        geography=tuple(lvl.level for lvl in mapping.geography),
        unknowns=_unknowns(workspace, staged, columns),
        country=mapping.country,
    )


def _stepper(progress: Progress | None) -> Callable[[str], None]:
    position = iter(range(1, len(STAGES) + 1))

    def step(stage: str) -> None:
        number = next(position)
        if progress:
            progress(stage, number, len(STAGES))

    return step
