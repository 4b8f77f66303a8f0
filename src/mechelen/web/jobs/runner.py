"""Run registered kinds of work off the request and record their progress.

``MECHELEN_JOBS=thread`` (the default) runs each job in a background thread of the web
process; ``inline`` runs it before the request returns (tests). Jobs left queued or running
by a stopped process are run again by ``python manage.py run_jobs``.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Mapping
from typing import Any

from django.conf import settings
from django.db import close_old_connections, connection
from django.utils import timezone

from mechelen.web.audit.log import record
from mechelen.web.jobs.models import Job, JobStatus
from mechelen.web.tenancy.models import Organisation

log = logging.getLogger(__name__)

Progress = Callable[[float, str], None]
JobFunction = Callable[[Job, Progress], Mapping[str, Any]]

_KINDS: dict[str, JobFunction] = {}


class JobFailed(Exception):
    """Raised by a job for an expected failure: ``problems`` are shown to the user."""

    def __init__(self, problems: list[dict[str, Any]]) -> None:
        super().__init__(problems)
        self.problems = problems


def job_kind(kind: str) -> Callable[[JobFunction], JobFunction]:
    """Register ``function(job, progress) -> result`` as the work of ``kind``."""

    def register(function: JobFunction) -> JobFunction:
        if kind in _KINDS:
            raise ValueError(f"job kind {kind!r} registered twice")
        _KINDS[kind] = function
        return function

    return register


def enqueue(kind: str, organisation: Organisation, actor: Any, params: Mapping[str, Any]) -> Job:
    """Create the job, log it, and start it (in a thread, or at once when inline)."""
    if kind not in _KINDS:
        raise KeyError(kind)
    job = Job.objects.create(
        organisation=organisation, created_by=actor, kind=kind, params=dict(params)
    )
    record(actor, "job.start", job, organisation, {"kind": kind})
    if settings.JOBS_MODE == "inline":
        run_job(job.pk)
    else:
        threading.Thread(target=_run_in_thread, args=(job.pk,), daemon=True).start()
    return job


def _run_in_thread(job_id: int) -> None:
    close_old_connections()
    try:
        run_job(job_id)
    finally:
        connection.close()


def run_job(job_id: int) -> Job:
    """Run one job to its end, recording progress, result or problems."""
    job = Job.objects.get(pk=job_id)
    job.status = JobStatus.RUNNING
    job.save(update_fields=["status"])

    def progress(share: float, step: str) -> None:
        Job.objects.filter(pk=job.pk).update(progress=max(0.0, min(1.0, share)), step=step)

    try:
        result = _KINDS[job.kind](job, progress)
    except JobFailed as failed:
        job.status, job.problems = JobStatus.FAILED, failed.problems
    except Exception as error:  # an unexpected failure must still end the job visibly
        log.exception("job %s failed", job.pk)
        job.status = JobStatus.FAILED
        job.problems = [{"code": "job.E001", "message": type(error).__name__}]
    else:
        job.status, job.result, job.progress = JobStatus.DONE, dict(result), 1.0
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "problems", "result", "progress", "finished_at"])
    return job


def run_pending() -> int:
    """Run every job left queued or running (after a restart); the number run."""
    pending = list(
        Job.objects.filter(status__in=[JobStatus.QUEUED, JobStatus.RUNNING]).values_list(
            "pk", flat=True
        )
    )
    for job_id in pending:
        run_job(job_id)
    return len(pending)
