"""Record a write in the audit log; every action that changes data calls :func:`record`."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db import models

from mechelen.web.audit.models import AuditEntry
from mechelen.web.tenancy.models import Organisation


def record(
    actor: Any,
    action: str,
    target: models.Model | None = None,
    organisation: Organisation | None = None,
    details: Mapping[str, Any] | None = None,
) -> AuditEntry:
    """Log that ``actor`` did ``action`` (a stable id such as ``commitment.update``)."""
    return AuditEntry.objects.create(
        actor=actor if actor is not None and actor.is_authenticated else None,
        organisation=organisation,
        action=action,
        target_type=target._meta.label_lower if target is not None else "",
        target_id=str(target.pk) if target is not None else "",
        details=_json_safe(details or {}),
    )


def _json_safe(details: Mapping[str, Any]) -> dict[str, Any]:
    safe: dict[str, Any] = {}
    for key, value in details.items():
        if value is None or isinstance(value, bool | int | float | str):
            safe[key] = value
        elif isinstance(value, list | tuple):
            safe[key] = [str(v) for v in value]
        else:
            safe[key] = str(value)
    return safe
