"""What respondents answered: who they are (stakeholder group) and their ratings."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Respondent:
    id: str
    name: str
    group_id: str


@dataclass(frozen=True)
class Answer:
    """A respondent's rating of one question; ``score`` None means the question was left blank."""

    respondent_id: str
    question_id: str
    score: int | None
    evidence: str = ""


@dataclass(frozen=True)
class Responses:
    respondents: tuple[Respondent, ...]
    answers: tuple[Answer, ...]

    def group_of(self, respondent_id: str) -> str:
        for respondent in self.respondents:
            if respondent.id == respondent_id:
                return respondent.group_id
        raise KeyError(respondent_id)
