"""Everything a report shows, as open data for the city and the network, as each caller may see it.

Each file is checked against its format: the Data Package's descriptor and every resource's
schema (types, enums, primary keys), SDMX-CSV's columns, and the JSON document.
"""

from __future__ import annotations

import csv
import datetime
import io
import json
import zipfile
from typing import Any

import pytest
from django.test import Client

from mechelen.core.assessment.responses import Answer, Respondent, Responses
from mechelen.core.reporting.follow_up.network import CommitmentTally, build_network_report
from mechelen.web.assessments import actions as assessment_actions
from mechelen.web.assessments.models import AssessmentRound
from mechelen.web.commitments.models import Commitment, CommitmentStatus
from mechelen.web.followup.figures.actions import fill_automatically
from mechelen.web.followup.figures.sources import from_commitments
from mechelen.web.followup.indicators.actions import record_observation
from mechelen.web.followup.indicators.specs import catalogue
from mechelen.web.followup.models import AutomaticSource, CityIndicator
from mechelen.web.framework_data import framework
from mechelen.web.statistics.models import ReleaseStatus
from mechelen.web.tenancy.models import Organisation
from mechelen.web.tenancy.roles import Role
from tests.web.conftest import World, client_for
from tests.web.statistics import factories as stats


def closed_round(organisation: Organisation, title: str, shared: bool) -> AssessmentRound:
    """Two stakeholder groups 3 levels apart on education: a disagreement."""
    found = assessment_actions.open_round(
        None, organisation, {"title": title, "share_with_networks": shared}
    )
    responses = Responses(
        (Respondent("1", "R", "local-government"), Respondent("2", "S", "civil-society")),
        (
            Answer("1", "education/institutional-capacity", 4, ""),
            Answer("2", "education/institutional-capacity", 1, ""),
            Answer("1", "food/institutional-capacity", 2, ""),
        ),
    )
    assessment_actions.import_responses(None, found, responses, "en", ["test"])
    return assessment_actions.close_round(None, found)


def check_value(value: str, field: dict[str, Any]) -> None:
    if value == "":
        return
    kind = field["type"]
    if kind == "integer":
        int(value)
    elif kind == "number":
        float(value)
    elif kind == "boolean":
        assert value in ("true", "false"), value
    elif kind == "date":
        datetime.date.fromisoformat(value)
    else:
        assert kind == "string", kind
    if "constraints" in field:
        assert value in field["constraints"]["enum"], (field["name"], value)


def read_package(data: bytes) -> dict[str, list[dict[str, str]]]:
    """Every resource of a Data Package, after checking it against its schema."""
    archive = zipfile.ZipFile(io.BytesIO(data))
    descriptor = json.loads(archive.read("datapackage.json"))
    assert descriptor["profile"] == "tabular-data-package"
    assert descriptor["licenses"][0]["name"] == "CC-BY-4.0"
    assert descriptor["licenses"][0]["path"].startswith("https://")
    tables: dict[str, list[dict[str, str]]] = {}
    for resource in descriptor["resources"]:
        assert resource["name"] not in tables and resource["path"] in archive.namelist()
        fields = resource["schema"]["fields"]
        reader = csv.DictReader(io.StringIO(archive.read(resource["path"]).decode("utf-8")))
        assert reader.fieldnames == [f["name"] for f in fields]
        rows = list(reader)
        for row in rows:
            for field in fields:
                check_value(row[field["name"]], field)
        key = resource["schema"].get("primaryKey", [])
        assert set(key) <= set(reader.fieldnames or [])
        if key:
            keys = [tuple(row[k] for k in key) for row in rows]
            assert len(keys) == len(set(keys)), resource["name"]
        tables[resource["name"]] = rows
    return tables


def check_sdmx(text: str, dimensions: list[str]) -> list[list[str]]:
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["DATAFLOW", *dimensions, "OBS_VALUE", "OBS_STATUS"]
    for row in rows[1:]:
        assert len(row) == len(rows[0]) and row[0].startswith("MECHELEN:")
        assert (row[-1], row[-2] == "") in (("A", False), ("O", True))
        if row[-2]:
            float(row[-2])
    keys = [tuple(row[1:-2]) for row in rows[1:]]
    assert len(keys) == len(set(keys))
    return rows[1:]


def city_export(client: Client, world: World) -> tuple[dict[str, Any], dict[str, Any]]:
    base = f"/cities/{world.a.organisation.slug}/follow-up/export"
    document = json.loads(client.get(f"{base}/follow-up.json").content)
    package = read_package(client.get(f"{base}/datapackage.zip").content)
    assert set(document["tables"]) == set(package)
    return document["tables"], package


