"""The public pages' charts: Vega-Lite specifications drawn on the server as SVG by the
reports' renderer (:func:`mechelen.engine.reporting.charts.render_svg`, numbers in the page's
language), the map of the cities by the network report's map
(:func:`mechelen.engine.reporting.network.world_map.countries_map_spec`).

Drawing a chart takes tens of milliseconds: every SVG is cached by the digest of its
specification, its element ids' prefix and the language, so that a page shows the same bytes
as long as its figures do not change, and a changed figure draws a new chart at once.
"""

from __future__ import annotations

import hashlib
import json
import math
from typing import Any

from django.core.cache import cache
from django.utils.formats import number_format

from mechelen.engine.reporting.charts import (
    BASE_CONFIG,
    STATE_COLOURS,
    VEGA_LITE_SCHEMA,
    render_svg,
)
from mechelen.engine.reporting.network.world_map import countries_map_spec

#: a day: the key changes with the figures, this only frees the cache of old charts
CHART_SECONDS = 24 * 3600


def chart_svg(spec: dict[str, Any], prefix: str, lang: str, named: str = "") -> str:
    """The SVG of ``spec`` with element ids ``<prefix>-<n>`` and numbers in ``lang``, cached
    by the spec, or by ``named`` when given (what the spec is drawn from, when the spec is
    too large to read on every request, as the map's is with the world in it)."""
    text = named or json.dumps(spec, sort_keys=True, ensure_ascii=False, default=str)
    key = "portal-chart-" + hashlib.sha256(f"{prefix}\0{lang}\0{text}".encode()).hexdigest()
    found = cache.get(key)
    if isinstance(found, str):
        return found
    svg = render_svg(spec, id_prefix=prefix, lang=lang)
    cache.set(key, svg, CHART_SECONDS)
    return svg


def figure_text(value: float | int | None, decimals: int = 0) -> str:
    """A figure in the page's language for a chart's text alternative, written as the tables
    beside the charts write it (Django's number format of the active language)."""
    if value is None:
        return "—"
    return number_format(round(float(value), decimals), decimals, force_grouping=True)


def whole_ticks(most: float) -> dict[str, Any]:
    """Axis properties of a count: ticks at whole numbers only (0, 1, 2... or every 2, 5...),
    never 0.5 written "1"."""
    top = max(1, math.ceil(most))
    step = next((s for s in (1, 2, 5, 10, 20, 25) if top / s <= 6), None)
    if step is None:
        return {"format": ",d", "tickMinStep": 1}
    return {"format": "d", "values": list(range(0, top + step, step))}


def bar_spec(
    rows: list[dict[str, Any]],
    category_title: str,
    value_title: str,
    *,
    colours: dict[str, str] | None = None,
    width: int = 260,
) -> dict[str, Any]:
    """Horizontal bars, one per ``{"category", "value"}`` row in the given order, each with
    its value written at its end; ``colours`` by category (one blue otherwise)."""
    categories = [row["category"] for row in rows]
    colour: dict[str, Any] = {"value": "#1a4480"}
    if colours:
        colour = {
            "field": "category",
            "type": "nominal",
            "scale": {"domain": categories, "range": [colours[c] for c in categories]},
            "legend": None,
        }
    y = {
        "field": "category",
        "type": "nominal",
        "sort": categories,
        "title": category_title,
        "axis": {"labelLimit": 180},
    }
    x = {
        "field": "value",
        "type": "quantitative",
        "title": value_title,
        "axis": whole_ticks(max((row["value"] for row in rows), default=0)),
    }
    return {
        "$schema": VEGA_LITE_SCHEMA,
        "width": width,
        "height": {"step": 26},
        "background": "white",
        "config": BASE_CONFIG,
        "data": {"values": rows},
        "encoding": {"y": y, "x": x},
        "layer": [
            {"mark": {"type": "bar"}, "encoding": {"color": colour}},
            {
                "mark": {"type": "text", "align": "left", "dx": 4, "fontSize": 12},
                "encoding": {"text": {"field": "value", "type": "quantitative", "format": ","}},
            },
        ],
    }


def state_colours(states: list[str]) -> dict[str, str]:
    """The reports' colours of the commitment states, by state code."""
    return {state: STATE_COLOURS.get(state, "#777777") for state in states}


def stacked_bars_spec(
    rows: list[dict[str, Any]],
    x_title: str,
    value_title: str,
    groups: list[str],
    colours: list[str],
    *,
    width: int = 320,
) -> dict[str, Any]:
    """Vertical bars stacked by ``group`` (in the order of ``groups``), one per ``x`` (a
    year, a member), from ``{"x", "group", "value"}`` rows."""
    xs = list(dict.fromkeys(str(row["x"]) for row in rows))
    return {
        "$schema": VEGA_LITE_SCHEMA,
        # a bar of 48 pixels a year (or member), at most ``width`` in all
        "width": {"step": 48} if len(xs) * 48 <= width else width,
        "height": 200,
        "background": "white",
        "config": BASE_CONFIG,
        "data": {
            "values": [
                {**row, "x": str(row["x"]), "rank": groups.index(row["group"])} for row in rows
            ]
        },
        "mark": {"type": "bar"},
        "encoding": {
            "x": {
                "field": "x",
                "type": "nominal",
                "sort": xs,
                "title": x_title,
                "axis": {"labelAngle": 0, "labelLimit": 120},
            },
            "y": {"field": "value", "type": "quantitative", "title": value_title},
            "color": {
                "field": "group",
                "type": "nominal",
                "title": None,
                "scale": {"domain": groups, "range": colours},
                "legend": {"orient": "bottom", "direction": "horizontal", "labelLimit": 240},
            },
            "order": {"field": "rank", "type": "quantitative"},
        },
    }


def grouped_bars_spec(
    rows: list[dict[str, Any]],
    x_title: str,
    value_title: str,
    groups: list[str],
    colours: list[str],
    *,
    width: int = 320,
) -> dict[str, Any]:
    """Vertical bars side by side by ``group``, one cluster per ``x``, from ``{"x", "group",
    "value"}`` rows."""
    spec = stacked_bars_spec(rows, x_title, value_title, groups, colours, width=width)
    spec["encoding"]["xOffset"] = {"field": "group", "sort": groups}
    spec["encoding"]["y"]["axis"] = whole_ticks(max((row["value"] for row in rows), default=0))
    spec["width"] = width
    del spec["encoding"]["order"]
    return spec


def cities_map(counts: list[tuple[str, int, str]], legend_title: str, lang: str) -> str:
    """The map of the countries coloured by how many of the (country, cities, name) counts'
    cities they hold, as the network report draws it."""
    if not counts:
        return ""
    named = json.dumps(["cities-map", counts, legend_title], ensure_ascii=False)
    key = "portal-chart-" + hashlib.sha256(f"cities-map\0{lang}\0{named}".encode()).hexdigest()
    found = cache.get(key)
    if isinstance(found, str):  # the world's shapes are not even read
        return found
    return chart_svg(countries_map_spec(counts, legend_title), "cities-map", lang, named)
