"""Read filled assessment workbooks back, reporting every bad cell with sheet, row and column.

Nothing is dropped silently: an empty score is kept as "no answer", a sheet without any answer
is skipped with a warning, and every other irregularity is an error that stops the run.
"""

from __future__ import annotations

import math
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from mechelen.core.assessment.questionnaire import URGENCY, build_questionnaire
from mechelen.core.assessment.responses import Answer, Respondent, Responses
from mechelen.core.framework.model import Framework
from mechelen.core.problems import Location, Problem, ProblemsFound, errors_only
from mechelen.engine.assessment import form_layout as layout
from mechelen.i18n import LANGUAGES, translator


@dataclass
class FormContent:
    """What the workbooks hold: the responses, the form's metadata and the warnings."""

    responses: Responses
    place: str = ""
    note: str = ""
    language: str = "en"
    warnings: list[Problem] = field(default_factory=list)


def read_answers(framework: Framework, paths: Sequence[Path]) -> FormContent:
    """Read one or more filled workbooks; raise ProblemsFound listing every error found."""
    problems: list[Problem] = []
    respondents: list[Respondent] = []
    answers: list[Answer] = []
    meta: dict[str, str] = {}
    seen: dict[tuple[str, str], str] = {}
    for path in paths:
        book = _open(path, problems)
        if book is None:
            continue
        reader = _WorkbookReader(framework, path.name, book)
        file_meta = reader.read_meta(problems)
        for key, value in file_meta.items():
            meta.setdefault(key, value)
        for sheet_respondent, sheet_answers in reader.read_respondents(problems):
            identity = (sheet_respondent.name.casefold(), sheet_respondent.group_id)
            if identity in seen:
                problems.append(
                    Problem(
                        "assess.E014",
                        {
                            "name": sheet_respondent.name,
                            "group": sheet_respondent.group_id,
                            "other": seen[identity],
                        },
                        Location(file=path.name, sheet=sheet_respondent.id.split("#", 1)[1]),
                    )
                )
            seen[identity] = sheet_respondent.id.split("#", 1)[1]
            respondents.append(sheet_respondent)
            answers.extend(sheet_answers)
    if not errors_only(problems) and not respondents:
        problems.append(Problem("assess.E015", {}, Location(file=", ".join(p.name for p in paths))))
    errors = errors_only(problems)
    if errors:
        raise ProblemsFound(problems)
    return FormContent(
        responses=Responses(tuple(respondents), tuple(answers)),
        place=meta.get("place", ""),
        note=meta.get("note", ""),
        language=meta.get("language", "en"),
        warnings=[p for p in problems if not p.is_error],
    )


def _open(path: Path, problems: list[Problem]) -> Any:
    where = Location(file=path.name)
    if not path.is_file():
        problems.append(Problem("assess.E001", {"path": str(path)}, where))
        return None
    if path.stat().st_size == 0:
        problems.append(Problem("assess.E002", {}, where))
        return None
    try:
        return load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError):
        problems.append(Problem("assess.E003", {}, where))
        return None


def _labels(message: str) -> set[str]:
    """An interface label in every language, folded for comparison."""
    return {translator(lang)(message).casefold() for lang in LANGUAGES}


def _text(value: object) -> str:
    return "" if value is None else str(value).strip()


