"""Indicator values from published releases only, the status of the core, the manual status."""

from __future__ import annotations

import math
import re

import pytest
from django.urls import reverse

from mechelen.core.indicators import (
    Observation,
    ProgressTrack,
    Target,
    assess_progress,
    compute_indicator,
)
from mechelen.core.tabulation.hierarchy import TOTAL
from mechelen.i18n import render_message
from mechelen.web.audit.models import AuditEntry
from mechelen.web.followup.figures import actions as figure_actions
from mechelen.web.followup.indicators import actions
from mechelen.web.followup.indicators.progress import indicator_progress
from mechelen.web.followup.indicators.specs import catalogue
from mechelen.web.followup.models import AutomaticSource, CityIndicator, ObservationSource
from mechelen.web.followup.policy import reader_of
from mechelen.web.statistics.models import ReleaseStatus
from mechelen.web.statistics.releases.published import release_tables
from mechelen.web.tenancy.access import VISITOR, Access
from mechelen.web.tenancy.roles import Role
from tests.web.conftest import World, client_for
from tests.web.followup.factories import indicator_of
from tests.web.statistics import factories as stats


def insider(world: World) -> Access:
    """Who reads every indicator and value of city A."""
    return reader_of(world.a.organisation, public=False)


def non_citizen_indicator(world: World) -> CityIndicator:
    return CityIndicator.objects.create(
        organisation=world.a.organisation,
        indicator_id="non-citizen-share",
        automatic_source=AutomaticSource.PUBLISHED_RELEASE,
        disaggregation="geography",
        public=True,
    )


def published_share(tables: list[dict[str, object]], area: str) -> float | None:
    """The share straight from the published cells (all other dimensions at their total)."""
    table = next(t for t in tables if "citizenship_status" in t["dimensions"])  # type: ignore[operator]
    cells = {
        c["key"]["citizenship_status"]: c["value"]
        for c in table["cells"]  # type: ignore[attr-defined]
        if c["key"]["geography"] == area and c["key"].get("sex", TOTAL) == TOTAL
    }
    figures = {
        "numerator": cells.get("non-citizen", 0) + cells.get("stateless", 0),
        "denominator": cells[TOTAL] - cells.get("unknown", 0),
    }
    spec = catalogue().indicator("non-citizen-share")
    return compute_indicator(spec, figures).value


def test_values_from_a_published_release_are_compute_indicator_of_its_cells(world: World) -> None:
    release = stats.release_in(world.a.organisation, ReleaseStatus.PUBLISHED)
    item = non_citizen_indicator(world)
    spec = catalogue().indicator("non-citizen-share")
    stored, problems = figure_actions.fill_automatically(None, item, spec, release, 2024)
    assert not problems
    tables = release_tables(release)
    by_part = {o.breakdown: o.value for o in stored}
    assert set(by_part) == {"", "D1", "D2"}
    assert by_part[""] == pytest.approx(published_share(tables, TOTAL))
    assert by_part["D1"] == pytest.approx(published_share(tables, "D1"))
    assert 10 < by_part[""] < 25  # 104 non-citizens of 603 residents, perturbed
    assert all(o.source == ObservationSource.PUBLISHED_RELEASE for o in stored)
    (row,) = indicator_progress(world.a.organisation, "en", VISITOR)
    assert [v.observation.value for v in row.series] == [by_part[""]]


@pytest.mark.parametrize(
    "status", [ReleaseStatus.DRAFT, ReleaseStatus.SUBMITTED, ReleaseStatus.REJECTED]
)
def test_an_unpublished_release_gives_no_value(world: World, status: str) -> None:
    release = stats.release_in(world.a.organisation, status)
    item = non_citizen_indicator(world)
    spec = catalogue().indicator("non-citizen-share")
    stored, problems = figure_actions.fill_automatically(None, item, spec, release, 2024)
    assert stored == []
    assert [p.code for p in problems] == ["followup.E001"]
    assert not item.observations.exists()


def test_a_value_stops_being_public_when_its_release_is_withdrawn(world: World) -> None:
    release = stats.release_in(world.a.organisation, ReleaseStatus.PUBLISHED)
    item = non_citizen_indicator(world)
    figure_actions.fill_automatically(
        None, item, catalogue().indicator("non-citizen-share"), release, 2024
    )
    release.status = ReleaseStatus.REJECTED
    release.save()
    (row,) = indicator_progress(world.a.organisation, "en", VISITOR)
    assert row.series == ()
    (internal,) = indicator_progress(world.a.organisation, "en", insider(world))
    assert len(internal.series) == 1 and not internal.series[0].public


def test_another_citys_release_is_refused(world: World) -> None:
    release = stats.release_in(world.b.organisation, ReleaseStatus.PUBLISHED)
    item = non_citizen_indicator(world)
    stored, problems = figure_actions.fill_automatically(
        None, item, catalogue().indicator("non-citizen-share"), release, 2024
    )
    assert stored == [] and [p.code for p in problems] == ["followup.E005"]


