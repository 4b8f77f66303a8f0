"""The follow-up API: an indicator's status in plain words beside how it was computed."""

from __future__ import annotations

from mechelen.web.followup.indicators import actions
from mechelen.web.tenancy.roles import Role
from tests.web.conftest import World, client_for
from tests.web.followup.factories import indicator_of


def test_the_api_gives_the_plain_words_and_the_computation(world: World) -> None:
    # 120 (2018) to 140 (2022) against 240 by 2030: at this pace, 2036
    item = indicator_of(world.a)
    actions.record_observation(None, item, {"year": 2022, "value": 140.0})
    slug = world.a.organisation.slug
    viewer = client_for(world.a.users[Role.VIEWER])
    (found,) = viewer.get(f"/api/organisations/{slug}/indicators?lang=fr").json()
    assert found["status"] == "moving-too-slowly"
    assert "atteinte en 2036 au lieu de 2030" in found["summary"]
    assert "taux" in found["reason"] and "taux" not in found["summary"]
    (english,) = viewer.get(f"/api/organisations/{slug}/indicators").json()
    assert english["summary"].startswith("Moving too slowly: at this pace the target of 240")
