"""A small line chart of an indicator's series (with baseline and target), as server-side SVG.

Vega-Lite rendered by vl-convert, like the reports' charts, with stable element ids and the
page language's number format; the same data always gives the same bytes, cached by the
spec's digest and the language.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from django.core.cache import cache
from django.utils import translation
from django.utils.translation import gettext as _

from mechelen.engine.reporting.charts import CHART_FONT, VEGA_LITE_SCHEMA, render_svg
from mechelen.web.followup.indicators.rows import IndicatorProgress
from mechelen.web.language import page_language

#: the small chart beside each row of the indicators' table: drawn at the size it is shown
#: (220 px wide with its axis, see mechelen.css ``td.spark``), its text as large as the page's
MINI_WIDTH, MINI_HEIGHT = 156, 80
#: the font size of the charts' axis and legend text, in pixels at the size shown
FONT_SIZE = 12


def line_chart_spec(row: IndicatorProgress, *, mini: bool = False) -> dict[str, Any]:
    """The indicator's values by year with its baseline and target; ``mini``: the small
    chart of a table row (no legend, few ticks, the axis text still readable)."""
    observed = _("Observed")
    values: list[dict[str, Any]] = [
        {"year": v.observation.year, "value": v.observation.value, "series": observed}
        for v in row.series
    ]
    marks: list[dict[str, Any]] = []
    if row.baseline is not None:
        marks.append(
            {"year": row.baseline.year, "value": row.baseline.value, "series": _("Baseline")}
        )
    if row.target is not None:
        marks.append({"year": row.target.year, "value": row.target.value, "series": _("Target")})
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
        "axis": {
            "format": "d",
            "tickMinStep": 1,
            "labelFlush": True,
            **({"tickCount": 3} if mini else {}),
        },
    }
    values_shown = [v["value"] for v in values + marks]
    # a share or a count that is never negative: the axis never goes below 0
    never_negative = all(v >= 0 for v in values_shown)
    y = {
        "field": "value",
        "type": "quantitative",
        "title": row.unit,
        "scale": {"zero": False, **({"domainMin": 0} if never_negative and values_shown else {})},
        **({"title": None, "axis": {"tickCount": 3}} if mini else {}),
    }
    colour = {
        "field": "series",
        "type": "nominal",
        "scale": colours,
        "title": None,
        "legend": None if mini else {"orient": "bottom"},
    }
    description = _(
        "Chart of %(indicator)s by year: the values observed, the baseline and the target"
    ) % {"indicator": row.label}
    return {
        "$schema": VEGA_LITE_SCHEMA,
        "description": description,
        "width": MINI_WIDTH if mini else 320,
        "height": MINI_HEIGHT if mini else 150,
        "background": "white",
        "config": {
            "font": CHART_FONT,
            "view": {"stroke": None},
            "axis": {"labelFontSize": FONT_SIZE, "titleFontSize": FONT_SIZE},
            "legend": {"labelFontSize": FONT_SIZE},
        },
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


def indicator_chart(
    row: IndicatorProgress,
    prefix: str = "indicator",
    lang: str | None = None,
    *,
    mini: bool = False,
) -> str:
    """The SVG of the row's chart, element ids ``<prefix>-<spec id>-<n>``, its text and
    numbers in ``lang`` (the page's language when not given); ``mini``: a table row's."""
    lang = lang or page_language()
    with translation.override(lang):
        spec = line_chart_spec(row, mini=mini)
    text = json.dumps(spec, sort_keys=True, ensure_ascii=False)
    digest = hashlib.sha256(f"{prefix}{row.spec.id}{lang}{text}".encode()).hexdigest()
    key = "followup-chart-" + digest
    found = cache.get(key)
    if isinstance(found, str):
        return found
    svg = render_svg(spec, id_prefix=f"{prefix}-{row.spec.id}", lang=lang)
    cache.set(key, svg, 24 * 3600)
    return svg
