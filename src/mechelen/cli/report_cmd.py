"""``mechelen report``: the follow-up report of a city or the report of a network.

The reports are assembled from the web platform's database, which only the web layer may
read (the command line never imports Django). So these commands run the platform's management
commands (``python -m mechelen.web.manage report_city ...``) in a child process, with the same
options, and pass its messages and exit status through.
"""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from mechelen.cli.options import LangOption, Language

app = typer.Typer(help="Write the follow-up and review report of a city, or a network's report.")


class Format(StrEnum):
    pdf = "pdf"
    html = "html"


FormatOption = Annotated[Format, typer.Option("--format", help="pdf or html.")]
OutOption = Annotated[Path, typer.Option("--out", "-o", help="File to write.")]
DateOption = Annotated[
    datetime | None,
    typer.Option(
        "--date",
        formats=["%Y-%m-%d"],
        help="Generation date printed on the cover (default: today).",
        show_default=False,
    ),
]


def run_manage(command: str, name: str, options: list[str]) -> int:
    """Run ``manage.py <command> <name> <options>``; its output goes straight to ours."""
    argv = [sys.executable, "-m", "mechelen.web.manage", command, name, *options]
    return subprocess.run(argv, check=False).returncode


def _options(lang: Language, fmt: Format, out: Path, date: datetime | None) -> list[str]:
    options = ["--lang", lang.value, "--format", fmt.value, "--out", str(out)]
    if date is not None:
        options += ["--date", date.date().isoformat()]
    return options


@app.command("city")
def city(
    name: Annotated[str, typer.Argument(help="The city's short name (slug), e.g. mechelen.")],
    out: OutOption,
    lang: LangOption = Language.en,
    fmt: FormatOption = Format.pdf,
    public: Annotated[
        bool, typer.Option("--public", help="The public version: published content only.")
    ] = False,
    date: DateOption = None,
) -> None:
    """The follow-up and review report of a city: commitments, assessment change, indicators,
    data coverage, and everything by GCM objective, SDG target and New Urban Agenda theme."""
    options = _options(lang, fmt, out, date) + (["--public"] if public else [])
    raise typer.Exit(run_manage("report_city", name, options))


@app.command("network")
def network(
    name: Annotated[str, typer.Argument(help="The network's short name (slug).")],
    out: OutOption,
    lang: LangOption = Language.en,
    fmt: FormatOption = Format.pdf,
    date: DateOption = None,
) -> None:
    """The network's picture: endorsements, commitments taken and achieved, shared assessment
    results, published indicators, and a map of member cities by country."""
    raise typer.Exit(run_manage("report_network", name, _options(lang, fmt, out, date)))
