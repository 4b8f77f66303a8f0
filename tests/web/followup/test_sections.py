"""The follow-up's figures on the public pages: the published reading of public indicators."""

from __future__ import annotations

from typing import Any

from django.test import RequestFactory
from django.utils import translation

from mechelen.web.followup.indicators import actions
from mechelen.web.followup.sections import (
    indicators_by_status,
    indicators_on_track,
    members_on_track,
    public_rows,
)
from tests.web.conftest import World
from tests.web.followup.factories import indicator_of


def follow(world: World, public: bool = True) -> None:
    item = indicator_of(world.a)
    item.public = public
    item.save()
    for year, value, shown in ((2020, 131.0, True), (2022, 150.0, True), (2024, 999.0, False)):
        actions.record_observation(None, item, {"year": year, "value": value, "public": shown})


def test_city_figures_read_the_published_reading(world: World) -> None:
    follow(world)
    request = RequestFactory().get("/")
    with translation.override("en"):
        (figure,) = indicators_on_track(request, world.a.organisation)
        (panel,) = indicators_by_status(request, world.a.organisation)
    (row,) = public_rows(request, world.a.organisation)
    assert row.published is not None
    on_track = row.published.status in {"on-track", "target-reached"}
    assert figure.value == int(on_track) and figure.note == "of 1 followed"
    assert panel.rows == [[row.label, 150.0, "2022", row.published.effective_label]]
    assert "999" not in str(panel.spec)


def test_nothing_when_no_indicator_is_public(world: World) -> None:
    follow(world, public=False)
    request = RequestFactory().get("/")
    assert indicators_on_track(request, world.a.organisation) == []
    assert indicators_by_status(request, world.a.organisation) == []
    assert members_on_track(request, world.network, [world.a.organisation]) == []


def test_members_on_track_in_two_queries(world: World, django_assert_max_num_queries: Any) -> None:
    follow(world)
    request = RequestFactory().get("/")
    members = [world.a.organisation, world.b.organisation]
    with translation.override("en"), django_assert_max_num_queries(2):
        (column,) = members_on_track(request, world.network, members)
    assert set(column.values) == {world.a.organisation.pk}
    assert column.values[world.a.organisation.pk] in {"0 of 1", "1 of 1"}


def test_rows_are_read_once_per_request(world: World, django_assert_max_num_queries: Any) -> None:
    follow(world)
    request = RequestFactory().get("/")
    public_rows(request, world.a.organisation)
    with django_assert_max_num_queries(0):
        public_rows(request, world.a.organisation)
