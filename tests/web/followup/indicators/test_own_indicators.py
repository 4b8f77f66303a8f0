"""A city's own indicators: computed from its published tables' cells, or imported from YAML."""

from __future__ import annotations

import json
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from mechelen.core.indicators import compute_measure
from mechelen.core.tabulation.hierarchy import TOTAL
from mechelen.web.audit.models import AuditEntry
from mechelen.web.followup.models import AutomaticSource, CityIndicator, ObservationSource
from mechelen.web.statistics.models import Release, ReleaseStatus
from mechelen.web.statistics.releases.actions import approve_release
from mechelen.web.statistics.releases.folders import media_path
from mechelen.web.statistics.releases.published import release_tables
from mechelen.web.tenancy.roles import Role
from tests.web.conftest import World, client_for
from tests.web.statistics import factories as stats

TABLE = "by-citizenship-status-and-sex"


def release_of(world: World, year: int, status: str = ReleaseStatus.PUBLISHED) -> Release:
    release = stats.release_in(world.a.organisation, status)
    release.name = f"people-{year}"
    release.save(update_fields=["name"])
    return release


def cells_of(release: Release) -> dict[tuple[str, str, str], float]:
    """The published cells by (geography, citizenship status, sex); none is hidden here."""
    table = next(t for t in release_tables(release) if t["name"] == TABLE)
    return {
        (c["key"]["geography"], c["key"]["citizenship_status"], c["key"]["sex"]): float(c["value"])
        for c in table["cells"]
    }


def define(world: World, **changes: Any) -> Any:
    data = {
        "indicator_id": "non-citizens-own",
        "label": "Non-citizens among residents",
        "definition": "Residents without the citizenship, from our published table.",
        "measure": "share",
        "numerator": "Non-citizens",
        "denominator": "Residents",
        "scale": "100",
        "unit": "%",
        "direction": "context",
        "disaggregations": ["geography"],
        "table": TABLE,
        "numerator_cells": "citizenship_status=non-citizen,stateless",
        "denominator_cells": "",
        "commitments": ["17"],
        **changes,
    }
    client = client_for(world.a.users[Role.COORDINATOR])
    return client.post(f"/manage/{world.a.organisation.slug}/follow-up/indicators/define/", data)


def test_an_own_share_fills_itself_from_every_published_release_and_nothing_else(
    world: World,
) -> None:
    first, latest = release_of(world, 2023), release_of(world, 2024)
    release_of(world, 2025, ReleaseStatus.DRAFT)
    release_of(world, 2026, ReleaseStatus.REJECTED)
    stats.release_in(world.b.organisation, ReleaseStatus.PUBLISHED)
    form_page = client_for(world.a.users[Role.COORDINATOR]).get(
        f"/manage/{world.a.organisation.slug}/follow-up/indicators/define/"
    )
    assert TABLE in form_page.content.decode() and "non-citizen" in form_page.content.decode()
    response = define(world)
    assert response.status_code == 302, response.content.decode()[:3000]
    item = CityIndicator.objects.get(indicator_id="non-citizens-own")
    assert item.automatic_source == AutomaticSource.PUBLISHED_RELEASE
    source = item.custom_spec["sources"][0]
    assert source["table"] == TABLE
    assert source["cells"] == {
        "numerator": {"citizenship_status": ["non-citizen", "stateless"]},
        "denominator": {},
    }
    whole = {o.year: o for o in item.observations.filter(breakdown="")}
    assert sorted(whole) == [2023, 2024]
    cells = cells_of(latest)
    expected = 100 * cells[(TOTAL, "non-citizen", TOTAL)] / cells[(TOTAL, TOTAL, TOTAL)]
    assert whole[2024].value == pytest.approx(expected)
    assert whole[2023].release == first and whole[2024].release == latest
    assert all(o.source == ObservationSource.PUBLISHED_RELEASE for o in whole.values())
    item.disaggregation = "geography"
    item.save()
    base = f"/manage/{world.a.organisation.slug}/follow-up/indicators/{item.pk}"
    coordinator = client_for(world.a.users[Role.COORDINATOR])
    assert coordinator.post(f"{base}/fill/", {"release": "", "year": ""}).status_code == 302
    district = item.observations.get(year=2024, breakdown="D1")
    assert district.value == pytest.approx(
        100 * cells[("D1", "non-citizen", TOTAL)] / cells[("D1", TOTAL, TOTAL)]
    )
    page = client_for(world.a.users[Role.VIEWER]).get(f"{base}/")
    assert "citizenship_status=non-citizen,stateless" in page.content.decode()


