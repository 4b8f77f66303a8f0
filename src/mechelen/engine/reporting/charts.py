"""Charts as Vega-Lite specifications, rendered to SVG on the server (no JavaScript needed)."""

from __future__ import annotations

import re
from typing import Any

import vl_convert

from mechelen.core.messages import N_
from mechelen.core.reporting.assessment_report import AssessmentReport
from mechelen.engine.reporting.wording import Wording

VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"


def heatmap_spec(report: AssessmentReport, words: Wording) -> dict[str, Any]:
    """Sector x dimension consensus scores; cells where groups disagree get a red border."""
    framework = report.framework
    sectors = [words.sector(s.id) for s in framework.sectors]
    dimensions = [words.dimension(d.id) for d in framework.dimensions]
    values = [
        {
            "sector": words.sector(cell.question.sector_id),
            "dimension": words.dimension(cell.question.dimension_id),
            "score": None if cell.consensus is None else round(cell.consensus, 2),
            "text": words.number(cell.consensus) + (" !" if cell.disagreement else ""),
            "disagreement": cell.disagreement,
        }
        for cell in report.aggregate.cells
    ]
    top = framework.max_score
    return {
        "$schema": VEGA_LITE_SCHEMA,
        "width": 150 * len(dimensions),
        "height": 34 * len(sectors),
        "background": "white",
        "config": {"font": "sans-serif", "view": {"stroke": None}, "axis": {"labelFontSize": 12}},
        "data": {"values": values},
        "encoding": {
            "x": {
                "field": "dimension",
                "type": "nominal",
                "sort": dimensions,
                "title": None,
                "axis": {
                    "orient": "top",
                    "labelAngle": 0,
                    "labelLimit": 150,
                    "domain": False,
                    "ticks": False,
                },
            },
            "y": {
                "field": "sector",
                "type": "nominal",
                "sort": sectors,
                "title": None,
                "axis": {"labelLimit": 440, "domain": False, "ticks": False},
            },
        },
        "layer": [
            {
                "mark": {"type": "rect", "cornerRadius": 2},
                "encoding": {
                    "color": {
                        "field": "score",
                        "type": "quantitative",
                        "scale": {"domain": [0, top], "scheme": "yellowgreenblue"},
                        "legend": {"title": words._(N_("Consensus score")), "gradientLength": 160},
                    },
                    "stroke": {
                        "condition": {"test": "datum.disagreement", "value": "#c0392b"},
                        "value": "white",
                    },
                    "strokeWidth": {
                        "condition": {"test": "datum.disagreement", "value": 3},
                        "value": 1,
                    },
                },
            },
            {
                "mark": {"type": "text", "fontSize": 13, "fontWeight": "bold"},
                "encoding": {
                    "text": {"field": "text"},
                    "color": {
                        "condition": {"test": f"datum.score > {top * 0.6}", "value": "white"},
                        "value": "#1b1b1b",
                    },
                },
            },
        ],
    }


def render_svg(spec: dict[str, Any], id_prefix: str = "chart") -> str:
    """SVG of a Vega-Lite spec, with its element ids renamed ``<id_prefix>-<n>``.

    The renderer numbers gradients and clip paths with a counter that runs for the life of
    the process; renaming makes the same chart give the same bytes every time, and keeps ids
    unique when several charts share a page.
    """
    svg: str = vl_convert.vegalite_to_svg(spec)
    ids = list(dict.fromkeys(re.findall(r'\bid="([^"]+)"', svg)))
    renamed = {old: f"{id_prefix}-{number}" for number, old in enumerate(ids)}
    if not renamed:
        return svg
    pattern = re.compile(r'(id="|#)(' + "|".join(map(re.escape, ids)) + r')(?=["\)])')
    return pattern.sub(lambda m: m.group(1) + renamed[m.group(2)], svg)
