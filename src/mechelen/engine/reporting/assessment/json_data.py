"""The assessment report as JSON-ready data, for the web platform and other programs."""

from __future__ import annotations

from typing import Any

from mechelen.core.assessment.aggregation import CellResult
from mechelen.core.reporting.assessment_report import AssessmentReport
from mechelen.engine.reporting.wording import Wording
from mechelen.i18n import render_location, render_problem

FORMAT = "mechelen.assessment-report/1"


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def _cell(cell: CellResult, words: Wording) -> dict[str, Any]:
    return {
        "sector": cell.question.sector_id,
        "dimension": cell.question.dimension_id,
        "label": f"{words.sector(cell.question.sector_id)} / {words.dimension(cell.question.dimension_id)}",
        "consensus": _round(cell.consensus),
        "spread": _round(cell.spread),
        "disagreement": cell.disagreement,
        "group_scores": {group: _round(score) for group, score in cell.group_scores.items()},
        "missing_groups": list(cell.missing_groups),
        "answered": cell.answered,
        "blank": cell.blank,
        "evidence": [
            {"group": e.group_id, "respondent": e.respondent, "text": e.text} for e in cell.evidence
        ],
    }


def report_as_dict(report: AssessmentReport, lang: str, generated_at: str = "") -> dict[str, Any]:
    words = Wording(report.framework, lang)
    framework = report.framework
    return {
        "format": FORMAT,
        "generated_at": generated_at,
        "framework": {"id": framework.id, "version": framework.version},
        "language": lang,
        "place": report.place,
        "note": report.note,
        "method": {
            "scale_top": framework.max_score,
            "urgency_top": framework.max_urgency,
            "urgency_weight": report.method.urgency_weight,
            "decay": report.method.decay,
            "missing_urgency": report.method.missing_urgency,
            "disagreement_levels": report.aggregate.disagreement_levels,
        },
        "respondents": report.respondent_count,
        "coverage": [
            {
                "group": c.group_id,
                "label": words.group(c.group_id),
                "respondents": c.respondents,
                "answered": c.answered,
                "asked": c.asked,
            }
            for c in report.coverage
        ],
        "cells": [_cell(c, words) for c in report.aggregate.cells],
        "urgency": [_cell(c, words) for c in report.aggregate.urgency],
        "priorities": [
            {
                "rank": p.rank,
                "sector": p.sector_id,
                "label": words.sector(p.sector_id),
                "score": _round(p.score),
                "need": _round(p.need),
                "gap": _round(p.gap),
                "urgency": _round(p.urgency),
                "urgency_assumed": p.urgency_assumed,
                "blocks": [
                    {
                        "sector": b.sector_id,
                        "distance": b.distance,
                        "contribution": _round(b.contribution),
                    }
                    for b in p.blocks
                ],
                "reason": words.reasons(p),
            }
            for p in report.priorities
        ],
        "order_of_work": [
            {"step": step, "sector": s.sector_id, "rank": s.rank, "waits_for": list(s.waits_for)}
            for step, s in enumerate(report.order_of_work, start=1)
        ],
        "warnings": [
            {
                "code": w.code,
                "message": render_problem(w, lang),
                "where": render_location(w.location, lang),
            }
            for w in report.warnings
        ],
    }
