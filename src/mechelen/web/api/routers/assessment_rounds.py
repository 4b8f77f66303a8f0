"""Running an assessment round, for its coordinators and administrators (assessments policy):
close it, invite respondents, watch the coverage by stakeholder group, and download
the submitted answers as the XLSX form (which imports again unchanged). Writes are audited."""

from __future__ import annotations

import datetime
from typing import Any

from django.http import HttpResponse
from ninja import Router, Schema, Status
from ninja.errors import HttpError

from mechelen.i18n import LANGUAGES
from mechelen.web.api.forms import checked
from mechelen.web.api.routers.assessments import RoundOut
from mechelen.web.assessments import actions, policy, results, spreadsheets
from mechelen.web.assessments.forms import InvitationForm
from mechelen.web.assessments.lookup import round_in
from mechelen.web.assessments.models import AssessmentRound
from mechelen.web.tenancy.members.invitations import links_from
from mechelen.web.tenancy.scoping import ApiRequest, api_organisation

router = Router(tags=["assessments"])

XLSX_RESPONSE = {
    "responses": {
        200: {
            "description": "The XLSX form with one sheet per respondent who submitted.",
            "content": {
                spreadsheets.WORKBOOK_CONTENT_TYPE: {
                    "schema": {"type": "string", "format": "binary"}
                }
            },
        }
    }
}


class InvitationOut(Schema):
    id: int
    name: str
    group: str
    language: str
    #: web (answers online) or spreadsheet (imported)
    source: str
    #: the user name that answers online (empty for imported forms)
    login: str
    answered: int
    questions: int
    submitted: bool
    submitted_at: datetime.datetime | None


class InvitationIn(Schema):
    """A person invited for a stakeholder group, by the user name of their account or by
    e-mail; unless they work in the organisation already, they are sent an invitation to the
    respondent role and answer once they accept it (``login`` stays empty until then)."""

    group_id: str
    name: str
    language: str
    username: str = ""
    email: str = ""


class CoverageOut(Schema):
    group: str
    label: str
    invited: int
    started: int
    submitted: int
    answered: int
    asked: int
    share: float


def _managed_round(request: ApiRequest, slug: str, pk: int) -> AssessmentRound:
    return round_in(api_organisation(request, slug, policy.can_manage), pk)


@router.post("/{slug}/assessments/{pk}/close", response=RoundOut)
def close_round(request: ApiRequest, slug: str, pk: int) -> AssessmentRound:
    """Close the round: its results are final, answers not submitted do not count."""
    item = _managed_round(request, slug, pk)
    try:
        return actions.close_round(request.user, item)
    except actions.RoundClosed:
        raise HttpError(409, "This round was already closed.") from None


def _invitation(invitation: Any, questions: int) -> dict[str, Any]:
    return {
        "id": invitation.pk,
        "name": invitation.name,
        "group": invitation.group_id,
        "language": invitation.language,
        "source": invitation.source,
        "login": invitation.user.get_username() if invitation.user else "",
        "answered": results.progress(invitation)[0],
        "questions": questions,
        "submitted": invitation.submitted,
        "submitted_at": invitation.submitted_at,
    }


@router.get("/{slug}/assessments/{pk}/invitations", response=list[InvitationOut])
def list_invitations(request: ApiRequest, slug: str, pk: int) -> list[dict[str, Any]]:
    """The people invited, with their progress (what the round page shows)."""
    item = _managed_round(request, slug, pk)
    questions = results.question_count()
    return [_invitation(i, questions) for i in item.invitations.select_related("user")]


@router.post("/{slug}/assessments/{pk}/invitations", response={201: InvitationOut})
def invite(
    request: ApiRequest, slug: str, pk: int, payload: InvitationIn
) -> Status[dict[str, Any]]:
    """Invite a person; the answer is the same whether or not the user name exists."""
    item = _managed_round(request, slug, pk)
    if not item.is_open:
        raise HttpError(409, "This round is closed: nobody more can be invited.")
    data = checked(InvitationForm(payload.dict(), assessment_round=item))
    invitation = actions.invite(request.user, item, data, links_from(request))
    return Status(201, _invitation(invitation, results.question_count()))


@router.get("/{slug}/assessments/{pk}/coverage", response=list[CoverageOut])
def coverage(request: ApiRequest, slug: str, pk: int) -> list[dict[str, Any]]:
    """Per stakeholder group: invited, started, submitted, and answers given of those asked."""
    item = _managed_round(request, slug, pk)
    return [
        {
            "group": c.group_id,
            "label": c.label,
            "invited": c.invited,
            "started": c.started,
            "submitted": c.submitted,
            "answered": c.answered,
            "asked": c.asked,
            "share": c.share,
        }
        for c in results.round_coverage(item)
    ]


@router.get("/{slug}/assessments/{pk}/answers.xlsx", openapi_extra=XLSX_RESPONSE)
def answers_workbook(request: ApiRequest, slug: str, pk: int, lang: str = "en") -> HttpResponse:
    """The submitted answers as the XLSX form in ``lang`` (en, fr or es): one sheet per
    respondent, names and groups only; import it into a round as a filled form."""
    item = _managed_round(request, slug, pk)
    if lang not in LANGUAGES:
        raise HttpError(422, "lang must be en, fr or es.")
    content = spreadsheets.answers_workbook(item, lang)
    if content is None:
        raise HttpError(409, "No respondent has submitted answers yet.")
    response = HttpResponse(content, content_type=spreadsheets.WORKBOOK_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="answers-{item.pk}-{lang}.xlsx"'
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
