"""The demo: Mechelen's closed round with the 14 fictional respondents, and an open round the
demo respondent has half answered."""

from __future__ import annotations

from typing import Any

from mechelen.web.assessments import reading
from mechelen.web.assessments.models import AssessmentRound, Invitation, RoundStatus
from mechelen.web.demo.assessment import CLOSED_ROUND, HALF_FILLED, OPEN_ROUND
from mechelen.web.demo.load import load_all


def test_demo_rounds(db: Any) -> None:
    load_all(say=lambda _line: None)
    load_all(say=lambda _line: None)  # loading twice adds nothing
    closed = AssessmentRound.objects.get(organisation__slug="mechelen", title=CLOSED_ROUND)
    assert closed.status == RoundStatus.CLOSED and closed.organisation.fictional
    responses = reading.responses_of(closed)
    assert len(responses.respondents) == 14
    assert len({r.group_id for r in responses.respondents}) == 7
    current = AssessmentRound.objects.get(organisation__slug="mechelen", title=OPEN_ROUND)
    assert current.is_open
    mine = Invitation.objects.get(round=current, user__username="mechelen-respondent")
    assert not mine.submitted and mine.answers.count() == HALF_FILLED
