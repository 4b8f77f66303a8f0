"""Evidence of commitments added and removed, each change recorded in the audit log."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import IO, Any

from django.conf import settings
from django.db import transaction

from mechelen.web.audit.log import record
from mechelen.web.commitments.models import Commitment
from mechelen.web.followup.models import CommitmentEvidence


def evidence_path(stored_name: str) -> Path:
    return Path(settings.MEDIA_ROOT) / stored_name


@transaction.atomic
def add_evidence(
    actor: Any,
    commitment: Commitment,
    data: dict[str, Any],
    document: IO[bytes] | None = None,
    document_name: str = "",
    kind: str = "",
) -> CommitmentEvidence:
    """A link or a checked document (see :mod:`mechelen.web.followup.evidence.documents`)."""
    item = CommitmentEvidence(
        commitment=commitment,
        date=data["date"],
        title=data["title"],
        url=data.get("url") or "",
        added_by=actor if getattr(actor, "is_authenticated", False) else None,
    )
    if document is not None:
        suffix = ".jpg" if kind == "jpeg" else f".{kind}"
        relative = f"followup/{commitment.organisation.slug}/evidence/{uuid.uuid4().hex}{suffix}"
        path = evidence_path(relative)
        path.parent.mkdir(parents=True, exist_ok=True)
        document.seek(0)
        with path.open("wb") as target:
            for chunk in iter(lambda: document.read(1 << 16), b""):
                target.write(chunk)
        item.stored_name = relative
        item.original_name = Path(document_name).name[:255]
        item.kind = kind
        item.size = path.stat().st_size
    item.save()
    record(
        actor,
        "followup.evidence.add",
        item,
        commitment.organisation,
        {
            "commitment": commitment.pk,
            "title": item.title,
            "url": item.url,
            "document": item.original_name,
            "kind": item.kind,
            "size": item.size,
        },
    )
    return item


@transaction.atomic
def remove_evidence(actor: Any, item: CommitmentEvidence) -> None:
    organisation = item.commitment.organisation
    record(
        actor,
        "followup.evidence.remove",
        item,
        organisation,
        {"commitment": item.commitment_id, "title": item.title},
    )
    if item.stored_name:
        evidence_path(item.stored_name).unlink(missing_ok=True)
    item.delete()
