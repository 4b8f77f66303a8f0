"""Changes to an organisation's uploads and datasets, each recorded in the audit log.

The ingest is started here as a job (``statistics.ingest``, run by ``jobs/kinds.py``); the
objects and the audit entry are committed before the job starts, so that a job run in a
background thread sees them.
"""

from __future__ import annotations

import uuid
from datetime import timedelta
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from mechelen.core.microdata.mapping import SourceOptions
from mechelen.engine.ingest.sources import inspect_source
from mechelen.web.audit.log import record
from mechelen.web.jobs.models import Job
from mechelen.web.jobs.runner import enqueue
from mechelen.web.statistics.datasets.storage import upload_folder
from mechelen.web.statistics.datasets.upload import STORED_SUFFIX
from mechelen.web.statistics.models import Dataset, SourceFile
from mechelen.web.tenancy.models import Organisation

INGEST_JOB = "statistics.ingest"


def upload_source(
    actor: Any, organisation: Organisation, uploaded: UploadedFile, kind: str
) -> SourceFile:
    """Keep the file in the workspace's upload folder and read its header (engine).

    Raises the engine's ProblemsFound (and keeps nothing) when the header cannot be read.
    Uploads of the organisation left waiting longer than ``settings.UPLOAD_KEEP_HOURS`` are
    deleted first.
    """
    remove_stale_uploads(organisation)
    folder = upload_folder(organisation)
    folder.mkdir(parents=True, exist_ok=True)
    stored = f"{uuid.uuid4().hex}{STORED_SUFFIX[kind]}"
    path = folder / stored
    with path.open("wb") as handle:
        for chunk in uploaded.chunks():
            handle.write(chunk)
    try:
        info = inspect_source(path, SourceOptions())
    except Exception:
        path.unlink(missing_ok=True)
        raise
    with transaction.atomic():
        source = SourceFile.objects.create(
            organisation=organisation,
            uploaded_by=actor,
            original_name=(uploaded.name or stored)[:255],
            kind=kind,
            size=uploaded.size or 0,
            stored_name=stored,
            columns=list(info.columns),
        )
        record(
            actor,
            "statistics.upload",
            source,
            organisation,
            {"name": source.original_name, "kind": kind, "size": source.size},
        )
    return source


def start_ingest(
    actor: Any,
    source: SourceFile,
    dataset_name: str,
    mapping_text: str,
    min_share: float | None = None,
) -> Job:
    """Save the dataset's mapping and start reading the file into the workspace (stale
    uploads, this one included, are deleted first: the job then says to upload it again).

    ``min_share``: refuse a version keeping fewer rows than this share of the current one
    (default ``settings.INGEST_MIN_SHARE``)."""
    organisation = source.organisation
    remove_stale_uploads(organisation)
    with transaction.atomic():
        dataset, created = Dataset.objects.get_or_create(
            organisation=organisation,
            name=dataset_name,
            defaults={"mapping_text": mapping_text, "created_by": actor},
        )
        dataset.mapping_text, dataset.source_file = mapping_text, source
        dataset.save(update_fields=["mapping_text", "source_file", "updated_at"])
        record(
            actor,
            "statistics.dataset.create" if created else "statistics.dataset.update",
            dataset,
            organisation,
            {"source": source.original_name, "mapping": mapping_text},
        )
    params: dict[str, Any] = {"dataset": dataset.pk, "source": source.pk}
    if min_share is not None:
        params["min_share"] = min_share
    job = enqueue(INGEST_JOB, organisation, actor, params)
    Dataset.objects.filter(pk=dataset.pk).update(last_job=job)
    return job


def remove_upload(source: SourceFile) -> None:
    """Delete an uploaded file once its ingest ended (the workspace holds what was read from
    it), or when it waited too long."""
    path = upload_folder(source.organisation) / source.stored_name
    Path(path).unlink(missing_ok=True)
    SourceFile.objects.filter(pk=source.pk).update(removed_at=timezone.now())


def _keep_cutoff() -> Any:
    return timezone.now() - timedelta(hours=settings.UPLOAD_KEEP_HOURS)


def waiting_uploads(organisation: Organisation) -> Any:
    """The organisation's uploads still waiting for their ingest (not yet too old)."""
    return SourceFile.objects.filter(
        organisation=organisation, removed_at=None, uploaded_at__gte=_keep_cutoff()
    )


def remove_stale_uploads(organisation: Organisation) -> int:
    """Delete the organisation's uploads nobody ingested within ``UPLOAD_KEEP_HOURS``, each
    recorded as done by the platform (no actor); how many."""
    stale = SourceFile.objects.filter(
        organisation=organisation, removed_at=None, uploaded_at__lt=_keep_cutoff()
    )
    count = 0
    for source in stale:
        remove_upload(source)
        details = {"name": source.original_name, "hours": settings.UPLOAD_KEEP_HOURS}
        record(None, "statistics.upload.expire", source, organisation, details)
        count += 1
    return count
