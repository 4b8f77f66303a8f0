"""Respondents save, come back, submit; nobody reads or changes another's answers."""

from __future__ import annotations

import json
import re

from django.contrib.auth import get_user_model
from django.urls import reverse

from mechelen.web.accounts.models import ApiToken
from mechelen.web.assessments import actions
from mechelen.web.assessments.models import AssessmentRound, Invitation
from mechelen.web.audit.models import AuditEntry
from mechelen.web.tenancy.models import Membership
from mechelen.web.tenancy.roles import Role
from tests.web.assessments.conftest import url
from tests.web.assessments.factories import invite_and_accept
from tests.web.conftest import PASSWORD, World, client_for


def second_respondent(world: World, round_a: AssessmentRound) -> Invitation:
    return invite_and_accept(
        world.a.users[Role.COORDINATOR],
        round_a,
        "second-respondent",
        group_id="academia",
        name="University",
        language="en",
    )


def test_save_come_back_and_submit(
    world: World, round_a: AssessmentRound, invitation_a: Invitation
) -> None:
    client = client_for(world.a.users[Role.RESPONDENT])
    page = client.get(url("answer", round_a)).content.decode()
    # the questionnaire in the invitation's language (French), every question, with the scale
    assert "Capacité institutionnelle" in page and "En développement" in page
    assert "0 sur 36 questions renseignées" in page
    assert page.count('type="radio"') == 36 * 6
    saved = client.post(
        url("answer", round_a),
        {
            "food__institutional-capacity": "2",
            "food__institutional-capacity__evidence": "Two food banks, no city plan.",
            "food__urgency": "dont-know",
        },
    )
    assert saved.status_code == 302
    answers = actions.answers_of(invitation_a)
    assert answers == {
        "food/institutional-capacity": (2, "Two food banks, no city plan."),
        "food/urgency": (None, ""),
    }
    # coming back: the answers are there, progress says 2 of 36
    again = client.get(url("answer", round_a)).content.decode()
    assert "Two food banks, no city plan." in again
    checked = re.findall(r'<input type="radio" name="([^"]+)" value="([^"]+)"[^>]*checked', again)
    assert sorted(checked) == [
        ("food__institutional-capacity", "2"),
        ("food__urgency", "dont-know"),
    ]
    assert "2 sur 36 questions renseignées" in again
    entry = AuditEntry.objects.get(action="assessment.answers.save", target_id=str(invitation_a.pk))
    assert entry.details == {"round": round_a.pk, "answered": 2, "dont_know": 1}
    # submit: answers are final
    client.post(url("answer", round_a), {"food__institutional-capacity": "3", "submit": "1"})
    invitation_a.refresh_from_db()
    assert invitation_a.submitted
    assert actions.answers_of(invitation_a) == {"food/institutional-capacity": (3, "")}
    assert AuditEntry.objects.filter(
        action="assessment.answers.submit", target_id=str(invitation_a.pk)
    ).exists()
    assert (
        client.post(url("answer", round_a), {"food__institutional-capacity": "0"}).status_code
        == 403
    )
    assert actions.answers_of(invitation_a) == {"food/institutional-capacity": (3, "")}


def test_evidence_without_a_score_is_refused(
    world: World, round_a: AssessmentRound, invitation_a: Invitation
) -> None:
    client = client_for(world.a.users[Role.RESPONDENT])
    response = client.post(
        url("answer", round_a), {"food__urgency__evidence": "Queues at the food bank."}
    )
    assert response.status_code == 200
    assert not invitation_a.answers.exists()


def test_a_score_off_the_scale_is_refused(
    world: World, round_a: AssessmentRound, invitation_a: Invitation
) -> None:
    client = client_for(world.a.users[Role.RESPONDENT])
    response = client.post(url("answer", round_a), {"food__urgency": "9"})
    assert response.status_code == 200
    assert not invitation_a.answers.exists()


def test_one_respondent_never_sees_nor_changes_another(
    world: World, round_a: AssessmentRound, invitation_a: Invitation
) -> None:
    actions.save_answers(
        invitation_a.user, invitation_a, {"food/urgency": (4, "SECRET-EVIDENCE-OF-A")}
    )
    other = second_respondent(world, round_a)
    client = client_for(other.user)
    page = client.get(url("answer", round_a)).content.decode()
    assert "SECRET-EVIDENCE-OF-A" not in page and "Welcome network" not in page
    client.post(url("answer", round_a), {"food__urgency": "0"})
    assert actions.answers_of(invitation_a) == {"food/urgency": (4, "SECRET-EVIDENCE-OF-A")}
    assert actions.answers_of(other) == {"food/urgency": (0, "")}
    # the pages of rounds, coverage and results are not theirs
    for name in ("round", "results", "import", "form"):
        assert client.get(url(name, round_a)).status_code == 403