def test_the_public_export_shows_the_report_and_only_the_round_the_city_shared(
    world: World,
) -> None:
    stats.release_in(world.a.organisation, ReleaseStatus.PUBLISHED)
    item = CityIndicator.objects.create(
        organisation=world.a.organisation, indicator_id="non-citizen-share", public=True
    )
    first = closed_round(world.a.organisation, "First round", shared=False)
    visitor, viewer = client_for(None), client_for(world.a.users[Role.VIEWER])
    tables, _package = city_export(visitor, world)
    assert not any(name.startswith("assessment") for name in tables)
    links = {(r["indicator"], r["kind"], r["item"]) for r in tables["indicator_links"]}
    spec = catalogue().indicator(item.indicator_id)
    assert ("non-citizen-share", "commitment", "17") in links
    assert len(links) == len(spec.serves.commitments) + len(spec.serves.references)
    coverage = {r["disaggregation"]: r for r in tables["data_coverage"]}
    assert coverage["citizenship"]["available"] is True
    assert coverage["reason_for_migration"]["available"] is False
    internal, _package = city_export(viewer, world)
    results = {(r["sector"], r["dimension"]): r for r in internal["assessment_results"]}
    education = results[("education", "institutional-capacity")]
    assert (education["consensus"], education["spread"], education["disagreement"]) == (
        2.5,
        3.0,
        True,
    )
    (disagreement,) = internal["assessment_disagreements"]
    assert (disagreement["lowest_group"], disagreement["highest_group"]) == (
        "civil-society",
        "local-government",
    )
    assert {r["sector"] for r in internal["assessment_priorities"]} == {
        s.id for s in framework().sectors
    }
    assert "assessment_change" not in internal
    AssessmentRound.objects.filter(pk=first.pk).update(share_with_networks=True)
    shared, _package = city_export(visitor, world)
    assert {r["round"] for r in shared["assessment_results"]} == {"First round"}
    closed_round(world.a.organisation, "Second round", shared=False)
    later, _package = city_export(visitor, world)
    assert {r["round"] for r in later["assessment_results"]} == {"First round"}
    assert "assessment_change" not in later
    insider, _package = city_export(viewer, world)
    assert {r["round"] for r in insider["assessment_results"]} == {"Second round"}
    assert len(insider["assessment_change"]) == len(framework().sectors) * len(
        framework().dimensions
    )


def test_every_city_file_is_valid_in_its_format(world: World) -> None:
    closed_round(world.a.organisation, "Round", shared=True)
    client = client_for(world.a.users[Role.VIEWER])
    base = f"/cities/{world.a.organisation.slug}/follow-up/export"
    values = client.get(f"{base}/indicator_values.sdmx.csv").content.decode()
    check_sdmx(values, ["INDICATOR", "AREA", "YEAR"])
    cube = check_sdmx(
        client.get(f"{base}/assessment_results.sdmx.csv").content.decode(),
        ["SECTOR", "DIMENSION"],
    )
    assert any(row[1:4] == ["education", "institutional-capacity", "2.5"] for row in cube)
    for name in ("data_coverage", "indicator_links", "assessment_priorities"):
        response = client.get(f"{base}/{name}.csv")
        assert response.status_code == 200 and response["Content-Type"].startswith("text/csv")
    assert client_for(None).get(f"{base}/assessment_change.csv").status_code == 404


def network_world(world: World) -> None:
    """A: p17 achieved (public), a dropped and a private achieved one, a shared round, a
    published value and a later one by hand. B: p17 and p24 achieved, p31 planned, a round it
    did not share, a value by hand only."""
    a, b = world.a.organisation, world.b.organisation
    Commitment.objects.filter(organisation__in=[a, b], paragraph=17).update(
        status=CommitmentStatus.ACHIEVED
    )
    due = datetime.date(2030, 1, 1)
    for organisation, paragraph, status, public in (
        (a, 24, CommitmentStatus.DROPPED, True),
        (a, 31, CommitmentStatus.ACHIEVED, False),
        (b, 24, CommitmentStatus.ACHIEVED, True),
        (b, 31, CommitmentStatus.PLANNED, True),
    ):
        Commitment.objects.create(
            organisation=organisation,
            paragraph=paragraph,
            status=status,
            public=public,
            owner="o",
            target="t",
            due_date=due,
        )
    closed_round(a, "Shared round", shared=True)
    closed_round(b, "Private round", shared=False)
    release = stats.release_in(a, ReleaseStatus.PUBLISHED)
    for organisation in (a, b):
        item = CityIndicator.objects.create(
            organisation=organisation,
            indicator_id="non-citizen-share",
            public=True,
            automatic_source=AutomaticSource.PUBLISHED_RELEASE,
        )
        if organisation == a:
            spec = catalogue().indicator("non-citizen-share")
            fill_automatically(None, item, spec, release, 2024)
        record_observation(None, item, {"year": 2025, "value": 99.0, "public": True})


