"""A table's chart: a Vega-Lite bar chart rendered to SVG on the server, cached beside the
release's files (the same table always gives the same bytes)."""

from __future__ import annotations

from typing import Any

from django.utils import translation
from django.utils.translation import gettext as _

from mechelen.engine.reporting.charts import CHART_FONT, VEGA_LITE_SCHEMA, render_svg
from mechelen.web.statistics.models import Release
from mechelen.web.statistics.releases.folders import media_path
from mechelen.web.statistics.releases.published import TableView

#: part of the cached file's name: a new version when the chart's look or text changes
CHART_VERSION = "v2"


def bar_chart_spec(view: TableView, value_title: str) -> dict[str, Any]:
    categories = list(dict.fromkeys(row["x"] for row in view.chart_rows))
    encoding: dict[str, Any] = {
        "x": {
            "field": "x",
            "type": "nominal",
            "sort": categories,
            "title": view.chart_x,
            "axis": {"labelAngle": 0 if len(categories) <= 8 else -40, "labelLimit": 160},
        },
        "y": {"field": "value", "type": "quantitative", "title": value_title},
        "tooltip": [{"field": "x", "title": view.chart_x}, {"field": "value", "format": ","}],
    }
    if view.chart_colour:
        colours = list(dict.fromkeys(row["colour"] for row in view.chart_rows))
        encoding["color"] = {
            "field": "colour",
            "type": "nominal",
            "sort": colours,
            "title": view.chart_colour,
            "scale": {"scheme": "tableau10"},
        }
        encoding["xOffset"] = {"field": "colour", "sort": colours}
    if view.chart_colour:
        description = _("Bar chart of %(value)s by %(x)s and %(colour)s") % {
            "value": value_title,
            "x": view.chart_x,
            "colour": view.chart_colour,
        }
    else:
        description = _("Bar chart of %(value)s by %(x)s") % {
            "value": value_title,
            "x": view.chart_x,
        }
    return {
        "$schema": VEGA_LITE_SCHEMA,
        "description": description,
        "width": max(200, min(480, 48 * len(categories) * (2 if view.chart_colour else 1))),
        "height": 260,
        "background": "white",
        "config": {
            "font": CHART_FONT,
            "view": {"stroke": None},
            "axis": {"labelFontSize": 12, "titleFontSize": 12},
            "legend": {"labelFontSize": 12, "titleFontSize": 12},
        },
        "data": {"values": view.chart_rows},
        "mark": {"type": "bar"} if view.chart_colour else {"type": "bar", "color": "#1f5f99"},
        "encoding": encoding,
    }


def table_chart(release: Release, view: TableView, value_title: str, lang: str) -> str:
    """The chart's SVG, rendered once per release, table and language (its numbers in that
    language's format, its text alternative in that language)."""
    cache = media_path(release.folder) / "charts" / f"{view.name}.{CHART_VERSION}.{lang}.svg"
    if cache.is_file():
        return cache.read_text(encoding="utf-8")
    with translation.override(lang):
        spec = bar_chart_spec(view, value_title)
    svg = render_svg(spec, id_prefix=f"chart-{view.name}", lang=lang)
    cache.parent.mkdir(parents=True, exist_ok=True)
    cache.write_text(svg, encoding="utf-8")
    return svg
