"""Demo commitments with owners, targets and dates (fictional)."""

from __future__ import annotations

import datetime

from mechelen.web.commitments.models import Commitment, CommitmentStatus
from mechelen.web.demo.steps import DemoContext, demo_step

#: city -> (paragraph or own title, owner, target, due date, status)
COMMITMENTS: dict[str, list[tuple[int | str, str, str, datetime.date, CommitmentStatus]]] = {
    "mechelen": [
        (
            17,
            "Statistics office",
            "Publish residents by citizenship and district every year",
            datetime.date(2026, 12, 31),
            CommitmentStatus.ACHIEVED,
        ),
        (
            31,
            "Integration service",
            "Dutch courses for 1,200 newcomers a year",
            datetime.date(2027, 6, 30),
            CommitmentStatus.IN_PROGRESS,
        ),
        (
            32,
            "Neighbourhood teams",
            "A dialogue evening in every district each quarter",
            datetime.date(2026, 12, 31),
            CommitmentStatus.IN_PROGRESS,
        ),
        (
            41,
            "Social services",
            "Firewall between service providers and immigration enforcement",
            datetime.date(2027, 12, 31),
            CommitmentStatus.PLANNED,
        ),
        (
            "Welcome desk open on Saturdays",
            "Civil affairs",
            "Open 48 Saturdays a year",
            datetime.date(2026, 3, 31),
            CommitmentStatus.DELAYED,
        ),
    ],
    "antwerpen": [
        (
            24,
            "Housing department",
            "Equal access to social housing waiting lists",
            datetime.date(2027, 12, 31),
            CommitmentStatus.IN_PROGRESS,
        ),
        (
            37,
            "Work and economy",
            "Recognition of qualifications within 3 months",
            datetime.date(2026, 9, 30),
            CommitmentStatus.ACHIEVED,
        ),
    ],
    "gent": [
        (
            25,
            "Education department",
            "Reception classes in every secondary school",
            datetime.date(2027, 8, 31),
            CommitmentStatus.IN_PROGRESS,
        ),
        (
            21,
            "International relations",
            "Two city-to-city exchanges a year",
            datetime.date(2026, 12, 31),
            CommitmentStatus.PLANNED,
        ),
    ],
}


@demo_step(20, "commitments")
def load_commitments(context: DemoContext) -> None:
    for slug, items in COMMITMENTS.items():
        organisation = context.organisations[slug]
        for what, owner, target, due, status in items:
            Commitment.objects.update_or_create(
                organisation=organisation,
                paragraph=what if isinstance(what, int) else None,
                own_title="" if isinstance(what, int) else what,
                defaults={"owner": owner, "target": target, "due_date": due, "status": status},
            )
