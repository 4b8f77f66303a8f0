"""The XLSX form of a round: write it for download, check and read uploaded filled forms.

The collected answers of a round are written in the same layout (one sheet per respondent
who submitted), so an exported file can be imported again unchanged.

An upload is accepted only when it is small enough and really is an Excel workbook (a zip
holding the OOXML parts; the shared check of :mod:`mechelen.web.uploads`) that does not
unpack to far more than a form holds, so a renamed file is refused with a clear message
before the reader ever opens it. Every problem the reader finds is shown with its sheet, row and column.
"""

from __future__ import annotations

import re
import tempfile
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from mechelen.core.problems import Problem, ProblemsFound
from mechelen.engine.assessment.answers_reader import FormContent, read_answers
from mechelen.engine.assessment.template import FilledRespondent, write_form
from mechelen.i18n import render_location, render_problem
from mechelen.web import uploads
from mechelen.web.assessments.models import AssessmentRound
from mechelen.web.assessments.reading import responses_of
from mechelen.web.framework_data import framework

#: the parts every Excel workbook (OOXML spreadsheet) holds
WORKBOOK_PARTS = uploads.XLSX_PARTS
WORKBOOK_CONTENT_TYPE = uploads.media_type("xlsx")
#: unpacked size allowed per packed byte (guards against zip bombs)
MAX_UNPACK_RATIO = 100


@dataclass(frozen=True)
class ShownProblem:
    """A problem as shown to a person: its code, where it is, and the translated message."""

    code: str
    where: str
    message: str


def shown(problem: Problem, lang: str) -> ShownProblem:
    return ShownProblem(
        problem.code, render_location(problem.location, lang), render_problem(problem, lang)
    )


def safe_name(name: str) -> str:
    """A file name safe to write in a temporary folder and to show in messages."""
    cleaned = re.sub(r"[^\w.\- ]", "_", Path(name).name).strip(" .")
    return cleaned[:100] or "form.xlsx"


def check_upload(upload: UploadedFile) -> list[ShownProblem]:
    """Problems with the file itself: too large, not an Excel workbook (whatever its name)."""
    name = safe_name(upload.name or "")
    try:
        uploads.check_file(None, upload.size, upload, ["xlsx"], settings.MAX_UPLOAD_MB)
    except uploads.FileRefused as refused:
        if refused.code == "too_large":
            return [
                ShownProblem(
                    "assessments.E001",
                    name,
                    _("The file is larger than the limit of {limit} MB.").format(
                        limit=settings.MAX_UPLOAD_MB
                    ),
                )
            ]
        return [_not_a_workbook(name)]
    limit = settings.MAX_UPLOAD_MB * 1024 * 1024
    try:
        with zipfile.ZipFile(upload) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return [_not_a_workbook(name)]
    finally:
        upload.seek(0)
    if unpacked > max(limit, (upload.size or 0) * MAX_UNPACK_RATIO):
        return [
            ShownProblem(
                "assessments.E003",
                name,
                _("The workbook unpacks to far more data than a filled form holds."),
            )
        ]
    return []


def _not_a_workbook(name: str) -> ShownProblem:
    return ShownProblem(
        "assessments.E002",
        name,
        _(
            "This file is not an Excel workbook (.xlsx), whatever its name says. Download the "
            "form of this round, fill it in, and save it as an Excel workbook."
        ),
    )


def read_uploads(
    uploads: Sequence[UploadedFile], lang: str
) -> tuple[FormContent | None, list[ShownProblem]]:
    """The answers of the filled forms, or every problem found (then nothing is read)."""
    problems = [p for upload in uploads for p in check_upload(upload)]
    if problems:
        return None, problems
    with tempfile.TemporaryDirectory(prefix="mechelen-assessment-") as folder:
        paths = []
        for number, upload in enumerate(uploads, start=1):
            path = Path(folder) / str(number) / safe_name(upload.name or "")
            path.parent.mkdir()
            with path.open("wb") as handle:
                for chunk in upload.chunks():
                    handle.write(chunk)
            paths.append(path)
        try:
            content = read_answers(framework(), paths)
        except ProblemsFound as found:
            return None, [shown(p, lang) for p in found.problems]
    return content, []


def duplicates(assessment_round: AssessmentRound, content: FormContent) -> list[ShownProblem]:
    """Respondents of the forms already in the round (the same form uploaded twice)."""
    known = {
        (name.casefold(), group)
        for name, group in assessment_round.invitations.values_list("name", "group_id")
    }
    found = []
    for respondent in content.responses.respondents:
        if (respondent.name.casefold(), respondent.group_id) in known:
            file, _sep, sheet = respondent.id.partition("#")
            found.append(
                ShownProblem(
                    "assessments.E004",
                    f"{file}, {sheet}",
                    _(
                        "{name} already answers for this stakeholder group in this round; "
                        "was this form uploaded before?"
                    ).format(name=respondent.name),
                )
            )
    return found


def form_workbook(assessment_round: AssessmentRound, lang: str, sheets: int = 1) -> bytes:
    """The blank XLSX form of the round in ``lang``."""
    return _workbook(assessment_round, lang, sheets)


def collected_respondents(assessment_round: AssessmentRound) -> list[FilledRespondent]:
    """The submitted answers of the round (those the results count), one respondent each.

    Only what the coordinator sees on the round page leaves: the name and the stakeholder
    group (no e-mail, no login). Two respondents of a group with the same name get a number
    (``Ana (2)``), because a workbook names each respondent of a group once.
    """
    responses = responses_of(assessment_round)
    answers: dict[str, dict[str, tuple[int | None, str]]] = {}
    for answer in responses.answers:
        answers.setdefault(answer.respondent_id, {})[answer.question_id] = (
            answer.score,
            answer.evidence,
        )
    taken: set[tuple[str, str]] = set()
    filled = []
    for respondent in responses.respondents:
        name, number = respondent.name, 1
        while (name.casefold(), respondent.group_id) in taken:
            number += 1
            name = f"{respondent.name} ({number})"
        taken.add((name.casefold(), respondent.group_id))
        filled.append(FilledRespondent(name, respondent.group_id, answers.get(respondent.id, {})))
    return filled


def answers_workbook(assessment_round: AssessmentRound, lang: str) -> bytes | None:
    """The submitted answers as an XLSX form in ``lang``; None when nobody submitted yet."""
    respondents = collected_respondents(assessment_round)
    return _workbook(assessment_round, lang, respondents) if respondents else None


def _workbook(
    assessment_round: AssessmentRound, lang: str, respondents: Sequence[FilledRespondent] | int
) -> bytes:
    """The round's form in ``lang``: blank sheets (a count) or the respondents' answers."""
    with tempfile.TemporaryDirectory(prefix="mechelen-form-") as folder:
        path = write_form(
            framework(),
            Path(folder) / "form.xlsx",
            lang=lang,
            respondents=respondents,
            place=assessment_round.organisation.name,
            note=assessment_round.title,
        )
        return path.read_bytes()
