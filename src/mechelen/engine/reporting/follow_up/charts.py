"""Charts of the follow-up report: commitments by state, each indicator's series towards its
target, and the change of the assessment since the baseline round."""

from __future__ import annotations

from typing import Any

from mechelen.core.messages import N_
from mechelen.core.reporting.follow_up.model import (
    COMMITMENT_STATES,
    AssessmentSection,
    CommitmentEntry,
    IndicatorEntry,
)
from mechelen.engine.reporting.charts import (
    BASE_CONFIG,
    ROW_LABEL_CHARACTERS,
    STATE_COLOURS,
    VEGA_LITE_SCHEMA,
    grid_spec,
    label_lines,
)
from mechelen.engine.reporting.wording import ReportWording

#: the longest line of a column label of the change chart (130 pixels at 11)
CHANGE_COLUMN_CHARACTERS = 19
CHANGE_COLUMN = 130


def commitments_spec(
    commitments: tuple[CommitmentEntry, ...], words: ReportWording
) -> dict[str, Any]:
    """One horizontal bar: how many commitments are in each state."""
    counts = dict.fromkeys(COMMITMENT_STATES, 0)
    for entry in commitments:
        counts[entry.status] = counts.get(entry.status, 0) + 1
    shown = [s for s in COMMITMENT_STATES if counts.get(s)]
    labels = [f"{words.commitment_state(s)} ({counts[s]})" for s in shown]
    values = [
        {"state": label, "count": counts[s], "order": i}
        for i, (s, label) in enumerate(zip(shown, labels, strict=True))
    ]
    return {
        "$schema": VEGA_LITE_SCHEMA,
        "description": words._(N_("Bar of the commitments by state, with how many are in each")),
        "width": 560,
        "height": 30,
        "background": "white",
        "config": BASE_CONFIG,
        "data": {"values": values},
        "mark": {"type": "bar", "stroke": "white"},
        "encoding": {
            "x": {
                "field": "count",
                "type": "quantitative",
                "stack": "zero",
                "title": words._(N_("Commitments")),
                "axis": {"tickMinStep": 1, "format": "d"},
            },
            "order": {"field": "order"},
            "color": {
                "field": "state",
                "type": "nominal",
                "title": None,
                "scale": {"domain": labels, "range": [STATE_COLOURS[s] for s in shown]},
                "legend": {"orient": "bottom", "direction": "horizontal", "columns": 5},
            },
        },
    }


