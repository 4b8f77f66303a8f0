"""Follow-up of an organisation: its indicators (baseline, target, series, manual status),
dated evidence of its commitments, and which assessment round is the baseline of change.

The indicator's meaning (measure, direction, what it serves) lives in the framework's
catalogue (:mod:`mechelen.core.indicators`) or, for an indicator of the city's own, in
``custom_spec`` (the same fields as ``indicators.yaml``, checked by the catalogue rules).
These rows hold only the city's choices and figures.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from mechelen.web.assessments.models import AssessmentRound
from mechelen.web.commitments.models import Commitment
from mechelen.web.statistics.models import Release
from mechelen.web.tenancy.models import Organisation


class AutomaticSource(models.TextChoices):
    """Where the values of an indicator may be filled from automatically."""

    NONE = "", _("Entered by hand only")
    PUBLISHED_RELEASE = "published-release", _("A published statistics release")
    SERVICE_FIGURES = "service-figures", _("Service figures")
    COMMITMENTS = "commitments", _("Our commitments")
    ASSESSMENT = "assessment", _("Closed assessment rounds")


class ObservationSource(models.TextChoices):
    MANUAL = "manual", _("Entered by hand")
    PUBLISHED_RELEASE = "published-release", _("Published statistics release")
    SERVICE_FIGURES = "service-figures", _("Service figures")
    COMMITMENTS = "commitments", _("Commitments")
    ASSESSMENT = "assessment", _("Assessment round")


class OverrideStatus(models.TextChoices):
    TARGET_REACHED = "target-reached", _("Target reached")
    ON_TRACK = "on-track", _("On track")
    MOVING_TOO_SLOWLY = "moving-too-slowly", _("Moving too slowly")
    MOVING_AWAY = "moving-away", _("Moving away")
    NOT_ENOUGH_DATA = "not-enough-data", _("Not enough data")


#: what an organisation sets for an indicator it follows: the fields of its settings form, the
#: only ones an update may change
INDICATOR_SETTINGS = (
    "disaggregation",
    "baseline_year",
    "baseline_value",
    "target_value",
    "target_year",
    "automatic_source",
    "figure_numerator",
    "figure_denominator",
    "public",
)


class CityIndicator(models.Model):
    """An indicator an organisation follows, with its baseline, target and manual status."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="indicators"
    )
    #: the catalogue id, or the id of the organisation's own indicator
    indicator_id = models.SlugField(_("indicator"), max_length=80)
    #: for an indicator of the organisation's own: its definition (indicators.yaml fields)
    custom_spec = models.JSONField(default=dict, blank=True)
    disaggregation = models.CharField(
        _("broken down by"),
        max_length=40,
        blank=True,
        help_text=_("Leave empty to follow the whole area only."),
    )
    baseline_year = models.PositiveSmallIntegerField(_("baseline year"), null=True, blank=True)
    baseline_value = models.FloatField(_("baseline value"), null=True, blank=True)
    target_value = models.FloatField(_("target value"), null=True, blank=True)
    target_year = models.PositiveSmallIntegerField(_("target year"), null=True, blank=True)
    automatic_source = models.CharField(
        _("fill values from"),
        max_length=20,
        choices=AutomaticSource.choices,
        blank=True,
        default=AutomaticSource.NONE,
    )
    #: for service figures: the names of the figures used as numerator and denominator
    figure_numerator = models.CharField(_("service figure (numerator)"), max_length=200, blank=True)
    figure_denominator = models.CharField(
        _("service figure (denominator)"), max_length=200, blank=True
    )
    public = models.BooleanField(
        _("show on the public page"),
        default=False,
        help_text=_("Only values from published releases or marked public are shown."),
    )
    override_status = models.CharField(
        _("status set by hand"), max_length=20, choices=OverrideStatus.choices, blank=True
    )
    override_reason = models.TextField(_("why"), blank=True)
    override_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    override_on = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["indicator_id", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "indicator_id"], name="one_city_indicator_per_id"
            )
        ]

    def __str__(self) -> str:
        return self.indicator_id

    @property
    def is_custom(self) -> bool:
        return bool(self.custom_spec)


class IndicatorObservation(models.Model):
    """A value of an indicator in a year, for the whole area or one part of a breakdown."""

    indicator = models.ForeignKey(
        CityIndicator, on_delete=models.CASCADE, related_name="observations"
    )
    year = models.PositiveSmallIntegerField(_("year"))
    #: the code of the breakdown's part (e.g. a district), empty for the whole area
    breakdown = models.CharField(_("part"), max_length=80, blank=True)
    breakdown_label = models.CharField(max_length=200, blank=True)
    value = models.FloatField(_("value"))
    source = models.CharField(
        _("source"),
        max_length=20,
        choices=ObservationSource.choices,
        default=ObservationSource.MANUAL,
    )
    #: the published release a value was computed from (public while it stays published)
    release = models.ForeignKey(
        Release, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    source_note = models.CharField(_("source note"), max_length=300, blank=True)
    public = models.BooleanField(
        _("may be shown publicly"),
        default=False,
        help_text=_("For a value entered by hand; values of published releases are public."),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["year", "breakdown", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "year", "breakdown"], name="one_value_per_year_and_part"
            )
        ]

    def __str__(self) -> str:
        return f"{self.indicator.indicator_id} {self.year}: {self.value}"


def evidence_folder() -> str:
    return "followup/evidence"


class CommitmentEvidence(models.Model):
    """Dated evidence of a commitment's state: a link or a document (PDF, ODT, DOCX, image)."""

    commitment = models.ForeignKey(Commitment, on_delete=models.CASCADE, related_name="evidence")
    date = models.DateField(_("date"))
    title = models.CharField(_("title"), max_length=200)
    url = models.URLField(_("link"), max_length=500, blank=True)
    #: the document's path relative to MEDIA_ROOT (empty for a link)
    stored_name = models.CharField(max_length=255, blank=True)
    original_name = models.CharField(max_length=255, blank=True)
    #: pdf, odt, docx, png, jpeg, gif or webp, recognised from the content
    kind = models.CharField(max_length=10, blank=True)
    size = models.PositiveBigIntegerField(default=0)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-date", "-pk"]

    def __str__(self) -> str:
        return self.title

    @property
    def has_document(self) -> bool:
        return bool(self.stored_name)


class AssessmentBaseline(models.Model):
    """The assessment round later rounds are compared with (else the first closed round)."""

    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="assessment_baseline"
    )
    round = models.ForeignKey(AssessmentRound, on_delete=models.CASCADE, related_name="+")
    chosen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    chosen_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return f"{self.organisation}: {self.round}"
