"""Demo assessment rounds for Mechelen, with the fictional answers of the CLI demo.

The answers are those of ``mechelen/demo/fictional_city_assessment.yaml``: 14 invented
respondents from 7 stakeholder groups of the invented city of Vennbrugge. They are loaded
into Mechelen's workspace only to show the pages; the organisation is marked fictional and
every page shows the banner.
"""

from __future__ import annotations

from typing import Any

import yaml
from django.urls import reverse

from mechelen.core.assessment.responses import Answer, Respondent, Responses
from mechelen.demo.assessment import DEMO_ANSWERS, demo_respondents
from mechelen.engine.assessment.template import FilledRespondent
from mechelen.web.assessments import actions
from mechelen.web.assessments.models import AssessmentRound
from mechelen.web.demo.steps import DemoContext, demo_step
from mechelen.web.framework_data import framework

CLOSED_ROUND = "Joint initial assessment 2025 (fictional answers)"
OPEN_ROUND = "Joint initial assessment 2026 (in progress, fictional)"
#: the demo respondent has answered this many questions of the open round, none submitted
HALF_FILLED = 18


def as_responses(filled: list[FilledRespondent]) -> Responses:
    respondents = tuple(Respondent(str(n), r.name, r.group_id) for n, r in enumerate(filled))
    answers = tuple(
        Answer(str(n), question_id, score, evidence)
        for n, r in enumerate(filled)
        for question_id, (score, evidence) in r.answers.items()
    )
    return Responses(respondents, answers)


def fictional_respondents() -> list[FilledRespondent]:
    data: dict[str, Any] = yaml.safe_load(DEMO_ANSWERS.read_text(encoding="utf-8"))
    return demo_respondents(framework(), data)


def relative_link(token: str) -> str:
    return reverse("accounts:invitation", kwargs={"token": token})


@demo_step(30, "assessment rounds")
def load_assessment(context: DemoContext) -> None:
    organisation = context.organisations["mechelen"]
    filled = fictional_respondents()
    if not AssessmentRound.objects.filter(organisation=organisation, title=CLOSED_ROUND).exists():
        closed = actions.open_round(
            None, organisation, {"title": CLOSED_ROUND, "share_with_networks": True}
        )
        actions.import_responses(None, closed, as_responses(filled), "en", ["demo"])
        actions.close_round(None, closed)
    if not AssessmentRound.objects.filter(organisation=organisation, title=OPEN_ROUND).exists():
        current = actions.open_round(None, organisation, {"title": OPEN_ROUND})
        local = [r for r in filled if r.group_id == "local-government"][:2]
        actions.import_responses(None, current, as_responses(local), "en", ["demo"])
        example = next(r for r in filled if r.group_id == "civil-society")
        invitation = actions.invite(
            None,
            current,
            {
                "username": "mechelen-respondent",
                "group_id": "civil-society",
                "name": "Welcome network (fictional)",
                "language": "en",
            },
            relative_link,  # a person of Mechelen: linked at once, nothing is sent
        )
        half = dict(list(example.answers.items())[:HALF_FILLED])
        actions.save_answers(context.users.get("mechelen-respondent"), invitation, half)
    context.notes.append(
        "Assessment: Mechelen has a closed round with fictional answers (results for "
        "mechelen-coordinator, -admin, -viewer) and an open round that mechelen-respondent "
        "has half answered."
    )
