"""What the pages know of an ingested dataset: the engine's record, kept on the Dataset row."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from mechelen.engine.ingest.pipeline import IngestResult
from mechelen.engine.ingest.workspace import DatasetRecord
from mechelen.engine.tables.dimensions import DatasetDimensions
from mechelen.web.statistics.models import Dataset
from mechelen.web.statistics.problems import as_stored


def ingest_summary(result: IngestResult) -> dict[str, Any]:
    """The record of an ingest and its most frequent reasons of rejection, without values."""
    record = asdict(result.record)
    return {
        "record": {k: list(v) if isinstance(v, tuple) else v for k, v in record.items()},
        "rejected": [
            {"code": p.code, "column": p.location.column or "", "rows": rows}
            for p, rows in result.rejected
        ],
        "warnings": [as_stored(p) for p in result.warnings],
        "seconds": round(result.seconds, 2),
    }


def dataset_record(dataset: Dataset) -> DatasetRecord | None:
    stored = dataset.summary.get("record")
    if not stored:
        return None
    values = dict(stored)
    for name in ("columns", "geography"):
        values[name] = tuple(values.get(name) or ())
    return DatasetRecord(**values)


def geography_levels(dataset: Dataset) -> tuple[str, ...]:
    record = dataset_record(dataset)
    return record.geography if record else ()


def available_dimensions(dataset: Dataset) -> tuple[str, ...]:
    """The dimensions a table of this dataset may use (the engine's list)."""
    record = dataset_record(dataset)
    if record is None:
        return ()
    geography = tuple(f"geo_{level}" for level in record.geography)
    return DatasetDimensions(record, record.country, geography).available()
