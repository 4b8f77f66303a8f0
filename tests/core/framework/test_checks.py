"""Each registered framework check reports its problem with a code (built from plain dicts)."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from mechelen.core.framework.building import build_framework
from mechelen.core.framework.checks import FRAMEWORK_CHECKS


def text(value: str) -> dict[str, str]:
    return {"en": value}


def levels(top: int = 2) -> list[dict[str, Any]]:
    return [
        {"score": s, "label": text(f"L{s}"), "description": text(f"Level {s}")}
        for s in range(top + 1)
    ]


def documents() -> dict[str, Any]:
    return {
        "framework.yaml": {
            "id": "t",
            "version": "1",
            "title": text("T"),
            "source": text("S"),
            "languages": ["en"],
            "required_languages": ["en"],
            "roles": [
                {"id": "host", "paragraph": 1, "label": text("Host"), "description": text("D")}
            ],
            "themes": [{"id": "one", "paragraphs": [1, 2], "label": text("One")}],
        },
        "commitments.yaml": {
            "commitments": [
                {
                    "paragraph": 1,
                    "theme": "one",
                    "title": text("A"),
                    "summary": text("A."),
                    "crosswalk": {"judgement": ["gcm:1", "sdg:1.1"]},
                },
            ]
        },
        "implementation.yaml": {
            "means": [],
            "dimensions": [
                {
                    "id": "cap",
                    "label": text("Cap"),
                    "description": text("D"),
                    "question": text("{sector}?"),
                    "levels": levels(),
                },
            ],
            "urgency_levels": levels(),
            "stakeholder_groups": [{"id": "city", "kind": "government", "label": text("City")}],
            "sectors": [
                {"id": "a", "letter": "a", "label": text("A")},
                {"id": "b", "letter": "b", "label": text("B")},
            ],
        },
        "references.yaml": {
            "gcm_objectives": [{"id": "1", "title": text("G1")}],
            "sdg_targets": [{"id": "1.1", "title": text("S")}],
            "nua_themes": [],
        },
        "interdependence.yaml": {
            "dependencies": [{"blocker": "a", "blocked": "b", "reason": text("R")}]
        },
    }


def codes(docs: dict[str, Any]) -> set[str]:
    return {p.code for p in build_framework(docs).problems}


def test_a_valid_framework_has_no_problem() -> None:
    result = build_framework(documents())
    assert result.ok, result.problems
    assert result.framework is not None
    assert result.framework.sector("b").label.get("fr") == "B"  # falls back to English


def test_checks_have_stable_ids() -> None:
    assert {
        "unique-ids",
        "known-references",
        "acyclic-dependencies",
        "complete-scales",
        "paragraph-in-theme",
        "crosswalk-schemes",
        "declared-languages",
        "not-empty",
    } <= set(FRAMEWORK_CHECKS)


def mutated(change: Any) -> dict[str, Any]:
    docs = copy.deepcopy(documents())
    change(docs)
    return docs


@pytest.mark.parametrize(
    ("change", "code"),
    [
        (lambda d: d.pop("references.yaml"), "framework.E001"),
        (lambda d: d["framework.yaml"].pop("title"), "framework.E003"),
        (lambda d: d["implementation.yaml"]["sectors"][0].update(id=3), "framework.E004"),
        (
            lambda d: d["framework.yaml"].update(
                required_languages=["en", "fr"], languages=["en", "fr"]
            ),
            "framework.E005",
        ),
        (lambda d: d["implementation.yaml"]["sectors"][1].update(id="a"), "framework.E006"),
        (lambda d: d["commitments.yaml"]["commitments"][0].update(theme="nope"), "framework.E007"),
        (
            lambda d: d["commitments.yaml"]["commitments"][0]["crosswalk"].update(
                judgement=["gcm:99"]
            ),
            "framework.E007",
        ),
        (
            lambda d: d["interdependence.yaml"]["dependencies"].append(
                {"blocker": "b", "blocked": "a", "reason": text("R")}
            ),
            "framework.E008",
        ),
        (lambda d: d["implementation.yaml"]["dimensions"][0]["levels"].pop(1), "framework.E009"),
        (lambda d: d["implementation.yaml"]["sectors"][0].update(colour="red"), "framework.E010"),
        (
            lambda d: d["commitments.yaml"]["commitments"][0]["crosswalk"].update(
                stated=["sdg 8.8"]
            ),
            "framework.E011",
        ),
        (lambda d: d["commitments.yaml"]["commitments"][0].update(paragraph=9), "framework.E012"),
        (
            lambda d: d["implementation.yaml"]["dimensions"].append(
                {**d["implementation.yaml"]["dimensions"][0], "id": "x", "levels": levels(4)}
            ),
            "framework.E013",
        ),
        (lambda d: d["framework.yaml"].update(languages=["fr"]), "framework.E014"),
        (lambda d: d["implementation.yaml"].update(sectors=[]), "framework.E015"),
        (
            lambda d: d["commitments.yaml"]["commitments"][0]["crosswalk"].update(
                judgement=["nua:x"]
            ),
            "framework.W001",
        ),
    ],
)
def test_each_problem_is_reported_with_its_code(change: Any, code: str) -> None:
    assert code in codes(mutated(change))


def test_every_problem_is_reported_not_just_the_first() -> None:
    def break_twice(d: dict[str, Any]) -> None:
        d["framework.yaml"].pop("title")
        d["implementation.yaml"]["sectors"][0].update(colour="red")

    assert {"framework.E003", "framework.E010"} <= codes(mutated(break_twice))