def test_the_network_export_holds_only_what_members_share(world: World) -> None:
    network_world(world)
    client = client_for(None)
    base = f"/networks/{world.network.slug}/follow-up/export"
    document = json.loads(client.get(f"{base}/network.json").content)["tables"]
    package = read_package(client.get(f"{base}/datapackage.zip").content)
    assert (
        set(document)
        == set(package)
        == {
            "members",
            "countries",
            "commitments",
            "sectors",
            "shared_assessments",
            "indicators",
        }
    )
    members = {m["city"]: m for m in document["members"]}
    assert members["city-a"]["shares_assessment"] and not members["city-b"]["shares_assessment"]
    tallies = {c["paragraph"]: c for c in document["commitments"]}
    assert (tallies[17]["taken"], tallies[17]["achieved"], tallies[17]["rank_achieved"]) == (
        2,
        2,
        1,
    )
    assert (tallies[24]["taken"], tallies[24]["achieved"]) == (1, 1)  # A's was dropped
    assert (tallies[31]["taken"], tallies[31]["achieved"], tallies[31]["rank_achieved"]) == (
        1,
        0,
        None,
    )  # A's achieved §31 is private
    assert {r["city"] for r in document["shared_assessments"]} == {"city-a"}
    (compared,) = document["indicators"]
    assert (compared["city"], compared["year"], compared["flag"]) == ("city-a", 2024, "published")
    assert compared["value"] != 99.0
    rows = check_sdmx(
        client.get(f"{base}/indicators.sdmx.csv").content.decode(), ["INDICATOR", "CITY", "YEAR"]
    )
    assert [row[1:4] for row in rows] == [["non-citizen-share", "city-a", "2024"]]
    check_sdmx(
        client.get(f"{base}/shared_assessments.sdmx.csv").content.decode(),
        ["CITY", "SECTOR", "DIMENSION"],
    )
    assert client.get("/networks/nowhere/follow-up/export/network.json").status_code == 404
    portal = client.get(f"/networks/{world.network.slug}/").content.decode()
    assert f"{base}/datapackage.zip" in portal


def test_the_download_links_stand_where_the_report_is_offered(world: World) -> None:
    slug = world.a.organisation.slug
    link = f"/cities/{slug}/follow-up/export/datapackage.zip"
    assert link in client_for(None).get(f"/cities/{slug}/").content.decode()
    page = client_for(world.a.users[Role.VIEWER]).get(f"/manage/{slug}/report/")
    assert link in page.content.decode()


@pytest.mark.parametrize(
    ("tallies", "expected"),
    [
        # most achieved first; a tie goes to the most taken, then to the lower paragraph
        ({17: (3, 1), 24: (2, 2), 31: (4, 2), 33: (4, 2), 40: (5, 0)}, [31, 33, 24, 17]),
        ({17: (1, 1), 18: (1, 1)}, [17, 18]),
    ],
)
def test_most_achieved_ranks_by_achieved_then_taken_then_paragraph(
    tallies: dict[int, tuple[int, int]], expected: list[int]
) -> None:
    report = build_network_report(framework(), "n", "", [], {}, {})
    ranked = type(report)(
        **{
            **report.__dict__,
            "commitments": tuple(CommitmentTally(p, t, a) for p, (t, a) in tallies.items()),
        }
    )
    assert [t.paragraph for t in ranked.most_achieved] == expected


def test_the_share_of_commitments_achieved_leaves_abandoned_ones_out(world: World) -> None:
    organisation = world.a.organisation
    Commitment.objects.filter(organisation=organisation).update(status=CommitmentStatus.PLANNED)
    Commitment.objects.filter(pk=world.a.public_commitment.pk).update(  # type: ignore[union-attr]
        status=CommitmentStatus.ACHIEVED
    )
    Commitment.objects.filter(pk=world.a.private_commitment.pk).update(  # type: ignore[union-attr]
        status=CommitmentStatus.DROPPED
    )
    spec = catalogue().indicator("commitments-achieved-share")
    (value,) = from_commitments(spec, organisation, 2025).values
    assert value.value == pytest.approx(100.0)
