"""Next steps of the commitments: those past their date or due within 30 days and not
achieved, for the people who keep them (administrators and coordinators)."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from mechelen.web.commitments import policy
from mechelen.web.commitments.models import Commitment, CommitmentStatus
from mechelen.web.tenancy.next_steps import Home, NextStep, Urgency

#: a commitment is due soon within this many days of its date
DUE_WITHIN_DAYS = 30
#: a commitment in these states needs nothing more
SETTLED = (CommitmentStatus.ACHIEVED, CommitmentStatus.DROPPED)


def commitments_due(home: Home, today: datetime.date | None = None) -> Iterator[NextStep]:
    """Each commitment past its date or due soon and not achieved, in the organisations where
    the person may edit commitments (one query)."""
    editing = {o.pk: o for o in home.where(policy.can_edit)}
    if not editing:
        return
    today = today or timezone.localdate()
    soon = today + datetime.timedelta(days=DUE_WITHIN_DAYS)
    found = (
        Commitment.objects.filter(organisation_id__in=sorted(editing), due_date__lte=soon)
        .exclude(status__in=SETTLED)
        .order_by("due_date", "pk")
    )
    for item in found:
        organisation = editing[item.organisation_id]
        status = CommitmentStatus(item.status).label
        when = date_format(item.due_date, "DATE_FORMAT")
        days = (item.due_date - today).days
        if days < 0:
            title = _("“{title}” is past its date").format(title=item.title)
            why = ngettext(
                "It was due on {date}, {days} day ago, and is {status}: update its status or "
                "its date.",
                "It was due on {date}, {days} days ago, and is {status}: update its status or "
                "its date.",
                -days,
            ).format(date=when, days=-days, status=str(status).lower())
            urgency = Urgency.LATE
        else:
            title = _("“{title}” is due soon").format(title=item.title)
            why = ngettext(
                "It is due on {date}, in {days} day, and is {status}.",
                "It is due on {date}, in {days} days, and is {status}.",
                days,
            ).format(date=when, days=days, status=str(status).lower())
            urgency = Urgency.DUE
        yield NextStep(
            title=title,
            why=why,
            url=reverse("commitments:edit", kwargs={"slug": organisation.slug, "pk": item.pk}),
            urgency=urgency,
            organisation=organisation,
        )
