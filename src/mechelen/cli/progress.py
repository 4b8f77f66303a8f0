"""The progress bar shown during long work (ingesting, building tables)."""

from __future__ import annotations

from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from mechelen.cli.problems_output import console


def work_progress(counted: bool = False) -> Progress:
    """A transient bar with the current step; ``counted`` adds "n/total"."""
    columns = [TextColumn("{task.description}"), BarColumn()]
    if counted:
        columns.append(MofNCompleteColumn())
    return Progress(*columns, TimeElapsedColumn(), console=console, transient=True)
