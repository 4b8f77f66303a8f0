"""The form: instructions, scale, one sheet per respondent with every question, in the language."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook

from mechelen.core.framework.model import Framework
from mechelen.engine.assessment import form_layout as layout
from mechelen.engine.assessment.answers_reader import read_answers
from mechelen.engine.assessment.template import FilledRespondent, write_form


def test_template_has_every_question_with_validation(tmp_path: Path, framework: Framework) -> None:
    path = write_form(framework, tmp_path / "form.xlsx", "en", respondents=2, place="Mechelen")
    book = load_workbook(path)
    assert book.sheetnames == [
        "Instructions",
        "Scale",
        layout.META_SHEET,
        "Respondent 1",
        "Respondent 2",
    ]
    assert book[layout.META_SHEET].sheet_state == "hidden"
    sheet = book["Respondent 1"]
    codes = [
        sheet.cell(row=r, column=1).value for r in range(layout.HEADER_ROW + 1, sheet.max_row + 1)
    ]
    assert len(codes) == 9 * 3 + 9
    assert codes[0] == "food/institutional-capacity" and codes[-1] == "access-to-justice/urgency"
    validations = sheet.data_validations.dataValidation
    assert {v.type for v in validations} == {"list", "whole"}
    whole = next(v for v in validations if v.type == "whole")
    assert (whole.formula1, whole.formula2) == ("0", "4")
    scale_rows = list(book["Scale"].iter_rows(min_row=2, values_only=True))
    assert len(scale_rows) == 3 * 5 + 5


def test_template_speaks_french(tmp_path: Path, framework: Framework) -> None:
    book = load_workbook(write_form(framework, tmp_path / "f.xlsx", "fr"))
    sheet = book[book.sheetnames[-1]]
    texts = [
        c.value for row in sheet.iter_rows(max_row=12) for c in row if isinstance(c.value, str)
    ]
    assert "Alimentation" in texts
    assert any(t.startswith("Alimentation : les autorités") for t in texts)
    meta = {r[0]: r[1] for r in book[layout.META_SHEET].iter_rows(max_col=2, values_only=True)}
    assert meta["language"] == "fr" and meta["framework"] == "mechelen-2017"


def test_text_starting_with_an_equals_sign_stays_text(tmp_path: Path, framework: Framework) -> None:
    # openpyxl writes "=..." as a formula, which a spreadsheet would run
    question = "food/institutional-capacity"
    filled = FilledRespondent("=HYPERLINK(1)", "local-government", {question: (2, "=1+1 seen")})
    path = write_form(framework, tmp_path / "f.xlsx", "en", [filled], place="=cmd|' /C calc'!A0")
    book = load_workbook(path)
    for sheet in book.worksheets:
        assert not [c.coordinate for row in sheet.iter_rows() for c in row if c.data_type == "f"]
    content = read_answers(framework, [path])
    assert content.place == "=cmd|' /C calc'!A0"
    assert [r.name for r in content.responses.respondents] == ["=HYPERLINK(1)"]
    [answer] = [a for a in content.responses.answers if a.question_id == question]
    assert (answer.score, answer.evidence) == (2, "=1+1 seen")
