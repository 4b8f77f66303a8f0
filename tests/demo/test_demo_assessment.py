"""The demo city is clearly fictional and its answers come from at least five groups."""

from __future__ import annotations

from pathlib import Path

import yaml

from mechelen.core.framework.model import Framework
from mechelen.demo.assessment import DEMO_ANSWERS, write_demo_form
from mechelen.engine.assessment.answers_reader import read_answers


def test_demo_answers_are_marked_fictional_in_every_language() -> None:
    data = yaml.safe_load(DEMO_ANSWERS.read_text(encoding="utf-8"))
    assert "fictional" in data["note"]["en"].lower()
    assert "fictif" in data["note"]["fr"].lower() and "ficticio" in data["note"]["es"].lower()


def test_demo_form_reads_back_with_at_least_five_groups(
    tmp_path: Path, framework: Framework
) -> None:
    form = write_demo_form(framework, tmp_path / "demo.xlsx", "fr")
    content = read_answers(framework, [form])
    groups = {r.group_id for r in content.responses.respondents}
    assert len(groups) >= 5
    assert content.warnings == []
    assert "fictif" in content.note.lower()
