"""An organisation's commitments: from the Declaration's annex (§17-44) or its own."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from mechelen.web.framework_data import commitment, in_page_language
from mechelen.web.tenancy.models import Organisation


class CommitmentStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    ACHIEVED = "achieved", _("Achieved")
    DELAYED = "delayed", _("Delayed")
    DROPPED = "dropped", _("Dropped")


class Commitment(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="commitments"
    )
    #: the paragraph of the Declaration's annex; empty for the organisation's own commitment
    paragraph = models.PositiveSmallIntegerField(
        _("paragraph of the Declaration"), null=True, blank=True
    )
    own_title = models.CharField(
        _("title"), max_length=200, blank=True, help_text=_("Only for a commitment of your own.")
    )
    action = models.TextField(_("what we will do"), blank=True)
    owner = models.CharField(_("owner"), max_length=200, help_text=_("Department or person."))
    target = models.CharField(_("target"), max_length=300)
    due_date = models.DateField(_("due date"))
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=CommitmentStatus.choices,
        default=CommitmentStatus.PLANNED,
    )
    public = models.BooleanField(_("show on the public page"), default=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = [models.F("paragraph").asc(nulls_last=True), "own_title", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "paragraph"], name="one_commitment_per_paragraph"
            ),
            models.CheckConstraint(
                condition=models.Q(paragraph__isnull=False) | ~models.Q(own_title=""),
                name="commitment_from_declaration_or_titled",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def title(self) -> str:
        if self.paragraph is not None:
            item = commitment(self.paragraph)
            if item is not None:
                return in_page_language(item.title)
        return self.own_title

    @property
    def from_declaration(self) -> bool:
        return self.paragraph is not None
