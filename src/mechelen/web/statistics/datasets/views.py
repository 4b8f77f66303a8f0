"""Preparing a dataset: upload a file, map its columns; the dataset and its rejected rows."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from mechelen.core.microdata.firewall import check_columns
from mechelen.core.problems import Problem, ProblemsFound
from mechelen.web.statistics import policy
from mechelen.web.statistics.datasets import actions
from mechelen.web.statistics.datasets.columns import column_label, mapping_rows, source_name
from mechelen.web.statistics.datasets.forms import MappingForm, UploadForm
from mechelen.web.statistics.datasets.storage import WorkspaceBusy
from mechelen.web.statistics.datasets.validation import rejected_page
from mechelen.web.statistics.models import SourceFile
from mechelen.web.statistics.problems import problem_text, stored_texts
from mechelen.web.tenancy.access import access_of
from mechelen.web.tenancy.models import Organisation
from mechelen.web.tenancy.scoping import organisation_view


@organisation_view(policy.can_prepare)
def upload(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            source = actions.upload_source(
                request.user, organisation, form.cleaned_data["file"], form.kind
            )
        except ProblemsFound as found:
            for problem in found.problems:
                form.add_error("file", problem_text(problem))
        else:
            messages.success(request, _("File received. Now map its columns."))
            return redirect("statistics:map", slug=organisation.slug, pk=source.pk)
    return render(
        request,
        "statistics/upload.html",
        {"organisation": organisation, "form": form, "max_mb": settings.MAX_UPLOAD_MB},
    )


@organisation_view(policy.can_prepare)
def map_columns(request: HttpRequest, organisation: Organisation, pk: int) -> HttpResponse:
    source = get_object_or_404(SourceFile, pk=pk, organisation=organisation, removed_at=None)
    form = MappingForm(request.POST or None, columns=source.columns, country=organisation.country)
    if request.method == "POST" and form.is_valid():
        mapping = form.cleaned_data["mapping"]
        job = actions.start_ingest(
            request.user,
            source,
            mapping.dataset,
            form.cleaned_data["mapping_text"],
            form.cleaned_data["min_share"],
        )
        return redirect("statistics:job", slug=organisation.slug, pk=job.pk)
    unread = [problem_text(p) for p in check_columns([], source.columns)]
    return render(
        request,
        "statistics/map.html",
        {
            "organisation": organisation,
            "source": source,
            "form": form,
            "warnings": form.warnings or unread,
        },
    )


@organisation_view(policy.can_view)
def dataset_detail(request: HttpRequest, organisation: Organisation, pk: int) -> HttpResponse:
    access = access_of(request)
    dataset = get_object_or_404(policy.visible_datasets(access, organisation), pk=pk)
    summary = dataset.summary
    record = summary.get("record")
    reasons = [
        {**item, "message": problem_text(Problem(item["code"], {"value": "…"}))}
        for item in summary.get("rejected", [])
    ]
    return render(
        request,
        "statistics/dataset.html",
        {
            "organisation": organisation,
            "dataset": dataset,
            "record": record,
            "source_name": source_name(dataset),
            "standard_columns": [column_label(c) for c in (record or {}).get("columns", [])],
            "mapping_rows": mapping_rows(dataset.mapping_text),
            "reasons": reasons,
            "warnings": stored_texts(summary.get("warnings", [])),
            "unknowns": {
                column_label(k): v for k, v in (record or {}).get("unknowns", {}).items() if v
            },
            "releases": policy.visible_releases(access, organisation).filter(dataset=dataset),
            "can_read_rejected_rows": policy.can_read_rejected_rows(access, organisation),
            "can_prepare": policy.can_prepare(access, organisation),
        },
    )


@organisation_view(policy.can_read_rejected_rows)
def rejected_rows(request: HttpRequest, organisation: Organisation, pk: int) -> HttpResponse:
    dataset = get_object_or_404(policy.visible_datasets(access_of(request), organisation), pk=pk)
    try:
        number = int(request.GET.get("page", "1"))
    except ValueError:
        number = 1
    try:
        page = rejected_page(dataset, number)
    except WorkspaceBusy:
        page = None
    return render(
        request,
        "statistics/rejected.html",
        {"organisation": organisation, "dataset": dataset, "page": page},
    )
