"""A small line chart of an indicator's series (with baseline and target), as server-side SVG.

Vega-Lite rendered by vl-convert, like the reports' charts, with stable element ids; the
same data always gives the same bytes, cached by the spec's digest.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from django.core.cache import cache
from django.utils.translation import gettext as _

from mechelen.engine.reporting.charts import VEGA_LITE_SCHEMA, render_svg
from mechelen.web.followup.rows import IndicatorProgressRow


def line_chart_spec(row: IndicatorProgressRow) -> dict[str, Any]:
    observed = _("Observed")
    values: list[dict[str, Any]] = [
        {"year": p.year, "value": p.value, "series": observed} for p in row.series
    ]
    marks: list[dict[str, Any]] = []
    if row.baseline_year is not None and row.baseline_value is not None:
        marks.append(
            {"year": row.baseline_year, "value": row.baseline_value, "series": _("Baseline")}
        )
    if row.target_year is not None and row.target_value is not None:
        marks.append({"year": row.target_year, "value": row.target_value, "series": _("Target")})
    years = [v["year"] for v in values + marks]
    domain = [min(years), max(years)] if years else [2000, 2030]
    if domain[0] == domain[1]:
        domain = [domain[0] - 1, domain[1] + 1]
    palette = {observed: "#1f5f99", _("Baseline"): "#6b7280", _("Target"): "#b45309"}
    shown = [observed, *(m["series"] for m in marks)]
    colours = {"domain": shown, "range": [palette[name] for name in shown]}
    x = {
        "field": "year",
        "type": "quantitative",
        "title": None,
        "scale": {"domain": domain, "nice": False},
        "axis": {"format": "d", "tickMinStep": 1, "labelFlush": True},
    }
    y = {"field": "value", "type": "quantitative", "title": row.unit, "scale": {"zero": False}}
    colour = {
        "field": "series",
        "type": "nominal",
        "scale": colours,
        "title": None,
        "legend": {"orient": "bottom"},
    }
    return {
        "$schema": VEGA_LITE_SCHEMA,
        "width": 320,
        "height": 150,
        "background": "white",
        "config": {"font": "sans-serif", "view": {"stroke": None}, "axis": {"labelFontSize": 11}},
        "layer": [
            {
                "data": {"values": values},
                "mark": {"type": "line", "point": True},
                "encoding": {"x": x, "y": y, "color": colour},
            },
            {
                "data": {"values": marks},
                "mark": {"type": "point", "shape": "diamond", "size": 90, "filled": True},
                "encoding": {"x": x, "y": y, "color": colour},
            },
        ],
    }


def indicator_chart(row: IndicatorProgressRow, prefix: str = "indicator") -> str:
    """The SVG of the row's chart, element ids ``<prefix>-<spec id>-<n>``."""
    spec = line_chart_spec(row)
    text = json.dumps(spec, sort_keys=True, ensure_ascii=False)
    key = "followup-chart-" + hashlib.sha256(f"{prefix}{row.spec_id}{text}".encode()).hexdigest()
    found = cache.get(key)
    if isinstance(found, str):
        return found
    svg = render_svg(spec, id_prefix=f"{prefix}-{row.spec_id}")
    cache.set(key, svg, 24 * 3600)
    return svg
