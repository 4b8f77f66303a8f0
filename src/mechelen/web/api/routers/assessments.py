"""Assessment rounds: the list for the roles that see them, a new round for coordinators and
administrators, the results of a closed round, and a respondent's own answers (read and
replace). The other operations of running a round are in ``assessment_rounds.py``."""

from __future__ import annotations

import datetime
from typing import Any

from ninja import Router, Schema, Status
from ninja.errors import HttpError

from mechelen.core.assessment.questionnaire import build_questionnaire
from mechelen.engine.reporting.assessment.json_data import report_as_dict
from mechelen.web.api.auth import allow
from mechelen.web.api.forms import checked
from mechelen.web.assessments import actions, policy, reading
from mechelen.web.assessments.forms import RoundForm
from mechelen.web.assessments.lookup import own_invitation, round_in
from mechelen.web.assessments.models import AssessmentRound, Invitation
from mechelen.web.framework_data import framework
from mechelen.web.language import page_language
from mechelen.web.tenancy.scoping import ApiRequest, api_organisation

router = Router(tags=["assessments"])


class RoundOut(Schema):
    id: int
    title: str
    status: str
    framework_id: str
    share_with_networks: bool
    opened_at: datetime.datetime
    closed_at: datetime.datetime | None


class RoundIn(Schema):
    title: str
    #: when closed, its results may be used in the reports of the organisation's networks
    share_with_networks: bool = False


class AnswerItem(Schema):
    question: str
    #: a score on the question's scale; null for "don't know"
    score: int | None = None
    evidence: str = ""


class MyAnswersOut(Schema):
    round: int
    group: str
    language: str
    submitted: bool
    answered: int
    questions: int
    answers: list[AnswerItem]


class MyAnswersIn(Schema):
    #: every answer (questions left out have none afterwards)
    answers: list[AnswerItem]
    #: hand the answers in; they can no longer be changed afterwards
    submit: bool = False


@router.get("/{slug}/assessments", response=list[RoundOut])
def list_rounds(request: ApiRequest, slug: str) -> list[AssessmentRound]:
    organisation = api_organisation(request, slug, policy.can_list_rounds)
    return list(policy.visible_rounds(request.auth, organisation))


@router.post("/{slug}/assessments", response={201: RoundOut})
def open_round(request: ApiRequest, slug: str, payload: RoundIn) -> Status[AssessmentRound]:
    """Open a round (audited); then invite its respondents."""
    organisation = api_organisation(request, slug, policy.can_manage)
    data = checked(RoundForm(payload.dict()))
    return Status(201, actions.open_round(request.user, organisation, data))


@router.get("/{slug}/assessments/{pk}/results")
def round_results(request: ApiRequest, slug: str, pk: int) -> dict[str, Any]:
    """The report of a closed round (format ``mechelen.assessment-report/1``)."""
    organisation = api_organisation(request, slug, policy.can_see_results)
    item = round_in(organisation, pk)
    if item.is_open:
        raise HttpError(409, "The round is still open; results are published when it closes.")
    return report_as_dict(reading.report_of(item), page_language())


def _my_invitation(request: ApiRequest, slug: str, pk: int) -> Invitation:
    organisation = api_organisation(request, slug, policy.can_answer_in)
    invitation = own_invitation(request.auth, round_in(organisation, pk))
    allow(policy.can_read_answers(request.auth, invitation))
    return invitation


def _answers_out(invitation: Invitation) -> dict[str, Any]:
    order = reading.question_order()
    stored = sorted(invitation.answers.all(), key=lambda a: order.get(a.question_id, len(order)))
    return {
        "round": invitation.round_id,
        "group": invitation.group_id,
        "language": invitation.language,
        "submitted": invitation.submitted,
        "answered": len(stored),
        "questions": len(order),
        "answers": [
            {"question": a.question_id, "score": a.score, "evidence": a.evidence} for a in stored
        ],
    }


@router.get("/{slug}/assessments/{pk}/my-answers", response=MyAnswersOut)
def my_answers(request: ApiRequest, slug: str, pk: int) -> dict[str, Any]:
    return _answers_out(_my_invitation(request, slug, pk))


@router.put("/{slug}/assessments/{pk}/my-answers", response=MyAnswersOut)
def replace_my_answers(
    request: ApiRequest, slug: str, pk: int, payload: MyAnswersIn
) -> dict[str, Any]:
    invitation = _my_invitation(request, slug, pk)
    if not policy.can_change_answers(request.auth, invitation):
        raise HttpError(409, "The answers are submitted or the round is closed.")
    f = framework()
    questions = {q.id: q for q in build_questionnaire(f)}
    answers: dict[str, tuple[int | None, str]] = {}
    for item in payload.answers:
        question = questions.get(item.question)
        if question is None:
            raise HttpError(422, f"Unknown question {item.question!r}.")
        if item.question in answers:
            raise HttpError(422, f"The question {item.question!r} is answered twice.")
        top = f.max_urgency if question.kind == "urgency" else f.max_score
        if item.score is not None and not 0 <= item.score <= top:
            raise HttpError(422, f"The score of {item.question!r} must lie between 0 and {top}.")
        answers[item.question] = (item.score, item.evidence.strip()[:4000])
    actions.save_answers(request.user, invitation, answers, submit=payload.submit)
    invitation.refresh_from_db()
    return _answers_out(invitation)
