"""The on-disk workspace: one DuckDB file holding the standardised datasets and their records.

Tables: ``data__<dataset>`` (one row per person record or per count row, standard columns),
``datasets`` (one row per dataset: source, content hash, mapping, counts), ``validation``
(every rejected row: row, column, code, value) and ``labels`` (names of codes). Replacing a
dataset swaps all of them in one transaction, so a failure leaves the previous version whole.

The secret behind the record keys of the cell key method is held by the data holder only: in
``MECHELEN_RECORD_KEY_SECRET`` (hex) or in ``record-key.secret`` beside the database, created
on first use with permissions 0600. It never leaves the workspace.

Nothing else is kept: no copy of a source file, whole or partial (see ``pipeline.ingest``).
"""

from __future__ import annotations

import json
import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb

DATABASE_FILE = "workspace.duckdb"
SECRET_FILE = "record-key.secret"
SECRET_ENV = "MECHELEN_RECORD_KEY_SECRET"
#: where versions before issue 10 left a transcoded copy of XLSX and non-UTF-8 sources
LEGACY_COPY = Path("tmp") / "source.csv"

_CATALOG = (
    """CREATE TABLE IF NOT EXISTS datasets (
        dataset VARCHAR PRIMARY KEY, source VARCHAR, sha256 VARCHAR, mapping VARCHAR,
        ingested_at VARCHAR, rows_read BIGINT, rows_kept BIGINT, rows_rejected BIGINT,
        persons_kept BIGINT, persons_rejected BIGINT, aggregated BOOLEAN, columns VARCHAR,
        geography VARCHAR, unknowns VARCHAR)""",
    "ALTER TABLE datasets ADD COLUMN IF NOT EXISTS country VARCHAR",
    """CREATE TABLE IF NOT EXISTS validation (
        dataset VARCHAR, "row" BIGINT, "column" VARCHAR, code VARCHAR, value VARCHAR)""",
    """CREATE TABLE IF NOT EXISTS labels (
        dataset VARCHAR, dimension VARCHAR, code VARCHAR, label VARCHAR)""",
)


@dataclass(frozen=True)
class DatasetRecord:
    dataset: str
    source: str
    sha256: str
    ingested_at: str
    rows_read: int
    rows_kept: int
    rows_rejected: int
    persons_kept: int
    persons_rejected: int
    aggregated: bool
    columns: tuple[str, ...]
    geography: tuple[str, ...]
    unknowns: dict[str, int]
    country: str = ""


def data_table(dataset: str) -> str:
    return "data__" + dataset.replace("-", "_")


class Workspace:
    """A folder with the DuckDB database of one data holder."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self.con = duckdb.connect(str(folder / DATABASE_FILE))
        self.con.execute("SET enable_progress_bar = false")
        for statement in _CATALOG:
            self.con.execute(statement)
        _remove_legacy_copy(folder)

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def secret(self) -> bytes:
        """The record-key secret, created on first use."""
        from_env = os.environ.get(SECRET_ENV)
        if from_env:
            return bytes.fromhex(from_env)
        path = self.folder / SECRET_FILE
        if not path.exists():
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(descriptor, "w") as handle:
                handle.write(secrets.token_hex(32))
        return bytes.fromhex(path.read_text().strip())

    @contextmanager
    def transaction(self) -> Iterator[duckdb.DuckDBPyConnection]:
        self.con.execute("BEGIN TRANSACTION")
        try:
            yield self.con
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        self.con.execute("COMMIT")

    def replace_dataset(self, record: DatasetRecord, mapping_text: str, staged: str) -> None:
        """Swap in ``staged`` (a table already holding the new rows) and its records, atomically.

        The caller has filled ``staged``, ``staged__validation`` and ``staged__labels``.
        """
        target = data_table(record.dataset)
        with self.transaction() as con:
            con.execute(f"DROP TABLE IF EXISTS {target}")
            con.execute(f"ALTER TABLE {staged} RENAME TO {target}")
            for table in ("validation", "labels"):
                con.execute(f"DELETE FROM {table} WHERE dataset = ?", [record.dataset])
                con.execute(f"INSERT INTO {table} SELECT * FROM {staged}__{table}")
                con.execute(f"DROP TABLE {staged}__{table}")
            con.execute("DELETE FROM datasets WHERE dataset = ?", [record.dataset])
            con.execute(
                "INSERT INTO datasets VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    record.dataset,
                    record.source,
                    record.sha256,
                    mapping_text,
                    record.ingested_at,
                    record.rows_read,
                    record.rows_kept,
                    record.rows_rejected,
                    record.persons_kept,
                    record.persons_rejected,
                    record.aggregated,
                    json.dumps(list(record.columns)),
                    json.dumps(list(record.geography)),
                    json.dumps(record.unknowns),
                    record.country,
                ],
            )

    def datasets(self) -> list[DatasetRecord]:
        rows = self.con.execute(
            "SELECT dataset, source, sha256, ingested_at, rows_read, rows_kept, rows_rejected, "
            "persons_kept, persons_rejected, aggregated, columns, geography, unknowns, country "
            "FROM datasets ORDER BY dataset"
        ).fetchall()
        return [_record(row) for row in rows]

    def dataset(self, name: str) -> DatasetRecord | None:
        return next((d for d in self.datasets() if d.dataset == name), None)

    def validation_rows(self, dataset: str, limit: int | None = None) -> list[tuple[Any, ...]]:
        sql = 'SELECT "row", "column", code, value FROM validation WHERE dataset = ? ORDER BY "row", "column"'
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return self.con.execute(sql, [dataset]).fetchall()


def _remove_legacy_copy(folder: Path) -> None:
    """Delete the plaintext copy of a source that versions before issue 10 left behind."""
    legacy = folder / LEGACY_COPY
    legacy.unlink(missing_ok=True)
    if legacy.parent.is_dir() and not any(legacy.parent.iterdir()):
        legacy.parent.rmdir()


def _record(row: tuple[Any, ...]) -> DatasetRecord:
    return DatasetRecord(
        dataset=row[0],
        source=row[1],
        sha256=row[2],
        ingested_at=row[3],
        rows_read=row[4],
        rows_kept=row[5],
        rows_rejected=row[6],
        persons_kept=row[7],
        persons_rejected=row[8],
        aggregated=row[9],
        columns=tuple(json.loads(row[10])),
        geography=tuple(json.loads(row[11])),
        unknowns=json.loads(row[12]),
        country=row[13] or "",
    )
