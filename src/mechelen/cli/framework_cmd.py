"""``mechelen framework``: print a framework, check a framework folder."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from mechelen.cli.options import FrameworkOption, LangOption, Language
from mechelen.cli.problems_output import (
    EXIT_BAD_INPUT,
    console,
    error_console,
    framework_or_exit,
    print_problems,
)
from mechelen.core.framework.model import CrosswalkLink, Framework, ScaleLevel
from mechelen.engine.framework import check_framework
from mechelen.i18n import plural_translator, translator

app = typer.Typer(
    help="Read and check migration-governance frameworks such as the Mechelen Declaration."
)


def _links(links: tuple[CrosswalkLink, ...]) -> str:
    return ", ".join(link.target + ("" if link.basis == "stated" else "*") for link in links)


def print_framework(framework: Framework, lang: str) -> None:
    _ = translator(lang)
    out = console.print

    def print_levels(levels: tuple[ScaleLevel, ...]) -> None:
        for level in levels:
            label, description = level.label.get(lang), level.description.get(lang)
            out(f"    {level.score} {escape(label)}: {escape(description)}")

    def heading(title: str, note: str = "") -> None:
        out(f"\n[bold underline]{escape(title)}[/bold underline] {escape(note)}".rstrip())

    out(f"[bold]{escape(framework.title.get(lang))}[/bold] ({framework.id} {framework.version})")
    out(escape(framework.source.get(lang)))
    heading(_("Roles of a place in migration"), "(§16)")
    for role in framework.roles:
        out(f"  [bold]{escape(role.label.get(lang))}[/bold]: {escape(role.description.get(lang))}")
    heading(_("Commitments"), _("(* = crosswalk by team judgement)"))
    for theme in framework.themes:
        out(
            f"\n[bold]{escape(theme.label.get(lang))}[/bold] (§{theme.first_paragraph}-{theme.last_paragraph})"
        )
        for commitment in framework.commitments_of(theme.id):
            out(f"  §{commitment.paragraph} [bold]{escape(commitment.title.get(lang))}[/bold]")
            out(f"      {escape(commitment.summary.get(lang))}")
            out(f"      [dim]→ {_links(commitment.crosswalk)}[/dim]")
    heading(_("Means of implementation"))
    for means in framework.means:
        out(
            f"  §{means.paragraph} [bold]{escape(means.title.get(lang))}[/bold]: {escape(means.summary.get(lang))}"
        )
    heading(_("Assessment dimensions"), "(§50a)")
    for dimension in framework.dimensions:
        out(
            f"  [bold]{escape(dimension.label.get(lang))}[/bold]: {escape(dimension.description.get(lang))}"
        )
        print_levels(dimension.levels)
    heading(_("Urgency"), "(§50c)")
    print_levels(framework.urgency_levels)
    heading(_("Stakeholder groups"), "(§50b)")
    for group in framework.stakeholder_groups:
        out(f"  {escape(group.label.get(lang))} [dim]({group.id}, {group.kind})[/dim]")
    heading(_("Sectors"), "(§50c)")
    for sector in framework.sectors:
        out(
            f"  {sector.letter}. [bold]{escape(sector.label.get(lang))}[/bold] [dim]→ {_links(sector.crosswalk)}[/dim]"
        )
    heading(_("Interdependence of sectors"), _("(blocker → blocked)"))
    for dependency in framework.dependencies:
        blocker = framework.sector(dependency.blocker).label.get(lang)
        blocked = framework.sector(dependency.blocked).label.get(lang)
        out(
            f"  {escape(blocker)} → {escape(blocked)}: [dim]{escape(dependency.reason.get(lang))}[/dim]"
        )
    heading(_("Global frameworks referenced"))
    for scheme, title in (
        ("gcm", _("Global Compact for Migration objectives")),
        ("sdg", _("SDG targets")),
        ("nua", _("New Urban Agenda themes")),
    ):
        out(f"  [bold]{title}[/bold]")
        for reference in (r for r in framework.references if r.scheme == scheme):
            out(f"    {reference.key}  {escape(reference.title.get(lang))}")


@app.command("show")
def show(lang: LangOption = Language.en, framework: FrameworkOption = None) -> None:
    """Print the framework: roles, themes and commitments with their crosswalks, means of
    implementation, assessment dimensions and scales, stakeholder groups, sectors and their
    interdependence."""
    print_framework(framework_or_exit(framework, lang.value), lang.value)


@app.command("check")
def check(
    path: Annotated[Path, typer.Argument(help="Framework folder to validate.")],
    lang: LangOption = Language.en,
) -> None:
    """Validate a framework folder; list every problem with file, line and error code.

    Exits with 1 if any error is found (warnings alone exit with 0).
    """
    _ = translator(lang.value)
    ngettext = plural_translator(lang.value)
    result = check_framework(path)
    print_problems(result.problems, lang.value)
    errors = [p for p in result.problems if p.is_error]
    if errors or result.framework is None:
        summary = _("{count} error(s) found in {path}.").format(count=len(errors), path=path)
        error_console.print(f"[red]{escape(summary)}[/red]")
        raise typer.Exit(EXIT_BAD_INPUT)
    fw = result.framework
    console.print(
        "[green]"
        + _(
            "{path}: valid framework {id} {version}: {commitments} commitments, {sectors} sectors, "
            "{dimensions} dimensions, {groups} stakeholder groups, {dependencies} dependencies."
        ).format(
            path=path,
            id=fw.id,
            version=fw.version,
            commitments=len(fw.commitments),
            sectors=len(fw.sectors),
            dimensions=len(fw.dimensions),
            groups=len(fw.stakeholder_groups),
            dependencies=len(fw.dependencies),
        )
        + "[/green]"
    )
    if result.indicators is not None:
        count = len(result.indicators.indicators)
        console.print(
            "[green]"
            + ngettext(
                "{count} indicator in indicators.yaml.",
                "{count} indicators in indicators.yaml.",
                count,
            ).format(count=count)
            + "[/green]"
        )
