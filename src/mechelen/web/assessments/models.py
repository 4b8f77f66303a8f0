"""Assessment rounds, the people invited to answer them, and their answers.

The questions, the scale and the aggregation live in :mod:`mechelen.core.assessment`; these
models only store who was asked what and what they answered.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from mechelen.web.tenancy.models import Organisation


class RoundStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class AssessmentRound(models.Model):
    """One joint initial assessment of an organisation (§50), open for answers until closed."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="assessment_rounds"
    )
    title = models.CharField(_("title"), max_length=200)
    framework_id = models.CharField(max_length=60)
    share_with_networks = models.BooleanField(
        _("share results with our networks"),
        default=False,
        help_text=_(
            "When the round is closed, its results may be used in the reports of the networks "
            "this organisation belongs to."
        ),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=RoundStatus.choices, default=RoundStatus.OPEN
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    opened_at = models.DateTimeField(auto_now_add=True)
    closed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-opened_at", "-pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def is_open(self) -> bool:
        return self.status == RoundStatus.OPEN


class InvitationSource(models.TextChoices):
    WEB = "web", _("Invited to answer online")
    SPREADSHEET = "spreadsheet", _("Imported from a spreadsheet")


class Invitation(models.Model):
    """A person asked to answer for one stakeholder group; online answers need an account."""

    round = models.ForeignKey(AssessmentRound, on_delete=models.CASCADE, related_name="invitations")
    group_id = models.CharField(_("stakeholder group"), max_length=60)
    name = models.CharField(_("name"), max_length=200)
    email = models.EmailField(_("e-mail"), blank=True)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    #: the account that answers online (holds the respondent role); empty for imported forms
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assessment_invitations",
    )
    source = models.CharField(
        max_length=20, choices=InvitationSource.choices, default=InvitationSource.WEB
    )
    #: the offer of the respondent role sent to a person outside the organisation; once they
    #: accept it, ``user`` becomes their account
    membership_invitation = models.ForeignKey(
        "tenancy.Invitation",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="round_invitations",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["group_id", "name", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["round", "user"], name="one_invitation_per_account"),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.group_id})"

    @property
    def submitted(self) -> bool:
        return self.submitted_at is not None


class Answer(models.Model):
    """One answer to one question; ``score`` empty means "don't know"."""

    invitation = models.ForeignKey(Invitation, on_delete=models.CASCADE, related_name="answers")
    #: the core question id, ``sector-id/dimension-id`` or ``sector-id/urgency``
    question_id = models.CharField(max_length=120)
    score = models.PositiveSmallIntegerField(null=True, blank=True)
    evidence = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["invitation", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["invitation", "question_id"], name="one_answer_per_question"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.question_id}={self.score}"
