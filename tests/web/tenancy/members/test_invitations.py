"""Invitations to a role: e-mailed, single use, expiring, answered only by the invitee while
logged in; the token is stored hashed; every step audited."""

from __future__ import annotations

import datetime
import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

from mechelen.web.audit.models import AuditEntry
from mechelen.web.tenancy.members import invitations
from mechelen.web.tenancy.models import Invitation, InvitationStatus, Membership
from mechelen.web.tenancy.roles import Role
from tests.web.conftest import World, client_for

LINK = re.compile(r"http://testserver(/accounts/invitations/inv_[\w-]+/)")


def invite_page(world: World, invited: str, role: str = "viewer") -> None:
    admin = client_for(world.a.users[Role.ADMINISTRATOR])
    response = admin.post(
        reverse("tenancy:members", kwargs={"slug": "city-a"}), {"invited": invited, "role": role}
    )
    assert response.status_code == 302


def sent_link() -> str:
    found = LINK.search(mail.outbox[-1].body)
    assert found is not None, mail.outbox[-1].body
    return found.group(1)


def test_an_e_mail_invitation_is_sent_and_answered_once(world: World) -> None:
    invite_page(world, "new.colleague@example.org", "coordinator")
    assert [m.to for m in mail.outbox] == [["new.colleague@example.org"]]
    assert "City A" in mail.outbox[0].subject
    link = sent_link()
    token = link.rstrip("/").rsplit("/", 1)[1]
    stored = Invitation.objects.get()
    assert stored.digest != token and token not in str(list(Invitation.objects.values()))
    # a visitor with the link sees the offer, and may create an account from it
    visitor = client_for(None)
    page = visitor.get(link).content.decode()
    assert "Invitation to join City A" in page and "Create your account" in page
    created = visitor.post(
        link + "account/", {"username": "newcolleague", "password": "another-long-passphrase"}
    )
    assert created.status_code == 302
    person = get_user_model().objects.get(username="newcolleague")
    assert person.email == "new.colleague@example.org"
    assert not Membership.objects.filter(user=person).exists()  # not before accepting
    accepted = visitor.post(link, {"answer": "accept"})
    assert accepted.status_code == 302 and accepted["Location"] == "/manage/city-a/"
    assert Membership.objects.get(user=person).role == Role.COORDINATOR
    # the link works once: nobody else gets in with it
    again = client_for(world.outsider).post(link, {"answer": "accept"})
    assert again.status_code == 302
    assert not Membership.objects.filter(user=world.outsider).exists()
    assert "no longer valid" in client_for(world.outsider).get(link).content.decode()
    actions = list(
        AuditEntry.objects.filter(organisation=world.a.organisation).values_list(
            "action", "actor__username"
        )
    )
    assert ("invitation.create", "city-a-administrator") in actions
    assert ("invitation.account", "newcolleague") in actions
    assert ("invitation.accept", "newcolleague") in actions


def test_an_invitation_by_user_name_is_for_that_account_only(world: World) -> None:
    world.outsider.email = "outsider@example.org"
    world.outsider.save()
    invite_page(world, "outsider")
    invitation = Invitation.objects.get()
    assert invitation.invitee == world.outsider
    assert [m.to for m in mail.outbox] == [["outsider@example.org"]]
    link = sent_link()
    answer = reverse("accounts:invitation_answer", kwargs={"pk": invitation.pk})
    # another city's administrator, and anyone else but the outsider, find nothing
    for other in (world.b.users[Role.ADMINISTRATOR], world.analyst, world.platform_admin):
        assert client_for(other).post(answer, {"answer": "accept"}).status_code == 404
        assert client_for(other).get(link).status_code == 404
        assert client_for(other).post(link, {"answer": "accept"}).status_code == 404
        page = client_for(other).get(reverse("accounts:dashboard")).content.decode()
        assert "Invitations waiting" not in page
    assert client_for(None).get(link + "account/").status_code == 404  # no second account
    assert not Membership.objects.filter(
        organisation=world.a.organisation,
        user__in=[world.b.users[Role.ADMINISTRATOR], world.analyst, world.platform_admin],
    ).exists()
    # the outsider sees it on their dashboard and declines
    outsider = client_for(world.outsider)
    page = outsider.get(reverse("accounts:dashboard")).content.decode()
    assert "Invitations waiting for your answer" in page and "City A" in page
    assert outsider.post(answer, {"answer": "decline"}).status_code == 302
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.DECLINED
    assert not Membership.objects.filter(user=world.outsider).exists()
    assert AuditEntry.objects.filter(action="invitation.decline", actor=world.outsider).exists()
    assert "Invitations waiting" not in outsider.get(reverse("accounts:dashboard")).content.decode()


