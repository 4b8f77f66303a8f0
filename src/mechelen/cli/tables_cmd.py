"""``mechelen tables``: build protected tables from the workspace and publish them; audit them."""

from __future__ import annotations

import getpass
from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from mechelen.cli.data_cmd import WorkspaceOption
from mechelen.cli.options import LangOption, Language
from mechelen.cli.problems_output import EXIT_BAD_INPUT, console, error_console, exit_on_problems
from mechelen.cli.progress import work_progress
from mechelen.engine.ingest.workspace import Workspace
from mechelen.engine.publish.audit_release import audit_release
from mechelen.engine.publish.release import Release, make_release
from mechelen.engine.tables.build import STRATEGIES
from mechelen.engine.tables.spec_file import load_spec
from mechelen.i18n import plural_translator, translator

app = typer.Typer(help="Build, protect and publish statistical tables; audit published tables.")


def print_release(release: Release, lang: str) -> None:
    _ = translator(lang)
    ngettext = plural_translator(lang)
    table = Table(title=_("Release {name}").format(name=release.name), header_style="bold")
    for header in (_("Table"), _("Cells"), _("Method"), _("Suppressed"), _("Perturbed")):
        table.add_column(header)
    for protected in release.tables:
        report = protected.report
        table.add_row(
            protected.table.name,
            f"{report.cells:,}",
            report.method,
            f"{report.suppressed_primary + report.suppressed_secondary:,}",
            f"{report.perturbed:,}",
        )
    console.print(table)
    console.print(
        ngettext(
            "{count} file in {folder}; content hash {hash}",
            "{count} files in {folder}; content hash {hash}",
            len(release.files),
        ).format(count=len(release.files), folder=release.folder, hash=release.content_sha256[:16])
    )


@app.command("build")
def build_command(
    spec: Annotated[Path, typer.Argument(help="Table specification (YAML).")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the published files.")],
    workspace: WorkspaceOption = Path("workspace"),
    made_by: Annotated[
        str, typer.Option("--by", help="Who makes the release (for the release log).")
    ] = "",
    strategy: Annotated[
        str, typer.Option(help=f"How margins are computed: {', '.join(STRATEGIES)}.")
    ] = "grouping-sets",
    lang: LangOption = Language.en,
) -> None:
    """Build every table of the spec with all margins, protect them (cell key, suppression or
    differential privacy) and write CSV, SDMX-CSV, HXL, XLSX, JSON and a Data Package, each with
    its disclosure report. Nothing else leaves the workspace."""
    _ = translator(lang.value)
    if strategy not in STRATEGIES:
        raise typer.BadParameter(", ".join(STRATEGIES), param_hint="--strategy")
    with exit_on_problems(lang.value):
        table_spec, text = load_spec(spec)
        with (
            Workspace(workspace) as space,
            work_progress(counted=True) as bar,
        ):
            task = bar.add_task(_("Building tables"), total=len(table_spec.tables))

            def progress(name: str, number: int, total: int) -> None:
                bar.update(task, completed=number - 1, description=name)

            release = make_release(
                space, table_spec, text, out, made_by or getpass.getuser(), strategy, progress
            )
    print_release(release, lang.value)


@app.command("audit")
def audit_command(
    folder: Annotated[Path, typer.Argument(help="Folder of a release written by 'tables build'.")],
    earlier: Annotated[
        list[Path] | None,
        typer.Option(
            "--with",
            help="Folder of an earlier release of the same data, attacked together with it "
            "(repeat for each).",
        ),
    ] = None,
    lang: LangOption = Language.en,
) -> None:
    """Play the attacker on a published release: the tightest interval of every suppressed cell
    from the published tables alone (and those of earlier releases given with --with), with
    every relation release.json writes down (hierarchies, derived dimensions, filters), by
    linear programming. Exits with 1 if one is too narrow."""
    _ = translator(lang.value)
    ngettext = plural_translator(lang.value)
    with exit_on_problems(lang.value):
        result = audit_release(folder, earlier or [])
    missing = sorted(set(result.published_before) - set(result.audited_with))
    if missing:
        error_console.print(
            _(
                "This release was protected together with {names}: give their folders with "
                "--with to attack them together."
            ).format(names=", ".join(missing))
        )
    if not result.applicable:
        console.print(
            _("Release {name} is protected by {method}: no suppressed cell to attack.").format(
                name=result.release, method=result.method
            )
        )
        return
    if result.narrow:
        table = Table(title=_("Suppressed cells an attacker can narrow down"), header_style="bold")
        for header in (
            _("Table"),
            _("Cell"),
            _("Lowest possible value"),
            _("Highest possible value"),
        ):
            table.add_column(header)
        for item in result.narrow:
            cell = ", ".join(f"{k}={v}" for k, v in item.key.items())
            table.add_row(item.table, cell, f"{item.lower:g}", f"{item.upper:g}")
        error_console.print(table)
        error_console.print(
            ngettext(
                "{count} of {total} suppressed cell is narrower than {width:g}.",
                "{count} of {total} suppressed cells are narrower than {width:g}.",
                result.suppressed,
            ).format(count=len(result.narrow), total=result.suppressed, width=result.required_width)
        )
        raise typer.Exit(EXIT_BAD_INPUT)
    console.print(
        ngettext(
            "Audit passed: the {total} suppressed cell that could be below {threshold} keeps an "
            "interval at least {width:g} wide.",
            "Audit passed: each of the {total} suppressed cells that could be below {threshold} "
            "keeps an interval at least {width:g} wide.",
            result.suppressed,
        ).format(total=result.suppressed, threshold=result.threshold, width=result.required_width)
    )
