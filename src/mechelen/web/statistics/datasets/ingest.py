"""The ingest, run by a job (``jobs/kinds.py``) or, for the demo, directly: read the
dataset's uploaded file through its mapping into the organisation's workspace (the engine's
ingest) and keep the record; the upload is deleted whatever the outcome (read, refused or
failed), so no copy of it outlives its ingest.

Raises the engine's ProblemsFound for bad input, and records an audit entry on success.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.utils import timezone

from mechelen.core.microdata.mapping import read_mapping
from mechelen.core.problems import ProblemsFound
from mechelen.engine.ingest.pipeline import ingest
from mechelen.engine.standardise.countries import CountryStandardiser
from mechelen.engine.yaml_source import parse_yaml
from mechelen.web.audit.log import record
from mechelen.web.statistics.datasets.actions import remove_upload
from mechelen.web.statistics.datasets.storage import open_workspace, upload_folder
from mechelen.web.statistics.datasets.summaries import ingest_summary
from mechelen.web.statistics.models import Dataset

#: progress(stage or table, number, total), as the engine calls it
EngineProgress = Callable[[str, int, int], None]

COUNTS = ("rows_read", "rows_kept", "rows_rejected", "persons_kept", "persons_rejected")


class SourceGone(Exception):
    """The dataset's uploaded file was ingested (and deleted) already, or never kept."""


def ingest_dataset(
    dataset: Dataset,
    actor: Any,
    progress: EngineProgress | None = None,
    standardiser: CountryStandardiser | None = None,
    min_share: float | None = None,
) -> dict[str, int]:
    """Read the dataset's upload into the workspace; the counts. Refused (IngestRefused) when
    it keeps fewer rows than ``min_share`` (default ``settings.INGEST_MIN_SHARE``) of the
    current version; the upload is deleted whatever happens."""
    source = dataset.source_file
    if source is None or source.removed_at is not None:
        raise SourceGone(dataset.name)
    path = upload_folder(dataset.organisation) / source.stored_name
    try:
        mapping, problems = read_mapping(
            parse_yaml(dataset.mapping_text, "mapping.yaml", "mapping")
        )
        if mapping is None:
            raise ProblemsFound(problems)
        with open_workspace(dataset.organisation) as workspace:
            result = ingest(
                workspace,
                path,
                mapping,
                dataset.mapping_text,
                progress,
                standardiser=standardiser,
                min_share=settings.INGEST_MIN_SHARE if min_share is None else min_share,
            )
    finally:
        remove_upload(source)
    dataset.summary = ingest_summary(result)
    dataset.ingested_at = timezone.now()
    dataset.save(update_fields=["summary", "ingested_at", "updated_at"])
    counts = {k: int(getattr(result.record, k)) for k in COUNTS}
    record(actor, "statistics.dataset.ingest", dataset, dataset.organisation, counts)
    return counts
