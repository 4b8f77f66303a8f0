"""The collected answers of a round download as the XLSX form and import again unchanged."""

from __future__ import annotations

import io
from typing import Any

from openpyxl import load_workbook

from mechelen.engine.assessment import form_layout as layout
from mechelen.web.assessments import actions, reading
from mechelen.web.assessments.models import AssessmentRound, Invitation
from mechelen.web.tenancy.roles import Role
from tests.web.assessments.conftest import upload, url
from tests.web.assessments.factories import SUBMITTED_NAME, invite_and_accept, round_with_answers
from tests.web.conftest import World, client_for

FORMULA = '=HYPERLINK("http://evil.example","click")'


def answered(item: AssessmentRound) -> set[tuple[str, str, tuple[Any, ...]]]:
    """(name, group, sorted answers) of every respondent of the round who submitted; the form
    does not tell "don't know" without evidence from a question left out, so neither counts."""
    return {
        (
            i.name,
            i.group_id,
            tuple(sorted(a for a in actions.answers_of(i).items() if a[1] != (None, ""))),
        )
        for i in item.invitations.filter(submitted_at__isnull=False)
    }


def cell_values(content: bytes) -> dict[str, list[tuple[Any, ...]]]:
    book = load_workbook(io.BytesIO(content))
    return {s.title: list(s.iter_rows(values_only=True)) for s in book.worksheets}


def invite(world: World, item: AssessmentRound, username: str, group: str, name: str) -> Invitation:
    return invite_and_accept(
        world.a.users[Role.COORDINATOR],
        item,
        username,
        email=f"{username}@example.org",
        group_id=group,
        name=name,
        language="fr",
    )


def filled_round(world: World, round_a: AssessmentRound) -> AssessmentRound:
    """Two respondents submitted (one with a formula-like evidence), one only saved a draft."""
    first = invite(world, round_a, "ana", "civil-society", "Welcome network")
    actions.save_answers(
        first.user,
        first,
        {
            "food/urgency": (4, "Food banks are full."),
            "food/policy-coherence": (None, FORMULA),
            "education/institutional-capacity": (0, ""),
        },
        submit=True,
    )
    second = invite(world, round_a, "bo", "local-government", "City hall")
    actions.save_answers(second.user, second, {"food/urgency": (2, "")}, submit=True)
    draft = invite(world, round_a, "cy", "academia", "Draft only")
    actions.save_answers(draft.user, draft, {"food/urgency": (1, "Not submitted")})
    return round_a


def export(world: World, item: AssessmentRound, lang: str = "es") -> bytes:
    response = client_for(world.a.users[Role.COORDINATOR]).get(
        url("answers", item) + f"?lang={lang}"
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert f"answers-{lang}.xlsx" in response["Content-Disposition"]
    return bytes(response.content)


def import_into(world: World, item: AssessmentRound, content: bytes) -> None:
    response = client_for(world.a.users[Role.COORDINATOR]).post(
        url("import", item), {"workbooks": [upload(content, "exported.xlsx")]}
    )
    assert response.status_code == 302, response.content.decode()


def test_the_exported_answers_import_again_unchanged(
    world: World, round_a: AssessmentRound
) -> None:
    content = export(world, filled_round(world, round_a))
    again = actions.open_round(
        world.a.users[Role.COORDINATOR], world.a.organisation, {"title": round_a.title}
    )
    import_into(world, again, content)
    assert answered(again) == answered(round_a)
    assert len(answered(again)) == 2
    assert cell_values(export(world, again)) == cell_values(content)
    original, copy = reading.report_of(round_a), reading.report_of(again)
    assert copy.priorities == original.priorities
    assert [(c.question, c.consensus, dict(c.group_scores)) for c in copy.aggregate.cells] == [
        (c.question, c.consensus, dict(c.group_scores)) for c in original.aggregate.cells
    ]


def test_the_export_holds_submitted_answers_without_logins_or_e_mails(
    world: World, round_a: AssessmentRound
) -> None:
    book = load_workbook(io.BytesIO(export(world, filled_round(world, round_a), "fr")))
    texts = [
        str(cell.value)
        for sheet in book.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if cell.value is not None
    ]
    every = "\n".join(texts)
    assert "Welcome network" in every and "City hall" in every
    assert "Draft only" not in every and "Not submitted" not in every
    assert "@example.org" not in every and "ana" not in texts and "bo" not in texts
    respondents = [s for s in book.worksheets if s.title.startswith("Répondant")]
    assert len(respondents) == 2
    formula = [
        cell
        for sheet in respondents
        for (cell,) in sheet.iter_rows(min_col=layout.EVIDENCE_COLUMN, max_col=6)
        if cell.value == FORMULA
    ]
    assert formula and all(cell.data_type == "s" for cell in formula)


def test_respondents_of_a_group_with_the_same_name_are_numbered(
    world: World, round_a: AssessmentRound
) -> None:
    for username in ("dee", "eli"):
        person = invite(world, round_a, username, "academia", "University")
        actions.save_answers(person.user, person, {"food/urgency": (3, username)}, submit=True)
    again = actions.open_round(
        world.a.users[Role.COORDINATOR], world.a.organisation, {"title": "Copy"}
    )
    import_into(world, again, export(world, round_a))
    assert {i.name for i in again.invitations.all()} == {"University", "University (2)"}
    assert {actions.answers_of(i)["food/urgency"] for i in again.invitations.all()} == {
        (3, "dee"),
        (3, "eli"),
    }


def test_a_round_without_submitted_answers_has_nothing_to_export(
    world: World, round_a: AssessmentRound
) -> None:
    client = client_for(world.a.users[Role.COORDINATOR])
    response = client.get(url("answers", round_a), follow=True)
    assert response.redirect_chain[-1][0] == url("round", round_a)
    assert "No respondent has submitted answers yet." in response.content.decode()
    assert url("answers", round_a) not in response.content.decode()


def test_the_round_page_offers_the_answers(world: World) -> None:
    item = round_with_answers(world.a)
    page = client_for(world.a.users[Role.COORDINATOR]).get(url("round", item))
    assert url("answers", item) in page.content.decode()
    assert SUBMITTED_NAME in page.content.decode()


def test_only_the_round_s_managers_download_the_answers(world: World) -> None:
    item = round_with_answers(world.a)
    for user in (world.a.users[Role.VIEWER], world.b.users[Role.COORDINATOR], world.outsider):
        assert client_for(user).get(url("answers", item)).status_code == 403
