"""Who may run an assessment round, answer it, and read its results.

Coordinators and administrators run rounds; respondents answer the rounds they are invited
to and see only their own answers; coordinators, administrators and viewers read results.
"""

from __future__ import annotations

from django.db.models import QuerySet

from mechelen.web.assessments.models import AssessmentRound, Invitation
from mechelen.web.tenancy.access import Access
from mechelen.web.tenancy.models import Organisation
from mechelen.web.tenancy.roles import Role

#: open and close rounds, invite respondents, watch coverage, exchange spreadsheets
MANAGE = frozenset({Role.ADMINISTRATOR, Role.COORDINATOR})
#: read the results (heatmap, disagreements, priorities) of a round
SEE_RESULTS = frozenset({Role.ADMINISTRATOR, Role.COORDINATOR, Role.VIEWER})
#: answer the questionnaire of a round one is invited to
ANSWER = frozenset({Role.RESPONDENT})
#: see the list of rounds (respondents see only those they are invited to)
LIST_ROUNDS = MANAGE | SEE_RESULTS | ANSWER


def can_list_rounds(access: Access, organisation: Organisation) -> bool:
    return access.holds(organisation, LIST_ROUNDS)


def sees_every_round(access: Access, organisation: Organisation) -> bool:
    """Whether the list shows all rounds, not only those the person is invited to."""
    return access.holds(organisation, MANAGE | SEE_RESULTS)


def visible_rounds(access: Access, organisation: Organisation) -> QuerySet[AssessmentRound]:
    """The organisation's rounds this person may see: every one for those who see them all
    (:func:`sees_every_round`), else the rounds the person is invited to."""
    rounds = AssessmentRound.objects.filter(organisation=organisation)
    if sees_every_round(access, organisation):
        return rounds
    if access.user_id is None:
        return rounds.none()
    return rounds.filter(invitations__user_id=access.user_id).distinct()


def can_manage(access: Access, organisation: Organisation) -> bool:
    return access.holds(organisation, MANAGE)


def can_see_results(access: Access, organisation: Organisation) -> bool:
    return access.holds(organisation, SEE_RESULTS)


def can_answer_in(access: Access, organisation: Organisation) -> bool:
    """Whether the person may answer questionnaires of ``organisation`` at all."""
    return access.holds(organisation, ANSWER)


def can_read_answers(access: Access, invitation: Invitation) -> bool:
    """Only the invited account reads its answers, and only while it holds the respondent role."""
    return (
        access.user_id is not None
        and invitation.user_id == access.user_id
        and can_answer_in(access, invitation.round.organisation)
    )


def can_change_answers(access: Access, invitation: Invitation) -> bool:
    """The invited respondent, while the round is open and the answers are not submitted."""
    return (
        can_read_answers(access, invitation)
        and invitation.round.is_open
        and not invitation.submitted
    )


def can_change_round(access: Access, assessment_round: AssessmentRound) -> bool:
    """Invite, import or close: managers, while the round is open."""
    return can_manage(access, assessment_round.organisation) and assessment_round.is_open
