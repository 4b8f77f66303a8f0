"""The change of an assessment between a baseline round and the latest one."""

from __future__ import annotations

from mechelen.core.reporting.assessment_report import AssessmentReport
from mechelen.core.reporting.follow_up.model import AssessmentSection, CellChange, RoundSummary


def cell_changes(baseline: AssessmentReport, latest: AssessmentReport) -> tuple[CellChange, ...]:
    """Every sector x dimension of the latest round with its consensus in both rounds."""
    before = {
        (c.question.sector_id, c.question.dimension_id): c.consensus
        for c in baseline.aggregate.cells
    }
    return tuple(
        CellChange(
            sector_id=c.question.sector_id,
            dimension_id=c.question.dimension_id,
            before=before.get((c.question.sector_id, c.question.dimension_id)),
            after=c.consensus,
        )
        for c in latest.aggregate.cells
    )


def assessment_section(
    latest: RoundSummary, baseline: RoundSummary | None = None
) -> AssessmentSection:
    """The latest round, compared with the baseline round when there is one (and it differs).

    Both rounds must come with their results (``RoundSummary.report``); a caller that has the
    changes already builds :class:`AssessmentSection` itself.
    """
    if latest.report is None:
        raise ValueError("the latest round needs its results")
    if baseline is None or baseline is latest or baseline.report is None:
        return AssessmentSection(latest=latest, results=latest.report)
    return AssessmentSection(
        latest=latest,
        results=latest.report,
        baseline=baseline,
        changes=cell_changes(baseline.report, latest.report),
    )


def largest_changes(section: AssessmentSection, count: int = 5) -> tuple[CellChange, ...]:
    """The cells that moved most, either way (largest absolute change first; ties by order)."""
    moved = [c for c in section.changes if c.delta]
    moved.sort(key=lambda c: -abs(c.delta or 0.0))
    return tuple(moved[:count])
