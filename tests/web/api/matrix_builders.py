"""Parameters, bodies, files and secret texts of the API matrix's operations on an
organisation's members, rounds, datasets, jobs and evidence: (world, city) -> value."""

from __future__ import annotations

import datetime
import uuid
from typing import Any

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

from mechelen.web.audit.log import record
from mechelen.web.followup.evidence import actions as evidence_actions
from mechelen.web.tenancy.members import invitations
from mechelen.web.tenancy.models import Membership
from mechelen.web.tenancy.roles import Role
from tests.web.statistics import factories as stats

PASSWORD = "a-long-test-password-42"
AUDIT_SECRET = "Matrix audit secret"
EVIDENCE_SECRET = "Matrix private evidence"


def fresh_name(prefix: str) -> str:
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


# tenancy: profile, members, audit log


def profile_change(world: Any, city: Any) -> dict[str, Any]:
    return {"statistical_code": "12025", "population": 86_921}


def member_name(world: Any, city: Any) -> str:
    return str(city.users[Role.VIEWER].username)


def new_member(world: Any, city: Any) -> dict[str, Any]:
    """An invitation (nobody becomes a member without accepting one)."""
    return {"invited": fresh_name("member"), "role": "viewer"}


INVITED_SECRET = "matrix-invited-person"


def slug_with_invitation(world: Any, city: Any) -> dict[str, Any]:
    """A pending invitation of the city (withdrawn by the call)."""
    item = invitations.invite(
        None, city.organisation, INVITED_SECRET, Role.VIEWER, lambda token: token
    )
    return {"slug": city.organisation.slug, "pk": item.pk}


def invited_name(world: Any, city: Any) -> str:
    return INVITED_SECRET


def spare_member(world: Any, city: Any) -> dict[str, Any]:
    """A person of the city with the respondent role only (changed or removed by the call)."""
    user = get_user_model().objects.create_user(fresh_name("spare"), password=PASSWORD)
    membership = Membership.objects.create(
        user=user, organisation=city.organisation, role=Role.RESPONDENT
    )
    return {"slug": city.organisation.slug, "pk": membership.pk}


def role_change(world: Any, city: Any) -> dict[str, Any]:
    return {"role": "viewer"}


def slug_with_audit_entry(world: Any, city: Any) -> dict[str, Any]:
    record(None, "matrix.note", city.organisation, city.organisation, {"note": AUDIT_SECRET})
    return {"slug": city.organisation.slug}


def audit_secret(world: Any, city: Any) -> str:
    return AUDIT_SECRET


# assessment rounds


def new_round(world: Any, city: Any) -> dict[str, Any]:
    return {"title": "Matrix round", "share_with_networks": False}


def new_invitation(world: Any, city: Any) -> dict[str, Any]:
    return {
        "group_id": "academia",
        "name": "Matrix invitee",
        "language": "en",
        "username": fresh_name("invitee"),
    }


# statistics: uploads, datasets, jobs


def slug_with_upload(world: Any, city: Any) -> dict[str, Any]:
    stats.source_file_in(city.organisation)
    return {"slug": city.organisation.slug}


def upload_name(world: Any, city: Any) -> str:
    return "people.csv"


def data_file(world: Any, city: Any) -> dict[str, Any]:
    return {"file": SimpleUploadedFile("people.csv", stats.tiny_csv().encode(), "text/csv")}


def ingest_mapping(world: Any, city: Any) -> dict[str, Any]:
    return {"mapping": stats.MAPPING}


def slug_with_dataset(world: Any, city: Any) -> dict[str, Any]:
    stats.dataset_in(city.organisation)
    return {"slug": city.organisation.slug}


def dataset_name(world: Any, city: Any) -> str:
    return "people"


def mapping_column(world: Any, city: Any) -> str:
    return "nationality"


def slug_with_job(world: Any, city: Any) -> dict[str, Any]:
    stats.job_in(city.organisation)
    return {"slug": city.organisation.slug}


# follow-up: evidence


def private_commitment_with_evidence(world: Any, city: Any) -> dict[str, Any]:
    evidence_actions.add_evidence(
        None,
        city.private_commitment,
        {
            "date": datetime.date(2025, 3, 1),
            "title": EVIDENCE_SECRET,
            "url": "https://example.org/plan",
        },
    )
    return {"slug": city.organisation.slug, "pk": city.private_commitment.pk}


def evidence_secret(world: Any, city: Any) -> str:
    return EVIDENCE_SECRET


def new_evidence_link(world: Any, city: Any) -> dict[str, Any]:
    return {"date": "2025-04-01", "title": "Matrix link", "url": "https://example.org/report"}
