"""Build the filled assessment workbook of the fictional demo city from its YAML answers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from mechelen.core.assessment.questionnaire import URGENCY
from mechelen.core.framework.model import Framework
from mechelen.engine.assessment.template import FilledRespondent, write_form

DEMO_ANSWERS = Path(__file__).resolve().parent / "fictional_city_assessment.yaml"


def demo_respondents(framework: Framework, data: dict[str, Any]) -> list[FilledRespondent]:
    """Respondents with answers from the demo YAML (scores per sector: dimensions, then urgency)."""
    columns = [d.id for d in framework.dimensions] + [URGENCY]
    respondents = []
    for entry in data["respondents"]:
        answers: dict[str, tuple[int | None, str]] = {}
        for sector_id, scores in entry["scores"].items():
            for column, score in zip(columns, scores, strict=True):
                answers[f"{sector_id}/{column}"] = (score, "")
        for question_id, text in (entry.get("evidence") or {}).items():
            score, _ = answers.get(question_id, (None, ""))
            answers[question_id] = (score, str(text))
        respondents.append(FilledRespondent(entry["name"], entry["group"], answers))
    return respondents


def write_demo_form(framework: Framework, path: Path, lang: str = "en") -> Path:
    """The demo city's answers as a filled workbook, exactly as respondents would return it."""
    data = yaml.safe_load(DEMO_ANSWERS.read_text(encoding="utf-8"))
    note = data["note"].get(lang) or data["note"]["en"]
    return write_form(
        framework,
        path,
        lang=lang,
        respondents=demo_respondents(framework, data),
        place=data["place"],
        note=note,
    )
