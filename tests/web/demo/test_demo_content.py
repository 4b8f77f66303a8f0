"""The demo loads real Statbel populations and fictional activity, and can load twice."""

from __future__ import annotations

from mechelen.web.demo.cities import statbel_population
from mechelen.web.demo.load import load_all
from mechelen.web.tenancy.models import Membership, Organisation


def test_demo_loads_twice_with_statbel_populations(db: object) -> None:
    lines: list[str] = []
    load_all("a-demo-password-for-tests", say=lines.append)
    load_all("a-demo-password-for-tests", say=lines.append)
    mechelen = Organisation.objects.get(slug="mechelen")
    assert mechelen.population == statbel_population()["12025"] == 83_975
    assert mechelen.fictional and Organisation.objects.count() == 4
    assert (
        Membership.objects.filter(user__username="mechelen-steward", role="data_steward").count()
        == 1
    )
