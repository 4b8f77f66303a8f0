"""One page of a dataset's validation report (rejected rows), read from the workspace."""

from __future__ import annotations

from dataclasses import dataclass

from mechelen.core.problems import Location, Problem
from mechelen.web.statistics.datasets.storage import has_workspace, open_workspace
from mechelen.web.statistics.models import Dataset
from mechelen.web.statistics.problems import problem_text

PAGE_SIZE = 50


@dataclass(frozen=True)
class RejectedValue:
    row: int
    column: str
    code: str
    value: str | None
    message: str


@dataclass(frozen=True)
class RejectedPage:
    number: int
    pages: int
    total: int
    items: list[RejectedValue]

    @property
    def previous(self) -> int | None:
        return self.number - 1 if self.number > 1 else None

    @property
    def next(self) -> int | None:
        return self.number + 1 if self.number < self.pages else None


def rejected_page(dataset: Dataset, number: int, wait: float = 5) -> RejectedPage:
    """Page ``number`` (from 1) of the rejected values; raises WorkspaceBusy while a job runs."""
    if not has_workspace(dataset.organisation):
        return RejectedPage(1, 1, 0, [])
    with open_workspace(dataset.organisation, wait=wait) as workspace:
        count = workspace.con.execute(
            "SELECT count(*) FROM validation WHERE dataset = ?", [dataset.name]
        ).fetchone()
        total = int(count[0]) if count else 0
        pages = max(1, -(-total // PAGE_SIZE))
        number = min(max(1, number), pages)
        rows = workspace.con.execute(
            'SELECT "row", "column", code, value FROM validation WHERE dataset = ? '
            'ORDER BY "row", "column" LIMIT ? OFFSET ?',
            [dataset.name, PAGE_SIZE, (number - 1) * PAGE_SIZE],
        ).fetchall()
    items = [
        RejectedValue(
            int(row),
            str(column),
            str(code),
            value,
            problem_text(Problem(str(code), {"value": value}, Location())),
        )
        for row, column, code, value in rows
    ]
    return RejectedPage(number, pages, total, items)
