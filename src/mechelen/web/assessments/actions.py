"""Changes to assessment rounds and answers, each recorded in the audit log (reading a round's
results is in :mod:`mechelen.web.assessments.reading`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from mechelen.core.assessment.responses import Responses
from mechelen.web.assessments.models import (
    Answer,
    AssessmentRound,
    Invitation,
    InvitationSource,
    RoundStatus,
)
from mechelen.web.audit.log import record
from mechelen.web.framework_data import framework
from mechelen.web.tenancy.members import invitations as role_invitations
from mechelen.web.tenancy.models import Membership, Organisation
from mechelen.web.tenancy.roles import Role

#: a question id -> (score, or None for "don't know"; evidence)
AnswerMap = Mapping[str, tuple[int | None, str]]


class RoundClosed(Exception):
    """The round no longer takes invitations or answers."""


class AlreadySubmitted(Exception):
    """The respondent submitted their answers; they can no longer change them."""


@transaction.atomic
def open_round(actor: Any, organisation: Organisation, data: Mapping[str, Any]) -> AssessmentRound:
    item = AssessmentRound.objects.create(
        organisation=organisation,
        title=data["title"],
        share_with_networks=bool(data.get("share_with_networks", False)),
        framework_id=framework().id,
        created_by=actor if actor is not None and actor.is_authenticated else None,
    )
    record(
        actor,
        "assessment.open",
        item,
        organisation,
        {"title": item.title, "share_with_networks": item.share_with_networks},
    )
    return item


@transaction.atomic
def invite(
    actor: Any,
    assessment_round: AssessmentRound,
    data: Mapping[str, Any],
    link_for: role_invitations.LinkFor,
) -> Invitation:
    """Invite a person for a stakeholder group. A person who already works in the
    organisation answers with their account at once (given the respondent role); anyone else
    is sent an invitation to the respondent role, and answers once they accepted it."""
    if not assessment_round.is_open:
        raise RoundClosed
    organisation = assessment_round.organisation
    username, email = data.get("username", ""), data.get("email", "")
    account = get_user_model().objects.filter(username=username).first() if username else None
    member = (
        account
        if account is not None
        and Membership.objects.filter(user=account, organisation=organisation).exists()
        else None
    )
    offer = None
    if member is not None:
        role_invitations.give_member_role(actor, organisation, member, Role.RESPONDENT)
    else:
        invited = username if account is not None else (email or username)
        offer = role_invitations.invite(actor, organisation, invited, Role.RESPONDENT, link_for)
    invitation = Invitation.objects.create(
        round=assessment_round,
        group_id=data["group_id"],
        name=data["name"],
        email=email,
        language=data["language"],
        user=member,
        membership_invitation=offer,
        source=InvitationSource.WEB,
    )
    record(
        actor,
        "assessment.invite",
        invitation,
        organisation,
        {
            "round": assessment_round.pk,
            "group": invitation.group_id,
            "name": invitation.name,
            "invited": username or email,
            "language": invitation.language,
        },
    )
    return invitation


def _write_answers(invitation: Invitation, answers: AnswerMap) -> None:
    invitation.answers.exclude(question_id__in=list(answers)).delete()
    existing = {a.question_id: a for a in invitation.answers.all()}
    for question_id, (score, evidence) in answers.items():
        found = existing.get(question_id)
        if found is None:
            Answer.objects.create(
                invitation=invitation, question_id=question_id, score=score, evidence=evidence
            )
        elif (found.score, found.evidence) != (score, evidence):
            found.score, found.evidence = score, evidence
            found.save(update_fields=["score", "evidence", "updated_at"])


@transaction.atomic
def save_answers(
    actor: Any, invitation: Invitation, answers: AnswerMap, submit: bool = False
) -> Invitation:
    """Replace the respondent's answers with ``answers`` (questions left out have none);
    with ``submit``, hand them in (they can no longer be changed)."""
    invitation = (
        Invitation.objects.select_for_update().select_related("round").get(pk=invitation.pk)
    )
    if not invitation.round.is_open:
        raise RoundClosed
    if invitation.submitted:
        raise AlreadySubmitted
    _write_answers(invitation, answers)
    details = {
        "round": invitation.round_id,
        "answered": len(answers),
        "dont_know": sum(1 for score, _ in answers.values() if score is None),
    }
    record(actor, "assessment.answers.save", invitation, invitation.round.organisation, details)
    if submit:
        invitation.submitted_at = timezone.now()
        invitation.save(update_fields=["submitted_at"])
        record(
            actor,
            "assessment.answers.submit",
            invitation,
            invitation.round.organisation,
            {"round": invitation.round_id, "answered": len(answers)},
        )
    return invitation


@transaction.atomic
def close_round(actor: Any, assessment_round: AssessmentRound) -> AssessmentRound:
    if not assessment_round.is_open:
        raise RoundClosed
    assessment_round.status = RoundStatus.CLOSED
    assessment_round.closed_at = timezone.now()
    assessment_round.save(update_fields=["status", "closed_at"])
    invitations = assessment_round.invitations
    record(
        actor,
        "assessment.close",
        assessment_round,
        assessment_round.organisation,
        {
            "submitted": invitations.filter(submitted_at__isnull=False).count(),
            "not_submitted": invitations.filter(submitted_at__isnull=True).count(),
        },
    )
    return assessment_round


@transaction.atomic
def import_responses(
    actor: Any,
    assessment_round: AssessmentRound,
    responses: Responses,
    language: str,
    files: Sequence[str],
) -> list[Invitation]:
    """Store the respondents of checked spreadsheets as submitted invitations without accounts."""
    if not assessment_round.is_open:
        raise RoundClosed
    by_respondent: dict[str, dict[str, tuple[int | None, str]]] = {}
    for answer in responses.answers:
        by_respondent.setdefault(answer.respondent_id, {})[answer.question_id] = (
            answer.score,
            answer.evidence,
        )
    created = []
    now = timezone.now()
    for respondent in responses.respondents:
        invitation = Invitation.objects.create(
            round=assessment_round,
            group_id=respondent.group_id,
            name=respondent.name,
            language=language,
            source=InvitationSource.SPREADSHEET,
            submitted_at=now,
        )
        _write_answers(invitation, by_respondent.get(respondent.id, {}))
        created.append(invitation)
    record(
        actor,
        "assessment.import",
        assessment_round,
        assessment_round.organisation,
        {
            "files": list(files),
            "respondents": len(created),
            "answers": len(responses.answers),
        },
    )
    return created


def answers_of(invitation: Invitation) -> dict[str, tuple[int | None, str]]:
    """One respondent's stored answers by question id."""
    return {a.question_id: (a.score, a.evidence) for a in invitation.answers.all()}