def test_the_gap_between_citizens_and_non_citizens_is_defined_with_its_two_groups(
    world: World,
) -> None:
    release = release_of(world, 2024)
    gap = {
        "indicator_id": "women-gap",
        "measure": "gap",
        "direction": "lower-is-better",
        "group_a": "Citizens",
        "group_b": "Non-citizens",
        "numerator_cells": "sex=F",
        "group_a_cells": "citizenship_status=citizen",
        "group_b_cells": "citizenship_status=non-citizen",
    }
    without_groups = define(world, **{**gap, "group_a": "", "group_b": "", "group_a_cells": ""})
    assert without_groups.status_code == 200
    assert not CityIndicator.objects.filter(indicator_id="women-gap").exists()
    assert define(world, **gap).status_code == 302
    item = CityIndicator.objects.get(indicator_id="women-gap")
    assert [g["en"] for g in item.custom_spec["groups"]] == ["Citizens", "Non-citizens"]
    cells = cells_of(release)
    figures = {
        "numerator_a": cells[(TOTAL, "citizen", "F")],
        "denominator_a": cells[(TOTAL, "citizen", TOTAL)],
        "numerator_b": cells[(TOTAL, "non-citizen", "F")],
        "denominator_b": cells[(TOTAL, "non-citizen", TOTAL)],
    }
    value = item.observations.get(year=2024, breakdown="").value
    assert value == pytest.approx(compute_measure("gap", figures, 100).value)


def test_the_issues_service_access_gap_from_service_figures_is_accepted(world: World) -> None:
    response = define(
        world,
        indicator_id="library-access-gap",
        measure="gap",
        direction="lower-is-better",
        group_a="Citizens",
        group_b="Non-citizens",
        table="",
        sources=["service-figures"],
        sectors=["education"],
        commitments=[],
    )
    assert response.status_code == 302
    item = CityIndicator.objects.get(indicator_id="library-access-gap")
    assert item.custom_spec["serves"] == {"sectors": ["education"]}
    assert item.automatic_source == AutomaticSource.NONE


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("numerator_cells", "citizenship_status=martian", "has no code martian"),
        ("numerator_cells", "age=0-14", "has no dimension age"),
        ("numerator_cells", "citizenship_status", "is not of the form"),
    ],
)
def test_cells_the_table_does_not_have_are_refused(
    world: World, field: str, value: str, message: str
) -> None:
    release_of(world, 2024)
    response = define(world, **{field: value})
    assert response.status_code == 200 and message in response.content.decode()
    assert not CityIndicator.objects.filter(indicator_id="non-citizens-own").exists()


def test_a_hidden_cell_is_never_used(world: World) -> None:
    release = release_of(world, 2024)
    path = media_path(release.folder) / "tables.json"
    document = json.loads(path.read_text(encoding="utf-8"))
    for table in document["tables"]:
        for cell in table["cells"]:
            if cell["key"].get("citizenship_status") == "non-citizen":
                cell.update(value=None, flag="suppressed", confidentiality="C")
    path.write_text(json.dumps(document), encoding="utf-8")
    assert define(world).status_code == 302
    item = CityIndicator.objects.get(indicator_id="non-citizens-own")
    assert not item.observations.exists()
    entry = AuditEntry.objects.get(action="followup.value.fill")
    assert "indicator.E046" in entry.details["problems"]