def test_another_city_s_administrator_sees_no_invitation_of_a(world: World) -> None:
    invite_page(world, "secret-candidate")
    b_admin = client_for(world.b.users[Role.ADMINISTRATOR])
    assert "secret-candidate" not in b_admin.get("/manage/city-b/members/").content.decode()
    assert b_admin.get("/manage/city-a/members/").status_code == 403
    pk = Invitation.objects.get().pk
    assert b_admin.post(f"/manage/city-b/invitations/{pk}/revoke/").status_code == 404
    assert b_admin.post(f"/manage/city-a/invitations/{pk}/revoke/").status_code == 403
    assert Invitation.objects.get().status == InvitationStatus.PENDING
    a_page = client_for(world.a.users[Role.ADMINISTRATOR]).get("/manage/city-a/members/")
    assert "secret-candidate" in a_page.content.decode()


def test_an_expired_or_withdrawn_invitation_cannot_be_accepted(world: World) -> None:
    invite_page(world, "outsider")
    invite_page(world, "outsider", "coordinator")
    expired, withdrawn = Invitation.objects.order_by("pk")
    Invitation.objects.filter(pk=expired.pk).update(
        expires_at=expired.created_at - datetime.timedelta(seconds=1)
    )
    admin = client_for(world.a.users[Role.ADMINISTRATOR])
    admin.post(f"/manage/city-a/invitations/{withdrawn.pk}/revoke/")
    outsider = client_for(world.outsider)
    for item in (expired, withdrawn):
        answer = reverse("accounts:invitation_answer", kwargs={"pk": item.pk})
        assert outsider.post(answer, {"answer": "accept"}).status_code == 302
    assert not Membership.objects.filter(user=world.outsider).exists()
    page = admin.get("/manage/city-a/members/").content.decode()
    assert "Expired" in page and "Withdrawn" in page


def test_an_unknown_user_name_is_invited_like_a_known_one(world: World) -> None:
    """The invitation is recorded the same way; no account is made, nobody can accept it."""
    invite_page(world, "nobody-by-this-name")
    invitation = Invitation.objects.get()
    assert invitation.invitee is None and invitation.status == InvitationStatus.PENDING
    assert not mail.outbox
    assert not get_user_model().objects.filter(username="nobody-by-this-name").exists()
    answer = reverse("accounts:invitation_answer", kwargs={"pk": invitation.pk})
    assert client_for(world.outsider).post(answer, {"answer": "accept"}).status_code == 404


def test_the_invitee_accepts_with_the_action_only_while_it_is_open(world: World) -> None:
    item = invitations.invite(
        world.a.users[Role.ADMINISTRATOR], world.a.organisation, "outsider", Role.VIEWER, str
    )
    try:
        invitations.accept(world.analyst, item)
    except invitations.NotTheInvitee:
        pass
    else:
        raise AssertionError("someone else accepted the outsider's invitation")
    invitations.accept(world.outsider, item)
    try:
        invitations.accept(world.outsider, item)
    except invitations.InvitationClosed:
        pass
    else:
        raise AssertionError("an invitation was used twice")
    assert Membership.objects.filter(user=world.outsider).count() == 1


def test_an_invitation_from_an_unapproved_organisation_says_so(world: World) -> None:
    """A self-registered city may invite colleagues while pending; the invitee is warned."""
    from mechelen.web.tenancy.models import Organisation
    from mechelen.web.tenancy.roles import OrganisationStatus

    world.network.members.remove(world.a.organisation)
    Organisation.objects.filter(pk=world.a.organisation.pk).update(
        status=OrganisationStatus.PENDING
    )
    world.outsider.email = "outsider@example.org"
    world.outsider.save()
    invite_page(world, "outsider")
    outsider = client_for(world.outsider)
    dashboard = outsider.get(reverse("accounts:dashboard")).content.decode()
    assert "not approved by the platform yet" in dashboard
    assert "accept only if you know it" in outsider.get(sent_link()).content.decode()


@pytest.mark.parametrize(
    ("lang", "words"),
    [("fr", ("Invitation à rejoindre", "valable jusqu")), ("es", ("Invitación", "válido hasta"))],
)
def test_the_invitation_e_mail_speaks_the_language_of_the_page_that_sent_it(
    world: World, lang: str, words: tuple[str, str]
) -> None:
    admin = client_for(world.a.users[Role.ADMINISTRATOR])
    admin.post(
        reverse("tenancy:members", kwargs={"slug": "city-a"}),
        {"invited": "nuevo@example.org", "role": "viewer"},
        headers={"Accept-Language": lang},
    )
    (message,) = mail.outbox
    subject_word, body_word = words
    assert subject_word in message.subject, message.subject
    assert body_word in message.body, message.body
    assert "valid until" not in message.body and "Open this link" not in message.body
    assert message.extra_headers["Content-Language"] == lang
