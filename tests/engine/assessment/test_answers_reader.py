"""Filled forms read back exactly; every bad cell is reported with sheet, row and column."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from mechelen.core.framework.model import Framework
from mechelen.core.problems import Problem, ProblemsFound
from mechelen.engine.assessment import form_layout as layout
from mechelen.engine.assessment.answers_reader import read_answers
from mechelen.engine.assessment.template import FilledRespondent, write_form

FIRST_ROW = layout.HEADER_ROW + 1


def problems_of(framework: Framework, *paths: Path) -> list[Problem]:
    with pytest.raises(ProblemsFound) as raised:
        read_answers(framework, list(paths))
    return list(raised.value.problems)


def edit(path: Path, sheet: str, cell: str, value: object) -> Path:
    book = load_workbook(path)
    book[sheet][cell] = value
    book.save(path)
    return path


def test_round_trip_keeps_every_answer(filled_form: Path, framework: Framework) -> None:
    content = read_answers(framework, [filled_form])
    assert len(content.responses.respondents) == 5
    assert len(content.responses.answers) == 5 * 36
    assert content.place == "Testville" and content.language == "en"
    assert {r.group_id for r in content.responses.respondents} == {
        "local-government",
        "civil-society",
        "academia",
        "private-sector",
    }


def test_a_score_of_7_names_sheet_row_and_column(filled_form: Path, framework: Framework) -> None:
    edit(filled_form, "Respondent 2", f"E{FIRST_ROW + 3}", 7)
    [problem] = problems_of(framework, filled_form)
    assert problem.code == "assess.E008"
    assert problem.params["value"] == "7"
    loc = problem.location
    assert (loc.file, loc.sheet, loc.row, loc.column) == (
        "answers.xlsx",
        "Respondent 2",
        FIRST_ROW + 3,
        "E",
    )


@pytest.mark.parametrize("value", ["high", 2.5, -1, "nan", True])
def test_other_bad_scores(filled_form: Path, framework: Framework, value: object) -> None:
    edit(filled_form, "Respondent 1", f"E{FIRST_ROW}", value)
    assert [p.code for p in problems_of(framework, filled_form)] == ["assess.E008"]


def test_scores_typed_as_text_are_accepted(filled_form: Path, framework: Framework) -> None:
    edit(filled_form, "Respondent 1", f"E{FIRST_ROW}", " 3 ")
    answers = read_answers(framework, [filled_form]).responses.answers
    assert answers[0].score == 3


def test_unknown_sector_and_dimension(filled_form: Path, framework: Framework) -> None:
    edit(filled_form, "Respondent 1", f"A{FIRST_ROW}", "housing/policy-coherence")
    edit(filled_form, "Respondent 1", f"A{FIRST_ROW + 1}", "food/happiness")
    codes = [p.code for p in problems_of(framework, filled_form)]
    # the two rows are unknown, so their real questions are reported missing as well
    assert codes.count("assess.E009") == 1 and codes.count("assess.E016") == 1
    assert codes.count("assess.E011") == 2


def test_unknown_and_empty_group_and_name(filled_form: Path, framework: Framework) -> None:
    edit(filled_form, "Respondent 1", f"B{layout.GROUP_ROW}", "Football club")
    edit(filled_form, "Respondent 2", f"B{layout.GROUP_ROW}", None)
    edit(filled_form, "Respondent 3", f"B{layout.RESPONDENT_ROW}", None)
    codes = sorted(p.code for p in problems_of(framework, filled_form))
    assert codes == ["assess.E005", "assess.E006", "assess.E007"]


def test_group_labels_in_any_language_are_understood(
    filled_form: Path, framework: Framework
) -> None:
    edit(filled_form, "Respondent 1", f"B{layout.GROUP_ROW}", "Société civile")
    edit(filled_form, "Respondent 2", f"B{layout.GROUP_ROW}", "academia")
    respondents = read_answers(framework, [filled_form]).responses.respondents
    assert [r.group_id for r in respondents[:2]] == ["civil-society", "academia"]


def test_missing_meta_sheet(filled_form: Path, framework: Framework) -> None:
    book = load_workbook(filled_form)
    del book[layout.META_SHEET]
    book.save(filled_form)
    assert "assess.E004" in {p.code for p in problems_of(framework, filled_form)}


def test_empty_file_and_non_spreadsheet(tmp_path: Path, framework: Framework) -> None:
    empty = tmp_path / "empty.xlsx"
    empty.write_bytes(b"")
    fake = tmp_path / "fake.xlsx"
    fake.write_text("name;score\nA;3\n")
    pdf = tmp_path / "report.xlsx"
    pdf.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    problems = problems_of(framework, empty, fake, pdf, tmp_path / "absent.xlsx")
    assert [p.code for p in problems] == [
        "assess.E002",
        "assess.E003",
        "assess.E003",
        "assess.E001",
    ]


def test_blank_sheets_are_skipped_with_a_warning(tmp_path: Path, framework: Framework) -> None:
    path = write_form(
        framework,
        tmp_path / "a.xlsx",
        "en",
        [
            FilledRespondent("A", "academia", {"food/policy-coherence": (2, "")}),
            FilledRespondent("", ""),
        ],
    )
    content = read_answers(framework, [path])
    assert [w.code for w in content.warnings] == ["assess.W001"]
    assert content.warnings[0].location.sheet == "Respondent 2"
    assert len(content.responses.answers) == 36
    assert sum(a.score is None for a in content.responses.answers) == 35


def test_only_blank_sheets_is_an_error(tmp_path: Path, framework: Framework) -> None:
    path = write_form(framework, tmp_path / "blank.xlsx", "en", respondents=2)
    codes = [p.code for p in problems_of(framework, path)]
    assert codes == ["assess.W001", "assess.W001", "assess.E015"]


def test_duplicated_and_deleted_rows(filled_form: Path, framework: Framework) -> None:
    book = load_workbook(filled_form)
    sheet = book["Respondent 1"]
    sheet[f"A{FIRST_ROW + 1}"] = sheet[f"A{FIRST_ROW}"].value
    sheet.delete_rows(FIRST_ROW + 5)
    book.save(filled_form)
    codes = sorted(p.code for p in problems_of(framework, filled_form))
    assert codes == ["assess.E010", "assess.E011", "assess.E011"]


def test_same_respondent_twice(tmp_path: Path, framework: Framework) -> None:
    person = FilledRespondent("Ana", "academia", {"food/policy-coherence": (2, "")})
    path = write_form(framework, tmp_path / "twice.xlsx", "en", [person, person])
    assert [p.code for p in problems_of(framework, path)] == ["assess.E014"]


def test_form_of_another_framework(
    tmp_path: Path, framework: Framework, tiny_framework: Framework
) -> None:
    path = write_form(
        tiny_framework,
        tmp_path / "tiny.xlsx",
        "en",
        [FilledRespondent("A", "city", {"papers/capacity": (1, "")})],
    )
    assert "assess.E013" in {p.code for p in problems_of(framework, path)}


def test_rows_inserted_above_the_table_are_tolerated(
    filled_form: Path, framework: Framework
) -> None:
    book = load_workbook(filled_form)
    book["Respondent 1"].insert_rows(2, amount=3)
    book.save(filled_form)
    assert len(read_answers(framework, [filled_form]).responses.respondents) == 5
