"""The long work itself, run by a job (``jobs.py``) or, for the demo, directly.

- :func:`ingest_dataset`: read the dataset's uploaded file through its mapping into the
  organisation's workspace (the engine's ingest), keep the record; the upload is deleted
  whatever the outcome (read, refused or failed), so no copy of it outlives its ingest.
- :func:`build_release`: build, protect and write the release's tables (the engine's
  make_release) into a new folder of the release, and keep what the pages need.

Both raise the engine's ProblemsFound for bad input, and record an audit entry on success.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.utils import timezone

from mechelen.core.microdata.mapping import read_mapping
from mechelen.core.problems import ProblemsFound
from mechelen.core.tabulation.spec import read_spec
from mechelen.engine.ingest.pipeline import ingest
from mechelen.engine.publish.release import make_release
from mechelen.engine.standardise.countries import CountryStandardiser
from mechelen.engine.yaml_source import parse_yaml
from mechelen.web.audit.log import record
from mechelen.web.statistics.actions import remove_upload
from mechelen.web.statistics.models import Dataset, Release, ReleaseStatus
from mechelen.web.statistics.storage import (
    media_relative,
    open_workspace,
    published_release_folders,
    releases_folder,
    upload_folder,
)
from mechelen.web.statistics.summaries import ingest_summary

#: progress(stage or table, number, total), as the engine calls it
EngineProgress = Callable[[str, int, int], None]

COUNTS = ("rows_read", "rows_kept", "rows_rejected", "persons_kept", "persons_rejected")


class SpecChanged(Exception):
    """The release's spec changed (or it was submitted) while it was being built."""


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


def build_release(
    release: Release, actor: Any, build: str, progress: EngineProgress | None = None
) -> int:
    """Build the release into its folder ``build``; the number of tables."""
    base = releases_folder(release.organisation) / str(release.pk)
    folder = base / build
    spec, problems = read_spec(parse_yaml(release.spec_text, "spec.yaml", "spec"))
    if spec is None:
        raise ProblemsFound(problems)
    made_by = actor.get_username() if actor is not None else "mechelen"
    try:
        with open_workspace(release.organisation) as workspace:
            built = make_release(
                workspace,
                spec,
                release.spec_text,
                folder,
                made_by,
                progress=progress,
                published=published_release_folders(release.organisation, exclude=release.pk),
            )
    except ProblemsFound:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    current = Release.objects.filter(pk=release.pk, spec_text=release.spec_text)
    if not current.filter(status__in=[ReleaseStatus.DRAFT, ReleaseStatus.REJECTED]).exists():
        shutil.rmtree(folder, ignore_errors=True)
        raise SpecChanged(release.name)
    for old in base.iterdir():
        if old != folder:
            shutil.rmtree(old, ignore_errors=True)
    release.folder = media_relative(folder)
    release.tables = [
        {
            "name": t.table.name,
            "dimensions": list(t.table.dimensions),
            "cells": t.report.cells,
            "report": t.report.as_dict(),
        }
        for t in built.tables
    ]
    release.content_sha256, release.built_at = built.content_sha256, timezone.now()
    release.save(update_fields=["folder", "tables", "content_sha256", "built_at"])
    record(
        actor,
        "statistics.release.build",
        release,
        release.organisation,
        {"name": release.name, "content_sha256": built.content_sha256},
    )
    return len(built.tables)
