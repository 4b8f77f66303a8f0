"""Write the assessment workbook that stakeholders fill in offline (optionally pre-filled)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from mechelen.core.assessment.questionnaire import build_questionnaire, question_text
from mechelen.core.framework.model import Framework
from mechelen.core.messages import N_
from mechelen.engine.assessment import form_layout as layout
from mechelen.i18n import Translator, translator

_HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
_HEADER_FONT = Font(bold=True, color="FFFFFF")
_INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")
_CODE_FONT = Font(color="808080", size=8)
_WRAP = Alignment(wrap_text=True, vertical="top")


@dataclass(frozen=True)
class FilledRespondent:
    """A respondent's sheet content: name, group and answers by question id (score, evidence)."""

    name: str
    group_id: str
    answers: Mapping[str, tuple[int | None, str]] = field(default_factory=dict)


def write_form(
    framework: Framework,
    path: Path,
    lang: str = "en",
    respondents: Sequence[FilledRespondent] | int = 1,
    place: str = "",
    note: str = "",
) -> Path:
    """Write the workbook to ``path``: blank sheets if ``respondents`` is a count."""
    _ = translator(lang)
    workbook = Workbook()
    instructions = workbook.active
    assert instructions is not None
    instructions.title = _(N_("Instructions"))[:31]
    _write_instructions(instructions, framework, lang, place, _)
    scale = workbook.create_sheet(_(N_("Scale"))[:31])
    _write_scale(scale, framework, lang, _)
    meta = workbook.create_sheet(layout.META_SHEET)
    group_labels = [g.label.get(lang) for g in framework.stakeholder_groups]
    _write_meta(meta, framework, lang, place, note, [instructions.title, scale.title], group_labels)
    filled = (
        [FilledRespondent("", "") for _i in range(respondents)]
        if isinstance(respondents, int)
        else list(respondents)
    )
    for number, respondent in enumerate(filled, start=1):
        sheet = workbook.create_sheet(f"{_(layout.RESPONDENT_LABEL)} {number}"[:31])
        _write_respondent(sheet, framework, lang, respondent, len(group_labels), _)
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)
    return path


def _write_instructions(
    sheet: Worksheet, framework: Framework, lang: str, place: str, _: Translator
) -> None:
    lines = [
        _(N_("Joint initial assessment (Mechelen Declaration, paragraph 50)")),
        f"{framework.title.get(lang)} - {framework.id} {framework.version}",
        f"{_(N_('Place assessed'))}: {place}" if place else "",
        "",
        _(
            N_(
                "Each respondent fills in one sheet named 'Respondent'. For more respondents, "
                "copy a respondent sheet (right-click the tab, Move or Copy, Create a copy)."
            )
        ),
        _(N_("Write your name and choose your stakeholder group at the top of your sheet.")),
        _(
            N_(
                "Give each question a score from 0 to 4; the sheet 'Scale' says what each level "
                "means. Leave the score empty if you do not know: it is counted as no answer."
            )
        ),
        _(N_("Rate the urgency of each sector from 0 (not urgent) to 4 (critical).")),
        _(N_("Add evidence in your own words: documents, figures, examples.")),
        _(N_("Do not change the grey Code column: it identifies each question.")),
        _(
            N_(
                "Every stakeholder group counts equally in the results, however many people "
                "answer for it."
            )
        ),
    ]
    for row, line in enumerate(lines, start=1):
        sheet.cell(row=row, column=1, value=line).alignment = _WRAP
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.column_dimensions["A"].width = 110


def _write_scale(sheet: Worksheet, framework: Framework, lang: str, _: Translator) -> None:
    headers = (_(N_("Dimension")), _(N_("Score")), _(N_("Level")), _(N_("Description")))
    sheet.append(headers)
    for dimension in framework.dimensions:
        for level in dimension.levels:
            sheet.append(
                (
                    dimension.label.get(lang),
                    level.score,
                    level.label.get(lang),
                    level.description.get(lang),
                )
            )
    for level in framework.urgency_levels:
        sheet.append(
            (_(N_("Urgency")), level.score, level.label.get(lang), level.description.get(lang))
        )
    _style_header(sheet, 1, len(headers))
    for letter, width in zip("ABCD", (28, 8, 24, 90), strict=True):
        sheet.column_dimensions[letter].width = width


