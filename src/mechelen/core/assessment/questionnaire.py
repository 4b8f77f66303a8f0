"""The questionnaire generated from a framework: sector x dimension questions plus urgency."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from mechelen.core.framework.model import Framework

QuestionKind = Literal["maturity", "urgency"]
URGENCY = "urgency"


@dataclass(frozen=True)
class Question:
    """One question: a maturity rating of a sector on a dimension, or the sector's urgency."""

    sector_id: str
    dimension_id: str  # URGENCY for the urgency question

    @property
    def id(self) -> str:
        return f"{self.sector_id}/{self.dimension_id}"

    @property
    def kind(self) -> QuestionKind:
        return "urgency" if self.dimension_id == URGENCY else "maturity"


def build_questionnaire(framework: Framework) -> tuple[Question, ...]:
    """Every sector x dimension question, then each sector's urgency, in framework order."""
    maturity = [
        Question(sector.id, dimension.id)
        for sector in framework.sectors
        for dimension in framework.dimensions
    ]
    urgency = [Question(sector.id, URGENCY) for sector in framework.sectors]
    return (*maturity, *urgency)


def question_text(framework: Framework, question: Question, lang: str) -> str:
    sector_label = framework.sector(question.sector_id).label.get(lang)
    if question.kind == "urgency":
        return sector_label
    return framework.dimension(question.dimension_id).question_for(sector_label, lang)
