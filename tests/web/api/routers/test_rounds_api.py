"""Running an assessment round through the API: open, invite, coverage, close, and the
answers workbook, which imports again into another round unchanged."""

from __future__ import annotations

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from mechelen.web.assessments import actions
from mechelen.web.assessments.models import AssessmentRound, Invitation
from mechelen.web.audit.models import AuditEntry
from mechelen.web.tenancy.members import invitations
from mechelen.web.tenancy.models import Membership
from mechelen.web.tenancy.roles import Role
from tests.web.api.helpers import api_call
from tests.web.assessments.factories import SUBMITTED_EVIDENCE, SUBMITTED_NAME, round_with_answers
from tests.web.conftest import World, client_for

PASSWORD = "a-long-test-password-42"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def test_a_coordinator_runs_a_round(world: World) -> None:
    coordinator = world.a.users[Role.COORDINATOR]
    opened = api_call(coordinator, "POST", "city-a/assessments", {"title": "2025 round"})
    assert opened.status_code == 201, opened.content
    pk = opened.json()["id"]
    invitation = {
        "group_id": "academia",
        "name": "University of A",
        "language": "es",
        "username": world.outsider.username,
        "email": "uni@example.org",
    }
    invited = api_call(coordinator, "POST", f"city-a/assessments/{pk}/invitations", invitation)
    assert invited.status_code == 201, invited.content
    # offered, not given: the login appears once the person accepted the respondent role
    assert invited.json()["login"] == "" and invited.json()["answered"] == 0
    assert not Membership.objects.filter(user=world.outsider, organisation=world.a.organisation)
    offer = Invitation.objects.get(pk=invited.json()["id"]).membership_invitation
    assert offer is not None
    invitations.accept(world.outsider, offer)
    assert Membership.objects.filter(
        user=world.outsider, organisation=world.a.organisation, role=Role.RESPONDENT
    ).exists()
    again = api_call(coordinator, "POST", f"city-a/assessments/{pk}/invitations", invitation)
    assert again.status_code == 422
    listed = api_call(coordinator, "GET", f"city-a/assessments/{pk}/invitations").json()
    assert [(i["name"], i["group"], i["submitted"]) for i in listed] == [
        ("University of A", "academia", False)
    ]
    assert "uni@example.org" not in str(listed)
    coverage = api_call(coordinator, "GET", f"city-a/assessments/{pk}/coverage").json()
    academia = next(c for c in coverage if c["group"] == "academia")
    assert (academia["invited"], academia["submitted"], academia["asked"]) == (1, 0, 36)
    closed = api_call(coordinator, "POST", f"city-a/assessments/{pk}/close")
    assert closed.status_code == 200 and closed.json()["status"] == "closed"
    assert api_call(coordinator, "POST", f"city-a/assessments/{pk}/close").status_code == 409
    late = {**invitation, "username": "late", "name": "Late"}
    assert (
        api_call(coordinator, "POST", f"city-a/assessments/{pk}/invitations", late).status_code
        == 409
    )
    logged = set(AuditEntry.objects.filter(actor=coordinator).values_list("action", flat=True))
    assert {"assessment.open", "assessment.invite", "assessment.close"} <= logged


def test_another_city_s_round_is_not_found(world: World) -> None:
    theirs = round_with_answers(world.b)
    coordinator = world.a.users[Role.COORDINATOR]
    for operation in ("invitations", "coverage", "answers.xlsx"):
        assert (
            api_call(coordinator, "GET", f"city-a/assessments/{theirs.pk}/{operation}").status_code
            == 404
        )


def test_the_answers_workbook_imports_into_another_round(world: World) -> None:
    item = round_with_answers(world.a)
    coordinator = world.a.users[Role.COORDINATOR]
    response = api_call(coordinator, "GET", f"city-a/assessments/{item.pk}/answers.xlsx?lang=fr")
    assert response.status_code == 200
    assert response["Content-Type"] == XLSX
    copy = actions.open_round(coordinator, world.a.organisation, {"title": "Copy"})
    url = reverse("assessments:import", kwargs={"slug": "city-a", "pk": copy.pk})
    workbook = SimpleUploadedFile("answers.xlsx", response.content, content_type=XLSX)
    imported = client_for(coordinator).post(url, {"workbooks": [workbook]})
    assert imported.status_code == 302
    (only,) = Invitation.objects.filter(round=copy)
    assert (only.name, only.group_id) == (SUBMITTED_NAME, "local-government")
    assert actions.answers_of(only)["food/urgency"] == (3, SUBMITTED_EVIDENCE)


def test_nothing_to_export_and_unknown_languages_are_told(world: World) -> None:
    coordinator = world.a.users[Role.COORDINATOR]
    empty = AssessmentRound.objects.create(
        organisation=world.a.organisation, title="Empty", framework_id="mechelen-2017"
    )
    assert (
        api_call(coordinator, "GET", f"city-a/assessments/{empty.pk}/answers.xlsx").status_code
        == 409
    )
    item = round_with_answers(world.a)
    wrong = api_call(coordinator, "GET", f"city-a/assessments/{item.pk}/answers.xlsx?lang=de")
    assert wrong.status_code == 422
