"""Changes to commitments, each recorded in the audit log."""

from __future__ import annotations

from typing import Any

from django.db import transaction

from mechelen.web.audit.log import record
from mechelen.web.commitments.models import Commitment
from mechelen.web.tenancy.models import Organisation

FIELDS = ("paragraph", "own_title", "action", "owner", "target", "due_date", "status", "public")


@transaction.atomic
def create_commitment(actor: Any, organisation: Organisation, data: dict[str, Any]) -> Commitment:
    item = Commitment.objects.create(
        organisation=organisation, **{f: data[f] for f in FIELDS if f in data}
    )
    record(actor, "commitment.create", item, organisation, {f: data.get(f) for f in FIELDS})
    return item


@transaction.atomic
def update_commitment(actor: Any, item: Commitment, data: dict[str, Any]) -> Commitment:
    stored = Commitment.objects.get(pk=item.pk)  # a bound form may have changed ``item`` already
    changed = {f: data[f] for f in FIELDS if f in data and getattr(stored, f) != data[f]}
    for name, value in changed.items():
        setattr(item, name, value)
    item.save()
    record(actor, "commitment.update", item, item.organisation, changed)
    return item


@transaction.atomic
def delete_commitment(actor: Any, item: Commitment) -> None:
    record(actor, "commitment.delete", item, item.organisation, {"title": item.title})
    item.delete()
