"""Charts as Vega-Lite specifications, rendered to SVG on the server (no JavaScript needed)."""

from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Iterable
from functools import cache
from typing import Any, Literal

import vl_convert
from babel.numbers import get_decimal_symbol, get_group_symbol

from mechelen.core.messages import N_
from mechelen.core.reporting.assessment_report import AssessmentReport
from mechelen.engine.reporting.wording import Wording

VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"
#: the font of every chart: DejaVu Sans, the widest of the usual sans-serif fonts, is the one
#: the renderer measures labels with (it is installed beside WeasyPrint), so that where a
#: browser lacks it and draws a narrower font, labels still fit
CHART_FONT = "DejaVu Sans, Liberation Sans, Arial, sans-serif"
#: the longest line of a column label (150 pixels at 12) and of a row label of a grid chart
COLUMN_LABEL_CHARACTERS = 20
HEATMAP_COLUMN = 150  # pixels
ROW_LABEL_CHARACTERS = 34
#: the d3 locale each page language starts from (currency, dates)
D3Locale = Literal["en-GB", "fr-FR", "es-ES"]
D3_LOCALES: dict[str, D3Locale] = {"en": "en-GB", "fr": "fr-FR", "es": "es-ES"}


@cache
def number_locale(lang: str) -> dict[str, Any]:
    """The d3-format locale of ``lang``: d3's, with Babel's decimal mark and grouping
    separator so that charts write numbers as the report's tables do (``1 234,5`` in French)."""
    locale: dict[str, Any] = dict(vl_convert.get_format_locale(D3_LOCALES.get(lang, "en-GB")))
    locale["decimal"] = get_decimal_symbol(lang)
    locale["thousands"] = get_group_symbol(lang)
    return locale


@cache
def time_locale(lang: str) -> dict[str, Any]:
    found: dict[str, Any] = vl_convert.get_time_format_locale(D3_LOCALES.get(lang, "en-GB"))
    return found


def wrapped_axis(
    labels: Iterable[str],
    width: int,
    orient: str,
    line_height: int,
    padding: int = 4,
    column: int = 0,
) -> dict[str, Any]:
    """Axis properties writing each label on lines of at most ``width`` characters (a longer
    word keeps its own line), so that no label is cut short, placed clear of the chart: a
    row label centred on its row, a column label on top ending just above the cells.

    A column label of a top axis starts at the left edge of its ``column`` (its width in
    pixels): PDF renderers centre the lines of a multi-line SVG text unevenly."""
    lines = {label: textwrap.wrap(label, width) for label in labels if len(label) > width}
    lines = {label: wrapped for label, wrapped in lines.items() if len(wrapped) > 1}
    axis: dict[str, Any] = {
        "labelLimit": 0,
        "labelLineHeight": line_height,
        "labelPadding": padding,
    }
    if orient == "top" and column:
        axis.update({"labelAlign": "left", "labelOffset": -column / 2 + padding})
    if not lines:
        return axis
    table = json.dumps(lines, ensure_ascii=False, sort_keys=True)
    axis["labelExpr"] = f"{table}[datum.value] || datum.label"
    by_count: dict[int, list[str]] = {}
    for label, wrapped in lines.items():
        by_count.setdefault(len(wrapped), []).append(label)
    conditions = [
        (f"indexof({json.dumps(sorted(group), ensure_ascii=False)}, datum.value) >= 0", count - 1)
        for count, group in sorted(by_count.items())
    ]
    if orient in ("left", "right"):
        axis["labelOffset"] = {
            "condition": [
                {"test": test, "value": -extra * line_height / 2} for test, extra in conditions
            ],
            "value": 0,
        }
    elif orient == "top":
        axis["labelPadding"] = {
            "condition": [
                {"test": test, "value": padding + extra * line_height} for test, extra in conditions
            ],
            "value": padding,
        }
    return axis


def label_lines(labels: Iterable[str], width: int) -> int:
    """How many lines the longest of ``labels`` takes once wrapped at ``width`` characters."""
    return max((len(textwrap.wrap(label, width)) for label in labels), default=1)


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
            # two decimals: 2.96 must not read "3.0" beside "level 3 or more"
            "text": words.number(cell.consensus, 2) + (" !" if cell.disagreement else ""),
            "disagreement": cell.disagreement,
        }
        for cell in report.aggregate.cells
    ]
    top = framework.max_score
    return {
        "$schema": VEGA_LITE_SCHEMA,
        "width": HEATMAP_COLUMN * len(dimensions),
        "height": 34 * len(sectors),
        "background": "white",
        "config": {"font": CHART_FONT, "view": {"stroke": None}, "axis": {"labelFontSize": 12}},
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
                    **wrapped_axis(
                        dimensions, COLUMN_LABEL_CHARACTERS, "top", 14, column=HEATMAP_COLUMN
                    ),
                    "domain": False,
                    "ticks": False,
                },
            },
            "y": {
                "field": "sector",
                "type": "nominal",
                "sort": sectors,
                "title": None,
                "axis": {
                    **wrapped_axis(sectors, ROW_LABEL_CHARACTERS, "left", 14, padding=8),
                    "domain": False,
                    "ticks": False,
                },
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


def render_svg(spec: dict[str, Any], id_prefix: str = "chart", lang: str = "en") -> str:
    """SVG of a Vega-Lite spec, with its element ids renamed ``<id_prefix>-<n>``, and its
    axis and legend numbers written in ``lang`` (``1 234,5`` in French, ``1,234.5`` in English).

    The renderer numbers gradients and clip paths with a counter that runs for the life of
    the process; renaming makes the same chart give the same bytes every time, and keeps ids
    unique when several charts share a page.
    """
    svg: str = vl_convert.vegalite_to_svg(
        spec, format_locale=number_locale(lang), time_format_locale=time_locale(lang)
    )
    ids = list(dict.fromkeys(re.findall(r'\bid="([^"]+)"', svg)))
    renamed = {old: f"{id_prefix}-{number}" for number, old in enumerate(ids)}
    if not renamed:
        return svg
    pattern = re.compile(r'(id="|#)(' + "|".join(map(re.escape, ids)) + r')(?=["\)])')
    return pattern.sub(lambda m: m.group(1) + renamed[m.group(2)], svg)
