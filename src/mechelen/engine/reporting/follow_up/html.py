"""The follow-up and review report as one self-contained HTML file.

The same HTML feeds the PDF (:mod:`mechelen.engine.reporting.pdf`): its print
stylesheet lays it out on A4 with a cover, a table of contents and page numbers. Charts are
the site's Vega-Lite charts rendered to SVG, with stable element ids, so the same data gives
the same bytes (apart from the generation date).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from mechelen.core.reporting.follow_up.change import largest_changes
from mechelen.core.reporting.follow_up.model import FollowUpReport, IndicatorEntry
from mechelen.engine.reporting.assessment.charts import heatmap_spec
from mechelen.engine.reporting.assessment.json_data import report_as_dict
from mechelen.engine.reporting.charts import CHART_FONT, render_svg
from mechelen.engine.reporting.follow_up.charts import (
    change_spec,
    commitments_spec,
    indicator_spec,
)
from mechelen.engine.reporting.html import page_context, templates
from mechelen.engine.reporting.wording import ReportWording


def _slug(text: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in text.lower()).strip("-")


def _for_print(spec: dict[str, Any]) -> dict[str, Any]:
    """The site's chart, measured with the report's font so that no label is cut in the PDF."""
    return {**spec, "config": {**spec.get("config", {}), "font": CHART_FONT}}


def _indicator_view(entry: IndicatorEntry, words: ReportWording) -> dict[str, Any]:
    latest = entry.latest
    return {
        "entry": entry,
        "status": words.status(entry.status) if not entry.is_context else "",
        "status_class": entry.status.value if entry.status else "context",
        "by_hand": words.set_by_hand(entry) if entry.overridden and not entry.is_context else "",
        "note": None,  # the number of its note under the overview table, if set by hand
        "latest": f"{words.value(latest.value)} ({latest.year})" if latest else "–",
        "baseline": (
            f"{words.value(entry.baseline.value)} ({entry.baseline.year})"
            if entry.baseline
            else "–"
        ),
        "target": (
            f"{words.value(entry.target.value)} ({entry.target.year})" if entry.target else "–"
        ),
        "chart": (
            render_svg(
                indicator_spec(entry, words),
                id_prefix=f"ind-{_slug(entry.indicator_id)}",
                lang=words.lang,
            )
            if len(entry.series) >= 1 and (len(entry.series) > 1 or entry.target is not None)
            else ""
        ),
    }


def _numbered_notes(views: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Number the notes of the statuses set by hand, in the order of the overview table."""
    for number, view in enumerate((v for v in views if v["by_hand"]), start=1):
        view["note"] = number
    return views


def follow_up_context(
    report: FollowUpReport, lang: str, generated_on: date | None
) -> dict[str, Any]:
    words = ReportWording(report.framework, lang)
    assessment: dict[str, Any] | None = None
    if report.assessment is not None and report.assessment.results.respondent_count:
        section = report.assessment
        latest = section.results
        data = report_as_dict(latest, lang)
        flagged = [c for c in data["cells"] + data["urgency"] if c["disagreement"]]
        assessment = {
            "section": section,
            "data": data,
            "heatmap": render_svg(_for_print(heatmap_spec(latest, words)), "heatmap", lang),
            "change": (
                render_svg(_for_print(change_spec(section, words)), id_prefix="change", lang=lang)
                if section.changes
                else ""
            ),
            "largest": largest_changes(section, 6),
            "flagged": flagged,
            "priorities": data["priorities"][:5],
        }
    commitments_chart = (
        render_svg(commitments_spec(report.commitments, words), id_prefix="commitments", lang=lang)
        if report.commitments
        else ""
    )
    return {
        **page_context(report, words, generated_on),
        "place": report.place,
        "findings": [(f.tone, words.finding(f)) for f in report.findings],
        "commitments_chart": commitments_chart,
        "assessment": assessment,
        "followed": _numbered_notes([_indicator_view(i, words) for i in report.followed]),
        "context": [_indicator_view(i, words) for i in report.context],
        "status_counts": {
            state: len(report.commitments_with(state))
            for state in ("achieved", "in_progress", "planned", "delayed", "dropped")
        },
    }


def render_follow_up_html(
    report: FollowUpReport, lang: str, generated_on: date | None = None
) -> str:
    template = templates.get_template("follow_up.html")
    return template.render(**follow_up_context(report, lang, generated_on))