class _WorkbookReader:
    def __init__(self, framework: Framework, file: str, book: Any) -> None:
        self.framework = framework
        self.file = file
        self.book = book
        self.group_ids = self._group_lookup()
        self.questions = {q.id: q for q in build_questionnaire(framework)}
        self.sector_ids = {s.id for s in framework.sectors}
        self.dimension_ids = {d.id for d in framework.dimensions} | {URGENCY}
        self.max_score = framework.max_score
        self.max_urgency = framework.max_urgency

    def _group_lookup(self) -> dict[str, str]:
        lookup = {}
        for group in self.framework.stakeholder_groups:
            lookup[group.id.casefold()] = group.id
            for label in group.label.values.values():
                lookup[label.casefold()] = group.id
        return lookup

    def where(self, sheet: str, row: int | None = None, column: int | None = None) -> Location:
        letter = layout.column_letter(column) if column else None
        return Location(file=self.file, sheet=sheet, row=row, column=letter)

    def read_meta(self, problems: list[Problem]) -> dict[str, str]:
        if layout.META_SHEET not in self.book.sheetnames:
            problems.append(
                Problem("assess.E004", {"sheet": layout.META_SHEET}, self.where(layout.META_SHEET))
            )
            self.info_sheets: set[str] = set()
            return {}
        meta = {}
        for row in self.book[layout.META_SHEET].iter_rows(min_col=1, max_col=2, values_only=True):
            if row and row[0] in layout.META_KEYS:
                meta[str(row[0])] = _text(row[1])
        self.info_sheets = set(filter(None, meta.get("info_sheets", "").split("|")))
        found = meta.get("framework", "")
        if found and found != self.framework.id:
            problems.append(
                Problem(
                    "assess.E013",
                    {"found": found, "expected": self.framework.id},
                    self.where(layout.META_SHEET),
                )
            )
        return meta

    def read_respondents(
        self, problems: list[Problem]
    ) -> Iterable[tuple[Respondent, list[Answer]]]:
        names = [
            n for n in self.book.sheetnames if n != layout.META_SHEET and n not in self.info_sheets
        ]
        for name in names:
            result = self._read_sheet(name, problems)
            if result is not None:
                yield result

    def _read_sheet(
        self, sheet_name: str, problems: list[Problem]
    ) -> tuple[Respondent, list[Answer]] | None:
        rows = list(self.book[sheet_name].iter_rows(max_col=len(layout.HEADERS), values_only=True))
        code_labels = _labels(layout.CODE_HEADER)
        header = next(
            (
                i
                for i, row in enumerate(rows[: layout.HEADER_SEARCH_ROWS])
                if row and _text(row[0]).casefold() in code_labels
            ),
            None,
        )
        if header is None:
            problems.append(
                Problem("assess.E012", {"rows": layout.HEADER_SEARCH_ROWS}, self.where(sheet_name))
            )
            return None
        sheet_problems: list[Problem] = []
        answers: list[Answer] = []
        first_row: dict[str, int] = {}
        respondent_id = f"{self.file}#{sheet_name}"
        for index in range(header + 1, len(rows)):
            answer = self._read_row(
                sheet_name, index + 1, rows[index], respondent_id, first_row, sheet_problems
            )
            if answer is not None:
                answers.append(answer)
        has_content = any(a.score is not None or a.evidence for a in answers)
        if not has_content and not errors_only(sheet_problems):
            problems.append(Problem("assess.W001", {}, self.where(sheet_name), severity="warning"))
            return None
        for missing in (q for q in self.questions if q not in first_row):
            sheet_problems.append(
                Problem("assess.E011", {"value": missing}, self.where(sheet_name))
            )
        name, group_id = self._read_identity(sheet_name, rows[:header], sheet_problems)
        problems.extend(sheet_problems)
        return Respondent(respondent_id, name, group_id), answers

    def _read_identity(
        self, sheet_name: str, rows: list[tuple[Any, ...]], problems: list[Problem]
    ) -> tuple[str, str]:
        name_labels, group_labels = _labels(layout.RESPONDENT_LABEL), _labels(layout.GROUP_LABEL)
        name_row = group_row = None
        name = group_value = ""
        for number, row in enumerate(rows, start=1):
            label = _text(row[0]).casefold() if row else ""
            if label in name_labels:
                name_row, name = number, _text(row[1] if len(row) > 1 else None)
            elif label in group_labels:
                group_row, group_value = number, _text(row[1] if len(row) > 1 else None)
        if not name:
            cell = f"B{name_row or layout.RESPONDENT_ROW}"
            problems.append(
                Problem("assess.E005", {"cell": cell}, self.where(sheet_name, name_row, 2))
            )
        group_id = self.group_ids.get(group_value.casefold(), "")
        if not group_value:
            cell = f"B{group_row or layout.GROUP_ROW}"
            problems.append(
                Problem("assess.E007", {"cell": cell}, self.where(sheet_name, group_row, 2))
            )
        elif not group_id:
            expected = ", ".join(g.id for g in self.framework.stakeholder_groups)
            problems.append(
                Problem(
                    "assess.E006",
                    {"value": group_value, "expected": expected},
                    self.where(sheet_name, group_row, 2),
                )
            )
        return name, group_id

    def _read_row(
        self,
        sheet_name: str,
        row_number: int,
        row: tuple[Any, ...],
        respondent_id: str,
        first_row: dict[str, int],
        problems: list[Problem],
    ) -> Answer | None:
        cells = (*row, *([None] * (len(layout.HEADERS) - len(row))))
        code = _text(cells[layout.CODE_COLUMN - 1])
        raw_score = cells[layout.SCORE_COLUMN - 1]
        evidence = _text(cells[layout.EVIDENCE_COLUMN - 1])
        where = self.where(sheet_name, row_number, layout.CODE_COLUMN)
        if not code:
            if _text(raw_score) or evidence:
                problems.append(Problem("assess.E017", {}, where))
            return None
        sector, _, dimension = code.partition("/")
        if sector not in self.sector_ids:
            problems.append(Problem("assess.E009", {"value": code, "sector": sector}, where))
            return None
        if dimension not in self.dimension_ids:
            problems.append(Problem("assess.E016", {"value": code, "dimension": dimension}, where))
            return None
        if code in first_row:
            problems.append(
                Problem("assess.E010", {"value": code, "first": first_row[code]}, where)
            )
            return None
        first_row[code] = row_number
        high = self.max_urgency if dimension == URGENCY else self.max_score
        score = _score(raw_score, high)
        if score is _INVALID:
            problems.append(
                Problem(
                    "assess.E008",
                    {"value": _text(raw_score), "low": 0, "high": high},
                    self.where(sheet_name, row_number, layout.SCORE_COLUMN),
                )
            )
            return None
        assert not isinstance(score, _Invalid)
        return Answer(respondent_id, code, score, evidence)


class _Invalid:
    pass


_INVALID = _Invalid()


def _score(value: object, high: int) -> int | _Invalid | None:
    """A whole score from 0 to ``high``; None for an empty cell; _INVALID for anything else."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        return _INVALID
    number: float
    if isinstance(value, int | float):
        number = value
    elif isinstance(value, str):
        try:
            number = float(value.strip().replace(",", "."))
        except ValueError:
            return _INVALID
    else:
        return _INVALID
    if not math.isfinite(number) or number != int(number) or not 0 <= number <= high:
        return _INVALID
    return int(number)
