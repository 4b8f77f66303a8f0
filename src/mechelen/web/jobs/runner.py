"""Run registered kinds of work off the request and record their progress.

``MECHELEN_JOBS=thread`` (the default) runs jobs in background threads of the web process,
at most ``MECHELEN_JOBS_THREADS`` at once (:mod:`mechelen.web.jobs.pool`); ``inline`` runs a
job before the request returns (tests). Every runner first claims the job atomically
(:mod:`mechelen.web.jobs.claims`), so a job never runs twice at the same time;
``python manage.py run_jobs`` runs the waiting jobs and takes over the interrupted ones
(safe from cron beside a running web process).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from mechelen.web.audit.log import record
from mechelen.web.jobs.claims import claim, claim_next, heartbeat, mine, recover_interrupted
from mechelen.web.jobs.models import Job, JobStatus
from mechelen.web.jobs.pool import JobThreads
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
    """Create the job, log it, and start it (in a thread, or at once when inline).

    In thread mode the job is handed to the threads once the surrounding transaction
    commits, so a thread never looks for a job that is not saved yet.
    """
    if kind not in _KINDS:
        raise KeyError(kind)
    job = Job.objects.create(
        organisation=organisation, created_by=actor, kind=kind, params=dict(params)
    )
    record(actor, "job.start", job, organisation, {"kind": kind})
    if settings.JOBS_MODE == "inline":
        run_job(job.pk)
    else:
        transaction.on_commit(THREADS.wake)
    return job


def run_job(job_id: int) -> bool:
    """Claim the job and run it to its end; False when another runner has it already."""
    if not claim(job_id):
        return False
    run_claimed(job_id)
    return True


def run_claimed(job_id: int) -> None:
    """Run a job this worker claimed, recording progress, result or problems.

    Every write is conditional on the job still being this worker's: if it was taken over
    (see :mod:`mechelen.web.jobs.claims`), this run's progress and end are not recorded.
    """
    job = Job.objects.get(pk=job_id)

    def progress(share: float, step: str) -> None:
        mine(job.pk).update(
            progress=max(0.0, min(1.0, share)), step=step, heartbeat_at=timezone.now()
        )

    ending: dict[str, Any] = {"result": {}, "problems": []}
    try:
        with heartbeat(job.pk):
            result = _KINDS[job.kind](job, progress)
    except JobFailed as failed:
        ending |= {"status": JobStatus.FAILED, "problems": failed.problems}
    except Exception as error:  # an unexpected failure must still end the job visibly
        log.exception("job %s failed", job.pk)
        problem = {"code": "job.E001", "message": type(error).__name__}
        ending |= {"status": JobStatus.FAILED, "problems": [problem]}
    else:
        ending |= {"status": JobStatus.DONE, "result": dict(result), "progress": 1.0}
    if not mine(job.pk).update(finished_at=timezone.now(), **ending):
        log.warning("job %s was taken over by another runner: this run's end is dropped", job.pk)


def run_pending() -> int:
    """Take over interrupted jobs, then run every waiting job, one after the other.

    Safe beside a running web process or another ``run_jobs``: each job is claimed first.
    The number of jobs this call ran.
    """
    recover_interrupted()
    done = 0
    while (job_id := claim_next()) is not None:
        run_claimed(job_id)
        done += 1
    return done


#: the background threads of this process (thread mode)
THREADS = JobThreads(run_claimed)
