"""``mechelen demo``: the platform on its embedded demo content."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from mechelen.cli.assess_cmd import print_run_summary
from mechelen.cli.options import FrameworkOption, LangOption, Language
from mechelen.cli.problems_output import console, exit_on_problems, framework_or_exit
from mechelen.demo.assessment import write_demo_form
from mechelen.engine.assessment.pipeline import run_assessment
from mechelen.i18n import translator


def demo(
    out: Annotated[
        Path, typer.Option("--out", "-o", help="Folder for the demo form and report.")
    ] = Path("build/demo"),
    lang: LangOption = Language.en,
    framework: FrameworkOption = None,
) -> None:
    """Assess the fictional city of Vennbrugge from its filled form.

    Writes the form with the answers of fourteen respondents from seven stakeholder groups,
    reads it back like any other form, and writes the report.
    """
    _ = translator(lang.value)
    fw = framework_or_exit(framework, lang.value)
    form = write_demo_form(fw, out / f"vennbrugge-answers-{lang.value}.xlsx", lang.value)
    console.print(_("Demo form (fictional answers): {path}").format(path=form))
    with exit_on_problems(lang.value):
        result = run_assessment(fw, [form], out / f"report-{lang.value}", lang=lang.value)
    print_run_summary(result)
