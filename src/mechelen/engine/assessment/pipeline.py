"""Run a joint initial assessment from filled workbooks to the written report."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from mechelen.core.assessment.aggregation import DISAGREEMENT_LEVELS
from mechelen.core.assessment.priorities import PriorityMethod
from mechelen.core.framework.model import Framework
from mechelen.core.reporting.assessment_report import AssessmentReport, build_assessment_report
from mechelen.engine.assessment.answers_reader import read_answers
from mechelen.engine.reporting.assessment.html import write_assessment_report


@dataclass(frozen=True)
class AssessmentRun:
    report: AssessmentReport
    language: str
    html: Path
    json: Path


def run_assessment(
    framework: Framework,
    forms: Sequence[Path],
    out_dir: Path,
    lang: str | None = None,
    method: PriorityMethod | None = None,
    disagreement_levels: float = DISAGREEMENT_LEVELS,
    place: str | None = None,
    generated_at: str = "",
) -> AssessmentRun:
    """Read the forms (raises ProblemsFound on bad input), aggregate, prioritise, write."""
    content = read_answers(framework, forms)
    report = build_assessment_report(
        framework,
        content.responses,
        place=content.place if place is None else place,
        note=content.note,
        method=method,
        disagreement_levels=disagreement_levels,
        warnings=tuple(content.warnings),
    )
    language = lang or content.language
    html, json = write_assessment_report(report, out_dir, language, generated_at)
    return AssessmentRun(report, language, html, json)
