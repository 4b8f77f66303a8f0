"""Background jobs: progress recorded, expected failures shown, unexpected ones contained."""

from __future__ import annotations

import datetime
import subprocess
import sys
from collections.abc import Mapping
from io import StringIO
from typing import Any

import pytest
from django.core.management import call_command
from django.utils import timezone
from pytest_django.fixtures import Settings

from mechelen.web.audit.models import AuditEntry
from mechelen.web.jobs.claims import MAX_ATTEMPTS, claim, worker_id
from mechelen.web.jobs.models import Job, JobStatus
from mechelen.web.jobs.runner import (
    JobFailed,
    Progress,
    enqueue,
    job_kind,
    run_claimed,
    run_job,
    run_pending,
)
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


def running_job(world: World, worker: str, beat_seconds_ago: float, attempts: int = 1) -> Job:
    return Job.objects.create(
        organisation=world.a.organisation,
        kind="test.count",
        status=JobStatus.RUNNING,
        worker=worker,
        heartbeat_at=timezone.now() - datetime.timedelta(seconds=beat_seconds_ago),
        attempts=attempts,
    )


def a_finished_process() -> str:
    """The worker id of a process of this machine that has ended."""
    ended = subprocess.Popen([sys.executable, "-c", "pass"])
    ended.wait()
    return f"{worker_id().rpartition(':')[0]}:{ended.pid}"


def test_a_live_job_is_not_run_again(world: World) -> None:
    """run_jobs from cron beside the web process leaves the jobs it is running alone."""
    live = running_job(world, worker_id(), beat_seconds_ago=1)
    elsewhere = running_job(world, "another-host:12", beat_seconds_ago=1)
    assert run_pending() == 0
    assert {j.status for j in Job.objects.filter(pk__in=[live.pk, elsewhere.pk])} == {
        JobStatus.RUNNING
    }


def test_a_job_without_a_recent_heartbeat_is_taken_over(world: World, settings: Settings) -> None:
    settings.JOBS_STALE_SECONDS = 60
    stale = running_job(world, "another-host:12", beat_seconds_ago=61)
    assert run_pending() == 1
    stale.refresh_from_db()
    assert stale.status == JobStatus.DONE and stale.attempts == 2 and stale.worker == worker_id()


def test_a_job_whose_process_is_gone_is_taken_over_at_once(world: World) -> None:
    orphan = running_job(world, a_finished_process(), beat_seconds_ago=1)
    assert run_pending() == 1
    orphan.refresh_from_db()
    assert orphan.status == JobStatus.DONE


def test_a_job_interrupted_too_often_fails_instead(world: World) -> None:
    doomed = running_job(world, a_finished_process(), beat_seconds_ago=1, attempts=MAX_ATTEMPTS)
    assert run_pending() == 0
    doomed.refresh_from_db()
    assert doomed.status == JobStatus.FAILED and doomed.finished_at is not None
    assert [p["code"] for p in doomed.problems] == ["job.E002"]


def test_a_job_is_claimed_once(world: World) -> None:
    job = Job.objects.create(organisation=world.a.organisation, kind="test.count")
    assert claim(job.pk) is True
    assert claim(job.pk) is False
    assert run_job(job.pk) is False  # another runner has it: not run a second time
    job.refresh_from_db()
    assert job.status == JobStatus.RUNNING and job.progress == 0.0


def test_a_run_that_was_taken_over_records_nothing(world: World) -> None:
    job = Job.objects.create(organisation=world.a.organisation, kind="test.count")
    assert claim(job.pk)
    Job.objects.filter(pk=job.pk).update(worker="another-host:12")  # taken over meanwhile
    run_claimed(job.pk)
    job.refresh_from_db()
    assert job.status == JobStatus.RUNNING and job.progress == 0.0 and job.result == {}


@pytest.mark.parametrize("waiting", [0, 2])
def test_the_command_runs_the_waiting_jobs(world: World, waiting: int) -> None:
    for _ in range(waiting):
        Job.objects.create(organisation=world.a.organisation, kind="test.count")
    output = StringIO()
    call_command("run_jobs", stdout=output)
    assert f"{waiting} job(s) run" in output.getvalue()
    assert not Job.objects.exclude(status=JobStatus.DONE).exists()
