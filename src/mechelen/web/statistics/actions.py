"""Changes to an organisation's statistics, each recorded in the audit log.

Long work (ingest, building a release) is started here as a job and done in ``jobs.py``;
the objects and the audit entry are committed before the job starts, so that a job run in
a background thread sees them.
"""

from __future__ import annotations

import hashlib
import uuid
from datetime import timedelta
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from mechelen.core.microdata.mapping import SourceOptions
from mechelen.core.problems import ProblemsFound
from mechelen.engine.ingest.sources import inspect_source
from mechelen.engine.publish.audit_release import audit_release
from mechelen.web.audit.log import record
from mechelen.web.followup.figures.actions import refresh_from_releases
from mechelen.web.jobs.models import Job
from mechelen.web.jobs.runner import enqueue
from mechelen.web.statistics.models import (
    Dataset,
    Release,
    ReleaseStatus,
    ServiceFigure,
    SourceFile,
)
from mechelen.web.statistics.published import headline_figures, release_tables
from mechelen.web.statistics.storage import (
    media_path,
    published_release_folders,
    upload_folder,
)
from mechelen.web.statistics.upload import STORED_SUFFIX
from mechelen.web.tenancy.models import Organisation

INGEST_JOB = "statistics.ingest"
PREVIEW_JOB = "statistics.preview"


class ReleaseStateError(Exception):
    """The release is not in a state that allows this step (the message says why)."""


def spec_digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


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


def save_release(
    actor: Any,
    organisation: Organisation,
    release: Release | None,
    dataset: Dataset,
    name: str,
    title: str,
    spec_text: str,
) -> Release:
    """Create or change a release's spec; any earlier preview is dropped (it is stale)."""
    if release is not None and not release.editable:
        raise ReleaseStateError(_("Only a draft or rejected release can be changed."))
    with transaction.atomic():
        created = release is None
        if release is None:
            release = Release(organisation=organisation, created_by=actor)
        release.dataset, release.name, release.title = dataset, name, title
        release.spec_text, release.status = spec_text, ReleaseStatus.DRAFT
        release.folder, release.tables, release.content_sha256 = "", [], ""
        release.built_at = None
        release.save()
        record(
            actor,
            "statistics.release.create" if created else "statistics.release.update",
            release,
            organisation,
            {"name": name, "title": title, "dataset": dataset.name, "spec": spec_text},
        )
    return release


def start_preview(actor: Any, release: Release) -> Job:
    """Build the release's protected tables (a job), for the steward to check."""
    if not release.editable:
        raise ReleaseStateError(_("Only a draft or rejected release can be built again."))
    job = enqueue(
        PREVIEW_JOB,
        release.organisation,
        actor,
        {"release": release.pk, "spec": spec_digest(release.spec_text)},
    )
    Release.objects.filter(pk=release.pk).update(build_job=job)
    return job


@transaction.atomic
def submit_release(actor: Any, release: Release) -> Release:
    if not release.editable:
        raise ReleaseStateError(_("This release was submitted already."))
    if not release.built:
        raise ReleaseStateError(_("Preview the release before submitting it."))
    release.status, release.submitted_by, release.submitted_at = (
        ReleaseStatus.SUBMITTED,
        actor,
        timezone.now(),
    )
    release.rejection_reason = ""
    release.save()
    record(
        actor, "statistics.release.submit", release, release.organisation, {"name": release.name}
    )
    return release


def _decide(release: Release, actor: Any) -> None:
    if release.status != ReleaseStatus.SUBMITTED:
        raise ReleaseStateError(_("Only a release waiting for approval can be decided."))
    release.decided_by, release.decided_at = actor, timezone.now()


def audit_before_approval(release: Release) -> None:
    """Attack the release together with every release the organisation published already,
    with every relation an attacker knows; refuse it if a suppressed cell can be narrowed."""
    if not release.folder:
        raise ReleaseStateError(_("Preview the release before submitting it."))
    folder = media_path(release.folder)
    earlier = published_release_folders(release.organisation, exclude=release.pk)
    try:
        result = audit_release(folder, earlier)
    except ProblemsFound as found:
        raise ReleaseStateError(
            _("The release's files cannot be audited (%(codes)s): build it again.")
            % {"codes": ", ".join(p.code for p in found.problems)}
        ) from found
    if result.applicable and not result.passed:
        raise ReleaseStateError(
            _(
                "Not approved (audit.E004): with what is already published, an attacker can "
                "narrow %(count)d suppressed cells below the protection width. Build the release "
                "again: it is then protected together with the published releases."
            )
            % {"count": len(result.narrow)}
        )


def approve_release(actor: Any, release: Release) -> Release:
    """Publish the release exactly as it was previewed and submitted, once the audit against
    everything published before passes. The audit (linear and integer programmes, seconds
    on large releases) runs before the transaction, which would hold the database's write
    lock meanwhile."""
    _decide(release, actor)
    audit_before_approval(release)
    with transaction.atomic():
        release.status, release.published_at = ReleaseStatus.PUBLISHED, timezone.now()
        release.headline = headline_figures(release_tables(release))
        release.save()
        record(
            actor,
            "statistics.release.approve",
            release,
            release.organisation,
            {"name": release.name, "content_sha256": release.content_sha256},
        )
        # the city's indicators computed from its published tables take in the new release
        refresh_from_releases(actor, release.organisation)
    return release


@transaction.atomic
def reject_release(actor: Any, release: Release, reason: str) -> Release:
    _decide(release, actor)
    release.status, release.rejection_reason = ReleaseStatus.REJECTED, reason
    release.save()
    record(
        actor,
        "statistics.release.reject",
        release,
        release.organisation,
        {"name": release.name, "reason": reason},
    )
    return release


FIGURE_FIELDS = ("sector", "period", "name", "value")


@transaction.atomic
def create_figure(actor: Any, organisation: Organisation, data: dict[str, Any]) -> ServiceFigure:
    figure = ServiceFigure.objects.create(
        organisation=organisation, provider=actor, **{f: data[f] for f in FIGURE_FIELDS}
    )
    record(
        actor, "statistics.figure.create", figure, organisation, {f: data[f] for f in FIGURE_FIELDS}
    )
    return figure


@transaction.atomic
def update_figure(actor: Any, figure: ServiceFigure, data: dict[str, Any]) -> ServiceFigure:
    changed = {f: data[f] for f in FIGURE_FIELDS if getattr(figure, f) != data[f]}
    for name, value in changed.items():
        setattr(figure, name, value)
    figure.save()
    record(actor, "statistics.figure.update", figure, figure.organisation, changed)
    return figure


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
