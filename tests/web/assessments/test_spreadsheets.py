"""The XLSX form from the web: download it, upload filled ones; bad files save nothing."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook

from mechelen.engine.assessment import form_layout as layout
from mechelen.engine.assessment.answers_reader import read_answers
from mechelen.web.assessments.models import AssessmentRound, Invitation
from mechelen.web.audit.models import AuditEntry
from mechelen.web.framework_data import framework
from mechelen.web.tenancy.roles import Role
from tests.web.assessments.conftest import upload, url
from tests.web.conftest import World, client_for

FIRST_ROW = layout.HEADER_ROW + 1


def post(world: World, item: AssessmentRound, *files: object) -> str:
    response = client_for(world.a.users[Role.COORDINATOR]).post(
        url("import", item), {"workbooks": list(files)}
    )
    assert response.status_code in (200, 302)
    return response.content.decode() if response.status_code == 200 else ""


def nothing_saved(item: AssessmentRound) -> bool:
    return (
        not Invitation.objects.filter(round=item).exists()
        and not AuditEntry.objects.filter(action="assessment.import").exists()
    )


def with_bad_cell(demo_form: bytes) -> bytes:
    book = load_workbook(io.BytesIO(demo_form))
    book["Respondent 2"][f"E{FIRST_ROW + 3}"] = 7
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_the_form_downloads_in_the_chosen_language_and_reads_back(
    world: World, round_a: AssessmentRound, tmp_path: Path
) -> None:
    response = client_for(world.a.users[Role.COORDINATOR]).get(url("form", round_a) + "?lang=es")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    path = tmp_path / "form.xlsx"
    path.write_bytes(response.content)
    book = load_workbook(path)
    meta = {row[0]: row[1] for row in book[layout.META_SHEET].iter_rows(values_only=True) if row[0]}
    assert (
        meta["language"] == "es"
        and meta["place"] == "City A"
        and meta["framework"] == "mechelen-2017"
    )
    sheet = book.worksheets[3]
    sheet.cell(layout.RESPONDENT_ROW, 2, "Ana")
    sheet.cell(layout.GROUP_ROW, 2, "academia")
    sheet.cell(FIRST_ROW, layout.SCORE_COLUMN, 3)
    book.save(path)
    content = read_answers(framework(), [path])
    assert [a.score for a in content.responses.answers if a.score is not None] == [3]


def test_a_valid_form_creates_submitted_respondents_without_accounts(
    world: World, round_a: AssessmentRound, demo_form: bytes
) -> None:
    post(world, round_a, upload(demo_form, "demo.xlsx"))
    invitations = Invitation.objects.filter(round=round_a)
    assert invitations.count() == 14
    assert all(i.user is None and i.submitted for i in invitations)
    entry = AuditEntry.objects.get(action="assessment.import", target_id=str(round_a.pk))
    assert entry.details["respondents"] == 14 and entry.details["files"] == ["demo.xlsx"]
    # the same form again would count everybody twice: refused, nothing added
    page = post(world, round_a, upload(demo_form, "demo.xlsx"))
    assert "already answers for this stakeholder group" in page
    assert invitations.count() == 14


def test_a_bad_cell_is_listed_with_sheet_row_column_and_nothing_is_saved(
    world: World, round_a: AssessmentRound, demo_form: bytes
) -> None:
    page = post(world, round_a, upload(with_bad_cell(demo_form), "vennbrugge.xlsx"))
    assert f"vennbrugge.xlsx, sheet &#x27;Respondent 2&#x27;, row {FIRST_ROW + 3}, column E" in page
    assert "The score &#x27;7&#x27; is not allowed" in page and "assess.E008" in page
    assert nothing_saved(round_a)


def test_one_bad_file_among_good_ones_saves_nothing(
    world: World, round_a: AssessmentRound, demo_form: bytes
) -> None:
    page = post(
        world, round_a, upload(demo_form, "good.xlsx"), upload(b"name;score\nx;1\n", "bad.xlsx")
    )
    assert "not an Excel workbook" in page
    assert nothing_saved(round_a)


@pytest.mark.parametrize(
    "content",
    [
        b"Code,Score\nfood/urgency,3\n",  # a CSV renamed .xlsx
        b"%PDF-1.7 not a workbook",
        b"",
    ],
)
def test_a_renamed_file_is_refused(world: World, round_a: AssessmentRound, content: bytes) -> None:
    page = post(world, round_a, upload(content, "answers.xlsx"))
    assert "not an Excel workbook" in page or "empty" in page
    assert nothing_saved(round_a)


def test_a_zip_that_is_not_a_workbook_is_refused(world: World, round_a: AssessmentRound) -> None:
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    page = post(world, round_a, upload(packed.getvalue(), "letter.xlsx"))
    assert "This file is not an Excel workbook (.xlsx), whatever its name says." in page
    assert nothing_saved(round_a)


def test_uploads_over_the_size_limit_are_refused(
    world: World, round_a: AssessmentRound, demo_form: bytes, settings: object
) -> None:
    settings.MAX_UPLOAD_MB = 0  # type: ignore[attr-defined]
    page = post(world, round_a, upload(demo_form, "demo.xlsx"))
    assert "larger than the limit of 0 MB" in page
    assert nothing_saved(round_a)
