"""The charts' SVG is a drawing only: hidden from screen readers, with none of the
renderer's English descriptions; the pages give the text equivalent."""

from __future__ import annotations

import re

from mechelen.engine.reporting.charts import render_svg

SPEC = {
    "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
    "data": {"values": [{"year": "2018", "value": 120}, {"year": "2026", "value": 180}]},
    "layer": [
        {"mark": "line", "encoding": {"x": {"field": "year"}, "y": {"field": "value"}}},
        {"mark": "point", "encoding": {"x": {"field": "year"}, "y": {"field": "value"}}},
    ],
}


def test_the_drawing_is_hidden_from_screen_readers() -> None:
    svg = render_svg(SPEC)
    root = re.match(r"<svg [^>]*>", svg)
    assert root is not None, svg[:200]
    assert 'aria-hidden="true"' in root.group(0)
    assert 'focusable="false"' in root.group(0)


def test_no_english_description_of_the_renderer() -> None:
    svg = render_svg(SPEC, lang="fr")
    assert "aria-label" not in svg
    assert "X-axis" not in svg and "year: 2018" not in svg
