"""Releases: define tables, preview the protected result, submit, approve or reject."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from mechelen.web.statistics import policy
from mechelen.web.statistics.models import Dataset, Release
from mechelen.web.statistics.problems import page_language, stored_texts
from mechelen.web.statistics.releases import actions
from mechelen.web.statistics.releases.charts import table_chart
from mechelen.web.statistics.releases.downloads import release_file_response
from mechelen.web.statistics.releases.forms import RejectForm, TableSpecForm
from mechelen.web.statistics.releases.protection import protection_in_words
from mechelen.web.statistics.releases.published import (
    disclosure_report_url,
    disclosure_rows,
    downloadable_files,
    release_protection,
    release_table,
    table_view,
)
from mechelen.web.tenancy.access import access_of, require
from mechelen.web.tenancy.lookup import organisation_named
from mechelen.web.tenancy.models import Organisation


def _release(organisation: Organisation, pk: int) -> Release:
    return get_object_or_404(
        Release.objects.select_related("dataset", "build_job"), pk=pk, organisation=organisation
    )


@login_required
def release_edit(request: HttpRequest, slug: str, pk: int | None = None) -> HttpResponse:
    organisation = organisation_named(slug)
    require(policy.can_prepare(access_of(request), organisation))
    release = _release(organisation, pk) if pk else None
    if release is not None and not release.editable:
        messages.error(request, _("Only a draft or rejected release can be changed."))
        return redirect("statistics:release", slug=slug, pk=release.pk)
    datasets = Dataset.objects.filter(organisation=organisation).exclude(ingested_at=None)
    chosen = request.GET.get("dataset")
    initial = {"dataset": chosen} if chosen and release is None else {}
    form = TableSpecForm(request.POST or None, datasets=datasets, release=release, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        release = actions.save_release(
            request.user,
            organisation,
            release,
            data["dataset"],
            data["spec"].release,
            data["title"],
            data["spec_text"],
        )
        job = actions.start_preview(request.user, release)
        return redirect("statistics:job", slug=slug, pk=job.pk)
    return render(
        request,
        "statistics/release_edit.html",
        {"organisation": organisation, "form": form, "release": release, "datasets": datasets},
    )


@login_required
def release_detail(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    organisation = organisation_named(slug)
    access = access_of(request)
    require(policy.can_view(access, organisation))
    release = _release(organisation, pk)
    job = release.build_job
    return render(
        request,
        "statistics/release.html",
        {
            "organisation": organisation,
            "release": release,
            "files": downloadable_files(release),
            "disclosure": disclosure_rows(release.tables),
            "protection": release_protection(release),
            "job": job,
            "job_problems": stored_texts(job.problems) if job else [],
            "can_prepare": policy.can_prepare(access, organisation),
            "can_approve": policy.can_approve(access, organisation),
            "reject_form": RejectForm(),
        },
    )


def _decision(request: HttpRequest, slug: str, pk: int, step: str) -> HttpResponse:
    organisation = organisation_named(slug)
    access = access_of(request)
    allowed = policy.can_prepare if step == "submit" else policy.can_approve
    require(allowed(access, organisation))
    release = _release(organisation, pk)
    try:
        if step == "submit":
            actions.submit_release(request.user, release)
            messages.success(request, _("Release submitted: an administrator will approve it."))
        elif step == "approve":
            actions.approve_release(request.user, release)
            messages.success(request, _("Release approved: it is public now."))
        else:
            form = RejectForm(request.POST)
            if not form.is_valid():
                messages.error(request, _("Give the reason for rejecting the release."))
                return redirect("statistics:release", slug=slug, pk=pk)
            actions.reject_release(request.user, release, form.cleaned_data["reason"])
            messages.success(request, _("Release rejected; the data steward sees your reason."))
    except actions.ReleaseStateError as refused:
        messages.error(request, str(refused))
    return redirect("statistics:release", slug=slug, pk=pk)


@login_required
@require_POST
def release_submit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    return _decision(request, slug, pk, "submit")


@login_required
@require_POST
def release_approve(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    return _decision(request, slug, pk, "approve")


@login_required
@require_POST
def release_reject(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    return _decision(request, slug, pk, "reject")


@login_required
def release_file(request: HttpRequest, slug: str, pk: int, name: str) -> HttpResponse:
    organisation = organisation_named(slug)
    require(policy.can_view(access_of(request), organisation))
    return release_file_response(_release(organisation, pk), name)


@login_required
def release_table_preview(request: HttpRequest, slug: str, pk: int, table: str) -> HttpResponse:
    organisation = organisation_named(slug)
    require(policy.can_view(access_of(request), organisation))
    release = _release(organisation, pk)
    return render_table_page(request, organisation, release, table, public=False)


def render_table_page(
    request: HttpRequest, organisation: Organisation, release: Release, name: str, public: bool
) -> HttpResponse:
    found = release_table(release, name)
    if found is None:
        raise Http404
    view = table_view(found)
    value_title = _("Persons") if found.get("measure") == "persons" else found.get("measure", "")
    report = found["disclosure"]
    return render(
        request,
        "statistics/table.html",
        {
            "organisation": organisation,
            "release": release,
            "table": view,
            "disclosure": disclosure_rows(
                [{"name": view.name, "dimensions": view.dimensions, "report": report}]
            ),
            "protection": protection_in_words([report], view.flags),
            "report_url": disclosure_report_url(release, public),
            "chart": table_chart(release, view, str(value_title), page_language()),
            "public": public,
        },
    )
