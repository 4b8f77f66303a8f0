"""Commitments with their status and dated evidence: list, add, remove, download (the
documents of public commitments for anyone)."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from mechelen.web.commitments.models import Commitment
from mechelen.web.followup import policy
from mechelen.web.followup.evidence import actions
from mechelen.web.followup.evidence.documents import media_type
from mechelen.web.followup.evidence.forms import EvidenceForm
from mechelen.web.followup.models import CommitmentEvidence
from mechelen.web.tenancy.access import VISITOR, access_of, require
from mechelen.web.tenancy.models import Organisation
from mechelen.web.tenancy.scoping import organisation_view


@organisation_view(policy.can_view)
def commitment_evidence(request: HttpRequest, organisation: Organisation) -> HttpResponse:
    """Every commitment with its status and evidence."""
    access = access_of(request)
    return render(
        request,
        "followup/commitments.html",
        {
            "organisation": organisation,
            "commitments": organisation.commitments.prefetch_related("evidence"),
            "can_edit": policy.can_edit(access, organisation),
        },
    )


@organisation_view(policy.can_view)
def evidence(request: HttpRequest, organisation: Organisation, pk: int) -> HttpResponse:
    """One commitment's evidence; editors add to it."""
    access = access_of(request)
    commitment = get_object_or_404(Commitment, pk=pk, organisation=organisation)
    can_edit = policy.can_edit(access, organisation)
    if request.method == "POST":
        require(can_edit)
    form = EvidenceForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        document = data.get("document")
        actions.add_evidence(
            request.user,
            commitment,
            data,
            document=document,
            document_name=document.name if document is not None else "",
            kind=data.get("kind", ""),
        )
        messages.success(request, _("Evidence added."))
        return redirect("followup:evidence", slug=organisation.slug, pk=pk)
    return render(
        request,
        "followup/evidence.html",
        {
            "organisation": organisation,
            "commitment": commitment,
            "items": CommitmentEvidence.objects.filter(commitment=commitment),
            "form": form,
            "can_edit": can_edit,
        },
    )


@organisation_view(policy.can_edit, post_only=True)
def evidence_remove(request: HttpRequest, organisation: Organisation, pk: int) -> HttpResponse:
    item = get_object_or_404(CommitmentEvidence, pk=pk, commitment__organisation=organisation)
    commitment_pk = item.commitment_id
    actions.remove_evidence(request.user, item)
    messages.success(request, _("Evidence removed."))
    return redirect("followup:evidence", slug=organisation.slug, pk=commitment_pk)


def document_response(item: CommitmentEvidence) -> HttpResponse:
    if not item.has_document:
        raise Http404
    path = actions.evidence_path(item.stored_name)
    if not path.is_file():
        raise Http404
    # read whole (documents are size-limited): no file handle outlives the response
    response = HttpResponse(path.read_bytes(), content_type=media_type(item.kind))
    response["Content-Disposition"] = (
        content_disposition_header(True, item.original_name or path.name) or "attachment"
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@organisation_view(policy.can_view)
def evidence_file(request: HttpRequest, organisation: Organisation, pk: int) -> HttpResponse:
    item = get_object_or_404(policy.visible_evidence(access_of(request), organisation), pk=pk)
    return document_response(item)


@organisation_view(None, public=True)
def public_evidence_file(request: HttpRequest, organisation: Organisation, pk: int) -> HttpResponse:
    """A document of a public commitment's evidence (404 for any other)."""
    item = get_object_or_404(policy.visible_evidence(VISITOR, organisation), pk=pk)
    return document_response(item)
