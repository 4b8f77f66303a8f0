"""Long work of an organisation (ingests, table builds) and its progress: for the roles that
start it and follow it on the job page (statistics policy: data stewards)."""

from __future__ import annotations

import datetime
from typing import Any

from django.shortcuts import get_object_or_404
from ninja import Router, Schema

from mechelen.web.jobs.models import Job
from mechelen.web.statistics import policy
from mechelen.web.statistics.jobs.steps import step_text
from mechelen.web.statistics.problems import stored_texts
from mechelen.web.tenancy.scoping import ApiRequest, api_organisation

router = Router(tags=["jobs"])

#: the kinds of work the statistics pages start (the job page shows only these)
STATISTICS_KINDS = "statistics."


class ProblemOut(Schema):
    code: str
    message: str


class JobOut(Schema):
    id: int
    #: statistics.ingest or statistics.preview
    kind: str
    #: queued, running, done or failed
    status: str
    #: share of the work done, 0 to 1
    progress: float
    #: what is being done now, in the language asked (Accept-Language)
    step: str
    #: what stopped the work, with the codes of docs/statistics.md
    problems: list[ProblemOut]
    #: counts of an ingest, or the release and its number of tables
    result: dict[str, Any]
    created_at: datetime.datetime
    finished_at: datetime.datetime | None


def job_out(job: Job) -> dict[str, Any]:
    return {
        "id": job.pk,
        "kind": job.kind,
        "status": job.status,
        "progress": job.progress,
        "step": step_text(job.step),
        "problems": stored_texts(job.problems),
        "result": job.result,
        "created_at": job.created_at,
        "finished_at": job.finished_at,
    }


def _jobs(request: ApiRequest, slug: str) -> Any:
    organisation = api_organisation(request, slug, policy.can_prepare)
    return Job.objects.filter(organisation=organisation, kind__startswith=STATISTICS_KINDS)


@router.get("/{slug}/jobs", response=list[JobOut])
def list_jobs(request: ApiRequest, slug: str, limit: int = 50) -> list[dict[str, Any]]:
    """The latest jobs first (``limit`` from 1 to 200)."""
    return [job_out(j) for j in _jobs(request, slug)[: max(1, min(limit, 200))]]


@router.get("/{slug}/jobs/{pk}", response=JobOut)
def get_job(request: ApiRequest, slug: str, pk: int) -> dict[str, Any]:
    return job_out(get_object_or_404(_jobs(request, slug), pk=pk))
