"""Dated evidence of commitments (follow-up policy, as on the pages): anyone reads the evidence
of a public commitment, the internal roles that of every commitment; administrators and
coordinators add links and remove evidence. Documents are added from the site."""

from __future__ import annotations

import datetime
from typing import Any

from django.shortcuts import get_object_or_404
from django.urls import reverse
from ninja import Router, Schema, Status

from mechelen.web.api.forms import checked
from mechelen.web.commitments import policy as commitment_policy
from mechelen.web.commitments.models import Commitment
from mechelen.web.followup import policy
from mechelen.web.followup.evidence import actions
from mechelen.web.followup.evidence.forms import EvidenceForm
from mechelen.web.followup.models import CommitmentEvidence
from mechelen.web.tenancy.scoping import ApiRequest, api_organisation

router = Router(tags=["follow-up"])


class EvidenceOut(Schema):
    id: int
    date: datetime.date
    title: str
    url: str
    #: the document's file name (empty for a link)
    document: str
    #: pdf, odt, docx, png, jpeg, gif or webp
    kind: str
    size: int
    #: where to download the document (empty for a link)
    document_url: str


class EvidenceIn(Schema):
    date: datetime.date
    title: str
    url: str


def _evidence(item: CommitmentEvidence, public: bool) -> dict[str, Any]:
    where = "public_followup:evidence_file" if public else "followup:evidence_file"
    slug = item.commitment.organisation.slug
    return {
        "id": item.pk,
        "date": item.date,
        "title": item.title,
        "url": item.url,
        "document": item.original_name,
        "kind": item.kind,
        "size": item.size,
        "document_url": reverse(where, kwargs={"slug": slug, "pk": item.pk})
        if item.has_document
        else "",
    }


def _commitment(request: ApiRequest, slug: str, pk: int) -> Commitment:
    """The commitment, if the caller may see it: a private one answers 404 to the others,
    as a missing one does (the answer never tells that it exists)."""
    organisation = api_organisation(request, slug)
    visible = commitment_policy.visible_commitments(request.auth, organisation)
    return get_object_or_404(visible.select_related("organisation"), pk=pk)


@router.get("/{slug}/commitments/{pk}/evidence", response=list[EvidenceOut])
def list_evidence(request: ApiRequest, slug: str, pk: int) -> list[dict[str, Any]]:
    commitment = _commitment(request, slug, pk)
    visible = policy.visible_evidence(request.auth, commitment.organisation)
    items = visible.filter(commitment=commitment).select_related("commitment__organisation")
    return [_evidence(item, commitment.public) for item in items]


@router.post("/{slug}/commitments/{pk}/evidence", response={201: EvidenceOut})
def add_evidence(
    request: ApiRequest, slug: str, pk: int, payload: EvidenceIn
) -> Status[dict[str, Any]]:
    """Add a link as evidence (audited)."""
    commitment = _commitment(request, slug, pk)  # 404 first: a hidden one is never told apart
    api_organisation(request, slug, policy.can_edit)  # then 403 unless the caller may edit
    data = checked(EvidenceForm(payload.dict()))
    item = actions.add_evidence(request.user, commitment, data)
    return Status(201, _evidence(item, commitment.public))


@router.delete("/{slug}/evidence/{pk}", response={204: None})
def remove_evidence(request: ApiRequest, slug: str, pk: int) -> Status[None]:
    organisation = api_organisation(request, slug, policy.can_edit)
    item = get_object_or_404(CommitmentEvidence, pk=pk, commitment__organisation=organisation)
    actions.remove_evidence(request.user, item)
    return Status(204, None)
