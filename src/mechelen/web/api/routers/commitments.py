"""Commitments: public ones for anyone, all for the roles that may see them; edits by editors."""

from __future__ import annotations

import datetime

from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status
from ninja.errors import HttpError

from mechelen.web.commitments import actions, policy
from mechelen.web.commitments.models import Commitment, CommitmentStatus
from mechelen.web.framework_data import commitment
from mechelen.web.tenancy.scoping import ApiRequest, api_organisation

router = Router(tags=["commitments"])


class CommitmentOut(Schema):
    id: int
    paragraph: int | None
    title: str
    action: str
    owner: str
    target: str
    due_date: datetime.date
    status: str
    public: bool


class CommitmentIn(Schema):
    paragraph: int | None = None
    own_title: str = ""
    action: str = ""
    owner: str
    target: str
    due_date: datetime.date
    status: CommitmentStatus = CommitmentStatus.PLANNED
    public: bool = True


class CommitmentChange(Schema):
    action: str | None = None
    owner: str | None = None
    target: str | None = None
    due_date: datetime.date | None = None
    status: CommitmentStatus | None = None
    public: bool | None = None


@router.get("/{slug}/commitments", response=list[CommitmentOut])
def list_commitments(request: ApiRequest, slug: str) -> list[Commitment]:
    return list(policy.visible_commitments(request.auth, api_organisation(request, slug)))


@router.post("/{slug}/commitments", response={201: CommitmentOut})
def create_commitment(request: ApiRequest, slug: str, payload: CommitmentIn) -> Status[Commitment]:
    organisation = api_organisation(request, slug, policy.can_edit)
    data = payload.dict()
    if data["paragraph"] is not None and commitment(data["paragraph"]) is None:
        raise HttpError(
            422, "There is no commitment with this paragraph in the Declaration (17-44)."
        )
    if data["paragraph"] is None and not data["own_title"].strip():
        raise HttpError(422, "Give own_title, or the paragraph of a commitment of the Declaration.")
    if (
        data["paragraph"] is not None
        and organisation.commitments.filter(paragraph=data["paragraph"]).exists()
    ):
        raise HttpError(409, "This commitment is already on the organisation's list.")
    return Status(201, actions.create_commitment(request.user, organisation, data))


@router.patch("/{slug}/commitments/{pk}", response=CommitmentOut)
def change_commitment(
    request: ApiRequest, slug: str, pk: int, payload: CommitmentChange
) -> Commitment:
    organisation = api_organisation(request, slug, policy.can_edit)
    item = get_object_or_404(Commitment, pk=pk, organisation=organisation)
    return actions.update_commitment(request.user, item, payload.dict(exclude_unset=True))