@pytest.mark.parametrize(
    ("latest", "expected"),
    [(150.0, "on-track"), (140.0, "moving-too-slowly"), (110.0, "moving-away")],
)
def test_the_status_shown_is_assess_progress(world: World, latest: float, expected: str) -> None:
    item = indicator_of(world.a)
    actions.record_observation(None, item, {"year": 2020, "value": 131.0})
    actions.record_observation(None, item, {"year": 2022, "value": latest})
    track = ProgressTrack(
        "higher-is-better",
        Observation(2018, 120.0),
        Target(240.0, 2030),
        (Observation(2020, 131.0), Observation(2022, latest)),
    )
    core = assess_progress(track)
    (row,) = indicator_progress(world.a.organisation, "fr", insider(world))
    assert row.assessment is not None
    assert row.assessment.computed == row.assessment.effective == core.effective == expected
    assert row.reason == render_message(core.reason.code, core.reason.params, "fr")
    page = client_for(world.a.users[Role.VIEWER]).get(
        f"/manage/{world.a.organisation.slug}/follow-up/"
    )
    assert f"progress-{expected}" in page.content.decode()


def test_an_override_is_audited_shown_with_who_and_why_and_can_be_cleared(world: World) -> None:
    item = indicator_of(world.a)
    actions.record_observation(None, item, {"year": 2022, "value": 110.0})
    coordinator = world.a.users[Role.COORDINATOR]
    client = client_for(coordinator)
    base = f"/manage/{world.a.organisation.slug}/follow-up/indicators/{item.pk}"
    refused = client.post(f"{base}/status/", {"status": "on-track", "reason": "  "})
    assert (
        refused.status_code == 200
        and not AuditEntry.objects.filter(action="followup.status.override").exists()
    )
    reason = "The register lags by a year."
    assert (
        client.post(f"{base}/status/", {"status": "on-track", "reason": reason}).status_code == 302
    )
    entry = AuditEntry.objects.get(action="followup.status.override")
    assert entry.actor == coordinator and entry.details["reason"] == reason
    (row,) = indicator_progress(world.a.organisation, "en", insider(world))
    assert row.assessment is not None and row.override is not None
    assert (row.assessment.computed, row.assessment.effective) == ("moving-away", "on-track")
    assert row.override.by == coordinator.username and row.override.reason == reason
    page = client_for(world.a.users[Role.VIEWER]).get(f"{base}/").content.decode()
    assert reason in page and coordinator.username in page
    assert client_for(world.a.users[Role.VIEWER]).post(f"{base}/status/clear/").status_code == 403
    assert client.post(f"{base}/status/clear/").status_code == 302
    assert AuditEntry.objects.filter(action="followup.status.clear").exists()
    (row,) = indicator_progress(world.a.organisation, "en", insider(world))
    assert row.assessment is not None
    assert row.assessment.effective == "moving-away" and not row.overridden


def test_a_custom_indicator_is_checked_by_the_catalogue_rules(world: World) -> None:
    client = client_for(world.a.users[Role.ADMINISTRATOR])
    url = f"/manage/{world.a.organisation.slug}/follow-up/indicators/define/"
    data = {
        "indicator_id": "library-cards",
        "label": "Library cards of newcomers",
        "definition": "Newcomers holding a library card.",
        "measure": "share",
        "numerator": "Newcomers with a card",
        "denominator": "",
        "scale": "100",
        "unit": "%",
        "direction": "higher-is-better",
        "sources": ["service-figures"],
        "commitments": ["31"],
    }
    refused = client.post(url, data)  # a share needs a denominator (indicator.E022)
    assert refused.status_code == 200
    assert not CityIndicator.objects.filter(indicator_id="library-cards").exists()
    assert client.post(url, {**data, "denominator": "Newcomers"}).status_code == 302
    item = CityIndicator.objects.get(indicator_id="library-cards")
    assert item.custom_spec["serves"] == {"commitments": [31]}
    taken = client.post(url, {**data, "indicator_id": "foreign-born-share", "denominator": "x"})
    assert taken.status_code == 200 and "already taken" in taken.content.decode()


def test_the_status_is_said_in_plain_words_before_the_computation(world: World) -> None:
    """120 in 2018 to 140 in 2022 (+3.9 % a year) against 240 by 2030: at this pace the
    doubling takes ln 2 / ln((140/120) ** (1/4)) = 18 years, so 2036: on the pages and in the
    report alike, the plain sentence first and the rates folded."""
    item = indicator_of(world.a)
    actions.record_observation(None, item, {"year": 2022, "value": 140.0})
    reach = 2018 + math.ceil(math.log(2) / math.log((140 / 120) ** 0.25))
    assert reach == 2036
    sentence = f"at this pace the target of 240 is reached in {reach} instead of 2030"
    (row,) = indicator_progress(world.a.organisation, "en", insider(world))
    assert row.summary.startswith("Moving too slowly: ") and sentence in row.summary
    assert "rate" in row.reason and "rate" not in row.summary
    viewer = client_for(world.a.users[Role.VIEWER])
    slug = world.a.organisation.slug
    pages = [
        reverse("followup:indicators", args=[slug]),
        reverse("followup:indicator", args=[slug, item.pk]),
    ]
    for url in pages:
        html = viewer.get(url).content.decode()
        assert sentence in html, url
        folded = re.search(
            r"<details class=\"progress-how\"><summary>How this was computed</summary>(.*?)</details>",
            html,
            re.S,
        )
        assert folded is not None and "(compound rates)" in folded.group(1), url
        assert html.index(sentence) < folded.start()
        assert "(compound rates)" not in re.sub(r"<details.*?</details>", "", html, flags=re.S)
    coordinator = client_for(world.a.users[Role.COORDINATOR])
    report = coordinator.get(reverse("reports:city_file", args=[slug])).content.decode()
    assert sentence in report and "How this was computed" in report
    french = indicator_progress(world.a.organisation, "fr", insider(world))[0].summary
    assert f"atteinte en {reach} au lieu de 2030" in french
