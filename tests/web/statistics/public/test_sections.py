"""The statistics' figures on the public pages: published releases' headline figures only."""

from __future__ import annotations

import datetime

from django.test import RequestFactory
from django.utils import timezone, translation

from mechelen.web.statistics.models import Release, ReleaseStatus
from mechelen.web.statistics.public.sections import (
    by_year,
    compared_figures,
    nationals,
    published_release_count,
    published_with_figures,
    residents,
    residents_by_citizenship,
)
from mechelen.web.tenancy.access import VISITOR
from mechelen.web.tenancy.policy import visible_organisations
from tests.web.conftest import World
from tests.web.statistics.factories import release_in


def published(world: World, year: int, residents: int, foreign: int) -> Release:
    release = release_in(world.a.organisation, ReleaseStatus.PUBLISHED)
    release.name = f"residents-{year}-n{release.pk}"  # the factory's random id may name a year
    release.title = f"Residents {year}"
    release.headline = {"residents": residents, "non_citizens": foreign}
    release.published_at = timezone.make_aware(datetime.datetime(2025, 1, year - 2000))
    release.save()
    return release


def test_one_release_a_year_the_latest_published_wins(world: World) -> None:
    first = published(world, 2015, 80_000, 8_000)
    corrected = published(world, 2015, 80_100, 8_010)
    later = published(world, 2020, 84_000, 9_000)
    draft = release_in(world.a.organisation, ReleaseStatus.DRAFT)
    draft.headline = {"residents": 1, "non_citizens": 1}
    draft.save()
    found = by_year(published_with_figures(world.a.organisation))
    assert found == {2015: corrected, 2020: later} and first not in found.values()
    assert nationals(later.headline) == 75_000 and nationals({"residents": 1}) is None


def test_city_figures_and_chart_read_published_releases(world: World) -> None:
    published(world, 2015, 80_000, 8_000)
    published(world, 2020, 84_000, 9_000)
    request = RequestFactory().get("/")
    with translation.override("en"):
        figures = residents(request, world.a.organisation)
        (panel,) = residents_by_citizenship(request, world.a.organisation)
    assert [(f.label, f.value, f.kind) for f in figures] == [
        ("Residents", 84_000, "count"),
        ("Share of foreign nationals", 100.0 * 9_000 / 84_000, "percent"),
    ]
    assert "2020" in figures[0].note
    assert panel.rows == [
        ["2015", 72_000.0, 8_000, 80_000, 10.0],
        ["2020", 75_000.0, 9_000, 84_000, 100.0 * 9_000 / 84_000],
    ]
    assert "2015: 80,000 residents, 8,000 foreign nationals" in panel.description
    assert len(panel.spec["data"]["values"]) == 4
    assert residents(request, world.b.organisation) == []
    assert residents_by_citizenship(request, world.b.organisation) == []


def test_home_counts_published_releases_only(world: World) -> None:
    published(world, 2015, 80_000, 8_000)
    release_in(world.b.organisation, ReleaseStatus.SUBMITTED)
    request = RequestFactory().get("/")
    (figure,) = published_release_count(request, visible_organisations(VISITOR))
    assert figure.value == 1


def test_network_columns_from_each_members_latest_release(world: World) -> None:
    published(world, 2015, 80_000, 8_000)
    published(world, 2020, 84_000, 9_000)
    draft = release_in(world.b.organisation, ReleaseStatus.DRAFT)
    draft.headline = {"residents": 5, "non_citizens": 1}
    draft.save()
    members = [world.a.organisation, world.b.organisation]
    with translation.override("en"):
        columns = {c.header: c.values for c in compared_figures(None, world.network, members)}  # type: ignore[arg-type]
    a, b = world.a.organisation.pk, world.b.organisation.pk
    assert columns["Residents"] == {a: 84_000} and b not in columns["Foreign nationals"]
    assert columns["Nationals"] == {a: 75_000.0} and columns["Statistics of"] == {a: "2020"}
