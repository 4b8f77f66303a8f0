"""The network report as one self-contained HTML file (and, through the same print
stylesheet as the follow-up report, its PDF): the members on a map, the commitments they took
and achieved, and the assessment results they shared."""

from __future__ import annotations

from datetime import date
from typing import Any

from mechelen.core.reporting.follow_up.network import NetworkReport
from mechelen.engine.reporting.charts import render_svg
from mechelen.engine.reporting.html import page_context, templates
from mechelen.engine.reporting.network.charts import commitments_taken_spec, sectors_spec
from mechelen.engine.reporting.network.world_map import map_spec
from mechelen.engine.reporting.wording import ReportWording


def network_context(report: NetworkReport, lang: str, generated_on: date | None) -> dict[str, Any]:
    words = ReportWording(report.framework, lang)
    titles = {c.paragraph: c.title.get(lang) for c in report.framework.commitments}
    return {
        **page_context(report, words, generated_on),
        "titles": titles,
        "map": (
            render_svg(map_spec(report, words), id_prefix="map", lang=lang)
            if report.members
            else ""
        ),
        "taken_chart": (
            render_svg(commitments_taken_spec(report, words), id_prefix="taken", lang=lang)
            if report.commitments
            else ""
        ),
        "sectors_chart": (
            render_svg(sectors_spec(report, words), id_prefix="sectors", lang=lang)
            if report.assessed
            else ""
        ),
    }


def render_network_html(report: NetworkReport, lang: str, generated_on: date | None = None) -> str:
    template = templates.get_template("network.html")
    return template.render(**network_context(report, lang, generated_on))
