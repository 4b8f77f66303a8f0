"""Aggregate answers with equal weight per stakeholder group.

Within a group, the respondents' scores are averaged; the consensus of a cell is the mean of
the group averages, so a group of one counts as much as a group of twenty. The spread is the
distance between the highest and the lowest group average; a spread of ``threshold`` levels
or more is flagged as a disagreement.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from statistics import fmean
from types import MappingProxyType

from mechelen.core.assessment.questionnaire import Question, build_questionnaire
from mechelen.core.assessment.responses import Responses
from mechelen.core.framework.model import Framework

DISAGREEMENT_LEVELS = 2.0


@dataclass(frozen=True)
class Evidence:
    group_id: str
    respondent: str
    text: str


@dataclass(frozen=True)
class CellResult:
    """The aggregate of one question (a sector x dimension cell, or a sector's urgency)."""

    question: Question
    consensus: float | None
    group_scores: Mapping[str, float]
    spread: float | None
    disagreement: bool
    missing_groups: tuple[str, ...]
    answered: int
    blank: int
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class AggregateResult:
    cells: tuple[CellResult, ...]
    urgency: tuple[CellResult, ...]
    respondents_by_group: Mapping[str, int]
    disagreement_levels: float

    def cell(self, sector_id: str, dimension_id: str) -> CellResult:
        for cell in self.cells:
            if cell.question.sector_id == sector_id and cell.question.dimension_id == dimension_id:
                return cell
        raise KeyError((sector_id, dimension_id))

    def urgency_of(self, sector_id: str) -> CellResult:
        for cell in self.urgency:
            if cell.question.sector_id == sector_id:
                return cell
        raise KeyError(sector_id)

    @property
    def disagreements(self) -> tuple[CellResult, ...]:
        return tuple(c for c in (*self.cells, *self.urgency) if c.disagreement)


def equal_group_mean(group_scores: Mapping[str, float]) -> float | None:
    return fmean(group_scores.values()) if group_scores else None


def aggregate(
    framework: Framework,
    responses: Responses,
    disagreement_levels: float = DISAGREEMENT_LEVELS,
) -> AggregateResult:
    names = {r.id: r.name for r in responses.respondents}
    groups = {r.id: r.group_id for r in responses.respondents}
    scores: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(list))
    blanks: dict[str, int] = defaultdict(int)
    evidence: dict[str, list[Evidence]] = defaultdict(list)
    for answer in responses.answers:
        group = groups[answer.respondent_id]
        if answer.score is None:
            blanks[answer.question_id] += 1
        else:
            scores[answer.question_id][group].append(answer.score)
        if answer.evidence.strip():
            evidence[answer.question_id].append(
                Evidence(group, names[answer.respondent_id], answer.evidence.strip())
            )
    all_groups = [g.id for g in framework.stakeholder_groups]

    def cell(question: Question) -> CellResult:
        by_group = scores.get(question.id, {})
        group_scores = {g: fmean(by_group[g]) for g in all_groups if by_group.get(g)}
        spread = max(group_scores.values()) - min(group_scores.values()) if group_scores else None
        return CellResult(
            question=question,
            consensus=equal_group_mean(group_scores),
            group_scores=MappingProxyType(group_scores),
            spread=spread,
            disagreement=spread is not None and spread >= disagreement_levels,
            missing_groups=tuple(g for g in all_groups if g not in group_scores),
            answered=sum(len(v) for v in by_group.values()),
            blank=blanks.get(question.id, 0),
            evidence=tuple(evidence.get(question.id, ())),
        )

    questions = build_questionnaire(framework)
    respondents_by_group: dict[str, int] = defaultdict(int)
    for respondent in responses.respondents:
        respondents_by_group[respondent.group_id] += 1
    return AggregateResult(
        cells=tuple(cell(q) for q in questions if q.kind == "maturity"),
        urgency=tuple(cell(q) for q in questions if q.kind == "urgency"),
        respondents_by_group=MappingProxyType(dict(respondents_by_group)),
        disagreement_levels=disagreement_levels,
    )
