"""The public portal: every city and network listed, the language switch works from any page."""

from __future__ import annotations

from django.urls import reverse

from tests.web.conftest import World, client_for


def test_home_lists_cities_and_networks(world: World) -> None:
    page = client_for(None).get(reverse("portal:home")).content.decode()
    assert "City A" in page and "City B" in page and "Network" in page


def test_the_network_page_lists_members_and_endorsements(world: World) -> None:
    world.a.organisation.endorsed_on = "2017-11-17"
    world.a.organisation.save()
    page = client_for(None).get(reverse("portal:network", kwargs={"slug": "net"})).content.decode()
    assert "1 of 2 members endorsed the Declaration." in page
    assert "17 November 2017" in page or "2017-11-17" in page


def test_switching_language_returns_to_the_same_page(world: World) -> None:
    client = client_for(None)
    city = reverse("portal:city", kwargs={"slug": "city-a"})
    response = client.post(reverse("set_language"), {"language": "es", "next": city})
    assert response.status_code == 302 and response["Location"] == city
    page = client.get(city).content.decode()
    assert '<html lang="es">' in page and "Compromisos" in page


def test_an_unknown_city_is_not_found(world: World) -> None:
    assert (
        client_for(None).get(reverse("portal:city", kwargs={"slug": "nowhere"})).status_code == 404
    )
