"""Who runs a job: an atomic claim, a heartbeat while it runs, and when a job was interrupted.

A runner takes a job with one conditional UPDATE from QUEUED to RUNNING that names the worker
(``host:pid``): of two runners (two threads, two web processes, ``run_jobs`` from cron beside
the web process) exactly one gets the job. While the job runs, its worker writes a heartbeat
at least every ``JOBS_STALE_SECONDS / 5`` seconds, and every progress report is one too.

A RUNNING job counts as **interrupted** only when

- its last heartbeat is older than ``settings.JOBS_STALE_SECONDS`` (the worker stopped, hung,
  or its machine went away), or
- its worker ran on this machine and that process no longer exists (a restart: found at once).

``python manage.py run_jobs`` puts interrupted jobs back in the queue, with the same
conditional UPDATE, so two runners never both take one over. A job interrupted
``MAX_ATTEMPTS`` times fails (``job.E002``) instead: it may be what stops the process. A worker
whose job was taken over loses its writes: its progress and its end are no longer recorded.
"""

from __future__ import annotations

import datetime
import logging
import os
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings
from django.db import connection
from django.db.models import F, QuerySet
from django.utils import timezone

from mechelen.web.jobs.models import Job, JobStatus

log = logging.getLogger(__name__)

#: times a job may be taken before an interruption fails it
MAX_ATTEMPTS = 3
#: heartbeats per stale period: a live worker is never mistaken for a stopped one
BEATS_PER_STALE_PERIOD = 5
#: how many waiting jobs one claim round tries, oldest first
CLAIM_BATCH = 10
INTERRUPTED = {
    "code": "job.E002",
    "message": "The work was interrupted too many times (the server stopped during it).",
}


def worker_id() -> str:
    """This process, as ``host:pid``."""
    return f"{socket.gethostname()[:180]}:{os.getpid()}"


def claim(job_id: int) -> bool:
    """Take the job if it is waiting; False when another runner has it (or it is over)."""
    now = timezone.now()
    taken = Job.objects.filter(pk=job_id, status=JobStatus.QUEUED).update(
        status=JobStatus.RUNNING,
        worker=worker_id(),
        started_at=now,
        heartbeat_at=now,
        attempts=F("attempts") + 1,
    )
    return taken == 1


def claim_next() -> int | None:
    """Take the oldest waiting job; None when none is left."""
    while True:
        waiting = list(
            Job.objects.filter(status=JobStatus.QUEUED)
            .order_by("created_at", "pk")
            .values_list("pk", flat=True)[:CLAIM_BATCH]
        )
        if not waiting:
            return None
        for job_id in waiting:
            if claim(job_id):
                return job_id


def mine(job_id: int) -> QuerySet[Job]:
    """The job as a queryset, only while this worker runs it (for conditional writes)."""
    return Job.objects.filter(pk=job_id, status=JobStatus.RUNNING, worker=worker_id())


def beat(job_id: int) -> bool:
    """Write the heartbeat; False when the job is no longer this worker's."""
    return mine(job_id).update(heartbeat_at=timezone.now()) == 1


def heartbeat_interval() -> float:
    return max(0.05, settings.JOBS_STALE_SECONDS / BEATS_PER_STALE_PERIOD)


@contextmanager
def heartbeat(job_id: int) -> Iterator[None]:
    """Beat in a background thread while the body runs (a long step reports no progress)."""
    stop = threading.Event()

    def keep_beating() -> None:
        try:
            while not stop.wait(heartbeat_interval()):
                if not beat(job_id):
                    return
        except Exception:  # a missed beat only risks a take-over, never the job itself
            log.exception("heartbeat of job %s failed", job_id)
        finally:
            connection.close()

    ticker = threading.Thread(target=keep_beating, name=f"job-{job_id}-heartbeat", daemon=True)
    ticker.start()
    try:
        yield
    finally:
        stop.set()
        ticker.join()


def worker_gone(worker: str) -> bool:
    """True when ``worker`` ran on this machine and its process no longer exists."""
    host, _, pid_text = worker.rpartition(":")
    if host != worker_id().rpartition(":")[0] or not pid_text.isdigit():
        return False
    pid = int(pid_text)
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except PermissionError:  # it exists, under another user
        return False
    return False


def interrupted(worker: str, heartbeat_at: datetime.datetime | None) -> bool:
    """The rule of the module docstring, for one RUNNING job."""
    stale_before = timezone.now() - datetime.timedelta(seconds=settings.JOBS_STALE_SECONDS)
    return heartbeat_at is None or heartbeat_at < stale_before or worker_gone(worker)


def recover_interrupted() -> int:
    """Put interrupted jobs back in the queue (or fail them); the number recovered."""
    recovered = 0
    running = Job.objects.filter(status=JobStatus.RUNNING).values_list(
        "pk", "worker", "heartbeat_at", "attempts"
    )
    for job_id, worker, heartbeat_at, attempts in list(running):
        if not interrupted(worker, heartbeat_at):
            continue
        # only if nobody beat or took it since we looked (``heartbeat_at=None`` is IS NULL):
        # two runners never both recover it
        unchanged = Job.objects.filter(
            pk=job_id, status=JobStatus.RUNNING, worker=worker, heartbeat_at=heartbeat_at
        )
        if attempts >= MAX_ATTEMPTS:
            changed = unchanged.update(
                status=JobStatus.FAILED, problems=[INTERRUPTED], finished_at=timezone.now()
            )
        else:
            changed = unchanged.update(status=JobStatus.QUEUED, worker="", heartbeat_at=None)
        if changed:
            log.warning("job %s was interrupted (worker %s)", job_id, worker or "unknown")
        recovered += changed
    return recovered
