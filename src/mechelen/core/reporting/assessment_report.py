"""The joint initial assessment report as data: aggregates, priorities, order of work, coverage."""

from __future__ import annotations

from dataclasses import dataclass, field

from mechelen.core.assessment.aggregation import DISAGREEMENT_LEVELS, AggregateResult, aggregate
from mechelen.core.assessment.priorities import (
    PriorityMethod,
    PriorityScore,
    WorkStep,
    order_of_work,
    prioritise,
    sector_inputs,
)
from mechelen.core.assessment.responses import Responses
from mechelen.core.framework.model import Framework
from mechelen.core.problems import Problem


@dataclass(frozen=True)
class GroupCoverage:
    group_id: str
    respondents: int
    answered: int  # scores given by the group's respondents
    asked: int  # questions put to the group's respondents


@dataclass(frozen=True)
class AssessmentReport:
    framework: Framework
    place: str
    note: str
    aggregate: AggregateResult
    priorities: tuple[PriorityScore, ...]
    order_of_work: tuple[WorkStep, ...]
    coverage: tuple[GroupCoverage, ...]
    method: PriorityMethod
    warnings: tuple[Problem, ...] = field(default_factory=tuple)

    @property
    def respondent_count(self) -> int:
        return sum(c.respondents for c in self.coverage)

    @property
    def groups_answered(self) -> tuple[str, ...]:
        return tuple(c.group_id for c in self.coverage if c.answered)

    @property
    def groups_missing(self) -> tuple[str, ...]:
        return tuple(c.group_id for c in self.coverage if not c.answered)

    def priority_of(self, sector_id: str) -> PriorityScore:
        return next(p for p in self.priorities if p.sector_id == sector_id)


def _coverage(framework: Framework, responses: Responses) -> tuple[GroupCoverage, ...]:
    per_respondent: dict[str, int] = {}
    for answer in responses.answers:
        if answer.score is not None:
            per_respondent[answer.respondent_id] = per_respondent.get(answer.respondent_id, 0) + 1
    questions = len(framework.sectors) * (len(framework.dimensions) + 1)
    coverage = []
    for group in framework.stakeholder_groups:
        members = [r for r in responses.respondents if r.group_id == group.id]
        coverage.append(
            GroupCoverage(
                group_id=group.id,
                respondents=len(members),
                answered=sum(per_respondent.get(r.id, 0) for r in members),
                asked=questions * len(members),
            )
        )
    return tuple(coverage)


def build_assessment_report(
    framework: Framework,
    responses: Responses,
    place: str = "",
    note: str = "",
    method: PriorityMethod | None = None,
    disagreement_levels: float = DISAGREEMENT_LEVELS,
    warnings: tuple[Problem, ...] = (),
) -> AssessmentReport:
    method = method or PriorityMethod()
    result = aggregate(framework, responses, disagreement_levels)
    priorities = prioritise(framework, sector_inputs(framework, result), method)
    return AssessmentReport(
        framework=framework,
        place=place,
        note=note,
        aggregate=result,
        priorities=priorities,
        order_of_work=order_of_work(framework, priorities),
        coverage=_coverage(framework, responses),
        method=method,
        warnings=warnings,
    )
