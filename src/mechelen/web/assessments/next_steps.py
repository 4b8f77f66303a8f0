"""Next steps of the assessment rounds: the open rounds and their coverage for those who run
or read them, and the questionnaires waiting for a respondent."""

from __future__ import annotations

from collections.abc import Iterator

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from mechelen.web.assessments import policy
from mechelen.web.assessments.models import AssessmentRound, Invitation, RoundStatus
from mechelen.web.assessments.results import group_label, question_count
from mechelen.web.tenancy.next_steps import Home, NextStep, Urgency


def _coverage(submitted: int, invited: int) -> str:
    if not invited:
        return _("Nobody is invited to answer yet.")
    return ngettext(
        "{submitted} of {invited} person invited has answered.",
        "{submitted} of {invited} people invited have answered.",
        invited,
    ).format(submitted=submitted, invited=invited)


def open_rounds(home: Home) -> Iterator[NextStep]:
    """The open rounds of the organisations where the person runs or reads rounds, with their
    coverage (one query for every organisation)."""
    managed = {o.pk: o for o in home.where(policy.can_manage)}
    reading = {o.pk: o for o in home.where(policy.can_see_results) if o.pk not in managed}
    asked = {**managed, **reading}
    if not asked:
        return
    rounds = (
        AssessmentRound.objects.filter(organisation_id__in=sorted(asked), status=RoundStatus.OPEN)
        .annotate(
            n_invited=Count("invitations", distinct=True),
            n_submitted=Count(
                "invitations", filter=Q(invitations__submitted_at__isnull=False), distinct=True
            ),
        )
        .order_by("opened_at", "pk")
    )
    for item in rounds:
        organisation = asked[item.organisation_id]
        coverage = _coverage(item.n_submitted, item.n_invited)
        if item.organisation_id in managed:
            if item.n_invited == 0:
                yield NextStep(
                    title=_("Invite people to answer the round “{title}”").format(title=item.title),
                    why=coverage,
                    url=reverse(
                        "assessments:invite", kwargs={"slug": organisation.slug, "pk": item.pk}
                    ),
                    urgency=Urgency.TODO,
                    organisation=organisation,
                )
                continue
            complete = item.n_submitted >= item.n_invited
            yield NextStep(
                title=(
                    _("Close the round “{title}”: everyone has answered")
                    if complete
                    else _("Follow the answers to the round “{title}”")
                ).format(title=item.title),
                why=coverage,
                url=reverse("assessments:round", kwargs={"slug": organisation.slug, "pk": item.pk}),
                urgency=Urgency.TODO,
                count=item.n_invited - item.n_submitted,
                organisation=organisation,
            )
        else:
            yield NextStep(
                title=_("The round “{title}” is open").format(title=item.title),
                why=coverage + " " + _("Its results are read once it is closed."),
                url=reverse("assessments:list", kwargs={"slug": organisation.slug}),
                urgency=Urgency.INFO,
                organisation=organisation,
            )


def questionnaires(home: Home) -> Iterator[NextStep]:
    """The respondent's own questionnaires of open rounds not submitted yet: those begun
    (answers in progress) and those not begun (invitations to answer); one query."""
    answering = {o.pk: o for o in home.where(policy.can_answer_in)}
    if not answering or home.access.user_id is None:
        return
    mine = (
        Invitation.objects.filter(
            user_id=home.access.user_id,
            round__organisation_id__in=sorted(answering),
            round__status=RoundStatus.OPEN,
            submitted_at__isnull=True,
        )
        .select_related("round")
        .annotate(n_answers=Count("answers"))
        .order_by("round__opened_at", "pk")
    )
    total = None
    for invitation in mine:
        organisation = answering[invitation.round.organisation_id]
        url = reverse(
            "assessments:answer", kwargs={"slug": organisation.slug, "pk": invitation.round_id}
        )
        if invitation.n_answers:
            total = total if total is not None else question_count()
            yield NextStep(
                title=_("Finish your answers to “{title}”").format(title=invitation.round.title),
                why=ngettext(
                    "You answered {answered} of {total} question; submit them when you are done.",
                    "You answered {answered} of {total} questions; submit them when you are done.",
                    total,
                ).format(answered=invitation.n_answers, total=total),
                url=url,
                urgency=Urgency.DUE,
                count=total - invitation.n_answers,
                organisation=organisation,
            )
        else:
            yield NextStep(
                title=_("Answer the questionnaire “{title}”").format(title=invitation.round.title),
                why=_("You are invited to answer for: {group}.").format(
                    group=group_label(invitation.group_id)
                ),
                url=url,
                urgency=Urgency.TODO,
                organisation=organisation,
            )
