"""Assessment test data, and kwargs builders of the access matrices (world, city) -> kwargs."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.utils import timezone

from mechelen.web.assessments import actions
from mechelen.web.assessments.models import (
    Answer,
    AssessmentRound,
    Invitation,
    InvitationSource,
)
from mechelen.web.tenancy.members import invitations
from mechelen.web.tenancy.roles import Role

TEST_PASSWORD = "a-long-test-password-42"


def no_link(token: str) -> str:
    return f"http://testserver/accounts/invitations/{token}/"


def invite_and_accept(
    coordinator: Any, item: AssessmentRound, username: str, **fields: Any
) -> Invitation:
    """Invite ``username`` (an account made if there is none) to the round; the person
    accepts the respondent role offered, as they would from their dashboard."""
    person = get_user_model().objects.filter(username=username).first()
    if person is None:
        person = get_user_model().objects.create_user(username, password=TEST_PASSWORD)
    invitation = actions.invite(coordinator, item, {"username": username, **fields}, no_link)
    if invitation.user_id is None:
        assert invitation.membership_invitation is not None
        invitations.accept(person, invitation.membership_invitation)
        invitation.refresh_from_db()
    return invitation


#: the name of the respondent who submitted, and the evidence they gave
SUBMITTED_NAME = "Matrix welcome desk"
SUBMITTED_EVIDENCE = "Matrix evidence of the welcome desk"


def round_with_answers(city: Any) -> AssessmentRound:
    """An open round of the city: its respondent is invited (nothing answered yet) and one
    person's answers were imported (submitted)."""
    item = AssessmentRound.objects.create(
        organisation=city.organisation, title="Round with answers", framework_id="mechelen-2017"
    )
    Invitation.objects.create(
        round=item,
        group_id="civil-society",
        name="Online respondent",
        email="online@example.org",
        language="en",
        user=city.users[Role.RESPONDENT],
    )
    imported = Invitation.objects.create(
        round=item,
        group_id="local-government",
        name=SUBMITTED_NAME,
        language="en",
        source=InvitationSource.SPREADSHEET,
        submitted_at=timezone.now(),
    )
    Answer.objects.create(
        invitation=imported, question_id="food/urgency", score=3, evidence=SUBMITTED_EVIDENCE
    )
    return item


def round_with_answers_kwargs(world: Any, city: Any) -> dict[str, Any]:
    return {"slug": city.organisation.slug, "pk": round_with_answers(city).pk}
