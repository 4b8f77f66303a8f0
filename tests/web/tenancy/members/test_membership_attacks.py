"""Issue 10, 7a: nobody is made a member of an organisation without accepting it.

Played by the administrator of a city anyone can register, against a person who has an
account. Every test here goes through the pages and the API only, so it runs on the code
before the fix too, where each one fails (checked on 70a54e0):

- the members page answered 302 and ``POST /api/organisations/{slug}/members`` 201, and the
  victim held the role at once (``test_the_members_page_and_the_api_give_nobody_a_role``);
- an unknown user name was refused (422, "give an initial password") and a known one was not
  (``test_no_answer_tells_whether_a_user_name_exists``, on the page and in the API);
- the victim's next API token was written to the attacker's audit log
  (``test_the_victim_s_token_events_stay_out_of_the_attacker_s_log``);
- the fake city showed on the victim's dashboard
  (``test_the_fake_city_is_not_on_the_victim_s_dashboard``).
"""

from __future__ import annotations

import json
from typing import Any

from django.contrib.auth import get_user_model
from django.urls import reverse

from mechelen.web.audit.models import AuditEntry
from mechelen.web.tenancy.models import Membership, Organisation
from mechelen.web.tenancy.roles import Role
from tests.web.conftest import PASSWORD, World, client_for

FAKE = "fake-city"


def register_fake_city() -> Any:
    """Anyone registers a city; its registrant is its administrator (and logged in)."""
    client = client_for(None)
    response = client.post(
        reverse("accounts:register"),
        {
            "slug": FAKE,
            "name": "Fake City",
            "country": "BEL",
            "level": "local",
            "username": "mallory",
            "email": "mallory@example.org",
            "password": "a-long-and-unusual-passphrase",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return client


def attach(client: Any, name: str) -> tuple[Any, Any]:
    """The page's and the API's attempt to give ``name`` a role (both old and new fields)."""
    data = {"username": name, "invited": name, "role": "viewer"}
    page = client.post(reverse("tenancy:members", kwargs={"slug": FAKE}), data)
    api = client.post(
        f"/api/organisations/{FAKE}/members", json.dumps(data), content_type="application/json"
    )
    return page, api


def test_the_members_page_and_the_api_give_nobody_a_role(world: World) -> None:
    attacker = register_fake_city()
    victim = world.a.users[Role.DATA_STEWARD]
    attach(attacker, victim.username)
    fake = Organisation.objects.get(slug=FAKE)
    assert not Membership.objects.filter(user=victim, organisation=fake).exists()


def _without(text: bytes, name: str) -> str:
    return text.decode().replace(name, "NAME")


def test_no_answer_tells_whether_a_user_name_exists(world: World) -> None:
    attacker = register_fake_city()
    known = world.a.users[Role.VIEWER].username  # "city-a-viewer"
    unknown = "city-a-viewez"  # the same length: the page's words are the same length too
    known_page, known_api = attach(attacker, known)
    unknown_page, unknown_api = attach(attacker, unknown)
    assert known_page.status_code == 302 and known_api.status_code in (201, 202)
    assert known_page.status_code == unknown_page.status_code
    assert known_api.status_code == unknown_api.status_code
    assert _without(known_api.content, known) == _without(unknown_api.content, unknown)
    # the page the browser lands on after the form: the same words for both names
    members = reverse("tenancy:members", kwargs={"slug": FAKE})
    after = attacker.get(members).content
    assert after.count(known.encode()) == after.count(unknown.encode())


def test_the_victim_s_token_events_stay_out_of_the_attacker_s_log(world: World) -> None:
    attacker = register_fake_city()
    victim = world.a.users[Role.DATA_STEWARD]
    attach(attacker, victim.username)
    client_for(victim).post(reverse("accounts:tokens"), {"label": "nightly export"})
    fake = Organisation.objects.get(slug=FAKE)
    assert AuditEntry.objects.filter(organisation=world.a.organisation, actor=victim).exists()
    assert not AuditEntry.objects.filter(organisation=fake, actor=victim).exists()


def test_the_fake_city_is_not_on_the_victim_s_dashboard(world: World) -> None:
    attacker = register_fake_city()
    victim = world.a.users[Role.DATA_STEWARD]
    attach(attacker, victim.username)
    page = client_for(victim).get(reverse("accounts:dashboard")).content.decode()
    assert "City A" in page
    assert f'href="/manage/{FAKE}/"' not in page


def test_no_account_is_made_for_an_unknown_name(world: World) -> None:
    """An administrator no longer creates accounts with a password they chose."""
    attacker = register_fake_city()
    for client_data in (
        {"username": "puppet", "invited": "puppet", "role": "viewer", "password": PASSWORD},
    ):
        attacker.post(reverse("tenancy:members", kwargs={"slug": FAKE}), client_data)
    assert not get_user_model().objects.filter(username="puppet").exists()


def test_an_account_named_after_an_address_does_not_take_its_invitation(world: World) -> None:
    """Found by the red team (issue 10): an account registered with the user name
    ``alice@city-a.example`` became the invitee of City A's invitation to that address, accepted
    it from its dashboard and held the role, while Alice's e-mailed link answered 404. An
    invitation to an address now goes to the holder of the link only."""
    import re

    from django.contrib.auth import get_user_model
    from django.core import mail

    from mechelen.web.tenancy.models import Invitation, Membership

    target = "alice@city-a.example"
    squatter = get_user_model().objects.create_user(target, password="a-long-unusual-passphrase")
    admin = client_for(world.a.users[Role.ADMINISTRATOR])
    slug = world.a.organisation.slug
    admin.post(
        reverse("tenancy:members", kwargs={"slug": slug}),
        {"invited": target, "role": "data_steward"},
    )
    invitation = Invitation.objects.get(organisation=world.a.organisation, invited=target)
    assert invitation.invitee is None
    answer = client_for(squatter).post(
        reverse("accounts:invitation_answer", kwargs={"pk": invitation.pk}), {"answer": "accept"}
    )
    assert answer.status_code == 404
    assert not Membership.objects.filter(user=squatter, organisation=world.a.organisation).exists()
    link = re.search(r"http://testserver(/accounts/invitations/[\w-]+/)", mail.outbox[-1].body)
    assert link is not None
    alice = get_user_model().objects.create_user("alice", password="another-long-passphrase")
    client_for(alice).post(link.group(1), {"answer": "accept"})
    assert Membership.objects.filter(user=alice, organisation=world.a.organisation).exists()
