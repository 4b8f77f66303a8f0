"""The job kinds of the statistics pages, run off the request by ``mechelen.web.jobs``.

- ``statistics.ingest``: :func:`~mechelen.web.statistics.datasets.ingest.ingest_dataset`;
- ``statistics.preview``: :func:`~mechelen.web.statistics.releases.build.build_release`.

Progress comes from the engine's own progress callbacks; problems in the input end the job
with their codes, shown translated on the progress page.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from mechelen.core.problems import ProblemsFound
from mechelen.engine.ingest.losses import IngestRefused
from mechelen.engine.ingest.pipeline import STAGES
from mechelen.web.jobs.models import Job
from mechelen.web.jobs.runner import JobFailed, Progress, job_kind
from mechelen.web.statistics.datasets.actions import INGEST_JOB
from mechelen.web.statistics.datasets.ingest import SourceGone, ingest_dataset
from mechelen.web.statistics.models import Dataset, Release
from mechelen.web.statistics.problems import as_stored
from mechelen.web.statistics.releases.actions import PREVIEW_JOB, spec_digest
from mechelen.web.statistics.releases.build import SpecChanged, build_release

#: the engine's ingest stages as job steps (translated on display, see steps.py)
STAGE_STEPS = {stage: f"ingest:{stage}" for stage in STAGES}


#: what the job stores of a rejected value: the site never keeps values read from a file
HIDDEN_VALUE = "…"
#: said after the problems of a failed ingest: its uploaded file was deleted
UPLOAD_DELETED = {"code": "statistics.E003", "message": "The uploaded file was deleted."}


def _failed(found: ProblemsFound) -> JobFailed:
    return JobFailed([as_stored(p) for p in found.problems])


def _ingest_failed(found: ProblemsFound) -> JobFailed:
    """The problems, the values of rejected rows hidden, and a word that the file is gone."""
    problems = [
        replace(p, params={**p.params, "value": HIDDEN_VALUE}) if "value" in p.params else p
        for p in found.problems
    ]
    if isinstance(found, IngestRefused):
        problems = [found.refusal] + [
            replace(p, params={**p.params, "rows": rows})
            for p, rows in zip(problems[1:], (n for _p, n in found.rejected), strict=True)
        ]
    return JobFailed([*(as_stored(p) for p in problems), UPLOAD_DELETED])


def _spec_changed() -> JobFailed:
    return JobFailed([{"code": "statistics.E002", "message": "The spec changed meanwhile."}])


@job_kind(INGEST_JOB)
def run_ingest(job: Job, progress: Progress) -> Mapping[str, Any]:
    dataset = Dataset.objects.select_related("organisation", "source_file").get(
        pk=job.params["dataset"]
    )

    def stage(name: str, step: int, steps: int) -> None:
        progress((step - 1) / steps, STAGE_STEPS.get(name, name))

    try:
        counts = ingest_dataset(
            dataset, job.created_by, stage, min_share=job.params.get("min_share")
        )
    except ProblemsFound as found:
        raise _ingest_failed(found) from None
    except SourceGone:
        raise JobFailed([{"code": "statistics.E001", "message": "The file is gone."}]) from None
    return {"dataset": dataset.pk, **counts}


@job_kind(PREVIEW_JOB)
def run_preview(job: Job, progress: Progress) -> Mapping[str, Any]:
    release = Release.objects.select_related("organisation").get(pk=job.params["release"])
    if not release.editable or spec_digest(release.spec_text) != job.params.get("spec"):
        raise _spec_changed()

    def table(name: str, number: int, total: int) -> None:
        progress((number - 1) / total, f"table:{name}")

    try:
        tables = build_release(release, job.created_by, str(job.pk), table)
    except ProblemsFound as found:
        raise _failed(found) from None
    except SpecChanged:
        raise _spec_changed() from None
    return {"release": release.pk, "tables": tables}
