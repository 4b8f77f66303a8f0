"""Long work (ingest, table builds) done off the request, with its progress."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from mechelen.web.tenancy.models import Organisation


class JobStatus(models.TextChoices):
    QUEUED = "queued", _("Waiting")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")


class Job(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="jobs")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    #: a registered kind, e.g. ``statistics.ingest``
    kind = models.CharField(max_length=60)
    params = models.JSONField(default=dict)
    status = models.CharField(max_length=10, choices=JobStatus.choices, default=JobStatus.QUEUED)
    #: share of the work done, 0 to 1
    progress = models.FloatField(default=0.0)
    #: what is being done now, in English (translated on display)
    step = models.CharField(max_length=200, blank=True)
    result = models.JSONField(default=dict, blank=True)
    #: problems that stopped the work: [{"code": ..., "message": ...}]
    problems = models.JSONField(default=list, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    #: the process running the job, ``host:pid`` (see mechelen.web.jobs.claims)
    worker = models.CharField(max_length=200, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    #: written while the job runs; a running job without a recent one was interrupted
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    #: how many times a runner took the job (more than one: it was interrupted)
    attempts = models.PositiveSmallIntegerField(default=0)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.kind} #{self.pk} ({self.status})"

    @property
    def finished(self) -> bool:
        return self.status in (JobStatus.DONE, JobStatus.FAILED)

    @property
    def percent(self) -> int:
        return round(100 * self.progress)