def indicator_spec(entry: IndicatorEntry, words: ReportWording) -> dict[str, Any]:
    """The series (line and points), the baseline, and the target with the path towards it."""
    _ = words._
    series = entry.series
    observed = [{"year": o.year, "value": o.value, "label": words.value(o.value)} for o in series]
    layers: list[dict[str, Any]] = [
        {
            "data": {"values": observed},
            "mark": {"type": "line", "point": {"filled": True, "size": 50}, "color": "#1f4e79"},
            "encoding": {
                "x": {"field": "year", "type": "quantitative"},
                "y": {"field": "value", "type": "quantitative"},
            },
        },
        {
            "data": {"values": observed[-1:]},
            "mark": {
                "type": "text",
                "dy": -10,
                "fontSize": 11,
                "color": "#1f4e79",
                "fontWeight": "bold",
            },
            "encoding": {
                "x": {"field": "year", "type": "quantitative"},
                "y": {"field": "value", "type": "quantitative"},
                "text": {"field": "label"},
            },
        },
    ]
    years = [o.year for o in series]
    values = [o.value for o in series]
    if entry.target is not None and entry.baseline is not None:
        path = [
            {"year": entry.baseline.year, "value": entry.baseline.value},
            {"year": entry.target.year, "value": entry.target.value},
        ]
        years.append(entry.target.year)
        values.append(entry.target.value)
        layers.insert(
            0,
            {
                "data": {"values": path},
                "mark": {"type": "line", "strokeDash": [5, 4], "color": "#E69F00"},
                "encoding": {
                    "x": {"field": "year", "type": "quantitative"},
                    "y": {"field": "value", "type": "quantitative"},
                },
            },
        )
        layers.append(
            {
                "data": {
                    "values": [
                        {
                            "year": entry.target.year,
                            "value": entry.target.value,
                            "label": _(N_("target {value}")).format(
                                value=words.value(entry.target.value)
                            ),
                        }
                    ]
                },
                "layer": [
                    {
                        "mark": {
                            "type": "point",
                            "shape": "diamond",
                            "size": 110,
                            "filled": True,
                            "color": "#E69F00",
                        },
                    },
                    {
                        "mark": {
                            "type": "text",
                            "dy": -11,
                            "fontSize": 11,
                            "color": "#8a5a00",
                            "align": "right",
                        },
                        "encoding": {"text": {"field": "label"}},
                    },
                ],
                "encoding": {
                    "x": {"field": "year", "type": "quantitative"},
                    "y": {"field": "value", "type": "quantitative"},
                },
            }
        )
    low, high = (min(values), max(values)) if values else (0.0, 1.0)
    span = (high - low) or abs(high) or 1.0
    # a share or a count that is never negative: the axis stops at 0, not below
    floor = low - 0.15 * span if low < 0 else max(0.0, low - 0.15 * span)
    first, last = (min(years), max(years)) if years else (0, 1)
    if first == last:
        first, last = first - 1, last + 1
    return {
        "$schema": VEGA_LITE_SCHEMA,
        "description": words._(
            N_("Line chart of the indicator's values by year, with its baseline and its target")
        ),
        "width": 300,
        "height": 140,
        "background": "white",
        "config": BASE_CONFIG,
        "encoding": {
            "x": {
                "field": "year",
                "type": "quantitative",
                "title": None,
                "scale": {"domain": [first, last], "nice": False},
                "axis": {"format": "d", "tickMinStep": 1, "labelFlush": True},
            },
            "y": {
                "field": "value",
                "type": "quantitative",
                "title": None,
                "scale": {"domain": [floor, high + 0.25 * span], "nice": True, "zero": False},
            },
        },
        "layer": layers,
    }


def change_spec(section: AssessmentSection, words: ReportWording) -> dict[str, Any]:
    """Sector x dimension change of the consensus since the baseline round (diverging colours)."""
    framework = section.results.framework
    sectors = [words.sector(s.id) for s in framework.sectors]
    values = [
        {
            "sector": words.sector(c.sector_id),
            "dimension": words.dimension(c.dimension_id),
            "delta": None if c.delta is None else round(c.delta, 2),
            "text": words.signed(c.delta) if c.delta is not None else "–",
        }
        for c in section.changes
    ]
    cells = {
        "mark": {"type": "rect", "cornerRadius": 2, "stroke": "white"},
        "encoding": {
            "color": {
                "field": "delta",
                "type": "quantitative",
                "scale": {"domain": [-2, 2], "scheme": "redblue", "clamp": True},
                "legend": {"title": words._(N_("Change")), "gradientLength": 120},
            }
        },
    }
    texts = {
        "mark": {"type": "text", "fontSize": 11},
        "encoding": {
            "text": {"field": "text"},
            "color": {
                "condition": {"test": "abs(datum.delta) > 1.2", "value": "white"},
                "value": "#1b1b1b",
            },
        },
    }
    spec = grid_spec(
        sectors,
        [words.dimension(d.id) for d in framework.dimensions],
        values,
        config={**BASE_CONFIG, "axis": {"labelFontSize": 11}},
        column=CHANGE_COLUMN,
        column_characters=CHANGE_COLUMN_CHARACTERS,
        row_height=26 if label_lines(sectors, ROW_LABEL_CHARACTERS) == 1 else 30,
        line_height=13,
        layer=[cells, texts],
    )
    spec["description"] = words._(
        N_("Change of the consensus score since the baseline round, by sector and dimension")
    )
    return spec
