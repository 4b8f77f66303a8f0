"""Next steps of the commitments: those past their date or due within 30 days and not
achieved, for the people who keep them (administrators and coordinators)."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterator

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from mechelen.web.commitments import policy
from mechelen.web.commitments.models import Commitment, CommitmentStatus
from mechelen.web.tenancy.models import Organisation
from mechelen.web.tenancy.next_steps import Home, NextStep, Urgency

#: a commitment is due soon within this many days of its date
DUE_WITHIN_DAYS = 30
#: a commitment in these states needs nothing more
SETTLED = (CommitmentStatus.ACHIEVED, CommitmentStatus.DROPPED)
#: more commitments of one kind (late, or due soon) than this make one step with their number
MOST_LISTED = 5


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
    by_kind: dict[tuple[int, bool], list[Commitment]] = defaultdict(list)
    for item in found:
        by_kind[(item.organisation_id, item.due_date < today)].append(item)
    for (organisation_id, late), items in by_kind.items():
        organisation = editing[organisation_id]
        if len(items) > MOST_LISTED:
            yield _summary(organisation, items, late)
        else:
            yield from (_step(organisation, item, today) for item in items)


def _summary(organisation: Organisation, items: list[Commitment], late: bool) -> NextStep:
    """One step for many commitments of the same kind (late, or due soon)."""
    count = len(items)
    first = date_format(items[0].due_date, "DATE_FORMAT")
    if late:
        title = ngettext(
            "{count} commitment is past its date",
            "{count} commitments are past their date",
            count,
        )
        why = _("The oldest was due on {date}: update their status or their dates.")
    else:
        title = ngettext(
            "{count} commitment is due soon", "{count} commitments are due soon", count
        )
        why = _("The first is due on {date}.")
    return NextStep(
        title=title.format(count=count),
        why=why.format(date=first),
        url=reverse("commitments:list", kwargs={"slug": organisation.slug}),
        urgency=Urgency.LATE if late else Urgency.DUE,
        count=count,
        organisation=organisation,
    )


def _step(organisation: Organisation, item: Commitment, today: datetime.date) -> NextStep:
    status = CommitmentStatus(item.status).label
    when = date_format(item.due_date, "DATE_FORMAT")
    days = (item.due_date - today).days
    if days < 0:
        title = _("“{title}” is past its date").format(title=item.title)
        why = ngettext(
            "It was due on {date}, {days} day ago, and is {status}: update its status or its date.",
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
    return NextStep(
        title=title,
        why=why,
        url=reverse("commitments:edit", kwargs={"slug": organisation.slug, "pk": item.pk}),
        urgency=urgency,
        organisation=organisation,
    )
