"""A round of city A with its respondent invited, and helpers to answer and upload."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from mechelen.demo.assessment import write_demo_form
from mechelen.web.assessments import actions
from mechelen.web.assessments.models import AssessmentRound, Invitation
from mechelen.web.framework_data import framework
from mechelen.web.tenancy.roles import Role
from tests.web.assessments.factories import invite_and_accept
from tests.web.conftest import World

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def round_a(world: World) -> AssessmentRound:
    coordinator = world.a.users[Role.COORDINATOR]
    return actions.open_round(coordinator, world.a.organisation, {"title": "Round of A"})


@pytest.fixture
def invitation_a(world: World, round_a: AssessmentRound) -> Invitation:
    """City A's respondent, invited for civil society."""
    return invite_and_accept(
        world.a.users[Role.COORDINATOR],
        round_a,
        world.a.users[Role.RESPONDENT].username,
        group_id="civil-society",
        name="Welcome network",
        language="fr",
    )


def url(name: str, item: AssessmentRound, **extra: Any) -> str:
    return reverse(
        f"assessments:{name}", kwargs={"slug": item.organisation.slug, "pk": item.pk, **extra}
    )


@pytest.fixture(scope="session")
def demo_form(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    """The 14 fictional respondents of the CLI demo as a filled workbook."""
    path = write_demo_form(framework(), tmp_path_factory.mktemp("forms") / "demo.xlsx")
    return path.read_bytes()


def upload(content: bytes, name: str = "answers.xlsx") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=XLSX)


def workbook_bytes(path: Path) -> io.BytesIO:
    return io.BytesIO(path.read_bytes())
