"""Problems found in user input: a stable code, parameters and where it was found.

A problem never carries a finished sentence: the message is looked up from its code and
translated at the edge (CLI, web), see :mod:`mechelen.core.messages`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Location:
    """Where a problem sits: a file, and inside it a line, or a sheet with row and column."""

    file: str | None = None
    line: int | None = None
    sheet: str | None = None
    row: int | None = None
    column: str | None = None


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input, e.g. ``Problem("assess.E006", {"value": 7})``."""

    code: str
    params: Mapping[str, object] = field(default_factory=dict)
    location: Location = field(default_factory=Location)
    severity: Severity = "error"

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


class ProblemsFound(Exception):
    """Raised when an input cannot be used; carries every problem found, not just the first."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__(", ".join(p.code for p in self.problems))


def errors_only(problems: Iterable[Problem]) -> tuple[Problem, ...]:
    return tuple(p for p in problems if p.is_error)
