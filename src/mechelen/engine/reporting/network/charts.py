"""Charts of the network report: the commitments taken and achieved, and the shared
assessment results across cities (the map is :mod:`~mechelen.engine.reporting.network.world_map`)."""

from __future__ import annotations

import math
from typing import Any

from mechelen.core.messages import N_
from mechelen.core.reporting.follow_up.network import NetworkReport
from mechelen.engine.reporting.charts import (
    BASE_CONFIG,
    ROW_LABEL_CHARACTERS,
    STATE_COLOURS,
    VEGA_LITE_SCHEMA,
    label_lines,
    wrapped_axis,
)
from mechelen.engine.reporting.wording import ReportWording

#: the longest line of a commitment's label (§ and title) in the chart of commitments taken
COMMITMENT_LABEL_CHARACTERS = 44


def commitments_taken_spec(
    report: NetworkReport, words: ReportWording, top: int = 12
) -> dict[str, Any]:
    """The commitments most taken, with how many members achieved each."""
    shown = report.most_taken[:top]
    labels = [f"§{t.paragraph} {_title(report, t.paragraph, words)}" for t in shown]
    lines = label_lines(labels, COMMITMENT_LABEL_CHARACTERS)
    most = max((t.taken for t in shown), default=1)
    step = max(1, math.ceil(most / 10))
    taken_label = words._(N_("Taken"))
    achieved_label = words._(N_("Achieved"))
    values = []
    for label, tally in zip(labels, shown, strict=True):
        values.append({"commitment": label, "kind": achieved_label, "count": tally.achieved})
        values.append(
            {"commitment": label, "kind": taken_label, "count": tally.taken - tally.achieved}
        )
    return {
        "$schema": VEGA_LITE_SCHEMA,
        "description": words._(
            N_("Commitments most taken by the members, with how many members achieved each")
        ),
        "width": 260,
        "height": {"step": 20 if lines == 1 else 14 * lines},
        "background": "white",
        "config": BASE_CONFIG,
        "data": {"values": values},
        "mark": {"type": "bar"},
        "encoding": {
            "y": {
                "field": "commitment",
                "type": "nominal",
                "sort": labels,
                "title": None,
                "axis": wrapped_axis(labels, COMMITMENT_LABEL_CHARACTERS, "left", 13),
            },
            "x": {
                "field": "count",
                "type": "quantitative",
                "stack": "zero",
                "title": words._(N_("Member cities")),
                # whole numbers only: a narrow axis would otherwise tick 0.5 (shown "1")
                "axis": {"format": "d", "values": list(range(0, most + 1, step))},
            },
            "color": {
                "field": "kind",
                "type": "nominal",
                "title": None,
                "scale": {
                    "domain": [achieved_label, taken_label],
                    "range": [STATE_COLOURS["achieved"], "#9ecae1"],
                },
                "legend": {
                    "orient": "bottom",
                    "direction": "horizontal",
                    "labelExpr": "datum.label",
                },
            },
            "order": {"field": "kind", "sort": "ascending"},
        },
    }


def _title(report: NetworkReport, paragraph: int, words: ReportWording) -> str:
    found = next((c for c in report.framework.commitments if c.paragraph == paragraph), None)
    return found.title.get(words.lang) if found else ""


def sectors_spec(report: NetworkReport, words: ReportWording) -> dict[str, Any]:
    """Each sector's mean consensus across the cities that shared their results (range as a rule)."""
    values = [
        {
            "sector": words.sector(s.sector_id),
            "mean": round(s.mean, 2),
            "low": round(s.low or 0.0, 2),
            "high": round(s.high or 0.0, 2),
            "label": words.number(s.mean),
        }
        for s in report.sectors
        if s.mean is not None
    ]
    top = report.framework.max_score
    order = [words.sector(s.id) for s in report.framework.sectors]
    lines = label_lines(
        [words.sector(s.sector_id) for s in report.sectors if s.mean is not None],
        ROW_LABEL_CHARACTERS,
    )
    y = {
        "field": "sector",
        "type": "nominal",
        "sort": order,
        "title": None,
        "axis": wrapped_axis(order, ROW_LABEL_CHARACTERS, "left", 13),
    }
    return {
        "$schema": VEGA_LITE_SCHEMA,
        "description": words._(
            N_("Mean consensus score of each sector across the cities, with its range")
        ),
        "width": 300,
        "height": {"step": 22 if lines == 1 else 14 * lines},
        "background": "white",
        "config": BASE_CONFIG,
        "data": {"values": values},
        "encoding": {"y": y},
        "layer": [
            {
                "mark": {"type": "rule", "color": "#9aa5b1", "strokeWidth": 2},
                "encoding": {
                    "x": {
                        "field": "low",
                        "type": "quantitative",
                        "scale": {"domain": [0, top]},
                        "title": words._(N_("Consensus score (mean across cities, range)")),
                    },
                    "x2": {"field": "high"},
                },
            },
            {
                "mark": {"type": "point", "filled": True, "size": 80, "color": "#1f4e79"},
                "encoding": {"x": {"field": "mean", "type": "quantitative"}},
            },
            {
                "mark": {"type": "text", "dy": -9, "fontSize": 10},
                "encoding": {
                    "x": {"field": "mean", "type": "quantitative"},
                    "text": {"field": "label"},
                },
            },
        ],
    }
