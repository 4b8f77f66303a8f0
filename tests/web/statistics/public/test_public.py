"""Nothing unpublished is ever public; published releases are, with safe downloads."""

from __future__ import annotations

import csv
import io
import json

import pytest
from django.conf import settings
from django.urls import reverse

from mechelen.web.statistics.models import Release, ReleaseStatus
from mechelen.web.statistics.releases.charts import table_chart
from mechelen.web.statistics.releases.folders import media_path
from mechelen.web.statistics.releases.published import release_table, table_view
from mechelen.web.tenancy.roles import ORGANISATION_ROLES
from tests.web.conftest import World, client_for
from tests.web.statistics.factories import FORMULA_LABEL, release_in

UNPUBLISHED = (ReleaseStatus.DRAFT, ReleaseStatus.SUBMITTED, ReleaseStatus.REJECTED)


def outsiders(world: World) -> list[tuple[str, object]]:
    """Everyone who must not see city A's unpublished releases."""
    found: list[tuple[str, object]] = [
        ("visitor", None),
        ("outsider", world.outsider),
        ("network analyst", world.analyst),
    ]
    found += [(f"{role.value} of B", world.b.users[role]) for role in ORGANISATION_ROLES]
    return found


def public_urls(release: Release) -> list[str]:
    slug, pk = release.organisation.slug, release.pk
    return [
        reverse("public_statistics:release", args=[slug, pk]),
        reverse("public_statistics:table", args=[slug, pk, "by-sex"]),
        *(
            reverse("public_statistics:file", args=[slug, pk, name])
            for name in ("by-sex.csv", "tables.xlsx", "tables.json", "release.json")
        ),
    ]


@pytest.mark.parametrize("status", UNPUBLISHED)
def test_unpublished_releases_are_invisible(world: World, status: str) -> None:
    release = release_in(world.a.organisation, status)
    slug = world.a.organisation.slug
    internal = [
        reverse("statistics:release", args=[slug, release.pk]),
        reverse("statistics:release_file", args=[slug, release.pk, "by-sex.csv"]),
        reverse("statistics:release_table", args=[slug, release.pk, "by-sex"]),
    ]
    # URL guessing: the media folder is not served at all
    guessed = f"/{settings.MEDIA_URL.strip('/') or 'media'}/{release.folder}/by-sex.csv"
    for label, user in outsiders(world):
        client = client_for(user)
        for url in public_urls(release):
            assert client.get(url).status_code == 404, (label, url)
        for url in internal:
            assert client.get(url).status_code in (302, 403), (label, url)
        assert client.get(guessed).status_code == 404, label
        for page in (
            reverse("portal:city", args=[slug]),
            reverse("portal:network", args=[world.network.slug]),
        ):
            assert release.title not in client.get(page).content.decode(), (label, page)
        listed = client.get(f"/api/organisations/{slug}/releases").json()
        assert listed == [], label
        assert client.get(f"/api/organisations/{slug}/releases/{release.pk}").status_code == 404


def test_a_city_b_release_id_under_city_a_is_not_found(world: World) -> None:
    release = release_in(world.b.organisation, ReleaseStatus.PUBLISHED)
    url = reverse("public_statistics:release", args=[world.a.organisation.slug, release.pk])
    assert client_for(None).get(url).status_code == 404


def test_only_files_of_the_release_can_be_downloaded(world: World) -> None:
    release = release_in(world.a.organisation, ReleaseStatus.PUBLISHED)
    (media_path(release.folder) / "notes.txt").write_text("not published")
    client = client_for(None)
    slug = world.a.organisation.slug
    for name in ("notes.txt", "..", "charts", "by-sex.csv.bak", "%2e%2e%2frelease.json"):
        url = reverse("public_statistics:file", args=[slug, release.pk, name])
        assert client.get(url).status_code == 404, name


def test_published_release_is_public_with_every_format(world: World) -> None:
    release = release_in(world.a.organisation, ReleaseStatus.PUBLISHED)
    client = client_for(None)
    slug = world.a.organisation.slug
    page = client.get(reverse("public_statistics:release", args=[slug, release.pk])).content
    for name in (
        "by-sex.csv",
        "by-sex.sdmx.csv",
        "by-sex.hxl.csv",
        "tables.xlsx",
        "tables.json",
        "datapackage.json",
        "disclosure-report.json",
    ):
        assert name.encode() in page
    city = client.get(reverse("portal:city", args=[slug])).content.decode()
    assert release.title in city
    network = client.get(reverse("portal:network", args=[world.network.slug])).content.decode()
    # the members compared on the release's headline figures
    residents = f"{release.headline['residents']:,.0f}"
    assert "Share of foreign nationals" in network and residents in network


def test_csv_downloads_defuse_formulas(world: World) -> None:
    release = release_in(world.a.organisation, ReleaseStatus.PUBLISHED)
    client = client_for(None)
    slug = world.a.organisation.slug
    for name in ("by-sex.csv", "by-sex.hxl.csv"):
        response = client.get(reverse("public_statistics:file", args=[slug, release.pk, name]))
        rows = list(csv.reader(io.StringIO(response.content.decode())))
        labels = {row[1] for row in rows[1:]}
        assert "'" + FORMULA_LABEL in labels, name
        assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


def test_api_lists_published_tables_with_values_and_flags(world: World) -> None:
    release = release_in(world.a.organisation, ReleaseStatus.PUBLISHED)
    release_in(world.a.organisation, ReleaseStatus.DRAFT)
    slug = world.a.organisation.slug
    client = client_for(None)
    listed = client.get(f"/api/organisations/{slug}/releases").json()
    assert [item["id"] for item in listed] == [release.pk]
    detail = client.get(f"/api/organisations/{slug}/releases/{release.pk}").json()
    table = detail["table_data"][0]
    assert table["name"] == "by-sex"
    total = next(c for c in table["cells"] if c["key"] == {"geography": "_T", "sex": "_T"})
    assert total["flag"] == "perturbed" and total["value"] > 500
    assert table["disclosure"]["method"] == "cell-key"


def test_chart_is_stable_and_the_data_table_is_beside_it(world: World) -> None:
    release = release_in(world.a.organisation, ReleaseStatus.PUBLISHED)
    found = release_table(release, "by-citizenship-status-and-sex")
    assert found is not None
    view = table_view(found)
    first = table_chart(release, view, "Persons", "en")
    for cached in (media_path(release.folder) / "charts").iterdir():
        cached.unlink()
    assert table_chart(release, view, "Persons", "en") == first
    assert first.startswith("<svg") and "Foreign nationals" in first
    page = client_for(None).get(
        reverse("public_statistics:table", args=[world.a.organisation.slug, release.pk, view.name])
    )
    text = page.content.decode()
    assert "<caption>Figures of the chart</caption>" in text
    figures = text.split("<caption>Figures of the chart</caption>", 1)[1].split("</table>", 1)[0]
    assert figures.count('<th scope="row">') == len(view.chart_table) == 4
    assert json.dumps(view.chart_rows)  # plain data, nothing from the workspace