def test_a_respondent_of_b_cannot_reach_a_round_of_a(
    world: World, round_a: AssessmentRound, invitation_a: Invitation
) -> None:
    actions.save_answers(invitation_a.user, invitation_a, {"food/urgency": (4, "SECRET")})
    client = client_for(world.b.users[Role.RESPONDENT])
    assert client.get(url("answer", round_a)).status_code == 403
    assert client.post(url("answer", round_a), {"food__urgency": "0"}).status_code == 403
    # through B's own address, A's round does not exist
    through_b = reverse("assessments:answer", kwargs={"slug": "city-b", "pk": round_a.pk})
    assert client.get(through_b).status_code == 404
    assert actions.answers_of(invitation_a) == {"food/urgency": (4, "SECRET")}


def test_a_respondent_not_invited_finds_nothing(world: World, round_a: AssessmentRound) -> None:
    user = get_user_model().objects.create_user("uninvited", password=PASSWORD)
    Membership.objects.create(user=user, organisation=world.a.organisation, role=Role.RESPONDENT)
    assert client_for(user).get(url("answer", round_a)).status_code == 404


def bearer(user: object) -> dict[str, str]:
    return {"Authorization": f"Bearer {ApiToken.issue(user, 't')[1]}"}


def api_url(item: AssessmentRound, slug: str | None = None) -> str:
    return f"/api/organisations/{slug or item.organisation.slug}/assessments/{item.pk}/my-answers"


def test_api_own_answers_read_and_replace(
    world: World, round_a: AssessmentRound, invitation_a: Invitation
) -> None:
    headers = bearer(invitation_a.user)
    body = json.dumps(
        {
            "answers": [
                {"question": "food/urgency", "score": 3, "evidence": "Queues"},
                {"question": "shelter/urgency", "score": None},
            ]
        }
    )
    put = client_for(None).put(
        api_url(round_a), body, content_type="application/json", headers=headers
    )
    assert put.status_code == 200, put.content
    assert put.json()["answered"] == 2 and put.json()["questions"] == 36
    got = client_for(None).get(api_url(round_a), headers=headers).json()
    assert got["answers"] == [
        {"question": "food/urgency", "score": 3, "evidence": "Queues"},
        {"question": "shelter/urgency", "score": None, "evidence": ""},
    ]
    assert AuditEntry.objects.filter(
        action="assessment.answers.save", actor=invitation_a.user
    ).exists()
    bad = json.dumps({"answers": [{"question": "food/urgency", "score": 5}]})
    assert (
        client_for(None)
        .put(api_url(round_a), bad, content_type="application/json", headers=headers)
        .status_code
        == 422
    )
    unknown = json.dumps({"answers": [{"question": "moon/urgency", "score": 1}]})
    assert (
        client_for(None)
        .put(api_url(round_a), unknown, content_type="application/json", headers=headers)
        .status_code
        == 422
    )
    submit = json.dumps({"answers": [{"question": "food/urgency", "score": 2}], "submit": True})
    assert (
        client_for(None)
        .put(api_url(round_a), submit, content_type="application/json", headers=headers)
        .json()["submitted"]
    )
    late = client_for(None).put(
        api_url(round_a), body, content_type="application/json", headers=headers
    )
    assert late.status_code == 409
    assert actions.answers_of(invitation_a) == {"food/urgency": (2, "")}


def test_api_never_crosses_respondents_or_cities(
    world: World, round_a: AssessmentRound, invitation_a: Invitation
) -> None:
    actions.save_answers(invitation_a.user, invitation_a, {"food/urgency": (4, "SECRET")})
    other = second_respondent(world, round_a)
    mine = client_for(None).get(api_url(round_a), headers=bearer(other.user)).json()
    assert mine["answers"] == [] and mine["group"] == "academia"
    body = json.dumps({"answers": [{"question": "food/urgency", "score": 0}]})
    client_for(None).put(
        api_url(round_a), body, content_type="application/json", headers=bearer(other.user)
    )
    assert actions.answers_of(invitation_a) == {"food/urgency": (4, "SECRET")}
    # other roles of A, and B's respondent, are refused; B's address does not hold A's round
    for user in (world.a.users[Role.COORDINATOR], world.b.users[Role.RESPONDENT], world.outsider):
        assert client_for(None).get(api_url(round_a), headers=bearer(user)).status_code == 403
        put = client_for(None).put(
            api_url(round_a), body, content_type="application/json", headers=bearer(user)
        )
        assert put.status_code == 403
    assert (
        client_for(None)
        .get(api_url(round_a, "city-b"), headers=bearer(world.b.users[Role.RESPONDENT]))
        .status_code
        == 404
    )
    assert client_for(None).get(api_url(round_a)).status_code == 403
    assert actions.answers_of(invitation_a) == {"food/urgency": (4, "SECRET")}
