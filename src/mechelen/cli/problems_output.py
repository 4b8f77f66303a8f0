"""Print problems (bad input) as a table, in the user's language, and exit without a traceback."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from mechelen.core.framework.model import Framework
from mechelen.core.problems import Problem, ProblemsFound
from mechelen.engine.framework import load_framework
from mechelen.i18n import render_location, render_problem, translator

console = Console()
error_console = Console(stderr=True)

#: exit codes of every command (docs/cli.md): 0 done; 1 the input has problems and nothing
#: was written; 2 a usage error (Typer's own); 3 an ingest kept the good rows and rejected
#: others; 4 an ingest was refused because it would lose too many rows (nothing replaced)
EXIT_BAD_INPUT = 1
EXIT_PARTLY_REJECTED = 3
EXIT_REFUSED = 4


def problems_table(problems: Iterable[Problem], lang: str) -> Table:
    _ = translator(lang)
    table = Table(show_lines=False, header_style="bold")
    table.add_column(_("Code"), no_wrap=True)
    table.add_column(_("Where"), overflow="fold")
    table.add_column(_("Problem"), overflow="fold")
    for problem in problems:
        style = "red" if problem.is_error else "yellow"
        table.add_row(
            f"[{style}]{problem.code}[/{style}]",
            render_location(problem.location, lang),
            render_problem(problem, lang),
        )
    return table


def print_problems(problems: Iterable[Problem], lang: str) -> None:
    listed = list(problems)
    if listed:
        error_console.print(problems_table(listed, lang))


@contextmanager
def exit_on_problems(lang: str) -> Iterator[None]:
    """Turn ProblemsFound (and file-system errors) into a table of problems and exit code 1."""
    try:
        try:
            yield
        except OSError as error:
            path = error.filename or ""
            reason = error.strerror or str(error)
            raise ProblemsFound(
                [Problem("io.E001", {"path": str(path), "reason": reason})]
            ) from None
    except ProblemsFound as found:
        print_problems(found.problems, lang)
        _ = translator(lang)
        errors = sum(p.is_error for p in found.problems)
        summary = _("{count} problem(s) found; nothing was written.").format(count=errors)
        error_console.print(f"[red]{summary}[/red]")
        raise typer.Exit(EXIT_BAD_INPUT) from None


def framework_or_exit(folder: Path | None, lang: str) -> Framework:
    with exit_on_problems(lang):
        return load_framework(folder)
