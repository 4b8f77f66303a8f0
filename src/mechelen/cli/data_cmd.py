"""``mechelen data``: ingest files into the workspace behind the firewall, list, show rejects."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from mechelen.cli.options import LangOption, Language
from mechelen.cli.problems_output import (
    EXIT_PARTLY_REJECTED,
    EXIT_REFUSED,
    console,
    error_console,
    exit_on_problems,
    print_problems,
)
from mechelen.cli.progress import work_progress
from mechelen.core.problems import Problem
from mechelen.engine.ingest.losses import MIN_SHARE, IngestRefused
from mechelen.engine.ingest.mapping_file import load_mapping
from mechelen.engine.ingest.pipeline import STAGES, IngestResult, ingest
from mechelen.engine.ingest.workspace import Workspace
from mechelen.i18n import plural_translator, render_problem, translator

app = typer.Typer(help="Ingest local data into the workspace: standardised, validated, firewalled.")

WorkspaceOption = Annotated[
    Path,
    typer.Option(
        "--workspace",
        "-w",
        envvar="MECHELEN_WORKSPACE",
        help="Folder of the DuckDB workspace (created if missing).",
    ),
]


def print_ingest_summary(result: IngestResult, lang: str) -> None:
    _ = translator(lang)
    record = result.record
    table = Table(title=_("Dataset {name}").format(name=record.dataset), show_header=False)
    table.add_column(justify="left")
    table.add_column(justify="right")
    rows = [
        (_("Rows read"), record.rows_read),
        (_("Rows kept"), record.rows_kept),
        (_("Rows rejected (see the validation report)"), record.rows_rejected),
        (_("Persons kept"), record.persons_kept),
        (_("Persons in rejected rows"), record.persons_rejected),
    ]
    rows += [
        (_("Not stated: {column}").format(column=c), n) for c, n in record.unknowns.items() if n
    ]
    for label, value in rows:
        table.add_row(label, f"{value:,}")
    console.print(table)
    console.print(_("Standard columns: {columns}").format(columns=", ".join(record.columns)))
    if result.warnings:
        print_problems(result.warnings, lang)
    if result.rejected:
        _print_rejections(result, lang)
    console.print(_("Done in {seconds:.1f} s.").format(seconds=result.seconds))


def _print_rejections(result: IngestResult, lang: str) -> None:
    _ = translator(lang)
    _print_reasons(result.rejected, lang)
    error_console.print(
        _("Every rejected row: mechelen data rejected {dataset} --out rejected.csv").format(
            dataset=result.record.dataset
        )
    )


def _print_reasons(rejected: list[tuple[Problem, int]], lang: str) -> None:
    _ = translator(lang)
    table = Table(title=_("Why rows were rejected (most frequent first)"), header_style="bold")
    for header in (_("Code"), _("Column"), _("Value"), _("Rows"), _("First row"), _("Problem")):
        table.add_column(header, overflow="fold")
    for problem, rows in rejected:
        table.add_row(
            problem.code,
            problem.location.column or "",
            repr(problem.params.get("value")),
            f"{rows:,}",
            str(problem.location.row),
            render_problem(problem, lang),
        )
    error_console.print(table)


def _refused(refused: IngestRefused, lang: str) -> typer.Exit:
    """Print why the ingest was refused and the reasons rows were rejected; exit code 4."""
    _ = translator(lang)
    print_problems([refused.refusal], lang)
    if refused.rejected:
        _print_reasons(refused.rejected, lang)
    error_console.print(f"[red]{_('Refused: the workspace was not changed.')}[/red]")
    if refused.refusal.code == "ingest.E023":
        error_console.print(_("To replace the dataset anyway, give a lower --min-share."))
    return typer.Exit(EXIT_REFUSED)


@app.command("ingest")
def ingest_command(
    file: Annotated[
        Path,
        typer.Argument(
            help="CSV (any of UTF-8, UTF-8 with BOM, Windows-1252, Latin-1; comma or semicolon; may be .gz), XLSX or Parquet file."
        ),
    ],
    mapping: Annotated[
        Path,
        typer.Option(
            "--mapping",
            "-m",
            help="Mapping of the file's columns onto the standard dimensions (YAML).",
        ),
    ],
    workspace: WorkspaceOption = Path("workspace"),
    min_share: Annotated[
        float,
        typer.Option(
            "--min-share",
            min=0.0,
            max=1.0,
            help="Refuse to replace a dataset when fewer rows than this share of its current "
            "rows would be kept (0 to 1).",
        ),
    ] = MIN_SHARE,
    lang: LangOption = Language.en,
) -> None:
    """Read a file into the workspace through its mapping; re-ingesting replaces the dataset atomically.

    Columns holding immigration or legal status are refused and never read. Every rejected
    row is recorded with its row, column, error code and value; good rows are kept. No copy
    of the file is written: only the standardised columns it maps are kept.

    An ingest that would keep no row, or fewer than --min-share of the rows of the dataset
    it replaces, is refused and the dataset stays as it was.

    Exit status: 0 every row kept; 3 some rows rejected (the good ones kept); 4 refused, the
    dataset unchanged; 1 problems with the file or the mapping (nothing written); 2 usage.
    """
    _ = translator(lang.value)
    with exit_on_problems(lang.value):
        data_mapping, text = load_mapping(mapping)
        with (
            Workspace(workspace) as space,
            work_progress() as bar,
        ):
            task = bar.add_task(_("Ingesting"), total=len(STAGES))

            def progress(stage: str, step: int, steps: int) -> None:
                bar.update(task, completed=step - 1, description=f"{_('Ingesting')}: {stage}")

            try:
                result = ingest(
                    space, file, data_mapping, text, progress=progress, min_share=min_share
                )
            except IngestRefused as refused:
                bar.stop()
                raise _refused(refused, lang.value) from None
            bar.update(task, completed=len(STAGES))
    print_ingest_summary(result, lang.value)
    if result.record.rows_rejected:
        raise typer.Exit(EXIT_PARTLY_REJECTED)


@app.command("list")
def list_command(
    workspace: WorkspaceOption = Path("workspace"), lang: LangOption = Language.en
) -> None:
    """List the datasets of the workspace with their sources and counts."""
    _ = translator(lang.value)
    with Workspace(workspace) as space:
        table = Table(header_style="bold")
        for header in (
            _("Dataset"),
            _("Source"),
            _("Ingested"),
            _("Rows kept"),
            _("Rows rejected"),
            _("Persons"),
        ):
            table.add_column(header)
        for record in space.datasets():
            table.add_row(
                record.dataset,
                record.source,
                record.ingested_at,
                f"{record.rows_kept:,}",
                f"{record.rows_rejected:,}",
                f"{record.persons_kept:,}",
            )
    console.print(table)


@app.command("rejected")
def rejected_command(
    dataset: Annotated[str, typer.Argument(help="Dataset id.")],
    out: Annotated[
        Path, typer.Option("--out", "-o", help="CSV file for the full validation report.")
    ],
    workspace: WorkspaceOption = Path("workspace"),
    lang: LangOption = Language.en,
) -> None:
    """Write every rejected row of a dataset (row, column, code, value) to a CSV file."""
    _ = translator(lang.value)
    with exit_on_problems(lang.value), Workspace(workspace) as space:
        rows = space.validation_rows(dataset)
        out.parent.mkdir(parents=True, exist_ok=True)
        with out.open("w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(["row", "column", "code", "value"])
            writer.writerows(rows)
    ngettext = plural_translator(lang.value)
    console.print(
        ngettext(
            "{count} rejected row written to {path}",
            "{count} rejected rows written to {path}",
            len(rows),
        ).format(count=len(rows), path=out)
    )
