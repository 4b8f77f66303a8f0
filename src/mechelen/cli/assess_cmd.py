"""``mechelen assess``: the joint initial assessment of paragraph 50, offline with spreadsheets."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from mechelen.cli.options import FrameworkOption, LangOption, Language
from mechelen.cli.problems_output import (
    console,
    exit_on_problems,
    framework_or_exit,
    print_problems,
)
from mechelen.core.assessment.aggregation import DISAGREEMENT_LEVELS
from mechelen.core.assessment.priorities import PriorityMethod
from mechelen.engine.assessment.pipeline import AssessmentRun, run_assessment
from mechelen.engine.assessment.template import write_form
from mechelen.engine.reporting.wording import Wording
from mechelen.i18n import translator

app = typer.Typer(help="Run the joint initial assessment: make the form, read the answers, report.")


@app.command("template")
def template(
    out: Annotated[Path, typer.Option("--out", "-o", help="Workbook to write (.xlsx).")],
    lang: LangOption = Language.en,
    respondents: Annotated[
        int, typer.Option(min=1, max=200, help="Number of blank respondent sheets.")
    ] = 1,
    place: Annotated[str, typer.Option(help="Name of the city or region assessed.")] = "",
    framework: FrameworkOption = None,
) -> None:
    """Write the assessment form: one sheet per respondent with a 0-4 score and evidence for
    every sector x dimension, and each sector's urgency."""
    fw = framework_or_exit(framework, lang.value)
    if out.suffix.lower() != ".xlsx":
        out = out.with_suffix(".xlsx")
    with exit_on_problems(lang.value):
        write_form(fw, out, lang=lang.value, respondents=respondents, place=place)
    _ = translator(lang.value)
    console.print(_("Form written to {path}").format(path=out))


def print_run_summary(run: AssessmentRun) -> None:
    _ = translator(run.language)
    words = Wording(run.report.framework, run.language)
    table = Table(title=_("Ranked priorities"), header_style="bold")
    table.add_column(_("Rank"), justify="right")
    table.add_column(_("Sector"))
    table.add_column(_("Priority"), justify="right")
    table.add_column(_("Why"))
    for priority in run.report.priorities:
        table.add_row(
            str(priority.rank),
            words.sector(priority.sector_id),
            words.number(priority.score, 2),
            words.reasons(priority),
        )
    console.print(table)
    if run.report.warnings:
        print_problems(run.report.warnings, run.language)
    console.print(_("Report: {path}").format(path=run.html))
    console.print(_("Data (JSON): {path}").format(path=run.json))


@app.command("run")
def run(
    forms: Annotated[list[Path], typer.Argument(help="Filled workbooks (.xlsx), one or more.")],
    out: Annotated[
        Path, typer.Option("--out", "-o", help="Folder for report.html and report.json.")
    ],
    lang: Annotated[
        Language | None,
        typer.Option(
            "--lang", "-l", help="Language of the report (default: the form's).", show_default=False
        ),
    ] = None,
    place: Annotated[
        str | None, typer.Option(help="Place assessed (default: the form's).", show_default=False)
    ] = None,
    urgency_weight: Annotated[
        float,
        typer.Option(
            min=0.0, max=1.0, help="Weight w of urgency in need = gap x ((1-w) + w x urgency)."
        ),
    ] = 0.5,
    decay: Annotated[
        float,
        typer.Option(
            min=0.0, max=0.99, help="Weight of a blocked sector's need per step of dependency."
        ),
    ] = 0.5,
    disagreement: Annotated[
        float, typer.Option(min=0.5, help="Spread between group averages flagged as disagreement.")
    ] = DISAGREEMENT_LEVELS,
    framework: FrameworkOption = None,
) -> None:
    """Read filled forms, aggregate with equal weight per stakeholder group, rank the sectors,
    and write the HTML report and its JSON data. Bad cells are listed and nothing is written."""
    message_lang = lang.value if lang else "en"
    fw = framework_or_exit(framework, message_lang)
    with exit_on_problems(message_lang):
        result = run_assessment(
            fw,
            forms,
            out,
            lang=lang.value if lang else None,
            method=PriorityMethod(urgency_weight=urgency_weight, decay=decay),
            disagreement_levels=disagreement,
            place=place,
        )
    print_run_summary(result)
