"""Statistics of an organisation: uploaded files, ingested datasets, releases, service figures.

Microdata lives only in the organisation's DuckDB workspace (``WORKSPACES_DIR/<slug>``); these
rows hold what the pages need about it (names, counts, states), never a person's record.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from mechelen.core.releases.workflow import ReleaseState, Step, allows
from mechelen.web.jobs.models import Job
from mechelen.web.statistics.labels import table_title
from mechelen.web.tenancy.models import Organisation


class SourceFile(models.Model):
    """A data file a steward uploaded, kept in the workspace folder until its ingest ends
    (whatever the outcome) or until it waited ``UPLOAD_KEEP_HOURS``."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="source_files"
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    original_name = models.CharField(_("file name"), max_length=255)
    #: csv, csv.gz, xlsx or parquet, recognised from the content
    kind = models.CharField(max_length=10)
    size = models.PositiveBigIntegerField()
    #: the file's name in the organisation's upload folder
    stored_name = models.CharField(max_length=100)
    #: the column names of the header row
    columns = models.JSONField(default=list)
    uploaded_at = models.DateTimeField(auto_now_add=True)
    #: set when the file was deleted (its ingest ended, or it waited too long)
    removed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-uploaded_at", "-pk"]

    def __str__(self) -> str:
        return self.original_name


class Dataset(models.Model):
    """A dataset of the organisation's workspace, with its mapping and last ingest."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="datasets"
    )
    #: the dataset id in the workspace (the mapping's ``dataset``)
    name = models.SlugField(_("dataset"), max_length=63)
    source_file = models.ForeignKey(
        SourceFile, null=True, on_delete=models.SET_NULL, related_name="datasets"
    )
    mapping_text = models.TextField(_("mapping"))
    last_job = models.ForeignKey(Job, null=True, on_delete=models.SET_NULL, related_name="+")
    #: the engine's record of the last successful ingest: counts, columns, geography levels,
    #: not-stated counts and the most frequent reasons of rejection (code, column, rows)
    summary = models.JSONField(default=dict, blank=True)
    ingested_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="one_dataset_name")
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def ready(self) -> bool:
        return self.ingested_at is not None


class ReleaseStatus(models.TextChoices):
    """The states of the release workflow (core/releases/workflow.py), with their labels."""

    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Waiting for approval")
    PUBLISHED = "published", _("Published")
    REJECTED = "rejected", _("Rejected")


class ReleaseQuerySet(models.QuerySet["Release"]):
    def published(self) -> ReleaseQuerySet:
        return self.filter(status=ReleaseStatus.PUBLISHED)


class Release(models.Model):
    """Protected tables built from a dataset: previewed, submitted, approved, then public."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="releases"
    )
    dataset = models.ForeignKey(Dataset, on_delete=models.PROTECT, related_name="releases")
    #: the release id in the engine (lower case, digits, hyphens)
    name = models.SlugField(_("release id"), max_length=80)
    title = models.CharField(_("title"), max_length=200)
    spec_text = models.TextField(_("table specification"))
    status = models.CharField(
        _("status"), max_length=10, choices=ReleaseStatus.choices, default=ReleaseStatus.DRAFT
    )
    build_job = models.ForeignKey(Job, null=True, on_delete=models.SET_NULL, related_name="+")
    #: the folder of the built files, relative to MEDIA_ROOT (empty until built)
    folder = models.CharField(max_length=255, blank=True)
    #: per table: name, dimensions, cells and the disclosure report
    tables = models.JSONField(default=list, blank=True)
    content_sha256 = models.CharField(max_length=64, blank=True)
    built_at = models.DateTimeField(null=True, blank=True)
    #: published figures for the portal (residents, non-citizens), set on approval
    headline = models.JSONField(default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    rejection_reason = models.TextField(_("reason for rejection"), blank=True)
    published_at = models.DateTimeField(null=True, blank=True)

    objects = ReleaseQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="one_release_name")
        ]

    def __str__(self) -> str:
        return self.title or self.name

    @property
    def built(self) -> bool:
        return bool(self.folder)

    @property
    def editable(self) -> bool:
        """Whether its spec may be changed and previewed again (a draft or rejected one)."""
        return allows(ReleaseState(self.status), Step.EDIT)

    @property
    def published(self) -> bool:
        return self.status == ReleaseStatus.PUBLISHED

    def table_names(self) -> list[str]:
        return [str(t["name"]) for t in self.tables]

    def table_titles(self) -> list[tuple[str, str]]:
        """(name, title for pages) of each table, in the release's order."""
        return [(str(t["name"]), table_title(list(t["dimensions"]))) for t in self.tables]


class ServiceFigure(models.Model):
    """An aggregate figure a service provider reports, e.g. newcomers enrolled in a course."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="service_figures"
    )
    provider = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="service_figures"
    )
    #: a sector id of the framework, e.g. ``education``
    sector = models.CharField(_("service sector"), max_length=60)
    period = models.CharField(
        _("period"),
        max_length=7,
        help_text=_("A year (2024), a quarter (2024-Q2) or a month (2024-05)."),
    )
    name = models.CharField(_("figure"), max_length=200, help_text=_("What is counted."))
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=2)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-period", "sector", "name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "provider", "sector", "period", "name"],
                name="one_figure_per_provider_period",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.period})"