IMPORTED = """\
indicators:
  - id: foreign-share-own
    label: {en: Non-citizens (own), fr: Non-ressortissants (propre), es: No nacionales}
    definition: {en: Own definition, fr: Définition propre, es: Definición propia}
    measure: share
    numerator: {en: Non-citizens, fr: Non-ressortissants, es: No nacionales}
    denominator: {en: Residents, fr: Habitants, es: Residentes}
    scale: 100
    unit: {en: "%", fr: "%", es: "%"}
    direction: context
    sources:
      - kind: published-table
        dimensions: [geography, citizenship_status, sex]
        cells:
          numerator: {citizenship_status: non-citizen}
          denominator: {}
    serves: {commitments: [17], gcm: [1]}
  - id: counselling-sessions
    label: {en: Counselling sessions, fr: Séances de conseil, es: Sesiones}
    definition: {en: Sessions held, fr: Séances tenues, es: Sesiones}
    measure: count
    numerator: {en: Sessions, fr: Séances, es: Sesiones}
    unit: {en: sessions, fr: séances, es: sesiones}
    direction: higher-is-better
    sources: [{kind: service-figures}]
    serves: {sectors: [education]}
"""


def post_import(world: World, text: str, role: Role = Role.ADMINISTRATOR) -> Any:
    client = client_for(world.a.users[role])
    upload = SimpleUploadedFile("own.yaml", text.encode("utf-8"))
    return client.post(
        f"/manage/{world.a.organisation.slug}/follow-up/indicators/import/", {"file": upload}
    )


def test_indicators_are_imported_from_yaml_in_the_catalogues_format(world: World) -> None:
    release_of(world, 2024)
    assert post_import(world, IMPORTED).status_code == 302
    own = CityIndicator.objects.get(indicator_id="foreign-share-own")
    assert own.custom_spec["sources"][0]["cells"]["numerator"] == {
        "citizenship_status": "non-citizen"
    }
    assert own.observations.filter(year=2024, breakdown="").exists()
    assert CityIndicator.objects.filter(indicator_id="counselling-sessions").exists()
    entry = AuditEntry.objects.get(action="followup.indicator.import")
    assert entry.details["indicators"] == ["foreign-share-own", "counselling-sessions"]
    again = post_import(world, IMPORTED).content.decode()
    assert "followup.E007" in again and "line 2" in again
    assert CityIndicator.objects.count() == 2


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (("measure: count", "measure: counted"), ["own.yaml, line 18", "indicator.E001"]),
        (("{citizenship_status: non-citizen}", "{sex: F, age: old}"), ["indicator.E041"]),
        (("sectors: [education]", "sectors: [martian]"), ["line 18", "indicator.E012"]),
        (("  - id: counselling", "  - id: Bad Id"), ["indicator.E019"]),
        (("indicators:", "indicators: ["), ["framework.E002"]),
        (("direction: context", "direction: context\n    color: red"), ["framework.E010"]),
    ],
)
def test_a_file_with_a_problem_imports_nothing_and_says_where(
    world: World, change: tuple[str, str], expected: list[str]
) -> None:
    page = post_import(world, IMPORTED.replace(*change, 1)).content.decode()
    for text in expected:
        assert text in page, text
    assert not CityIndicator.objects.exists()
    assert not AuditEntry.objects.filter(action="followup.indicator.import").exists()


def test_only_editors_of_the_city_import(world: World) -> None:
    assert post_import(world, IMPORTED, Role.VIEWER).status_code == 403
    assert not CityIndicator.objects.exists()


def test_a_newly_approved_release_fills_the_own_indicator_by_itself(world: World) -> None:
    release_of(world, 2023)
    assert define(world).status_code == 302
    item = CityIndicator.objects.get(indicator_id="non-citizens-own")
    assert sorted(o.year for o in item.observations.filter(breakdown="")) == [2023]
    waiting = release_of(world, 2024, ReleaseStatus.SUBMITTED)
    approve_release(world.a.users[Role.ADMINISTRATOR], waiting)
    whole = {o.year: o for o in item.observations.filter(breakdown="")}
    assert sorted(whole) == [2023, 2024] and whole[2024].release == waiting
