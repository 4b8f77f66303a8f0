"""Commitment evidence through the API: public for public commitments, internal otherwise;
editors add links and remove evidence, audited."""

from __future__ import annotations

from mechelen.web.audit.models import AuditEntry
from mechelen.web.followup.models import CommitmentEvidence
from mechelen.web.tenancy.roles import Role
from tests.web.api.helpers import api_call
from tests.web.conftest import World
from tests.web.followup.factories import document_evidence


def test_anyone_reads_the_evidence_of_a_public_commitment(world: World) -> None:
    commitment = world.a.public_commitment
    assert commitment is not None
    item = document_evidence(commitment, "Yearly tables 2024")
    response = api_call(None, "GET", f"city-a/commitments/{commitment.pk}/evidence")
    assert response.status_code == 200
    (found,) = response.json()
    assert found["title"] == "Yearly tables 2024" and found["kind"] == "pdf"
    assert found["document_url"] == f"/cities/city-a/follow-up/evidence/{item.pk}/file"


def test_the_evidence_of_a_private_commitment_is_internal(world: World) -> None:
    commitment = world.a.private_commitment
    assert commitment is not None
    document_evidence(commitment, "Cabinet note")
    path = f"city-a/commitments/{commitment.pk}/evidence"
    for outsider in (None, world.b.users[Role.ADMINISTRATOR], world.a.users[Role.SERVICE_PROVIDER]):
        assert api_call(outsider, "GET", path).status_code == 404  # as a missing one
    inside = api_call(world.a.users[Role.VIEWER], "GET", path).json()
    assert inside[0]["title"] == "Cabinet note"
    assert inside[0]["document_url"].startswith("/manage/city-a/follow-up/evidence/")


def test_editors_add_links_and_remove_evidence(world: World) -> None:
    coordinator = world.a.users[Role.COORDINATOR]
    commitment = world.a.public_commitment
    assert commitment is not None
    path = f"city-a/commitments/{commitment.pk}/evidence"
    link = {"date": "2025-05-02", "title": "Council decision", "url": "https://example.org/d"}
    added = api_call(coordinator, "POST", path, link)
    assert added.status_code == 201, added.content
    assert api_call(coordinator, "POST", path, {**link, "url": ""}).status_code == 422
    assert api_call(coordinator, "POST", path, {**link, "url": "javascript:x"}).status_code == 422
    pk = added.json()["id"]
    assert (
        api_call(world.a.users[Role.VIEWER], "DELETE", f"city-a/evidence/{pk}").status_code == 403
    )
    assert api_call(coordinator, "DELETE", f"city-a/evidence/{pk}").status_code == 204
    assert not CommitmentEvidence.objects.filter(pk=pk).exists()
    logged = list(AuditEntry.objects.filter(actor=coordinator).values_list("action", flat=True))
    assert sorted(logged) == ["followup.evidence.add", "followup.evidence.remove"]
