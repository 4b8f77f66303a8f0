"""Find the round and the invitations a URL or a person names (404 when there is none)."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404

from mechelen.web.assessments.models import AssessmentRound, Invitation
from mechelen.web.tenancy.access import Access
from mechelen.web.tenancy.models import Organisation


def round_in(organisation: Organisation, pk: int) -> AssessmentRound:
    return get_object_or_404(AssessmentRound, pk=pk, organisation=organisation)


def own_invitations(access: Access, organisation: Organisation) -> QuerySet[Invitation]:
    if access.user_id is None:
        return Invitation.objects.none()
    return Invitation.objects.filter(round__organisation=organisation, user_id=access.user_id)


def own_invitation(access: Access, assessment_round: AssessmentRound) -> Invitation:
    """The person's invitation to ``assessment_round`` (404 for anyone not invited)."""
    if access.user_id is None:
        raise Http404
    return get_object_or_404(Invitation, round=assessment_round, user_id=access.user_id)
