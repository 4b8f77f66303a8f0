"""Charts as Vega-Lite specifications, rendered to SVG on the server (no JavaScript needed).

The pieces every report's charts share: the font and base configuration, the colours of the
commitment states, labels wrapped so that none is cut short, the sector x dimension grid of
the assessment's heatmap and of the change between rounds, and the rendering to SVG with
stable element ids and numbers in the page's language.
"""

from __future__ import annotations

import json
import re
import textwrap
from collections.abc import Iterable
from functools import cache
from html import escape
from typing import Any, Literal

import vl_convert

from mechelen.i18n.numbers import separators

VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"
#: the font of every chart: DejaVu Sans, the widest of the usual sans-serif fonts, is the one
#: the renderer measures labels with (it is installed beside WeasyPrint), so that where a
#: browser lacks it and draws a narrower font, labels still fit
CHART_FONT = "DejaVu Sans, Liberation Sans, Arial, sans-serif"
#: the configuration of the follow-up and network reports' charts
BASE_CONFIG: dict[str, Any] = {
    "font": CHART_FONT,
    "view": {"stroke": None},
    "axis": {"labelFontSize": 11, "titleFontSize": 11},
    "legend": {"labelFontSize": 11, "titleFontSize": 11},
}
#: colours of the commitment states and progress statuses (colour-blind safe, Okabe-Ito based)
STATE_COLOURS = {
    "achieved": "#009E73",
    "in_progress": "#56B4E9",
    "planned": "#BBBBBB",
    "delayed": "#E69F00",
    "dropped": "#777777",
}
#: the longest line of a row label (a sector's name) on the left of a chart
ROW_LABEL_CHARACTERS = 34
#: the d3 locale each page language starts from (currency, dates)
D3Locale = Literal["en-GB", "fr-FR", "es-ES"]
D3_LOCALES: dict[str, D3Locale] = {"en": "en-GB", "fr": "fr-FR", "es": "es-ES"}


@cache
def number_locale(lang: str) -> dict[str, Any]:
    """The d3-format locale of ``lang``: d3's, with the decimal mark and thousands separator
    that every table writes (:data:`mechelen.i18n.numbers.SEPARATORS`), so that a chart writes
    ``7 610`` where its table does (``1 234,5`` in French)."""
    locale: dict[str, Any] = dict(vl_convert.get_format_locale(D3_LOCALES.get(lang, "en-GB")))
    locale["decimal"], locale["thousands"] = separators(lang)
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


def grid_spec(
    sectors: list[str],
    dimensions: list[str],
    values: list[dict[str, Any]],
    *,
    config: dict[str, Any],
    column: int,
    column_characters: int,
    row_height: int,
    line_height: int,
    layer: list[dict[str, Any]],
) -> dict[str, Any]:
    """A sector x dimension grid: a column of ``column`` pixels per dimension (its label on
    top, on lines of at most ``column_characters``), a row of ``row_height`` pixels per
    sector (its label on the left), label lines ``line_height`` apart; ``values`` hold a
    ``sector`` and a ``dimension`` each, drawn by the marks of ``layer``."""
    return {
        "$schema": VEGA_LITE_SCHEMA,
        "width": column * len(dimensions),
        "height": row_height * len(sectors),
        "background": "white",
        "config": config,
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
                        dimensions, column_characters, "top", line_height, column=column
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
                    **wrapped_axis(sectors, ROW_LABEL_CHARACTERS, "left", line_height, padding=8),
                    "domain": False,
                    "ticks": False,
                },
            },
        },
        "layer": layer,
    }


#: the ARIA attributes the renderer writes, in English whatever the language ("X-axis titled
#: 'Age' for a discrete scale with 5 values", "rect mark container", "bar")
_RENDERER_ARIA = re.compile(r'\s(?:role|aria-roledescription|aria-label)="[^"]*"')
_SVG_OPEN = re.compile(r"<svg\b[^>]*>")


def with_text_alternative(svg: str, description: str | None) -> str:
    """The SVG without the renderer's English ARIA text, as one image named by the chart's
    ``description`` (already in the page's language: its ``role="img"``, ``aria-label`` and
    ``<title>``), or hidden from screen readers when it has none (the page then gives the
    figures in a table beside it)."""
    svg = _RENDERER_ARIA.sub("", svg)
    opening = _SVG_OPEN.search(svg)
    if opening is None:
        return svg
    tag = opening.group(0)[:-1]
    if description:
        text = escape(description)
        new = f'{tag} role="img" aria-label="{text}"><title>{text}</title>'
    else:
        new = f'{tag} aria-hidden="true" focusable="false">'
    return svg[: opening.start()] + new + svg[opening.end() :]


def render_svg(spec: dict[str, Any], id_prefix: str = "chart", lang: str = "en") -> str:
    """SVG of a Vega-Lite spec, with its element ids renamed ``<id_prefix>-<n>``, and its
    axis and legend numbers written in ``lang`` (``1 234,5`` in French, ``1,234.5`` in English).

    The spec's ``description`` (in ``lang``) is the chart's text alternative: the renderer's
    own ARIA text, English only, is removed (:func:`with_text_alternative`).

    The renderer numbers gradients and clip paths with a counter that runs for the life of
    the process; renaming makes the same chart give the same bytes every time, and keeps ids
    unique when several charts share a page.
    """
    svg: str = vl_convert.vegalite_to_svg(
        {**spec, "config": {**spec.get("config", {}), "aria": False}},
        format_locale=number_locale(lang),
        time_format_locale=time_locale(lang),
    )
    svg = with_text_alternative(svg, spec.get("description"))
    ids = list(dict.fromkeys(re.findall(r'\bid="([^"]+)"', svg)))
    renamed = {old: f"{id_prefix}-{number}" for number, old in enumerate(ids)}
    if not renamed:
        return svg
    pattern = re.compile(r'(id="|#)(' + "|".join(map(re.escape, ids)) + r')(?=["\)])')
    return pattern.sub(lambda m: m.group(1) + renamed[m.group(2)], svg)
