"""The change of the joint assessment between the baseline round and a later closed round.

The baseline is the round the coordinator marked, else the first closed round. Each later
closed round is compared with it, sector by dimension: consensus then, now, and the difference.
"""

from __future__ import annotations

from django.db.models import F

from mechelen.web.assessments.actions import report_of
from mechelen.web.assessments.models import AssessmentRound, RoundStatus
from mechelen.web.followup.models import AssessmentBaseline
from mechelen.web.followup.rows import AssessmentChange, CellChange
from mechelen.web.framework_data import framework
from mechelen.web.tenancy.models import Organisation


def closed_rounds(organisation: Organisation) -> list[AssessmentRound]:
    """The organisation's closed rounds, the first closed first."""
    return list(
        AssessmentRound.objects.filter(
            organisation=organisation, status=RoundStatus.CLOSED
        ).order_by(F("closed_at").asc(nulls_first=True), "pk")
    )


def baseline_round(organisation: Organisation) -> AssessmentRound | None:
    chosen = AssessmentBaseline.objects.filter(organisation=organisation).select_related("round")
    marked = chosen.first()
    if marked is not None and marked.round.status == RoundStatus.CLOSED:
        return marked.round
    rounds = closed_rounds(organisation)
    return rounds[0] if rounds else None


def later_rounds(organisation: Organisation) -> list[AssessmentRound]:
    """Closed rounds that can be compared with the baseline (every closed round but it)."""
    baseline = baseline_round(organisation)
    return [r for r in closed_rounds(organisation) if baseline is not None and r.pk != baseline.pk]


def change_between(
    baseline: AssessmentRound, later: AssessmentRound, lang: str
) -> AssessmentChange:
    before = report_of(baseline).aggregate
    after = report_of(later).aggregate
    model = framework()
    cells = []
    for sector in model.sectors:
        for dimension in model.dimensions:
            cells.append(
                CellChange(
                    sector_id=sector.id,
                    sector=sector.label.get(lang),
                    dimension_id=dimension.id,
                    dimension=dimension.label.get(lang),
                    before=before.cell(sector.id, dimension.id).consensus,
                    after=after.cell(sector.id, dimension.id).consensus,
                )
            )
    return AssessmentChange(
        baseline_title=baseline.title,
        baseline_closed=baseline.closed_at.date() if baseline.closed_at else None,
        round_title=later.title,
        round_closed=later.closed_at.date() if later.closed_at else None,
        cells=tuple(cells),
    )


def latest_change(organisation: Organisation, lang: str) -> AssessmentChange | None:
    """The last closed round against the baseline; None with fewer than two closed rounds."""
    baseline = baseline_round(organisation)
    later = later_rounds(organisation)
    if baseline is None or not later:
        return None
    return change_between(baseline, later[-1], lang)
