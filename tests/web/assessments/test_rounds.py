"""A round's life: opened, respondents invited (the respondent role offered to anyone outside
the city), coverage watched, closed."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.urls import reverse

from mechelen.web.assessments.models import AssessmentRound, Invitation, RoundStatus
from mechelen.web.audit.models import AuditEntry
from mechelen.web.tenancy.models import Membership
from mechelen.web.tenancy.roles import Role
from tests.web.assessments.conftest import url
from tests.web.conftest import World, client_for


def test_a_coordinator_opens_a_round_not_shared_by_default(world: World) -> None:
    coordinator = world.a.users[Role.COORDINATOR]
    response = client_for(coordinator).post(
        reverse("assessments:new", kwargs={"slug": "city-a"}), {"title": "Assessment 2026"}
    )
    assert response.status_code == 302
    item = AssessmentRound.objects.get(organisation=world.a.organisation)
    assert (item.title, item.status, item.share_with_networks) == (
        "Assessment 2026",
        RoundStatus.OPEN,
        False,
    )
    assert item.framework_id == "mechelen-2017"
    entry = AuditEntry.objects.get(action="assessment.open", target_id=str(item.pk))
    assert entry.actor == coordinator and entry.organisation == world.a.organisation


def test_inviting_a_person_outside_the_city_offers_the_respondent_role(
    world: World, round_a: AssessmentRound
) -> None:
    """Nobody outside the city gets the role by being invited: they accept it, or decline."""
    outsider = world.outsider
    client = client_for(world.a.users[Role.COORDINATOR])
    response = client.post(
        url("invite", round_a),
        {
            "group_id": "migrant-diaspora-associations",
            "name": "Syrian community association",
            "email": "syr@example.org",
            "language": "es",
            "username": outsider.username,
        },
    )
    assert response.status_code == 302, response.content.decode()
    invitation = Invitation.objects.get(round=round_a, name="Syrian community association")
    assert invitation.user is None and invitation.membership_invitation is not None
    assert not Membership.objects.filter(user=outsider, organisation=world.a.organisation)
    assert "waiting for them to accept" in client.get(url("round", round_a)).content.decode()
    assert AuditEntry.objects.filter(
        action="assessment.invite", target_id=str(invitation.pk)
    ).exists()
    # the outsider accepts from their dashboard: now a respondent, linked to the round
    offer = invitation.membership_invitation
    dashboard = client_for(outsider).get(reverse("accounts:dashboard")).content.decode()
    assert "City A" in dashboard
    accepted = client_for(outsider).post(
        reverse("accounts:invitation_answer", kwargs={"pk": offer.pk}), {"answer": "accept"}
    )
    assert accepted.status_code == 302
    invitation.refresh_from_db()
    assert invitation.user == outsider
    assert Membership.objects.filter(
        user=outsider, organisation=world.a.organisation, role=Role.RESPONDENT
    ).exists()
    assert (invitation.group_id, invitation.language) == ("migrant-diaspora-associations", "es")
    # the same person twice is refused (they work here now)
    again = client.post(
        url("invite", round_a),
        {"group_id": "academia", "name": "x", "language": "en", "username": outsider.username},
    )
    assert again.status_code == 200 and "already invited" in again.content.decode()
    assert Invitation.objects.filter(round=round_a).count() == 1


def test_a_person_of_the_city_is_linked_at_once(world: World, round_a: AssessmentRound) -> None:
    viewer = world.a.users[Role.VIEWER]
    client_for(world.a.users[Role.COORDINATOR]).post(
        url("invite", round_a),
        {"group_id": "academia", "name": "Staff", "language": "en", "username": viewer.username},
    )
    assert Invitation.objects.get(round=round_a).user == viewer
    assert Membership.objects.filter(user=viewer, role=Role.RESPONDENT).exists()
    assert AuditEntry.objects.filter(action="membership.give", organisation=world.a.organisation)


def test_an_unknown_and_a_known_name_get_the_same_answer(
    world: World, round_a: AssessmentRound
) -> None:
    """No account is made, and the page says the same whether the user name exists or not."""
    client = client_for(world.a.users[Role.COORDINATOR])
    pages = []
    for username in ("nobody-yet", world.b.users[Role.VIEWER].username):
        response = client.post(
            url("invite", round_a),
            {"group_id": "academia", "name": "University", "language": "en", "username": username},
            follow=True,
        )
        assert response.status_code == 200
        pages.append(response.content.decode().replace(username, "NAME"))
    assert not get_user_model().objects.filter(username="nobody-yet").exists()
    assert "University is invited." in pages[0]
    assert pages[0].count("waiting for them to accept") == 1
    assert pages[1].count("waiting for them to accept") == 2
    assert not Membership.objects.filter(
        user=world.b.users[Role.VIEWER], organisation=world.a.organisation
    ).exists()


def test_an_invitation_needs_an_e_mail_or_a_user_name(
    world: World, round_a: AssessmentRound
) -> None:
    response = client_for(world.a.users[Role.COORDINATOR]).post(
        url("invite", round_a), {"group_id": "academia", "name": "University", "language": "en"}
    )
    assert response.status_code == 200
    assert not Invitation.objects.filter(round=round_a).exists()


def test_coverage_counts_invited_started_and_submitted(
    world: World, round_a: AssessmentRound, invitation_a: Invitation
) -> None:
    from mechelen.web.assessments import actions
    from mechelen.web.assessments.results import round_coverage

    actions.save_answers(
        invitation_a.user,
        invitation_a,
        {"food/urgency": (3, ""), "food/institutional-capacity": (None, "")},
    )
    civil = next(c for c in round_coverage(round_a) if c.group_id == "civil-society")
    assert (civil.invited, civil.started, civil.submitted, civil.answered, civil.asked) == (
        1,
        1,
        0,
        2,
        36,
    )
    page = client_for(world.a.users[Role.COORDINATOR]).get(url("round", round_a)).content.decode()
    assert "Welcome network" in page and "2 / 36" in page


def test_closing_ends_answering_and_is_audited(
    world: World, round_a: AssessmentRound, invitation_a: Invitation
) -> None:
    response = client_for(world.a.users[Role.COORDINATOR]).post(url("close", round_a))
    assert response.status_code == 302
    round_a.refresh_from_db()
    assert round_a.status == RoundStatus.CLOSED and round_a.closed_at is not None
    entry = AuditEntry.objects.get(action="assessment.close", target_id=str(round_a.pk))
    assert entry.details == {"submitted": 0, "not_submitted": 1}
    # no more answers, invitations or imports
    respondent = client_for(world.a.users[Role.RESPONDENT])
    assert respondent.post(url("answer", round_a), {"food__urgency": "2"}).status_code == 403
    assert not invitation_a.answers.exists()
    coordinator = client_for(world.a.users[Role.COORDINATOR])
    refused = coordinator.post(
        url("invite", round_a),
        {
            "username": "late",
            "name": "Late",
            "group_id": "academia",
            "language": "en",
        },
    )
    assert refused.status_code == 302 and not Invitation.objects.filter(name="Late").exists()
    # closing twice changes nothing
    coordinator.post(url("close", round_a))
    assert AuditEntry.objects.filter(action="assessment.close").count() == 1


def test_respondents_see_only_the_rounds_they_are_invited_to(
    world: World, round_a: AssessmentRound, invitation_a: Invitation
) -> None:
    from mechelen.web.assessments import actions

    actions.open_round(
        world.a.users[Role.COORDINATOR], world.a.organisation, {"title": "Hidden round"}
    )
    page = client_for(world.a.users[Role.RESPONDENT]).get(
        reverse("assessments:list", kwargs={"slug": "city-a"})
    )
    text = page.content.decode()
    assert "Round of A" in text and "Hidden round" not in text
    assert url("results", round_a) not in text
    viewer = client_for(world.a.users[Role.VIEWER]).get(
        reverse("assessments:list", kwargs={"slug": "city-a"})
    )
    assert "Hidden round" in viewer.content.decode()
