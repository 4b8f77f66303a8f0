"""Next steps of the statistics: releases waiting for approval (for those who approve),
releases refused or whose preview failed (for the data stewards, who fix them), and datasets
whose data is more than a year old (for the data stewards, who load newer data)."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _

from mechelen.web.jobs.models import JobStatus
from mechelen.web.statistics import policy
from mechelen.web.statistics.models import Dataset, Release, ReleaseStatus
from mechelen.web.tenancy.next_steps import Home, NextStep, Urgency

#: a dataset whose last ingest is older than this is out of date
STALE_AFTER = datetime.timedelta(days=365)


def _day(moment: datetime.datetime | None) -> str:
    return date_format(localtime(moment).date(), "DATE_FORMAT") if moment else "—"


def releases(home: Home) -> Iterator[NextStep]:
    """Submitted releases for those who approve; refused ones and failed previews for the
    data stewards (one query)."""
    approving = {o.pk: o for o in home.where(policy.can_approve)}
    preparing = {o.pk: o for o in home.where(policy.can_prepare)}
    wanted = Q()
    if approving:
        wanted |= Q(organisation_id__in=sorted(approving), status=ReleaseStatus.SUBMITTED)
    if preparing:
        wanted |= Q(organisation_id__in=sorted(preparing), status=ReleaseStatus.REJECTED)
        wanted |= Q(
            organisation_id__in=sorted(preparing),
            status=ReleaseStatus.DRAFT,
            build_job__status=JobStatus.FAILED,
        )
    if not approving and not preparing:
        return
    found = (
        Release.objects.filter(wanted)
        .select_related("submitted_by", "decided_by", "build_job")
        .order_by("created_at", "pk")
    )
    for item in found:
        kwargs = {"slug": "", "pk": item.pk}
        if item.status == ReleaseStatus.SUBMITTED:
            organisation = approving[item.organisation_id]
            kwargs["slug"] = organisation.slug
            who = item.submitted_by.get_username() if item.submitted_by else "—"
            yield NextStep(
                title=_("Approve or reject the release “{title}”").format(title=item.title),
                why=_(
                    "{person} submitted it on {date}. Nothing is published until an "
                    "administrator reads its evidence and decides."
                ).format(person=who, date=_day(item.submitted_at)),
                url=reverse("statistics:release", kwargs=kwargs),
                urgency=Urgency.DUE,
                organisation=organisation,
            )
            continue
        organisation = preparing[item.organisation_id]
        kwargs["slug"] = organisation.slug
        if item.status == ReleaseStatus.REJECTED:
            reason = item.rejection_reason.strip()
            yield NextStep(
                title=_("Fix the refused release “{title}”").format(title=item.title),
                why=(
                    _("It was refused on {date}: “{reason}”.")
                    if reason
                    else _("It was refused on {date}.")
                ).format(date=_day(item.decided_at), reason=reason)
                + " "
                + _("Change it, preview it again and submit it."),
                url=reverse("statistics:release_edit", kwargs=kwargs),
                urgency=Urgency.DUE,
                organisation=organisation,
            )
        else:
            yield NextStep(
                title=_("The preview of “{title}” failed").format(title=item.title),
                why=_("Read what went wrong, change the release and preview it again."),
                url=reverse("statistics:release", kwargs=kwargs),
                urgency=Urgency.TODO,
                organisation=organisation,
            )


def old_datasets(home: Home, now: datetime.datetime | None = None) -> Iterator[NextStep]:
    """Datasets loaded more than a year ago, for the data stewards (one query)."""
    preparing = {o.pk: o for o in home.where(policy.can_prepare)}
    if not preparing:
        return
    before = (now or timezone.now()) - STALE_AFTER
    found = Dataset.objects.filter(
        organisation_id__in=sorted(preparing), ingested_at__lt=before
    ).order_by("ingested_at", "pk")
    for item in found:
        organisation = preparing[item.organisation_id]
        yield NextStep(
            title=_("Load newer data into the dataset “{name}”").format(name=item.name),
            why=_(
                "Its data was last loaded on {date}, more than a year ago: the releases made "
                "from it grow out of date."
            ).format(date=_day(item.ingested_at)),
            url=reverse("statistics:upload", kwargs={"slug": organisation.slug}),
            urgency=Urgency.TODO,
            organisation=organisation,
        )
