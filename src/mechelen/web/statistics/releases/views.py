"""Releases: define tables, preview the protected result, submit, approve or reject.

Who may take each step is the workflow's permission (core/releases/workflow.py) as the policy
grants it; the step itself is taken by ``actions.take_step``, as the API does."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from mechelen.core.releases.workflow import Step
from mechelen.web.language import page_language
from mechelen.web.statistics import policy
from mechelen.web.statistics.models import Release
from mechelen.web.statistics.problems import stored_texts
from mechelen.web.statistics.releases import actions
from mechelen.web.statistics.releases.charts import table_chart
from mechelen.web.statistics.releases.downloads import release_file_response
from mechelen.web.statistics.releases.forms import ApproveForm, RejectForm, TableSpecForm
from mechelen.web.statistics.releases.protection import protection_in_words
from mechelen.web.statistics.releases.published import (
    disclosure_report_url,
    disclosure_rows,
    downloadable_files,
    grouped_downloads,
    release_protection,
    release_table,
    table_download_url,
    table_view,
)
from mechelen.web.tenancy.access import access_of
from mechelen.web.tenancy.models import Organisation
from mechelen.web.tenancy.scoping import organisation_view


def _release(organisation: Organisation, pk: int) -> Release:
    return get_object_or_404(
        Release.objects.select_related("dataset", "build_job"), pk=pk, organisation=organisation
    )


@organisation_view(policy.can_prepare)
def release_edit(
    request: HttpRequest, organisation: Organisation, pk: int | None = None
) -> HttpResponse:
    release = _release(organisation, pk) if pk else None
    if release is not None and not release.editable:
        messages.error(request, str(actions.REFUSED[Step.EDIT]))
        return redirect("statistics:release", slug=organisation.slug, pk=release.pk)
    datasets = policy.visible_datasets(access_of(request), organisation).exclude(ingested_at=None)
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
        return redirect("statistics:job", slug=organisation.slug, pk=job.pk)
    return render(
        request,
        "statistics/release_edit.html",
        {"organisation": organisation, "form": form, "release": release, "datasets": datasets},
    )


@organisation_view(policy.can_view)
def release_detail(request: HttpRequest, organisation: Organisation, pk: int) -> HttpResponse:
    return _release_page(request, organisation, _release(organisation, pk))


def _release_page(
    request: HttpRequest,
    organisation: Organisation,
    release: Release,
    approve_form: ApproveForm | None = None,
    reject_form: RejectForm | None = None,
) -> HttpResponse:
    """The release with its evidence (tables, checks, disclosure report, files) first and,
    for an administrator, the decision after it; a refused decision shows its form's errors."""
    access = access_of(request)
    job = release.build_job
    return render(
        request,
        "statistics/release.html",
        {
            "organisation": organisation,
            "release": release,
            "files": downloadable_files(release),
            "download_groups": grouped_downloads(release, public=False),
            "disclosure": disclosure_rows(release.tables),
            "protection": release_protection(release),
            "job": job,
            "job_problems": stored_texts(job.problems) if job else [],
            "can_prepare": policy.can_prepare(access, organisation),
            "can_approve": policy.can_approve(access, organisation),
            "approve_form": approve_form or ApproveForm(),
            "reject_form": reject_form or RejectForm(),
            "table_count": len(release.table_titles()),
        },
    )


#: what the person who took a step is told
DONE = {
    Step.SUBMIT: gettext_lazy("Release submitted: an administrator will approve it."),
    Step.APPROVE: gettext_lazy("Release approved: it is public now."),
    Step.REJECT: gettext_lazy("Release rejected; the data steward sees your reason."),
}


def _decision(
    request: HttpRequest, organisation: Organisation, pk: int, step: Step
) -> HttpResponse:
    """Take ``step`` of the release workflow (the decorator asked the policy who may).

    Approving needs the confirmation that the evidence was read, rejecting a reason: without
    them nothing changes and the page is shown again with the error beside the field."""
    release = _release(organisation, pk)
    back = redirect("statistics:release", slug=organisation.slug, pk=pk)
    reason = ""
    if step is Step.APPROVE:
        approve = ApproveForm(request.POST)
        if not approve.is_valid():
            messages.error(request, _("Nothing was published: confirm that you read the evidence."))
            return _release_page(request, organisation, release, approve_form=approve)
    if step is Step.REJECT:
        form = RejectForm(request.POST)
        if not form.is_valid():
            messages.error(request, _("Give the reason for rejecting the release."))
            return _release_page(request, organisation, release, reject_form=form)
        reason = form.cleaned_data["reason"]
    try:
        actions.take_step(request.user, release, step, reason)
    except actions.ReleaseStateError as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, str(DONE[step]))
    return back


@organisation_view(policy.can_take(Step.SUBMIT), post_only=True)
def release_submit(request: HttpRequest, organisation: Organisation, pk: int) -> HttpResponse:
    return _decision(request, organisation, pk, Step.SUBMIT)


@organisation_view(policy.can_take(Step.APPROVE), post_only=True)
def release_approve(request: HttpRequest, organisation: Organisation, pk: int) -> HttpResponse:
    return _decision(request, organisation, pk, Step.APPROVE)


@organisation_view(policy.can_take(Step.REJECT), post_only=True)
def release_reject(request: HttpRequest, organisation: Organisation, pk: int) -> HttpResponse:
    return _decision(request, organisation, pk, Step.REJECT)


@organisation_view(policy.can_view)
def release_file(
    request: HttpRequest, organisation: Organisation, pk: int, name: str
) -> HttpResponse:
    return release_file_response(_release(organisation, pk), name)


@organisation_view(policy.can_view)
def release_table_preview(
    request: HttpRequest, organisation: Organisation, pk: int, table: str
) -> HttpResponse:
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
            "csv_url": table_download_url(release, view.name, public),
            "public": public,
        },
    )
