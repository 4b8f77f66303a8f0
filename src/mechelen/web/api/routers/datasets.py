"""Preparing statistics through the API (statistics policy, as on the pages): data stewards
upload a file and ingest it with a mapping; the internal roles read each dataset's
validation report. Only counts, reasons of rejection and the mapping leave: never a row of
the file, nor the rejected values (the site shows those to data stewards only)."""

from __future__ import annotations

import datetime
from typing import Any

from django.shortcuts import get_object_or_404
from django.utils.datastructures import MultiValueDict
from ninja import Field, File, Router, Schema, Status, UploadedFile
from ninja.errors import HttpError

from mechelen.core.problems import Problem, ProblemsFound
from mechelen.web.api.forms import checked
from mechelen.web.api.routers.jobs import JobOut, ProblemOut, job_out
from mechelen.web.statistics import policy
from mechelen.web.statistics.datasets import actions
from mechelen.web.statistics.datasets.forms import MappingForm, UploadForm
from mechelen.web.statistics.models import Dataset, SourceFile
from mechelen.web.statistics.problems import problem_text, stored_texts
from mechelen.web.tenancy.scoping import ApiRequest, api_organisation

router = Router(tags=["statistics"])

#: the record's counts (persons and rows) shown for every dataset
COUNTS = ("rows_read", "rows_kept", "rows_rejected", "persons_kept", "persons_rejected")


class UploadOut(Schema):
    id: int
    name: str
    #: csv, csv.gz, xlsx or parquet, recognised from the content
    kind: str
    size: int
    #: the column names of the header row
    columns: list[str]
    uploaded_at: datetime.datetime


class IngestIn(Schema):
    #: the mapping of the file's columns (YAML, the format of docs/statistics.md)
    mapping: str
    #: refuse a version keeping fewer rows than this share (0 to 1) of the current dataset's
    #: rows, which then stays as it was (default: the site's MECHELEN_INGEST_MIN_SHARE)
    min_share: float | None = Field(default=None, ge=0, le=1)


class RejectionOut(Schema):
    code: str
    column: str
    rows: int
    message: str


class DatasetOut(Schema):
    id: int
    name: str
    source: str
    ingested_at: datetime.datetime | None
    last_job: int | None
    counts: dict[str, int]


class DatasetDetailOut(DatasetOut):
    columns: list[str]
    geography: list[str]
    #: persons whose value was not stated, per column
    unknowns: dict[str, int]
    #: why rows were rejected, most frequent first (codes and counts, no values)
    rejected: list[RejectionOut]
    warnings: list[ProblemOut]
    mapping: str
    #: the releases made from it that the caller may see
    releases: list[int]


def _upload(source: SourceFile) -> dict[str, Any]:
    return {
        "id": source.pk,
        "name": source.original_name,
        "kind": source.kind,
        "size": source.size,
        "columns": source.columns,
        "uploaded_at": source.uploaded_at,
    }


@router.get("/{slug}/uploads", response=list[UploadOut])
def list_uploads(request: ApiRequest, slug: str) -> list[dict[str, Any]]:
    """Files uploaded and not yet ingested (an ingest removes its file)."""
    organisation = api_organisation(request, slug, policy.can_prepare)
    return [_upload(s) for s in actions.waiting_uploads(organisation)]


@router.post("/{slug}/uploads", response={201: UploadOut})
def upload(request: ApiRequest, slug: str, file: File[UploadedFile]) -> Status[dict[str, Any]]:
    """A data file (multipart field ``file``): CSV (may be .csv.gz), XLSX or Parquet, checked
    by its content and size as on the upload page."""
    organisation = api_organisation(request, slug, policy.can_prepare)
    form = UploadForm({}, MultiValueDict({"file": [file]}))
    checked(form)
    try:
        source = actions.upload_source(request.user, organisation, file, form.kind)
    except ProblemsFound as found:
        raise HttpError(422, "; ".join(problem_text(p) for p in found.problems)) from None
    return Status(201, _upload(source))


@router.post("/{slug}/uploads/{pk}/ingest", response={202: JobOut})
def ingest(request: ApiRequest, slug: str, pk: int, payload: IngestIn) -> Status[dict[str, Any]]:
    """Check the mapping (the firewall refuses status columns) and start reading the file;
    follow the job at ``/jobs/{id}``."""
    organisation = api_organisation(request, slug, policy.can_prepare)
    source = get_object_or_404(SourceFile, pk=pk, organisation=organisation, removed_at=None)
    # the YAML replaces the form's fields; these only satisfy their checks
    fields = {"dataset": "api", "country": "ZZZ", "geography_level": "api"}
    form = MappingForm(
        {**fields, "mapping_yaml": payload.mapping},
        columns=source.columns,
        country=organisation.country,
    )
    data = checked(form)
    job = actions.start_ingest(
        request.user, source, data["mapping"].dataset, data["mapping_text"], payload.min_share
    )
    job.refresh_from_db()
    return Status(202, job_out(job))


def _dataset(dataset: Dataset) -> dict[str, Any]:
    record = dataset.summary.get("record") or {}
    source = dataset.source_file.original_name if dataset.source_file else record.get("source")
    return {
        "id": dataset.pk,
        "name": dataset.name,
        "source": source or "",
        "ingested_at": dataset.ingested_at,
        "last_job": dataset.last_job_id,
        "counts": {k: int(record[k]) for k in COUNTS if k in record},
    }


@router.get("/{slug}/datasets", response=list[DatasetOut])
def list_datasets(request: ApiRequest, slug: str) -> list[dict[str, Any]]:
    organisation = api_organisation(request, slug, policy.can_view)
    found = policy.visible_datasets(request.auth, organisation).select_related("source_file")
    return [_dataset(d) for d in found]


@router.get("/{slug}/datasets/{pk}", response=DatasetDetailOut)
def get_dataset(request: ApiRequest, slug: str, pk: int) -> dict[str, Any]:
    """The validation report of the last ingest, and the mapping."""
    organisation = api_organisation(request, slug, policy.can_view)
    dataset = get_object_or_404(policy.visible_datasets(request.auth, organisation), pk=pk)
    summary = dataset.summary
    record = summary.get("record") or {}
    releases = policy.visible_releases(request.auth, organisation).filter(dataset=dataset)
    return {
        **_dataset(dataset),
        "columns": list(record.get("columns") or []),
        "geography": list(record.get("geography") or []),
        "unknowns": {k: int(v) for k, v in (record.get("unknowns") or {}).items()},
        "rejected": [
            {
                "code": item["code"],
                "column": item.get("column", ""),
                "rows": int(item["rows"]),
                "message": problem_text(Problem(item["code"], {"value": "…"})),
            }
            for item in summary.get("rejected", [])
        ],
        "warnings": stored_texts(summary.get("warnings", [])),
        "mapping": dataset.mapping_text,
        "releases": [r.pk for r in releases],
    }
