"""Downloads grouped by use: every format the platform writes belongs to exactly one group,
and every download list (release pages, open data of a city and a network) groups its files
the same way."""

from __future__ import annotations

import re

from django.urls import reverse

from mechelen.web.downloads import FORMATS, GROUPS, download_groups, format_of, group_of
from mechelen.web.followup.templatetags.opendata import CITY_FILES, NETWORK_FILES
from mechelen.web.statistics.models import ReleaseStatus
from mechelen.web.statistics.releases.published import downloadable_files
from tests.web.conftest import World, client_for
from tests.web.statistics.factories import release_in


def test_each_format_is_in_exactly_one_of_the_four_groups() -> None:
    assert [g.id for g in GROUPS] == ["spreadsheets", "sdmx", "hxl", "everything"]
    assert [str(g.title) for g in GROUPS] == [
        "For spreadsheets",
        "For statisticians (SDMX)",
        "For humanitarian tools (HXL)",
        "Everything (Data Package)",
    ]
    for fmt, (_label, group) in FORMATS.items():
        assert [g for g in GROUPS if g == group] == [group], fmt
    assert format_of("by-sex.sdmx.csv") == "sdmx.csv" and format_of("tables.xlsx") == "xlsx"
    assert group_of("by-sex.hxl.csv") is not None and group_of("by-sex.hxl.csv").id == "hxl"
    assert group_of("by-sex.csv").id == "spreadsheets"  # type: ignore[union-attr]
    assert group_of("datapackage.zip").id == "everything"  # type: ignore[union-attr]


def test_a_format_without_a_group_is_found_and_never_hidden() -> None:
    assert group_of("by-sex.parquet") is None
    grouped = download_groups(["by-sex.csv", "by-sex.parquet"], lambda name: f"/f/{name}")
    assert [g.group.id for g in grouped] == ["spreadsheets", "other"]
    assert grouped[-1].files[0].name == "by-sex.parquet"


def test_every_file_of_a_real_release_has_a_group(world: World) -> None:
    """The engine's own files: a new format it writes fails here until it has a group."""
    release = release_in(world.a.organisation, ReleaseStatus.PUBLISHED)
    files = downloadable_files(release)
    assert len(files) >= 10
    orphans = [name for name in files if group_of(name) is None]
    assert not orphans, f"formats with no download group: {orphans}"
    kinds = {format_of(name) for name in files}
    assert {"csv", "sdmx.csv", "hxl.csv", "xlsx", "json"} <= kinds


def test_every_open_data_file_exists_and_has_a_group(world: World) -> None:
    visitor = client_for(None)
    city, network = world.a.organisation.slug, world.network.slug
    for name in CITY_FILES:
        assert group_of(name) is not None, name
        url = reverse("public_followup:export", args=[city, name])
        assert visitor.get(url).status_code == 200, url
    for name in NETWORK_FILES:
        assert group_of(name) is not None, name
        url = reverse("network_followup:export", args=[network, name])
        assert visitor.get(url).status_code == 200, url


def test_the_release_pages_group_the_downloads_with_sizes(world: World) -> None:
    release = release_in(world.a.organisation, ReleaseStatus.PUBLISHED)
    slug = world.a.organisation.slug
    page = client_for(None).get(reverse("public_statistics:release", args=[slug, release.pk]))
    html = page.content.decode()
    titles = [str(g.title) for g in GROUPS]
    positions = [html.find(f">{title}<") for title in titles]
    assert all(p > 0 for p in positions) and positions == sorted(positions), positions
    assert html.count('class="usa-card__heading"') == 4
    assert "SDMX-CSV" in html and "HXL CSV" in html and "Excel (XLSX)" in html
    assert re.search(r"<small>[\d.,]+\s(KB|bytes)</small>", html)  # sizes are shown
    assert '>Every table <span class="usa-tag">Excel (XLSX)</span></a>' in html  # what it holds
