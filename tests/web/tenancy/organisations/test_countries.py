from django.test import Client
from django.utils import translation

from mechelen.web.tenancy.organisations.countries import country_name
from tests.web.conftest import World


def test_country_names_follow_the_language() -> None:
    assert [country_name("BEL", lang) for lang in ("en", "fr", "es")] == [
        "Belgium",
        "Belgique",
        "Bélgica",
    ]
    with translation.override("fr"):
        assert country_name("DEU") == "Allemagne"
    assert country_name("ZZZ") == "ZZZ"


def test_the_public_page_names_the_country(world: World) -> None:
    page = Client().get("/cities/city-a/", headers={"Accept-Language": "es"}).content.decode()
    assert "Bélgica" in page
