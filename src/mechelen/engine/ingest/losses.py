"""No silent loss: an ingest that would keep no row, or too few of the rows of the dataset it
replaces, is refused and the dataset kept as it was."""

from __future__ import annotations

from mechelen.core.problems import Location, Problem, ProblemsFound
from mechelen.engine.ingest.workspace import DatasetRecord, Workspace

#: the share of the replaced dataset's rows an ingest must keep, unless told otherwise
MIN_SHARE = 0.5
#: how many of the most frequent reasons of rejection are reported
SAMPLE = 15


class IngestRefused(ProblemsFound):
    """The ingest would lose too many rows: the existing dataset is kept (nothing written).

    ``problems`` has the refusal first, then the most frequent reasons of rejection, each with
    its first row and (in ``rows``) how many rows share it.
    """

    def __init__(self, refusal: Problem, rejected: list[tuple[Problem, int]]) -> None:
        super().__init__([refusal, *(problem for problem, _rows in rejected)])
        self.refusal = refusal
        self.rejected = rejected


def rejections(workspace: Workspace, file: str) -> list[tuple[Problem, int]]:
    """The most frequent reasons of rejection: a problem (its first row) and how many rows."""
    summary = workspace.con.execute(
        'SELECT code, "column", value, count(*) AS n, min("row") FROM errors '
        'GROUP BY code, "column", value ORDER BY n DESC, min("row") '
        f"LIMIT {SAMPLE}"
    ).fetchall()
    return [
        (Problem(code, {"value": value}, Location(file=file, row=first, column=column)), rows)
        for code, column, value, rows, first in summary
    ]


def refuse_losses(
    workspace: Workspace,
    record: DatasetRecord,
    rejected: list[tuple[Problem, int]],
    min_share: float,
    file: str,
) -> None:
    """IngestRefused when nothing is kept, or fewer than ``min_share`` of the current rows."""
    counts: dict[str, object] = {"kept": record.rows_kept, "read": record.rows_read}
    if record.rows_kept == 0:
        raise IngestRefused(Problem("ingest.E020", counts, Location(file=file)), rejected)
    current = workspace.dataset(record.dataset)
    if current is None or record.rows_kept >= min_share * current.rows_kept:
        return
    params = {
        **counts,
        "current": current.rows_kept,
        "share": f"{min_share:.0%}",
        "dataset": record.dataset,
    }
    raise IngestRefused(Problem("ingest.E023", params, Location(file=file)), rejected)