def _write_meta(
    sheet: Worksheet,
    framework: Framework,
    lang: str,
    place: str,
    note: str,
    info_sheets: list[str],
    group_labels: list[str],
) -> None:
    values = {
        "format": layout.FORMAT_VERSION,
        "framework": framework.id,
        "version": framework.version,
        "language": lang,
        "place": place,
        "note": note,
        "info_sheets": "|".join(info_sheets),
    }
    for row, key in enumerate(layout.META_KEYS, start=1):
        sheet.cell(row=row, column=1, value=key)
        _put(sheet, row, 2, values[key])
    for row, label in enumerate(group_labels, start=1):
        sheet.cell(row=row, column=4, value=label)
    sheet.sheet_state = "hidden"


def _write_respondent(
    sheet: Worksheet,
    framework: Framework,
    lang: str,
    respondent: FilledRespondent,
    group_count: int,
    _: Translator,
) -> None:
    sheet.cell(row=layout.TITLE_ROW, column=1, value=_(N_("Joint initial assessment"))).font = Font(
        bold=True, size=14
    )
    group_label = (
        framework.group(respondent.group_id).label.get(lang) if respondent.group_id else ""
    )
    for row, label, value in (
        (layout.RESPONDENT_ROW, layout.RESPONDENT_LABEL, respondent.name),
        (layout.GROUP_ROW, layout.GROUP_LABEL, group_label),
    ):
        sheet.cell(row=row, column=1, value=_(label)).font = Font(bold=True)
        _put(sheet, row, 2, value or None).fill = _INPUT_FILL
    groups = DataValidation(
        type="list",
        formula1=f"'{layout.META_SHEET}'!$D$1:$D${group_count}",
        allow_blank=True,
        showErrorMessage=True,
        errorTitle=_(layout.GROUP_LABEL),
        error=_(N_("Choose a stakeholder group from the list.")),
    )
    sheet.add_data_validation(groups)
    groups.add(f"B{layout.GROUP_ROW}")

    for column, header in enumerate(layout.HEADERS, start=1):
        sheet.cell(row=layout.HEADER_ROW, column=column, value=_(header))
    _style_header(sheet, layout.HEADER_ROW, len(layout.HEADERS))
    scores = DataValidation(
        type="whole",
        operator="between",
        formula1="0",
        formula2=str(framework.max_score),
        allow_blank=True,
        showErrorMessage=True,
        error=_(N_("Enter a whole number from 0 to 4, or leave the cell empty.")),
    )
    sheet.add_data_validation(scores)
    row = layout.HEADER_ROW
    for question in build_questionnaire(framework):
        row += 1
        score, evidence = respondent.answers.get(question.id, (None, ""))
        if question.kind == "urgency":
            dimension_label = _(N_("Urgency"))
            text = _(N_("How urgent is action in this sector? 0 = not urgent, 4 = critical."))
        else:
            dimension_label = framework.dimension(question.dimension_id).label.get(lang)
            text = question_text(framework, question, lang)
        values = (
            question.id,
            framework.sector(question.sector_id).label.get(lang),
            dimension_label,
            text,
            score,
            evidence or None,
        )
        for column, content in enumerate(values, start=1):
            _put(sheet, row, column, content).alignment = _WRAP
        sheet.cell(row=row, column=layout.CODE_COLUMN).font = _CODE_FONT
        sheet.cell(row=row, column=layout.SCORE_COLUMN).fill = _INPUT_FILL
        sheet.cell(row=row, column=layout.EVIDENCE_COLUMN).fill = _INPUT_FILL
    scores.add(f"E{layout.HEADER_ROW + 1}:E{row}")
    for letter, width in zip("ABCDEF", (22, 22, 22, 60, 8, 50), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = f"A{layout.HEADER_ROW + 1}"


def _style_header(sheet: Worksheet, row: int, columns: int) -> None:
    for column in range(1, columns + 1):
        cell = sheet.cell(row=row, column=column)
        cell.fill = _HEADER_FILL
        cell.font = _HEADER_FONT
        cell.alignment = _WRAP


def _put(sheet: Worksheet, row: int, column: int, value: object) -> Cell:
    """Write a value; text stays text even when it starts with ``=``: openpyxl would write a
    formula, which a spreadsheet runs (formula injection) and the reader reads back empty."""
    cell = sheet.cell(row=row, column=column, value=value)
    if isinstance(value, str) and cell.data_type == "f":
        cell.data_type = "s"
    return cell
