"""Shared fixtures: the built-in framework, the tiny test framework, and form builders."""

from __future__ import annotations

import os
import random
from pathlib import Path

import pytest
from hypothesis import settings

from mechelen.core.assessment.questionnaire import build_questionnaire
from mechelen.core.framework.model import Framework
from mechelen.engine.assessment.template import FilledRespondent, write_form
from mechelen.engine.framework import load_framework

FIXTURES = Path(__file__).resolve().parent / "fixtures"
TINY_FRAMEWORK = FIXTURES / "tiny-framework"


@pytest.fixture(scope="session")
def framework() -> Framework:
    return load_framework()


@pytest.fixture(scope="session")
def tiny_framework() -> Framework:
    return load_framework(TINY_FRAMEWORK)


def random_respondents(
    framework: Framework, groups: list[str], seed: int = 1
) -> list[FilledRespondent]:
    """One respondent per entry of ``groups``, with random scores and some evidence."""
    rng = random.Random(seed)
    questions = build_questionnaire(framework)
    respondents = []
    for number, group in enumerate(groups, start=1):
        answers = {
            q.id: (rng.randint(0, framework.max_score), "seen" if rng.random() < 0.1 else "")
            for q in questions
        }
        respondents.append(FilledRespondent(f"Respondent {number}", group, answers))
    return respondents


@pytest.fixture
def filled_form(tmp_path: Path, framework: Framework) -> Path:
    """A filled workbook with five respondents from four groups."""
    groups = ["local-government", "civil-society", "academia", "local-government", "private-sector"]
    return write_form(
        framework,
        tmp_path / "answers.xlsx",
        "en",
        random_respondents(framework, groups),
        "Testville",
    )


# `HYPOTHESIS_PROFILE=thorough pytest` runs the property tests with many more examples
settings.register_profile("thorough", max_examples=3000, deadline=None)
settings.register_profile("default", deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))
