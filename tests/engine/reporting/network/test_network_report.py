"""The network report: the map zooms on the members' countries; the HTML in French."""

from __future__ import annotations

from datetime import date
from html import unescape

import pytest

from mechelen.core.framework.model import Framework
from mechelen.core.reporting.follow_up import Place
from mechelen.core.reporting.follow_up.network import Member, build_network_report
from mechelen.engine.reporting.network.html import render_network_html
from mechelen.engine.reporting.network.world_map import country_box, map_spec, projection_for
from mechelen.engine.reporting.wording import ReportWording


def test_map_zooms_on_member_countries(framework: Framework) -> None:
    belgium = country_box("056")
    assert belgium is not None and 2 < belgium[0] < 3 and 51 < belgium[3] < 52
    projection = projection_for([belgium])
    assert projection["type"] == "mercator" and projection["center"][0] == pytest.approx(
        4.4, abs=0.5
    )
    assert country_box("999") is None
    report = build_network_report(
        framework,
        "Net",
        "",
        [Member("a", Place("A", "BEL")), Member("b", Place("B", "ESP"))],
        {},
        {},
    )
    spec = map_spec(report, ReportWording(framework, "es"))
    lookup = spec["layer"][2]["transform"][0]["from"]["data"]["values"]
    assert {row["id"] for row in lookup} == {"056", "724"}
    assert {row["country"] for row in lookup} == {"Bélgica", "España"}


def test_network_html(framework: Framework) -> None:
    report = build_network_report(
        framework, "Net", "A network", [Member("a", Place("Ville", "FRA", fictional=True))], {}, {}
    )
    html = unescape(render_network_html(report, "fr", date(2025, 1, 2)))
    assert "Le portrait du réseau" in html and "France" in html and "<svg" in html
    assert "Aucun membre n'a encore partagé" in html


def test_the_map_legend_sits_outside_and_the_members_are_centred() -> None:
    from mechelen.engine.reporting.network.world_map import (
        MAP_HEIGHT,
        _mercator_y,
        countries_map_spec,
    )

    spec = countries_map_spec([("BEL", 3, "Belgium"), ("ESP", 1, "Spain")], "Member cities")
    legend = spec["layer"][2]["encoding"]["color"]["legend"]
    assert legend["orient"] == "bottom"  # under the map, covering no country
    projection = spec["projection"]
    belgium, spain = country_box("056"), country_box("724")
    assert belgium is not None and spain is not None
    centre = _mercator_y(projection["center"][1])
    top = (_mercator_y(belgium[3]) - centre) * projection["scale"]
    bottom = (centre - _mercator_y(spain[1])) * projection["scale"]
    # as much room above the northernmost member as below the southernmost, all inside
    assert abs(top - bottom) < 1 and top < MAP_HEIGHT / 2


def test_countries_are_listed_by_their_name_in_the_report_s_language(framework: Framework) -> None:
    members = [
        Member(key, Place(key.upper(), country))
        for key, country in (("a", "BEL"), ("b", "DEU"), ("c", "EGY"), ("d", "ESP"))
    ]
    report = build_network_report(framework, "Net", "", members, {}, {})
    names = {
        lang: [words.country(c.country) for c in words.by_country(report.countries)]
        for lang, words in ((lang, ReportWording(framework, lang)) for lang in ("en", "fr", "es"))
    }
    assert names["en"] == ["Belgium", "Egypt", "Germany", "Spain"]
    assert names["fr"] == ["Allemagne", "Belgique", "Égypte", "Espagne"]
    assert names["es"] == ["Alemania", "Bélgica", "Egipto", "España"]
    html = unescape(render_network_html(report, "fr", date(2025, 1, 2)))
    assert html.index("Allemagne") < html.index("Belgique") < html.index("Égypte")
