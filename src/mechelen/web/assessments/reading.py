"""A round's results as the core computes them: the submitted answers mapped onto the core
:class:`~mechelen.core.assessment.responses.Responses`, and the report built from them.

Other apps (the follow-up's change between rounds and its indicators) read rounds here."""

from __future__ import annotations

from mechelen.core.assessment.questionnaire import build_questionnaire
from mechelen.core.assessment.responses import Answer as CoreAnswer
from mechelen.core.assessment.responses import Respondent, Responses
from mechelen.core.reporting.assessment_report import AssessmentReport, build_assessment_report
from mechelen.web.assessments.models import AssessmentRound
from mechelen.web.framework_data import framework


def question_order() -> dict[str, int]:
    return {q.id: i for i, q in enumerate(build_questionnaire(framework()))}


def responses_of(assessment_round: AssessmentRound) -> Responses:
    """The submitted answers of the round as core responses (drafts do not count)."""
    order = question_order()
    invitations = list(
        assessment_round.invitations.filter(submitted_at__isnull=False)
        .order_by("pk")
        .prefetch_related("answers")
    )
    respondents = tuple(Respondent(str(i.pk), i.name, i.group_id) for i in invitations)
    answers: list[CoreAnswer] = []
    for invitation in invitations:
        rows = sorted(
            (a for a in invitation.answers.all() if a.question_id in order),
            key=lambda a: order[a.question_id],
        )
        answers.extend(
            CoreAnswer(str(invitation.pk), a.question_id, a.score, a.evidence) for a in rows
        )
    return Responses(respondents, tuple(answers))


def report_of(assessment_round: AssessmentRound) -> AssessmentReport:
    """The round's results, computed by the core from the submitted answers."""
    return build_assessment_report(
        framework(),
        responses_of(assessment_round),
        place=assessment_round.organisation.name,
        note=assessment_round.title,
    )
