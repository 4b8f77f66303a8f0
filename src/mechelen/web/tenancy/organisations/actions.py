"""An organisation's own changes: its profile, its endorsement of the Declaration, and its
request to join a network; all audited."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction

from mechelen.web.audit.log import record
from mechelen.web.tenancy.models import PROFILE_FIELDS, Network, Organisation


@transaction.atomic
def update_profile(actor: Any, organisation: Organisation, data: dict[str, Any]) -> None:
    stored = Organisation.objects.get(pk=organisation.pk)  # a bound form may have changed it
    changed = {f: data[f] for f in PROFILE_FIELDS if f in data and getattr(stored, f) != data[f]}
    for name, value in changed.items():
        setattr(organisation, name, value)
    organisation.save()
    record(actor, "organisation.update", organisation, organisation, changed)


@transaction.atomic
def endorse(actor: Any, organisation: Organisation, on: datetime.date | None) -> None:
    """Record the endorsement of the Declaration (``None`` withdraws it)."""
    organisation.endorsed_on = on
    organisation.save(update_fields=["endorsed_on"])
    record(
        actor,
        "organisation.endorse" if on else "organisation.withdraw",
        organisation,
        organisation,
        {"endorsed_on": on},
    )


@transaction.atomic
def request_network(actor: Any, organisation: Organisation, network: Network | None) -> None:
    """The organisation asks to join ``network`` (``None`` withdraws the request)."""
    organisation.requested_network = network
    organisation.save(update_fields=["requested_network"])
    record(
        actor,
        "network.join.request",
        organisation,
        organisation,
        {"network": getattr(network, "slug", None)},
    )
