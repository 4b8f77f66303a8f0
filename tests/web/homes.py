"""Next steps as a person's home shows them, for the providers' tests."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone, translation

from mechelen.web.tenancy.access import access_for_user
from mechelen.web.tenancy.models import Organisation
from mechelen.web.tenancy.next_steps import Home, NextStep, next_steps


def home_for(user: Any, organisation: Organisation | None = None) -> Home:
    """The dashboard's home of ``user`` (every organisation they work in), or the workspace's
    of ``organisation``."""
    access = access_for_user(user)
    if organisation is not None:
        return Home(user, access, (organisation,), personal=False)
    mine = tuple(Organisation.objects.filter(pk__in=sorted(access.organisation_roles)))
    return Home(user, access, mine, personal=True)


def steps_of(
    user: Any, organisation: Organisation | None = None, language: str = "en"
) -> list[NextStep]:
    """The steps of ``user``'s home, worded in ``language``."""
    with translation.override(language):
        return next_steps(home_for(user, organisation))


def titles(steps: list[NextStep]) -> list[str]:
    return [s.title for s in steps]


def nothing_due(*organisations: Organisation) -> None:
    """Move the organisations' commitments a year past today, so that what a test counts does
    not depend on the day it runs (the world's commitments are due on a fixed date)."""
    from mechelen.web.commitments.models import Commitment

    Commitment.objects.filter(organisation__in=organisations).update(
        due_date=timezone.localdate() + datetime.timedelta(days=365)
    )
