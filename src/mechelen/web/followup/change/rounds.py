"""An organisation's closed assessment rounds, and the change between the baseline round and a
later one, as the core's :class:`AssessmentSection`.

The baseline is the round the coordinator marked, else the first closed round. Each later
closed round is compared with it, sector by dimension: consensus then, now, and the change
(the core's :func:`assessment_section`). A round's results are computed once per
:class:`ClosedRounds` (they read every answer).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from django.db.models import F

from mechelen.core.reporting.assessment_report import AssessmentReport
from mechelen.core.reporting.follow_up import (
    AssessmentSection,
    CellChange,
    RoundSummary,
    assessment_section,
)
from mechelen.web.assessments.models import AssessmentRound, RoundStatus
from mechelen.web.assessments.reading import report_of
from mechelen.web.followup.models import AssessmentBaseline
from mechelen.web.framework_data import framework
from mechelen.web.tenancy.models import Organisation


def closed_rounds(organisation: Organisation) -> list[AssessmentRound]:
    """The organisation's closed rounds, the first closed first."""
    return list(
        AssessmentRound.objects.filter(
            organisation=organisation, status=RoundStatus.CLOSED
        ).order_by(F("closed_at").asc(nulls_first=True), "pk")
    )


class ClosedRounds:
    """The closed rounds of one organisation, read when first asked, and their results."""

    def __init__(self, organisation: Organisation) -> None:
        self.organisation = organisation
        self._results: dict[int, AssessmentReport] = {}

    @cached_property
    def rounds(self) -> list[AssessmentRound]:
        """The first closed first."""
        return closed_rounds(self.organisation)

    @cached_property
    def baseline(self) -> AssessmentRound | None:
        """The round the coordinator marked if it is closed, else the first closed round."""
        marked = AssessmentBaseline.objects.filter(organisation=self.organisation).first()
        chosen = [r for r in self.rounds if marked is not None and r.pk == marked.round_id]
        return chosen[0] if chosen else next(iter(self.rounds), None)

    @property
    def latest(self) -> AssessmentRound | None:
        return self.rounds[-1] if self.rounds else None

    @property
    def latest_shared(self) -> AssessmentRound | None:
        """The latest closed round the organisation shares with its networks."""
        shared = [r for r in self.rounds if r.share_with_networks]
        return shared[-1] if shared else None

    @property
    def later(self) -> list[AssessmentRound]:
        """The rounds that can be compared with the baseline (every closed round but it)."""
        baseline = self.baseline
        return [r for r in self.rounds if baseline is not None and r.pk != baseline.pk]

    def results(self, found: AssessmentRound) -> AssessmentReport:
        if found.pk not in self._results:
            self._results[found.pk] = report_of(found)
        return self._results[found.pk]

    def summary(self, found: AssessmentRound) -> RoundSummary:
        closed = found.closed_at.date() if found.closed_at else None
        return RoundSummary(found.title, closed, self.results(found))

    def change(self, later: AssessmentRound) -> AssessmentSection:
        """``later`` with its results and its change against the baseline round."""
        baseline = self.baseline
        return assessment_section(
            self.summary(later), self.summary(baseline) if baseline is not None else None
        )

    def latest_change(self) -> AssessmentSection | None:
        """The last later round against the baseline; None with fewer than two closed rounds."""
        later = self.later
        return self.change(later[-1]) if later else None

    def latest_section(self) -> AssessmentSection | None:
        """What a report shows: the latest change, else the latest closed round alone."""
        change = self.latest_change()
        if change is not None or self.latest is None:
            return change
        return assessment_section(self.summary(self.latest))


@dataclass(frozen=True)
class LabelledChange:
    """A cell's change (the core's) with its sector and dimension in words."""

    change: CellChange
    sector: str
    dimension: str


@dataclass(frozen=True)
class AssessmentChange:
    """A later round against the baseline round (the core's section), its cells in words."""

    section: AssessmentSection
    cells: tuple[LabelledChange, ...]

    @property
    def improved(self) -> int:
        return len(self.section.improved)

    @property
    def worsened(self) -> int:
        return len(self.section.declined)

    @property
    def mean_difference(self) -> float | None:
        found = [c.delta for c in self.section.changes if c.delta is not None]
        return sum(found) / len(found) if found else None


def in_words(section: AssessmentSection, lang: str) -> AssessmentChange:
    model = framework()
    return AssessmentChange(
        section,
        tuple(
            LabelledChange(
                change,
                model.sector(change.sector_id).label.get(lang),
                model.dimension(change.dimension_id).label.get(lang),
            )
            for change in section.changes
        ),
    )
