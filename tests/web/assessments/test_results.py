"""Results come from the core on the stored answers: the same as the CLI report on the same forms."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

from mechelen.core.assessment.aggregation import aggregate
from mechelen.demo.assessment import DEMO_ANSWERS, demo_respondents
from mechelen.engine.assessment.pipeline import run_assessment
from mechelen.web.accounts.models import ApiToken
from mechelen.web.assessments import actions, reading
from mechelen.web.assessments.models import AssessmentRound
from mechelen.web.demo.assessment import as_responses
from mechelen.web.framework_data import framework
from mechelen.web.tenancy.roles import Role
from tests.web.assessments.conftest import upload, url
from tests.web.conftest import World, client_for

COMPARED = ("respondents", "coverage", "cells", "urgency", "priorities", "order_of_work", "method")


def imported_demo(world: World, round_a: AssessmentRound, demo_form: bytes) -> None:
    response = client_for(world.a.users[Role.COORDINATOR]).post(
        url("import", round_a), {"workbooks": upload(demo_form, "demo.xlsx")}
    )
    assert response.status_code == 302, response.content.decode()


def test_results_equal_the_cli_report_on_the_same_form(
    world: World, round_a: AssessmentRound, demo_form: bytes, tmp_path: Path
) -> None:
    imported_demo(world, round_a, demo_form)
    form = tmp_path / "demo.xlsx"
    form.write_bytes(demo_form)
    cli = json.loads(
        run_assessment(framework(), [form], tmp_path / "out", lang="en").json.read_text()
    )
    actions.close_round(world.a.users[Role.COORDINATOR], round_a)
    response = client_for(None).get(
        f"/api/organisations/city-a/assessments/{round_a.pk}/results",
        headers={"Authorization": f"Bearer {ApiToken.issue(world.a.users[Role.VIEWER], 't')[1]}"},
    )
    assert response.status_code == 200, response.content
    web = response.json()
    assert web["respondents"] == 14
    for key in COMPARED:
        assert web[key] == cli[key], key


def test_stored_answers_map_onto_the_core_aggregation(
    world: World, round_a: AssessmentRound
) -> None:
    data: dict[str, Any] = yaml.safe_load(DEMO_ANSWERS.read_text(encoding="utf-8"))
    responses = as_responses(demo_respondents(framework(), data))
    actions.import_responses(None, round_a, responses, "en", ["demo"])
    stored = reading.responses_of(round_a)
    assert len(stored.respondents) == 14 and len({r.group_id for r in stored.respondents}) == 7
    expected, got = aggregate(framework(), responses), aggregate(framework(), stored)
    assert [
        (c.question, c.consensus, dict(c.group_scores), c.blank) for c in got.cells + got.urgency
    ] == [
        (c.question, c.consensus, dict(c.group_scores), c.blank)
        for c in expected.cells + expected.urgency
    ]


def test_drafts_do_not_count(world: World, round_a: AssessmentRound, invitation_a: Any) -> None:
    actions.save_answers(invitation_a.user, invitation_a, {"food/urgency": (4, "")})
    assert reading.responses_of(round_a).respondents == ()
    actions.save_answers(invitation_a.user, invitation_a, {"food/urgency": (4, "")}, submit=True)
    assert [a.score for a in reading.responses_of(round_a).answers] == [4]


def test_results_page_shows_heatmap_table_disagreements_and_priorities(
    world: World, round_a: AssessmentRound, demo_form: bytes
) -> None:
    imported_demo(world, round_a, demo_form)
    page = client_for(world.a.users[Role.VIEWER]).get(url("results", round_a))
    assert page.status_code == 200
    text = page.content.decode()
    assert "<svg" in text and "The same figures as a table" in text
    assert "Disagreements between stakeholder groups" in text
    assert "Ranked priorities" in text and "Suggested order of work" in text
    assert "still open" in text  # provisional while open
    report = reading.report_of(round_a)
    from mechelen.web.framework_data import in_page_language

    first = framework().sector(report.priorities[0].sector_id)
    assert in_page_language(first.label) in text


def test_results_are_refused_to_respondents_providers_and_other_cities(
    world: World, round_a: AssessmentRound
) -> None:
    actions.close_round(None, round_a)
    api = f"/api/organisations/city-a/assessments/{round_a.pk}/results"
    for user in (
        world.a.users[Role.RESPONDENT],
        world.a.users[Role.SERVICE_PROVIDER],
        world.a.users[Role.DATA_STEWARD],
        world.b.users[Role.ADMINISTRATOR],
        world.analyst,
    ):
        assert client_for(user).get(url("results", round_a)).status_code == 403
        headers = {"Authorization": f"Bearer {ApiToken.issue(user, 't')[1]}"}
        assert client_for(None).get(api, headers=headers).status_code == 403


def test_api_results_wait_for_the_round_to_close(world: World, round_a: AssessmentRound) -> None:
    headers = {"Authorization": f"Bearer {ApiToken.issue(world.a.users[Role.COORDINATOR], 't')[1]}"}
    api = f"/api/organisations/city-a/assessments/{round_a.pk}/results"
    assert client_for(None).get(api, headers=headers).status_code == 409


def test_api_lists_rounds_by_role(
    world: World, round_a: AssessmentRound, invitation_a: Any
) -> None:
    hidden = actions.open_round(None, world.a.organisation, {"title": "Hidden"})
    api = "/api/organisations/city-a/assessments"

    def titles(user: Any) -> Any:
        response = client_for(None).get(
            api, headers={"Authorization": f"Bearer {ApiToken.issue(user, 't')[1]}"}
        )
        return response.json() if response.status_code == 200 else response.status_code

    assert {r["title"] for r in titles(world.a.users[Role.VIEWER])} == {"Round of A", hidden.title}
    assert [r["title"] for r in titles(world.a.users[Role.RESPONDENT])] == ["Round of A"]
    assert titles(world.a.users[Role.SERVICE_PROVIDER]) == 403
    assert titles(world.b.users[Role.COORDINATOR]) == 403


def test_the_results_page_follows_new_submissions(
    world: World, round_a: AssessmentRound, demo_form: bytes
) -> None:
    viewer = client_for(world.a.users[Role.VIEWER])
    before = viewer.get(url("results", round_a)).context["respondents"]
    assert before == 0
    imported_demo(world, round_a, demo_form)  # fourteen submitted respondents
    assert viewer.get(url("results", round_a)).context["respondents"] == 14
