"""One published reading of an indicator: the public page and the internal pages show the
same published value and status, and the internal pages mark "not public" exactly the
figures the public does not see."""

from __future__ import annotations

import re

from django.urls import reverse

from mechelen.web.followup.indicators import actions
from mechelen.web.followup.indicators.progress import indicator_progress, published_reading
from mechelen.web.followup.indicators.specs import spec_of
from mechelen.web.followup.models import CityIndicator
from mechelen.web.followup.policy import reader_of
from mechelen.web.tenancy.access import VISITOR
from mechelen.web.tenancy.roles import Role
from tests.web.conftest import World, client_for
from tests.web.followup.factories import indicator_of
from tests.web.portal.test_views import without_geometry

NOT_PUBLIC = 'class="usa-tag not-public"'


def followed(world: World, public: bool = True) -> CityIndicator:
    """Language courses of city A: two public values, and a later one not public (yet)."""
    item = indicator_of(world.a)
    item.public = public
    item.save()
    for year, value, shown in ((2020, 131.0, True), (2022, 150.0, True), (2024, 187.5, False)):
        actions.record_observation(None, item, {"year": year, "value": value, "public": shown})
    return item


def test_the_published_reading_takes_public_values_only(world: World) -> None:
    item = followed(world)
    (inside,) = indicator_progress(world.a.organisation, "en", reader_of(item.organisation, False))
    (outside,) = indicator_progress(world.a.organisation, "en", VISITOR)
    assert inside.latest is not None and inside.latest.observation.value == 187.5
    assert inside.published is not None and inside.published.latest is not None
    assert inside.published.latest.observation.value == 150.0
    # the visitor's row and the insider's published reading are the same reading
    assert outside.published == inside.published
    assert outside.latest == inside.published.latest
    assert inside.latest_hidden and not outside.latest_hidden
    spec = spec_of(item)
    assert spec is not None
    assert published_reading(item, spec, inside.series, "en") == inside.published


def test_a_hidden_indicator_has_no_published_reading(world: World) -> None:
    item = followed(world, public=False)
    spec = spec_of(item)
    assert spec is not None
    (inside,) = indicator_progress(world.a.organisation, "en", reader_of(item.organisation, False))
    assert inside.published is None and published_reading(item, spec, inside.series, "en") is None
    assert inside.latest_hidden and inside.status_hidden
    assert indicator_progress(world.a.organisation, "en", VISITOR) == []


def cell_of(page: str, label: str) -> str:
    """The internal list's row of an indicator."""
    row = re.search(r"<tr>\s*<td><a[^>]*>" + re.escape(label) + r"</a>.*?</tr>", page, re.S)
    assert row is not None, label
    return row.group(0)


def test_public_and_internal_pages_show_the_same_published_value_and_status(
    world: World,
) -> None:
    item = followed(world)
    (outside,) = indicator_progress(world.a.organisation, "en", VISITOR)
    assert outside.published is not None and outside.published.assessment is not None
    status = outside.published.effective_label
    public = client_for(None).get(reverse("portal:city", args=["city-a"])).content.decode()
    viewer = client_for(world.a.users[Role.VIEWER])
    internal = viewer.get(reverse("followup:indicators", args=["city-a"])).content.decode()
    row = cell_of(internal, outside.label)
    public_sees = row.rsplit("<td>", 1)[1]
    # the internal page's "what the public sees" is what the public page shows
    assert "150 <small>(2022)</small>" in public_sees and status in public_sees
    assert "<strong>150</strong>" in public and f">{status}</span>" in public
    assert f'progress-{outside.published.status}">{status}' in public_sees
    # the later value is internal, and marked so; the public never sees it
    assert "187.5" in row and NOT_PUBLIC in row
    shown = without_geometry(public)
    assert "187.5" not in shown and "187,5" not in shown
    detail = viewer.get(reverse("followup:indicator", args=["city-a", item.pk])).content.decode()
    assert "150 <small>(2022)</small>" in detail and status in detail


def test_not_public_marks_exactly_the_values_the_public_does_not_see(world: World) -> None:
    item = followed(world)
    viewer = client_for(world.a.users[Role.VIEWER])
    url = reverse("followup:indicator", args=["city-a", item.pk])
    every_value = viewer.get(url).content.decode().split("Every recorded value", 1)[1]
    assert every_value.count(NOT_PUBLIC) == 1  # 2024 only
    assert re.search(r"<td>2024</td>.*?" + re.escape(NOT_PUBLIC), every_value, re.S)
    # once every value is public, nothing is marked, on the list either
    item.observations.update(public=True)
    page = viewer.get(url).content.decode()
    assert NOT_PUBLIC not in page
    listed = viewer.get(reverse("followup:indicators", args=["city-a"])).content.decode()
    assert NOT_PUBLIC not in listed
    # an indicator not shown publicly: every one of its figures is marked
    item.public = False
    item.save()
    every_value = viewer.get(url).content.decode().split("Every recorded value", 1)[1]
    assert every_value.count(NOT_PUBLIC) == 3


def test_the_public_page_reads_the_published_status_not_the_internal_one(world: World) -> None:
    """The internal status may differ (it reads every value); the public page never shows it."""
    item = followed(world)
    (inside,) = indicator_progress(world.a.organisation, "en", reader_of(item.organisation, False))
    assert inside.published is not None
    public = client_for(None).get(reverse("portal:city", args=["city-a"])).content.decode()
    card = public.split("Indicators and progress", 1)[1]
    assert f"progress-{inside.published.status}" in card
    if inside.status_hidden:
        assert inside.assessment is not None
        assert f"progress-{inside.assessment.effective.value}" not in card
