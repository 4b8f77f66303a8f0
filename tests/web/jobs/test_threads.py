"""Jobs in the real thread mode (the test settings run them inline): progress seen while a
job runs, the limit on threads, and two runners competing for the same jobs."""

from __future__ import annotations

import datetime
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator, Mapping
from typing import Any

import pytest
from django.db import connection
from pytest_django.fixtures import Settings as SettingsWrapper

from mechelen.web.jobs.claims import worker_id
from mechelen.web.jobs.models import Job, JobStatus
from mechelen.web.jobs.runner import THREADS, Progress, enqueue, job_kind, run_pending
from mechelen.web.tenancy.models import Organisation
from mechelen.web.tenancy.roles import Level

#: a bound on every wait, far above what the work takes; never a timing assertion
PATIENCE = 60.0
GATES: dict[str, threading.Event] = {}
RUNS: Counter[int] = Counter()
RUNS_LOCK = threading.Lock()


@job_kind("test.gated")
def wait_at_the_gate(job: Job, progress: Progress) -> Mapping[str, Any]:
    """Half the work, then wait for the test to open the job's gate."""
    progress(0.5, "half way")
    if not GATES[job.params["gate"]].wait(PATIENCE):
        raise RuntimeError("the gate never opened")
    return {"gate": job.params["gate"]}


@job_kind("test.silent")
def wait_silently(job: Job, progress: Progress) -> Mapping[str, Any]:
    """A long step that reports no progress (a big ingest in the engine)."""
    if not GATES[job.params["gate"]].wait(PATIENCE):
        raise RuntimeError("the gate never opened")
    return {}


@job_kind("test.tally")
def tally(job: Job, progress: Progress) -> Mapping[str, Any]:
    """Count each run of the job (a job run twice counts 2)."""
    with RUNS_LOCK:
        RUNS[job.pk] += 1
    progress(1.0, "counted")
    return {}


def gate(name: str) -> str:
    GATES[name] = threading.Event()
    return name


def eventually(check: Callable[[], bool], what: str) -> None:
    deadline = time.monotonic() + PATIENCE
    while not check():
        if time.monotonic() > deadline:
            pytest.fail(f"never happened: {what}")
        time.sleep(0.01)


def fresh(job: Job) -> Job:
    return Job.objects.get(pk=job.pk)


@pytest.fixture
def threads(settings: SettingsWrapper, sqlite_waits_when_locked: None) -> Iterator[None]:
    """Thread mode, on committed data the threads can see; no thread outlives the test."""
    settings.JOBS_MODE = "thread"
    settings.JOBS_MAX_THREADS = 2
    yield
    for opened in GATES.values():
        opened.set()
    eventually(lambda: THREADS.active == 0, "every job thread ended")
    GATES.clear()


@pytest.fixture
def city(sqlite_waits_when_locked: None) -> Organisation:
    return Organisation.objects.create(slug="city", name="City", country="BEL", level=Level.LOCAL)


def test_a_thread_job_shows_its_progress_then_its_result(threads: None, city: Organisation) -> None:
    job = enqueue("test.gated", city, None, {"gate": gate("one")})
    eventually(lambda: fresh(job).progress == 0.5, "the job is half way")
    running = fresh(job)
    assert running.status == JobStatus.RUNNING and not running.finished
    assert running.step == "half way" and running.worker == worker_id()
    assert running.heartbeat_at is not None and running.attempts == 1
    GATES["one"].set()
    eventually(lambda: fresh(job).finished, "the job ended")
    done = fresh(job)
    assert done.status == JobStatus.DONE and done.percent == 100
    assert done.result == {"gate": "one"} and done.finished_at is not None


def test_jobs_past_the_thread_limit_wait_their_turn(
    threads: None, city: Organisation, settings: SettingsWrapper
) -> None:
    settings.JOBS_MAX_THREADS = 1
    first = enqueue("test.gated", city, None, {"gate": gate("first")})
    second = enqueue("test.gated", city, None, {"gate": gate("second")})
    assert THREADS.active == 1
    eventually(lambda: fresh(first).progress == 0.5, "the first job is half way")
    assert fresh(second).status == JobStatus.QUEUED
    GATES["first"].set()
    eventually(lambda: fresh(second).progress == 0.5, "the second job is half way")
    assert fresh(first).status == JobStatus.DONE
    GATES["second"].set()
    eventually(lambda: fresh(second).finished, "the second job ended")
    assert fresh(second).status == JobStatus.DONE


def test_a_long_silent_step_keeps_its_job_alive(
    threads: None, city: Organisation, settings: SettingsWrapper
) -> None:
    """The worker's heartbeat goes on without progress: run_jobs from cron leaves it alone."""
    settings.JOBS_STALE_SECONDS = 2
    job = enqueue("test.silent", city, None, {"gate": gate("silent")})
    eventually(lambda: fresh(job).status == JobStatus.RUNNING, "the job started")
    started = fresh(job).started_at
    assert started is not None
    stale_period = datetime.timedelta(seconds=settings.JOBS_STALE_SECONDS)

    def beat_well_after_a_stale_period() -> bool:
        beat = fresh(job).heartbeat_at
        return beat is not None and beat > started + stale_period * 1.25

    eventually(beat_well_after_a_stale_period, "the heartbeat went on")
    assert run_pending() == 0
    alive = fresh(job)
    assert alive.status == JobStatus.RUNNING and alive.attempts == 1
    GATES["silent"].set()
    eventually(lambda: fresh(job).finished, "the job ended")
    assert fresh(job).status == JobStatus.DONE


def test_two_runners_never_run_the_same_job(city: Organisation) -> None:
    """``run_jobs`` from cron beside another runner: each waiting job runs exactly once."""
    RUNS.clear()
    jobs = [Job.objects.create(organisation=city, kind="test.tally") for _ in range(30)]
    start = threading.Barrier(2)
    counts: list[int] = []

    def runner() -> None:
        try:
            start.wait(PATIENCE)
            counts.append(run_pending())
        finally:
            connection.close()

    competing = [threading.Thread(target=runner) for _ in range(2)]
    for thread in competing:
        thread.start()
    for thread in competing:
        thread.join(PATIENCE)
    assert sorted(RUNS) == [job.pk for job in jobs]
    assert set(RUNS.values()) == {1}, "a job ran twice"
    assert sum(counts) == len(jobs)
    assert set(Job.objects.values_list("status", flat=True)) == {JobStatus.DONE}
