"""The ``mechelen`` command line."""

from __future__ import annotations

import typer

from mechelen import __version__
from mechelen.cli import assess_cmd, data_cmd, demo_cmd, framework_cmd, report_cmd, tables_cmd

app = typer.Typer(
    name="mechelen",
    help="Mechelen: follow-up of the Mechelen Declaration on Cities and Migration.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    epilog="Exit status: 0 done; 1 problems with the input (listed with their codes, nothing "
    "written); 2 a usage error; 'data ingest' also 3 (some rows rejected, the good ones kept) "
    "and 4 (refused: it would lose too many rows, the dataset unchanged). See docs/cli.md.",
)
app.add_typer(framework_cmd.app, name="framework")
app.add_typer(assess_cmd.app, name="assess")
app.add_typer(data_cmd.app, name="data")
app.add_typer(tables_cmd.app, name="tables")
app.add_typer(report_cmd.app, name="report")
app.command("demo")(demo_cmd.demo)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"mechelen {__version__}")
        raise typer.Exit()


@app.callback()
def root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Show the version."
    ),
) -> None:
    """Mechelen: follow-up of the Mechelen Declaration on Cities and Migration."""


def main() -> None:
    app()
