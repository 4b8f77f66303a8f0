"""The demo's statistics: each city's workspace holds only its own rows; Mechelen publishes."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from mechelen.engine.ingest.workspace import data_table
from mechelen.web.demo.cities import CITIES, STATBEL_MAPPING, statbel_population
from mechelen.web.demo.load import load_all
from mechelen.web.statistics.datasets.storage import open_workspace
from mechelen.web.statistics.models import Dataset, Release, ReleaseStatus
from mechelen.web.tenancy.models import Organisation
from tests.web.conftest import client_for


def test_demo_statistics(db: Any) -> None:
    load_all(password="demo-test-password-1", say=lambda _line: None)
    population = statbel_population()
    mapping = STATBEL_MAPPING.read_text(encoding="utf-8")
    for slug, _name, code, _endorsed in CITIES:
        organisation = Organisation.objects.get(slug=slug)
        with open_workspace(organisation) as workspace:
            codes = workspace.con.execute(
                f"SELECT DISTINCT geo_municipality FROM {data_table('population-2015')}"
            ).fetchall()
            record = workspace.dataset("population-2015")
        assert codes == [(code,)], slug
        assert record is not None and record.persons_kept == population[code]
        dataset = Dataset.objects.get(organisation=organisation, name="population-2015")
        assert dataset.mapping_text == mapping  # the example file, as it is
    mechelen = Release.objects.get(organisation__slug="mechelen")
    assert mechelen.status == ReleaseStatus.PUBLISHED
    assert abs(mechelen.headline["residents"] - population["12025"]) <= 2
    assert Release.objects.get(organisation__slug="gent").status == ReleaseStatus.SUBMITTED
    network = client_for(None).get(reverse("portal:network", args=["belgian-cities-demo"]))
    assert (
        "Mechelen" in network.content.decode()
        and "Share of foreign nationals" in network.content.decode()
    )
