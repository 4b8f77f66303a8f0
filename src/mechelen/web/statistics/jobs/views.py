"""The progress page of a statistics job (an ingest or a release's preview)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse

from mechelen.web.jobs.models import Job, JobStatus
from mechelen.web.statistics import policy
from mechelen.web.statistics.datasets.actions import INGEST_JOB
from mechelen.web.statistics.jobs.steps import step_text
from mechelen.web.statistics.problems import stored_texts
from mechelen.web.tenancy.models import Organisation
from mechelen.web.tenancy.scoping import organisation_view


def _job_result_url(job: Job, slug: str) -> str | None:
    if job.status != JobStatus.DONE:
        return None
    if job.kind == INGEST_JOB:
        return reverse("statistics:dataset", kwargs={"slug": slug, "pk": job.params["dataset"]})
    return reverse("statistics:release", kwargs={"slug": slug, "pk": job.params["release"]})


@organisation_view(policy.can_prepare)
def job_progress(request: HttpRequest, organisation: Organisation, pk: int) -> HttpResponse:
    job = get_object_or_404(Job, pk=pk, organisation=organisation, kind__startswith="statistics.")
    slug = organisation.slug
    return render(
        request,
        "statistics/job.html",
        {
            "organisation": organisation,
            "job": job,
            "step": step_text(job.step),
            "problems": stored_texts(job.problems),
            "result_url": _job_result_url(job, slug),
            "retry_url": (
                reverse("statistics:overview", kwargs={"slug": slug})
                if job.status == JobStatus.FAILED
                else None
            ),
        },
    )
