"""The public pages' charts: drawn by the reports' renderer, cached by their figures, counts
on whole-number ticks, numbers in the page's language."""

from __future__ import annotations

from typing import Any

from django.core.cache import cache
from django.utils import translation

from mechelen.web.portal import charts
from mechelen.web.portal.charts import (
    bar_spec,
    chart_svg,
    cities_map,
    figure_text,
    grouped_bars_spec,
    stacked_bars_spec,
    state_colours,
    whole_ticks,
)


def test_counts_tick_on_whole_numbers() -> None:
    assert whole_ticks(2) == {"format": "d", "values": [0, 1, 2]}
    assert whole_ticks(0) == {"format": "d", "values": [0, 1]}
    assert whole_ticks(9)["values"] == [0, 2, 4, 6, 8, 10]
    assert whole_ticks(30)["values"] == [0, 5, 10, 15, 20, 25, 30]
    assert whole_ticks(86_000) == {"format": ",d", "tickMinStep": 1}


def test_bars_keep_their_order_and_colours() -> None:
    rows = [{"category": "Planned", "value": 1}, {"category": "Achieved", "value": 3}]
    spec = bar_spec(rows, "", "Commitments", colours={"Planned": "#bbb", "Achieved": "#0a0"})
    colour = spec["layer"][0]["encoding"]["color"]
    assert colour["scale"] == {"domain": ["Planned", "Achieved"], "range": ["#bbb", "#0a0"]}
    assert spec["encoding"]["y"]["sort"] == ["Planned", "Achieved"]
    assert state_colours(["achieved", "unknown"]) == {"achieved": "#009E73", "unknown": "#777777"}


def test_stacked_and_grouped_bars() -> None:
    rows = [
        {"x": 2015, "group": "Nationals", "value": 70},
        {"x": 2015, "group": "Foreign nationals", "value": 8},
    ]
    groups = ["Nationals", "Foreign nationals"]
    stacked = stacked_bars_spec(rows, "Year", "Residents", groups, ["#111", "#222"])
    assert stacked["width"] == {"step": 48}
    assert [row["rank"] for row in stacked["data"]["values"]] == [0, 1]
    assert stacked["encoding"]["x"]["sort"] == ["2015"]
    grouped = grouped_bars_spec(rows, "", "Commitments", groups, ["#111", "#222"], width=300)
    assert grouped["encoding"]["xOffset"]["sort"] == groups and grouped["width"] == 300
    assert "order" not in grouped["encoding"]


def test_charts_are_drawn_once_per_figures_and_language(monkeypatch: Any) -> None:
    drawn: list[str] = []

    def render(spec: dict[str, Any], id_prefix: str, lang: str) -> str:
        drawn.append(lang)
        return f"<svg id='{id_prefix}' lang='{lang}'/>"

    monkeypatch.setattr(charts, "render_svg", render)
    cache.clear()
    spec = bar_spec([{"category": "A", "value": 1}], "", "N")
    assert chart_svg(spec, "x", "en") == chart_svg(spec, "x", "en")
    chart_svg(spec, "x", "fr")
    changed = bar_spec([{"category": "A", "value": 2}], "", "N")
    chart_svg(changed, "x", "en")
    assert drawn == ["en", "fr", "en"]


def test_the_cities_map_is_the_reports_map() -> None:
    assert cities_map([], "Cities", "en") == ""
    svg = cities_map([("BEL", 2, "Belgium"), ("FRA", 1, "France")], "Cities and regions", "fr")
    assert svg.startswith("<svg") and "Cities and regions" in svg


def test_figures_are_written_in_the_page_language() -> None:
    with translation.override("fr"):
        assert figure_text(86123).replace("\u202f", " ").replace("\xa0", " ") == "86 123"
    with translation.override("en"):
        assert figure_text(86123) == "86,123" and figure_text(9.84, 1) == "9.8"
    assert figure_text(None) == "—"
