"""The joint assessment in a city's open-data export: the latest round's results by sector and
dimension, its disagreements and priorities, and its change against the baseline round.

Which round: for the roles that read assessment results, the latest closed round; for anyone
else, the latest closed round the city shared with its networks (none if it shared none).
The change against the baseline round is for the roles that read results only. Scores and
spreads only: never an answer, a respondent or a piece of evidence.
"""

from __future__ import annotations

from mechelen.core.reporting.assessment_report import AssessmentReport
from mechelen.engine.publish.open_tables import OpenColumn, OpenTable
from mechelen.web.followup.change.rounds import ClosedRounds
from mechelen.web.framework_data import framework


def _labels(lang: str) -> dict[str, str]:
    model = framework()
    labels = {s.id: s.label.get(lang) for s in model.sectors}
    labels.update({d.id: d.label.get(lang) for d in model.dimensions})
    return labels


def _results(title: str, report: AssessmentReport, lang: str) -> OpenTable:
    labels = _labels(lang)
    return OpenTable(
        "assessment_results",
        f"Assessment results of {title}: consensus by sector and dimension (0-4)",
        (
            OpenColumn("round"),
            OpenColumn("sector"),
            OpenColumn("sector_label"),
            OpenColumn("dimension", description="a dimension of the framework, or urgency"),
            OpenColumn("dimension_label"),
            OpenColumn("consensus", "number", "mean of the stakeholder groups' mean scores"),
            OpenColumn("spread", "number", "highest minus lowest group mean"),
            OpenColumn("disagreement", "boolean", "spread at the disagreement level or more"),
            OpenColumn("answered", "integer", "scores given"),
            OpenColumn("missing_groups", description="stakeholder groups without a score"),
        ),
        tuple(
            (
                title,
                c.question.sector_id,
                labels.get(c.question.sector_id, c.question.sector_id),
                c.question.dimension_id,
                labels.get(c.question.dimension_id, c.question.dimension_id),
                c.consensus,
                c.spread,
                c.disagreement,
                c.answered,
                " ".join(c.missing_groups),
            )
            for c in (*report.aggregate.cells, *report.aggregate.urgency)
        ),
        ("sector", "dimension"),
    )


def _disagreements(title: str, report: AssessmentReport) -> OpenTable:
    rows = []
    for cell in report.aggregate.disagreements:
        scores = sorted(cell.group_scores.items(), key=lambda item: (item[1], item[0]))
        rows.append(
            (
                title,
                cell.question.sector_id,
                cell.question.dimension_id,
                cell.spread,
                scores[0][0],
                scores[0][1],
                scores[-1][0],
                scores[-1][1],
            )
        )
    return OpenTable(
        "assessment_disagreements",
        f"Disagreements between stakeholder groups in {title}",
        (
            OpenColumn("round"),
            OpenColumn("sector"),
            OpenColumn("dimension"),
            OpenColumn("spread", "number"),
            OpenColumn("lowest_group"),
            OpenColumn("lowest_score", "number"),
            OpenColumn("highest_group"),
            OpenColumn("highest_score", "number"),
        ),
        tuple(rows),
        ("sector", "dimension"),
    )


def _priorities(title: str, report: AssessmentReport) -> OpenTable:
    steps = {step.sector_id: step for step in report.order_of_work}
    return OpenTable(
        "assessment_priorities",
        f"Priorities of {title}: urgency x interdependence, and the order of work",
        (
            OpenColumn("round"),
            OpenColumn("sector"),
            OpenColumn("rank", "integer"),
            OpenColumn("score", "number", "priority score"),
            OpenColumn("need", "number"),
            OpenColumn("gap", "number", "share of the scale still to go"),
            OpenColumn("urgency", "number"),
            OpenColumn("urgency_assumed", "boolean"),
            OpenColumn("work_order", "integer", "place in the order of work"),
            OpenColumn("waits_for", description="sectors to work on first"),
        ),
        tuple(
            (
                title,
                p.sector_id,
                p.rank,
                p.score,
                p.need,
                p.gap,
                p.urgency,
                p.urgency_assumed,
                steps[p.sector_id].rank if p.sector_id in steps else None,
                " ".join(steps[p.sector_id].waits_for) if p.sector_id in steps else "",
            )
            for p in sorted(report.priorities, key=lambda p: (p.rank, p.sector_id))
        ),
        ("sector",),
    )


def _change(rounds: ClosedRounds) -> OpenTable | None:
    change = rounds.latest_change()
    if change is None or change.baseline is None:
        return None
    return OpenTable(
        "assessment_change",
        f"Assessment: {change.latest.title} against {change.baseline.title}",
        (
            OpenColumn("sector"),
            OpenColumn("dimension"),
            OpenColumn("baseline_consensus", "number"),
            OpenColumn("consensus", "number"),
            OpenColumn("difference", "number"),
        ),
        tuple((c.sector_id, c.dimension_id, c.before, c.after, c.delta) for c in change.changes),
        ("sector", "dimension"),
    )


def assessment_tables(rounds: ClosedRounds, lang: str, sees_results: bool) -> list[OpenTable]:
    """Results, disagreements and priorities of the latest closed round the caller may see
    the results of (else of the latest shared with the networks); for the roles that read
    results, the change against the baseline round too."""
    chosen = rounds.latest if sees_results else rounds.latest_shared
    if chosen is None:
        return []
    report = rounds.results(chosen)
    tables = [
        _results(chosen.title, report, lang),
        _disagreements(chosen.title, report),
        _priorities(chosen.title, report),
    ]
    change = _change(rounds) if sees_results else None
    return tables + ([change] if change is not None else [])
