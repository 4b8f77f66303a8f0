"""The map of the network report: member cities by country.

A Vega-Lite geoshape chart of the embedded world map (``data/countries-110m.json``, Natural
Earth through world-atlas; see ``data/README.md``), rendered to SVG on the server. It zooms on
the members' countries: a Mercator projection whose centre and scale are computed from their
bounding box, widened to at least :data:`MIN_SPAN` degrees so that neighbours show.
"""

from __future__ import annotations

import json
import math
from functools import cache
from pathlib import Path
from typing import Any

import pycountry

from mechelen.core.messages import N_
from mechelen.core.reporting.follow_up.network import NetworkReport
from mechelen.engine.reporting.charts import BASE_CONFIG, VEGA_LITE_SCHEMA
from mechelen.engine.reporting.wording import ReportWording

WORLD_MAP = Path(__file__).resolve().parent.parent / "data" / "countries-110m.json"
MIN_SPAN = 24.0  # degrees of longitude shown at least
MAP_WIDTH, MAP_HEIGHT = 440, 320
ANTARCTICA = "010"

Box = tuple[float, float, float, float]  # west, south, east, north


@cache
def world() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(WORLD_MAP.read_text(encoding="utf-8"))
    return data


def numeric_code(alpha3: str) -> str | None:
    found = pycountry.countries.get(alpha_3=alpha3)
    return None if found is None else str(found.numeric)


@cache
def _arc_points() -> tuple[tuple[tuple[float, float], ...], ...]:
    """Every arc of the TopoJSON as (longitude, latitude) points (delta-decoded, unquantised)."""
    topo = world()
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(tuple(points))
    return tuple(arcs)


def _arc_indices(arcs: Any) -> list[int]:
    if isinstance(arcs, int):
        return [arcs if arcs >= 0 else ~arcs]
    found: list[int] = []
    for item in arcs:
        found.extend(_arc_indices(item))
    return found


def country_box(numeric: str) -> Box | None:
    """The bounding box of a country of the map (its largest part only, so that France's
    overseas regions do not stretch the view); None when the map has no shape for it."""
    geometry = next(
        (g for g in world()["objects"]["countries"]["geometries"] if g.get("id") == numeric), None
    )
    if geometry is None or "arcs" not in geometry:
        return None
    points = _arc_points()
    parts = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
    boxes = []
    for part in parts:
        coords = [p for i in _arc_indices(part) for p in points[i]]
        xs, ys = [c[0] for c in coords], [c[1] for c in coords]
        boxes.append((min(xs), min(ys), max(xs), max(ys)))
    return max(boxes, key=lambda b: (b[2] - b[0]) * (b[3] - b[1]))


def _mercator_y(latitude: float) -> float:
    latitude = max(-85.0, min(85.0, latitude))
    return math.log(math.tan(math.pi / 4 + math.radians(latitude) / 2))


def projection_for(
    boxes: list[Box], width: int = MAP_WIDTH, height: int = MAP_HEIGHT
) -> dict[str, Any]:
    """A Mercator projection showing every box, at least MIN_SPAN degrees wide."""
    if not boxes:
        return {"type": "equalEarth"}
    west = min(b[0] for b in boxes)
    south = min(b[1] for b in boxes)
    east = max(b[2] for b in boxes)
    north = max(b[3] for b in boxes)
    # the centre is the middle of the boxes as drawn (in Mercator's y, which stretches the
    # north), so that the northernmost member is as far from the top as the southernmost
    # from the bottom
    middle = (_mercator_y(south) + _mercator_y(north)) / 2
    centre_lon, centre_lat = (
        (west + east) / 2,
        math.degrees(2 * math.atan(math.exp(middle)) - math.pi / 2),
    )
    span_lon = max(east - west, MIN_SPAN) * 1.15
    span_lat = max(north - south, MIN_SPAN * 0.6) * 1.15
    if span_lon > 200:
        return {"type": "equalEarth"}
    scale_x = width / math.radians(span_lon)
    y_span = abs(
        _mercator_y(min(85.0, centre_lat + span_lat / 2))
        - _mercator_y(max(-85.0, centre_lat - span_lat / 2))
    )
    scale_y = height / y_span if y_span else scale_x
    return {
        "type": "mercator",
        "center": [round(centre_lon, 3), round(centre_lat, 3)],
        "scale": round(min(scale_x, scale_y), 3),
        "translate": [width / 2, height / 2],
        "clipExtent": [[0, 0], [width, height]],
    }


def map_spec(report: NetworkReport, words: ReportWording) -> dict[str, Any]:
    """Member cities by country: countries with members coloured by their number of members."""
    counts = [
        (count.country, count.members, words.country(count.country)) for count in report.countries
    ]
    return countries_map_spec(
        counts,
        words._(N_("Member cities")),
        words._(N_("Map of the countries with member cities, coloured by their number of members")),
    )


def countries_map_spec(
    counts: list[tuple[str, int, str]], legend_title: str, description: str | None = None
) -> dict[str, Any]:
    """Countries (ISO alpha-3 code, count, name) coloured by a count (of cities), zoomed on them; the
    legend sits under the map, outside it, so that it covers no country, and the map is
    drawn inside its own box (nothing clipped at its edges but the sea). ``description``, in the
    reader's language, is its text alternative (without one the drawing is hidden from screen
    readers, and the page gives the counts in a table)."""
    rows: list[dict[str, Any]] = []
    boxes = []
    for alpha3, number, name in counts:
        numeric = numeric_code(alpha3)
        if numeric is None:
            continue
        rows.append({"id": numeric, "members": number, "country": name})
        box = country_box(numeric)
        if box is not None:
            boxes.append(box)
    most = max((number for _, number, _ in counts), default=1)
    return {
        "$schema": VEGA_LITE_SCHEMA,
        **({"description": description} if description else {}),
        "width": MAP_WIDTH,
        "height": MAP_HEIGHT,
        "background": "white",
        "padding": 8,
        "autosize": {"type": "pad", "contains": "padding"},
        "config": BASE_CONFIG,
        "projection": projection_for(boxes),
        "data": {"values": world(), "format": {"type": "topojson", "feature": "countries"}},
        "transform": [{"filter": f"datum.id !== '{ANTARCTICA}'"}],
        "layer": [
            # the sea in a pale blue, framed: the map reads as a window on the region, not
            # as countries cut off at its edges
            {
                "data": {"sphere": True},
                "mark": {"type": "geoshape", "aria": False, "fill": "#eef4f9", "stroke": "#c6cfd8"},
            },
            {
                "mark": {
                    "type": "geoshape",
                    "aria": False,
                    "fill": "#e6e9ed",
                    "stroke": "white",
                    "strokeWidth": 0.6,
                }
            },
            {
                "transform": [
                    {
                        "lookup": "id",
                        "from": {
                            "data": {"values": rows},
                            "key": "id",
                            "fields": ["members", "country"],
                        },
                    },
                    {"filter": "datum.members > 0"},
                ],
                "mark": {"type": "geoshape", "aria": False, "stroke": "white", "strokeWidth": 0.6},
                "encoding": {
                    "color": {
                        "field": "members",
                        "type": "quantitative",
                        "title": legend_title,
                        "scale": {"domain": [0, max(most, 1)], "scheme": "blues"},
                        "legend": {
                            "format": "d",
                            "type": "symbol",
                            "orient": "bottom",
                            "direction": "horizontal",
                            "tickCount": min(max(most, 1), 5),
                        },
                    }
                },
            },
        ],
    }
