"""Issue 10, 7b: a self-registered organisation is not public until it is approved.

Anyone may register "a city"; until a platform administrator or the network it asks to join
approves it, nobody outside it sees it: not the public (home page, city pages, the public
API, open data), not other cities, not networks. Every test goes through the pages and the
API only, so it runs on the code before the fix too, where each one fails (checked on
70a54e0): the home page listed the new city at once, its public page, report, open data and
API profile answered 200, and a network's analyst could add it to the network.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from mechelen.web.tenancy.roles import Role
from tests.web.conftest import World, client_for
from tests.web.tenancy.members.test_membership_attacks import FAKE, register_fake_city

PUBLIC_ADDRESSES = (
    f"/cities/{FAKE}/",
    f"/cities/{FAKE}/report/",
    f"/cities/{FAKE}/follow-up/export/commitments.csv",
    f"/api/organisations/{FAKE}",
    f"/api/organisations/{FAKE}/commitments",
    f"/api/organisations/{FAKE}/releases",
)


def outsiders(world: World) -> dict[str, Any]:
    return {
        "a visitor": None,
        "a person with no role": world.outsider,
        "another city's administrator": world.a.users[Role.ADMINISTRATOR],
        "a network analyst": world.analyst,
    }


def test_the_home_page_and_the_public_lists_do_not_show_it(world: World) -> None:
    register_fake_city()
    visitor = client_for(None)
    assert "Fake City" not in visitor.get(reverse("portal:home")).content.decode()
    assert FAKE not in [o["slug"] for o in visitor.get("/api/organisations/").json()]
    assert "City A" in visitor.get(reverse("portal:home")).content.decode()


@pytest.mark.parametrize("address", PUBLIC_ADDRESSES)
def test_its_public_addresses_do_not_exist_for_outsiders(world: World, address: str) -> None:
    register_fake_city()
    for label, user in outsiders(world).items():
        status = client_for(user).get(address).status_code
        assert status == 404, f"{address} as {label}: {status}"
    approved = address.replace(FAKE, "city-a")
    assert client_for(None).get(approved).status_code == 200, approved


def test_a_network_cannot_take_it_in_unasked(world: World) -> None:
    register_fake_city()
    analyst = client_for(world.analyst)
    analyst.post(reverse("networks:members", kwargs={"slug": "net"}), {"organisation": FAKE})
    network_page = client_for(None).get(reverse("portal:network", kwargs={"slug": "net"}))
    assert "Fake City" not in network_page.content.decode()
    listed = client_for(None).get("/api/networks/").json()
    assert all(FAKE not in n["members"] for n in listed)


def test_its_own_people_still_work_on_it(world: World) -> None:
    founder = register_fake_city()
    assert founder.get(reverse("tenancy:workspace", kwargs={"slug": FAKE})).status_code == 200
    assert founder.get(reverse("portal:city", kwargs={"slug": FAKE})).status_code == 200
    assert founder.get(f"/api/organisations/{FAKE}").status_code == 200
