"""Background jobs: progress recorded, expected failures shown, unexpected ones contained."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from mechelen.web.audit.models import AuditEntry
from mechelen.web.jobs.models import Job, JobStatus
from mechelen.web.jobs.runner import JobFailed, Progress, enqueue, job_kind, run_pending
from mechelen.web.tenancy.roles import Role
from tests.web.conftest import World

SEEN_PROGRESS: list[float] = []


@job_kind("test.count")
def count_up(job: Job, progress: Progress) -> Mapping[str, Any]:
    for step in range(4):
        progress(step / 4, "counting")
        SEEN_PROGRESS.append(Job.objects.get(pk=job.pk).progress)
    if job.params.get("fail") == "expected":
        raise JobFailed([{"code": "ingest.E001", "message": "empty file"}])
    if job.params.get("fail") == "crash":
        raise RuntimeError("secret internal detail")
    return {"counted": 4}


def test_a_job_runs_and_records_progress_and_result(world: World) -> None:
    SEEN_PROGRESS.clear()
    job = enqueue("test.count", world.a.organisation, world.a.users[Role.DATA_STEWARD], {})
    job.refresh_from_db()
    assert job.status == JobStatus.DONE and job.result == {"counted": 4} and job.percent == 100
    assert SEEN_PROGRESS == [0.0, 0.25, 0.5, 0.75]
    assert AuditEntry.objects.filter(action="job.start", target_id=str(job.pk)).exists()


def test_expected_failures_keep_their_problems(world: World) -> None:
    job = enqueue("test.count", world.a.organisation, None, {"fail": "expected"})
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED
    assert job.problems == [{"code": "ingest.E001", "message": "empty file"}]


def test_a_crash_ends_the_job_without_leaking_details(world: World) -> None:
    job = enqueue("test.count", world.a.organisation, None, {"fail": "crash"})
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED and job.finished
    assert "secret" not in str(job.problems)


def test_interrupted_jobs_run_again(world: World) -> None:
    stuck = Job.objects.create(
        organisation=world.a.organisation, kind="test.count", status=JobStatus.RUNNING
    )
    assert run_pending() == 1
    stuck.refresh_from_db()
    assert stuck.status == JobStatus.DONE
